//! Hand-computed cases: phasing, ramp-up, indexation, each adjustment, sharing with the
//! penny remainder, and every warning the engine gives.

use crate::common;

use common::{bare_case, by_year, d, ds, line, r};
use rust_decimal::Decimal;
use sharecase::case::{Amounts, Case, LineKind, Partner, Sharing};
use sharecase::engine::{CaseResults, OptionResults, Payback, Warning, WarningCode, compute};
use sharecase::report::words;

fn run(case: &Case) -> CaseResults {
    compute(case).unwrap_or_else(|p| panic!("case should be valid: {p:?}"))
}

fn only(case: &Case) -> OptionResults {
    run(case).options.remove(0)
}

fn pennies(values: &[Decimal]) -> Vec<Decimal> {
    values.iter().map(|v| r(*v, 2)).collect()
}

fn codes(option: &OptionResults) -> Vec<WarningCode> {
    option.figures.warnings.iter().map(Warning::code).collect()
}

/// No inflation, no indexation, so cash equals real equals the entered amounts.
fn flat_case(horizon: u8) -> Case {
    let mut case = bare_case(horizon);
    case.inflation = d("0");
    case
}

#[test]
fn one_off_phased_over_two_years() {
    let mut case = bare_case(5);
    case.options[0].lines.push(line(
        "System",
        LineKind::CapitalInvestment,
        Amounts::OneOff {
            amount: d("1000"),
            year: 1,
            phasing: ds(&["0.6", "0.4"]),
        },
    ));
    let option = only(&case);
    let flows = &option.lines[0];
    assert_eq!(flows.base, ds(&["0", "600", "400", "0", "0"]));
    // Indexed at general inflation (2%): cash grows, real terms stay in year-0 prices.
    assert_eq!(pennies(&flows.cash), ds(&["0", "612", "416.16", "0", "0"]));
    assert_eq!(flows.real, ds(&["0", "600", "400", "0", "0"]));
    let years = &option.figures.years;
    assert_eq!(years[1].investment_cash, d("612"));
    assert_eq!(years[1].costs_cash, d("612"));
    assert_eq!(years[1].net_cash, d("-612"));
    assert_eq!(option.figures.measures.totals.investment_real, d("1000"));
}

#[test]
fn recurring_with_ramp_up_and_an_end_year() {
    let mut case = flat_case(5);
    case.options[0].lines.push(line(
        "Staff",
        LineKind::Saving,
        Amounts::Recurring {
            annual: d("1000"),
            from_year: 1,
            to_year: Some(3),
            ramp_up: ds(&["0.25", "0.75"]),
        },
    ));
    case.options[0].lines.push(line(
        "Licences",
        LineKind::RecurringCost,
        Amounts::Recurring {
            annual: d("200"),
            from_year: 2,
            to_year: None,
            ramp_up: Vec::new(),
        },
    ));
    let option = only(&case);
    assert_eq!(option.lines[0].cash, ds(&["0", "250", "750", "1000", "0"]));
    assert_eq!(option.lines[1].cash, ds(&["0", "0", "200", "200", "200"]));
    let net: Vec<Decimal> = option.figures.years.iter().map(|y| y.net_cash).collect();
    assert_eq!(net, ds(&["0", "250", "550", "800", "-200"]));
}

#[test]
fn indexation_above_inflation_grows_in_real_terms() {
    let mut case = bare_case(5);
    let mut saving = line(
        "Licences avoided",
        LineKind::Saving,
        Amounts::Recurring {
            annual: d("1000"),
            from_year: 0,
            to_year: None,
            ramp_up: Vec::new(),
        },
    );
    saving.indexation = Some(d("0.05"));
    case.options[0].lines.push(saving);
    let option = only(&case);
    let flows = &option.lines[0];
    assert_eq!(flows.indexation, d("0.05"));
    assert_eq!(
        flows.cash,
        ds(&["1000", "1050", "1102.5", "1157.625", "1215.50625"])
    );
    assert_eq!(
        pennies(&flows.real),
        ds(&["1000", "1029.41", "1059.69", "1090.86", "1122.94"])
    );
}

#[test]
fn line_indexed_at_general_inflation_is_constant_in_real_terms() {
    let mut case = bare_case(10);
    case.options[0].lines.push(line(
        "Contract",
        LineKind::RecurringCost,
        Amounts::Recurring {
            annual: d("12345.67"),
            from_year: 0,
            to_year: None,
            ramp_up: Vec::new(),
        },
    ));
    let option = only(&case);
    assert!(option.lines[0].real.iter().all(|v| *v == d("12345.67")));
    assert_eq!(r(option.lines[0].cash[9], 2), d("14754.22"));
}

#[test]
fn cost_uplift_and_benefit_shortfall() {
    let mut case = flat_case(3);
    case.options[0].adjustments.cost_uplift = d("0.10");
    case.options[0].adjustments.benefit_shortfall = d("0.20");
    case.options[0].lines.push(line(
        "Build",
        LineKind::CapitalInvestment,
        by_year(&["1000"]),
    ));
    case.options[0].lines.push(line(
        "Saving",
        LineKind::Saving,
        by_year(&["0", "500", "500"]),
    ));
    let option = only(&case);
    assert_eq!(option.lines[0].cash, ds(&["1100", "0", "0"]));
    assert_eq!(option.lines[1].cash, ds(&["0", "400", "400"]));
    assert_eq!(option.figures.measures.totals.net_cash, d("-300"));
}

#[test]
fn benefit_delay_of_three_months_spreads_and_loses_the_tail() {
    let mut case = flat_case(4);
    case.options[0].adjustments.benefit_delay_months = 3;
    case.options[0].lines.push(line(
        "Saving",
        LineKind::Saving,
        Amounts::Recurring {
            annual: d("1200"),
            from_year: 0,
            to_year: None,
            ramp_up: Vec::new(),
        },
    ));
    let option = only(&case);
    // Year t gets 9/12 of its own year and 3/12 of the year before.
    assert_eq!(option.lines[0].cash, ds(&["900", "1200", "1200", "1200"]));
    let lost = option
        .figures
        .warnings
        .iter()
        .find(|w| w.code() == WarningCode::DelayedPastHorizon)
        .expect("the last quarter of year 3 moves past the horizon");
    assert_eq!(
        *lost,
        Warning::DelayedPastHorizon {
            months: 3,
            lost: d("300")
        }
    );
    let message = words::warning(lost, &run(&case).years);
    assert!(message.contains("£300"), "{message}");
    assert!(message.contains("2029/30"), "{message}");
}

#[test]
fn benefit_delay_of_fifteen_months_moves_a_whole_year_and_a_quarter() {
    let mut case = flat_case(4);
    case.options[0].adjustments.benefit_delay_months = 15;
    case.options[0]
        .lines
        .push(line("Saving", LineKind::Saving, by_year(&["1200"])));
    let option = only(&case);
    assert_eq!(option.lines[0].cash, ds(&["0", "900", "300", "0"]));
    assert!(!codes(&option).contains(&WarningCode::DelayedPastHorizon));
}

#[test]
fn delay_does_not_touch_costs() {
    let mut case = flat_case(3);
    case.options[0].adjustments.benefit_delay_months = 12;
    case.options[0].lines.push(line(
        "Cost",
        LineKind::RecurringCost,
        by_year(&["100", "100", "100"]),
    ));
    assert_eq!(only(&case).lines[0].cash, ds(&["100", "100", "100"]));
}

#[test]
fn delayed_benefit_is_priced_at_the_year_it_falls_in() {
    let mut case = bare_case(3);
    case.options[0].adjustments.benefit_delay_months = 12;
    let mut saving = line("Saving", LineKind::Saving, by_year(&["1000"]));
    saving.indexation = Some(d("0.10"));
    case.options[0].lines.push(saving);
    let option = only(&case);
    assert_eq!(option.lines[0].base, ds(&["0", "1000", "0"]));
    assert_eq!(option.lines[0].cash, ds(&["0", "1100", "0"]));
    assert_eq!(r(option.lines[0].real[1], 2), d("1078.43"));
}

#[test]
fn bcr_roi_and_npv_by_hand() {
    let mut case = flat_case(3);
    case.options[0].lines.push(line(
        "Build",
        LineKind::CapitalInvestment,
        by_year(&["1000"]),
    ));
    case.options[0].lines.push(line(
        "Saving",
        LineKind::Saving,
        by_year(&["0", "600", "600"]),
    ));
    let m = only(&case).figures.measures;
    assert_eq!(r(m.totals.benefits_pv, 2), d("1139.82"));
    assert_eq!(m.totals.costs_pv, d("1000"));
    assert_eq!(r(m.bcr.expect("has costs"), 5), d("1.13982"));
    assert_eq!(m.roi, Some(d("0.2")));
    assert_eq!(r(m.npv, 2), d("139.82"));
    assert_eq!(
        m.payback,
        Payback::After {
            years: d("2.6666666666666666666666666667"),
            year: 2,
            falls_back_in: None
        }
    );
}

fn three_partners(mut case: Case) -> Case {
    case.partners = vec![
        Partner {
            name: "A".into(),
            budget_gap: Vec::new(),
        },
        Partner {
            name: "B".into(),
            budget_gap: Vec::new(),
        },
        Partner {
            name: "C".into(),
            budget_gap: Vec::new(),
        },
    ];
    case.bases.clear();
    case
}

#[test]
fn equal_shares_give_the_odd_penny_to_the_first_of_equals() {
    let mut case = three_partners(flat_case(3));
    case.options[0]
        .lines
        .push(line("Cost", LineKind::RevenueInvestment, by_year(&["100"])));
    let option = only(&case);
    let year0: Vec<Decimal> = option
        .partners
        .iter()
        .map(|p| p.figures.years[0].costs_cash)
        .collect();
    // The engine carries the shares exactly, the remainder with the first of equals...
    assert_eq!(year0, ds(&["33.33333334", "33.33333333", "33.33333333"]));
    assert_eq!(year0.iter().sum::<Decimal>(), d("100"));
    // ...and in pennies the odd penny goes to that partner too.
    let shown = sharecase::format::apportion(d("100"), &year0);
    assert_eq!(shown, ds(&["33.34", "33.33", "33.33"]));
    let table = sharecase::report::partners::apportioned(&option);
    let costs: Vec<Decimal> = table.iter().map(|f| f.years[0].costs_cash).collect();
    assert_eq!(costs, ds(&["33.34", "33.33", "33.33"]));
}

#[test]
fn a_tiny_amount_among_many_partners_never_changes_sign() {
    let mut case = flat_case(3);
    case.partners = (0..50)
        .map(|p| Partner {
            name: format!("P{p}"),
            budget_gap: Vec::new(),
        })
        .collect();
    case.bases.clear();
    case.options[0].lines.push(line(
        "Cost",
        LineKind::RevenueInvestment,
        by_year(&["0.30"]),
    ));
    let option = only(&case);
    for partner in &option.partners {
        assert_eq!(partner.figures.years[0].costs_cash, d("0.006"));
    }
    let shown = sharecase::report::partners::apportioned(&option);
    let pennies: Vec<Decimal> = shown.iter().map(|f| f.years[0].costs_cash).collect();
    assert!(pennies.iter().all(|p| *p >= d("0")), "{pennies:?}");
    assert_eq!(pennies.iter().sum::<Decimal>(), d("0.30"));
}

#[test]
fn weighted_shares_give_the_remainder_to_the_largest_share() {
    let mut case = flat_case(3);
    // Basis "Population": A 1, B 3, so 25% and 75%.
    let mut cost = line("Cost", LineKind::RevenueInvestment, by_year(&["100.01"]));
    cost.sharing = Sharing::Basis("Population".into());
    case.options[0].lines.push(cost);
    let option = only(&case);
    let a = option.partners[0].figures.years[0].costs_cash;
    let b = option.partners[1].figures.years[0].costs_cash;
    assert_eq!((a, b), (d("25.0025"), d("75.0075")));
    assert_eq!(
        sharecase::format::apportion(a + b, &[a, b]),
        ds(&["25.00", "75.01"])
    );
}

#[test]
fn all_to_one_partner_and_partners_pay_back_differently() {
    let mut case = flat_case(4);
    let mut refit = line("Refit", LineKind::CapitalInvestment, by_year(&["400"]));
    refit.sharing = Sharing::Equal;
    let mut rent = line(
        "Rent avoided",
        LineKind::Saving,
        by_year(&["0", "100", "100", "100"]),
    );
    rent.sharing = Sharing::Partner("A".into());
    let mut staff = line(
        "Staff",
        LineKind::Saving,
        by_year(&["0", "100", "100", "100"]),
    );
    staff.sharing = Sharing::Partner("B".into());
    case.options[0].lines.extend([refit, rent, staff]);
    let option = only(&case);
    // Each pays 200 and saves 100 a year: both pay back at the end of year 2.
    let a = &option.partners[0].figures.measures;
    assert_eq!(a.payback.years(), Some(d("3")));
    // Move B's saving a year later: B reaches exactly zero at the end of the horizon,
    // which counts as paying back (4 years, during 2029/30).
    case.options[0].lines[2].amounts = by_year(&["0", "0", "100", "100"]);
    let option = only(&case);
    assert_eq!(
        option.partners[0].figures.measures.payback.years(),
        Some(d("3"))
    );
    let b = &option.partners[1].figures.measures.payback;
    assert_eq!((b.years(), b.year_index()), (Some(d("4")), Some(3)));
    // Half of B's last saving and B does not pay back, £50 short.
    case.options[0].lines[2].amounts = by_year(&["0", "0", "100", "50"]);
    assert_eq!(
        only(&case).partners[1].figures.measures.payback,
        Payback::NotWithinHorizon { shortfall: d("50") }
    );
}

#[test]
fn partners_add_up_exactly_to_the_case() {
    let case = sharecase::case::example::case();
    for option in run(&case).options {
        for (t, year) in option.figures.years.iter().enumerate() {
            let sum = |f: fn(&sharecase::engine::YearFigures) -> Decimal| -> Decimal {
                option.partners.iter().map(|p| f(&p.figures.years[t])).sum()
            };
            assert_eq!(sum(|y| y.costs_cash), year.costs_cash);
            assert_eq!(sum(|y| y.benefits_cash), year.benefits_cash);
            assert_eq!(sum(|y| y.investment_cash), year.investment_cash);
            assert_eq!(sum(|y| y.costs_real), year.costs_real);
            assert_eq!(sum(|y| y.benefits_real), year.benefits_real);
            assert_eq!(sum(|y| y.net_real), year.net_real);
        }
        // Present values are products with 28-digit discount factors: they add up to far
        // below a penny, not to the last digit.
        let npv: Decimal = option.partners.iter().map(|p| p.figures.measures.npv).sum();
        assert!((npv - option.figures.measures.npv).abs() < d("0.000001"));
    }
}

#[test]
fn warning_falls_back_below_zero_names_the_year() {
    let mut case = flat_case(3);
    case.options[0].lines.push(line(
        "Build and refresh",
        LineKind::CapitalInvestment,
        by_year(&["100", "0", "100"]),
    ));
    case.options[0].lines.push(line(
        "Saving",
        LineKind::Saving,
        by_year(&["0", "150", "0"]),
    ));
    let option = only(&case);
    assert_eq!(
        option.figures.measures.payback,
        Payback::After {
            years: d("1.6666666666666666666666666667"),
            year: 1,
            falls_back_in: Some(2)
        }
    );
    let warning = option
        .figures
        .warnings
        .iter()
        .find(|w| w.code() == WarningCode::FallsBack)
        .expect("falls back");
    assert_eq!(*warning, Warning::FallsBack { year: 2 });
    let message = words::warning(warning, &run(&case).years);
    assert!(message.contains("2028/29"), "{message}");
    assert!(codes(&option).contains(&WarningCode::DiscountedFallsBack));
}

#[test]
fn warning_no_payback_gives_the_shortfall() {
    let mut case = flat_case(3);
    case.options[0].lines.push(line(
        "Build",
        LineKind::CapitalInvestment,
        by_year(&["1000"]),
    ));
    case.options[0].lines.push(line(
        "Saving",
        LineKind::Saving,
        by_year(&["0", "100", "100"]),
    ));
    let option = only(&case);
    assert_eq!(
        option.figures.measures.payback,
        Payback::NotWithinHorizon {
            shortfall: d("800")
        }
    );
    let w = &option.figures.warnings[0];
    assert_eq!(
        *w,
        Warning::NoPayback {
            shortfall: d("800")
        }
    );
    let message = words::warning(w, &run(&case).years);
    assert!(
        message.contains("£800") && message.contains("2028/29"),
        "{message}"
    );
}

#[test]
fn warning_several_irrs() {
    let mut case = flat_case(4);
    case.options[0].lines.push(line(
        "Cost",
        LineKind::RecurringCost,
        by_year(&["100", "0", "0", "7"]),
    ));
    case.options[0]
        .lines
        .push(line("Saving", LineKind::Saving, by_year(&["0", "100"])));
    let option = only(&case);
    assert!(codes(&option).contains(&WarningCode::SeveralIrrs));
    assert_eq!(
        r(option.figures.measures.irr.rate().expect("rate"), 4),
        d("-0.0833")
    );
}

#[test]
fn warning_money_beyond_the_horizon() {
    let mut case = flat_case(5);
    case.options[0].lines.push(line(
        "Refresh",
        LineKind::CapitalInvestment,
        Amounts::OneOff {
            amount: d("500"),
            year: 6,
            phasing: Vec::new(),
        },
    ));
    case.options[0]
        .lines
        .push(line("Saving", LineKind::Saving, by_year(&["10"])));
    let option = only(&case);
    let c = codes(&option);
    assert!(c.contains(&WarningCode::BeyondHorizon));
    assert!(!c.contains(&WarningCode::EmptyLine));
    assert_eq!(option.figures.measures.totals.costs_cash, d("0"));
}

#[test]
fn warning_empty_line_and_no_costs() {
    let mut case = flat_case(3);
    case.options[0].lines.push(line(
        "Placeholder",
        LineKind::RecurringCost,
        Amounts::Recurring {
            annual: d("0"),
            from_year: 0,
            to_year: None,
            ramp_up: Vec::new(),
        },
    ));
    case.options[0]
        .lines
        .push(line("Saving", LineKind::Saving, by_year(&["10"])));
    let option = only(&case);
    let c = codes(&option);
    assert!(c.contains(&WarningCode::EmptyLine));
    assert!(c.contains(&WarningCode::NoCosts));
    assert_eq!(option.figures.measures.bcr, None);
    assert_eq!(option.figures.measures.roi, None);
    assert_eq!(option.figures.measures.payback, Payback::Immediate);
}

#[test]
fn warning_partner_untouched() {
    let mut case = flat_case(3);
    let mut cost = line("Cost", LineKind::RecurringCost, by_year(&["10"]));
    cost.sharing = Sharing::Partner("A".into());
    case.options[0].lines.push(cost);
    let option = only(&case);
    assert!(
        option.partners[1]
            .figures
            .warnings
            .iter()
            .any(|w| w.code() == WarningCode::PartnerUntouched)
    );
    assert!(
        !option.partners[0]
            .figures
            .warnings
            .iter()
            .any(|w| w.code() == WarningCode::PartnerUntouched)
    );
}

#[test]
fn the_example_full_option_pays_back_and_partners_differ() {
    let results = run(&sharecase::case::example::case());
    let full = &results.options[1];
    assert_eq!(full.name, "Full shared service");
    let years: Vec<Option<usize>> = full
        .partners
        .iter()
        .map(|p| p.figures.measures.payback.year_index())
        .collect();
    assert_eq!(
        years,
        vec![Some(5), Some(4), Some(5)],
        "Eastbrook pays back a year earlier"
    );
    assert!(full.figures.measures.npv > d("0"));
    assert!(
        results.options[0].figures.measures.npv < d("0"),
        "the do-minimum costs money"
    );
}

#[test]
fn a_full_benefit_shortfall_is_not_an_empty_line() {
    let mut case = flat_case(3);
    case.options[0].adjustments.benefit_shortfall = d("1");
    case.options[0].lines.push(line(
        "Saving",
        LineKind::Saving,
        by_year(&["10", "10", "10"]),
    ));
    case.options[0]
        .lines
        .push(line("Cost", LineKind::RecurringCost, by_year(&["1"])));
    let option = only(&case);
    assert!(!codes(&option).contains(&WarningCode::EmptyLine));
    assert_eq!(option.figures.measures.totals.benefits_cash, d("0"));
}

#[test]
fn absurd_rates_are_problems_not_panics() {
    let mut case = bare_case(5);
    case.discount_rate = Decimal::MAX;
    case.options[0].adjustments.cost_uplift = Decimal::MIN;
    let problems = sharecase::case::validate(&case);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].message.contains("as a fraction"),
        "{}",
        problems[0]
    );
}

#[test]
fn payback_charts_mark_break_even_where_the_engine_puts_it() {
    let results = run(&sharecase::case::example::case());
    let chart = sharecase::report::chart::options_payback(
        &results,
        sharecase::report::chart::Basis::Cash,
        "Example",
        d("0.035"),
    );
    assert_eq!(chart.curves.len(), 2);
    assert!(
        chart.curves[0].break_even.is_none(),
        "the do-minimum never pays back"
    );
    let full = chart.curves[1].break_even.as_ref().expect("pays back");
    let years = results.options[1]
        .figures
        .measures
        .payback
        .years()
        .expect("pays back");
    assert!((full.x - years.to_string().parse::<f64>().expect("number")).abs() < 1e-9);
    assert_eq!(full.label, "5 years, in 2030/31");
    // One point per year end plus the start, at the cumulative cash position.
    assert_eq!(chart.curves[1].points.len(), 11);
    assert!(
        chart.curves[1].points[0].iter().all(|v| v.abs() < 1e-12),
        "starts at zero"
    );
    let end = results.options[1].figures.years[9].cumulative_cash;
    assert!(
        (chart.curves[1].points[10][1] - end.to_string().parse::<f64>().expect("number")).abs()
            < 1e-6
    );
}
