//! The case file: what a finance officer writes down about a proposed shared service.
//!
//! These are plain serde types, saved as JSON with money and rates as decimal strings so that
//! nothing is lost to floating point. This layer knows nothing of the engine or of any view;
//! [`validate`] says whether a case can be computed, and lists every problem it finds.

mod amounts;
mod decimal_text;
mod edit;
pub mod example;
mod file;
mod funding;
mod line;
mod optimism;
mod option;
mod partner;
mod prices;
mod risk;
mod scenario;
pub mod validate;

pub use amounts::Amounts;
pub use file::{
    CURRENT_SCHEMA_VERSION, LoadError, from_bytes, from_json, load, save, to_json, write_atomic,
};
pub use funding::{DEFAULT_ASSET_LIFE, Funding, MAX_ASSET_LIFE, Mrp};
pub use line::{Line, LineKind, STANDARD_CATEGORIES};
pub use optimism::{
    BelowLowerBound, BiasFigures, Bounds, InvestmentType, OptimismBias, RunningCostType,
};
pub use option::{Adjustments, CaseOption, MAX_BENEFIT_DELAY_MONTHS, Overlay};
pub use partner::{Partner, Sharing, SharingBasis, Weight};
pub use risk::{DelayRange, Distribution, Range, RangeUnit, RiskSettings};
pub use scenario::{DEFAULT_CENTRAL, Scenario};
pub use validate::{Problem, validate};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The shortest horizon a case may have, in years.
pub const MIN_HORIZON: u8 = 3;
/// The longest horizon a case may have, in years.
pub const MAX_HORIZON: u8 = 10;

/// A whole business case: the settings every option shares, the partners, and the options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The file format version; see [`CURRENT_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Shown on every chart, table and export.
    pub title: String,
    /// What is proposed, in a sentence or two.
    #[serde(default)]
    pub description: String,
    /// The calendar year in which year 0 starts: 2026 means year 0 is 2026/27.
    pub first_year: i32,
    /// Number of financial years appraised, 3 to 10.
    pub horizon: u8,
    /// The real discount rate as a fraction (0.035 is the Green Book's 3.5%).
    #[serde(
        default = "default_discount_rate",
        deserialize_with = "decimal_text::one"
    )]
    pub discount_rate: Decimal,
    /// General inflation (GDP deflator) as a fraction; lines are indexed at it unless they say
    /// otherwise, and real terms are taken out of cash with it.
    #[serde(default = "default_inflation", deserialize_with = "decimal_text::one")]
    pub inflation: Decimal,
    /// The rate borrowing costs, as a fraction: an assumption to state (5% unless set).
    #[serde(
        default = "default_borrowing_rate",
        deserialize_with = "decimal_text::one"
    )]
    pub borrowing_rate: Decimal,
    /// General inflation in the scenario being computed, when it replaces `inflation`: set by
    /// the engine for one computation, never saved.
    #[serde(skip)]
    pub scenario_inflation: Option<Decimal>,
    /// The prices the amounts are in, for every line that does not say otherwise.
    #[serde(default)]
    pub prices: PriceBasis,
    /// The option the others are measured against (business as usual or do-minimum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// The organisations that share costs and savings.
    pub partners: Vec<Partner>,
    /// Named weights (population, budget...) that lines refer to when they are shared.
    #[serde(default)]
    pub bases: Vec<SharingBasis>,
    /// The options being compared; the first is usually the do-minimum.
    pub options: Vec<CaseOption>,
    /// The name of the case as entered, the first scenario.
    #[serde(
        default = "default_central",
        skip_serializing_if = "is_default_central"
    )]
    pub central_scenario: String,
    /// Variations of the case as entered, applied to every option (Prudent, Stretch...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Settings of the sensitivity and risk analysis.
    #[serde(default, skip_serializing_if = "RiskSettings::is_default")]
    pub risk: RiskSettings,
    /// The option the paper recommends, by name; `None` when none is chosen yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_option: Option<String>,
    /// What the paper asks the committee to decide, in the officer's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
    /// Who wrote the case (name and role), for the paper's audit trail.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Draft until signed off.
    #[serde(default)]
    pub status: DocumentStatus,
    /// The committee paper's or the case's reference, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// Where the paper is: a draft, or final (signed off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Still being written or checked.
    #[default]
    Draft,
    /// Signed off for the committee.
    Final,
}

impl DocumentStatus {
    /// Both, for menus.
    pub const ALL: [Self; 2] = [Self::Draft, Self::Final];

    /// "Draft" or "Final".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Final => "Final",
        }
    }
}

/// The prices an amount is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PriceBasis {
    /// Year-0 price levels: indexation turns the amount into cash.
    #[default]
    #[serde(rename = "year0")]
    Year0,
    /// Cash: the sum actually paid or saved in the year it falls, as councils publish.
    #[serde(rename = "cash")]
    Cash,
}

impl PriceBasis {
    /// Both bases, the default first.
    pub const ALL: [Self; 2] = [Self::Year0, Self::Cash];

    /// The name a finance officer would use.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Year0 => "year-0 prices",
            Self::Cash => "cash prices",
        }
    }

    /// The word written in the case file and taken by `--prices`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Year0 => "year0",
            Self::Cash => "cash",
        }
    }

    /// Reads `year0` or `cash` (as the case file and `--prices` write them).
    #[must_use]
    pub fn from_key(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "year0" | "year-0" | "real" => Some(Self::Year0),
            "cash" | "nominal" => Some(Self::Cash),
            _ => None,
        }
    }
}

impl std::fmt::Display for PriceBasis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The borrowing rate assumed unless the case sets one: 5%.
#[must_use]
pub fn default_borrowing_rate() -> Decimal {
    Decimal::new(5, 2)
}

fn default_central() -> String {
    DEFAULT_CENTRAL.to_owned()
}

fn is_default_central(name: &String) -> bool {
    name == DEFAULT_CENTRAL
}

/// The Green Book's Social Time Preference Rate for years 0 to 30: 3.5%.
#[must_use]
pub fn default_discount_rate() -> Decimal {
    Decimal::new(35, 3)
}

/// The default general inflation assumption: 2.0%.
#[must_use]
pub fn default_inflation() -> Decimal {
    Decimal::new(20, 3)
}

impl Case {
    /// The option called `name`, as typed on a command line: the exact name first, then
    /// ignoring case and surrounding spaces, so `--option "full shared service"` finds it.
    #[must_use]
    pub fn option_named(&self, name: &str) -> Option<usize> {
        self.options
            .iter()
            .position(|o| o.name == name)
            .or_else(|| {
                self.options
                    .iter()
                    .position(|o| o.name.eq_ignore_ascii_case(name.trim()))
            })
    }

    /// The index of the preferred option, when it names one.
    #[must_use]
    pub fn preferred_index(&self) -> Option<usize> {
        let name = self.preferred_option.as_deref()?;
        self.options.iter().position(|o| o.name == name)
    }

    /// The label of financial year `index` of this case, such as `2026/27`.
    #[must_use]
    pub fn year_label(&self, index: usize) -> String {
        financial_year_label(self.first_year, index)
    }

    /// Looks a partner up by name.
    #[must_use]
    pub fn partner_index(&self, name: &str) -> Option<usize> {
        self.partners.iter().position(|p| p.name == name)
    }

    /// The option named as the baseline, when it is one of the case's options.
    #[must_use]
    pub fn baseline_index(&self) -> Option<usize> {
        let name = self.baseline.as_deref()?;
        self.options.iter().position(|o| o.name == name)
    }

    /// The prices line `line` is in: its own, or the case's.
    #[must_use]
    pub fn line_prices(&self, line: &Line) -> PriceBasis {
        line.prices.unwrap_or(self.prices)
    }

    /// General inflation as computed: the scenario's, where it sets one, else the case's.
    #[must_use]
    pub fn general_inflation(&self) -> Decimal {
        self.scenario_inflation.unwrap_or(self.inflation)
    }

    /// Every scenario's name, the central one first.
    #[must_use]
    pub fn scenario_names(&self) -> Vec<String> {
        std::iter::once(self.central_scenario.clone())
            .chain(self.scenarios.iter().map(|s| s.name.clone()))
            .collect()
    }

    /// The scenario called `name` (ignoring case and surrounding spaces): `Some(None)` for the
    /// central one, `Some(Some(i))` for `scenarios[i]`, `None` when there is no such scenario.
    #[must_use]
    pub fn scenario_named(&self, name: &str) -> Option<Option<usize>> {
        let wanted = name.trim();
        if self.central_scenario.trim().eq_ignore_ascii_case(wanted) {
            return Some(None);
        }
        self.scenarios
            .iter()
            .position(|s| s.name.trim().eq_ignore_ascii_case(wanted))
            .map(Some)
    }

    /// Looks a sharing basis up by name.
    #[must_use]
    pub fn basis(&self, name: &str) -> Option<&SharingBasis> {
        self.bases.iter().find(|b| b.name == name)
    }
}

/// The label of the financial year that starts in April of `first_year + index`: `2026/27`.
#[must_use]
pub fn financial_year_label(first_year: i32, index: usize) -> String {
    let start = i64::from(first_year) + i64::try_from(index).unwrap_or(i64::MAX / 2);
    format!("{start}/{:02}", (start + 1).rem_euclid(100))
}
