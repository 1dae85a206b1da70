//! An option: one way of delivering the service, with its own lines and adjustments.

use super::Line;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The longest benefit delay an option may carry, in months.
pub const MAX_BENEFIT_DELAY_MONTHS: u32 = 36;

/// One option of the case ("Do minimum", "Full shared service").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseOption {
    /// Unique within the case.
    pub name: String,
    /// What the option involves.
    #[serde(default)]
    pub description: String,
    /// Optimism bias and what-if adjustments applied to every line of the option.
    #[serde(default)]
    pub adjustments: Adjustments,
    /// The costs, savings and income of the option.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The Green Book optimism-bias assessment of the option, if made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optimism_bias: Option<super::OptimismBias>,
    /// How late the benefits may come, for risk analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_range: Option<super::DelayRange>,
}

impl CaseOption {
    /// True when the option gives Monte Carlo anything to draw: a line with a range, or a
    /// benefit delay range.
    #[must_use]
    pub fn has_ranges(&self) -> bool {
        self.delay_range.is_some() || self.lines.iter().any(|l| l.range.is_some())
    }
}

/// Adjustments for optimism bias and what-if, applied on top of the lines as entered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjustments {
    /// Added to every cost, as a fraction (0.15 adds 15%).
    #[serde(default, deserialize_with = "super::decimal_text::one")]
    pub cost_uplift: Decimal,
    /// Taken off every benefit, as a fraction (0.10 takes 10% off).
    #[serde(default, deserialize_with = "super::decimal_text::one")]
    pub benefit_shortfall: Decimal,
    /// Every benefit arrives this many whole months later, 0 to 36.
    #[serde(default)]
    pub benefit_delay_months: u32,
    /// What the chosen scenario and the optimism-bias assessment add on top: worked out by
    /// the engine for one computation, never saved, never entered.
    #[serde(skip)]
    pub overlay: Overlay,
}

/// A scenario's and optimism bias's effect on an option, on top of its own adjustments. The
/// multipliers compose with the option's (costs x (1 + its uplift) x the factors here), and
/// the delay adds to its delay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlay {
    /// On every cost line: 1 + the scenario's cost uplift.
    pub cost_factor: Decimal,
    /// On one-off investment lines: 1 + the optimism-bias investment uplift.
    pub investment_factor: Decimal,
    /// On recurring cost lines: 1 + the optimism-bias running-cost uplift.
    pub running_cost_factor: Decimal,
    /// On every benefit line: 1 - the scenario's benefit shortfall.
    pub benefit_factor: Decimal,
    /// Months added to the option's benefit delay: the scenario's and optimism bias's.
    pub delay_months: u32,
    /// Factors by category (1 + the scenario's change), matched ignoring case and spaces.
    pub categories: Vec<(String, Decimal)>,
}

impl Default for Overlay {
    fn default() -> Self {
        Self {
            cost_factor: Decimal::ONE,
            investment_factor: Decimal::ONE,
            running_cost_factor: Decimal::ONE,
            benefit_factor: Decimal::ONE,
            delay_months: 0,
            categories: Vec::new(),
        }
    }
}

impl Overlay {
    /// The factor for a line of category `category`: 1 unless the scenario changes it.
    #[must_use]
    pub fn category_factor(&self, category: &str) -> Decimal {
        let wanted = category.trim();
        self.categories
            .iter()
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(wanted))
            .map_or(Decimal::ONE, |(_, f)| *f)
    }

    /// True when it changes nothing.
    #[must_use]
    pub fn is_neutral(&self) -> bool {
        *self == Self::default()
    }
}

impl Adjustments {
    /// True when the adjustments change nothing.
    #[must_use]
    pub fn is_neutral(&self) -> bool {
        self.cost_uplift.is_zero()
            && self.benefit_shortfall.is_zero()
            && self.benefit_delay_months == 0
            && self.overlay.is_neutral()
    }
}
