//! The budget view, worked by hand: MRP and interest as the conventions' examples give them,
//! and a three-partner case with every funding source, weights by year, a delay and a scenario.

use crate::common;

use common::{bare_case, by_year, d, ds, line, r};
use proptest::prelude::*;
use sharecase::case::{
    Amounts, Case, Funding, LineKind, Mrp, Partner, PriceBasis, Scenario, Sharing, Weight,
};
use sharecase::engine::budget::{option_budget, repayments};
use sharecase::engine::{Payback, compute_under};

fn pennies(
    values: &[(rust_decimal::Decimal, rust_decimal::Decimal)],
) -> (Vec<rust_decimal::Decimal>, Vec<rust_decimal::Decimal>) {
    (
        values.iter().map(|(m, _)| r(*m, 2)).collect(),
        values.iter().map(|(_, i)| r(*i, 2)).collect(),
    )
}

#[test]
fn equal_instalments_as_the_conventions_give_them() {
    // £1,000,000 borrowed, 5 years, 5%: MRP 200,000 a year; interest on the balance at the
    // start of each year: 50,000, 40,000, 30,000, 20,000, 10,000.
    let (mrp, interest) = pennies(&repayments(d("1000000"), 5, Mrp::Equal, d("0.05")));
    assert_eq!(mrp, ds(&["200000.00"; 5]));
    assert_eq!(
        interest,
        ds(&["50000.00", "40000.00", "30000.00", "20000.00", "10000.00"])
    );
}

#[test]
fn an_annuity_as_the_conventions_give_it() {
    let schedule = repayments(d("1000000"), 5, Mrp::Annuity, d("0.05"));
    let (mrp, interest) = pennies(&schedule);
    assert_eq!(
        interest,
        ds(&["50000.00", "40951.26", "31450.08", "21473.85", "10998.80"])
    );
    assert_eq!(
        mrp,
        ds(&[
            "180974.80",
            "190023.54",
            "199524.71",
            "209500.95",
            "219976.00"
        ])
    );
    // The payment, MRP and interest together, is the same every year: 230,974.80.
    for (m, i) in &schedule {
        assert_eq!(r(*m + *i, 2), d("230974.80"));
    }
    // At a rate of 0, the annuity is its limit: S / L a year.
    let (mrp, interest) = pennies(&repayments(d("1000"), 4, Mrp::Annuity, d("0")));
    assert_eq!(mrp, ds(&["250.00"; 4]));
    assert_eq!(interest, ds(&["0.00"; 4]));
}

#[test]
fn borrowing_in_a_case_becomes_mrp_and_interest_from_the_next_year() {
    // The conventions' example inside a 10-year case in cash prices: £1,000,000 capital in
    // year 0, borrowed over 5 years in equal instalments at 5%.
    let mut case = bare_case(10);
    case.prices = PriceBasis::Cash;
    case.borrowing_rate = d("0.05");
    let mut capital = line(
        "System",
        LineKind::CapitalInvestment,
        Amounts::OneOff {
            amount: d("1000000"),
            year: 0,
            phasing: Vec::new(),
        },
    );
    capital.funding = Some(Funding::Borrowing);
    case.options[0].lines = vec![capital];
    let results = compute_under(&case, None).expect("valid");
    let budget = option_budget(&case, &results.options[0], 0);
    let years = &budget.all.years;
    assert_eq!(r(years[0].borrowed, 2), d("1000000.00"));
    assert_eq!(
        r(years[0].mrp, 2),
        d("0.00"),
        "MRP starts the year after the spend"
    );
    let mrp: Vec<_> = years[1..6].iter().map(|y| r(y.mrp, 2)).collect();
    assert_eq!(mrp, ds(&["200000.00"; 5]));
    // The budget impact of year 1 is MRP plus interest: 250,000; capital itself is not.
    assert_eq!(r(years[1].revenue_budget_impact, 2), d("250000.00"));
    assert_eq!(r(years[0].revenue_budget_impact, 2), d("0.00"));
    assert_eq!(budget.all.mrp_after, d("0"));
    assert_eq!(
        budget.all.reserves_repaid, None,
        "nothing drawn from reserves"
    );
}

/// Three partners (C joins in year 2), cash prices, no inflation, borrowing at 10%.
fn three_partners() -> Case {
    let mut case = bare_case(4);
    case.prices = PriceBasis::Cash;
    case.inflation = d("0");
    case.borrowing_rate = d("0.1");
    case.partners = ["A", "B", "C"]
        .iter()
        .map(|n| Partner {
            name: (*n).into(),
            budget_gap: Vec::new(),
        })
        .collect();
    case.partners[0].budget_gap = ds(&["0", "500", "500", "500"]);
    case.bases[0].name = "W".into();
    case.bases[0].weights = [
        ("A".to_owned(), Weight::ByYear(ds(&["1", "1", "1", "1"]))),
        ("B".to_owned(), Weight::ByYear(ds(&["1", "1", "1", "1"]))),
        ("C".to_owned(), Weight::ByYear(ds(&["0", "0", "2", "2"]))),
    ]
    .into();
    let one_off = |name: &str, kind, amount: &str, year, funding| {
        let mut l = line(
            name,
            kind,
            Amounts::OneOff {
                amount: d(amount),
                year,
                phasing: Vec::new(),
            },
        );
        l.funding = Some(funding);
        l.sharing = Sharing::Basis("W".into());
        l
    };
    let mut capital = one_off(
        "System",
        LineKind::CapitalInvestment,
        "1200",
        0,
        Funding::Borrowing,
    );
    capital.asset_life_years = Some(2);
    let mut running = line(
        "Running",
        LineKind::RecurringCost,
        Amounts::Recurring {
            annual: d("300"),
            from_year: 0,
            to_year: None,
            ramp_up: Vec::new(),
        },
    );
    running.sharing = Sharing::Basis("W".into());
    let mut saving = line(
        "Saving",
        LineKind::Saving,
        by_year(&["0", "1200", "1200", "1200"]),
    );
    saving.sharing = Sharing::Basis("W".into());
    case.options[0].lines = vec![
        capital,
        one_off(
            "Severance",
            LineKind::RevenueInvestment,
            "400",
            2,
            Funding::Reserves,
        ),
        one_off(
            "Training",
            LineKind::RevenueInvestment,
            "200",
            0,
            Funding::CapitalReceipts,
        ),
        one_off(
            "Building",
            LineKind::CapitalInvestment,
            "800",
            3,
            Funding::Grant,
        ),
        one_off(
            "Backfill",
            LineKind::RevenueInvestment,
            "100",
            1,
            Funding::RevenueBudget,
        ),
        running,
        saving,
    ];
    case.options[0].adjustments.benefit_delay_months = 6;
    case.scenarios = vec![Scenario {
        name: "Half the savings".into(),
        benefit_shortfall: d("0.5"),
        ..Scenario::default()
    }];
    case
}

#[test]
fn a_three_partner_case_with_every_funding_source() {
    // Shares: years 0-1 A and B half each; years 2-3 A and B a quarter, C half.
    // Borrowing 1,200 in year 0 over 2 years at 10%: MRP 600 in years 1 and 2, interest 120
    // then 60; A and B each bear half (their shares of year 0), C none.
    // Savings 1,200 a year from year 1, 6 months late (600, 1,200, 1,200), half lost in the
    // scenario: 300, 600, 600.
    // Impact = running - savings + from revenue + MRP + interest:
    //   all: 300; 300 - 300 + 100 + 600 + 120 = 820; 300 - 600 + 600 + 60 = 360; 300 - 600 = -300
    //   A (and B): 150; 150 - 150 + 50 + 300 + 60 = 410; 75 - 150 + 300 + 30 = 255; 75 - 150 = -75
    //   C: 0; 0; 150 - 300 = -150; -150
    let case = three_partners();
    let results = compute_under(&case, Some(0)).expect("valid");
    let budget = option_budget(&case, &results.options[0], 0);
    let impact = |b: &sharecase::engine::budget::Budget| -> Vec<_> {
        b.years
            .iter()
            .map(|y| r(y.revenue_budget_impact, 2))
            .collect()
    };
    assert_eq!(
        impact(&budget.all),
        ds(&["300.00", "820.00", "360.00", "-300.00"])
    );
    assert_eq!(
        impact(&budget.partners[0]),
        ds(&["150.00", "410.00", "255.00", "-75.00"])
    );
    assert_eq!(impact(&budget.partners[1]), impact(&budget.partners[0]));
    assert_eq!(
        impact(&budget.partners[2]),
        ds(&["0.00", "0.00", "-150.00", "-150.00"])
    );
    let c = &budget.partners[2];
    assert_eq!(r(c.years[2].reserves_used, 2), d("200.00"));
    assert_eq!(r(c.years[3].grant_used, 2), d("400.00"));
    assert_eq!(r(c.years[0].borrowed, 2), d("0.00"));
    let a = &budget.partners[0];
    assert_eq!(r(a.years[0].capital_receipts_used, 2), d("100.00"));
    assert_eq!(r(a.years[0].borrowed, 2), d("600.00"));
    assert_eq!(r(a.years[2].interest, 2), d("30.00"));
    // C's reserves: net saving less calls on reserves 0, 0, 150 - 200, 150: repaid at
    // 3 + 50/150 years.
    let Some(Payback::After { years, year, .. }) = &c.reserves_repaid else {
        panic!("C repays its reserves: {:?}", c.reserves_repaid);
    };
    assert_eq!((r(*years, 4), *year), (d("3.3333"), 3));
    // All partners: -300, -820, -760, 300: not repaid, 1,580 short.
    assert_eq!(
        budget.all.reserves_repaid,
        Some(Payback::NotWithinHorizon {
            shortfall: d("1580")
        })
    );
    // A's gap of 500 in year 3 is closed by its net saving of 75: 15%; none in year 0.
    assert_eq!(a.gap_closed(3), Some(d("0.15")));
    assert_eq!(a.gap_closed(0), None);
    // Not every partner states a gap, so all partners have none.
    assert_eq!(budget.all.budget_gap, None);
    assert!(budget.warnings.is_empty(), "{:?}", budget.warnings);
}

#[test]
fn capital_receipts_for_revenue_spend_after_2029_30_are_warned_of() {
    let mut case = three_partners();
    case.first_year = 2028; // year 2 is 2030/31
    case.options[0].lines[1].funding = Some(Funding::CapitalReceipts);
    let results = compute_under(&case, None).expect("valid");
    let budget = option_budget(&case, &results.options[0], 0);
    assert_eq!(
        budget.warnings,
        [
            sharecase::engine::budget::BudgetWarning::CapitalReceiptsAfterDirection {
                line: "Severance".into(),
                year: 2
            }
        ]
    );
    // Borrowing for revenue spend is refused, naming the line.
    case.options[0].lines[1].funding = Some(Funding::Borrowing);
    let problems = sharecase::case::validate(&case);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "funding");
    assert_eq!(problems[0].line, Some(1));
}

proptest! {
    /// MRP adds up to what was borrowed over the asset's life, whatever the method and rate.
    #[test]
    fn mrp_adds_up_to_the_amount_borrowed(
        pence in 1_i64..100_000_000_000,
        life in 1_u32..=50,
        rate in 0_i64..200,
        annuity in any::<bool>(),
    ) {
        let spend = rust_decimal::Decimal::new(pence, 2);
        let method = if annuity { Mrp::Annuity } else { Mrp::Equal };
        let schedule = repayments(spend, life, method, rust_decimal::Decimal::new(rate, 3));
        prop_assert_eq!(schedule.len(), life as usize);
        let total: rust_decimal::Decimal = schedule.iter().map(|(m, _)| *m).sum();
        prop_assert_eq!(total, spend);
        prop_assert!(schedule.iter().all(|(m, i)| *m >= rust_decimal::Decimal::ZERO && *i >= rust_decimal::Decimal::ZERO));
    }

    /// Within and after the horizon, a case's MRP adds up to its borrowing; partners add up to
    /// all partners; with no one-off lines the impact is running costs less savings and income.
    #[test]
    fn budgets_add_up(life in 1_u32..=12, year in 0_u32..4, annuity in any::<bool>(), one_off in any::<bool>()) {
        let mut case = three_partners();
        case.options[0].lines[0].asset_life_years = Some(life);
        case.options[0].lines[0].mrp = Some(if annuity { Mrp::Annuity } else { Mrp::Equal });
        if let Amounts::OneOff { year: y, .. } = &mut case.options[0].lines[0].amounts {
            *y = year;
        }
        if !one_off {
            case.options[0].lines.retain(|l| !l.kind.is_investment());
        }
        let results = compute_under(&case, None).expect("valid");
        let budget = option_budget(&case, &results.options[0], 0);
        let borrowed: rust_decimal::Decimal = budget.all.years.iter().map(|y| y.borrowed).sum();
        let mrp: rust_decimal::Decimal = budget.all.years.iter().map(|y| y.mrp).sum::<rust_decimal::Decimal>() + budget.all.mrp_after;
        prop_assert_eq!(r(mrp, 8), r(borrowed, 8));
        for (t, y) in budget.all.years.iter().enumerate() {
            let sum: rust_decimal::Decimal = budget.partners.iter().map(|p| p.years[t].revenue_budget_impact).sum();
            prop_assert_eq!(sum, y.revenue_budget_impact);
            if !one_off {
                prop_assert_eq!(y.revenue_budget_impact, y.running_costs - y.savings - y.income);
            }
        }
    }
}
