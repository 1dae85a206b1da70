//! Every integration test, in one binary: one link of the app and its libraries rather than
//! one per file, which is most of the time a cold build spends on the tests. Each file under
//! `tests/` is a module of its own, named as before (`cargo test --test all app::` runs the
//! app's tests).

mod common;

mod app;
mod budget;
mod case_file;
mod charts;
mod cli;
mod conventions;
mod councils;
mod engine_cases;
mod exact;
mod export;
mod format;
mod fuzz_seeds;
mod import;
mod inputs;
mod limits;
mod pdf;
mod properties;
mod scenarios;
mod sensitivity;
mod words;
mod workbook;
mod workbook_model;
