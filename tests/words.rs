//! One set of words: the app (driven headless through its accessibility tree), the PDF report
//! (read back with poppler's `pdftotext`) and `sharecase summary` show every measure of the
//! example case in the same words, row label and figure alike. A measure that one of them
//! does not show fails here, naming the view and the measure.

use crate::common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sharecase::app::{Document, SharecaseApp, Tab};
use sharecase::case::example;
use sharecase::engine::compute_valid;
use sharecase::export::{Provenance, pdf};
use sharecase::format::MoneyStyle;
use sharecase::report::measures::{self, Measure};
use sharecase::report::table::Table;
use std::path::Path;
use std::process::Command;

/// Every run of white space as one space, as a reader sees words wrapped in a cell.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's text in content order (a table cell's lines stay together), lines joined by a
/// space, a word broken after its hyphen at the end of a line joined again.
fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-raw", &path.to_string_lossy(), "-"])
        .output()
        .expect("pdftotext runs: install the Debian package poppler-utils");
    assert!(output.status.success(), "pdftotext failed");
    common::joined_pdf_lines(&String::from_utf8_lossy(&output.stdout))
}

/// Every label and figure of `table`, with what the row is, for messages.
fn words_of(table: &Table) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for row in &table.rows {
        out.push((format!("the label of {:?}", row.label), row.label.clone()));
        for (cell, column) in row.cells.iter().zip(&table.columns[1..]) {
            out.push((
                format!("{} for {}", row.label, column.title),
                cell.text.clone(),
            ));
        }
    }
    out
}

fn app_shows(harness: &Harness<'static, SharecaseApp>, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

#[test]
fn the_app_the_pdf_and_the_cli_word_every_measure_alike() {
    let case = example::case();
    let results = compute_valid(&case);
    let rate = case.discount_rate;
    let compare = measures::compare(&results, rate, MoneyStyle::Pounds);
    let full = &results.options[1];
    let partners = measures::partners(full, &results.years, rate, MoneyStyle::Pounds);

    // A figure once worded two ways (short on screen, long on paper): the full shared
    // service's cash payback, 4.97 years, which docs/conventions.md ("Months can round to a
    // whole year") words as 5 years, in 2030/31.
    let payback = compare
        .rows
        .iter()
        .find(|r| r.measure == Some(Measure::Payback))
        .expect("a payback row");
    assert_eq!(payback.label, "Payback (cash)");
    assert_eq!(payback.cells[1].text, "5 years, in 2030/31");
    // Every measure is a row of both tables.
    for measure in Measure::ALL {
        for table in [&compare, &partners] {
            assert!(
                table.rows.iter().any(|r| r.measure == Some(measure)),
                "{measure:?} is missing from {}",
                table.title
            );
        }
    }

    // The command line.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("example.sharecase.json");
    sharecase::case::save(&file, &case).expect("the example is written");
    let output = Command::new(env!("CARGO_BIN_EXE_sharecase"))
        .arg("summary")
        .arg(&file)
        .output()
        .expect("sharecase runs");
    assert!(output.status.success());
    let cli = String::from_utf8_lossy(&output.stdout).into_owned();

    // The PDF report.
    let provenance = Provenance {
        file: Some("example.sharecase.json".into()),
        date: "30 November 2026".into(),
        left_out: Vec::new(),
        sha256: None,
    };
    let bytes = pdf::report(&case, &results, &provenance).expect("the report is made");
    let path = dir.path().join("example.pdf");
    std::fs::write(&path, bytes).expect("the report is written");
    let paper = pdf_text(&path);

    // The app: the options compared, then the full shared service's partners.
    let app = SharecaseApp::new(Document::unsaved(case.clone()), Some(dir.path().to_owned()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1600.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(sharecase::app::install_theme)
        .build_ui_state(|ui, app: &mut SharecaseApp| app.frame(ui), app);
    harness.state_mut().view.tab = Tab::Compare;
    harness.run_ok();
    let mut missing = Vec::new();
    for (what, words) in words_of(&compare) {
        if !app_shows(&harness, &words) {
            missing.push(format!("the app's Compare tab lacks {what}: {words:?}"));
        }
    }
    harness.state_mut().view.option = 1;
    harness.state_mut().view.tab = Tab::Partners;
    harness.run_ok();
    for (what, words) in words_of(&partners) {
        if !app_shows(&harness, &words) {
            missing.push(format!("the app's Partners tab lacks {what}: {words:?}"));
        }
    }
    // The header cards: the compact form report defines, never words of their own.
    for (measure, cell) in measures::cards(&full.figures, &results.years, rate, MoneyStyle::Pounds)
    {
        for words in [
            measure.short_label(),
            cell.short.as_str(),
            cell.note.as_str(),
        ] {
            if !app_shows(&harness, words) {
                missing.push(format!("the header card of {measure:?} lacks {words:?}"));
            }
        }
    }

    for (what, words) in words_of(&compare).into_iter().chain(words_of(&partners)) {
        let words = squeeze(&words);
        if !cli.contains(&words) {
            missing.push(format!("`sharecase summary` lacks {what}: {words:?}"));
        }
        if !paper.contains(&words) {
            missing.push(format!("the PDF report lacks {what}: {words:?}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
