//! Cases as councils write them: amounts in cash prices, yearly steps of ramp-up, options
//! against a baseline, and partners whose shares change by year. Every expected figure is
//! worked by hand (fractions, shown in the comments) or taken from the conventions' examples.

use crate::common;

use common::{bare_case, by_year, d, ds, line, r};
use sharecase::case::{Amounts, Case, CaseOption, LineKind, PriceBasis, Sharing, Weight, validate};
use sharecase::engine::{OptionResults, WarningCode, compute};

fn only(case: &Case) -> OptionResults {
    compute(case)
        .unwrap_or_else(|p| panic!("case should be valid: {p:?}"))
        .options
        .remove(0)
}

fn recurring(annual: &str, from: u32) -> Amounts {
    Amounts::Recurring {
        annual: d(annual),
        from_year: from,
        to_year: None,
        ramp_up: Vec::new(),
    }
}

fn cash_of(o: &OptionResults, line: usize) -> Vec<rust_decimal::Decimal> {
    o.lines[line].cash.iter().map(|v| r(*v, 2)).collect()
}

fn real_of(o: &OptionResults, line: usize) -> Vec<rust_decimal::Decimal> {
    o.lines[line].real.iter().map(|v| r(*v, 2)).collect()
}

#[test]
fn a_cash_price_saving_is_not_indexed_and_is_deflated_to_real_terms() {
    // Conventions: £1,000 a year from year 1 in cash prices, g = 2%: cash 1,000.00 every
    // year; real in year 2 = 1,000 / 1.0404 = 961.17.
    let mut case = bare_case(4);
    case.prices = PriceBasis::Cash;
    case.options[0].lines = vec![line("Saving", LineKind::Saving, recurring("1000", 1))];
    let o = only(&case);
    assert_eq!(cash_of(&o, 0), ds(&["0", "1000.00", "1000.00", "1000.00"]));
    assert_eq!(real_of(&o, 0)[2], d("961.17"));
    // The same saving in year-0 prices, indexed at g: cash in year 2 = 1,040.40, real 1,000.
    case.prices = PriceBasis::Year0;
    let o = only(&case);
    assert_eq!(cash_of(&o, 0)[2], d("1040.40"));
    assert_eq!(real_of(&o, 0)[2], d("1000.00"));
}

#[test]
fn a_line_can_override_the_cases_prices() {
    let mut case = bare_case(3);
    let mut cash_line = line("Quote", LineKind::RecurringCost, recurring("500", 0));
    cash_line.prices = Some(PriceBasis::Cash);
    case.options[0].lines = vec![
        cash_line,
        line("Indexed", LineKind::RecurringCost, recurring("500", 0)),
    ];
    let o = only(&case);
    assert_eq!(cash_of(&o, 0), ds(&["500.00", "500.00", "500.00"]));
    // 500 x 1.02^2 = 520.20.
    assert_eq!(cash_of(&o, 1), ds(&["500.00", "510.00", "520.20"]));
}

#[test]
fn a_cash_price_line_with_an_indexation_is_refused_naming_the_line() {
    let mut case = bare_case(3);
    case.prices = PriceBasis::Cash;
    let mut l = line("Licences", LineKind::RecurringCost, recurring("500", 0));
    l.indexation = Some(d("0.05"));
    case.options[0].lines = vec![l];
    let problems = validate(&case);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "indexation");
    assert_eq!(problems[0].line, Some(0));
    let text = problems[0].to_string();
    assert!(
        text.contains("Licences") && text.contains("cash prices"),
        "{text}"
    );
}

#[test]
fn a_delayed_cash_price_saving_moves_unchanged_and_the_shortfall_comes_off() {
    // £1,200 a year in cash for years 0-2, six months late, 10% short, g = 2%, r = 3.5%.
    // Delay: year 0 gets 6/12 x 1,200 = 600, years 1 and 2 get 1,200; 600 falls past the
    // horizon. Shortfall: 540, 1,080, 1,080 in cash, not indexed.
    // Real: 540; 1,080 / 1.02 = 1,058.82; 1,080 / 1.0404 = 1,038.06.
    // NPV = 540 + 1,058.8235294 / 1.035 + 1,038.0622837 / 1.071225 = 2,532.06.
    let mut case = bare_case(3);
    case.prices = PriceBasis::Cash;
    case.options[0].adjustments.benefit_delay_months = 6;
    case.options[0].adjustments.benefit_shortfall = d("0.1");
    case.options[0].lines = vec![line(
        "Staff",
        LineKind::Saving,
        by_year(&["1200", "1200", "1200"]),
    )];
    let o = only(&case);
    assert_eq!(cash_of(&o, 0), ds(&["540.00", "1080.00", "1080.00"]));
    assert_eq!(real_of(&o, 0), ds(&["540.00", "1058.82", "1038.06"]));
    assert_eq!(r(o.figures.measures.npv, 2), d("2532.06"));
    // In year-0 prices the moved money is priced at the year it lands in: 1,080 x 1.02 =
    // 1,101.60 and 1,080 x 1.0404 = 1,123.63, constant 1,080 in real terms.
    case.prices = PriceBasis::Year0;
    let o = only(&case);
    assert_eq!(cash_of(&o, 0), ds(&["540.00", "1101.60", "1123.63"]));
    assert_eq!(real_of(&o, 0), ds(&["540.00", "1080.00", "1080.00"]));
}

#[test]
fn a_recurring_saving_delayed_four_months_keeps_its_twelfths() {
    // Conventions: £10,000 a year from year 0, 4 months late, no indexation: year 0 =
    // 8/12 x 10,000 = 6,666.67, year 1 = 10,000.00. The same in cash prices.
    for prices in PriceBasis::ALL {
        let mut case = bare_case(3);
        case.inflation = d("0");
        case.prices = prices;
        case.options[0].adjustments.benefit_delay_months = 4;
        case.options[0].lines = vec![line("Saving", LineKind::Saving, recurring("10000", 0))];
        let o = only(&case);
        assert_eq!(cash_of(&o, 0)[..2], ds(&["6666.67", "10000.00"])[..]);
    }
}

#[test]
fn converting_the_cases_prices_keeps_every_figure_to_the_penny() {
    let mut case = sharecase::case::example::case();
    for option in &mut case.options {
        option.adjustments = sharecase::case::Adjustments::default();
    }
    let before = compute(&case).expect("valid");
    let mut converted = case.clone();
    converted.set_prices(PriceBasis::Cash, true);
    assert_eq!(converted.prices, PriceBasis::Cash);
    assert!(
        validate(&converted).is_empty(),
        "{:?}",
        validate(&converted)
    );
    assert!(
        converted
            .options
            .iter()
            .flat_map(|o| &o.lines)
            .all(|l| l.indexation.is_none())
    );
    let after = compute(&converted).expect("valid");
    for (a, b) in before.options.iter().zip(&after.options) {
        // Each converted amount is its cash figure rounded to the penny, line by line.
        for (la, lb) in a.lines.iter().zip(&b.lines) {
            let cash_a: Vec<_> = la.cash.iter().map(|v| r(*v, 2)).collect();
            assert_eq!(cash_a, lb.cash, "{}: {}", a.name, la.name);
        }
        for (ya, yb) in a.figures.years.iter().zip(&b.figures.years) {
            // A year's net is within a penny a line of what it was.
            let gap = (ya.net_cash - yb.net_cash).abs();
            let lines = rust_decimal::Decimal::from(a.lines.len());
            assert!(gap <= d("0.01") * lines, "{} {}: {gap}", a.name, ya.label);
        }
        let npv_gap = (a.figures.measures.npv - b.figures.measures.npv).abs();
        assert!(npv_gap <= d("0.05"), "{}: NPV moved by {npv_gap}", a.name);
    }
    // And back again.
    converted.set_prices(PriceBasis::Year0, true);
    let back = compute(&converted).expect("valid");
    for (a, b) in before.options.iter().zip(&back.options) {
        let gap = (a.figures.measures.npv - b.figures.measures.npv).abs();
        assert!(gap <= d("0.10"), "{}: NPV moved by {gap}", a.name);
    }
}

#[test]
fn keeping_the_amounts_as_typed_reads_them_in_the_new_prices() {
    let mut case = bare_case(3);
    case.options[0].lines = vec![line("Saving", LineKind::Saving, recurring("1000", 0))];
    case.options[0].lines[0].indexation = Some(d("0.05"));
    case.set_prices(PriceBasis::Cash, false);
    assert!(validate(&case).is_empty());
    let o = only(&case);
    assert_eq!(cash_of(&o, 0), ds(&["1000.00", "1000.00", "1000.00"]));
}

fn by_year_weights(values: &[&str]) -> Weight {
    Weight::ByYear(ds(values))
}

#[test]
fn a_partner_joining_in_year_two_shares_from_then_on() {
    // Caseload: A 1, 1, 1; B 0, 0, 1. £900 a year in cash shared by caseload: A takes all of
    // years 0 and 1, then A and B take 450 each.
    let mut case = bare_case(3);
    case.prices = PriceBasis::Cash;
    case.bases[0]
        .weights
        .insert("A".into(), by_year_weights(&["1", "1", "1"]));
    case.bases[0]
        .weights
        .insert("B".into(), by_year_weights(&["0", "0", "1"]));
    let mut l = line("Saving", LineKind::Saving, recurring("900", 0));
    l.sharing = Sharing::Basis("Population".into());
    case.options[0].lines = vec![l];
    let o = only(&case);
    let cash = |p: usize| -> Vec<_> {
        o.partners[p]
            .figures
            .years
            .iter()
            .map(|y| r(y.net_cash, 2))
            .collect()
    };
    assert_eq!(cash(0), ds(&["900.00", "900.00", "450.00"]));
    assert_eq!(cash(1), ds(&["0.00", "0.00", "450.00"]));
}

#[test]
fn weights_by_year_must_cover_the_horizon_and_every_year() {
    let mut case = bare_case(3);
    case.bases[0]
        .weights
        .insert("A".into(), by_year_weights(&["1", "0"]));
    let problems = validate(&case);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "bases[0].weights.A");
    assert!(
        problems[0].message.contains("Population"),
        "{}",
        problems[0].message
    );

    case.bases[0]
        .weights
        .insert("A".into(), by_year_weights(&["1", "0", "2"]));
    case.bases[0]
        .weights
        .insert("B".into(), by_year_weights(&["3", "0", "0"]));
    let problems = validate(&case);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "bases[0].weights");
    let message = &problems[0].message;
    assert!(
        message.contains("Population") && message.contains("2027/28"),
        "{message}"
    );
}

fn two_options() -> Case {
    // No inflation, cash prices: cash, real and the amounts are the same; r = 3.5%.
    let mut case = bare_case(5);
    case.inflation = d("0");
    case.prices = PriceBasis::Cash;
    case.options[0].name = "Do minimum".into();
    case.options[0].lines = vec![line(
        "Running",
        LineKind::RecurringCost,
        recurring("120", 0),
    )];
    let mut shared = CaseOption {
        name: "Invest".into(),
        description: String::new(),
        adjustments: sharecase::case::Adjustments::default(),
        lines: vec![
            line(
                "System",
                LineKind::CapitalInvestment,
                Amounts::OneOff {
                    amount: d("300"),
                    year: 0,
                    phasing: Vec::new(),
                },
            ),
            line("Running", LineKind::RecurringCost, recurring("120", 0)),
            line("Saving", LineKind::Saving, recurring("100", 1)),
        ],
        optimism_bias: None,
        delay_range: None,
    };
    shared.lines[2].sharing = Sharing::Partner("B".into());
    case.options.push(shared);
    case.baseline = Some("Do minimum".into());
    case
}

#[test]
fn an_option_against_the_baseline_is_its_figures_less_the_baselines() {
    // Against Do minimum: -300 in year 0, then +100 a year in years 1-4.
    // NPV = -300 + 100 x (1/1.035 + ... + 1/1.035^4) = -300 + 367.31 = 67.31.
    // Cumulative: -300, -200, -100, 0, 100: back to zero exactly at the end of year 3 (4 years,
    // named 2029/30). BCR = 367.31 / 300 = 1.22. IRR: -300 y^4 + 100 (y^3 + y^2 + y + 1) = 0 at
    // y = 1.1258983, so 12.59%.
    let case = two_options();
    let results = compute(&case).expect("valid");
    assert!(
        results.options[0].incremental.is_none(),
        "the baseline has none"
    );
    let option = &results.options[1];
    let inc = option.incremental.as_ref().expect("against the baseline");
    assert_eq!(inc.against, "Do minimum");
    let m = &inc.figures.measures;
    assert_eq!(r(m.npv, 2), d("67.31"));
    assert_eq!(
        m.npv,
        option.figures.measures.npv - results.options[0].figures.measures.npv
    );
    let net: Vec<_> = inc.figures.years.iter().map(|y| r(y.net_cash, 2)).collect();
    assert_eq!(
        net,
        ds(&["-300.00", "100.00", "100.00", "100.00", "100.00"])
    );
    assert_eq!(m.payback.years(), Some(d("4")));
    assert_eq!(m.payback.year_index(), Some(3));
    assert_eq!(r(m.bcr.expect("costs more"), 2), d("1.22"));
    assert_eq!(r(m.irr.rate().expect("a rate"), 6), d("0.125898"));
    // Partners: A bears half the system (150) and nothing else differs for A; B half the
    // system and all the saving. They add up to the option.
    let a = option.partners[0].incremental.as_ref().expect("A");
    let b = option.partners[1].incremental.as_ref().expect("B");
    assert_eq!(r(a.measures.npv, 2), d("-150.00"));
    assert_eq!(a.measures.payback.years(), None);
    assert_eq!(a.measures.npv + b.measures.npv, m.npv);
    // B: -150, then +100 a year: -150, -50, +50: back to zero at 2 + 50/100 = 2.5 years.
    assert_eq!(b.measures.payback.years(), Some(d("2.5")));
}

#[test]
fn an_option_that_costs_less_than_the_baseline_has_no_incremental_ratio() {
    let mut case = two_options();
    // Running costs fall from 120 to 40 and there is no saving line: costs in present value
    // are 300 + 40 x 5 less 120 x 5 and so below zero against Do minimum.
    case.options[1].lines[1] = line("Running", LineKind::RecurringCost, recurring("40", 0));
    case.options[1].lines.pop();
    let results = compute(&case).expect("valid");
    let inc = results.options[1].incremental.as_ref().expect("against");
    assert_eq!(inc.figures.measures.bcr, None);
    assert_eq!(inc.figures.measures.roi, None);
    assert!(
        inc.figures
            .warnings
            .iter()
            .any(|w| w.code() == WarningCode::NoExtraCosts)
    );
    // Net -220, then +80 a year: -220, -140, -60, +20: payback 3 + 60/80 = 3.75 years.
    assert_eq!(inc.figures.measures.payback.years(), Some(d("3.75")));
}

#[test]
fn a_baseline_that_names_no_option_is_a_problem() {
    let mut case = two_options();
    case.baseline = Some("Business as usual".into());
    let problems = validate(&case);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "baseline");
}

#[test]
fn renaming_or_deleting_the_baseline_keeps_the_case_consistent() {
    let mut case = two_options();
    case.rename_option(0, "Business as usual")
        .expect("no clash");
    assert_eq!(case.baseline.as_deref(), Some("Business as usual"));
    case.remove_option(0);
    assert_eq!(case.baseline, None);
    assert!(validate(&case).is_empty());
}

#[test]
fn version_three_files_keep_prices_baseline_and_weights_by_year() {
    let mut case = two_options();
    case.bases[0]
        .weights
        .insert("B".into(), by_year_weights(&["0", "1", "1", "1", "1"]));
    case.options[1].lines[0].prices = Some(PriceBasis::Year0);
    let text = sharecase::case::to_json(&case).expect("saves");
    assert!(text.contains("\"prices\": \"cash\""), "{text}");
    assert!(text.contains("\"baseline\": \"Do minimum\""), "{text}");
    assert!(text.contains("\"prices\": \"year0\""), "{text}");
    let back = sharecase::case::from_json(&text).expect("reads");
    assert_eq!(back.prices, case.prices);
    assert_eq!(back.baseline, case.baseline);
    assert_eq!(back.bases, case.bases);
    assert_eq!(back.options[1].lines[0].prices, Some(PriceBasis::Year0));
}

#[test]
fn a_version_two_file_reads_in_year_zero_prices_with_no_baseline() {
    let text = sharecase::case::example::EXAMPLE_JSON
        .replace("\"schema_version\": 4", "\"schema_version\": 2")
        .replace("  \"prices\": \"year0\",\n", "")
        .replace("  \"baseline\": \"Do minimum\",\n", "");
    let case = sharecase::case::from_json(&text).expect("reads");
    assert_eq!(case.prices, PriceBasis::Year0);
    assert_eq!(case.baseline, None);
}
