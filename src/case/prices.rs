//! Changing the prices a case's amounts are entered in: year-0 prices or cash.
//!
//! Converting keeps the figures: a line in year-0 prices indexed at `i` pays
//! `amount * (1 + i)^t` in year t, which is what the same line in cash prices must say; a
//! line in cash prices is real `amount / (1 + g)^t`, which is what it must say in year-0
//! prices indexed at `g`. Converted amounts are rounded to the penny, so each year's cash is
//! the figure every view shows. A pattern that no longer holds one figure for every year (a
//! recurring amount that grows with indexation) becomes amounts by year.

use super::{Amounts, Case, Line, PriceBasis};
use rust_decimal::{Decimal, RoundingStrategy};

impl Case {
    /// Sets the case's prices to `to`. With `convert`, every line that follows the case has
    /// its amounts rewritten in the new prices so that its figures stay the same (to the
    /// penny); without, the amounts are kept as typed and now read in the new prices. A line
    /// with prices of its own keeps them (and is told apart no longer if they are `to`).
    pub fn set_prices(&mut self, to: PriceBasis, convert: bool) {
        let from = self.prices;
        if from == to {
            return;
        }
        let years = usize::from(self.horizon);
        let inflation = self.inflation;
        for line in self.options.iter_mut().flat_map(|o| o.lines.iter_mut()) {
            match line.prices {
                Some(own) if own == to => line.prices = None,
                Some(_) => {}
                None => {
                    if convert {
                        convert_line(line, from, to, inflation, years);
                    } else if to == PriceBasis::Cash {
                        // Kept as typed, in cash: a cash line is not indexed.
                        line.indexation = None;
                    }
                }
            }
        }
        self.prices = to;
    }

    /// How many lines follow the case's prices and have amounts, which a change of prices
    /// would either convert or read differently.
    #[must_use]
    pub fn lines_following_prices(&self) -> usize {
        self.options
            .iter()
            .flat_map(|o| &o.lines)
            .filter(|l| l.prices.is_none() && !l.amounts.headline().is_zero())
            .count()
    }
}

fn penny(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `(1 + rate)^t` for each year.
fn growth(rate: Decimal, years: usize) -> Vec<Decimal> {
    let mut out = Vec::with_capacity(years);
    let mut factor = Decimal::ONE;
    for _ in 0..years {
        out.push(factor);
        factor = factor.saturating_mul(Decimal::ONE + rate);
    }
    out
}

fn convert_line(
    line: &mut Line,
    from: PriceBasis,
    to: PriceBasis,
    inflation: Decimal,
    years: usize,
) {
    // Year-0 to cash multiplies by the line's index; cash to year-0 divides by general
    // inflation's (the line then follows general inflation).
    let index = match (from, to) {
        (PriceBasis::Year0, PriceBasis::Cash) => line.indexation.unwrap_or(inflation),
        _ => inflation,
    };
    let factors = growth(index, years);
    let apply = |value: Decimal, t: usize| -> Decimal {
        let f = factors.get(t).copied().unwrap_or(Decimal::ONE);
        match to {
            PriceBasis::Cash => penny(value.saturating_mul(f)),
            PriceBasis::Year0 => penny(value.checked_div(f).unwrap_or(value)),
        }
    };
    line.indexation = None;
    if index.is_zero() {
        return;
    }
    line.amounts = match &line.amounts {
        Amounts::OneOff {
            amount,
            year,
            phasing,
        } if phasing.is_empty() => Amounts::OneOff {
            amount: apply(*amount, *year as usize),
            year: *year,
            phasing: Vec::new(),
        },
        other => {
            let mut by_year = other.by_year(years);
            for (t, v) in by_year.iter_mut().enumerate() {
                *v = apply(*v, t);
            }
            while by_year.len() > 1 && by_year.last().is_some_and(Decimal::is_zero) {
                by_year.pop();
            }
            Amounts::ByYear(by_year)
        }
    };
}
