//! The quick calculator: headline figures of a bare series of yearly net flows.
//!
//! No indexation and no partners: the rate is applied as given. It shows the engine's
//! discounting, payback and IRR on their own, as `sharecase flows` does.

use super::irr::irr;
use super::payback::payback;
use super::results::{Irr, Payback};
use rust_decimal::Decimal;

/// One year of a bare series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowYear {
    /// The net flow.
    pub net: Decimal,
    /// Cumulative net at the end of the year.
    pub cumulative: Decimal,
    /// `1 / (1 + r)^t`.
    pub discount_factor: Decimal,
    /// Net times the discount factor.
    pub present_value: Decimal,
    /// Cumulative present value.
    pub cumulative_pv: Decimal,
}

/// The headline figures of a bare series.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowsResult {
    /// The rate used.
    pub rate: Decimal,
    /// Year by year.
    pub years: Vec<FlowYear>,
    /// Sum of present values.
    pub npv: Decimal,
    /// Rate at which NPV is zero.
    pub irr: Irr,
    /// Payback on the cumulative net.
    pub payback: Payback,
    /// Payback on the cumulative present value.
    pub discounted_payback: Payback,
}

/// Why a bare series cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowsError {
    /// No flows were given.
    #[error("give at least one yearly flow, year 0 first")]
    Empty,
    /// The rate is -100% or less.
    #[error("the rate must be greater than -100%")]
    RateTooLow,
    /// The figures are beyond what exact decimals can hold.
    #[error(
        "the figures are too large to compute exactly (at most about 28 significant digits): use fewer years, smaller flows or a less extreme rate"
    )]
    TooLarge,
}

/// Computes the headline figures of `net` (year 0 first) at `rate` (a fraction above -1).
///
/// # Errors
/// No flows, a rate of -100% or less, or figures beyond exact decimal range.
pub fn flows(net: &[Decimal], rate: Decimal) -> Result<FlowsResult, FlowsError> {
    if net.is_empty() {
        return Err(FlowsError::Empty);
    }
    if rate <= -Decimal::ONE {
        return Err(FlowsError::RateTooLow);
    }
    let mut growth = Decimal::ONE;
    let (mut cum, mut cum_pv) = (Decimal::ZERO, Decimal::ZERO);
    let mut years = Vec::with_capacity(net.len());
    let mut pvs = Vec::with_capacity(net.len());
    for (t, value) in net.iter().enumerate() {
        if t > 0 {
            growth = growth
                .checked_mul(Decimal::ONE + rate)
                .ok_or(FlowsError::TooLarge)?;
        }
        if growth.is_zero() {
            return Err(FlowsError::TooLarge);
        }
        let df = Decimal::ONE
            .checked_div(growth)
            .ok_or(FlowsError::TooLarge)?;
        let pv = value.checked_mul(df).ok_or(FlowsError::TooLarge)?;
        cum = cum.checked_add(*value).ok_or(FlowsError::TooLarge)?;
        cum_pv = cum_pv.checked_add(pv).ok_or(FlowsError::TooLarge)?;
        pvs.push(pv);
        years.push(FlowYear {
            net: *value,
            cumulative: cum,
            discount_factor: df,
            present_value: pv,
            cumulative_pv: cum_pv,
        });
    }
    Ok(FlowsResult {
        rate,
        years,
        npv: cum_pv,
        irr: irr(net),
        payback: payback(net),
        discounted_payback: payback(&pvs),
    })
}
