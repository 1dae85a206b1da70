//! Internal rate of return: the rate at which the NPV of a series of flows is zero.
//!
//! The search runs in `f64`, which the conventions allow for IRR: bisection to 1e-13 on the
//! rate, far inside the 1e-6 asked for. Every other figure stays in exact decimals.
//!
//! Roots are isolated, not scanned for: with `y = 1 + r`, the NPV times `y^n` is a
//! polynomial, and between two neighbouring turning points (roots of its derivative, found
//! the same way) it is monotone, so each such interval holds at most one root, found by
//! bisection, and a turning point that touches zero is a double root. No pair or triple of
//! roots, however close, is lost.

use super::results::{Irr, NoIrr};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

const LOW: f64 = -0.99;
const HIGH: f64 = 10.0;
/// Steps of the scan for several roots, evenly spaced in `ln(1 + r)`. Roots closer than a
/// step are still found, at the turning point between them.
const SCAN_STEPS: usize = 1_000;

/// The scan's rates, computed once.
fn scan_rates() -> &'static [f64] {
    static RATES: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    RATES.get_or_init(|| {
        let (u_low, u_high) = ((1.0 + LOW).ln(), (1.0 + HIGH).ln());
        (0..=SCAN_STEPS)
            .map(|k| {
                #[allow(clippy::cast_precision_loss)]
                let u = u_low + (u_high - u_low) * (k as f64) / (SCAN_STEPS as f64);
                if k == SCAN_STEPS { HIGH } else { u.exp() - 1.0 }
            })
            .collect()
    })
}

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

/// The zero of `f` between `low` and `high`, where it changes sign, to 1e-13.
fn bisect(f: impl Fn(f64) -> f64, mut low: f64, mut high: f64) -> f64 {
    let mut f_low = f(low);
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if (high - low).abs() < 1e-13 {
            return mid;
        }
        let f_mid = f(mid);
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

/// The minimum of `f` on `[low, high]`, for a function with one turning point there.
fn golden_min(f: impl Fn(f64) -> f64, mut low: f64, mut high: f64) -> f64 {
    let ratio = (5.0_f64.sqrt() - 1.0) / 2.0;
    let mut a = high - ratio * (high - low);
    let mut b = low + ratio * (high - low);
    let (mut fa, mut fb) = (f(a), f(b));
    for _ in 0..200 {
        if (high - low).abs() < 1e-14 {
            break;
        }
        if fa < fb {
            high = b;
            b = a;
            fb = fa;
            a = high - ratio * (high - low);
            fa = f(a);
        } else {
            low = a;
            a = b;
            fa = fb;
            b = low + ratio * (high - low);
            fb = f(b);
        }
    }
    0.5 * (low + high)
}

/// Longest series whose roots are isolated exactly; a longer one (only the quick calculator
/// takes one) is scanned, since `y^n` would leave the range of `f64`.
const ISOLATE_MAX: usize = 60;

/// `p(y)` with coefficients lowest degree first (Horner's rule).
fn poly(coeffs: &[f64], y: f64) -> f64 {
    coeffs.iter().rev().fold(0.0, |acc, c| acc * y + c)
}

/// The bound on rounding error in `poly(coeffs, y)`, to tell a touching zero from a miss.
fn poly_scale(coeffs: &[f64], y: f64) -> f64 {
    coeffs
        .iter()
        .rev()
        .fold(0.0, |acc, c| acc * y.abs() + c.abs())
        .max(f64::MIN_POSITIVE)
}

/// Every root of the polynomial `coeffs` (lowest degree first) in `[low, high]`, ascending,
/// a multiple root once: the roots of the derivative split the range into pieces on which
/// the polynomial is monotone.
fn poly_roots(coeffs: &[f64], low: f64, high: f64) -> Vec<f64> {
    let mut coeffs = coeffs.to_vec();
    while coeffs.last() == Some(&0.0) {
        coeffs.pop();
    }
    if coeffs.len() < 2 {
        return Vec::new();
    }
    #[allow(clippy::cast_precision_loss)]
    let derivative: Vec<f64> = coeffs
        .iter()
        .enumerate()
        .skip(1)
        .map(|(k, c)| c * k as f64)
        .collect();
    let turns = poly_roots(&derivative, low, high);
    let mut points = Vec::with_capacity(turns.len() + 2);
    points.push(low);
    points.extend(turns.iter().copied().filter(|t| *t > low && *t < high));
    points.push(high);
    let mut found = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (fa, fb) = (poly(&coeffs, a), poly(&coeffs, b));
        if fa == 0.0 {
            found.push(a);
        } else if fb != 0.0 && (fa > 0.0) != (fb > 0.0) {
            found.push(bisect(|y| poly(&coeffs, y), a, b));
        }
    }
    if poly(&coeffs, high) == 0.0 {
        found.push(high);
    }
    // A turning point where the polynomial only touches zero is a double root.
    let crossings = found.clone();
    for turn in turns.iter().filter(|t| **t > low && **t < high) {
        let value = poly(&coeffs, *turn);
        if value != 0.0
            && value.abs() <= 1e-12 * poly_scale(&coeffs, *turn)
            && !crossings.iter().any(|r| (r - turn).abs() < 1e-7)
        {
            found.push(*turn);
        }
    }
    found.sort_by(f64::total_cmp);
    found.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    found
}

/// Every rate in [-99%, +1000%] at which the NPV is zero, ascending; a double root once.
fn roots(flows: &[f64]) -> Vec<f64> {
    if flows.len() <= ISOLATE_MAX {
        // NPV(r) (1 + r)^n = sum of f_t y^(n - t): coefficient of y^k is f_(n - k).
        let coeffs: Vec<f64> = flows.iter().rev().copied().collect();
        return poly_roots(&coeffs, 1.0 + LOW, 1.0 + HIGH)
            .into_iter()
            .map(|y| y - 1.0)
            .collect();
    }
    scan_roots(flows)
}

/// Roots of a long series, by a scan of the range with turning points examined.
fn scan_roots(flows: &[f64]) -> Vec<f64> {
    let mut found = Vec::new();
    if sign_changes(flows) == 1 {
        // Descartes' rule: exactly one root with 1 + r > 0, so one bracket suffices.
        let (a, b) = (npv_f64(flows, LOW), npv_f64(flows, HIGH));
        if a == 0.0 {
            found.push(LOW);
        } else if b == 0.0 {
            found.push(HIGH);
        } else if (a > 0.0) != (b > 0.0) {
            found.push(bisect(|r| npv_f64(flows, r), LOW, HIGH));
        }
        return found;
    }
    let rates = scan_rates();
    let values: Vec<f64> = rates.iter().map(|r| npv_f64(flows, *r)).collect();
    let scale: f64 = flows
        .iter()
        .map(|f| f.abs())
        .sum::<f64>()
        .max(f64::MIN_POSITIVE);
    for k in 0..=SCAN_STEPS {
        let value = values[k];
        if value == 0.0 {
            found.push(rates[k]);
            continue;
        }
        if k > 0 && values[k - 1] != 0.0 && (value > 0.0) != (values[k - 1] > 0.0) {
            found.push(bisect(|r| npv_f64(flows, r), rates[k - 1], rates[k]));
            continue;
        }
        // A turning point between grid points can hide a double root (the NPV touches zero)
        // or two roots closer than a step: look for the extreme value near a local minimum
        // of |NPV|.
        if k > 0
            && k < SCAN_STEPS
            && value.abs() < values[k - 1].abs()
            && value.abs() <= values[k + 1].abs()
            && (value > 0.0) == (values[k + 1] > 0.0)
            && (value > 0.0) == (values[k - 1] > 0.0)
        {
            let sign = value.signum();
            let (low, high) = (rates[k - 1], rates[k + 1]);
            let turn = golden_min(|r| sign * npv_f64(flows, r), low, high);
            let at_turn = npv_f64(flows, turn);
            if at_turn == 0.0 || at_turn.abs() <= 1e-12 * scale {
                found.push(turn);
            } else if (at_turn > 0.0) != (value > 0.0) {
                found.push(bisect(|r| npv_f64(flows, r), low, turn));
                found.push(bisect(|r| npv_f64(flows, r), turn, high));
            }
        }
    }
    found.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
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
