//! Payback: when the cumulative position, having been negative, reaches zero.

use super::results::Payback;
use rust_decimal::Decimal;

/// Payback of a series of yearly net amounts, money taken to flow evenly within each year.
///
/// With `cum[-1] = 0`, if `cum[t-1] < 0 <= cum[t]` then payback is `t + -cum[t-1] / net[t]`
/// years from the start of year 0. Never negative: immediate. Negative at the end: none.
#[must_use]
pub fn payback(net: &[Decimal]) -> Payback {
    let mut cum = Decimal::ZERO;
    let mut ever_negative = false;
    let mut found: Option<(Decimal, usize)> = None;
    for (t, amount) in net.iter().enumerate() {
        let before = cum;
        cum += *amount;
        if cum.is_sign_negative() && !cum.is_zero() {
            ever_negative = true;
            if let Some((years, year)) = found {
                return Payback::After {
                    years,
                    year,
                    falls_back_in: Some(t),
                };
            }
        } else if found.is_none() && before < Decimal::ZERO {
            // before < 0 <= cum, so amount = cum - before > 0 and the fraction is in (0, 1].
            let fraction = (-before).checked_div(*amount).unwrap_or(Decimal::ONE);
            found = Some((Decimal::from(t) + fraction, t));
        }
    }
    match found {
        Some((years, year)) => Payback::After {
            years,
            year,
            falls_back_in: None,
        },
        None if !ever_negative => Payback::Immediate,
        None => Payback::NotWithinHorizon { shortfall: -cum },
    }
}

/// Payback in whole months, rounded to the nearest month (3.6 years is 43 months).
#[must_use]
pub fn months(years: Decimal) -> u32 {
    let months = (years * Decimal::from(12))
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    u32::try_from(months.mantissa()).unwrap_or(u32::MAX)
}
