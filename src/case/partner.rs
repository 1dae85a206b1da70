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
    /// Savings the partner still has to find, by year of the horizon (its medium-term
    /// financial strategy's gap); empty when not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::decimal_text::list"
    )]
    pub budget_gap: Vec<Decimal>,
}

/// A named set of weights, defined once and used by many lines (population, budget...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharingBasis {
    /// Unique within the case.
    pub name: String,
    /// Weight per partner name, in any unit (people, pounds, transactions): one figure for
    /// every year, or one per year of the horizon (a partner joining in year 2, a split
    /// re-based each year). A partner not listed has a weight of zero. Normalised, year by
    /// year, to shares that sum to exactly 1.
    #[serde(deserialize_with = "super::decimal_text::keyed")]
    pub weights: BTreeMap<String, Weight>,
    /// Where the weights come from ("ONS mid-2024 estimates").
    #[serde(default)]
    pub source: String,
}

/// A partner's weight in a sharing basis: the same every year, or one figure per year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Weight {
    /// One figure for every year (written as a decimal string).
    Same(Decimal),
    /// One figure per year of the horizon, year 0 first (written as a list).
    ByYear(Vec<Decimal>),
}

impl Default for Weight {
    fn default() -> Self {
        Self::Same(Decimal::ZERO)
    }
}

impl From<Decimal> for Weight {
    fn from(value: Decimal) -> Self {
        Self::Same(value)
    }
}

impl Weight {
    /// The weight in year `year` (zero past the end of a list, which validation refuses).
    #[must_use]
    pub fn in_year(&self, year: usize) -> Decimal {
        match self {
            Self::Same(value) => *value,
            Self::ByYear(values) => values.get(year).copied().unwrap_or_default(),
        }
    }

    /// True when the weight is one figure for every year.
    #[must_use]
    pub fn is_same(&self) -> bool {
        match self {
            Self::Same(_) => true,
            Self::ByYear(values) => values.windows(2).all(|w| w[0] == w[1]),
        }
    }

    /// Every figure the weight holds.
    #[must_use]
    pub fn values(&self) -> &[Decimal] {
        match self {
            Self::Same(value) => std::slice::from_ref(value),
            Self::ByYear(values) => values,
        }
    }
}

impl Serialize for Weight {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Same(value) => Serialize::serialize(value, s),
            Self::ByYear(values) => Serialize::serialize(values, s),
        }
    }
}

impl SharingBasis {
    /// The weight of partner `partner` in year `year` (zero when not listed).
    #[must_use]
    pub fn weight(&self, partner: &str, year: usize) -> Decimal {
        self.weights
            .get(partner)
            .map(|w| w.in_year(year))
            .unwrap_or_default()
    }

    /// True when some weight differs from one year to another.
    #[must_use]
    pub fn varies_by_year(&self) -> bool {
        self.weights.values().any(|w| !w.is_same())
    }
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
