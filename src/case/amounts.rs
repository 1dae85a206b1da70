//! When a line's money falls and how much, in year-0 prices.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The amounts of a line, in the three ways business cases are written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Amounts {
    /// A single amount, in one year or phased over consecutive years.
    OneOff {
        /// The whole amount.
        #[serde(deserialize_with = "super::decimal_text::one")]
        amount: Decimal,
        /// The year in which it falls, or in which the phasing starts.
        year: u32,
        /// Fractions for consecutive years from `year`, adding up to exactly 1; empty means
        /// all in `year`.
        #[serde(
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "super::decimal_text::list"
        )]
        phasing: Vec<Decimal>,
    },
    /// An annual amount from one year to another, optionally ramping up at the start.
    Recurring {
        /// The full annual amount.
        #[serde(deserialize_with = "super::decimal_text::one")]
        annual: Decimal,
        /// The first year in which it falls.
        from_year: u32,
        /// The last year in which it falls; `None` runs to the end of the horizon.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_year: Option<u32>,
        /// Fractions of the annual amount for the first years (0.25, 0.75 means 25%, then
        /// 75%, then 100% from the third year).
        #[serde(
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "super::decimal_text::list"
        )]
        ramp_up: Vec<Decimal>,
    },
    /// One amount per year, year 0 first; missing years are zero.
    ByYear(#[serde(deserialize_with = "super::decimal_text::list")] Vec<Decimal>),
}

impl Amounts {
    /// The amount in each of `years` years, in year-0 prices, before any adjustment.
    /// Amounts falling after the horizon are left out (validation warns of them). Products
    /// beyond exact decimal range (only in a line validation refuses) saturate, not panic.
    #[must_use]
    pub fn by_year(&self, years: usize) -> Vec<Decimal> {
        let mut out = vec![Decimal::ZERO; years];
        match self {
            Self::OneOff {
                amount,
                year,
                phasing,
            } => {
                let start = *year as usize;
                if phasing.is_empty() {
                    if let Some(slot) = out.get_mut(start) {
                        *slot = *amount;
                    }
                } else {
                    for (slot, fraction) in out.iter_mut().skip(start).zip(phasing) {
                        // Saturating: the app shows lines before validation refuses them.
                        *slot = amount.saturating_mul(*fraction);
                    }
                }
            }
            Self::Recurring {
                annual,
                from_year,
                to_year,
                ramp_up,
            } => {
                let from = *from_year as usize;
                let to = to_year.map_or(usize::MAX, |y| y as usize);
                for (t, slot) in out.iter_mut().enumerate() {
                    if t < from || t > to {
                        continue;
                    }
                    *slot = match ramp_up.get(t - from) {
                        Some(fraction) => annual.saturating_mul(*fraction),
                        None => *annual,
                    };
                }
            }
            Self::ByYear(values) => {
                for (slot, value) in out.iter_mut().zip(values) {
                    *slot = *value;
                }
            }
        }
        out
    }

    /// True when some of the money falls at or after year `horizon` and so is not counted.
    /// A recurring amount that simply runs on past the horizon is not reported: that is the
    /// normal way to write one.
    #[must_use]
    pub fn falls_beyond(&self, horizon: usize) -> bool {
        match self {
            Self::OneOff {
                amount,
                year,
                phasing,
            } => {
                let start = *year as usize;
                if amount.is_zero() {
                    false
                } else if phasing.is_empty() {
                    start >= horizon
                } else {
                    phasing
                        .iter()
                        .enumerate()
                        .any(|(k, f)| !f.is_zero() && start.saturating_add(k) >= horizon)
                }
            }
            Self::Recurring {
                annual, from_year, ..
            } => !annual.is_zero() && *from_year as usize >= horizon,
            Self::ByYear(values) => values.iter().skip(horizon).any(|v| !v.is_zero()),
        }
    }

    /// The figure a finance officer would quote for the line: the one-off amount, the annual
    /// amount, or the total of the yearly amounts (year-0 prices); saturating, as above.
    #[must_use]
    pub fn headline(&self) -> Decimal {
        match self {
            Self::OneOff { amount, .. } => *amount,
            Self::Recurring { annual, .. } => *annual,
            Self::ByYear(values) => values
                .iter()
                .fold(Decimal::ZERO, |sum, v| sum.saturating_add(*v)),
        }
    }

    /// The same pattern with every amount multiplied by `factor`.
    #[must_use]
    pub fn scaled(&self, factor: Decimal) -> Self {
        let mut out = self.clone();
        match &mut out {
            Self::OneOff { amount, .. } => *amount = amount.saturating_mul(factor),
            Self::Recurring { annual, .. } => *annual = annual.saturating_mul(factor),
            Self::ByYear(values) => values
                .iter_mut()
                .for_each(|v| *v = v.saturating_mul(factor)),
        }
        out
    }

    /// The name of the pattern, for tables and menus.
    #[must_use]
    pub fn pattern_name(&self) -> &'static str {
        match self {
            Self::OneOff { .. } => "One-off",
            Self::Recurring { .. } => "Recurring",
            Self::ByYear(_) => "By year",
        }
    }
}
