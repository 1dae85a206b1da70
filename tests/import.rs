//! Importing lines from CSV and XLSX: what is read, every problem by row and column, and
//! nothing applied when anything is wrong.

use crate::common;

use assert_cmd::Command;
use common::d;
use predicates::prelude::*;
use sharecase::case::{Amounts, LineKind, Sharing, example};
use sharecase::engine::compute_valid;
use sharecase::import::{self, from_csv, from_xlsx};

const GOOD: &str = "\u{feff}Name,Kind,Category,Sharing,Indexation,Source,2026/27,2027/28,Year 3\n\
New portal,Capital investment,ICT,by Population,,Supplier quote,\"£120,000.50\",,\n\
Channel shift,saving,,Eastbrook,2.5%,Model,,\"40,000\",80000\n\
,,,,,,,,\n";

#[test]
fn a_good_csv_gives_the_lines_as_written() {
    let case = example::case();
    let lines = from_csv(GOOD, &case).expect("valid");
    assert_eq!(lines.len(), 2, "the blank row is skipped");
    assert_eq!(lines[0].name, "New portal");
    assert_eq!(lines[0].kind, LineKind::CapitalInvestment);
    assert_eq!(lines[0].sharing, Sharing::Basis("Population".into()));
    assert_eq!(lines[0].amounts, Amounts::ByYear(vec![d("120000.50")]));
    assert_eq!(lines[0].source, "Supplier quote");
    assert_eq!(lines[1].kind, LineKind::Saving);
    assert_eq!(
        lines[1].category, "Staff",
        "a blank category takes the kind's default"
    );
    assert_eq!(lines[1].sharing, Sharing::Partner("Eastbrook".into()));
    assert_eq!(lines[1].indexation, Some(d("0.025")));
    assert_eq!(
        lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("40000"), d("80000")])
    );
}

#[test]
fn applying_moves_the_totals_by_exactly_the_imported_money() {
    let case = example::case();
    let lines = from_csv(GOOD, &case).expect("valid");
    let before = compute_valid(&case);
    let after_case = import::apply(&case, 1, &lines, false).expect("applies");
    assert_eq!(
        after_case.options[1].lines.len(),
        case.options[1].lines.len() + 2
    );
    let after = compute_valid(&after_case);
    let (b, a) = (
        &before.options[1].figures.years,
        &after.options[1].figures.years,
    );
    // Year 0: the portal's £120,000.50, with the option's 10% cost uplift, no indexation yet.
    assert_eq!(a[0].investment_cash - b[0].investment_cash, d("132000.55"));
    assert_eq!(a[0].benefits_cash, b[0].benefits_cash);
    // The saving, as imported, changes the benefits from year 1 on; the other option not.
    assert!(a[1].benefits_cash > b[1].benefits_cash);
    assert_eq!(after.options[0], before.options[0]);
}

#[test]
fn a_bad_cell_is_named_by_row_and_column_and_every_problem_is_listed() {
    let case = example::case();
    let mut text = String::from("name,kind,2026/27,2027/28\n");
    for i in 2..14 {
        text.push_str(&format!("Line {i},Saving,0,100\n"));
    }
    text.push_str("Line 14,Saving,0,abc\n");
    text.push_str("Line 15,Sving,(500),\n");
    text.push_str("Line 2,Income,1,1\n");
    text.push_str(",Income,1,1\n");
    let problems = from_csv(&text, &case).expect_err("problems");
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(words[0], "row 14, column 2027/28: 'abc' is not an amount");
    assert!(words[1].starts_with("row 15, column kind: 'Sving' is not a kind"));
    assert!(words[2].starts_with("row 15, column 2026/27: (£500.00) is negative"));
    assert!(words[3].starts_with("row 16, column name: 'Line 2' is already the name of row 2"));
    assert_eq!(words[4], "row 17, column name: the line has no name");
    assert_eq!(words.len(), 5, "{words:#?}");
}

#[test]
fn unknown_or_missing_columns_and_years_beyond_the_horizon_are_refused() {
    let case = example::case();
    let problems = from_csv(
        "nmae,kind,2026/27,2036/37,Cost centre\nA,Saving,1,1,X\n",
        &case,
    )
    .expect_err("problems");
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        words[0].starts_with("column nmae: is not a column Sharecase reads"),
        "{words:?}"
    );
    assert!(words[1].starts_with("column 2036/37: is after the case's last year, 2035/36"));
    assert!(words[2].starts_with("column Cost centre: is not a column"));
    assert!(words[3].starts_with("row 1: there is no 'name' column"));
    let problems = from_csv("name,kind,sharing,2026/27\nA,Saving,Nowhere,1\n", &case)
        .expect_err("unknown sharing");
    assert!(
        problems[0]
            .to_string()
            .contains("'Nowhere' is not a partner or a sharing basis")
    );
}

#[test]
fn a_case_without_a_sensible_horizon_is_refused_not_a_crash() {
    let mut case = example::case();
    case.horizon = 0;
    let problems = from_csv(GOOD, &case).expect_err("no years to import into");
    assert!(
        problems[0]
            .to_string()
            .contains("the case's horizon is 0 years")
    );
}

#[test]
fn nothing_is_applied_when_the_case_would_not_be_valid() {
    let case = example::case();
    let lines = from_csv(GOOD, &case).expect("valid");
    let once = import::apply(&case, 1, &lines, false).expect("first time");
    let again = import::apply(&once, 1, &lines, false).expect_err("same names again");
    assert!(again[0].contains("already has a line called \"New portal\""));
    // Replacing is fine, and leaves just the imported lines.
    let replaced = import::apply(&once, 1, &lines, true).expect("replace");
    assert_eq!(replaced.options[1].lines, lines);
}

#[test]
fn problems_the_case_already_had_do_not_block_an_import_but_new_ones_do() {
    let mut case = example::case();
    case.rename_option(0, "").expect("no clash");
    let before = sharecase::case::validate(&case);
    assert_eq!(before.len(), 1, "{before:?}");
    let lines = from_csv(GOOD, &case).expect("valid");
    let applied = import::apply(&case, 1, &lines, false).expect("the lines bring no problem");
    assert_eq!(
        applied.options[1].lines.len(),
        case.options[1].lines.len() + 2
    );
    assert_eq!(
        sharecase::case::validate(&applied),
        before,
        "still just the one"
    );
    // A line with no name is new trouble: only that is reported, not the option's name.
    let mut nameless = lines[0].clone();
    nameless.name = String::new();
    let problems = import::apply(&case, 1, &[nameless], false).expect_err("no name");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("give the line a name"), "{problems:?}");
}

fn xlsx(rows: &[&[Cell]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Lines").expect("name");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("col"),
            );
            match cell {
                Cell::T(t) => sheet.write_string(r, c, *t).map(|_| ()),
                Cell::N(n) => sheet.write_number(r, c, *n).map(|_| ()),
                Cell::F(f, v) => sheet
                    .write_formula(r, c, rust_xlsxwriter::Formula::new(*f).set_result(*v))
                    .map(|_| ()),
            }
            .expect("cell");
        }
    }
    book.save_to_buffer().expect("workbook")
}

enum Cell {
    T(&'static str),
    N(f64),
    F(&'static str, &'static str),
}

#[test]
fn an_xlsx_gives_exact_decimals_from_its_numbers_and_formulas() {
    use Cell::{F, N, T};
    let case = example::case();
    let bytes = xlsx(&[
        &[T("name"), T("kind"), T("2026/27"), T("2027/28")],
        &[
            T("Cloud hosting"),
            T("Recurring cost"),
            N(0.1 + 0.2),
            N(1234.56),
        ],
        &[
            T("Licences"),
            T("Recurring cost"),
            F("=100*3", "300"),
            T("£1,000"),
        ],
    ]);
    let lines = from_xlsx(&bytes, &case).expect("valid");
    assert_eq!(
        lines[0].amounts,
        Amounts::ByYear(vec![d("0.3"), d("1234.56")])
    );
    assert_eq!(lines[1].amounts, Amounts::ByYear(vec![d("300"), d("1000")]));
    let bad = xlsx(&[
        &[T("name"), T("kind"), T("2026/27")],
        &[T("A"), T("Saving"), T("n/a")],
    ]);
    let problems = from_xlsx(&bad, &case).expect_err("bad cell");
    assert_eq!(
        problems[0].to_string(),
        "row 2, column 2026/27: 'n/a' is not an amount"
    );
    let not_a_workbook = from_xlsx(b"hello", &case).expect_err("not xlsx");
    assert!(
        not_a_workbook[0]
            .to_string()
            .contains("not an Excel workbook")
    );
}

fn sharecase() -> Command {
    Command::cargo_bin("sharecase").expect("binary built")
}

#[test]
fn import_on_the_command_line_saves_only_when_all_is_well() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("case.sharecase.json");
    sharecase::case::save(&file, &example::case()).expect("saved");
    let before = std::fs::read_to_string(&file).expect("read");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,kind,2026/27\nA,Saving,abc\n").expect("written");
    sharecase()
        .arg("import")
        .arg(&file)
        .arg(&bad)
        .args(["--option", "Full shared service"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "row 2, column 2026/27: 'abc' is not an amount",
        ));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        before,
        "unchanged"
    );
    let good = dir.path().join("good.csv");
    std::fs::write(&good, GOOD).expect("written");
    sharecase()
        .arg("import")
        .arg(&file)
        .arg(&good)
        .args(["--option", "Full shared service"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 lines from"))
        .stdout(predicate::str::contains(
            "New portal (Capital investment, ICT): £120,001",
        ));
    let saved = sharecase::case::load(&file).expect("loads");
    assert!(
        saved.options[1]
            .lines
            .iter()
            .any(|l| l.name == "Channel shift")
    );
    let template = dir.path().join("template.csv");
    sharecase()
        .arg("import")
        .arg(&file)
        .arg("--template")
        .arg(&template)
        .assert()
        .success();
    let text = std::fs::read_to_string(&template).expect("template");
    assert!(text.starts_with("name,kind,category,sharing,indexation,source,2026/27,"));
    // The template reads back as one valid example line.
    assert_eq!(from_csv(&text, &saved).expect("valid").len(), 1);
}

#[test]
fn lines_read_in_prices_other_than_the_case_s_say_so() {
    use sharecase::case::PriceBasis::{Cash, Year0};
    let mut case = example::case();
    assert_eq!(case.prices, Year0);
    let table = import::read_csv("name,kind,2026/27,2027/28\nA,Saving,100,200\n").expect("table");
    let cash = import::lines_in(&table, &case, Cash).expect("valid");
    assert_eq!(cash[0].prices, Some(Cash));
    assert_eq!(cash[0].amounts, Amounts::ByYear(vec![d("100"), d("200")]));
    let applied = import::apply(&case, 1, &cash, false).expect("a cash line is valid");
    assert_eq!(
        applied.line_prices(applied.options[1].lines.last().expect("line")),
        Cash
    );
    assert_eq!(
        import::lines_in(&table, &case, Year0).expect("valid")[0].prices,
        None
    );
    case.prices = Cash;
    assert_eq!(
        import::lines_in(&table, &case, Cash).expect("valid")[0].prices,
        None
    );
    assert_eq!(
        from_csv("name,kind,2026/27\nA,Saving,1\n", &case).expect("valid")[0].prices,
        None
    );
    assert_eq!(
        import::lines_in(&table, &case, Year0).expect("valid")[0].prices,
        Some(Year0)
    );
}

#[test]
fn an_indexation_rate_is_a_problem_only_for_amounts_in_cash_prices() {
    use sharecase::case::PriceBasis::{Cash, Year0};
    let case = example::case();
    let table = import::read_csv("name,kind,Indexation,2026/27\nA,Saving,,100\nB,Saving,3%,100\n")
        .expect("table");
    let problems = import::lines_in(&table, &case, Cash).expect_err("B is indexed");
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(words.len(), 1, "{words:?}");
    assert!(
        words[0].starts_with(
            "row 3, column Indexation: is 3%, but the amounts are read in cash prices"
        ),
        "{words:?}"
    );
    let year0 = import::lines_in(&table, &case, Year0).expect("valid");
    assert_eq!(year0[1].indexation, Some(d("0.03")));
}

#[test]
fn two_columns_for_the_same_year_are_refused_naming_both() {
    let case = example::case();
    let problems = from_csv("name,kind,Year 1,26/27\nA,Saving,1,2\n", &case).expect_err("twice");
    assert_eq!(
        problems[0].to_string(),
        "column 26/27: is 2026/27, as column Year 1 is; keep one"
    );
}
