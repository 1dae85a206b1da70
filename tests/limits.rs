//! Properties at the limits: generators that reach phasing, ramp-up, weights, ranges and
//! rates at and beyond the bounds validation sets, not only by-year amounts. Whatever they
//! make, validation answers without panicking, and a case it accepts computes, words and
//! risks without panicking. The loader property writes generated cases as JSON, so it gets
//! past the JSON parser to the fields.

use proptest::prelude::*;
use rust_decimal::Decimal;
use sharecase::case::{
    Adjustments, Amounts, Case, CaseOption, DelayRange, Distribution, Line, LineKind, Partner,
    Range, RangeUnit, Sharing, SharingBasis, to_json, validate,
};

/// Decimals from the ordinary to the extreme: zero, a speck, halves, the bounds validation
/// sets and the largest decimals there are, with either sign, and any mantissa and scale.
fn edge() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
        Just(Decimal::new(5, 1)),
        Just(Decimal::new(1, 8)),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(999_999_999_999_999_999, 18)),
        Just(Decimal::from(1_000_000_000_000_i64)),
        Just(Decimal::new(100_000_000_000_001, 2)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::new(-5, 1)),
        Just(Decimal::TEN),
        (any::<i64>(), 0_u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (0_i64..=100).prop_map(|p| Decimal::new(p, 2)),
    ]
}

fn fractions() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec(edge(), 0..12)
}

fn amounts() -> impl Strategy<Value = Amounts> {
    prop_oneof![
        (edge(), 0_u32..12, fractions()).prop_map(|(amount, year, phasing)| Amounts::OneOff {
            amount,
            year,
            phasing
        }),
        (edge(), 0_u32..12, prop::option::of(0_u32..12), fractions()).prop_map(
            |(annual, from_year, to_year, ramp_up)| Amounts::Recurring {
                annual,
                from_year,
                to_year,
                ramp_up,
            }
        ),
        prop::collection::vec(edge(), 0..12).prop_map(Amounts::ByYear),
    ]
}

fn range() -> impl Strategy<Value = Option<Range>> {
    prop::option::of(
        (edge(), edge(), edge(), any::<bool>(), any::<bool>()).prop_map(
            |(a, b, c, pounds, pert)| {
                let mut v = [a, b, c];
                v.sort();
                Range {
                    low: v[0],
                    most_likely: v[1],
                    high: v[2],
                    unit: if pounds {
                        RangeUnit::Pounds
                    } else {
                        RangeUnit::Percent
                    },
                    distribution: if pert {
                        Distribution::Pert
                    } else {
                        Distribution::Triangular
                    },
                }
            },
        ),
    )
}

fn line() -> impl Strategy<Value = Line> {
    (
        prop::sample::select(LineKind::ALL.to_vec()),
        amounts(),
        prop::option::of(edge()),
        0_usize..4,
        range(),
    )
        .prop_map(|(kind, amounts, indexation, share, range)| Line {
            name: format!("Line {share}"),
            kind,
            category: "Staff".into(),
            amounts,
            prices: None,
            indexation,
            funding: None,
            asset_life_years: None,
            mrp: None,
            sharing: match share {
                0 => Sharing::Equal,
                1 => Sharing::Partner("A".into()),
                _ => Sharing::Basis("W".into()),
            },
            source: String::new(),
            range,
        })
}

fn case() -> impl Strategy<Value = Case> {
    (
        3_u8..=10,
        edge(),
        edge(),
        (edge(), edge()),
        prop::collection::vec(line(), 0..5),
        (edge(), edge(), 0_u32..40),
        prop::option::of((0_u32..40, 0_u32..40, 0_u32..40)),
    )
        .prop_map(
            |(horizon, discount_rate, inflation, (wa, wb), lines, adj, delay)| {
                let mut lines = lines;
                for (i, l) in lines.iter_mut().enumerate() {
                    l.name = format!("Line {i}");
                }
                Case {
                    schema_version: 2,
                    title: "Limits".into(),
                    description: String::new(),
                    first_year: 2026,
                    horizon,
                    discount_rate,
                    inflation,
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
                        name: "W".into(),
                        weights: [("A".to_owned(), wa.into()), ("B".to_owned(), wb.into())].into(),
                        source: String::new(),
                    }],
                    options: vec![CaseOption {
                        name: "O".into(),
                        description: String::new(),
                        adjustments: Adjustments {
                            cost_uplift: adj.0,
                            benefit_shortfall: adj.1,
                            benefit_delay_months: adj.2,
                            ..Adjustments::default()
                        },
                        lines,
                        optimism_bias: None,
                        delay_range: delay.map(|(a, b, c)| {
                            let mut v = [a, b, c];
                            v.sort_unstable();
                            DelayRange {
                                low: v[0],
                                most_likely: v[1],
                                high: v[2],
                                distribution: Distribution::Triangular,
                            }
                        }),
                    }],
                    risk: sharecase::case::RiskSettings::default(),
                    preferred_option: None,
                    recommendation: String::new(),
                    author: String::new(),
                    status: sharecase::case::DocumentStatus::Draft,
                    reference: None,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Validation answers every case, and an accepted one computes, is worded and risked.
    #[test]
    fn any_case_at_the_limits_is_answered_without_a_panic(case in case()) {
        let valid = validate(&case).is_empty();
        let text = to_json(&case).expect("serialises");
        prop_assert_eq!(sharecase::robustness::case_file(text.as_bytes()), valid);
    }

    /// The loader, past the JSON parser: a generated case's decimals swapped for extreme or
    /// malformed text, which the loader refuses or reads, and the rest follows.
    #[test]
    fn the_loader_answers_any_decimal_text(case in case(), at in 0_usize..64, text in prop_oneof![
        Just("\"79228162514264337593543950336\"".to_owned()),
        Just("\"1e3\"".to_owned()),
        Just("\"1_000\"".to_owned()),
        Just("1000".to_owned()),
        Just("-0.0".to_owned()),
        Just("\"-\"".to_owned()),
        Just("\".\"".to_owned()),
        "\"-?[0-9]{0,30}(\\.[0-9]{0,30})?\"",
    ]) {
        let json = to_json(&case).expect("serialises");
        // Replace the at-th quoted decimal in the file.
        let mut spots = Vec::new();
        let bytes = json.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'"' {
                let end = json[i + 1..].find('"').map_or(json.len(), |e| i + 1 + e);
                let inner = &json[i + 1..end.min(json.len())];
                if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') {
                    spots.push((i, end + 1));
                }
                i = end + 1;
            } else {
                i += 1;
            }
        }
        if !spots.is_empty() {
            let (start, end) = spots[at % spots.len()];
            let edited = format!("{}{}{}", &json[..start], text, &json[end.min(json.len())..]);
            let _ = sharecase::robustness::case_file(edited.as_bytes());
        }
    }
}
