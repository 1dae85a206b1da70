//! Sharecase: business cases for shared services between UK councils.
//!
//! Data flows one way, and the modules follow it:
//! - [`case`]: the case file, as serde types, with validation and schema versions.
//! - [`engine`]: pure figures from a valid case, in exact decimals; no I/O, no UI.
//! - [`analysis`]: everything derived from one revision of a case, options validated one
//!   by one, so views never mix figures of two revisions.
//! - [`format`] and [`input`]: how figures are written for people and read back.
//! - [`report`]: views that need no window: the text summary and JSON.
//! - [`export`]: files for the committee paper (workbook, CSV, PDF, chart images).
//! - [`import`]: lines read from a budget spreadsheet (CSV or XLSX).
//! - [`app`]: the desktop app (egui), which edits the case and shows results.
//! - [`cli`]: the command line.
//! - [`robustness`]: whole paths from untrusted bytes, for the fuzz targets and their tests.
//!
//! The finance conventions every figure follows are in `docs/conventions.md`.

pub mod analysis;
pub mod app;
pub mod case;
pub mod cli;
pub mod engine;
pub mod export;
pub mod fonts;
pub mod format;
pub mod import;
pub mod input;
pub mod report;
pub mod robustness;
