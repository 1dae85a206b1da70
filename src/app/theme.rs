//! The look: Inter (shipped in `assets/`, with the £ sign), a light theme for projectors and
//! print by default, dark as an option, and colours named in one place.

use crate::report::chart::Rgb;
use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};
use std::sync::Arc;

use crate::fonts::{INTER, INTER_SEMIBOLD};
/// The app icon, also used for the window.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The family used for headings and figures that must stand out.
pub fn strong_family() -> FontFamily {
    FontFamily::Name("strong".into())
}

/// Installs the fonts and text sizes. Egui's own fonts stay as fallbacks for symbols.
pub fn install(ctx: &egui::Context, dark: bool) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("inter".into(), Arc::new(FontData::from_static(INTER)));
    fonts.font_data.insert(
        "inter-semibold".into(),
        Arc::new(FontData::from_static(INTER_SEMIBOLD)),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, "inter".into());
    }
    let mut strong = vec!["inter-semibold".to_owned()];
    strong.extend(fallbacks);
    fonts.families.insert(strong_family(), strong);
    ctx.set_fonts(fonts);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(20.0, strong_family())),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(11.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        // Scroll bars always drawn where there is more to see: a table cut off at the right
        // edge of a laptop screen says so.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
    });
    set_dark(ctx, dark);
}

/// Switches between the light and dark themes.
pub fn set_dark(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
}

/// Named colours, so views never write colour literals.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Text and lines for problems.
    pub error: Color32,
    /// Text for warnings.
    pub warning: Color32,
    /// A figure that is good news (positive NPV, pays back).
    pub good: Color32,
    /// A figure that is bad news.
    pub bad: Color32,
    /// The zero line on charts.
    pub axis: Color32,
    /// Background of the headline figure cards.
    pub card: Color32,
    /// Quiet text (units, bases).
    pub muted: Color32,
    /// The boundaries between financial years on charts: seen, but quieter than the data.
    pub grid: Color32,
}

impl Palette {
    /// The palette for the current theme.
    #[must_use]
    pub fn of(ui: &egui::Ui) -> Self {
        if ui.visuals().dark_mode {
            Self {
                error: Color32::from_rgb(0xFF, 0x6B, 0x6B),
                warning: Color32::from_rgb(0xF5, 0xB0, 0x41),
                good: Color32::from_rgb(0x6F, 0xCF, 0x97),
                bad: Color32::from_rgb(0xFF, 0x8A, 0x80),
                axis: Color32::from_gray(0xDD),
                card: Color32::from_gray(0x2A),
                muted: Color32::from_gray(0xA0),
                grid: Color32::from_gray(0x55),
            }
        } else {
            Self {
                error: Color32::from_rgb(0xB0, 0x1E, 0x1E),
                warning: Color32::from_rgb(0x9A, 0x5B, 0x00),
                good: Color32::from_rgb(0x1B, 0x6E, 0x3A),
                bad: Color32::from_rgb(0xB0, 0x1E, 0x1E),
                axis: Color32::from_gray(0x20),
                card: Color32::from_rgb(0xF1, 0xF4, 0xF8),
                muted: Color32::from_gray(0x5A),
                grid: Color32::from_gray(0xC8),
            }
        }
    }
}

/// A chart colour as egui's.
#[must_use]
pub fn colour(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}
