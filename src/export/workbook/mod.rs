//! The workbook an auditor can trace: each option's lines by year as input cells, and every
//! total, the net, cumulative position, real terms, discount factor, present value, NPV and
//! IRR as live formulas referring to them and to the rates on the Assumptions sheet. Each
//! formula carries Sharecase's own figure as its stored result, so a reader that does not
//! recalculate shows the app's numbers, and one that does shows the same to the penny.

mod layout;
mod sheets;

use super::{ExportError, Provenance};
use crate::case::Case;
use crate::engine::CaseResults;
use rust_xlsxwriter::{Workbook, XlsxError};

pub use layout::{FORMULA_ROWS, OptionLayout, column, sheet_names};

fn error(e: &XlsxError) -> ExportError {
    ExportError::Build {
        format: "xlsx",
        message: e.to_string(),
    }
}

/// The workbook as XLSX bytes.
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn workbook(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<u8>, ExportError> {
    build(case, results, provenance).map_err(|e| error(&e))
}

fn build(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let names = sheet_names(case);
    let layouts: Vec<OptionLayout> = case
        .options
        .iter()
        .zip(&names)
        .map(|(o, name)| OptionLayout::new(name, o.lines.len(), usize::from(case.horizon)))
        .collect();
    sheets::summary(&mut book, case, results, provenance, &layouts)?;
    for ((option, result), layout) in case.options.iter().zip(&results.options).zip(&layouts) {
        sheets::option(&mut book, case, option, result, layout)?;
    }
    sheets::budget(&mut book, case, results)?;
    sheets::assumptions(&mut book, case, results)?;
    book.define_name("DiscountRate", "=Assumptions!$B$6")?;
    book.define_name("Inflation", "=Assumptions!$B$7")?;
    book.define_name("BorrowingRate", "=Assumptions!$B$8")?;
    book.save_to_buffer()
}
