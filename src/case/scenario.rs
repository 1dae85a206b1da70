//! Scenarios: named "what if" sets applied to every option at once (Central, Prudent,
//! Stretch), so a committee sees each option under each. The case as entered is the central
//! scenario; the ones here are its variations.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The central scenario's name when the case does not give one.
pub const DEFAULT_CENTRAL: &str = "Central";

/// A scenario: what it changes from the case as entered. Anything not set is as entered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Unique within the case, the central scenario's name included, ignoring case.
    pub name: String,
    /// What the scenario stands for ("savings 10% lower and six months late").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Added to every cost on top of each option's own uplift, as a fraction.
    #[serde(
        default,
        skip_serializing_if = "Decimal::is_zero",
        deserialize_with = "super::decimal_text::one"
    )]
    pub cost_uplift: Decimal,
    /// Taken off every benefit on top of each option's own shortfall, as a fraction.
    #[serde(
        default,
        skip_serializing_if = "Decimal::is_zero",
        deserialize_with = "super::decimal_text::one"
    )]
    pub benefit_shortfall: Decimal,
    /// Added to each option's own benefit delay, in whole months.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub benefit_delay_months: u32,
    /// General inflation in this scenario, replacing the case's; `None` keeps it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::decimal_text::option"
    )]
    pub inflation: Option<Decimal>,
    /// Changes by category, as fractions added to the amounts of every line in it (`Staff`:
    /// -0.2 puts staff lines at 80%).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::decimal_text::keyed_decimals"
    )]
    pub categories: BTreeMap<String, Decimal>,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

impl Scenario {
    /// The scenario a new case offers: costs 10% higher, savings 10% lower, six months late.
    #[must_use]
    pub fn prudent() -> Self {
        Self {
            name: "Prudent".into(),
            description: "Costs 10% higher, savings 10% lower and six months late".into(),
            cost_uplift: Decimal::new(1, 1),
            benefit_shortfall: Decimal::new(1, 1),
            benefit_delay_months: 6,
            ..Self::default()
        }
    }

    /// The change for category `category` (matched ignoring case and surrounding spaces), if
    /// the scenario has one.
    #[must_use]
    pub fn category_change(&self, category: &str) -> Option<Decimal> {
        let wanted = category.trim();
        self.categories
            .iter()
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(wanted))
            .map(|(_, change)| *change)
    }
}
