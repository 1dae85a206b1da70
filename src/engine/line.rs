//! A line's money by year: adjustments in year-0 prices, then indexation, then real terms.

use super::discount::Prices;
use super::results::LineFlows;
use crate::case::{Adjustments, Line, PriceBasis};
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places totals are carried to inside the engine: a millionth of a penny. Totals
/// (an option's, a partner's, a category's) are rounded to this scale only after the lines
/// are added up at full precision, so that a sum of twelfths that is exactly half a penny
/// (£833.335 after a four-month delay) stays exactly half a penny; and a fixed scale makes
/// every later sum an exact addition, so partners add up to the case to the last digit.
pub const WORKING_PLACES: u32 = 8;

/// Rounds to the working scale; most amounts already fit, and skipping them saves time.
#[must_use]
pub fn working(value: Decimal) -> Decimal {
    if value.scale() <= WORKING_PLACES {
        value
    } else {
        value.round_dp_with_strategy(WORKING_PLACES, RoundingStrategy::MidpointAwayFromZero)
    }
}

/// Moves amounts later by `months`, money spread evenly within years: with `m = 12s + k`,
/// year t receives `(12-k)/12 * B[t-s] + k/12 * B[t-s-1]`. Returns the moved amounts (at
/// full precision: twelfths are rounded only in totals) and what moved past the horizon,
/// computed directly from the amounts that land there, so nothing moved is exactly zero.
#[must_use]
pub fn delay(base: &[Decimal], months: u32) -> (Vec<Decimal>, Decimal) {
    if months == 0 {
        return (base.to_vec(), Decimal::ZERO);
    }
    let whole = months as usize / 12;
    let part = Decimal::from(months % 12);
    let twelve = Decimal::from(12);
    let at = |i: Option<usize>| i.and_then(|i| base.get(i)).copied().unwrap_or_default();
    let moved: Vec<Decimal> = (0..base.len())
        .map(|t| {
            let this = at(t.checked_sub(whole));
            if part.is_zero() {
                return this;
            }
            let earlier = at(t.checked_sub(whole + 1));
            (this * (twelve - part) + earlier * part) / twelve
        })
        .collect();
    // Year t's money lands (12-k)/12 in year t+s and k/12 in year t+s+1; whatever lands at
    // or after the horizon is lost. Added in twelfths, divided once.
    let horizon = base.len();
    let mut lost_twelfths = Decimal::ZERO;
    for (t, amount) in base.iter().enumerate() {
        if t + whole >= horizon {
            lost_twelfths += *amount * (twelve - part);
        }
        if !part.is_zero() && t + whole + 1 >= horizon {
            lost_twelfths += *amount * part;
        }
    }
    (moved, lost_twelfths / twelve)
}

/// One line's flows over `years` years under the option's adjustments, its amounts being in
/// `basis` prices; also returns the benefit (in the line's prices) that the delay moved past
/// the horizon. A cash-price line is not indexed: its cash is its amounts (moved unchanged by
/// a delay), and its real terms are cash deflated by general inflation.
pub fn line_flows(
    line: &Line,
    years: usize,
    adjustments: &Adjustments,
    basis: PriceBasis,
    inflation: Decimal,
    prices: &mut Prices,
) -> (LineFlows, Decimal) {
    let overlay = &adjustments.overlay;
    let mut entered = line.amounts.by_year(years);
    // A scenario's change for the line's category comes before everything else.
    let category = overlay.category_factor(&line.category);
    if category != Decimal::ONE {
        entered = scale(entered, category);
    }
    let (base, lost) = if line.kind.is_benefit() {
        let months = adjustments
            .benefit_delay_months
            .saturating_add(overlay.delay_months);
        let (moved, lost) = delay(&entered, months);
        let keep = (Decimal::ONE - adjustments.benefit_shortfall) * overlay.benefit_factor;
        (scale(moved, keep), lost * keep)
    } else {
        let mut factor = (Decimal::ONE + adjustments.cost_uplift) * overlay.cost_factor;
        if line.kind.is_investment() {
            factor *= overlay.investment_factor;
        } else if line.kind == crate::case::LineKind::RecurringCost {
            factor *= overlay.running_cost_factor;
        }
        (scale(entered, factor), Decimal::ZERO)
    };
    let rate = match basis {
        PriceBasis::Year0 => line.indexation.unwrap_or(inflation),
        PriceBasis::Cash => Decimal::ZERO,
    };
    let factors = match basis {
        PriceBasis::Year0 => prices.factors(rate),
        PriceBasis::Cash => prices.cash_prices(),
    };
    let cash = base.iter().zip(&factors.cash).map(|(b, f)| b * f).collect();
    let real = base.iter().zip(&factors.real).map(|(b, f)| b * f).collect();
    let flows = LineFlows {
        name: line.name.clone(),
        kind: line.kind,
        category: line.category.clone(),
        prices: basis,
        indexation: rate,
        base,
        cash,
        real,
    };
    (flows, lost)
}

fn scale(mut values: Vec<Decimal>, factor: Decimal) -> Vec<Decimal> {
    for v in &mut values {
        *v *= factor;
    }
    values
}
