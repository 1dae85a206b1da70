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

criterion_group!(benches, whole_case, growth_with_lines, irr);
criterion_main!(benches);
