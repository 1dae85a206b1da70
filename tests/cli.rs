//! The command line, run as a user runs it.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn sharecase() -> Command {
    Command::cargo_bin("sharecase").expect("binary built")
}

fn write_example(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("case.sharecase.json");
    sharecase()
        .args(["example", "--out"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote the example case"));
    path
}

#[test]
fn a_file_and_a_command_together_are_refused() {
    sharecase()
        .args(["case.json", "check", "x.json"])
        .assert()
        .code(2);
}

#[test]
fn example_writes_a_file_and_will_not_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    let text = std::fs::read_to_string(&path).expect("written");
    assert_eq!(text, sharecase::case::example::EXAMPLE_JSON);
    sharecase()
        .args(["example", "--out"])
        .arg(&path)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--force"));
    sharecase()
        .args(["example", "--force", "--out"])
        .arg(&path)
        .assert()
        .success();
}

#[test]
fn check_says_valid_and_lists_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    sharecase()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "valid. 2 options, 3 partners, 10 years from 2026/27",
        ))
        .stdout(predicate::str::contains(
            "Warning (Do minimum): does not pay back",
        ));
}

#[test]
fn check_lists_every_problem_and_exits_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.json");
    let text = sharecase::case::example::EXAMPLE_JSON
        .replacen("\"horizon\": 10", "\"horizon\": 40", 1)
        .replacen("\"0.6\",\n", "\"0.5\",\n", 1)
        .replacen(
            "\"basis\": \"Staff affected\"",
            "\"basis\": \"Headcount\"",
            1,
        );
    std::fs::write(&path, text).expect("write");
    sharecase()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("3 problems to fix"))
        .stdout(predicate::str::contains("horizon: 40 years is outside the accepted horizon of 3 to 10 years"))
        .stdout(predicate::str::contains(
            "option 2 \"Full shared service\", line 1 \"Revenues and benefits system\", amounts.one_off.phasing: the phasing adds up to 90%, not 100%",
        ))
        .stdout(predicate::str::contains("sharing.basis: \"Headcount\" is not one of the case's sharing bases"));
}

#[test]
fn check_of_a_broken_or_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "{ \"schema_version\": 1, ").expect("write");
    sharecase()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("this is not valid JSON"));
    sharecase()
        .args(["check", "/no/such/file.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read /no/such/file.json"));
}

#[test]
fn summary_prints_years_headlines_and_partners() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    sharecase()
        .arg("summary")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("2026/27"))
        .stdout(predicate::str::contains("2035/36"))
        .stdout(predicate::str::contains("Discount factor"))
        .stdout(predicate::str::contains("Payback (cash)"))
        .stdout(predicate::str::contains("By partner"))
        .stdout(predicate::str::contains("Eastbrook"))
        .stdout(predicate::str::contains("Options compared"));
}

#[test]
fn summary_json_has_the_documented_keys_and_matches_the_engine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    let output = sharecase()
        .args(["summary", "--json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let results = sharecase::engine::compute(&sharecase::case::example::case()).expect("valid");
    let full = &json["options"][1];
    assert_eq!(full["name"], "Full shared service");
    let npv = sharecase::format::penny(results.options[1].figures.measures.npv);
    assert_eq!(full["measures"]["npv"], format!("{npv:.2}"));
    assert_eq!(full["years"].as_array().expect("years").len(), 10);
    assert_eq!(full["years"][0]["year"], "2026/27");
    assert_eq!(full["years"][0]["discount_factor"], "1");
    assert_eq!(full["measures"]["payback"]["status"], "pays_back");
    assert_eq!(full["measures"]["payback"]["year"], "2030/31");
    assert_eq!(full["partners"].as_array().expect("partners").len(), 3);
    assert_eq!(full["partners"][1]["name"], "Eastbrook");
    assert_eq!(json["options"][0]["warnings"][0]["code"], "no_payback");
}

fn money_of(value: &serde_json::Value) -> rust_decimal::Decimal {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{value} is not a string"))
        .parse()
        .expect("decimal")
}

#[test]
fn summary_json_gives_each_option_against_the_baseline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    let output = sharecase()
        .args(["summary", "--json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["baseline"], "Do minimum");
    assert_eq!(json["prices"], "year0");
    let base = &json["options"][0];
    let full = &json["options"][1];
    assert!(base.get("incremental").is_none(), "the baseline has none");
    let inc = &full["incremental"];
    assert_eq!(inc["against"], "Do minimum");
    // The same keys as the option's own figures.
    assert_eq!(inc["years"].as_array().expect("years").len(), 10);
    assert!(inc["measures"]["payback"]["status"].is_string());
    assert!(inc["measures"]["totals"]["net_pv"].is_string());
    // Incremental NPV is the difference of the two NPVs (each rounded to the penny, so
    // within a penny), and each year's net cash the difference of the two.
    let difference = money_of(&full["measures"]["npv"]) - money_of(&base["measures"]["npv"]);
    let gap = (money_of(&inc["measures"]["npv"]) - difference).abs();
    assert!(gap <= rust_decimal::Decimal::new(1, 2), "{gap}");
    for t in 0..10 {
        let diff =
            money_of(&full["years"][t]["net_cash"]) - money_of(&base["years"][t]["net_cash"]);
        let gap = (money_of(&inc["years"][t]["net_cash"]) - diff).abs();
        assert!(gap <= rust_decimal::Decimal::new(1, 2), "year {t}: {gap}");
    }
    // Partners' incremental NPVs add up to the option's exactly, and each is its own NPV
    // less its share of the baseline's.
    let mut sum = rust_decimal::Decimal::ZERO;
    for p in 0..3 {
        let partner = &full["partners"][p];
        let own = money_of(&partner["measures"]["npv"])
            - money_of(&base["partners"][p]["measures"]["npv"]);
        let theirs = money_of(&partner["incremental"]["measures"]["npv"]);
        assert!(
            (own - theirs).abs() <= rust_decimal::Decimal::new(2, 2),
            "{own} {theirs}"
        );
        assert_eq!(partner["incremental"]["against"], "Do minimum");
        sum += theirs;
    }
    assert_eq!(sum, money_of(&inc["measures"]["npv"]));
    // The text summary prints the headline against the baseline.
    sharecase()
        .args(["summary"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Against Do minimum"))
        .stdout(predicate::str::contains("Options against Do minimum"))
        .stdout(predicate::str::contains("Baseline: Do minimum"));
    // One option alone keeps its figures against the baseline.
    let output = sharecase()
        .args(["summary", "--json", "--option", "Full shared service"])
        .arg(&path)
        .output()
        .expect("runs");
    let one: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        one["options"][0]["incremental"]["measures"]["npv"],
        inc["measures"]["npv"]
    );
}

#[test]
fn summary_of_one_option_and_of_an_unknown_option() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    sharecase()
        .args(["summary", "--option", "Do minimum"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Option 1: Do minimum"))
        .stdout(predicate::str::contains("Full shared service").not());
    // As typed: case and surrounding spaces do not matter, as for export and import.
    sharecase()
        .args(["summary", "--option", " do MINIMUM "])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Option 1: Do minimum"));
    sharecase()
        .args(["summary", "--option", "Outsource"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no option called \"Outsource\""));
}

#[test]
fn flows_prints_the_worked_example() {
    sharecase()
        .args([
            "flows", "--rate", "3.5%", "--", "-1000", "300", "400", "500", "200",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("NPV                 288.52"))
        .stdout(predicate::str::contains("IRR                 15.32%"))
        .stdout(predicate::str::contains("3.6000 years (3 years 7 months"))
        .stdout(predicate::str::contains("3.7467 years"));
}

#[test]
fn flows_json_has_the_headline_keys() {
    let output = sharecase()
        .args([
            "flows", "--json", "--rate", "0.08", "--", "-40000", "5000", "8000", "12000", "30000",
        ])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["npv"], "3065.22");
    assert_eq!(json["payback_years"], "4.5");
    assert!(json["irr"].as_str().expect("rate").starts_with("0.10582"));
    assert!(json["discounted_payback_years"].is_string());
    let none = sharecase()
        .args(["flows", "--json", "--", "-100", "-200", "-300"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&none.stdout).expect("JSON");
    assert!(json["irr"].is_null() && json["payback_years"].is_null());
    assert_eq!(json["payback"]["shortfall"], "600.00");
}

#[test]
fn flows_reads_accounting_notation_and_rejects_nonsense() {
    sharecase()
        .args(["flows", "--json", "--", "(£1,000)", "£600", "600"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"payback_years\": \"2.6667\""));
    sharecase()
        .args(["flows", "--", "-100", "abc"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "flow for year 1: 'abc' is not an amount",
        ));
    sharecase()
        .args(["flows", "--rate", "-120%", "--", "-100", "50"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--rate"));
    sharecase()
        .args([
            "flows", "--rate", "-99%", "--", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1",
            "1", "1", "1", "1", "1", "1",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("too large to compute exactly"));
}

#[test]
fn help_describes_every_command() {
    sharecase()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("example"))
        .stdout(predicate::str::contains("check"))
        .stdout(predicate::str::contains("summary"))
        .stdout(predicate::str::contains("flows"));
    sharecase()
        .args(["flows", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Discount rate, as `0.035` or `3.5%`",
        ));
}

#[test]
fn a_signed_number_in_brackets_is_refused() {
    sharecase()
        .args(["flows", "--", "(-5)", "10"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("'(-5)' is not an amount"));
}

#[test]
fn risk_prints_tornado_switching_values_and_monte_carlo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    sharecase()
        .args([
            "risk",
            "--trials",
            "2000",
            "--option",
            "Full shared service",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Tornado"))
        .stdout(predicate::str::contains("Switching values"))
        .stdout(predicate::str::contains(
            "Monte Carlo: 2000 trials, seed 2026",
        ))
        .stdout(predicate::str::contains("of trials, by the end of 2031/32"));
    let run = |seed: &str| {
        let output = sharecase()
            .args(["risk", "--json", "--trials", "1000", "--seed", seed])
            .arg(&path)
            .output()
            .expect("runs");
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON")
    };
    let (a, b) = (run("5"), run("5"));
    assert_eq!(a, b, "the same seed gives the same JSON");
    let full = &a["options"][1];
    assert_eq!(full["option"], "Full shared service");
    assert_eq!(full["monte_carlo"]["trials"], 1000);
    assert_eq!(
        full["monte_carlo"]["partners"]
            .as_array()
            .expect("partners")
            .len(),
        3
    );
    assert!(full["switching_values"]["benefit_shortfall"]["value"].is_string());
    assert_eq!(full["tornado"][0]["name"], "Revenues and benefits staff");
    sharecase()
        .args(["risk", "--trials", "5"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--trials: 5 is outside"));
}

/// Imports `csv` into "Full shared service" of the example case (year 0 is 2026/27), with
/// `extra` arguments, and returns what the command printed and the line called "Shared
/// printing" as the saved case file has it.
fn import_printing(csv: &str, extra: &[&str]) -> (String, serde_json::Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = write_example(dir.path());
    let lines = dir.path().join("lines.csv");
    std::fs::write(&lines, csv).expect("written");
    let output = sharecase()
        .arg("import")
        .arg(&case)
        .arg(&lines)
        .args(["--option", "Full shared service"])
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&case).expect("saved")).expect("JSON");
    let line = saved["options"][1]["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["name"] == "Shared printing")
        .expect("imported")
        .clone();
    (String::from_utf8_lossy(&output.stdout).into_owned(), line)
}

/// The years of a by-year line, as the case file writes them.
fn by_year(line: &serde_json::Value) -> Vec<&str> {
    line["amounts"]["by_year"]
        .as_array()
        .expect("by year")
        .iter()
        .map(|v| v.as_str().expect("an amount as text"))
        .collect()
}

/// 2027/28 is year 1 of a case starting in 2026/27, and 2029/30 year 3: £100 and £250 land
/// there, with nothing in years 0 and 2.
const IN_YEARS_1_AND_3: [&str; 4] = ["0", "100", "0", "250"];

#[test]
fn import_reads_years_headed_in_full() {
    let (_, line) = import_printing(
        "name,kind,2027/28,2029/30\nShared printing,Saving,100,250\n",
        &[],
    );
    assert_eq!(by_year(&line), IN_YEARS_1_AND_3);
}

#[test]
fn import_reads_years_headed_with_two_digits() {
    let (_, line) = import_printing(
        "name,kind,27/28,29/30\nShared printing,Saving,100,250\n",
        &[],
    );
    assert_eq!(by_year(&line), IN_YEARS_1_AND_3);
}

#[test]
fn import_reads_years_headed_with_a_hyphen_or_an_en_dash() {
    let (_, line) = import_printing(
        "name,kind,2027-28,2029\u{2013}30\nShared printing,Saving,100,250\n",
        &[],
    );
    assert_eq!(by_year(&line), IN_YEARS_1_AND_3);
}

#[test]
fn import_reads_years_headed_with_both_years_in_full() {
    let (_, line) = import_printing(
        "name,kind,2027-2028,2029-2030\nShared printing,Saving,100,250\n",
        &[],
    );
    assert_eq!(by_year(&line), IN_YEARS_1_AND_3);
}

#[test]
fn import_reads_years_headed_fy() {
    let (_, line) = import_printing(
        "name,kind,FY27/28,fy 2029/30\nShared printing,Saving,100,250\n",
        &[],
    );
    assert_eq!(by_year(&line), IN_YEARS_1_AND_3);
}

#[test]
fn import_counts_year_n_from_year_1() {
    // Year 1 is the first year, 2026/27: Year 2 is 2027/28 and Year 4 is 2029/30.
    let (_, line) = import_printing(
        "name,kind,Year 2,Year 4\nShared printing,Saving,100,250\n",
        &[],
    );
    assert_eq!(by_year(&line), IN_YEARS_1_AND_3);
}

#[test]
fn import_counts_year_n_from_year_0_when_there_is_one() {
    // With a Year 0 column, Year 1 is 2027/28 and Year 3 is 2029/30.
    let (_, line) = import_printing(
        "name,kind,Year 0,Year 1,Year 3\nShared printing,Saving,,100,250\n",
        &[],
    );
    assert_eq!(by_year(&line), IN_YEARS_1_AND_3);
}

#[test]
fn import_refuses_a_span_of_two_years_and_a_year_before_the_case() {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = write_example(dir.path());
    let before = std::fs::read_to_string(&case).expect("read");
    let lines = dir.path().join("lines.csv");
    std::fs::write(
        &lines,
        "name,kind,2026/28,25/26\nShared printing,Saving,100,250\n",
    )
    .expect("written");
    sharecase()
        .arg("import")
        .arg(&case)
        .arg(&lines)
        .args(["--option", "Full shared service"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "column 2026/28: names 2026 to 28, which is not one financial year",
        ))
        .stderr(predicate::str::contains(
            "column 25/26: is before the case's first year, 2026/27; the case's years are 2026/27 to 2035/36",
        ));
    assert_eq!(std::fs::read_to_string(&case).expect("read"), before);
}

#[test]
fn import_in_cash_prices_marks_the_lines_cash_in_a_year_0_case() {
    let (out, line) = import_printing(
        "name,kind,2026/27,2027/28\nShared printing,Saving,100,250\n",
        &["--prices", "cash"],
    );
    assert_eq!(line["prices"], "cash");
    assert!(line.get("indexation").is_none());
    assert_eq!(by_year(&line), ["100", "250"]);
    assert!(
        out.contains(
            "Amounts read in cash prices (as councils publish them); the case is in year-0 prices."
        ),
        "{out}"
    );
    assert!(
        out.contains("Shared printing (Saving, Staff): £350 in all, cash prices"),
        "{out}"
    );
    // In the case's own prices, the line follows the case.
    let (out, line) = import_printing(
        "name,kind,2026/27\nShared printing,Saving,100\n",
        &["--prices", "year0"],
    );
    assert!(line.get("prices").is_none(), "{line}");
    assert!(out.contains("Amounts read in year-0 prices (2026/27 price levels, indexed by Sharecase), as the case is."), "{out}");
}

#[test]
fn import_in_cash_prices_refuses_an_indexation_rate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = write_example(dir.path());
    let lines = dir.path().join("lines.csv");
    std::fs::write(
        &lines,
        "name,kind,indexation,2026/27\nShared printing,Saving,,100\nShared post,Saving,2.5%,100\n",
    )
    .expect("written");
    sharecase()
        .arg("import")
        .arg(&case)
        .arg(&lines)
        .args(["--option", "Full shared service", "--prices", "cash"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 problem; nothing was imported"))
        .stderr(predicate::str::contains(
            "row 3, column indexation: is 2.5%, but the amounts are read in cash prices",
        ));
}

#[test]
fn import_prices_other_than_cash_or_year0_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = write_example(dir.path());
    let lines = dir.path().join("lines.csv");
    std::fs::write(&lines, "name,kind,2026/27\nShared printing,Saving,100\n").expect("written");
    sharecase()
        .arg("import")
        .arg(&case)
        .arg(&lines)
        .args(["--prices", "bogus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'bogus' for '--prices"))
        .stderr(predicate::str::contains("use cash"))
        .stderr(predicate::str::contains("or year0"));
}

#[test]
fn scenarios_prints_every_option_under_every_scenario() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    let output = sharecase()
        .args(["scenarios", "--json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        json["scenarios"],
        serde_json::json!(["Central", "Prudent", "High inflation"])
    );
    let full = &json["options"][1];
    assert_eq!(full["name"], "Full shared service");
    let results = full["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    // Each scenario's column is what `summary --scenario` computes.
    for (i, scenario) in ["Central", "Prudent", "High inflation"].iter().enumerate() {
        let summary = sharecase()
            .args(["summary", "--json", "--scenario", scenario])
            .arg(&path)
            .output()
            .expect("runs");
        let s: serde_json::Value = serde_json::from_slice(&summary.stdout).expect("JSON");
        assert_eq!(s["scenario"], *scenario);
        assert_eq!(results[i]["scenario"], *scenario);
        assert_eq!(results[i]["npv"], s["options"][1]["measures"]["npv"]);
        assert_eq!(
            results[i]["incremental_npv"],
            s["options"][1]["incremental"]["measures"]["npv"]
        );
        assert_eq!(
            results[i]["payback_years"],
            s["options"][1]["measures"]["payback"]["years"]
        );
        assert_eq!(
            results[i]["partners"].as_array().expect("partners").len(),
            3
        );
    }
    // Prudent is worse than central: costs up, savings down and later.
    let npv = |i: usize| money_of(&results[i]["npv"]);
    assert!(npv(1) < npv(0));
    assert_eq!(
        json["options"][0]["results"][0]["incremental_npv"],
        serde_json::Value::Null
    );
    sharecase()
        .args(["scenarios"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Options under each scenario"))
        .stdout(predicate::str::contains("Prudent"));
}

#[test]
fn an_unknown_scenario_is_refused_with_the_scenarios_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    for command in ["summary", "risk"] {
        sharecase()
            .args([command, "--scenario", "Optimistic"])
            .arg(&path)
            .assert()
            .failure()
            .stderr(predicate::str::contains(
                "--scenario: there is no scenario called \"Optimistic\"; the scenarios are: Central, Prudent, High inflation",
            ));
    }
}

#[test]
fn summary_json_states_an_options_optimism_bias() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut case = sharecase::case::example::case();
    case.options[1].optimism_bias = Some(sharecase::case::OptimismBias {
        investment_type: sharecase::case::InvestmentType::EquipmentDevelopment,
        running_cost_type: None,
        mitigated: rust_decimal::Decimal::new(96, 2),
        reason: "Contract signed at a fixed price".into(),
        implementation_months: 12,
    });
    let path = dir.path().join("case.sharecase.json");
    sharecase::case::save(&path, &case).expect("saved");
    let output = sharecase()
        .args(["summary", "--json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let ob = &json["options"][1]["optimism_bias"];
    // 200% x 0.04 = 8%; 54% x 0.04 = 2.16%; 12 x 2.16% = 0.26 months, so none.
    assert_eq!(ob["investment_type"], "equipment_development");
    assert_eq!(ob["running_cost_type"], serde_json::Value::Null);
    assert_eq!(ob["mitigated"], "0.96");
    assert_eq!(ob["investment_uplift"], "0.08");
    assert_eq!(ob["running_cost_uplift"], "0");
    assert_eq!(ob["duration"], "0.0216");
    assert_eq!(ob["extra_delay_months"], 0);
    let codes: Vec<&str> = json["options"][1]["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w["code"].as_str())
        .collect();
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "optimism_bias_below_lower_bound")
            .count(),
        2
    );
}

#[test]
fn budget_json_gives_each_partner_and_all_partners_to_the_penny() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path());
    let output = sharecase()
        .args(["budget", "--json", "--option", "Full shared service"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let option = &json["options"][0];
    assert_eq!(option["name"], "Full shared service");
    assert_eq!(option["years"].as_array().expect("years").len(), 10);
    let all = &option["all_partners"];
    let keys = [
        "capital_spend",
        "revenue_one_off",
        "running_costs",
        "savings",
        "income",
        "mrp",
        "interest",
        "revenue_budget_impact",
        "cumulative_impact",
        "reserves_used",
        "capital_receipts_used",
        "grant_used",
        "borrowed",
    ];
    for t in 0..10 {
        for key in keys {
            // Partners add up to all partners exactly, to the penny.
            let sum: rust_decimal::Decimal = (0..3)
                .map(|p| money_of(&option["partners"][p]["years"][t][key]))
                .sum();
            assert_eq!(sum, money_of(&all["years"][t][key]), "{key} year {t}");
        }
        // The impact is running costs - savings - income + MRP + interest (nothing of the
        // example is met from the revenue budget), each to the penny.
        let y = &all["years"][t];
        let impact =
            money_of(&y["running_costs"]) - money_of(&y["savings"]) - money_of(&y["income"])
                + money_of(&y["mrp"])
                + money_of(&y["interest"]);
        let gap = (impact - money_of(&y["revenue_budget_impact"])).abs();
        assert!(gap <= rust_decimal::Decimal::new(2, 2), "year {t}: {gap}");
    }
    // The example's capital is borrowed (the default) and its revenue investment drawn
    // from reserves (the default): borrowed equals capital spend.
    assert_eq!(
        all["years"][0]["borrowed"],
        all["years"][0]["capital_spend"]
    );
    assert_eq!(
        all["years"][0]["reserves_used"],
        all["years"][0]["revenue_one_off"]
    );
    assert_eq!(all["reserves_repaid"]["status"], "pays_back");
    assert!(all["after_horizon"]["mrp"].is_string());
    assert_eq!(option["partners"][0]["name"], "Northvale");
    assert_eq!(all["years"][0]["gap_closed"], serde_json::Value::Null);
    sharecase()
        .args(["budget", "--money", "thousands"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Net revenue budget impact"))
        .stdout(predicate::str::contains("Full shared service: Eastbrook"));
}
