//! A line of an option: one cost, saving or income, as a finance officer would list it.

use super::{Amounts, Sharing};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Categories offered by default; a line may use any category of the user's own.
pub const STANDARD_CATEGORIES: &[&str] = &[
    "Staff",
    "ICT",
    "Accommodation",
    "Redundancy and pension strain",
    "Double running",
    "Programme team",
    "Contingency",
    "Contracts",
    "Income",
    "Other",
];

/// What a line is, which gives the direction of its money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// One-off capital spend (systems, equipment).
    CapitalInvestment,
    /// One-off revenue spend (redundancy, double running, programme team).
    RevenueInvestment,
    /// A cost that continues year after year.
    RecurringCost,
    /// A saving against current budgets.
    Saving,
    /// New income.
    Income,
}

impl LineKind {
    /// Every kind, in the order tables list them.
    pub const ALL: [Self; 5] = [
        Self::CapitalInvestment,
        Self::RevenueInvestment,
        Self::RecurringCost,
        Self::Saving,
        Self::Income,
    ];

    /// Savings and income are benefits; everything else is a cost.
    #[must_use]
    pub fn is_benefit(self) -> bool {
        matches!(self, Self::Saving | Self::Income)
    }

    /// Capital and revenue investment: the one-off money the case asks for.
    #[must_use]
    pub fn is_investment(self) -> bool {
        matches!(self, Self::CapitalInvestment | Self::RevenueInvestment)
    }

    /// The name a finance officer would use.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::CapitalInvestment => "Capital investment",
            Self::RevenueInvestment => "Revenue investment",
            Self::RecurringCost => "Recurring cost",
            Self::Saving => "Saving",
            Self::Income => "Income",
        }
    }
}

impl std::fmt::Display for LineKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One line of an option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// What the money is for ("Revenues and benefits staff").
    pub name: String,
    /// Gives the direction of the money.
    pub kind: LineKind,
    /// Groups lines in charts and tables ("Staff", "ICT", or the user's own).
    #[serde(default)]
    pub category: String,
    /// When and how much, as a positive amount, in the line's prices.
    pub amounts: Amounts,
    /// The prices the amounts are in; `None` follows the case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<super::PriceBasis>,
    /// Indexation rate as a fraction; `None` follows the case's general inflation. A line in
    /// cash prices has none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::decimal_text::option"
    )]
    pub indexation: Option<Decimal>,
    /// How a one-off investment line is paid for; `None` takes the default for its kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<super::Funding>,
    /// The asset's life in years, over which borrowing is repaid (default 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_life_years: Option<u32>,
    /// How borrowing is repaid (default equal instalments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mrp: Option<super::Mrp>,
    /// How the line is shared among the partners.
    #[serde(default)]
    pub sharing: Sharing,
    /// Where the figure comes from ("2025/26 budget book", "supplier quote").
    #[serde(default)]
    pub source: String,
    /// How far the amounts may be from what is entered, for sensitivity and risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<super::Range>,
}
