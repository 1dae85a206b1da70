//! Sensitivity and risk: the tornado and switching values by hand, switching values applied
//! to the penny, and Monte Carlo's reproducibility, its agreement with the exact engine when
//! nothing varies, and the means of its draws.

use crate::common;

use common::{bare_case, by_year, d, line, r};
use rand::SeedableRng;
use rust_decimal::Decimal;
use sharecase::case::{
    Case, DelayRange, Distribution, LineKind, Range, RangeUnit, example, from_json,
};
use sharecase::engine::risk::{Draw, payback_years, run};
use sharecase::engine::sensitivity::{Switch, Threshold, switching_values, tornado};
use sharecase::engine::{Payback, compute};
use std::sync::atomic::{AtomicBool, AtomicU64};

/// £1,000 invested in year 0, £600 saved in years 1 and 2, no inflation, 3.5%: NPV £139.82.
fn small() -> Case {
    let mut case = bare_case(3);
    case.inflation = d("0");
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
    case
}

#[test]
fn tornado_by_hand() {
    let case = small();
    let results = compute(&case).expect("valid");
    let t = tornado(&case, &results.options[0], 0, false);
    assert_eq!(r(t.base_npv, 2), d("139.82"));
    // Saving +/-20%: its PV is 1139.8166, so NPV moves by 227.9633 either way.
    let saving = &t.bars[0];
    assert_eq!(saving.name, "Saving", "the widest bar comes first");
    assert_eq!(r(saving.npv_low, 2), d("-88.15"));
    assert_eq!(r(saving.npv_high, 2), d("367.78"));
    assert_eq!(r(saving.swing, 2), d("455.93"));
    assert_eq!(
        saving.payback_low,
        Payback::NotWithinHorizon {
            shortfall: d("40.0")
        }
    );
    // Build +/-20%: less cost is the low end, so NPV is higher there.
    let build = &t.bars[1];
    assert_eq!(r(build.npv_low, 2), d("339.82"));
    assert_eq!(r(build.npv_high, 2), d("-60.18"));
}

#[test]
fn a_line_range_sets_its_tornado_ends() {
    let mut case = small();
    case.options[0].lines[1].range = Some(Range {
        low: d("-0.5"),
        most_likely: d("0"),
        high: d("0.1"),
        unit: RangeUnit::Percent,
        distribution: Distribution::Triangular,
    });
    let results = compute(&case).expect("valid");
    let t = tornado(&case, &results.options[0], 0, false);
    let saving = t.bars.iter().find(|b| b.name == "Saving").expect("bar");
    assert_eq!(
        (saving.low_factor, saving.high_factor),
        (d("0.5"), d("1.1"))
    );
    assert_eq!(r(saving.npv_low, 2), d("-430.09"));
}

fn apply_and_npv(case: &Case, lines: &[usize], fraction: Decimal) -> Decimal {
    let mut changed = case.clone();
    for l in lines {
        let line = &mut changed.options[0].lines[*l];
        line.amounts = line.amounts.scaled(Decimal::ONE + fraction);
    }
    compute(&changed).expect("still valid").options[0]
        .figures
        .measures
        .npv
}

#[test]
fn switching_values_by_hand_and_applied_to_the_penny() {
    let case = small();
    let results = compute(&case).expect("valid");
    let values = switching_values(&case, &results.options[0], 0);
    let Switch::Change {
        fraction,
        pounds,
        possible,
    } = values.lines[1].switch.clone()
    else {
        panic!("the saving moves NPV");
    };
    assert!(possible);
    assert_eq!(r(fraction, 5), d("-0.12267"), "savings 12.27% short");
    assert_eq!(r(pounds, 2), d("-147.20"), "of £1,200 entered");
    assert_eq!(r(apply_and_npv(&case, &[1], fraction), 2), d("0.00"));
    let Switch::Change { fraction, .. } = values.lines[0].switch.clone() else {
        panic!("the build moves NPV");
    };
    assert_eq!(r(fraction, 5), d("0.13982"), "costs 13.98% higher");
    assert_eq!(r(apply_and_npv(&case, &[0], fraction), 2), d("0.00"));
}

#[test]
fn every_switching_value_of_the_example_gives_npv_zero_to_the_penny() {
    let case = example::case();
    let results = compute(&case).expect("valid");
    let values = switching_values(&case, &results.options[1], 1);
    let mut single = case.clone();
    single.options = vec![case.options[1].clone()];
    single.baseline = None;
    let mut applied = 0;
    for (l, value) in values.lines.iter().enumerate() {
        if let Switch::Change {
            fraction,
            possible: true,
            ..
        } = value.switch
        {
            assert_eq!(
                r(apply_and_npv(&single, &[l], fraction), 2),
                d("0.00"),
                "{}",
                value.name
            );
            applied += 1;
        }
    }
    assert!(applied >= 5, "most lines have a switching value");
    // By category too: every line of the category moves together.
    for (c, value) in values.categories.iter().enumerate() {
        if let Switch::Change {
            fraction,
            possible: true,
            ..
        } = value.switch
        {
            let members: Vec<usize> = single.options[0]
                .lines
                .iter()
                .enumerate()
                .filter(|(_, line)| line.category == value.name)
                .map(|(l, _)| l)
                .collect();
            assert_eq!(
                r(apply_and_npv(&single, &members, fraction), 2),
                d("0.00"),
                "category {c}"
            );
        }
    }
}

#[test]
fn delay_and_shortfall_thresholds_by_hand() {
    let case = small();
    let results = compute(&case).expect("valid");
    let values = switching_values(&case, &results.options[0], 0);
    // A delay of m months (m <= 12) loses 50m of the £1,200 past the horizon: it pays back
    // while 1200 - 50m >= 1000, so up to 4 months.
    assert_eq!(values.delay_months, Threshold::At(d("4")));
    // Costs 1000, benefits 1200 by the end: up to a shortfall of 1/6.
    let Threshold::At(s) = values.shortfall else {
        panic!("has a threshold");
    };
    assert_eq!(r(s, 5), d("0.16667"));
    let pays_back = |shortfall: Decimal| {
        let mut c = case.clone();
        c.options[0].adjustments.benefit_shortfall = shortfall;
        compute(&c).expect("valid").options[0]
            .figures
            .measures
            .payback
            .years()
            .is_some()
    };
    assert!(pays_back(s - d("0.00001")));
    assert!(!pays_back(s + d("0.00001")));
}

fn risk(case: &Case, trials: u64, seed: u64) -> sharecase::engine::risk::RiskResults {
    run(
        case,
        trials,
        seed,
        &AtomicU64::new(0),
        &AtomicBool::new(false),
    )
    .expect("runs")
}

#[test]
fn with_no_ranges_every_trial_is_the_exact_result() {
    let case = from_json(include_str!("fixtures/example-v1.sharecase.json")).expect("v1 loads");
    let exact = compute(&case).expect("valid");
    let results = risk(&case, 2_000, 7);
    for (option, outcomes) in exact.options.iter().zip(&results.options) {
        let npv: f64 = option
            .figures
            .measures
            .npv
            .to_string()
            .parse()
            .expect("number");
        let o = &outcomes[0];
        for value in [o.npv.mean, o.npv.p10, o.npv.p50, o.npv.p90] {
            assert!((value - npv).abs() < 0.01, "{value} against {npv}");
        }
        match option.figures.measures.payback.years() {
            Some(years) => {
                let years: f64 = years.to_string().parse().expect("number");
                assert!((o.payback.p50 - years).abs() < 1e-9);
                assert!((o.within_horizon - 1.0).abs() < f64::EPSILON);
            }
            None => assert!(o.within_horizon.abs() < f64::EPSILON),
        }
        for (p, partner) in option.partners.iter().enumerate() {
            let npv: f64 = partner
                .figures
                .measures
                .npv
                .to_string()
                .parse()
                .expect("number");
            assert!((outcomes[p + 1].npv.p50 - npv).abs() < 0.01, "partner {p}");
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_results_and_another_seed_does_not() {
    let case = example::case();
    assert!(
        case.options[1].lines.iter().any(|l| l.range.is_some()),
        "the example has ranges"
    );
    let a = risk(&case, 3_000, 42);
    let b = risk(&case, 3_000, 42);
    let c = risk(&case, 3_000, 43);
    assert_eq!(a, b);
    assert_ne!(a, c);
    let full = &a.options[1][0];
    assert!(full.npv.p10 < full.npv.p50 && full.npv.p50 < full.npv.p90);
    assert!(full.within_horizon > 0.0 && full.within_horizon <= 1.0);
    assert_eq!(full.histogram.iter().sum::<u64>(), 3_000);
    for year in &full.band {
        assert!(year[0] <= year[1] && year[1] <= year[2]);
    }
    assert!(full.by_target.is_some(), "the example sets a target year");
}

#[test]
fn an_option_keeps_its_trials_when_it_moves_up_or_down() {
    let case = example::case();
    let mut moved = case.clone();
    moved.options.swap(0, 1);
    let mut added = case.clone();
    let mut other = case.options[1].clone();
    other.name = "Another option".into();
    added.options.insert(0, other);
    let a = risk(&case, 2_000, 42);
    let b = risk(&moved, 2_000, 42);
    let c = risk(&added, 2_000, 42);
    // The full option (ranged) draws the same trials wherever it sits in the list.
    assert_eq!(a.options[1], b.options[0]);
    assert_eq!(a.options[1], c.options[2]);
    // Another name is another stream, even with the same lines.
    assert_ne!(c.options[0][0].npv, c.options[2][0].npv);
}

#[test]
fn sample_means_match_the_formulas() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let n = 200_000;
    let mean = |draw: Draw, rng: &mut rand_chacha::ChaCha8Rng| {
        (0..n).map(|_| draw.sample(rng)).sum::<f64>() / f64::from(n)
    };
    let triangular = mean(Draw::new(0.8, 1.0, 1.3, Distribution::Triangular), &mut rng);
    assert!(
        (triangular - (0.8 + 1.0 + 1.3) / 3.0).abs() < 0.002,
        "{triangular}"
    );
    let pert = mean(Draw::new(0.8, 1.0, 1.3, Distribution::Pert), &mut rng);
    assert!(
        (pert - (0.8 + 4.0 * 1.0 + 1.3) / 6.0).abs() < 0.002,
        "{pert}"
    );
    let fixed = mean(Draw::new(1.1, 1.1, 1.1, Distribution::Pert), &mut rng);
    assert!((fixed - 1.1).abs() < 1e-9);
}

#[test]
fn a_delay_range_spreads_payback() {
    let mut case = small();
    case.options[0].delay_range = Some(DelayRange {
        low: 0,
        most_likely: 2,
        high: 8,
        distribution: Distribution::Triangular,
    });
    let o = &risk(&case, 5_000, 3).options[0][0];
    // Up to 4 months it pays back; beyond, not: some trials each way.
    assert!(
        o.within_horizon > 0.3 && o.within_horizon < 1.0,
        "{}",
        o.within_horizon
    );
    assert!(o.histogram[3] > 0, "some trials do not pay back");
}

#[test]
fn cancelling_stops_the_run() {
    let stop = AtomicBool::new(true);
    assert!(run(&example::case(), 10_000, 1, &AtomicU64::new(0), &stop).is_none());
}

#[test]
fn payback_in_floats_follows_the_same_rule() {
    assert!((payback_years(&[-1000.0, 300.0, 400.0, 500.0, 200.0]) - 3.6).abs() < 1e-12);
    assert!(payback_years(&[-100.0, -200.0]).is_infinite());
    assert!(payback_years(&[100.0, 200.0]).abs() < f64::EPSILON);
}

#[test]
fn ranges_are_validated_and_old_files_still_load() {
    let old = from_json(include_str!("fixtures/example-v1.sharecase.json")).expect("v1 loads");
    assert_eq!(old.schema_version, 1);
    assert!(old.options.iter().all(|o| o.delay_range.is_none()));
    let mut case = small();
    case.options[0].lines[1].range = Some(Range {
        low: d("0.2"),
        most_likely: d("0"),
        high: d("0.1"),
        unit: RangeUnit::Percent,
        distribution: Distribution::Pert,
    });
    case.options[0].delay_range = Some(DelayRange {
        low: 0,
        most_likely: 3,
        high: 48,
        distribution: Distribution::Triangular,
    });
    case.risk.target_year = Some(9);
    let fields: Vec<String> = sharecase::case::validate(&case)
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(fields, vec!["risk.target_year", "delay_range", "range"]);
}

#[test]
fn a_run_too_large_to_keep_finds_the_same_percentiles_in_passes() {
    // The example with its ranges and a delay range, run once keeping every trial and once
    // keeping none (every percentile found in passes): the nearest-rank percentiles, the
    // histograms and the shares are identical; the means agree to rounding.
    use std::sync::atomic::{AtomicBool, AtomicU64};
    let case = sharecase::case::example::case();
    let (done, cancel) = (AtomicU64::new(0), AtomicBool::new(false));
    let kept = sharecase::engine::risk::run(&case, 5_000, 7, &done, &cancel).expect("runs");
    let passes =
        sharecase::engine::risk::run_within(&case, 5_000, 7, &done, &cancel, 0).expect("runs");
    for (a, b) in kept
        .options
        .iter()
        .flatten()
        .zip(passes.options.iter().flatten())
    {
        assert_eq!(a.name, b.name);
        for (x, y) in [(a.npv, b.npv), (a.payback, b.payback)] {
            assert_eq!((x.p10, x.p50, x.p90), (y.p10, y.p50, y.p90), "{}", a.name);
            assert!(
                (x.mean - y.mean).abs() <= 1e-9 * x.mean.abs().max(1.0)
                    || x.mean.to_bits() == y.mean.to_bits(),
                "{}",
                a.name
            );
        }
        assert_eq!(a.band, b.band, "{}", a.name);
        assert_eq!(a.histogram, b.histogram, "{}", a.name);
        assert_eq!(a.within_horizon.to_bits(), b.within_horizon.to_bits());
        assert_eq!(a.by_target.map(f64::to_bits), b.by_target.map(f64::to_bits));
    }
}
