//! Views that need no window: words for figures, the text summary and JSON.
//!
//! Everything here reads [`crate::engine`] results and writes them; nothing computes a figure.

pub mod chart;
pub mod json;
pub mod partners;
pub mod risk;
pub mod summary;
mod table;
pub use table::tab_separated;
pub mod words;
