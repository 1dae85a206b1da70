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

impl super::Case {
    /// Renames scenario `index` (`None`: the central one, the case as entered).
    ///
    /// # Errors
    /// When another scenario has the name, ignoring case.
    pub fn rename_scenario(&mut self, index: Option<usize>, name: &str) -> Result<(), String> {
        let wanted = name.trim();
        if wanted.is_empty() {
            return Err("give the scenario a name".into());
        }
        let clash = std::iter::once((None, self.central_scenario.as_str()))
            .chain(
                self.scenarios
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (Some(i), s.name.as_str())),
            )
            .find(|(i, other)| *i != index && other.trim().eq_ignore_ascii_case(wanted));
        if let Some((_, other)) = clash {
            return Err(format!(
                "another scenario is already called \"{other}\": choose a different name"
            ));
        }
        match index {
            None => self.central_scenario = wanted.to_owned(),
            Some(i) => {
                if let Some(s) = self.scenarios.get_mut(i) {
                    s.name = wanted.to_owned();
                }
            }
        }
        Ok(())
    }

    /// A name not yet used by a scenario: `stem`, or `stem 2`, `stem 3`...
    #[must_use]
    pub fn unused_scenario_name(&self, stem: &str) -> String {
        let taken = |name: &str| {
            self.scenario_names()
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(name))
        };
        if !taken(stem) {
            return stem.to_owned();
        }
        (2..)
            .map(|n| format!("{stem} {n}"))
            .find(|name| !taken(name))
            .unwrap_or_else(|| stem.to_owned())
    }

    /// Adds a scenario: the Prudent one when the case has none of that name, else one that
    /// changes nothing yet.
    pub fn add_scenario(&mut self) {
        let prudent = Scenario::prudent();
        let scenario = if self.scenario_named(&prudent.name).is_none() {
            prudent
        } else {
            Scenario {
                name: self.unused_scenario_name("Scenario"),
                ..Scenario::default()
            }
        };
        self.scenarios.push(scenario);
    }

    /// Copies scenario `index` under a new name, after it.
    pub fn duplicate_scenario(&mut self, index: usize) {
        let Some(original) = self.scenarios.get(index) else {
            return;
        };
        let mut copy = original.clone();
        copy.name = self.unused_scenario_name(&format!("{} copy", original.name.trim()));
        self.scenarios.insert(index + 1, copy);
    }

    /// Removes scenario `index`.
    pub fn remove_scenario(&mut self, index: usize) {
        if index < self.scenarios.len() {
            self.scenarios.remove(index);
        }
    }
}
