//! How one-off investment is paid for, for the budget view: the appraisal counts capital when
//! it is spent, a council's budget counts what it costs the revenue budget each year.

use serde::{Deserialize, Serialize};

/// Where a one-off investment line's money comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Funding {
    /// Met from the year's revenue budget.
    RevenueBudget,
    /// Drawn from reserves (the default for revenue investment).
    Reserves,
    /// Capital receipts (for revenue spend, only under the flexible-use direction).
    CapitalReceipts,
    /// A grant.
    Grant,
    /// Borrowing, repaid through minimum revenue provision (capital only; the default for
    /// capital investment).
    Borrowing,
}

impl Funding {
    /// Every source, in the order menus list them.
    pub const ALL: [Self; 5] = [
        Self::Borrowing,
        Self::Reserves,
        Self::RevenueBudget,
        Self::CapitalReceipts,
        Self::Grant,
    ];

    /// The name a finance officer would use.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::RevenueBudget => "Revenue budget",
            Self::Reserves => "Reserves",
            Self::CapitalReceipts => "Capital receipts",
            Self::Grant => "Grant",
            Self::Borrowing => "Borrowing",
        }
    }
}

/// How borrowing is repaid: the minimum revenue provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mrp {
    /// The same MRP every year of the asset's life.
    #[default]
    Equal,
    /// MRP and interest together the same every year (an annuity).
    Annuity,
}

impl Mrp {
    /// Both methods.
    pub const ALL: [Self; 2] = [Self::Equal, Self::Annuity];

    /// The name a finance officer would use.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Equal => "Equal instalments",
            Self::Annuity => "Annuity",
        }
    }
}

/// The asset life borrowing is repaid over when a line does not say: 5 years, as for ICT.
pub const DEFAULT_ASSET_LIFE: u32 = 5;
/// The longest asset life accepted.
pub const MAX_ASSET_LIFE: u32 = 50;

impl super::Line {
    /// The line's funding: its own, or the default for its kind (capital borrowed, revenue
    /// investment from reserves); `None` for lines that are not one-off investment.
    #[must_use]
    pub fn funding_source(&self) -> Option<Funding> {
        match self.kind {
            super::LineKind::CapitalInvestment => Some(self.funding.unwrap_or(Funding::Borrowing)),
            super::LineKind::RevenueInvestment => Some(self.funding.unwrap_or(Funding::Reserves)),
            _ => None,
        }
    }
}
