//! Optimism bias as HM Treasury's supplementary Green Book guidance gives it: bounds by
//! project type, an upper bound lowered as risks are mitigated, never (without a warning)
//! below the lower bound.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The project type of an option's one-off investment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestmentType {
    /// Standard buildings.
    StandardBuildings,
    /// Non-standard buildings.
    NonStandardBuildings,
    /// Standard civil engineering.
    StandardCivilEngineering,
    /// Non-standard civil engineering.
    NonStandardCivilEngineering,
    /// Equipment and development: systems, migration, most of a shared service's investment.
    EquipmentDevelopment,
}

/// The project type of an option's running costs: only outsourcing has a Green Book figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunningCostType {
    /// Moving running costs to a provider.
    Outsourcing,
}

/// Upper and lower bounds of one figure, as fractions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Where the guidance starts.
    pub upper: Decimal,
    /// Where, with evidence of mitigation, it may fall to by contract award.
    pub lower: Decimal,
}

const fn pct(value: u32) -> Decimal {
    Decimal::from_parts(value, 0, 0, false, 2)
}

const fn bounds(upper: u32, lower: u32) -> Bounds {
    Bounds {
        upper: pct(upper),
        lower: pct(lower),
    }
}

impl InvestmentType {
    /// Every type, in the guidance's order.
    pub const ALL: [Self; 5] = [
        Self::StandardBuildings,
        Self::NonStandardBuildings,
        Self::StandardCivilEngineering,
        Self::NonStandardCivilEngineering,
        Self::EquipmentDevelopment,
    ];

    /// The name the guidance uses.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::StandardBuildings => "Standard buildings",
            Self::NonStandardBuildings => "Non-standard buildings",
            Self::StandardCivilEngineering => "Standard civil engineering",
            Self::NonStandardCivilEngineering => "Non-standard civil engineering",
            Self::EquipmentDevelopment => "Equipment and development",
        }
    }

    /// The key written in the case file.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::StandardBuildings => "standard_buildings",
            Self::NonStandardBuildings => "non_standard_buildings",
            Self::StandardCivilEngineering => "standard_civil_engineering",
            Self::NonStandardCivilEngineering => "non_standard_civil_engineering",
            Self::EquipmentDevelopment => "equipment_development",
        }
    }

    /// Works duration bounds (upper, lower).
    #[must_use]
    pub fn duration(self) -> Bounds {
        match self {
            Self::StandardBuildings => bounds(4, 1),
            Self::NonStandardBuildings => bounds(39, 2),
            Self::StandardCivilEngineering => bounds(20, 1),
            Self::NonStandardCivilEngineering => bounds(25, 3),
            Self::EquipmentDevelopment => bounds(54, 10),
        }
    }

    /// Capital expenditure bounds (upper, lower).
    #[must_use]
    pub fn capital(self) -> Bounds {
        match self {
            Self::StandardBuildings => bounds(24, 2),
            Self::NonStandardBuildings => bounds(51, 4),
            Self::StandardCivilEngineering => bounds(44, 3),
            Self::NonStandardCivilEngineering => bounds(66, 6),
            Self::EquipmentDevelopment => bounds(200, 10),
        }
    }
}

impl RunningCostType {
    /// The name the guidance uses.
    #[must_use]
    pub fn label(self) -> &'static str {
        "Outsourcing"
    }

    /// The key written in the case file.
    #[must_use]
    pub fn key(self) -> &'static str {
        "outsourcing"
    }

    /// Operating cost bounds (upper, lower): 41% and 0.
    #[must_use]
    pub fn operating(self) -> Bounds {
        bounds(41, 0)
    }
}

/// An option's optimism-bias assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptimismBias {
    /// The project type of the one-off investment.
    pub investment_type: InvestmentType,
    /// The project type of the running costs, if any (outsourcing only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_cost_type: Option<RunningCostType>,
    /// The share of the risk mitigated, 0 to 1: each figure is its upper bound times (1 - this).
    #[serde(default, deserialize_with = "super::decimal_text::one")]
    pub mitigated: Decimal,
    /// Why the risk is taken as mitigated (the evidence the guidance asks for).
    #[serde(default)]
    pub reason: String,
    /// The implementation period, in months, that the duration figure lengthens.
    #[serde(default)]
    pub implementation_months: u32,
}

/// The figures an assessment gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BiasFigures {
    /// Uplift on one-off investment lines.
    pub investment_uplift: Decimal,
    /// Uplift on recurring cost lines (zero without a running-cost type).
    pub running_cost_uplift: Decimal,
    /// Duration figure: the implementation period lengthens by this fraction (zero for none).
    pub duration: Decimal,
    /// Months added to every benefit's delay: implementation months x duration, rounded to a
    /// whole month half away from zero.
    pub extra_delay_months: u32,
}

/// A figure of an assessment that falls below its lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BelowLowerBound {
    /// The investment uplift.
    Investment {
        /// The figure.
        value: Decimal,
        /// Its lower bound.
        lower: Decimal,
    },
    /// The duration figure.
    Duration {
        /// The figure.
        value: Decimal,
        /// Its lower bound.
        lower: Decimal,
    },
    /// The running-cost uplift.
    RunningCost {
        /// The figure.
        value: Decimal,
        /// Its lower bound.
        lower: Decimal,
    },
}

impl OptimismBias {
    /// A new assessment at the upper bounds: equipment and development, nothing mitigated.
    #[must_use]
    pub fn new() -> Self {
        Self {
            investment_type: InvestmentType::EquipmentDevelopment,
            running_cost_type: None,
            mitigated: Decimal::ZERO,
            reason: String::new(),
            implementation_months: 0,
        }
    }

    /// The uplifts and delay this assessment gives.
    #[must_use]
    pub fn figures(&self) -> BiasFigures {
        let keep = Decimal::ONE - self.mitigated;
        let duration = self.investment_type.duration().upper * keep;
        let months = (Decimal::from(self.implementation_months) * duration)
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        BiasFigures {
            investment_uplift: self.investment_type.capital().upper * keep,
            running_cost_uplift: self
                .running_cost_type
                .map_or(Decimal::ZERO, |t| t.operating().upper * keep),
            duration,
            extra_delay_months: rust_decimal::prelude::ToPrimitive::to_u32(&months)
                .unwrap_or(u32::MAX),
        }
    }

    /// The figures below their lower bounds, each with its bound.
    #[must_use]
    pub fn below_lower_bounds(&self) -> Vec<BelowLowerBound> {
        let f = self.figures();
        let mut out = Vec::new();
        let capital = self.investment_type.capital();
        if f.investment_uplift < capital.lower {
            out.push(BelowLowerBound::Investment {
                value: f.investment_uplift,
                lower: capital.lower,
            });
        }
        let duration = self.investment_type.duration();
        if f.duration < duration.lower {
            out.push(BelowLowerBound::Duration {
                value: f.duration,
                lower: duration.lower,
            });
        }
        if let Some(t) = self.running_cost_type {
            let operating = t.operating();
            if f.running_cost_uplift < operating.lower {
                out.push(BelowLowerBound::RunningCost {
                    value: f.running_cost_uplift,
                    lower: operating.lower,
                });
            }
        }
        out
    }
}

impl Default for OptimismBias {
    fn default() -> Self {
        Self::new()
    }
}
