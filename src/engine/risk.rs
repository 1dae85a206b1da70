//! Monte Carlo risk: draw every ranged line and the benefit delay many times, and see how
//! NPV, payback and the cumulative position spread, per option and per partner.
//!
//! The exact engine prepares each line's flows once (for every delay the range allows);
//! the trials then only multiply and add. They run in `f64`: a trial is a draw from a
//! distribution, not a figure anyone audits, so a relative error of 1e-15 is immaterial,
//! and float arithmetic keeps 100,000 trials well inside two seconds. Trials run in chunks
//! of 1,000, each with its own seed derived from the run's seed, so the same seed gives the
//! same results on any number of threads.
//!
//! And on any system: the draws come from [`super::sampling`] (IEEE arithmetic and the pure
//! Rust `libm`, never the system's maths library), decimals become floats by exact IEEE
//! steps, rounding is `libm`'s, and every sum is added in an order fixed by the trials, not
//! by the threads, so the same seed gives the same figures bit for bit on Linux and Windows.

use super::partner::Shares;
use super::sampling::{Pert, Triangular};
use super::{OptionResults, compute_as_is};
use crate::case::{Case, Distribution, Line, RangeUnit};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

const CHUNK: u64 = 1_000;

/// A draw of a multiplier (or a number of months).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Draw {
    /// Always this value.
    Fixed(f64),
    /// Triangular from low to high, peaking at mode.
    Triangular(Triangular),
    /// PERT from low to high with mode.
    Pert(Pert),
}

impl Draw {
    /// A draw from low, most likely and high with a shape; fixed when the range has no width
    /// (or the most likely value lies outside it).
    #[must_use]
    pub fn new(low: f64, mode: f64, high: f64, shape: Distribution) -> Self {
        if high - low <= f64::EPSILON * high.abs().max(1.0) {
            return Self::Fixed(mode);
        }
        match shape {
            Distribution::Triangular => {
                Triangular::new(low, mode, high).map_or(Self::Fixed(mode), Self::Triangular)
            }
            Distribution::Pert => Pert::new(low, mode, high).map_or(Self::Fixed(mode), Self::Pert),
        }
    }

    /// One value.
    pub fn sample(&self, rng: &mut ChaCha8Rng) -> f64 {
        match self {
            Self::Fixed(v) => *v,
            Self::Triangular(d) => d.sample(rng),
            Self::Pert(d) => d.sample(rng),
        }
    }
}

/// The powers of ten that are exact in `f64`.
const TENS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A decimal as the nearest `f64`, the same on every system. `Decimal::to_f64` goes through
/// `powi` and `round`, whose code is the platform's (compiler-builtins or libgcc, the C
/// library's `round`); here a mantissa and a power of ten that are both exact in `f64` give
/// the nearest float by one IEEE division, and any other decimal goes through its digits and
/// Rust's own correctly rounded parser.
fn f(d: Decimal) -> f64 {
    let scale = d.scale() as usize;
    if let Ok(mantissa) = i64::try_from(d.mantissa())
        && mantissa.unsigned_abs() < 1 << 53
        && scale < TENS.len()
    {
        #[allow(clippy::cast_precision_loss)]
        let m = mantissa as f64;
        return m / TENS[scale];
    }
    d.to_string().parse().unwrap_or(0.0)
}

/// The multiplier draw of a line: its range, or fixed at 1.
#[must_use]
pub fn line_draw(line: &Line) -> Draw {
    let Some(range) = &line.range else {
        return Draw::Fixed(1.0);
    };
    let (low, mode, high) = match range.unit {
        RangeUnit::Percent => (
            1.0 + f(range.low),
            1.0 + f(range.most_likely),
            1.0 + f(range.high),
        ),
        RangeUnit::Pounds => {
            let headline = f(line.amounts.headline());
            if headline == 0.0 {
                return Draw::Fixed(1.0);
            }
            (
                f(range.low) / headline,
                f(range.most_likely) / headline,
                f(range.high) / headline,
            )
        }
    };
    Draw::new(low, mode, high, range.distribution)
}

/// Signed flows of one line for one delay: cash by year, and present value by year.
#[derive(Debug, Clone)]
struct LineFlows {
    cash: Vec<f64>,
    pv: Vec<f64>,
}

fn signed_flows(results: &OptionResults) -> Vec<LineFlows> {
    results
        .lines
        .iter()
        .map(|line| {
            let sign = if line.kind.is_benefit() { 1.0 } else { -1.0 };
            LineFlows {
                cash: line.cash.iter().map(|c| sign * f(*c)).collect(),
                pv: line
                    .real
                    .iter()
                    .zip(&results.figures.years)
                    .map(|(r, y)| sign * f(*r * y.discount_factor))
                    .collect(),
            }
        })
        .collect()
}

/// One option prepared for trials.
struct Model {
    name: String,
    partners: Vec<String>,
    years: usize,
    delay: Draw,
    first_delay: u32,
    /// Per possible delay (from `first_delay`), per line.
    flows: Vec<Vec<LineFlows>>,
    draws: Vec<Draw>,
    group_of: Vec<usize>,
    /// Each sharing group's shares, by year, then by partner.
    shares: Vec<Vec<Vec<f64>>>,
}

impl Model {
    fn new(case: &Case, option: usize) -> Option<Self> {
        let source = &case.options[option];
        let (low, mode, high, shape) = match &source.delay_range {
            Some(r) => (r.low, r.most_likely, r.high, r.distribution),
            None => {
                let d = source.adjustments.benefit_delay_months;
                (d, d, d, Distribution::Triangular)
            }
        };
        let mut flows = Vec::new();
        for months in low..=high {
            let mut single = case.clone();
            let mut chosen = single.options.swap_remove(option);
            chosen.adjustments.benefit_delay_months = months;
            single.options = vec![chosen];
            // One option alone: no baseline to measure it against.
            single.baseline = None;
            single.preferred_option = None;
            let results = compute_as_is(&single).ok()?;
            flows.push(signed_flows(&results.options[0]));
        }
        let mut groups: Vec<&crate::case::Sharing> = Vec::new();
        let group_of = source
            .lines
            .iter()
            .map(
                |line| match groups.iter().position(|g| **g == line.sharing) {
                    Some(at) => at,
                    None => {
                        groups.push(&line.sharing);
                        groups.len() - 1
                    }
                },
            )
            .collect();
        let shares = groups
            .iter()
            .map(|g| {
                Shares::by_year(case, g)
                    .into_iter()
                    .map(|s| s.shares.into_iter().map(f).collect())
                    .collect()
            })
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let delay = Draw::new(f64::from(low), f64::from(mode), f64::from(high), shape);
        Some(Self {
            name: source.name.clone(),
            partners: case.partners.iter().map(|p| p.name.clone()).collect(),
            years: usize::from(case.horizon),
            delay,
            first_delay: low,
            flows,
            draws: source.lines.iter().map(line_draw).collect(),
            group_of,
            shares,
        })
    }

    /// One trial: net cash and present value by year for the option, then each partner.
    fn trial(
        &self,
        rng: &mut ChaCha8Rng,
        net: &mut [Vec<f64>],
        pv: &mut [Vec<f64>],
        groups: &mut [(Vec<f64>, Vec<f64>)],
    ) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let months = libm::round(self.delay.sample(rng)).max(0.0) as u32;
        let index = (months.saturating_sub(self.first_delay) as usize).min(self.flows.len() - 1);
        let flows = &self.flows[index];
        for g in groups.iter_mut() {
            g.0.iter_mut().for_each(|v| *v = 0.0);
            g.1.iter_mut().for_each(|v| *v = 0.0);
        }
        for (l, line) in flows.iter().enumerate() {
            let m = self.draws[l].sample(rng);
            let group = &mut groups[self.group_of[l]];
            for t in 0..self.years {
                group.0[t] += m * line.cash[t];
                group.1[t] += m * line.pv[t];
            }
        }
        for entity in 0..=self.partners.len() {
            net[entity].iter_mut().for_each(|v| *v = 0.0);
            pv[entity].iter_mut().for_each(|v| *v = 0.0);
        }
        for (g, (cash, present)) in groups.iter().enumerate() {
            for t in 0..self.years {
                net[0][t] += cash[t];
                pv[0][t] += present[t];
                let shares = &self.shares[g];
                let Some(in_year) = shares.get(t).or_else(|| shares.last()) else {
                    continue;
                };
                for (p, share) in in_year.iter().enumerate() {
                    net[p + 1][t] += share * cash[t];
                    pv[p + 1][t] += share * present[t];
                }
            }
        }
    }
}

/// Payback in years by the conventions' rule, `f64::INFINITY` when there is none.
#[must_use]
pub fn payback_years(net: &[f64]) -> f64 {
    let mut cum = 0.0_f64;
    let mut negative = false;
    for (t, amount) in net.iter().enumerate() {
        let before = cum;
        cum += amount;
        if cum < 0.0 {
            negative = true;
        } else if before < 0.0 {
            #[allow(clippy::cast_precision_loss)]
            return t as f64 + (-before) / amount;
        }
    }
    if negative { f64::INFINITY } else { 0.0 }
}

/// Mean and percentiles of a set of values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// The mean.
    pub mean: f64,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let rank = (libm::ceil(p * sorted.len() as f64) as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn spread(mut values: Vec<f64>) -> Spread {
    values.sort_by(f64::total_cmp);
    #[allow(clippy::cast_precision_loss)]
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    Spread {
        mean,
        p10: percentile(&values, 0.1),
        p50: percentile(&values, 0.5),
        p90: percentile(&values, 0.9),
    }
}

/// The risk results of an option or a partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Option or partner name.
    pub name: String,
    /// NPV across trials.
    pub npv: Spread,
    /// Payback years across trials: percentiles over every trial (infinite where a trial does
    /// not pay back), the mean over the trials that pay back.
    pub payback: Spread,
    /// Share of trials that pay back within the horizon.
    pub within_horizon: f64,
    /// Share of trials that pay back by the end of the target year, if one is set.
    pub by_target: Option<f64>,
    /// Trials paying back in each financial year (index), then those that do not.
    pub histogram: Vec<u64>,
    /// P10, P50 and P90 of the cumulative cash position at the end of each year.
    pub band: Vec<[f64; 3]>,
}

/// Risk results of every option.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskResults {
    /// Trials run.
    pub trials: u64,
    /// The seed used.
    pub seed: u64,
    /// One entry per option: the option first, then each partner.
    pub options: Vec<Vec<Outcome>>,
}

/// Values each trial keeps: NPV, payback, cumulative cash by year, per entity.
struct Kept {
    npv: Vec<Vec<f64>>,
    payback: Vec<Vec<f64>>,
    cum: Vec<Vec<Vec<f64>>>,
}

fn run_chunk(model: &Model, seed: u64, chunk: u64, count: u64) -> Kept {
    let entities = model.partners.len() + 1;
    let years = model.years;
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ chunk.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut net = vec![vec![0.0; years]; entities];
    let mut pv = vec![vec![0.0; years]; entities];
    let mut groups = vec![(vec![0.0; years], vec![0.0; years]); model.shares.len()];
    #[allow(clippy::cast_possible_truncation)]
    let n = count as usize;
    let mut kept = Kept {
        npv: vec![Vec::with_capacity(n); entities],
        payback: vec![Vec::with_capacity(n); entities],
        cum: vec![vec![Vec::with_capacity(n); years]; entities],
    };
    for _ in 0..count {
        model.trial(&mut rng, &mut net, &mut pv, &mut groups);
        for e in 0..entities {
            kept.npv[e].push(pv[e].iter().sum());
            kept.payback[e].push(payback_years(&net[e]));
            let mut cum = 0.0;
            for (amount, column) in net[e].iter().zip(kept.cum[e].iter_mut()) {
                cum += amount;
                column.push(cum);
            }
        }
    }
    kept
}

/// The seed of an option's trials: the run's seed mixed with the option's name (FNV-1a), so
/// that moving an option up or down, or adding another, leaves its results as they were.
#[must_use]
pub fn option_seed(seed: u64, name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.trim().to_lowercase().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    seed ^ hash
}

/// The most trial values (NPV, payback and cumulative cash per year, per option and partner)
/// a run keeps in memory at once: 128 MB. A run that would keep more finds its percentiles
/// in passes instead (see [`passes`]), so memory stays bounded however many trials.
pub const MEMORY_VALUES: u64 = 16_000_000;

/// Runs `trials` trials of every option of a valid case from `seed`. `done` counts trials
/// as they finish; setting `cancel` stops the run, which then returns `None`.
#[must_use]
pub fn run(
    case: &Case,
    trials: u64,
    seed: u64,
    done: &AtomicU64,
    cancel: &AtomicBool,
) -> Option<RiskResults> {
    run_within(case, trials, seed, done, cancel, MEMORY_VALUES)
}

/// [`run`], keeping at most `memory` trial values in memory at once; beyond that the
/// percentiles are found in passes. The results are the same either way (means aside, which
/// may differ in the last bits from the order of addition).
#[must_use]
pub fn run_within(
    case: &Case,
    trials: u64,
    seed: u64,
    done: &AtomicU64,
    cancel: &AtomicBool,
    memory: u64,
) -> Option<RiskResults> {
    let mut options = Vec::new();
    for option in 0..case.options.len() {
        let model = Model::new(case, option)?;
        let stream = option_seed(seed, &model.name);
        let kept_values =
            trials.saturating_mul((model.partners.len() as u64 + 1) * (model.years as u64 + 2));
        if kept_values > memory {
            options.push(passes::summarise(
                &model, case, stream, trials, done, cancel,
            )?);
            continue;
        }
        let chunks = trials.div_ceil(CHUNK);
        let kept: Vec<Kept> = (0..chunks)
            .into_par_iter()
            .map(|c| {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                let count = CHUNK.min(trials - c * CHUNK);
                let kept = run_chunk(&model, stream, c, count);
                done.fetch_add(count, Ordering::Relaxed);
                Some(kept)
            })
            .collect::<Option<Vec<_>>>()?;
        options.push(summarise(&model, case, &kept, trials));
    }
    Some(RiskResults {
        trials,
        seed,
        options,
    })
}

fn summarise(model: &Model, case: &Case, kept: &[Kept], trials: u64) -> Vec<Outcome> {
    let years = model.years;
    let names = std::iter::once(model.name.clone()).chain(model.partners.iter().cloned());
    names
        .enumerate()
        .map(|(e, name)| {
            let npv: Vec<f64> = kept.iter().flat_map(|k| k.npv[e].iter().copied()).collect();
            let payback: Vec<f64> = kept
                .iter()
                .flat_map(|k| k.payback[e].iter().copied())
                .collect();
            let mut histogram = vec![0_u64; years + 1];
            for p in &payback {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let bucket = if p.is_finite() {
                    (libm::floor(*p) as usize).min(years - 1)
                } else {
                    years
                };
                histogram[bucket] += 1;
            }
            #[allow(clippy::cast_precision_loss)]
            let share = |n: usize| n as f64 / trials.max(1) as f64;
            let within_horizon = share(payback.iter().filter(|p| p.is_finite()).count());
            let by_target = case.risk.target_year.map(|y| {
                #[allow(clippy::cast_precision_loss)]
                let limit = f64::from(y) + 1.0;
                share(payback.iter().filter(|p| **p <= limit).count())
            });
            let band = (0..years)
                .map(|t| {
                    let s = spread(
                        kept.iter()
                            .flat_map(|k| k.cum[e][t].iter().copied())
                            .collect(),
                    );
                    [s.p10, s.p50, s.p90]
                })
                .collect();
            let paying: Vec<f64> = payback.iter().copied().filter(|p| p.is_finite()).collect();
            let mut payback_spread = spread(payback);
            #[allow(clippy::cast_precision_loss)]
            let mean = paying.iter().sum::<f64>() / paying.len().max(1) as f64;
            payback_spread.mean = if paying.is_empty() {
                f64::INFINITY
            } else {
                mean
            };
            Outcome {
                name,
                npv: spread(npv),
                payback: payback_spread,
                within_horizon,
                by_target,
                histogram,
                band,
            }
        })
        .collect()
}

/// Percentiles without keeping every trial: for runs whose values would not fit in
/// [`MEMORY_VALUES`]. The trials are replayed from their seeds (so every pass sees the same
/// values); the first pass gathers counts, sums, the payback histogram and each value's
/// range; each later pass narrows, for every percentile wanted, the range of values that
/// holds its rank, 1,024 bins at a time, until the values left fit in memory, which are then
/// kept and sorted. The percentiles are exactly the nearest-rank ones a full sort gives.
mod passes {
    use super::{CHUNK, Model, Outcome, Spread, payback_years};
    use crate::case::Case;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    /// Lanes of chunks a pass runs in parallel.
    const LANES: u64 = 8;
    /// Bins of each narrowing pass (counted in `u32`: a run has at most a million trials).
    const BINS: u64 = 1_024;
    /// Values a final pass may keep, over all percentiles.
    const KEEP: u64 = 8_000_000;
    /// The percentiles wanted of every value.
    const PERCENTILES: [f64; 3] = [0.1, 0.5, 0.9];

    /// An order-preserving key for a float: keys compare as `f64::total_cmp` does.
    fn key(v: f64) -> u64 {
        let bits = v.to_bits();
        if bits >> 63 == 1 {
            !bits
        } else {
            bits ^ (1 << 63)
        }
    }

    fn value(k: u64) -> f64 {
        f64::from_bits(if k >> 63 == 1 { k ^ (1 << 63) } else { !k })
    }

    /// Replays every trial of the run, calling `visit` with its values: for each entity (the
    /// option, then each partner) its NPV, its payback, then its cumulative cash by year.
    /// Lanes of chunks run in parallel; their states are merged in lane order.
    fn sweep<S: Send>(
        model: &Model,
        seed: u64,
        trials: u64,
        cancel: &AtomicBool,
        init: &(dyn Fn() -> S + Sync),
        visit: &(dyn Fn(&mut S, &[f64]) + Sync),
        merge: &dyn Fn(&mut S, S),
    ) -> Option<S> {
        let chunks = trials.div_ceil(CHUNK);
        // A fixed number of lanes, not one per thread, so that sums are added in the same
        // order on any machine and the same seed gives the same results.
        let lanes = LANES.clamp(1, chunks.max(1));
        let entities = model.partners.len() + 1;
        let years = model.years;
        let states: Vec<S> = (0..lanes)
            .into_par_iter()
            .map(|lane| {
                let mut state = init();
                let mut net = vec![vec![0.0; years]; entities];
                let mut pv = vec![vec![0.0; years]; entities];
                let mut groups = vec![(vec![0.0; years], vec![0.0; years]); model.shares.len()];
                let mut values = vec![0.0; entities * (years + 2)];
                let mut chunk = lane;
                while chunk < chunks {
                    if cancel.load(Ordering::Relaxed) {
                        return None;
                    }
                    let count = CHUNK.min(trials - chunk * CHUNK);
                    let mut rng =
                        ChaCha8Rng::seed_from_u64(seed ^ chunk.wrapping_mul(0x9E37_79B9_7F4A_7C15));
                    for _ in 0..count {
                        model.trial(&mut rng, &mut net, &mut pv, &mut groups);
                        for e in 0..entities {
                            let at = e * (years + 2);
                            values[at] = pv[e].iter().sum();
                            values[at + 1] = payback_years(&net[e]);
                            let mut cum = 0.0;
                            for (t, amount) in net[e].iter().enumerate() {
                                cum += amount;
                                values[at + 2 + t] = cum;
                            }
                        }
                        visit(&mut state, &values);
                    }
                    chunk += lanes;
                }
                Some(state)
            })
            .collect::<Option<Vec<_>>>()?;
        let mut states = states.into_iter();
        let mut first = states.next()?;
        for state in states {
            merge(&mut first, state);
        }
        Some(first)
    }

    /// What the first pass gathers.
    struct Totals {
        /// Per value: the smallest and largest key.
        low: Vec<u64>,
        high: Vec<u64>,
        /// Per entity: sum of NPV, sum and count of finite paybacks, by-target count, and
        /// the payback histogram.
        npv_sum: Vec<f64>,
        paying_sum: Vec<f64>,
        paying: Vec<u64>,
        by_target: Vec<u64>,
        histogram: Vec<Vec<u64>>,
    }

    /// Where the value of one rank is still to be found: among keys `low..=high`, with
    /// `below` values under `low` and `count` inside.
    #[derive(Clone, Copy)]
    struct Target {
        index: usize,
        rank: u64,
        low: u64,
        high: u64,
        below: u64,
        count: u64,
        found: Option<f64>,
    }

    #[allow(clippy::too_many_lines)]
    pub(super) fn summarise(
        model: &Model,
        case: &Case,
        seed: u64,
        trials: u64,
        done: &AtomicU64,
        cancel: &AtomicBool,
    ) -> Option<Vec<Outcome>> {
        let entities = model.partners.len() + 1;
        let years = model.years;
        let per = years + 2;
        let count = entities * per;
        let limit = case.risk.target_year.map(|y| f64::from(y) + 1.0);
        let totals = sweep(
            model,
            seed,
            trials,
            cancel,
            &|| Totals {
                low: vec![u64::MAX; count],
                high: vec![0; count],
                npv_sum: vec![0.0; entities],
                paying_sum: vec![0.0; entities],
                paying: vec![0; entities],
                by_target: vec![0; entities],
                histogram: vec![vec![0; years + 1]; entities],
            },
            &|s: &mut Totals, values: &[f64]| {
                for (i, v) in values.iter().enumerate() {
                    let k = key(*v);
                    s.low[i] = s.low[i].min(k);
                    s.high[i] = s.high[i].max(k);
                }
                for e in 0..entities {
                    s.npv_sum[e] += values[e * per];
                    let p = values[e * per + 1];
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let bucket = if p.is_finite() {
                        s.paying_sum[e] += p;
                        s.paying[e] += 1;
                        (libm::floor(p) as usize).min(years - 1)
                    } else {
                        years
                    };
                    s.histogram[e][bucket] += 1;
                    if limit.is_some_and(|l| p <= l) {
                        s.by_target[e] += 1;
                    }
                }
            },
            &|a: &mut Totals, b: Totals| {
                for i in 0..count {
                    a.low[i] = a.low[i].min(b.low[i]);
                    a.high[i] = a.high[i].max(b.high[i]);
                }
                for e in 0..entities {
                    a.npv_sum[e] += b.npv_sum[e];
                    a.paying_sum[e] += b.paying_sum[e];
                    a.paying[e] += b.paying[e];
                    a.by_target[e] += b.by_target[e];
                    for (x, y) in a.histogram[e].iter_mut().zip(&b.histogram[e]) {
                        *x += y;
                    }
                }
            },
        )?;
        done.fetch_add(trials, Ordering::Relaxed);
        let mut targets: Vec<Target> = (0..count)
            .flat_map(|index| {
                PERCENTILES.iter().map(move |p| {
                    #[allow(
                        clippy::cast_precision_loss,
                        clippy::cast_possible_truncation,
                        clippy::cast_sign_loss
                    )]
                    let rank = (libm::ceil(p * trials as f64) as u64).clamp(1, trials.max(1));
                    (index, rank)
                })
            })
            .map(|(index, rank)| Target {
                index,
                rank,
                low: totals.low[index],
                high: totals.high[index],
                below: 0,
                count: trials,
                found: None,
            })
            .collect();
        loop {
            for t in &mut targets {
                if t.found.is_none() && t.low >= t.high {
                    t.found = Some(value(t.low));
                }
            }
            let open: Vec<usize> = (0..targets.len())
                .filter(|i| targets[*i].found.is_none())
                .collect();
            if open.is_empty() {
                break;
            }
            let left: u64 = open.iter().map(|i| targets[*i].count).sum();
            if left <= KEEP {
                // Keep the values left and sort them.
                let kept = sweep(
                    model,
                    seed,
                    trials,
                    cancel,
                    &|| vec![Vec::new(); open.len()],
                    &|s: &mut Vec<Vec<f64>>, values: &[f64]| {
                        for (slot, i) in open.iter().enumerate() {
                            let t = &targets[*i];
                            let k = key(values[t.index]);
                            if k >= t.low && k <= t.high {
                                s[slot].push(values[t.index]);
                            }
                        }
                    },
                    &|a: &mut Vec<Vec<f64>>, b: Vec<Vec<f64>>| {
                        for (x, y) in a.iter_mut().zip(b) {
                            x.extend(y);
                        }
                    },
                )?;
                for (slot, mut values) in kept.into_iter().enumerate() {
                    values.sort_by(f64::total_cmp);
                    let t = &mut targets[open[slot]];
                    let at = usize::try_from(t.rank - t.below - 1).unwrap_or(0);
                    t.found = values.get(at).copied().or(Some(value(t.low)));
                }
                break;
            }
            // Narrow each open target to the bin holding its rank.
            let width: Vec<u64> = open
                .iter()
                .map(|i| (targets[*i].high - targets[*i].low) / BINS + 1)
                .collect();
            let bins = usize::try_from(BINS).unwrap_or(1_024);
            let histograms = sweep(
                model,
                seed,
                trials,
                cancel,
                &|| vec![vec![0_u32; bins]; open.len()],
                &|s: &mut Vec<Vec<u32>>, values: &[f64]| {
                    for (slot, i) in open.iter().enumerate() {
                        let t = &targets[*i];
                        let k = key(values[t.index]);
                        if k >= t.low && k <= t.high {
                            let bin = usize::try_from((k - t.low) / width[slot]).unwrap_or(0);
                            let count = &mut s[slot][bin.min(bins - 1)];
                            *count = count.saturating_add(1);
                        }
                    }
                },
                &|a: &mut Vec<Vec<u32>>, b: Vec<Vec<u32>>| {
                    for (x, y) in a.iter_mut().zip(b) {
                        for (p, q) in x.iter_mut().zip(y) {
                            *p = p.saturating_add(q);
                        }
                    }
                },
            )?;
            for (slot, histogram) in histograms.into_iter().enumerate() {
                let t = &mut targets[open[slot]];
                let mut before = t.below;
                for (bin, n) in histogram.into_iter().map(u64::from).enumerate() {
                    if before + n >= t.rank {
                        let low = t.low + bin as u64 * width[slot];
                        t.high = t.high.min(low.saturating_add(width[slot] - 1));
                        t.low = low;
                        t.below = before;
                        t.count = n;
                        break;
                    }
                    before += n;
                }
            }
        }
        let at = |index: usize| -> [f64; 3] {
            let mut out = [0.0; 3];
            for (k, t) in targets
                .iter()
                .filter(|t| t.index == index)
                .take(3)
                .enumerate()
            {
                out[k] = t.found.unwrap_or(0.0);
            }
            out
        };
        #[allow(clippy::cast_precision_loss)]
        let share = |n: u64| n as f64 / trials.max(1) as f64;
        let names = std::iter::once(model.name.clone()).chain(model.partners.iter().cloned());
        Some(
            names
                .enumerate()
                .map(|(e, name)| {
                    let npv = at(e * per);
                    let payback = at(e * per + 1);
                    #[allow(clippy::cast_precision_loss)]
                    let npv_mean = totals.npv_sum[e] / trials.max(1) as f64;
                    #[allow(clippy::cast_precision_loss)]
                    let payback_mean = if totals.paying[e] == 0 {
                        f64::INFINITY
                    } else {
                        totals.paying_sum[e] / totals.paying[e] as f64
                    };
                    Outcome {
                        name,
                        npv: Spread {
                            mean: npv_mean,
                            p10: npv[0],
                            p50: npv[1],
                            p90: npv[2],
                        },
                        payback: Spread {
                            mean: payback_mean,
                            p10: payback[0],
                            p50: payback[1],
                            p90: payback[2],
                        },
                        within_horizon: share(totals.paying[e]),
                        by_target: limit.map(|_| share(totals.by_target[e])),
                        histogram: totals.histogram[e].clone(),
                        band: (0..years).map(|t| at(e * per + 2 + t)).collect(),
                    }
                })
                .collect(),
        )
    }
}
