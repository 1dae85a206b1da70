//! The workbook, read back two ways: with calamine (the values Sharecase stored, and the
//! formulas), and after LibreOffice has recalculated every formula from the input cells,
//! which must give Sharecase's own figures to the penny.

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use sharecase::case::{Case, example};
use sharecase::engine::{CaseResults, Irr, YearFigures, compute_valid};
use sharecase::export::Provenance;
use sharecase::export::workbook::{FORMULA_ROWS, OptionLayout, sheet_names, workbook};
use std::io::Cursor;
use std::path::Path;
use std::process::Command;

fn provenance() -> Provenance {
    Provenance {
        file: Some("example.sharecase.json".into()),
        date: "23 November 2026".into(),
        left_out: Vec::new(),
    }
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine can read")
}

fn f(d: Decimal) -> f64 {
    d.to_f64().expect("finite")
}

/// What row `k` of the formulas holds in year `y`, from the engine.
fn expected(y: &YearFigures, k: usize) -> Decimal {
    [
        y.investment_cash,
        y.costs_cash,
        y.benefits_cash,
        y.net_cash,
        y.cumulative_cash,
        y.net_real,
        y.discount_factor,
        y.present_value,
        y.cumulative_pv,
        -y.costs_cash,
    ][k]
}

fn number(range: &calamine::Range<Data>, row: u32, col: u16, what: &str) -> f64 {
    range
        .get_value((row, u32::from(col)))
        .and_then(DataType::get_float)
        .unwrap_or_else(|| panic!("{what}: no number at row {} col {col}", row + 1))
}

/// Every formula cell of every option sheet against the engine: money to the penny, factors
/// to 1e-9, IRR to 1e-6.
fn check_figures(book: &mut Xlsx<Cursor<Vec<u8>>>, case: &Case, results: &CaseResults) {
    for (name, (option, result)) in sheet_names(case)
        .iter()
        .zip(case.options.iter().zip(&results.options))
    {
        let layout = OptionLayout::new(name, option.lines.len(), usize::from(case.horizon));
        let range = book.worksheet_range(name).expect("option sheet");
        for (k, label) in FORMULA_ROWS.iter().enumerate() {
            for (t, y) in result.figures.years.iter().enumerate() {
                let got = number(&range, layout.formula_row(k), layout.year_column(t), label);
                let want = f(expected(y, k));
                let tolerance = if k == 6 { 1e-9 } else { 0.005 };
                assert!(
                    (got - want).abs() <= tolerance,
                    "{name}, {label}, {}: {got} against {want}",
                    y.label
                );
            }
        }
        let npv = number(&range, layout.npv_row(), layout.year_column(0), "NPV");
        assert!(
            (npv - f(result.figures.measures.npv)).abs() <= 0.005,
            "{name} NPV {npv}"
        );
        if let Irr::Rate { rate, .. } = &result.figures.measures.irr {
            let irr = number(&range, layout.irr_row(), layout.year_column(0), "IRR");
            assert!(
                (irr - f(*rate)).abs() < 1e-6,
                "{name} IRR {irr} against {rate}"
            );
        }
    }
}

#[test]
fn calamine_reads_the_sheets_inputs_formulas_and_stored_figures() {
    let case = example::case();
    let results = compute_valid(&case);
    let mut book = open(workbook(&case, &results, &provenance()).expect("workbook"));
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "1 Do minimum",
            "2 Full shared service",
            "Budget",
            "Assumptions"
        ]
    );
    let names: Vec<&str> = book
        .defined_names()
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert!(
        names.contains(&"DiscountRate") && names.contains(&"Inflation"),
        "{names:?}"
    );
    // Inputs: each line's cash, as the engine has it.
    let option = &case.options[1];
    let layout = OptionLayout::new("2 Full shared service", option.lines.len(), 10);
    let range = book
        .worksheet_range("2 Full shared service")
        .expect("sheet");
    for (i, flows) in results.options[1].lines.iter().enumerate() {
        let row = OptionLayout::FIRST_LINE + u32::try_from(i).expect("row");
        assert_eq!(
            range.get_value((row, 0)).and_then(DataType::get_string),
            Some(flows.name.as_str())
        );
        for (t, cash) in flows.cash.iter().enumerate() {
            let got = number(&range, row, layout.year_column(t), &flows.name);
            assert!((got - f(*cash)).abs() < 1e-6, "{} {t}", flows.name);
        }
    }
    // Formulas, referring to the inputs and the named rates.
    let formulas = book
        .worksheet_formula("2 Full shared service")
        .expect("formulas");
    let at = |k: usize, col: u16| {
        formulas
            .get_value((layout.formula_row(k), u32::from(col)))
            .cloned()
            .unwrap_or_default()
    };
    let last = layout.last_line() + 1;
    assert_eq!(
        at(2, 4),
        format!(
            "SUMIF($B$7:$B${last},\"Saving\",E$7:E${last})+SUMIF($B$7:$B${last},\"Income\",E$7:E${last})"
        )
    );
    assert!(at(5, 5).contains("Inflation"), "{}", at(5, 5));
    assert!(at(6, 5).contains("DiscountRate"), "{}", at(6, 5));
    let npv = formulas
        .get_value((layout.npv_row(), 4))
        .cloned()
        .unwrap_or_default();
    assert!(npv.starts_with("SUM(E"), "{npv}");
    // The stored results are Sharecase's figures.
    check_figures(&mut book, &case, &results);
    // The summary links to the option sheets and shows the same NPV.
    let summary = book.worksheet_range("Summary").expect("summary");
    let npv = number(&summary, 5, 2, "summary NPV");
    assert!((npv - f(results.options[1].figures.measures.npv)).abs() <= 0.005);
    let summary_formulas = book.worksheet_formula("Summary").expect("formulas");
    let link = summary_formulas
        .get_value((5, 2))
        .cloned()
        .unwrap_or_default();
    assert!(link.starts_with("'2 Full shared service'!$E$"), "{link}");
}

#[test]
fn a_name_that_looks_like_a_formula_stays_text() {
    let mut case = example::case();
    case.options[0].lines[0].name = "=1+1".into();
    let results = compute_valid(&case);
    let mut book = open(workbook(&case, &results, &provenance()).expect("workbook"));
    let range = book.worksheet_range("1 Do minimum").expect("sheet");
    assert_eq!(
        range
            .get_value((OptionLayout::FIRST_LINE, 0))
            .and_then(DataType::get_string),
        Some("=1+1")
    );
}

fn soffice() -> &'static str {
    for candidate in ["soffice", "libreoffice"] {
        if Command::new(candidate).arg("--version").output().is_ok() {
            return candidate;
        }
    }
    panic!(
        "LibreOffice is needed to recalculate the workbook: install it with \
         `apt-get install -y libreoffice-calc-nogui` (bash .ci/run does)"
    );
}

/// Converts `files` to xlsx with LibreOffice, recalculating every formula on load.
fn recalculate(dir: &Path, files: &[&Path]) {
    let profile = dir.join("profile");
    std::fs::create_dir_all(profile.join("user")).expect("profile");
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .expect("settings");
    let out = dir.join("out");
    let status = Command::new(soffice())
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(&out)
        .args(files)
        .output()
        .expect("LibreOffice runs");
    assert!(status.status.success(), "{status:?}");
}

#[test]
fn libreoffice_recalculates_every_formula_to_sharecases_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = example::case();
    let results = compute_valid(&case);
    let plain = dir.path().join("plain.xlsx");
    std::fs::write(
        &plain,
        workbook(&case, &results, &provenance()).expect("workbook"),
    )
    .expect("written");
    // The same inputs and rates, but results stored from a 10% discount rate: a reader that
    // only showed stored values would show the wrong present values.
    let mut other = case.clone();
    other.discount_rate = Decimal::new(10, 2);
    let wrong = dir.path().join("stale.xlsx");
    std::fs::write(
        &wrong,
        workbook(&case, &compute_valid(&other), &provenance()).expect("workbook"),
    )
    .expect("written");
    let mut stale = open(std::fs::read(&wrong).expect("read"));
    let layout = OptionLayout::new("2 Full shared service", case.options[1].lines.len(), 10);
    let stored = number(
        &stale
            .worksheet_range("2 Full shared service")
            .expect("sheet"),
        layout.npv_row(),
        4,
        "stored NPV",
    );
    assert!(
        (stored - f(results.options[1].figures.measures.npv)).abs() > 1_000_000.0,
        "the stale workbook really stores other figures"
    );
    recalculate(dir.path(), &[&plain, &wrong]);
    for name in ["plain.xlsx", "stale.xlsx"] {
        let bytes = std::fs::read(dir.path().join("out").join(name)).expect("converted");
        check_figures(&mut open(bytes), &case, &results);
    }
}

#[test]
fn libreoffice_recalculates_mrp_and_interest_to_sharecases_figures() {
    use sharecase::case::Mrp;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut case = example::case();
    // One capital line repaid as an annuity over 8 years, so both methods are worked out.
    let at = case.options[1]
        .lines
        .iter()
        .position(|l| l.kind == sharecase::case::LineKind::CapitalInvestment)
        .expect("a capital line");
    case.options[1].lines[at].mrp = Some(Mrp::Annuity);
    case.options[1].lines[at].asset_life_years = Some(8);
    let results = compute_valid(&case);
    let plain = dir.path().join("budget.xlsx");
    std::fs::write(
        &plain,
        workbook(&case, &results, &provenance()).expect("workbook"),
    )
    .expect("written");
    recalculate(dir.path(), &[&plain]);
    let mut book =
        open(std::fs::read(dir.path().join("out").join("budget.xlsx")).expect("converted"));
    let range = book.worksheet_range("Budget").expect("the Budget sheet");
    let mut checks = 0;
    let mut totals = Vec::new();
    for (r, row) in range.rows().enumerate() {
        let label = row.first().map(|c| c.to_string()).unwrap_or_default();
        if label.ends_with("agrees (to the penny)") {
            // Columns D to the one after the horizon: ten years and "after the horizon".
            for cell in &row[3..14] {
                assert_eq!(*cell, Data::Bool(true), "row {r} {label}: {cell:?}");
                checks += 1;
            }
        }
        if label == "Total MRP" {
            totals.push(
                row[3..13]
                    .iter()
                    .map(|c| c.as_f64().unwrap_or(f64::NAN))
                    .collect::<Vec<_>>(),
            );
        }
    }
    assert_eq!(checks, 4 * 11, "MRP and interest checked for both options");
    // The recalculated MRP is the engine's, year by year (the full option's block is second).
    let budget = sharecase::engine::budget::option_budget(&case, &results.options[1], 1);
    for (t, y) in budget.all.years.iter().enumerate() {
        assert!(
            (totals[1][t] - f(y.mrp)).abs() < 0.01,
            "year {t}: {} {}",
            totals[1][t],
            y.mrp
        );
    }
}
