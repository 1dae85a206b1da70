//! The fonts Sharecase draws with, shipped in `assets/fonts` (Inter, SIL Open Font Licence),
//! so the window, the chart images and the PDF look the same on any machine, with or without
//! system fonts.

/// Inter Regular: body text and figures.
pub const INTER: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");
/// Inter Semi Bold: headings and figures that must stand out.
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("../assets/fonts/Inter-SemiBold.otf");
/// The family name both faces carry, for SVG and typesetting.
pub const FAMILY: &str = "Inter";
