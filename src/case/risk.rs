//! How uncertain a line or an option is: the ranges Monte Carlo draws from, and the
//! settings of a risk run. Added in schema version 2; older files simply have none.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The shape of the uncertainty between low and high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// Straight lines from low up to most likely and down to high.
    #[default]
    Triangular,
    /// A smooth curve weighted towards most likely (mean (low + 4 x likely + high) / 6).
    Pert,
}

/// What a range's figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeUnit {
    /// Changes to the line's amounts, as fractions: -0.2 is 20% less.
    #[default]
    Percent,
    /// The line's headline amount in pounds (the one-off amount, the annual amount, or the
    /// total of the yearly amounts), in year-0 prices.
    Pounds,
}

/// How far a line's amounts may be from what is entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The low end.
    #[serde(deserialize_with = "super::decimal_text::one")]
    pub low: Decimal,
    /// The most likely value.
    #[serde(deserialize_with = "super::decimal_text::one")]
    pub most_likely: Decimal,
    /// The high end.
    #[serde(deserialize_with = "super::decimal_text::one")]
    pub high: Decimal,
    /// Percent changes or pounds.
    #[serde(default)]
    pub unit: RangeUnit,
    /// Triangular or PERT.
    #[serde(default)]
    pub distribution: Distribution,
}

/// How late the benefits of an option may come, in whole months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DelayRange {
    /// The shortest delay.
    pub low: u32,
    /// The most likely delay.
    pub most_likely: u32,
    /// The longest delay.
    pub high: u32,
    /// Triangular or PERT.
    #[serde(default)]
    pub distribution: Distribution,
}

/// Settings of the sensitivity and risk analysis, kept with the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskSettings {
    /// Monte Carlo trials.
    #[serde(default = "default_trials")]
    pub trials: u32,
    /// The seed: the same seed gives the same results.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// The year (index) by the end of which the committee wants the money back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_year: Option<u32>,
    /// The change the tornado applies to a line without a range of its own (0.2 is +/-20%).
    #[serde(
        default = "default_swing",
        deserialize_with = "super::decimal_text::one"
    )]
    pub tornado_swing: Decimal,
}

fn default_trials() -> u32 {
    10_000
}

fn default_seed() -> u64 {
    2026
}

fn default_swing() -> Decimal {
    Decimal::new(2, 1)
}

impl Default for RiskSettings {
    fn default() -> Self {
        Self {
            trials: default_trials(),
            seed: default_seed(),
            target_year: None,
            tornado_swing: default_swing(),
        }
    }
}

impl RiskSettings {
    /// True when nothing differs from the defaults (so it need not be written).
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
