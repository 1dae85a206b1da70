//! Partners and how a line's money is shared among them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A partner organisation, such as a district council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Unique within the case; lines and bases refer to partners by this name.
    pub name: String,
}

/// A named set of weights, defined once and used by many lines (population, budget...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharingBasis {
    /// Unique within the case.
    pub name: String,
    /// Weight per partner name, in any unit (people, pounds, transactions). A partner not
    /// listed has a weight of zero. Normalised to shares that sum to exactly 1.
    #[serde(deserialize_with = "super::decimal_text::keyed")]
    pub weights: BTreeMap<String, Decimal>,
    /// Where the weights come from ("ONS mid-2024 estimates").
    #[serde(default)]
    pub source: String,
}

/// How a line is shared among the partners.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Sharing {
    /// Equal shares for every partner.
    #[default]
    Equal,
    /// All of it to one partner, named.
    Partner(String),
    /// By a named sharing basis of the case.
    Basis(String),
}

impl std::fmt::Display for Sharing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Equal => f.write_str("equal shares"),
            Self::Partner(name) => write!(f, "all to {name}"),
            Self::Basis(name) => write!(f, "by {name}"),
        }
    }
}
