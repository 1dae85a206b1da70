//! Helpers shared by the integration tests.
#![allow(dead_code)]

use rust_decimal::Decimal;
use sharecase::case::{
    Adjustments, Amounts, Case, CaseOption, Line, LineKind, Partner, Sharing, SharingBasis,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

/// A decimal from text; panics on a typo in a test.
pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|_| panic!("bad decimal in test: {text}"))
}

/// Decimals from text.
pub fn ds(values: &[&str]) -> Vec<Decimal> {
    values.iter().map(|v| d(v)).collect()
}

/// Rounds to `places`, half away from zero.
pub fn r(value: Decimal, places: u32) -> Decimal {
    sharecase::format::round(value, places)
}

/// A case with one option and no lines: 2026, 5 years, 3.5%, 2% inflation, partners A and B.
pub fn bare_case(horizon: u8) -> Case {
    Case {
        schema_version: 1,
        title: "Test case".into(),
        description: String::new(),
        first_year: 2026,
        horizon,
        discount_rate: d("0.035"),
        inflation: d("0.02"),
        scenario_inflation: None,
        borrowing_rate: sharecase::case::default_borrowing_rate(),
        central_scenario: sharecase::case::DEFAULT_CENTRAL.to_owned(),
        scenarios: Vec::new(),
        prices: sharecase::case::PriceBasis::Year0,
        baseline: None,
        partners: vec![
            Partner {
                name: "A".into(),
                budget_gap: Vec::new(),
            },
            Partner {
                name: "B".into(),
                budget_gap: Vec::new(),
            },
        ],
        bases: vec![SharingBasis {
            name: "Population".into(),
            weights: [
                ("A".to_owned(), d("1").into()),
                ("B".to_owned(), d("3").into()),
            ]
            .into(),
            source: String::new(),
        }],
        options: vec![CaseOption {
            name: "Option".into(),
            description: String::new(),
            adjustments: Adjustments::default(),
            lines: Vec::new(),
            optimism_bias: None,
            delay_range: None,
        }],
        risk: sharecase::case::RiskSettings::default(),
        preferred_option: None,
        recommendation: String::new(),
        author: String::new(),
        status: sharecase::case::DocumentStatus::Draft,
        reference: None,
    }
}

/// A line with the given kind and amounts, indexed at general inflation, shared equally.
pub fn line(name: &str, kind: LineKind, amounts: Amounts) -> Line {
    Line {
        name: name.into(),
        kind,
        category: "Other".into(),
        amounts,
        prices: None,
        indexation: None,
        funding: None,
        asset_life_years: None,
        mrp: None,
        sharing: Sharing::Equal,
        source: String::new(),
        range: None,
    }
}

/// Amounts given one per year.
pub fn by_year(values: &[&str]) -> Amounts {
    Amounts::ByYear(ds(values))
}

/// Lines of PDF text (as `pdftotext -raw` prints them, in content order, so a table cell's
/// lines stay together) as one line: every run of white space made one space, and a word
/// broken after its hyphen at the end of a line ("seven-" / "year") joined again.
pub fn joined_pdf_lines(raw: &str) -> String {
    let mut text = String::new();
    for line in raw.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        let broken_word =
            text.ends_with('-') && text.chars().rev().nth(1).is_some_and(char::is_alphanumeric);
        if !text.is_empty() && !broken_word {
            text.push(' ');
        }
        text.push_str(&line);
    }
    text
}

/// LibreOffice's command, when it is installed.
pub fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"]
        .into_iter()
        .find(|candidate| Command::new(candidate).arg("--version").output().is_ok())
}

/// Converts `files` to xlsx with LibreOffice, recalculating every formula on load, in one
/// run; the results are in `dir/out`, under the same names.
pub fn recalculate(office: &str, dir: &Path, files: &[PathBuf]) -> PathBuf {
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
    let status = Command::new(office)
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
    out
}
