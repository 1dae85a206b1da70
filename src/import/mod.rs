//! Lines read from a budget spreadsheet (CSV or XLSX) into an option.
//!
//! Everything is checked before anything is applied: a file with one bad cell gives its
//! problems by row and column and changes nothing.

use crate::case::{Case, Line};
use std::fmt;

/// One thing wrong with an imported file, where a spreadsheet user will find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Row number as the spreadsheet shows it (1 is the header row); 0 for the whole file.
    pub row: usize,
    /// The column's header, or empty for the whole row or file.
    pub column: String,
    /// What is wrong and what is accepted.
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column.is_empty()) {
            (0, true) => f.write_str(&self.message),
            (0, false) => write!(f, "column {}: {}", self.column, self.message),
            (row, true) => write!(f, "row {row}: {}", self.message),
            (row, false) => write!(f, "row {row}, column {}: {}", self.column, self.message),
        }
    }
}

/// Lines from CSV text, for `case` (whose years, partners and bases they must fit).
///
/// # Errors
/// Every problem found, by row and column.
pub fn from_csv(text: &str, case: &Case) -> Result<Vec<Line>, Vec<ImportProblem>> {
    let _ = (text, case);
    Err(vec![ImportProblem {
        row: 0,
        column: String::new(),
        message: "not written yet".into(),
    }])
}

/// Lines from the first sheet of an XLSX workbook.
///
/// # Errors
/// Every problem found, by row and column.
pub fn from_xlsx(bytes: &[u8], case: &Case) -> Result<Vec<Line>, Vec<ImportProblem>> {
    let _ = (bytes, case);
    Err(vec![ImportProblem {
        row: 0,
        column: String::new(),
        message: "not written yet".into(),
    }])
}
