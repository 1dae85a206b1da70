//! Words and tables for figures, the same in every view: the measure tables, warnings in
//! words, the text summary and JSON.
//!
//! Everything here reads [`crate::engine`] results and writes them; nothing computes a figure.
//! The app, the CLI and the exports render the tables built here ([`measures`], on
//! [`table::Table`]) rather than building their own.

pub mod budget;
pub mod chart;
pub mod committee;
pub mod json;
pub mod lines;
pub mod measures;
pub mod partners;
pub mod risk;
pub mod scenarios;
pub mod summary;
pub mod table;
pub use table::tab_separated;
pub mod words;
