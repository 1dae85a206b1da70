//! What the engine produces: every figure a view shows, unrounded.
//!
//! Views round for display only; totals here are sums of unrounded values, as the
//! conventions require. Nothing here is worded: years are indices into the case's years,
//! money is `Decimal`, and `crate::report` writes both for people.

use crate::case::LineKind;
use rust_decimal::Decimal;

/// Results for every option of a case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseResults {
    /// The scenario the figures are under ("Central" for the case as entered), when the case
    /// has scenarios; `None` when it has only the case as entered.
    pub scenario: Option<String>,
    /// Financial year labels, year 0 first (`2026/27`...).
    pub years: Vec<String>,
    /// Partner names, in the case's order.
    pub partners: Vec<String>,
    /// One entry per option, in the case's order.
    pub options: Vec<OptionResults>,
}

/// Results for one option.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionResults {
    /// The option's name.
    pub name: String,
    /// Each line's money after adjustments and indexation.
    pub lines: Vec<LineFlows>,
    /// Money by kind of line and category, for tables and stacked charts.
    pub by_category: Vec<CategoryFlows>,
    /// The option as a whole.
    pub figures: Figures,
    /// Each partner's share, in the case's partner order.
    pub partners: Vec<PartnerResults>,
    /// The option against the case's baseline, when the case names one and this is not it.
    pub incremental: Option<Incremental>,
}

/// An option's figures less its baseline's: what choosing it adds to business as usual.
#[derive(Debug, Clone, PartialEq)]
pub struct Incremental {
    /// The baseline's name ("Do minimum").
    pub against: String,
    /// The yearly table and measures of the difference, by the same rules.
    pub figures: Figures,
}

/// One line's money by year, after adjustments, in cash and in real terms.
#[derive(Debug, Clone, PartialEq)]
pub struct LineFlows {
    /// The line's name.
    pub name: String,
    /// Its kind.
    pub kind: LineKind,
    /// Its category.
    pub category: String,
    /// The prices the line's amounts are in.
    pub prices: crate::case::PriceBasis,
    /// The indexation rate applied (the line's own, or general inflation; zero for a line in
    /// cash prices, which is not indexed).
    pub indexation: Decimal,
    /// The amounts in the line's own prices after adjustments (delay, uplift, shortfall),
    /// before indexation.
    pub base: Vec<Decimal>,
    /// Cash (nominal): `base * (1 + i)^t`, or `base` for a line in cash prices.
    pub cash: Vec<Decimal>,
    /// Real terms (year-0 prices): `cash / (1 + g)^t`.
    pub real: Vec<Decimal>,
}

/// The money of one category of costs or of benefits, by year.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryFlows {
    /// The category's name.
    pub category: String,
    /// True for savings and income, false for costs.
    pub is_benefit: bool,
    /// Cash by year.
    pub cash: Vec<Decimal>,
    /// Real terms by year.
    pub real: Vec<Decimal>,
}

/// One partner's share of an option.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerResults {
    /// The partner's name.
    pub name: String,
    /// The partner's figures, by the same rules as the option's.
    pub figures: Figures,
    /// The partner's share of the option less its share of the baseline, when there is one.
    pub incremental: Option<Figures>,
}

/// The yearly table and the measures of one flow of money (an option or a partner's share).
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// One row per financial year.
    pub years: Vec<YearFigures>,
    /// Money by kind of line, by year: cash and real.
    pub by_kind: Vec<KindFlows>,
    /// NPV, IRR, payback and the rest.
    pub measures: Measures,
    /// Things a reader should know about these figures.
    pub warnings: Vec<Warning>,
}

/// Money of one kind of line, by year.
#[derive(Debug, Clone, PartialEq)]
pub struct KindFlows {
    /// The kind.
    pub kind: LineKind,
    /// Cash by year.
    pub cash: Vec<Decimal>,
    /// Real terms by year.
    pub real: Vec<Decimal>,
}

/// One row of the yearly table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFigures {
    /// Year index, 0 first.
    pub index: usize,
    /// Financial year label, `2026/27`.
    pub label: String,
    /// One-off investment (capital and revenue), cash.
    pub investment_cash: Decimal,
    /// All costs (investment and recurring), cash.
    pub costs_cash: Decimal,
    /// All benefits (savings and income), cash.
    pub benefits_cash: Decimal,
    /// Benefits less costs, cash.
    pub net_cash: Decimal,
    /// Cumulative net position at the end of the year, cash.
    pub cumulative_cash: Decimal,
    /// All costs, real terms.
    pub costs_real: Decimal,
    /// All benefits, real terms.
    pub benefits_real: Decimal,
    /// Benefits less costs, real terms.
    pub net_real: Decimal,
    /// `1 / (1 + r)^t`.
    pub discount_factor: Decimal,
    /// Real net times the discount factor.
    pub present_value: Decimal,
    /// Cumulative present value at the end of the year.
    pub cumulative_pv: Decimal,
}

/// The headline measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Measures {
    /// Net present value: the sum of present values (real terms, discounted).
    pub npv: Decimal,
    /// Internal rate of return of the real net flows.
    pub irr: Irr,
    /// Payback on the cumulative cash position.
    pub payback: Payback,
    /// Payback on the cumulative present value.
    pub discounted_payback: Payback,
    /// PV of benefits over PV of costs; `None` when there are no costs.
    pub bcr: Option<Decimal>,
    /// (Total benefits - total costs) / total costs, undiscounted cash; `None` with no costs.
    pub roi: Option<Decimal>,
    /// Undiscounted and present-value totals.
    pub totals: Totals,
}

/// Totals over the horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// One-off investment, cash.
    pub investment_cash: Decimal,
    /// All costs, cash.
    pub costs_cash: Decimal,
    /// All benefits, cash.
    pub benefits_cash: Decimal,
    /// Benefits less costs, cash.
    pub net_cash: Decimal,
    /// One-off investment, real terms undiscounted.
    pub investment_real: Decimal,
    /// All costs, real terms undiscounted.
    pub costs_real: Decimal,
    /// All benefits, real terms undiscounted.
    pub benefits_real: Decimal,
    /// Benefits less costs, real terms undiscounted.
    pub net_real: Decimal,
    /// One-off investment, present value.
    pub investment_pv: Decimal,
    /// All costs, present value.
    pub costs_pv: Decimal,
    /// All benefits, present value.
    pub benefits_pv: Decimal,
}

/// When the money comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payback {
    /// The position is never negative: payback is immediate (0 years).
    Immediate,
    /// The position, having been negative, reaches zero after `years` from the start of
    /// year 0, during year `year`.
    After {
        /// Years from the start of year 0, unrounded.
        years: Decimal,
        /// The index of the financial year in which it falls.
        year: usize,
        /// The first later year in which the position falls below zero again, if any.
        falls_back_in: Option<usize>,
    },
    /// Still negative at the end of the horizon, by `shortfall`.
    NotWithinHorizon {
        /// How far below zero the position ends (a positive amount).
        shortfall: Decimal,
    },
}

impl Payback {
    /// Years from the start of year 0, if it pays back within the horizon.
    #[must_use]
    pub fn years(&self) -> Option<Decimal> {
        match self {
            Self::Immediate => Some(Decimal::ZERO),
            Self::After { years, .. } => Some(*years),
            Self::NotWithinHorizon { .. } => None,
        }
    }

    /// The index of the financial year in which it pays back, if it does.
    #[must_use]
    pub fn year_index(&self) -> Option<usize> {
        match self {
            Self::Immediate => Some(0),
            Self::After { year, .. } => Some(*year),
            Self::NotWithinHorizon { .. } => None,
        }
    }
}

/// The internal rate of return, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Irr {
    /// The rate, as a fraction; `several` when other rates also give an NPV of zero.
    Rate {
        /// The rate nearest to zero that gives an NPV of zero.
        rate: Decimal,
        /// How many rates between -99% and +1000% give an NPV of zero (1 when unique).
        solutions: usize,
    },
    /// No rate, and why.
    None(NoIrr),
}

impl Irr {
    /// The rate, if there is one.
    #[must_use]
    pub fn rate(&self) -> Option<Decimal> {
        match self {
            Self::Rate { rate, .. } => Some(*rate),
            Self::None(_) => None,
        }
    }
}

/// Why there is no IRR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoIrr {
    /// The net flows never change sign (all costs, or all benefits).
    NoSignChange,
    /// No rate from -99% to +1000% gives an NPV of zero.
    NoneInRange,
}

/// Something a reader should know about a set of figures: what it is and the figures it
/// is about, never its words (`crate::report::words::warning` writes them, the same in
/// every view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The cash position is still negative at the end of the horizon.
    NoPayback {
        /// How far below zero the position ends (a positive amount).
        shortfall: Decimal,
    },
    /// After paying back, the cash position falls below zero again.
    FallsBack {
        /// The index of the year in which it falls back.
        year: usize,
    },
    /// After paying back, the cumulative present value falls below zero again.
    DiscountedFallsBack {
        /// The index of the year in which it falls back.
        year: usize,
    },
    /// Several rates give an NPV of zero; the IRR given is the one nearest zero.
    SeveralIrrs {
        /// The rate given.
        rate: Decimal,
        /// How many rates were found.
        solutions: usize,
    },
    /// Some of a line's money falls after the horizon and is not counted.
    BeyondHorizon {
        /// The line's index in its option.
        line: usize,
        /// The line's name.
        name: String,
    },
    /// The benefit delay moves benefits past the horizon, where they are lost to the case.
    DelayedPastHorizon {
        /// The option's benefit delay.
        months: u32,
        /// The benefits lost, in year-0 prices after any shortfall.
        lost: Decimal,
    },
    /// A line has no money in any year of the horizon.
    EmptyLine {
        /// The line's index in its option.
        line: usize,
        /// The line's name.
        name: String,
    },
    /// There are no costs, so there is no benefit-cost ratio or return on investment.
    NoCosts,
    /// A partner bears no costs and receives no benefits.
    PartnerUntouched {
        /// The partner's name.
        partner: String,
    },
    /// Against the baseline the option costs no more (in present value, or in cash), so there
    /// is no incremental benefit-cost ratio (or return on investment).
    NoExtraCosts {
        /// The baseline's name.
        against: String,
    },
    /// A figure of the option's optimism-bias assessment is below the guidance's lower bound.
    OptimismBiasBelowLowerBound {
        /// Which figure, its value and its bound.
        below: crate::case::BelowLowerBound,
    },
}

impl Warning {
    /// The warning's kind, stable for tests and JSON.
    #[must_use]
    pub fn code(&self) -> WarningCode {
        match self {
            Self::NoPayback { .. } => WarningCode::NoPayback,
            Self::FallsBack { .. } => WarningCode::FallsBack,
            Self::DiscountedFallsBack { .. } => WarningCode::DiscountedFallsBack,
            Self::SeveralIrrs { .. } => WarningCode::SeveralIrrs,
            Self::BeyondHorizon { .. } => WarningCode::BeyondHorizon,
            Self::DelayedPastHorizon { .. } => WarningCode::DelayedPastHorizon,
            Self::EmptyLine { .. } => WarningCode::EmptyLine,
            Self::NoCosts => WarningCode::NoCosts,
            Self::PartnerUntouched { .. } => WarningCode::PartnerUntouched,
            Self::NoExtraCosts { .. } => WarningCode::NoExtraCosts,
            Self::OptimismBiasBelowLowerBound { .. } => WarningCode::OptimismBiasBelowLowerBound,
        }
    }
}

/// The kinds of warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningCode {
    /// After paying back, the cash position falls below zero again.
    FallsBack,
    /// After paying back, the cumulative present value falls below zero again.
    DiscountedFallsBack,
    /// The cash position is still negative at the end of the horizon.
    NoPayback,
    /// Several rates give an NPV of zero; the IRR shown is the one nearest zero.
    SeveralIrrs,
    /// Some of a line's money falls after the horizon and is not counted.
    BeyondHorizon,
    /// The benefit delay moves benefits past the horizon, where they are lost to the case.
    DelayedPastHorizon,
    /// A line has no money in any year of the horizon.
    EmptyLine,
    /// There are no costs, so there is no benefit-cost ratio or return on investment.
    NoCosts,
    /// A partner bears no costs and receives no benefits.
    PartnerUntouched,
    /// Against the baseline the option costs no more, so there is no incremental BCR or ROI.
    NoExtraCosts,
    /// An optimism-bias figure is below its lower bound.
    OptimismBiasBelowLowerBound,
}

impl WarningCode {
    /// The code as written in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FallsBack => "falls_back",
            Self::DiscountedFallsBack => "discounted_falls_back",
            Self::NoPayback => "no_payback",
            Self::SeveralIrrs => "several_irrs",
            Self::BeyondHorizon => "beyond_horizon",
            Self::DelayedPastHorizon => "delayed_past_horizon",
            Self::EmptyLine => "empty_line",
            Self::NoCosts => "no_costs",
            Self::PartnerUntouched => "partner_untouched",
            Self::NoExtraCosts => "no_extra_costs",
            Self::OptimismBiasBelowLowerBound => "optimism_bias_below_lower_bound",
        }
    }
}
