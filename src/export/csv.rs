//! CSV tables: every line by partner and year (tidy, one amount per row), and the yearly
//! summary.

use crate::case::Case;
use crate::engine::CaseResults;

/// The tidy table of lines.
#[must_use]
pub fn lines(case: &Case, results: &CaseResults) -> String {
    let _ = (case, results);
    String::new()
}

/// The yearly summary of each option and partner.
#[must_use]
pub fn yearly(case: &Case, results: &CaseResults) -> String {
    let _ = (case, results);
    String::new()
}
