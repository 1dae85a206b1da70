//! Scenarios and Green Book optimism bias, worked by hand: how a scenario composes with an
//! option's own adjustments, the guidance's bounds as data, and each assessment's figures.

use crate::common;

use common::{bare_case, by_year, d, ds, line, r};
use sharecase::case::{
    Amounts, BelowLowerBound, Case, InvestmentType, LineKind, OptimismBias, PriceBasis,
    RunningCostType, Scenario, validate,
};
use sharecase::engine::{WarningCode, compute, compute_under};

fn recurring(annual: &str) -> Amounts {
    Amounts::Recurring {
        annual: d(annual),
        from_year: 0,
        to_year: None,
        ramp_up: Vec::new(),
    }
}

/// No inflation, cash prices: cash and real are the amounts.
fn flat(horizon: u8) -> Case {
    let mut case = bare_case(horizon);
    case.inflation = d("0");
    case.prices = PriceBasis::Cash;
    case
}

fn cash(case: &Case, scenario: Option<usize>, line: usize) -> Vec<rust_decimal::Decimal> {
    compute_under(case, scenario).expect("valid").options[0].lines[line]
        .cash
        .iter()
        .map(|v| r(*v, 2))
        .collect()
}

#[test]
fn a_scenario_composes_with_the_options_own_adjustments() {
    // Option: costs +10%, benefits -10%, 3 months late. Scenario: costs +20%, benefits -20%,
    // 6 months late, Staff lines -20%.
    // Staff cost of 1,000 a year: 1,000 x 0.8 x 1.1 x 1.2 = 1,056.
    // ICT saving of 1,200 a year: 1,200 x 0.9 x 0.8 = 864, 9 months late: year 0 gets 3/12 of
    // it, 216; years 1 and 2 get 864.
    let mut case = flat(3);
    let a = &mut case.options[0].adjustments;
    a.cost_uplift = d("0.1");
    a.benefit_shortfall = d("0.1");
    a.benefit_delay_months = 3;
    let mut cost = line("Team", LineKind::RecurringCost, recurring("1000"));
    cost.category = "Staff".into();
    let mut saving = line("Systems", LineKind::Saving, recurring("1200"));
    saving.category = "ICT".into();
    case.options[0].lines = vec![cost, saving];
    case.scenarios = vec![Scenario {
        name: "Prudent".into(),
        cost_uplift: d("0.2"),
        benefit_shortfall: d("0.2"),
        benefit_delay_months: 6,
        // Matched ignoring case and surrounding spaces.
        categories: [(" staff ".to_owned(), d("-0.2"))].into(),
        ..Scenario::default()
    }];
    assert!(validate(&case).is_empty(), "{:?}", validate(&case));
    assert_eq!(
        cash(&case, Some(0), 0),
        ds(&["1056.00", "1056.00", "1056.00"])
    );
    assert_eq!(cash(&case, Some(0), 1), ds(&["216.00", "864.00", "864.00"]));
    // The central scenario is the case as entered: 1,100 and 1,080 (3 months late: 810 in
    // year 0).
    assert_eq!(cash(&case, None, 0), ds(&["1100.00", "1100.00", "1100.00"]));
    assert_eq!(cash(&case, None, 1), ds(&["810.00", "1080.00", "1080.00"]));
    let results = compute_under(&case, Some(0)).expect("valid");
    assert_eq!(results.scenario.as_deref(), Some("Prudent"));
}

#[test]
fn a_scenarios_inflation_replaces_general_inflation_only_where_lines_follow_it() {
    // Year-0 prices, scenario inflation 5% for a case at 2%:
    // - a line following general inflation: 1,000 x 1.05^2 = 1,102.50 in year 2, real 1,000;
    // - a line indexed at its own 3%: 1,000 x 1.03^2 = 1,060.90, real 1,060.90 / 1.1025 =
    //   962.27;
    // - a cash-price line of 1,000: cash 1,000, real 1,000 / 1.1025 = 907.03.
    let mut case = bare_case(3);
    let mut own = line("Own", LineKind::Saving, recurring("1000"));
    own.indexation = Some(d("0.03"));
    let mut fixed = line("Fixed", LineKind::Saving, recurring("1000"));
    fixed.prices = Some(PriceBasis::Cash);
    case.options[0].lines = vec![
        line("General", LineKind::Saving, recurring("1000")),
        own,
        fixed,
    ];
    case.scenarios = vec![Scenario {
        name: "High inflation".into(),
        inflation: Some(d("0.05")),
        ..Scenario::default()
    }];
    let results = compute_under(&case, Some(0)).expect("valid");
    let o = &results.options[0];
    let at = |l: usize| (r(o.lines[l].cash[2], 2), r(o.lines[l].real[2], 2));
    assert_eq!(at(0), (d("1102.50"), d("1000.00")));
    assert_eq!(at(1), (d("1060.90"), d("962.27")));
    assert_eq!(at(2), (d("1000.00"), d("907.03")));
}

#[test]
fn a_scenario_that_changes_nothing_gives_the_central_figures() {
    let mut case = sharecase::case::example::case();
    case.scenarios.push(Scenario {
        name: "Same".into(),
        ..Scenario::default()
    });
    let same = case.scenarios.len() - 1;
    let central = compute(&case).expect("valid");
    let other = compute_under(&case, Some(same)).expect("valid");
    for (a, b) in central.options.iter().zip(&other.options) {
        assert_eq!(a.figures, b.figures);
        assert_eq!(a.partners, b.partners);
        assert_eq!(a.incremental, b.incremental);
    }
}

#[test]
fn scenario_names_are_unique_ignoring_case_and_changes_are_bounded() {
    let mut case = flat(3);
    case.scenarios = vec![
        Scenario {
            name: "central".into(),
            ..Scenario::default()
        },
        Scenario {
            name: "Prudent".into(),
            cost_uplift: d("2.5"),
            benefit_delay_months: 40,
            categories: [("Staff".to_owned(), d("-1.5"))].into(),
            ..Scenario::default()
        },
    ];
    let fields: Vec<String> = validate(&case).into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            "scenarios[0].name",
            "scenarios[1].cost_uplift",
            "scenarios[1].benefit_delay_months",
            "scenarios[1].categories.Staff",
        ]
    );
    let mut renamed = flat(3);
    renamed.scenarios = vec![Scenario::prudent()];
    assert!(renamed.rename_scenario(Some(0), " CENTRAL ").is_err());
    assert!(renamed.rename_scenario(None, "Base").is_ok());
    assert_eq!(renamed.central_scenario, "Base");
}

#[test]
fn the_green_books_bounds_are_the_guidances() {
    // (type, duration upper, lower, capital upper, lower), in percent.
    let table = [
        (
            InvestmentType::StandardBuildings,
            "0.04",
            "0.01",
            "0.24",
            "0.02",
        ),
        (
            InvestmentType::NonStandardBuildings,
            "0.39",
            "0.02",
            "0.51",
            "0.04",
        ),
        (
            InvestmentType::StandardCivilEngineering,
            "0.20",
            "0.01",
            "0.44",
            "0.03",
        ),
        (
            InvestmentType::NonStandardCivilEngineering,
            "0.25",
            "0.03",
            "0.66",
            "0.06",
        ),
        (
            InvestmentType::EquipmentDevelopment,
            "0.54",
            "0.10",
            "2.00",
            "0.10",
        ),
    ];
    for (t, du, dl, cu, cl) in table {
        assert_eq!(t.duration().upper, d(du), "{t:?}");
        assert_eq!(t.duration().lower, d(dl), "{t:?}");
        assert_eq!(t.capital().upper, d(cu), "{t:?}");
        assert_eq!(t.capital().lower, d(cl), "{t:?}");
    }
    let o = RunningCostType::Outsourcing.operating();
    assert_eq!((o.upper, o.lower), (d("0.41"), d("0")));
}

fn bias(t: InvestmentType, mitigated: &str, months: u32) -> OptimismBias {
    OptimismBias {
        investment_type: t,
        running_cost_type: None,
        mitigated: d(mitigated),
        reason: "Fixed-price contract signed".into(),
        implementation_months: months,
    }
}

#[test]
fn an_assessment_lowers_the_upper_bounds_by_the_share_mitigated() {
    // Equipment and development, half mitigated, 18 months: investment 200% x 0.5 = 100%;
    // duration 54% x 0.5 = 27%; 18 x 0.27 = 4.86 months, so 5.
    let f = bias(InvestmentType::EquipmentDevelopment, "0.5", 18).figures();
    assert_eq!(f.investment_uplift, d("1.00"));
    assert_eq!(f.duration, d("0.27"));
    assert_eq!(f.extra_delay_months, 5);
    assert_eq!(f.running_cost_uplift, d("0"));
    // Outsourcing a quarter mitigated: 41% x 0.75 = 30.75% on running costs.
    let mut outsourced = bias(InvestmentType::StandardBuildings, "0.25", 0);
    outsourced.running_cost_type = Some(RunningCostType::Outsourcing);
    assert_eq!(outsourced.figures().running_cost_uplift, d("0.3075"));
    // Standard civil engineering, half mitigated, 25 months: 25 x 10% = 2.5 months, which
    // rounds half away from zero to 3.
    let f = bias(InvestmentType::StandardCivilEngineering, "0.5", 25).figures();
    assert_eq!(f.extra_delay_months, 3);
}

#[test]
fn figures_below_their_lower_bounds_are_warned_of() {
    // 96% mitigated: investment 200% x 0.04 = 8% < 10%; duration 54% x 0.04 = 2.16% < 10%.
    let below = bias(InvestmentType::EquipmentDevelopment, "0.96", 12).below_lower_bounds();
    assert_eq!(
        below,
        [
            BelowLowerBound::Investment {
                value: d("0.08"),
                lower: d("0.10")
            },
            BelowLowerBound::Duration {
                value: d("0.0216"),
                lower: d("0.10")
            },
        ]
    );
    // 95% leaves investment at exactly the lower bound of 10%: not below.
    assert!(
        bias(InvestmentType::EquipmentDevelopment, "0.95", 12)
            .below_lower_bounds()
            .iter()
            .all(|b| !matches!(b, BelowLowerBound::Investment { .. }))
    );
    let mut case = flat(3);
    case.options[0].lines = vec![line(
        "Saving",
        LineKind::Saving,
        by_year(&["10", "10", "10"]),
    )];
    case.options[0].optimism_bias = Some(bias(InvestmentType::EquipmentDevelopment, "0.96", 12));
    let results = compute(&case).expect("valid");
    let codes: Vec<_> = results.options[0]
        .figures
        .warnings
        .iter()
        .map(|w| w.code())
        .filter(|c| *c == WarningCode::OptimismBiasBelowLowerBound)
        .collect();
    assert_eq!(codes.len(), 2);
}

#[test]
fn optimism_bias_raises_investment_and_running_costs_and_delays_benefits() {
    // Equipment and development, half mitigated, 18 months (investment +100%, benefits 5
    // months later), outsourcing (running costs +20.5%). No inflation, cash.
    // Investment 1,000 in year 0 -> 2,000. Running cost 200 a year -> 241. Saving 1,200 a
    // year from year 0, 5 months late: year 0 gets 7/12 of it, 700; then 1,200.
    let mut case = flat(3);
    case.options[0].lines = vec![
        line(
            "System",
            LineKind::CapitalInvestment,
            Amounts::OneOff {
                amount: d("1000"),
                year: 0,
                phasing: Vec::new(),
            },
        ),
        line("Hosting", LineKind::RecurringCost, recurring("200")),
        line("Staff", LineKind::Saving, recurring("1200")),
    ];
    let mut assessment = bias(InvestmentType::EquipmentDevelopment, "0.5", 18);
    assessment.running_cost_type = Some(RunningCostType::Outsourcing);
    case.options[0].optimism_bias = Some(assessment);
    assert_eq!(cash(&case, None, 0), ds(&["2000.00", "0.00", "0.00"]));
    assert_eq!(cash(&case, None, 1), ds(&["241.00", "241.00", "241.00"]));
    assert_eq!(cash(&case, None, 2), ds(&["700.00", "1200.00", "1200.00"]));
    // A scenario's delay adds to optimism bias's: 6 more months, 11 in all: year 0 gets
    // 1/12, 100; year 1 gets 1/12 of year 1's and 11/12 of year 0's, 1,200.
    case.scenarios = vec![Scenario {
        name: "Late".into(),
        benefit_delay_months: 6,
        ..Scenario::default()
    }];
    assert_eq!(
        cash(&case, Some(0), 2),
        ds(&["100.00", "1200.00", "1200.00"])
    );
}

#[test]
fn a_mitigation_needs_its_reason() {
    let mut case = flat(3);
    let mut assessment = bias(InvestmentType::EquipmentDevelopment, "0.5", 18);
    assessment.reason = "  ".into();
    case.options[0].optimism_bias = Some(assessment);
    let problems = validate(&case);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "optimism_bias.reason");
    assert_eq!(problems[0].option, Some(0));
}

#[test]
fn scenarios_and_assessments_survive_a_save() {
    let mut case = sharecase::case::example::case();
    case.options[1].optimism_bias = Some(bias(InvestmentType::EquipmentDevelopment, "0.5", 18));
    let text = sharecase::case::to_json(&case).expect("saves");
    assert!(
        text.contains("\"investment_type\": \"equipment_development\""),
        "{text}"
    );
    let back = sharecase::case::from_json(&text).expect("reads");
    assert_eq!(back.scenarios, case.scenarios);
    assert_eq!(back.options[1].optimism_bias, case.options[1].optimism_bias);
    assert_eq!(back.central_scenario, "Central");
}
