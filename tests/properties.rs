//! Properties that must hold for every case, not just the ones written by hand.

use crate::common;

use proptest::prelude::*;
use rust_decimal::Decimal;
use sharecase::case::{
    Adjustments, Amounts, Case, CaseOption, Line, LineKind, Partner, Sharing, SharingBasis,
    from_json, to_json,
};
use sharecase::engine::{compute, flows::flows};

fn money() -> impl Strategy<Value = Decimal> {
    (0_i64..1_000_000_000).prop_map(|pence| Decimal::new(pence, 2))
}

fn fraction_steps() -> impl Strategy<Value = Decimal> {
    (0_i64..=20).prop_map(|n| Decimal::new(n * 5, 2))
}

fn rate(low: i64, high: i64) -> impl Strategy<Value = Decimal> {
    (low..=high).prop_map(|tenths| Decimal::new(tenths, 3))
}

/// Phasing fractions in whole percent that add up to exactly 1.
fn phasing() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec(1_i64..100, 0..4).prop_map(|parts| {
        if parts.is_empty() {
            return Vec::new();
        }
        let total: i64 = parts.iter().sum();
        let mut percents: Vec<i64> = parts.iter().map(|p| p * 100 / total).collect();
        let given: i64 = percents.iter().sum();
        percents[0] += 100 - given;
        percents.into_iter().map(|p| Decimal::new(p, 2)).collect()
    })
}

fn amounts() -> impl Strategy<Value = Amounts> {
    prop_oneof![
        (money(), 0_u32..10, phasing()).prop_map(|(amount, year, phasing)| Amounts::OneOff {
            amount,
            year,
            phasing
        }),
        (
            money(),
            0_u32..10,
            prop::option::of(0_u32..12),
            prop::collection::vec(fraction_steps(), 0..3)
        )
            .prop_map(|(annual, from_year, to, ramp_up)| Amounts::Recurring {
                annual,
                from_year,
                to_year: to.map(|t| t.max(from_year)),
                ramp_up,
            }),
        prop::collection::vec(money(), 0..10).prop_map(Amounts::ByYear),
    ]
}

fn kind() -> impl Strategy<Value = LineKind> {
    prop::sample::select(LineKind::ALL.to_vec())
}

fn line(partners: usize) -> impl Strategy<Value = Line> {
    (
        kind(),
        amounts(),
        prop::option::of(rate(-50, 100)),
        0..partners + 2,
        "[A-Za-z][A-Za-z ]{0,11}",
    )
        .prop_map(move |(kind, amounts, indexation, share, name)| Line {
            name,
            kind,
            category: ["Staff", "ICT", "", "Other"][share % 4].into(),
            amounts,
            prices: None,
            indexation,
            funding: None,
            asset_life_years: None,
            mrp: None,
            sharing: match share {
                0 => Sharing::Equal,
                s if s == partners + 1 => Sharing::Basis("Weights".into()),
                s => Sharing::Partner(format!("P{}", s - 1)),
            },
            source: String::new(),
            range: None,
        })
}

fn case() -> impl Strategy<Value = Case> {
    (1_usize..5).prop_flat_map(|partners| {
        (
            3_u8..=10,
            rate(-20, 150),
            rate(-20, 100),
            prop::collection::vec(0_i64..100_000, partners),
            prop::collection::vec(
                (
                    prop::collection::vec(line(partners), 0..8),
                    rate(0, 500),
                    rate(0, 500),
                    0_u32..=36,
                ),
                1..4,
            ),
        )
            .prop_map(
                move |(horizon, discount, inflation, mut weights, options)| {
                    weights[0] += 1;
                    Case {
                        schema_version: 1,
                        title: "Property case".into(),
                        description: String::new(),
                        first_year: 2026,
                        horizon,
                        discount_rate: discount,
                        inflation,
                        scenario_inflation: None,
                        borrowing_rate: sharecase::case::default_borrowing_rate(),
                        central_scenario: sharecase::case::DEFAULT_CENTRAL.to_owned(),
                        scenarios: Vec::new(),
                        prices: sharecase::case::PriceBasis::Year0,
                        baseline: None,
                        partners: (0..partners)
                            .map(|p| Partner {
                                name: format!("P{p}"),
                                budget_gap: Vec::new(),
                            })
                            .collect(),
                        bases: vec![SharingBasis {
                            name: "Weights".into(),
                            weights: weights
                                .iter()
                                .enumerate()
                                .map(|(p, w)| (format!("P{p}"), Decimal::from(*w).into()))
                                .collect(),
                            source: String::new(),
                        }],
                        options: options
                            .into_iter()
                            .enumerate()
                            .map(|(i, (lines, uplift, shortfall, delay))| CaseOption {
                                name: format!("Option {i}"),
                                description: String::new(),
                                adjustments: Adjustments {
                                    cost_uplift: uplift,
                                    benefit_shortfall: shortfall,
                                    benefit_delay_months: delay,
                                    ..Adjustments::default()
                                },
                                lines,
                                optimism_bias: None,
                                delay_range: None,
                            })
                            .collect(),
                        risk: sharecase::case::RiskSettings::default(),
                        preferred_option: None,
                        recommendation: String::new(),
                        author: String::new(),
                        status: sharecase::case::DocumentStatus::Draft,
                        reference: None,
                    }
                },
            )
    })
}

proptest! {
    #[test]
    fn npv_at_zero_percent_is_the_sum_of_flows(values in prop::collection::vec(-10_000_000_000_i64..10_000_000_000, 1..12)) {
        let flows_in: Vec<Decimal> = values.iter().map(|p| Decimal::new(*p, 2)).collect();
        let result = flows(&flows_in, Decimal::ZERO).expect("computes");
        prop_assert_eq!(result.npv, flows_in.iter().sum::<Decimal>());
    }

    #[test]
    fn case_npv_at_zero_rates_is_the_total_net(mut case in case()) {
        case.discount_rate = Decimal::ZERO;
        let results = compute(&case).expect("generated cases are valid");
        for option in &results.options {
            prop_assert_eq!(option.figures.measures.npv, option.figures.measures.totals.net_real);
        }
    }

    #[test]
    fn partners_add_up_exactly_to_the_case(case in case()) {
        let results = compute(&case).expect("generated cases are valid");
        for option in &results.options {
            for (t, year) in option.figures.years.iter().enumerate() {
                let sum = |pick: &dyn Fn(&sharecase::engine::YearFigures) -> Decimal| -> Decimal {
                    option.partners.iter().map(|p| pick(&p.figures.years[t])).sum()
                };
                prop_assert_eq!(sum(&|y| y.costs_cash), year.costs_cash);
                prop_assert_eq!(sum(&|y| y.benefits_cash), year.benefits_cash);
                prop_assert_eq!(sum(&|y| y.investment_cash), year.investment_cash);
                prop_assert_eq!(sum(&|y| y.costs_real), year.costs_real);
                prop_assert_eq!(sum(&|y| y.benefits_real), year.benefits_real);
            }
            let npv: Decimal = option.partners.iter().map(|p| p.figures.measures.npv).sum();
            prop_assert!((npv - option.figures.measures.npv).abs() < Decimal::new(1, 6));
        }
    }

    /// Partners add up exactly when a basis's weights change by year (a partner joining
    /// late, a split re-based each year), including years where a partner's weight is zero.
    #[test]
    fn partners_add_up_exactly_with_weights_by_year(
        mut case in case(),
        weights in prop::collection::vec(prop::collection::vec(0_i64..1_000, 10), 5),
    ) {
        let years = usize::from(case.horizon);
        let partners: Vec<String> = case.partners.iter().map(|p| p.name.clone()).collect();
        for (p, name) in partners.iter().enumerate() {
            let mut by_year: Vec<Decimal> =
                weights[p].iter().take(years).map(|w| Decimal::from(*w)).collect();
            if p == 0 {
                // At least one weight above zero in every year.
                by_year.iter_mut().for_each(|w| *w += Decimal::ONE);
            }
            case.bases[0].weights.insert(name.clone(), sharecase::case::Weight::ByYear(by_year));
        }
        let results = compute(&case).expect("generated cases are valid");
        for option in &results.options {
            for (t, year) in option.figures.years.iter().enumerate() {
                let sum = |pick: &dyn Fn(&sharecase::engine::YearFigures) -> Decimal| -> Decimal {
                    option.partners.iter().map(|p| pick(&p.figures.years[t])).sum()
                };
                prop_assert_eq!(sum(&|y| y.costs_cash), year.costs_cash);
                prop_assert_eq!(sum(&|y| y.benefits_cash), year.benefits_cash);
                prop_assert_eq!(sum(&|y| y.costs_real), year.costs_real);
                prop_assert_eq!(sum(&|y| y.benefits_real), year.benefits_real);
            }
        }
    }

    /// A case whose lines are all written in cash prices, with each year's indexation worked
    /// out by hand (`amount x (1 + i)^t`, exactly), gives the same figures as the case in
    /// year-0 prices. Without a delay: a delay moves year-0 amounts before indexing them, and
    /// cash amounts as they are, so the two differ by design.
    #[test]
    fn cash_prices_worked_by_hand_equal_year_zero_prices(mut case in case()) {
        for option in &mut case.options {
            option.adjustments.benefit_delay_months = 0;
        }
        let years = usize::from(case.horizon);
        let mut cash = case.clone();
        cash.prices = sharecase::case::PriceBasis::Cash;
        for line in cash.options.iter_mut().flat_map(|o| o.lines.iter_mut()) {
            let rate = line.indexation.unwrap_or(case.inflation);
            let mut factor = Decimal::ONE;
            let mut amounts = line.amounts.by_year(years);
            for amount in &mut amounts {
                *amount *= factor;
                factor *= Decimal::ONE + rate;
            }
            line.amounts = Amounts::ByYear(amounts);
            line.indexation = None;
        }
        let year0 = compute(&case).expect("generated cases are valid");
        let by_hand = compute(&cash).expect("the same case in cash prices is valid");
        let penny = Decimal::new(1, 2);
        for (a, b) in year0.options.iter().zip(&by_hand.options) {
            for (ya, yb) in a.figures.years.iter().zip(&b.figures.years) {
                prop_assert!((ya.net_cash - yb.net_cash).abs() < penny, "{} {}", ya.net_cash, yb.net_cash);
                prop_assert!((ya.net_real - yb.net_real).abs() < penny, "{} {}", ya.net_real, yb.net_real);
            }
            prop_assert!((a.figures.measures.npv - b.figures.measures.npv).abs() < penny);
        }
    }

    /// More delay never brings payback earlier, for a case whose position is negative from
    /// year 0 and whose benefits cannot gain value by arriving later: each benefit either
    /// does not fall over time (a recurring saving with its ramp-up, running to the end of
    /// the horizon) or is not indexed upwards. The conventions price delayed money at the
    /// index of the year it falls in, so a lump saving indexed upwards is worth more when
    /// late, and can then pay back sooner: see docs/conventions.md.
    #[test]
    fn more_benefit_delay_never_brings_payback_earlier(mut case in case(), a in 0_u32..=36, b in 0_u32..=36) {
        case.options.truncate(1);
        case.inflation = case.inflation.max(Decimal::ZERO);
        let option = &mut case.options[0];
        option.adjustments.benefit_shortfall = Decimal::ZERO;
        for (i, line) in option.lines.iter_mut().filter(|l| l.kind.is_benefit()).enumerate() {
            if i % 2 == 0 {
                line.indexation = Some(Decimal::ZERO);
            } else {
                let annual = line.amounts.by_year(10).into_iter().max().unwrap_or_default();
                let from_year = u32::try_from(i % 4).unwrap_or(0);
                let mut ramp_up: Vec<Decimal> = match &line.amounts {
                    Amounts::Recurring { ramp_up, .. } => ramp_up.clone(),
                    _ => Vec::new(),
                };
                ramp_up.sort();
                line.amounts = Amounts::Recurring { annual, from_year, to_year: None, ramp_up };
            }
        }
        // Enough up-front investment that year 0 is negative whatever the delay.
        let year0: Decimal = option
            .lines
            .iter()
            .filter(|l| l.kind.is_benefit())
            .map(|l| l.amounts.by_year(1)[0])
            .sum();
        option.lines.push(Line {
            name: "Up-front investment".into(),
            kind: LineKind::CapitalInvestment,
            category: "ICT".into(),
            amounts: Amounts::OneOff { amount: year0 + Decimal::ONE, year: 0, phasing: Vec::new() },
            prices: None,
            indexation: None,
            funding: None,
            asset_life_years: None,
            mrp: None,
            sharing: Sharing::Equal,
            source: String::new(),
            range: None,
        });
        let (less, more) = (a.min(b), a.max(b));
        let payback_with = |months: u32| {
            let mut c = case.clone();
            c.options[0].adjustments.benefit_delay_months = months;
            let m = compute(&c).expect("valid").options.remove(0).figures.measures;
            (m.payback.years(), m.discounted_payback.years())
        };
        let (cash_less, pv_less) = payback_with(less);
        let (cash_more, pv_more) = payback_with(more);
        let later = |earlier: Option<Decimal>, later: Option<Decimal>| match (earlier, later) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(e), Some(l)) => l >= e,
        };
        prop_assert!(later(cash_less, cash_more), "cash: {:?} then {:?}", cash_less, cash_more);
        prop_assert!(later(pv_less, pv_more), "discounted: {:?} then {:?}", pv_less, pv_more);
    }

    /// Delay can bring payback sooner when a lump saving is indexed upwards (the case the
    /// property above leaves out), so the exclusion is a real one, not caution.
    #[test]
    fn a_late_lump_saving_indexed_upwards_is_worth_more_in_cash(months in 12_u32..=24) {
        let mut case = common::bare_case(4);
        case.inflation = Decimal::ZERO;
        let mut saving = common::line("Lump", LineKind::Saving, common::by_year(&["100"]));
        saving.indexation = Some(Decimal::new(6, 2));
        case.options[0].lines.push(saving);
        case.options[0].adjustments.benefit_delay_months = months;
        let total = compute(&case).expect("valid").options[0].figures.measures.totals.benefits_cash;
        prop_assert!(total > Decimal::ONE_HUNDRED);
    }

    #[test]
    fn save_and_load_round_trip_is_identical(case in case()) {
        let text = to_json(&case).expect("serialises");
        let loaded = from_json(&text).expect("loads");
        // Saved in the current format, whatever version the case was read from.
        let mut expected = case.clone();
        expected.schema_version = sharecase::case::CURRENT_SCHEMA_VERSION;
        prop_assert_eq!(&loaded, &expected);
        prop_assert_eq!(to_json(&loaded).expect("serialises"), text);
    }

    #[test]
    fn no_text_panics_the_loader(text in ".{0,200}") {
        let _ = from_json(&text);
    }

    #[test]
    fn no_edit_of_the_example_panics_the_loader_or_the_engine(at in 0_usize..6000, insert in "[0-9a-z\\-\\.\"\\[\\]{},: ]{0,8}", cut in 0_usize..8) {
        let source = sharecase::case::example::EXAMPLE_JSON;
        let at = at.min(source.len());
        let at = (0..=at).rev().find(|i| source.is_char_boundary(*i)).unwrap_or(0);
        let end = (at + cut).min(source.len());
        let end = (end..=source.len()).find(|i| source.is_char_boundary(*i)).unwrap_or(source.len());
        let text = format!("{}{}{}", &source[..at], insert, &source[end..]);
        if let Ok(case) = from_json(&text) {
            let _ = compute(&case);
        }
    }

    #[test]
    fn no_case_panics_the_engine(mut case in case(), horizon in 0_u8..60, big in prop::bool::ANY, rate_tenths in -2_000_i64..5_000) {
        case.horizon = horizon;
        case.discount_rate = Decimal::new(rate_tenths, 3);
        case.inflation = Decimal::new(-rate_tenths, 3);
        if big {
            for option in &mut case.options {
                for line in &mut option.lines {
                    line.amounts = Amounts::ByYear(vec![Decimal::MAX; 3]);
                }
            }
        }
        let _ = compute(&case);
    }
}

#[test]
fn the_worst_accepted_case_computes_without_overflow() {
    // Every bound at its limit: the largest amount, indexation at 100% against deflation of
    // -50%, the largest uplift, a discount rate of -50%, the most lines.
    let max = sharecase::case::validate::MAX_AMOUNT;
    let mut case = common::bare_case(10);
    case.discount_rate = Decimal::new(-5, 1);
    case.inflation = Decimal::new(-5, 1);
    case.options[0].adjustments.cost_uplift = Decimal::TWO;
    let mut line = common::line(
        "Huge",
        LineKind::RecurringCost,
        Amounts::ByYear(vec![max; 10]),
    );
    line.indexation = Some(Decimal::ONE);
    case.options[0].lines = vec![line; sharecase::case::validate::MAX_LINES];
    let results = compute(&case).expect("valid at the limits");
    assert!(results.options[0].figures.measures.npv < Decimal::ZERO);
}
