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
}

impl Adjustments {
    /// True when the adjustments change nothing.
    #[must_use]
    pub fn is_neutral(&self) -> bool {
        self.cost_uplift.is_zero()
            && self.benefit_shortfall.is_zero()
            && self.benefit_delay_months == 0
    }
}
