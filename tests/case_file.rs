//! The case file: round trips, versions, broken files, and validation listing every problem.

use crate::common;

use common::{bare_case, by_year, d, line};
use sharecase::case::{
    self, Amounts, CURRENT_SCHEMA_VERSION, LineKind, LoadError, Sharing, example, from_json,
    to_json, validate,
};

#[test]
fn the_example_loads_is_valid_and_saves_to_the_same_text() {
    let case = example::case();
    assert!(validate(&case).is_empty(), "{:?}", validate(&case));
    assert_eq!(case.partners.len(), 3);
    assert_eq!(case.options.len(), 2);
    let text = to_json(&case).expect("serialises");
    assert_eq!(
        text,
        example::EXAMPLE_JSON,
        "the shipped file is in saved form"
    );
    assert_eq!(from_json(&text).expect("loads"), case);
}

#[test]
fn save_and_load_through_disk_is_identical_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("case.sharecase.json");
    let case = example::case();
    case::save(&path, &case).expect("saves");
    case::save(&path, &case).expect("saves over the old file");
    assert_eq!(case::load(&path).expect("loads"), case);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "only the case file remains: {names:?}");
}

#[test]
fn saving_into_a_missing_folder_fails_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no such folder").join("case.json");
    assert!(case::save(&path, &example::case()).is_err());
}

#[test]
fn money_is_written_as_decimal_strings() {
    let text = to_json(&example::case()).expect("serialises");
    assert!(text.contains("\"discount_rate\": \"0.035\""));
    assert!(text.contains("\"annual\": \"1050000\""));
}

#[test]
fn a_newer_file_is_refused_with_a_clear_message() {
    let text = example::EXAMPLE_JSON.replacen(
        &format!("\"schema_version\": {CURRENT_SCHEMA_VERSION}"),
        &format!("\"schema_version\": {}", CURRENT_SCHEMA_VERSION + 1),
        1,
    );
    let err = from_json(&text).expect_err("newer");
    assert!(matches!(err, LoadError::Newer { .. }));
    assert!(
        err.to_string().contains("newer version of Sharecase"),
        "{err}"
    );
}

#[test]
fn broken_json_gives_line_and_column() {
    let err = from_json("{\n  \"schema_version\": 1,\n  \"title\": \n}").expect_err("broken");
    match err {
        LoadError::NotJson { line, .. } => assert_eq!(line, 4),
        other => panic!("expected NotJson, got {other:?}"),
    }
}

#[test]
fn a_file_that_is_not_a_case_says_so() {
    assert!(matches!(from_json("[1, 2]"), Err(LoadError::NotACase(_))));
    let err = from_json("{\"title\": \"x\"}").expect_err("no version");
    assert!(err.to_string().contains("schema_version"), "{err}");
}

#[test]
fn a_bad_amount_names_the_field_path() {
    let text = example::EXAMPLE_JSON.replacen("\"annual\": \"1050000\"", "\"annual\": \"abc\"", 1);
    let err = from_json(&text).expect_err("bad amount");
    let message = err.to_string();
    assert!(
        message.contains("options[1].lines[9].amounts.recurring.annual"),
        "{message}"
    );
    assert!(message.contains("\"abc\" is not a number"), "{message}");
}

#[test]
fn a_huge_number_is_refused_by_the_loader_or_the_validator() {
    let text = example::EXAMPLE_JSON.replacen("\"annual\": \"1050000\"", "\"annual\": \"1e40\"", 1);
    assert!(from_json(&text).is_err());
    let text = example::EXAMPLE_JSON.replacen(
        "\"annual\": \"1050000\"",
        "\"annual\": \"5000000000000\"",
        1,
    );
    let case = from_json(&text).expect("parses");
    let problems = validate(&case);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, "amounts.recurring.annual");
    assert_eq!((problems[0].option, problems[0].line), (Some(1), Some(9)));
    assert!(
        problems[0].to_string().contains("£1 trillion"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_misspelt_field_is_named() {
    let text = example::EXAMPLE_JSON.replacen("\"horizon\"", "\"horizn\"", 1);
    let message = from_json(&text).expect_err("unknown field").to_string();
    assert!(message.contains("horizn"), "{message}");
}

#[test]
fn validation_lists_every_problem_with_its_place() {
    let mut case = bare_case(40);
    case.title = " ".into();
    case.discount_rate = d("3.5");
    let mut bad_phasing = line(
        "System",
        LineKind::CapitalInvestment,
        Amounts::OneOff {
            amount: d("100"),
            year: 0,
            phasing: vec![d("0.6"), d("0.3")],
        },
    );
    bad_phasing.sharing = Sharing::Basis("Budget".into());
    let mut negative = line("Saving", LineKind::Saving, by_year(&["-5"]));
    negative.sharing = Sharing::Partner("Z".into());
    case.options[0].lines = vec![bad_phasing, negative];
    case.options[0].adjustments.benefit_delay_months = 40;
    case.bases[0].weights.insert("Nobody".into(), d("2").into());

    let problems = validate(&case);
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    for expected in [
        "title",
        "horizon",
        "discount_rate",
        "bases[0].weights.Nobody",
        "adjustments.benefit_delay_months",
        "sharing.basis",
        "amounts.one_off.phasing",
        "sharing.partner",
        "amounts.by_year[0]",
    ] {
        assert!(
            fields.contains(&expected),
            "missing {expected} in {fields:?}"
        );
    }
    assert_eq!(problems.len(), 9, "{problems:#?}");
    let horizon = problems
        .iter()
        .find(|p| p.field == "horizon")
        .expect("horizon");
    assert!(horizon.message.contains("40 years") && horizon.message.contains("3 to 10"));
    let phasing = problems
        .iter()
        .find(|p| p.field == "amounts.one_off.phasing")
        .expect("phasing");
    assert_eq!((phasing.option, phasing.line), (Some(0), Some(0)));
    assert!(
        phasing.message.contains("90%, not 100%"),
        "{}",
        phasing.message
    );
    assert!(
        phasing
            .to_string()
            .starts_with("option 1 \"Option\", line 1 \"System\"")
    );
}

#[test]
fn duplicate_names_and_empty_lists_are_problems() {
    let mut case = bare_case(5);
    case.partners.push(case.partners[0].clone());
    case.options.push(case.options[0].clone());
    let fields: Vec<String> = validate(&case).into_iter().map(|p| p.field).collect();
    assert!(
        fields.contains(&"partners[2].name".to_owned()),
        "{fields:?}"
    );
    assert!(fields.contains(&"name".to_owned()), "{fields:?}");
    let mut empty = bare_case(5);
    empty.partners.clear();
    empty.options.clear();
    empty.bases.clear();
    let fields: Vec<String> = validate(&empty).into_iter().map(|p| p.field).collect();
    assert_eq!(fields, vec!["partners", "options"]);
}

#[test]
fn a_basis_of_all_zero_weights_is_a_problem() {
    let mut case = bare_case(5);
    for w in case.bases[0].weights.values_mut() {
        *w = d("0").into();
    }
    let problems = validate(&case);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, "bases[0].weights");
}
