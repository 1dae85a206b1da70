//! The A4 report for a committee paper.

use super::{ExportError, Provenance};
use crate::case::Case;
use crate::engine::CaseResults;

/// The report as PDF bytes.
///
/// # Errors
/// When the report cannot be typeset.
pub fn report(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<u8>, ExportError> {
    let _ = (case, results, provenance);
    Err(ExportError::Build {
        format: "pdf",
        message: "not written yet".into(),
    })
}
