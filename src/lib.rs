//! Sharecase: business cases for shared services between UK councils.
//!
//! Data flows one way, and the modules follow it:
//! - [`case`]: the case file, as serde types, with validation and schema versions.
//! - [`engine`]: pure figures from a valid case, in exact decimals; no I/O, no UI.
//! - [`format`]: how figures are written for people, shared by every view.
//! - [`report`]: views that need no window: the text summary and JSON.
//! - [`cli`]: the command line.
//!
//! The finance conventions every figure follows are in `docs/conventions.md`.

pub mod case;
pub mod cli;
pub mod engine;
pub mod format;
pub mod report;
