//! Internal rate of return: the rate at which the NPV of a series of flows is zero.
//!
//! The search runs in `f64`, which the conventions allow for IRR: bisection to 1e-12 on the
//! rate, far inside the 1e-6 asked for. Every other figure stays in exact decimals.

use super::results::{Irr, NoIrr};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

const LOW: f64 = -0.99;
const HIGH: f64 = 10.0;
/// Steps of the scan for several roots, evenly spaced in `ln(1 + r)`.
const SCAN_STEPS: usize = 2_000;

/// NPV of `flows` at `rate`, year 0 undiscounted (Horner's rule in `1 / (1 + r)`).
fn npv_f64(flows: &[f64], rate: f64) -> f64 {
    let x = 1.0 / (1.0 + rate);
    flows.iter().rev().fold(0.0, |acc, f| acc * x + f)
}

fn sign_changes(flows: &[f64]) -> usize {
    let mut last = 0.0_f64;
    let mut changes = 0;
    for &f in flows.iter().filter(|f| **f != 0.0) {
        if last != 0.0 && (f > 0.0) != (last > 0.0) {
            changes += 1;
        }
        last = f;
    }
    changes
}

fn bisect(flows: &[f64], mut low: f64, mut high: f64) -> f64 {
    let mut f_low = npv_f64(flows, low);
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if (high - low).abs() < 1e-13 {
            return mid;
        }
        let f_mid = npv_f64(flows, mid);
        if f_mid == 0.0 {
            return mid;
        }
        if (f_mid > 0.0) == (f_low > 0.0) {
            low = mid;
            f_low = f_mid;
        } else {
            high = mid;
        }
    }
    0.5 * (low + high)
}

/// Every rate in [-99%, +1000%] at which the NPV changes sign, ascending.
fn roots(flows: &[f64]) -> Vec<f64> {
    let mut found = Vec::new();
    if sign_changes(flows) == 1 {
        // Descartes' rule: exactly one root with 1 + r > 0, so one bracket suffices.
        let (a, b) = (npv_f64(flows, LOW), npv_f64(flows, HIGH));
        if a == 0.0 {
            found.push(LOW);
        } else if b == 0.0 {
            found.push(HIGH);
        } else if (a > 0.0) != (b > 0.0) {
            found.push(bisect(flows, LOW, HIGH));
        }
        return found;
    }
    let (u_low, u_high) = ((1.0 + LOW).ln(), (1.0 + HIGH).ln());
    let rate_at = |k: usize| {
        #[allow(clippy::cast_precision_loss)]
        let u = u_low + (u_high - u_low) * (k as f64) / (SCAN_STEPS as f64);
        u.exp() - 1.0
    };
    let mut prev_rate = LOW;
    let mut prev = npv_f64(flows, prev_rate);
    if prev == 0.0 {
        found.push(prev_rate);
    }
    for k in 1..=SCAN_STEPS {
        let rate = if k == SCAN_STEPS { HIGH } else { rate_at(k) };
        let value = npv_f64(flows, rate);
        if value == 0.0 {
            found.push(rate);
        } else if prev != 0.0 && (value > 0.0) != (prev > 0.0) {
            found.push(bisect(flows, prev_rate, rate));
        }
        prev_rate = rate;
        prev = value;
    }
    found
}

/// The IRR of yearly net flows, year 0 first.
///
/// Only where the flows change sign; where several rates solve it, the one nearest to zero,
/// with the number of solutions (numpy-financial's choice).
#[must_use]
pub fn irr(flows: &[Decimal]) -> Irr {
    let values: Vec<f64> = flows.iter().map(|d| d.to_f64().unwrap_or(0.0)).collect();
    if sign_changes(&values) == 0 {
        return Irr::None(NoIrr::NoSignChange);
    }
    let found = roots(&values);
    let Some(best) = found
        .iter()
        .copied()
        .min_by(|a, b| a.abs().total_cmp(&b.abs()))
    else {
        return Irr::None(NoIrr::NoneInRange);
    };
    match Decimal::from_f64(best) {
        Some(rate) => Irr::Rate {
            rate: rate.round_dp(10),
            solutions: found.len(),
        },
        None => Irr::None(NoIrr::NoneInRange),
    }
}
