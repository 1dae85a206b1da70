//! The workbook, read back two ways: with calamine (the case as entered on the Inputs sheet,
//! the formulas, and the figures Sharecase stored as their results), and after LibreOffice has
//! recalculated every formula from the Inputs sheet, which must give Sharecase's own figures:
//! every one of the thousands of formula cells, not only the headline ones.

use crate::common;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use sharecase::case::{
    Case, Funding, InvestmentType, Mrp, OptimismBias, PriceBasis, RunningCostType, Weight, example,
};
use sharecase::engine::{CaseResults, Irr, Payback, compute_appraised, scenario};
use sharecase::export::Provenance;
use sharecase::export::workbook::{Input, input_cell, irr_search_result_column, workbook};
use std::io::Cursor;

fn provenance() -> Provenance {
    Provenance {
        file: Some("example.sharecase.json".into()),
        date: "23 November 2026".into(),
        left_out: Vec::new(),
        sha256: None,
    }
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine can read")
}

fn f(d: Decimal) -> f64 {
    d.to_f64().expect("finite")
}

/// The case appraised for `s` and its figures, as the app and the CLI export them.
fn appraised(case: &Case, s: Option<usize>) -> (Case, CaseResults) {
    let appraised = scenario::appraised(case, s);
    let results = compute_appraised(&appraised, s);
    (appraised, results)
}

fn export(case: &Case, s: Option<usize>) -> Vec<u8> {
    let (appraised, results) = appraised(case, s);
    workbook(&appraised, &results, &provenance()).expect("workbook")
}

/// A cell's value by a defined name (`'Sheet'!$B$7`).
fn named(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Data {
    let target = book
        .defined_names()
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| panic!("no name {name}"));
    let (sheet, cell) = target.rsplit_once('!').expect("a sheet reference");
    let sheet = sheet
        .trim_start_matches('=')
        .trim_matches('\'')
        .replace("\'\'", "\'");
    let cell = cell.replace('$', "");
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: u32 = cell[letters.len()..].parse().expect("a row");
    let col = letters
        .bytes()
        .fold(0_u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1))
        - 1;
    let range = book.worksheet_range(&sheet).expect("the sheet");
    range
        .get_value((row - 1, col))
        .cloned()
        .unwrap_or(Data::Empty)
}

/// A measure as the workbook names it: a number, or the text "none".
fn measure_value(d: &Data) -> Result<f64, String> {
    match d {
        Data::Float(v) => Ok(*v),
        Data::Int(v) => Ok(f64::from(i32::try_from(*v).unwrap_or(i32::MAX))),
        other => Err(other.to_string()),
    }
}

fn payback(p: &Payback) -> Result<f64, String> {
    match p {
        Payback::After { years, .. } => Ok(f(*years)),
        Payback::Immediate => Ok(0.0),
        Payback::NotWithinHorizon { .. } => Err("none".into()),
    }
}

/// Each option's named figures against Sharecase's, with the tolerances.
fn check_names(book: &mut Xlsx<Cursor<Vec<u8>>>, results: &CaseResults, what: &str) {
    for (i, option) in results.options.iter().enumerate() {
        let n = i + 1;
        let m = &option.figures.measures;
        let irr = match &m.irr {
            Irr::Rate { rate, .. } => Ok(f(*rate)),
            Irr::None(_) => Err("none".into()),
        };
        let bcr = m.bcr.map(f).ok_or_else(|| "none".to_owned());
        for (name, want, tolerance) in [
            (format!("NPV_{n}"), Ok(f(m.npv)), 0.005),
            (format!("IRR_{n}"), irr, 1e-6),
            (format!("PaybackYears_{n}"), payback(&m.payback), 1e-4),
            (
                format!("DiscountedPaybackYears_{n}"),
                payback(&m.discounted_payback),
                1e-4,
            ),
            (format!("BCR_{n}"), bcr, 1e-6),
        ] {
            let got = measure_value(&named(book, &name));
            match (&got, &want) {
                (Ok(g), Ok(w)) => assert!(
                    (g - w).abs() <= tolerance,
                    "{what}: {name} is {g}, Sharecase says {w}"
                ),
                _ => assert_eq!(got, want, "{what}: {name}"),
            }
        }
    }
    assert_eq!(
        named(book, "ChecksPass"),
        Data::Bool(true),
        "{what}: Checks"
    );
}

/// Every formula cell of `stored` that carries a result, against the same cell after
/// LibreOffice's recalculation; returns how many were compared.
fn every_formula_agrees(stored: &[u8], recalculated: &[u8], what: &str) -> usize {
    let mut before = open(stored.to_vec());
    let mut after = open(recalculated.to_vec());
    let mut compared = 0;
    for sheet in before.sheet_names() {
        let formulas = before.worksheet_formula(&sheet).expect("formulas");
        let values = before.worksheet_range(&sheet).expect("values");
        let again = after.worksheet_range(&sheet).expect("recalculated");
        for (row, col, text) in formulas.used_cells() {
            if text.is_empty() {
                continue;
            }
            let (r, c) = (
                formulas.start().map_or(0, |s| s.0) + u32::try_from(row).expect("row"),
                formulas.start().map_or(0, |s| s.1) + u32::try_from(col).expect("col"),
            );
            // The IRR search's working (NPVs at rates near -99%, where a difference in the
            // last digit is magnified, and the halvings) is checked through its result.
            if sheet == "IRR search" && c != u32::from(irr_search_result_column()) {
                continue;
            }
            let want = values.get_value((r, c)).cloned().unwrap_or(Data::Empty);
            let got = again.get_value((r, c)).cloned().unwrap_or(Data::Empty);
            let same = match (&want, &got) {
                (Data::Empty, _) => continue,
                (Data::String(w), _) if w.is_empty() => continue,
                (Data::Float(w), Data::Float(g)) => (w - g).abs() <= 1e-6_f64.max(1e-9 * w.abs()),
                (Data::Float(w), Data::Int(g)) => {
                    (w - f64::from(i32::try_from(*g).unwrap_or(i32::MAX))).abs() <= 1e-6
                }
                (w, g) => w == g,
            };
            assert!(
                same,
                "{what}: {sheet}!R{}C{}: Sharecase stored {want:?}, LibreOffice worked out {got:?} from ={text}",
                r + 1,
                c + 1
            );
            compared += 1;
        }
    }
    compared
}

/// The example with every feature the model must carry: cash prices, own indexation, weights
/// by year, every funding source, both MRP methods, optimism bias, a scenario's change by
/// category.
fn features() -> Case {
    let mut case = example::case();
    let full = &mut case.options[1];
    full.lines[7].prices = Some(PriceBasis::Cash);
    full.lines[7].indexation = None;
    full.lines[0].mrp = Some(Mrp::Annuity);
    full.lines[0].asset_life_years = Some(8);
    full.lines[1].funding = Some(Funding::Grant);
    full.lines[2].funding = Some(Funding::CapitalReceipts);
    full.lines[5].funding = Some(Funding::RevenueBudget);
    full.lines[8].funding = Some(Funding::Reserves);
    full.optimism_bias = Some(OptimismBias {
        investment_type: InvestmentType::EquipmentDevelopment,
        running_cost_type: Some(RunningCostType::Outsourcing),
        mitigated: Decimal::new(6, 1),
        reason: "Fixed-price contract".into(),
        implementation_months: 18,
    });
    let staff = case
        .bases
        .iter_mut()
        .find(|b| b.name == "Staff affected")
        .expect("basis");
    staff.weights.insert(
        "Northvale".into(),
        Weight::ByYear((0..10).map(|t| Decimal::from(14 - t.min(4))).collect()),
    );
    case.scenarios[0]
        .categories
        .insert("staff".into(), Decimal::new(-1, 1));
    case.partners[1].budget_gap = (0..10)
        .map(|t| Decimal::from(500_000 + 10_000 * t))
        .collect();
    case
}

#[test]
fn calamine_reads_the_inputs_the_formulas_and_the_stored_figures() {
    let case = example::case();
    let (appraised, results) = appraised(&case, None);
    let mut book = open(workbook(&appraised, &results, &provenance()).expect("workbook"));
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "Checks",
            "Inputs",
            "1 Do minimum",
            "2 Full shared service",
            "Budget",
            "Adjustments",
            "Line flows",
            "Sharing",
            "IRR search"
        ]
    );
    let names: Vec<String> = book
        .defined_names()
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    for name in [
        "DiscountRate",
        "Inflation",
        "BorrowingRate",
        "ScenarioChoice",
        "CostUplift_2",
        "BenefitShortfall_2",
        "BenefitDelayMonths_2",
        "NPV_1",
        "NPV_2",
        "IRR_2",
        "PaybackYears_2",
        "DiscountedPaybackYears_2",
        "BCR_2",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    // The inputs are the amounts as typed, not cash worked out from them.
    let inputs = book.worksheet_range("Inputs").expect("Inputs");
    let at = |input: Input| {
        let (_, row, col) = input_cell(&case, input).expect("an input cell");
        inputs
            .get_value((row, u32::from(col)))
            .cloned()
            .unwrap_or(Data::Empty)
    };
    assert_eq!(
        at(Input::Amount { option: 1, line: 0 }),
        Data::Float(1_200_000.0)
    );
    assert_eq!(
        at(Input::Phasing {
            option: 1,
            line: 0,
            k: 1
        }),
        Data::Float(0.4)
    );
    assert_eq!(
        at(Input::Amount { option: 1, line: 9 }),
        Data::Float(1_050_000.0)
    );
    assert_eq!(
        at(Input::Phasing {
            option: 1,
            line: 9,
            k: 0
        }),
        Data::Float(0.25)
    );
    assert_eq!(
        at(Input::ByYear {
            option: 1,
            line: 3,
            year: 1
        }),
        Data::Float(140_000.0)
    );
    assert_eq!(at(Input::CostUplift(1)), Data::Float(0.1));
    assert_eq!(
        at(Input::Weight {
            basis: 0,
            partner: 0,
            year: 0
        }),
        Data::Float(96_400.0)
    );
    assert_eq!(at(Input::ScenarioChoice), Data::Float(1.0));
    assert_eq!(at(Input::DiscountRate), Data::Float(0.035));
    // Formulas refer to the named inputs.
    let flows = book.worksheet_formula("Line flows").expect("formulas");
    assert!(
        flows
            .used_cells()
            .any(|(_, _, t)| t.contains("ScenarioInflation")),
        "real terms deflate by the scenario's inflation"
    );
    let option = book
        .worksheet_formula("2 Full shared service")
        .expect("formulas");
    assert!(
        option
            .used_cells()
            .any(|(_, _, t)| t.contains("DiscountRate"))
    );
    assert!(
        option
            .used_cells()
            .any(|(_, _, t)| t.contains("'IRR search'!"))
    );
    // The stored results are Sharecase's figures, for a reader that does not recalculate.
    check_names(&mut book, &results, "stored");
    let summary = book.worksheet_formula("Summary").expect("formulas");
    assert!(
        summary
            .used_cells()
            .any(|(_, _, t)| t.starts_with("'2 Full shared service'!$B$")),
        "the summary links to the option sheets"
    );
}

#[test]
fn a_name_that_looks_like_a_formula_stays_text() {
    let mut case = example::case();
    case.options[0].lines[0].name = "=1+1".into();
    let mut book = open(export(&case, None));
    let (_, row, _) = input_cell(&case, Input::Amount { option: 0, line: 0 }).expect("cell");
    let range = book.worksheet_range("Inputs").expect("sheet");
    assert_eq!(
        range.get_value((row, 2)).and_then(DataType::get_string),
        Some("=1+1")
    );
}

#[test]
fn libreoffice_recalculates_every_formula_to_sharecases_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = example::case();
    let features = features();
    let cases: Vec<(&str, &Case, Option<usize>)> = vec![
        ("example", &example, None),
        ("example-prudent", &example, Some(0)),
        ("features", &features, None),
        ("features-prudent", &features, Some(0)),
        ("features-inflation", &features, Some(1)),
    ];
    let mut files = Vec::new();
    let mut stored = Vec::new();
    for (name, case, s) in &cases {
        let bytes = export(case, *s);
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&path, &bytes).expect("written");
        files.push(path);
        stored.push(bytes);
    }
    // The same inputs, but results stored from a 10% discount rate: a reader that only
    // showed stored values would show the wrong present values.
    let mut other = example.clone();
    other.discount_rate = Decimal::new(10, 2);
    let (appraised_example, _) = appraised(&example, None);
    let (_, wrong) = appraised(&other, None);
    let stale = dir.path().join("stale.xlsx");
    std::fs::write(
        &stale,
        workbook(&appraised_example, &wrong, &provenance()).expect("workbook"),
    )
    .expect("written");
    files.push(stale);
    let office = common::soffice().expect(
        "LibreOffice is needed to recalculate the workbook: install it with \
         `apt-get install -y libreoffice-calc-nogui` (bash .ci/run does)",
    );
    common::recalculate(office, dir.path(), &files);
    let read = |name: &str| std::fs::read(dir.path().join("out").join(name)).expect("converted");
    for ((name, case, s), bytes) in cases.iter().zip(&stored) {
        let again = read(&format!("{name}.xlsx"));
        let compared = every_formula_agrees(bytes, &again, name);
        assert!(compared > 7_000, "{name}: {compared} formulas compared");
        let (_, results) = appraised(case, *s);
        check_names(&mut open(again), &results, name);
    }
    let again = read("stale.xlsx");
    every_formula_agrees(&stored[0], &again, "stale");
    let (_, results) = appraised(&example, None);
    check_names(&mut open(again), &results, "stale");
}
