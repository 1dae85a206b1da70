//! The built-in example case, embedded from `assets/`, so a new user sees a complete case.

use super::{
    Adjustments, Amounts, Case, CaseOption, Line, LineKind, Partner, Sharing, SharingBasis,
    from_json,
};
use rust_decimal::Decimal;

/// The example case file as shipped: three district councils sharing ICT and revenues and
/// benefits, with a do-minimum and a full shared service.
pub const EXAMPLE_JSON: &str = include_str!("../../assets/example.sharecase.json");

/// The example case.
///
/// # Panics
/// Never in a released build: a test checks that the embedded file loads and is valid.
#[must_use]
pub fn case() -> Case {
    from_json(EXAMPLE_JSON).expect("the embedded example case is a valid case file")
}

/// A made-up case of `options` options with `lines` lines each, over 10 years and 5
/// partners, with every amount pattern, several indexation rates and every kind of sharing:
/// for measuring speed at sizes real cases reach.
#[must_use]
pub fn sized(options: usize, lines: usize) -> Case {
    let partners: Vec<Partner> = (0..5)
        .map(|p| Partner {
            name: format!("Council {p}"),
            budget_gap: Vec::new(),
        })
        .collect();
    let basis = |name: &str, weights: [i64; 5]| SharingBasis {
        name: name.into(),
        weights: partners
            .iter()
            .zip(weights)
            .map(|(p, w)| (p.name.clone(), Decimal::from(w).into()))
            .collect(),
        source: String::new(),
    };
    let bases = vec![
        basis("Population", [96_400, 121_800, 72_300, 88_000, 105_500]),
        basis(
            "Budget",
            [1_840_000, 2_310_000, 1_350_000, 990_000, 1_500_000],
        ),
        basis("Transactions", [41, 67, 23, 30, 55]),
    ];
    let line = |i: usize| {
        let kind = LineKind::ALL[i % 5];
        let amount = Decimal::new(i64::try_from(10_000 + i * 1_237).unwrap_or(1), 0);
        let amounts = match i % 3 {
            0 => Amounts::OneOff {
                amount,
                year: u32::try_from(i % 3).unwrap_or(0),
                phasing: vec![Decimal::new(6, 1), Decimal::new(4, 1)],
            },
            1 => Amounts::Recurring {
                annual: amount,
                from_year: 1,
                to_year: None,
                ramp_up: vec![Decimal::new(25, 2), Decimal::new(75, 2)],
            },
            _ => Amounts::ByYear((0..10).map(|t| amount + Decimal::from(t)).collect()),
        };
        Line {
            name: format!("Line {i}"),
            kind,
            category: ["Staff", "ICT", "Accommodation", "Contracts"][i % 4].into(),
            amounts,
            prices: None,
            indexation: [None, Some(Decimal::new(3, 2)), Some(Decimal::new(5, 2))][i % 3],
            funding: None,
            asset_life_years: None,
            mrp: None,
            sharing: match i % 6 {
                0 => Sharing::Equal,
                1 => Sharing::Partner(format!("Council {}", i % 5)),
                2 => Sharing::Basis("Population".into()),
                3 => Sharing::Basis("Budget".into()),
                _ => Sharing::Basis("Transactions".into()),
            },
            source: "Benchmark".into(),
            range: Some(super::Range {
                low: Decimal::new(-1, 1),
                most_likely: Decimal::ZERO,
                high: Decimal::new(2, 1),
                unit: super::RangeUnit::Percent,
                distribution: if i.is_multiple_of(2) {
                    super::Distribution::Triangular
                } else {
                    super::Distribution::Pert
                },
            }),
        }
    };
    Case {
        schema_version: 1,
        title: "Benchmark case".into(),
        description: String::new(),
        first_year: 2026,
        horizon: 10,
        discount_rate: Decimal::new(35, 3),
        inflation: Decimal::new(2, 2),
        scenario_inflation: None,
        borrowing_rate: super::default_borrowing_rate(),
        prices: super::PriceBasis::Year0,
        baseline: None,
        partners,
        bases,
        options: (0..options)
            .map(|o| CaseOption {
                name: format!("Option {o}"),
                description: String::new(),
                adjustments: Adjustments {
                    cost_uplift: Decimal::new(1, 1),
                    benefit_shortfall: Decimal::new(5, 2),
                    benefit_delay_months: u32::try_from(o % 4 * 3).unwrap_or(0),
                    overlay: super::Overlay::default(),
                },
                lines: (0..lines).map(line).collect(),
                optimism_bias: None,
                delay_range: Some(super::DelayRange {
                    low: 0,
                    most_likely: 3,
                    high: 9,
                    distribution: super::Distribution::Triangular,
                }),
            })
            .collect(),
        central_scenario: super::DEFAULT_CENTRAL.to_owned(),
        scenarios: Vec::new(),
        risk: super::RiskSettings::default(),
        preferred_option: None,
        recommendation: String::new(),
        author: String::new(),
        status: super::DocumentStatus::Draft,
        reference: None,
    }
}
