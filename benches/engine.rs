#![allow(missing_docs)]
//! Engine speed: a whole case must recompute well inside a keystroke (under 5 ms for
//! 10 options x 200 lines x 10 years x 5 partners), and IRR per call.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use sharecase::case::{
    Adjustments, Amounts, Case, CaseOption, Line, LineKind, Partner, Sharing, SharingBasis,
};
use std::hint::black_box;

/// A case of `options` options with `lines` lines each, over 10 years and 5 partners, with
/// every amount pattern, several indexation rates and every kind of sharing.
fn big_case(options: usize, lines: usize) -> Case {
    let partners: Vec<Partner> = (0..5)
        .map(|p| Partner {
            name: format!("Council {p}"),
        })
        .collect();
    let basis = |name: &str, weights: [i64; 5]| SharingBasis {
        name: name.into(),
        weights: partners
            .iter()
            .zip(weights)
            .map(|(p, w)| (p.name.clone(), Decimal::from(w)))
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
            indexation: [None, Some(Decimal::new(3, 2)), Some(Decimal::new(5, 2))][i % 3],
            sharing: match i % 6 {
                0 => Sharing::Equal,
                1 => Sharing::Partner(format!("Council {}", i % 5)),
                2 => Sharing::Basis("Population".into()),
                3 => Sharing::Basis("Budget".into()),
                _ => Sharing::Basis("Transactions".into()),
            },
            source: "Benchmark".into(),
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
                },
                lines: (0..lines).map(line).collect(),
            })
            .collect(),
    }
}

fn whole_case(c: &mut Criterion) {
    let case = big_case(10, 200);
    assert!(
        sharecase::engine::compute(&case).is_ok(),
        "benchmark case must be valid"
    );
    c.bench_function(
        "compute 10 options x 200 lines x 10 years x 5 partners",
        |b| {
            b.iter(|| sharecase::engine::compute(black_box(&case)));
        },
    );
    c.bench_function("validate only, same case", |b| {
        b.iter(|| sharecase::case::validate(black_box(&case)));
    });
}

fn growth_with_lines(c: &mut Criterion) {
    let mut group = c.benchmark_group("compute one option by lines");
    for lines in [10, 100, 1_000] {
        let case = big_case(1, lines);
        group.bench_with_input(BenchmarkId::from_parameter(lines), &case, |b, case| {
            b.iter(|| sharecase::engine::compute(black_box(case)));
        });
    }
    group.finish();
}

fn irr(c: &mut Criterion) {
    let one_change: Vec<Decimal> = [-1000, 300, 400, 500, 200, 150, 120, 100, 90, 80]
        .into_iter()
        .map(Decimal::from)
        .collect();
    let several: Vec<Decimal> = [-100, 100, 0, -7].into_iter().map(Decimal::from).collect();
    c.bench_function("irr, one sign change (10 years)", |b| {
        b.iter(|| sharecase::engine::irr::irr(black_box(&one_change)));
    });
    c.bench_function("irr, several sign changes (scan)", |b| {
        b.iter(|| sharecase::engine::irr::irr(black_box(&several)));
    });
}

criterion_group!(benches, whole_case, growth_with_lines, irr);
criterion_main!(benches);
