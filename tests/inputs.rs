//! No panic and no silently wrong value on any input: extreme decimals in validation, the
//! switching values and the views' arithmetic; ambiguous numbers, broken quotes and stray
//! cells in imports; case files with duplicate weights, numbers or odd encodings; export
//! names that clash or that a file system refuses.

use crate::common;

use common::{bare_case, by_year, d, ds, line};
use rust_decimal::Decimal;
use sharecase::case::{self, Amounts, LineKind, Range, RangeUnit, validate};
use sharecase::engine::compute;
use sharecase::engine::partner::Shares;
use sharecase::engine::sensitivity::{Switch, switching_values, tornado};
use sharecase::import::{self, from_csv};

const MAX: &str = "79228162514264337593543950335";

#[test]
fn validation_refuses_decimals_near_the_maximum_without_adding_them_first() {
    let mut case = bare_case(5);
    case.options[0].lines.push(line(
        "Phased",
        LineKind::CapitalInvestment,
        Amounts::OneOff {
            amount: d("100"),
            year: 0,
            phasing: ds(&[MAX, MAX]),
        },
    ));
    let mut ranged = line("Ranged", LineKind::Saving, by_year(&[MAX, MAX]));
    ranged.range = Some(Range {
        low: d(MAX),
        most_likely: d(MAX),
        high: d(MAX),
        unit: RangeUnit::Pounds,
        distribution: case::Distribution::Triangular,
    });
    case.options[0].lines.push(ranged);
    let problems = validate(&case);
    assert!(
        problems
            .iter()
            .any(|p| p.field == "amounts.one_off.phasing[0]"),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.field == "amounts.by_year[0]"),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.field == "range"), "{problems:?}");
}

#[test]
fn switching_values_of_a_speck_of_a_line_are_out_of_reach_not_a_panic() {
    // A £0.00000001 saving beside £1 trillion of costs: bringing NPV to zero would need the
    // saving multiplied by about 10^20, beyond exact decimal range once in pounds.
    let mut case = bare_case(10);
    case.discount_rate = d("-0.5");
    case.inflation = d("-0.5");
    case.options[0].adjustments.benefit_shortfall = d("0.999999999999999999");
    case.options[0].lines.push(line(
        "Speck",
        LineKind::Saving,
        by_year(&["0.00000001"; 10]),
    ));
    case.options[0].lines.push(line(
        "Huge",
        LineKind::CapitalInvestment,
        by_year(&["1000000000000"]),
    ));
    let results = compute(&case).expect("valid");
    let values = switching_values(&case, &results.options[0], 0);
    assert_eq!(values.lines[0].switch, Switch::OutOfReach);
    let (change, pounds) = sharecase::report::risk::switch_words(&values.lines[0].switch);
    assert!(change.contains("out of reach"), "{change}");
    assert_eq!(pounds, "-");
    let _ = tornado(&case, &results.options[0], 0, false);
}

#[test]
fn a_percentage_too_large_to_multiply_is_said_in_words() {
    let huge = d(MAX);
    assert_eq!(sharecase::format::percent(huge, 1), "above 10^28%");
    assert_eq!(sharecase::format::percent(-huge, 1), "below -10^28%");
    assert_eq!(sharecase::format::percent_short(huge), "above 10^28%");
}

#[test]
fn shares_and_amounts_of_unvalidated_values_do_not_overflow() {
    // Two weights of 5e28 (as typed in the app) add up past the largest decimal: the shares
    // are still a half each.
    let shares = Shares::from_weights(&ds(&["50000000000000000000000000000"; 2]));
    assert_eq!(shares.shares, ds(&["0.5", "0.5"]));
    // 1e21 phased at 100000000000 (a fraction typed as a huge percentage).
    let amounts = Amounts::OneOff {
        amount: d("1000000000000000000000"),
        year: 0,
        phasing: ds(&["1000000000", "1"]),
    };
    let years = amounts.by_year(3);
    assert_eq!(years[0], Decimal::MAX);
    assert_eq!(years[1], d("1000000000000000000000"));
    let many = Amounts::ByYear(ds(&[MAX, MAX]));
    assert_eq!(many.headline(), Decimal::MAX);
}

// ---- Import ----

fn import_problems(text: &str) -> Vec<String> {
    let case = case::example::case();
    from_csv(text, &case)
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn imported(text: &str) -> Vec<case::Line> {
    let case = case::example::case();
    from_csv(text, &case).unwrap_or_else(|p| panic!("{p:?}"))
}

#[test]
fn ambiguous_numbers_are_refused_by_row_and_column() {
    let problems = import_problems("name,kind,2026/27,2027/28\nA,Saving,\"1.234,56\",\"1,23\"\n");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("row 2, column 2026/27: '1.234,56' is ambiguous"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("row 2, column 2027/28: '1,23' is ambiguous"),
        "{problems:?}"
    );
}

#[test]
fn grouped_thousands_and_a_spaced_pound_sign_are_read_when_unambiguous() {
    let lines =
        imported("name,kind,2026/27,2027/28,2028/29\nA,Saving,\"£ 1,234\",1 234,\"1,234,567.5\"\n");
    assert_eq!(
        lines[0].amounts,
        Amounts::ByYear(ds(&["1234", "1234", "1234567.5"]))
    );
}

#[test]
fn an_unterminated_quote_is_refused_with_its_row() {
    let problems =
        import_problems("name,kind,source,2026/27\nA,Saving,\"Budget book,100\nB,Saving,x,200\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("row 2: a quoted field opens here and is never closed"),
        "{problems:?}"
    );
}

#[test]
fn row_numbers_count_blank_lines() {
    let problems = import_problems("name,kind,2026/27\n\n\nA,Saving,abc\n");
    assert_eq!(
        problems,
        ["row 4, column 2026/27: 'abc' is not an amount"],
        "the editor shows the bad row as line 4"
    );
}

#[test]
fn a_windows_1252_pound_sign_is_refused_with_its_row() {
    let case = case::example::case();
    let bytes = b"name,kind,2026/27\nA,Saving,100\nB,Saving,\xA3200\n";
    let problems = import::from_csv_bytes(bytes, &case).expect_err("not UTF-8");
    let words = problems[0].to_string();
    assert!(words.starts_with("row 3: the file is not UTF-8"), "{words}");
    assert!(words.contains("Windows-1252"), "{words}");
}

/// A minimal stored (uncompressed) zip, so a test can write workbook XML no spreadsheet
/// library would: a formula with no stored value, a cell at XFD1048576.
fn zip(files: &[(&str, &str)]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFF_u32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, text) in files {
        let offset = u32::try_from(out.len()).expect("small");
        let (crc, size) = (
            crc32(text.as_bytes()),
            u32::try_from(text.len()).expect("small"),
        );
        let name_len = u16::try_from(name.len()).expect("short");
        let header = |sig: u32, central: bool| {
            let mut h = sig.to_le_bytes().to_vec();
            if central {
                h.extend(20_u16.to_le_bytes());
            }
            h.extend(20_u16.to_le_bytes());
            h.extend([0, 0, 0, 0, 0, 0, 0, 0]);
            h.extend(crc.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(name_len.to_le_bytes());
            h.extend(0_u16.to_le_bytes());
            if central {
                h.extend([0; 6]);
                h.extend(0_u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(text.as_bytes());
        central.extend(header(0x0201_4b50, true));
    }
    let at = u32::try_from(out.len()).expect("small");
    let count = u16::try_from(files.len()).expect("few");
    let central_len = u32::try_from(central.len()).expect("small");
    out.extend(central);
    out.extend(0x0605_4b50_u32.to_le_bytes());
    out.extend([0, 0, 0, 0]);
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(central_len.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0_u16.to_le_bytes());
    out
}

fn workbook(sheet_data: &str) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    zip(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lines" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

const HEADER_ROW: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>kind</t></is></c><c r="C1" t="inlineStr"><is><t>2026/27</t></is></c></row>"#;

#[test]
fn a_workbook_that_reads_is_read() {
    let case = case::example::case();
    let bytes = workbook(&format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>Saving</t></is></c><c r="C2"><v>250</v></c></row>"#
    ));
    let lines = import::from_xlsx(&bytes, &case).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(lines[0].amounts, Amounts::ByYear(ds(&["250"])));
}

#[test]
fn a_formula_with_no_stored_value_is_refused_not_read_as_zero() {
    let case = case::example::case();
    let bytes = workbook(&format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>Saving</t></is></c><c r="C2"><f>100*3</f></c></row>"#
    ));
    let problems = import::from_xlsx(&bytes, &case).expect_err("no value");
    let words = problems[0].to_string();
    assert!(
        words.starts_with("row 2, column 2026/27: a formula with no stored value"),
        "{words}"
    );
}

#[test]
fn a_cell_at_the_far_corner_is_refused_without_laying_out_the_sheet() {
    let case = case::example::case();
    let bytes = workbook(&format!(
        r#"{HEADER_ROW}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#
    ));
    let problems = import::from_xlsx(&bytes, &case).expect_err("too far");
    let words = problems[0].to_string();
    assert!(words.contains("cell XFD1048576 is beyond"), "{words}");
}

// ---- Case files ----

fn example_json() -> String {
    case::to_json(&case::example::case()).expect("json")
}

#[test]
fn a_weight_given_twice_is_refused() {
    let text = example_json().replacen(
        "\"weights\": {",
        "\"weights\": {\n        \"Eastbrook\": \"1\",",
        1,
    );
    let error = case::from_json(&text)
        .expect_err("duplicate weight")
        .to_string();
    assert!(error.contains("\"Eastbrook\" is given twice"), "{error}");
    assert!(error.contains("bases[0].weights"), "{error}");
}

#[test]
fn amounts_must_be_plain_decimal_strings() {
    let json = example_json();
    let discount = "\"discount_rate\": \"0.035\"";
    assert!(json.contains(discount));
    for (written, shown) in [
        ("0.035", "0.035 is a JSON number"),
        (
            "\"3.5e-2\"",
            "\"3.5e-2\" is not a number Sharecase can read exactly",
        ),
        (
            "\"0_035\"",
            "\"0_035\" is not a number Sharecase can read exactly",
        ),
        (
            "\" 0.035\"",
            "\" 0.035\" is not a number Sharecase can read exactly",
        ),
    ] {
        let text = json.replacen(discount, &format!("\"discount_rate\": {written}"), 1);
        let error = case::from_json(&text).expect_err(written).to_string();
        assert!(error.contains(shown), "{written}: {error}");
        assert!(error.starts_with("discount_rate: "), "{written}: {error}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted_and_bad_utf8_is_placed() {
    let json = example_json();
    let with_bom = format!("\u{feff}{json}");
    assert_eq!(
        case::from_json(&with_bom).expect("reads"),
        case::example::case()
    );
    let mut bytes = json.into_bytes();
    let at = bytes.iter().position(|b| *b == b'\n').expect("lines") + 3;
    bytes[at] = 0xFF;
    let error = case::from_bytes(&bytes).expect_err("not UTF-8").to_string();
    assert!(error.contains("byte 0xFF at line 2, column 3"), "{error}");
}

// ---- Files ----

#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_mode_and_writes_through_a_link() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.sharecase.json");
    let link = dir.path().join("link.sharecase.json");
    let example = case::example::case();
    case::save(&real, &example).expect("saved");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    symlink(&real, &link).expect("link");
    let mut changed = example.clone();
    changed.title = "Changed".into();
    case::save(&link, &changed).expect("saved through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(case::load(&real).expect("loads").title, "Changed");
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_save_clears_away_stale_temporary_files_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("case.sharecase.json");
    let stale = dir.path().join(".case.sharecase.json.12345.tmp");
    let fresh = dir.path().join(".case.sharecase.json.67890.tmp");
    let other = dir.path().join(".other.json.12345.tmp");
    for path in [&stale, &fresh, &other] {
        std::fs::write(path, "half a case").expect("written");
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for path in [&stale, &other] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open")
            .set_modified(two_hours_ago)
            .expect("age");
    }
    case::save(&file, &case::example::case()).expect("saved");
    assert!(
        !stale.exists(),
        "an hour-old temporary file of this case goes"
    );
    assert!(
        fresh.exists(),
        "a recent one may be another save in progress"
    );
    assert!(other.exists(), "another file's is left alone");
}

fn sharecase_cli() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("sharecase").expect("binary built")
}

#[test]
fn a_template_never_replaces_a_file_without_force_nor_the_case_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("case.sharecase.json");
    case::save(&file, &case::example::case()).expect("saved");
    let before = std::fs::read_to_string(&file).expect("read");
    sharecase_cli()
        .arg("import")
        .arg(&file)
        .arg("--template")
        .arg(&file)
        .arg("--force")
        .assert()
        .failure()
        .stderr(predicates::str::contains("is the case file itself"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), before);
    let other = dir.path().join("notes.csv");
    std::fs::write(&other, "keep me").expect("written");
    sharecase_cli()
        .arg("import")
        .arg(&file)
        .arg("--template")
        .arg(&other)
        .assert()
        .failure()
        .stderr(predicates::str::contains("add --force to replace it"));
    assert_eq!(std::fs::read_to_string(&other).expect("read"), "keep me");
    sharecase_cli()
        .arg("import")
        .arg(&file)
        .arg("--template")
        .arg(&other)
        .arg("--force")
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&other)
            .expect("read")
            .starts_with("name,kind")
    );
}

// ---- Export names ----

fn export_names(case: &case::Case) -> Result<Vec<String>, String> {
    let results = compute(case).expect("valid");
    let dir = tempfile::tempdir().expect("temp dir");
    let provenance = sharecase::export::Provenance {
        file: None,
        date: "30 November 2026".into(),
        left_out: Vec::new(),
        sha256: None,
    };
    let formats = [
        sharecase::export::Format::Svg,
        sharecase::export::Format::Csv,
    ];
    let written = sharecase::export::write(
        case,
        &results,
        dir.path(),
        &formats,
        &provenance,
        &mut |_| {},
    )
    .map_err(|e| e.to_string())?;
    let mut names: Vec<String> = written
        .iter()
        .map(|w| {
            assert!(
                w.path.exists(),
                "{} is reported and there",
                w.path.display()
            );
            w.path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let on_disk = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(on_disk, names.len(), "every file written is reported");
    names.sort();
    Ok(names)
}

#[test]
fn options_whose_names_make_the_same_file_name_get_their_own_files() {
    let mut case = case::example::case();
    case.rename_option(0, "O").expect("no clash");
    // Renamed behind the case's back (the app refuses the clash), so the preferred option
    // is moved by hand.
    case.options[1].name = "o".into();
    case.preferred_option = Some("o".into());
    let names = export_names(&case).expect("writes");
    assert!(
        names.iter().any(|n| n.ends_with("-o-flows.svg")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with("-o-2-flows.svg")),
        "{names:?}"
    );
    case.rename_option(0, "Option A").expect("no clash");
    case.options[1].name = "Option-A!".into();
    case.preferred_option = Some("Option-A!".into());
    let names = export_names(&case).expect("writes");
    assert!(
        names
            .iter()
            .any(|n| n.ends_with("-option-a-2-partners.svg")),
        "{names:?}"
    );
}

#[test]
fn long_reserved_and_unwritable_names_are_made_safe() {
    let mut case = case::example::case();
    case.title = "CON".into();
    case.rename_option(0, &"x".repeat(220)).expect("no clash");
    case.options[1].name = "Option \u{fffe}\u{ffff} B".into();
    case.preferred_option = None;
    let names = export_names(&case).expect("writes");
    assert!(
        names.contains(&"con-case-lines.csv".to_owned()),
        "{names:?}"
    );
    assert!(names.iter().all(|n| n.len() <= 200), "{names:?}");
    // The SVG of the option with U+FFFE and U+FFFF in its name is well-formed XML.
    let results = compute(&case).expect("valid");
    for chart in sharecase::export::charts(&case, &results) {
        let svg = sharecase::export::chart_svg::svg(&chart.chart);
        assert!(!svg.contains('\u{fffe}') && !svg.contains('\u{ffff}'));
    }
}

/// A new line takes the sharing most of the option's lines use, not equal shares.
#[test]
fn a_new_line_is_shared_as_most_of_its_options_lines_are() {
    let case = case::example::case();
    // The full option: six of its fourteen lines by Population, the rest by four other
    // ways.
    assert_eq!(
        case.options[1].usual_sharing(),
        sharecase::case::Sharing::Basis("Population".into())
    );
    let empty = sharecase::case::CaseOption::named("New");
    assert_eq!(empty.usual_sharing(), sharecase::case::Sharing::Equal);
}
