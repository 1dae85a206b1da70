//! Formats and the few ways a cell is written: text, an input, or a formula carrying
//! Sharecase's own figure as its stored result, so a reader that does not recalculate shows
//! the app's numbers, and one that does shows the same to the penny.

use crate::report::chart::Rgb;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, FormatBorder, Formula, Worksheet, XlsxError};

/// Whole pounds, negatives in brackets.
pub const MONEY: &str = "£#,##0;(£#,##0);\"-\"";
/// Pounds and pence.
pub const PENCE: &str = "£#,##0.00;(£#,##0.00);\"-\"";

/// A figure as the workbook holds it.
#[must_use]
pub fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The colour of a report palette entry.
#[must_use]
pub fn colour(rgb: Rgb) -> Color {
    Color::RGB((u32::from(rgb[0]) << 16) | (u32::from(rgb[1]) << 8) | u32::from(rgb[2]))
}

/// What a formula shows before it is recalculated.
#[derive(Debug, Clone, PartialEq)]
pub enum Cached {
    /// A number.
    Number(f64),
    /// Text ("none").
    Text(String),
    /// TRUE or FALSE.
    Bool(bool),
    /// Nothing worked out here: an empty result.
    Empty,
}

impl Cached {
    fn result(&self) -> String {
        match self {
            Self::Number(v) if v.is_finite() => format!("{v}"),
            Self::Number(_) | Self::Empty => String::new(),
            Self::Text(t) => t.clone(),
            Self::Bool(true) => "TRUE".into(),
            Self::Bool(false) => "FALSE".into(),
        }
    }
}

impl From<Decimal> for Cached {
    fn from(value: Decimal) -> Self {
        Self::Number(f(value))
    }
}

impl From<f64> for Cached {
    fn from(value: f64) -> Self {
        Self::Number(value)
    }
}

impl From<Option<Decimal>> for Cached {
    fn from(value: Option<Decimal>) -> Self {
        value.map_or_else(|| Self::Text("none".into()), Self::from)
    }
}

/// The workbook's formats.
pub struct Formats {
    /// Sheet titles.
    pub title: Format,
    /// Notes to the reader.
    pub note: Format,
    /// Column headers.
    pub header: Format,
    /// Plain labels.
    pub label: Format,
    /// Bold labels.
    pub strong: Format,
    /// Money, whole pounds.
    pub money: Format,
    /// Money, bold with a rule above.
    pub money_strong: Format,
    /// Money in pence, for line flows.
    pub pence: Format,
    /// An input: money.
    pub input_money: Format,
    /// An input: a rate or fraction.
    pub input_percent: Format,
    /// An input: a plain number.
    pub input_number: Format,
    /// An input: text.
    pub input_text: Format,
    /// A factor.
    pub factor: Format,
    /// A percentage.
    pub percent: Format,
    /// A ratio.
    pub ratio: Format,
    /// Years, to two places.
    pub years: Format,
    /// A whole number.
    pub whole: Format,
    /// A stored constant Sharecase worked out.
    pub constant: Format,
    /// A TRUE/FALSE check.
    pub check: Format,
}

impl Formats {
    /// The formats.
    #[must_use]
    pub fn new() -> Self {
        let input = Color::RGB(0x00E8_F0FB);
        let ink = Color::RGB(0x0000_3A8C);
        Self {
            title: Format::new().set_bold().set_font_size(15),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x005F_6B7A)),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0x00F1_F4F8))
                .set_border_bottom(FormatBorder::Thin),
            label: Format::new(),
            strong: Format::new().set_bold(),
            money: Format::new().set_num_format(MONEY),
            money_strong: Format::new()
                .set_num_format(MONEY)
                .set_bold()
                .set_border_top(FormatBorder::Thin),
            pence: Format::new().set_num_format(PENCE),
            input_money: Format::new()
                .set_num_format(PENCE)
                .set_background_color(input)
                .set_font_color(ink),
            input_percent: Format::new()
                .set_num_format("0.00%")
                .set_background_color(input)
                .set_font_color(ink),
            input_number: Format::new()
                .set_num_format("General")
                .set_background_color(input)
                .set_font_color(ink),
            input_text: Format::new()
                .set_background_color(input)
                .set_font_color(ink),
            factor: Format::new().set_num_format("0.000000"),
            percent: Format::new().set_num_format("0.00%"),
            ratio: Format::new().set_num_format("0.00"),
            years: Format::new().set_num_format("0.00"),
            whole: Format::new().set_num_format("0"),
            constant: Format::new()
                .set_num_format("General")
                .set_font_color(Color::RGB(0x005F_6B7A)),
            check: Format::new()
                .set_bold()
                .set_align(rust_xlsxwriter::FormatAlign::Center),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

/// A text cell; text is never read as a formula, whatever it starts with.
///
/// # Errors
/// When the cell is out of range.
pub fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if value.is_empty() {
        sheet.write_blank(row, col, format)?;
    } else {
        sheet.write_string_with_format(row, col, value, format)?;
    }
    Ok(())
}

/// A number cell.
///
/// # Errors
/// When the cell is out of range.
pub fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: f64,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, col, value, format)?;
    Ok(())
}

/// A formula cell (`text` without the leading `=` or with it) with its stored result.
///
/// # Errors
/// When the cell is out of range.
pub fn formula(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    cached: impl Into<Cached>,
    format: &Format,
) -> Result<(), XlsxError> {
    let text = text.strip_prefix('=').unwrap_or(text);
    let cached = match cached.into() {
        Cached::Text(t) if t.is_empty() => Cached::Empty,
        other => other,
    };
    if cached == Cached::Empty {
        // Shown empty, not 0, before it is recalculated.
        sheet.set_formula_result_default("");
    }
    sheet.write_formula_with_format(
        row,
        col,
        Formula::new(format!("={text}")).set_result(cached.result()),
        format,
    )?;
    Ok(())
}

/// Sets a sheet to print as a committee appendix (landscape, one page wide, the header
/// rows on every page).
///
/// # Errors
/// When the rows are out of range.
pub fn print_setup(sheet: &mut Worksheet, header_last: u32) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, header_last)?;
    sheet.set_footer("&L&A&RPage &P of &N");
    Ok(())
}
