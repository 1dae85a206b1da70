#![allow(missing_docs)]
//! Engine speed: a whole case must recompute well inside a keystroke (under 5 ms for
//! 10 options x 200 lines x 10 years x 5 partners), and IRR per call.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use std::hint::black_box;

fn whole_case(c: &mut Criterion) {
    let case = sharecase::case::example::sized(10, 200);
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

/// The Scenarios tab's matrix: every option under the central scenario and four others.
fn scenario_matrix(c: &mut Criterion) {
    use sharecase::case::Scenario;
    let mut case = sharecase::case::example::sized(10, 200);
    case.scenarios = vec![
        Scenario::prudent(),
        Scenario {
            name: "High inflation".into(),
            inflation: Some(Decimal::new(4, 2)),
            ..Scenario::default()
        },
        Scenario {
            name: "Staff savings lower".into(),
            categories: [("Staff".to_owned(), Decimal::new(-2, 1))].into(),
            ..Scenario::default()
        },
        Scenario {
            name: "Late".into(),
            benefit_delay_months: 12,
            ..Scenario::default()
        },
    ];
    assert!(sharecase::case::validate(&case).is_empty());
    c.bench_function(
        "scenario matrix, 10 options x 200 lines x 5 partners x 5 scenarios",
        |b| {
            b.iter(|| sharecase::engine::scenario::every(black_box(&case), |_| false));
        },
    );
}

/// The Budget tab's figures: every option's budget, all partners and each partner.
fn budgets(c: &mut Criterion) {
    let case = sharecase::case::example::sized(10, 200);
    let results = sharecase::engine::compute(&case).expect("valid");
    c.bench_function("budgets, 10 options x 200 lines x 5 partners", |b| {
        b.iter(|| {
            for (i, option) in results.options.iter().enumerate() {
                black_box(sharecase::engine::budget::option_budget(
                    black_box(&case),
                    option,
                    i,
                ));
            }
        });
    });
}

fn growth_with_lines(c: &mut Criterion) {
    let mut group = c.benchmark_group("compute one option by lines");
    for lines in [10, 100, 1_000] {
        let case = sharecase::case::example::sized(1, lines);
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

fn risk(c: &mut Criterion) {
    use std::sync::atomic::{AtomicBool, AtomicU64};
    let example = sharecase::case::example::case();
    let mut group = c.benchmark_group("monte carlo, example case (2 options, 3 partners)");
    group.sample_size(10);
    for trials in [10_000_u64, 100_000] {
        group.bench_function(format!("{trials} trials"), |b| {
            b.iter(|| {
                sharecase::engine::risk::run(
                    black_box(&example),
                    trials,
                    1,
                    &AtomicU64::new(0),
                    &AtomicBool::new(false),
                )
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group("monte carlo, 10,000 trials, one option by lines");
    group.sample_size(10);
    for lines in [10, 100, 200] {
        let case = sharecase::case::example::sized(1, lines);
        group.bench_function(format!("{lines} lines"), |b| {
            b.iter(|| {
                sharecase::engine::risk::run(
                    black_box(&case),
                    10_000,
                    1,
                    &AtomicU64::new(0),
                    &AtomicBool::new(false),
                )
            });
        });
    }
    group.finish();
    let results = sharecase::engine::compute(&example).expect("valid");
    c.bench_function("tornado and switching values, example full option", |b| {
        b.iter(|| {
            let t =
                sharecase::engine::sensitivity::tornado(&example, &results.options[1], 1, false);
            let s =
                sharecase::engine::sensitivity::switching_values(&example, &results.options[1], 1);
            (t, s)
        });
    });
}

criterion_group!(
    benches,
    whole_case,
    scenario_matrix,
    budgets,
    growth_with_lines,
    irr,
    risk
);
criterion_main!(benches);
