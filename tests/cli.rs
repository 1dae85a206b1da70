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
