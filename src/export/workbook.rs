//! The workbook an auditor can trace: inputs by year and live formulas.

use super::{ExportError, Provenance};
use crate::case::Case;
use crate::engine::CaseResults;

/// The workbook as XLSX bytes.
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn workbook(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<u8>, ExportError> {
    let _ = (case, results, provenance);
    Err(ExportError::Build {
        format: "xlsx",
        message: "not written yet".into(),
    })
}
