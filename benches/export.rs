#![allow(missing_docs)]
//! Export speed: every format for the example case must be written in under a second in
//! all; each format is measured on its own, built in memory, and then all of them written
//! to a folder as `sharecase export` does.

use criterion::{Criterion, criterion_group, criterion_main};
use sharecase::export::{self, Format, Provenance};
use std::hint::black_box;

fn formats(c: &mut Criterion) {
    let case = sharecase::case::example::case();
    let results = sharecase::engine::compute_valid(&case);
    let provenance = Provenance {
        file: Some("example.sharecase.json".into()),
        date: "23 November 2026".into(),
        left_out: Vec::new(),
        sha256: None,
    };
    let mut group = c.benchmark_group("export the example case");
    group.sample_size(10);
    for format in Format::ALL {
        assert!(
            export::build(format, &case, &results, &provenance).is_ok(),
            "{} must build",
            format.extension()
        );
        group.bench_function(format.extension(), |b| {
            b.iter(|| export::build(black_box(format), &case, &results, &provenance));
        });
    }
    let dir = tempfile::tempdir().expect("temp dir");
    group.bench_function("all formats, written to a folder", |b| {
        b.iter(|| {
            export::write(
                &case,
                &results,
                dir.path(),
                &Format::ALL,
                &provenance,
                &mut |_| {},
            )
        });
    });
    group.finish();
}

/// The workbook of the largest case the app is sized for: every line, partner and scenario
/// in formulas, in under a second.
fn big_workbook(c: &mut Criterion) {
    let mut case = sharecase::case::example::sized(10, 200);
    case.scenarios = vec![sharecase::case::Scenario::prudent()];
    let results = sharecase::engine::compute_valid(&case);
    let provenance = Provenance {
        file: None,
        date: "23 November 2026".into(),
        left_out: Vec::new(),
        sha256: None,
    };
    let mut group = c.benchmark_group("export 10 options x 200 lines x 10 years x 5 partners");
    group.sample_size(10);
    group.bench_function("workbook", |b| {
        b.iter(|| export::build(black_box(Format::Xlsx), &case, &results, &provenance));
    });
    group.finish();
}

criterion_group!(benches, formats, big_workbook);
criterion_main!(benches);
