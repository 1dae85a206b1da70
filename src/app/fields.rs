//! Form fields for exact numbers. The text being typed is kept apart from the model: the
//! model changes only when the text reads as a number, and text that does not read stays on
//! screen, outlined, with a message in words, until it is put right. Nothing typed is lost.

use super::theme::Palette;
use crate::format::{MoneyStyle, money};
use crate::input::{parse_amount, parse_percent, parse_percent_list};
use egui::{Response, TextEdit, Ui};
use rust_decimal::Decimal;

/// What a field holds, which sets how it is shown and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money in pounds: shown `1,050,000`, read as `1050000`, `£1,050,000`...
    Money,
    /// A fraction shown and typed as a percentage: `3.5` means 0.035.
    Percent,
    /// A plain number (weights).
    Number,
}

impl Kind {
    fn show(self, value: Decimal) -> String {
        match self {
            Self::Money => money(value, MoneyStyle::Pence)
                .trim_start_matches('£')
                .trim_end_matches(".00")
                .to_owned(),
            Self::Percent => percent_text(value),
            Self::Number => value.normalize().to_string(),
        }
    }

    fn read(self, text: &str) -> Result<Decimal, String> {
        match self {
            Self::Money | Self::Number => parse_amount(text),
            Self::Percent => parse_percent(text),
        }
    }
}

/// A fraction as the percentage typed for it; one too large to multiply (from a file that
/// validation will refuse) is shown as the fraction it is.
fn percent_text(value: Decimal) -> String {
    value.checked_mul(Decimal::ONE_HUNDRED).map_or_else(
        || format!("{} (as a fraction)", value.normalize()),
        |p| p.normalize().to_string(),
    )
}

#[derive(Clone, Default)]
struct Draft {
    text: String,
    error: Option<String>,
}

/// A text field for an exact number, named `name` for screen readers and tests. Returns the
/// field's response; `value` changes only to a number read from the text.
pub fn decimal(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    value: &mut Decimal,
    kind: Kind,
    width: f32,
) -> Response {
    let shown = kind.show(*value);
    text_field(ui, id_salt, name, &shown, width, |text| {
        kind.read(text).map(|v| *value = v)
    })
}

/// A field for a list of percentages (`60, 40`), as phasing and ramp-up are typed.
pub fn percent_list(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    values: &mut Vec<Decimal>,
    width: f32,
) -> Response {
    let shown = values
        .iter()
        .map(|v| percent_text(*v))
        .collect::<Vec<_>>()
        .join(", ");
    text_field(ui, id_salt, name, &shown, width, |text| {
        parse_percent_list(text).map(|v| *values = v)
    })
}

fn text_field(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    shown: &str,
    width: f32,
    mut apply: impl FnMut(&str) -> Result<(), String>,
) -> Response {
    let id = ui.make_persistent_id(id_salt);
    let mut draft: Option<Draft> = ui.data(|d| d.get_temp(id));
    let mut text = draft
        .as_ref()
        .map_or_else(|| shown.to_owned(), |d| d.text.clone());
    let has_error = draft.as_ref().is_some_and(|d| d.error.is_some());
    let palette = Palette::of(ui);
    let mut edit = TextEdit::singleline(&mut text)
        .id(id.with("edit"))
        .align(egui::Align2::RIGHT_CENTER);
    if has_error {
        edit = edit.background_color(palette.error.gamma_multiply(0.15));
    }
    let response = ui.add_sized([width, 22.0], edit).accessible_name(name);
    if response.changed() {
        let error = apply(&text).err();
        draft = Some(Draft { text, error });
    } else if response.has_focus() && draft.is_none() {
        draft = Some(Draft { text, error: None });
    }
    // Once the field is left with a number that reads, show the model's value again.
    if !response.has_focus() && draft.as_ref().is_some_and(|d| d.error.is_none()) {
        draft = None;
    }
    let message = draft.as_ref().and_then(|d| d.error.clone());
    ui.data_mut(|d| match draft {
        Some(draft) => {
            d.insert_temp(id, draft);
        }
        None => d.remove::<Draft>(id),
    });
    if let Some(message) = message {
        ui.colored_label(palette.error, message);
    }
    response
}

/// Shows each problem in words, in the error colour, where the field is.
pub fn problems(ui: &mut Ui, messages: &[String]) {
    let palette = Palette::of(ui);
    for message in messages {
        ui.colored_label(palette.error, message);
    }
}
