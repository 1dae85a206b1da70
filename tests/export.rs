//! Exports as a whole: the CSV tables against the engine, and `sharecase export` as a user
//! runs it. The workbook, PDF and chart images have their own tests.

use crate::common;

use assert_cmd::Command;
use common::d;
use predicates::prelude::*;
use rust_decimal::Decimal;
use sharecase::case::example;
use sharecase::engine::compute_valid;
use sharecase::export::{self, Format, csv as tables};
use sharecase::format::penny;
use std::collections::BTreeMap;
use std::str::FromStr;

fn records(text: &str) -> Vec<BTreeMap<String, String>> {
    let text = text
        .strip_prefix(tables::BOM)
        .expect("CSV starts with a byte-order mark");
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("well-formed row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn money(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|_| panic!("'{text}' is not a plain number"))
}

#[test]
fn lines_table_gives_each_partner_its_part_of_every_line_to_the_penny() {
    let case = example::case();
    let results = compute_valid(&case);
    let rows = records(&tables::lines(&case, &results));
    let mut by_line: BTreeMap<(String, String, String), Decimal> = BTreeMap::new();
    for row in &rows {
        assert_eq!(row.len(), tables::LINE_COLUMNS.len());
        *by_line
            .entry((
                row["option"].clone(),
                row["line"].clone(),
                row["year"].clone(),
            ))
            .or_default() += money(&row["amount"]);
        assert!(!money(&row["amount"]).is_zero(), "zero rows are left out");
        assert_eq!(
            row["financial_year"],
            results.years[row["year"].parse::<usize>().expect("year index")]
        );
    }
    let mut expected_rows = 0;
    for (option, result) in case.options.iter().zip(&results.options) {
        for (line, flows) in option.lines.iter().zip(&result.lines) {
            for (t, cash) in flows.cash.iter().enumerate() {
                let signed = if line.kind.is_benefit() {
                    *cash
                } else {
                    -*cash
                };
                let key = (option.name.clone(), line.name.clone(), t.to_string());
                if penny(signed).is_zero() {
                    assert!(!by_line.contains_key(&key));
                    continue;
                }
                expected_rows += 1;
                assert_eq!(by_line[&key], penny(signed), "{key:?}");
            }
        }
    }
    assert_eq!(by_line.len(), expected_rows);
    // Every option-year adds up to the option's net cash within half a penny per line.
    for (option, result) in case.options.iter().zip(&results.options) {
        for y in &result.figures.years {
            let sum: Decimal = rows
                .iter()
                .filter(|r| r["option"] == option.name && r["financial_year"] == y.label)
                .map(|r| money(&r["amount"]))
                .sum();
            let slack = d("0.005") * Decimal::from(option.lines.len());
            assert!(
                (sum - y.net_cash).abs() <= slack,
                "{} {}",
                option.name,
                y.label
            );
        }
    }
}

#[test]
fn a_line_shared_by_population_is_split_by_population() {
    let case = example::case();
    let results = compute_valid(&case);
    let rows = records(&tables::lines(&case, &results));
    let option = &case.options[0];
    let line = option
        .lines
        .iter()
        .position(|l| matches!(&l.sharing, sharecase::case::Sharing::Basis(_)))
        .expect("the example shares a line by a basis");
    let name = &option.lines[line].name;
    let basis = match &option.lines[line].sharing {
        sharecase::case::Sharing::Basis(b) => case.basis(b).expect("basis exists"),
        _ => unreachable!(),
    };
    let total: Decimal = basis.weights.values().map(|w| w.in_year(0)).sum();
    let year0: Vec<_> = rows
        .iter()
        .filter(|r| r["option"] == option.name && &r["line"] == name && r["year"] == "0")
        .collect();
    assert_eq!(year0.len(), case.partners.len());
    let line_total = -results.options[0].lines[line].cash[0];
    for row in year0 {
        let exact = line_total * basis.weights[&row["partner"]].in_year(0) / total;
        assert!(
            (money(&row["amount"]) - exact).abs() <= d("0.01"),
            "{row:?}"
        );
    }
}

#[test]
fn yearly_table_partners_add_up_to_the_option_in_every_column() {
    let case = example::case();
    let results = compute_valid(&case);
    let rows = records(&tables::yearly(&case, &results));
    // Every scenario, the central one first.
    assert_eq!(
        rows.len(),
        (case.scenarios.len() + 1)
            * results.options.len()
            * (case.partners.len() + 1)
            * results.years.len()
    );
    assert_eq!(rows[0]["scenario"], case.central_scenario);
    let prudent = sharecase::engine::compute_under(&case, Some(0)).expect("valid");
    let full = &prudent.options[1];
    let last = full.figures.years.last().expect("years");
    let row = rows
        .iter()
        .find(|r| {
            r["scenario"] == case.scenarios[0].name
                && r["option"] == full.name
                && r["partner"] == "All partners"
                && r["financial_year"] == last.label
        })
        .expect("the Prudent scenario's rows");
    assert_eq!(money(&row["cumulative"]), penny(last.cumulative_cash));
    for option in &results.options {
        for y in &option.figures.years {
            let at = |p: &str| {
                rows.iter()
                    .find(|r| {
                        r["scenario"] == case.central_scenario
                            && r["option"] == option.name
                            && r["partner"] == p
                            && r["financial_year"] == y.label
                    })
                    .expect("row present")
            };
            let whole = at("All partners");
            assert_eq!(money(&whole["net"]), penny(y.net_cash));
            assert_eq!(money(&whole["cumulative_pv"]), penny(y.cumulative_pv));
            for column in &tables::YEARLY_COLUMNS[5..] {
                if *column == "discount_factor" {
                    continue;
                }
                let sum: Decimal = case
                    .partners
                    .iter()
                    .map(|p| money(&at(&p.name)[*column]))
                    .sum();
                assert_eq!(
                    sum,
                    money(&whole[*column]),
                    "{} {} {column}",
                    option.name,
                    y.label
                );
            }
        }
    }
}

#[test]
fn text_that_would_run_as_a_formula_is_neutralised_and_numbers_stay_numbers() {
    let mut case = example::case();
    case.options[0].name = "=HYPERLINK(\"http://x\")".into();
    case.options[0].lines[0].name = "-discount".into();
    case.options[0].lines[0].category = "@ICT".into();
    let results = compute_valid(&case);
    let text = tables::lines(&case, &results);
    let rows = records(&text);
    assert_eq!(rows[0]["option"], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[0]["line"], "'-discount");
    assert_eq!(rows[0]["category"], "'@ICT");
    assert!(
        rows[0]["amount"].starts_with('-'),
        "a negative number stays a number"
    );
    money(&rows[0]["amount"]);
    let yearly = records(&tables::yearly(&case, &results));
    assert_eq!(yearly[0]["option"], "'=HYPERLINK(\"http://x\")");
}

#[test]
fn formats_have_their_names_and_one_option_can_be_chosen() {
    assert_eq!(Format::parse(" PDF "), Some(Format::Pdf));
    assert_eq!(Format::parse("docx"), None);
    let case = example::case();
    let results = compute_valid(&case);
    let (one, one_results) =
        export::select(&case, &results, Some("full shared service")).expect("found");
    assert_eq!(one.options.len(), 1);
    assert_eq!(one_results.options[0].name, "Full shared service");
    assert_eq!(one_results.options[0], results.options[1]);
    let error = export::select(&case, &results, Some("Nope")).expect_err("no such option");
    assert!(
        error
            .to_string()
            .contains("'Do minimum', 'Full shared service'")
    );
    let charts = export::charts(&case, &results);
    assert_eq!(charts.len(), 2 + 2 * case.options.len());
}

fn sharecase() -> Command {
    Command::cargo_bin("sharecase").expect("binary built")
}

#[test]
fn export_writes_the_files_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("case.sharecase.json");
    sharecase::case::save(&file, &example::case()).expect("saved");
    let out = dir.path().join("paper");
    sharecase()
        .arg("export")
        .arg(&file)
        .arg("--to")
        .arg(&out)
        .args(["--formats", "csv", "--option", "Full shared service"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "shared-ict-and-revenues-and-benefits-lines.csv",
        ))
        .stdout(predicate::str::contains("2 files in"));
    let yearly =
        std::fs::read_to_string(out.join("shared-ict-and-revenues-and-benefits-yearly.csv"))
            .expect("written");
    let rows = records(&yearly);
    assert!(rows.iter().all(|r| r["option"] == "Full shared service"));
    assert!(!out.read_dir().expect("folder").any(|e| {
        e.expect("entry")
            .file_name()
            .to_string_lossy()
            .ends_with(".part")
    }));
}

#[test]
fn export_to_a_bad_place_or_in_a_bad_format_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("case.sharecase.json");
    sharecase::case::save(&file, &example::case()).expect("saved");
    sharecase()
        .arg("export")
        .arg(&file)
        .arg("--to")
        .arg(dir.path().join("no/such/folder"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "neither it nor its parent folder exists",
        ));
    sharecase()
        .arg("export")
        .arg(&file)
        .arg("--to")
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("it is a file, not a folder"));
    // A folder in the way of a file: the write fails, and says which file.
    let out = dir.path().join("paper");
    std::fs::create_dir_all(out.join("shared-ict-and-revenues-and-benefits-lines.csv"))
        .expect("folder in the way");
    sharecase()
        .arg("export")
        .arg(&file)
        .arg("--to")
        .arg(&out)
        .args(["--formats", "csv"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot write"))
        .stderr(predicate::str::contains("lines.csv"));
    sharecase()
        .arg("export")
        .arg(&file)
        .args(["--to", "x", "--formats", "csv,docx"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "'docx' is not a format; choose from xlsx, csv, pdf, png, svg",
        ));
}
