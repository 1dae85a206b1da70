//! Sharing among partners: weights normalised to shares, the remainder to the largest share.

use crate::case::{Case, Sharing};
use rust_decimal::Decimal;

/// The shares of one sharing rule, one per partner, summing to exactly 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Shares {
    /// Each partner's share; all but the largest are exact quotients, the largest takes
    /// `1 - the others` so they sum to exactly 1.
    pub shares: Vec<Decimal>,
    /// The partner with the largest share (the first of equals), who takes the remainder.
    pub largest: usize,
}

impl Shares {
    /// The shares that `sharing` gives the partners of `case` (a validated case) in each year
    /// of its horizon: weights given by year are normalised year by year.
    #[must_use]
    pub fn by_year(case: &Case, sharing: &Sharing) -> Vec<Self> {
        let years = usize::from(case.horizon).max(1);
        let varies = match sharing {
            Sharing::Basis(name) => case.basis(name).is_some_and(|b| b.varies_by_year()),
            _ => false,
        };
        if varies {
            (0..years)
                .map(|t| Self::in_year(case, sharing, t))
                .collect()
        } else {
            vec![Self::in_year(case, sharing, 0); years]
        }
    }

    /// The shares that `sharing` gives the partners of `case` (a validated case) in year
    /// `year`.
    #[must_use]
    pub fn in_year(case: &Case, sharing: &Sharing, year: usize) -> Self {
        let count = case.partners.len();
        let weights: Vec<Decimal> = match sharing {
            Sharing::Equal => vec![Decimal::ONE; count],
            Sharing::Partner(name) => {
                let at = case.partner_index(name);
                (0..count)
                    .map(|p| {
                        if Some(p) == at {
                            Decimal::ONE
                        } else {
                            Decimal::ZERO
                        }
                    })
                    .collect()
            }
            Sharing::Basis(name) => case.basis(name).map_or_else(
                || vec![Decimal::ONE; count],
                |basis| {
                    case.partners
                        .iter()
                        .map(|p| basis.weight(&p.name, year))
                        .collect()
                },
            ),
        };
        Self::from_weights(&weights)
    }

    /// Shares from raw weights (all zero or empty gives equal shares).
    #[must_use]
    pub fn from_weights(weights: &[Decimal]) -> Self {
        let Some(total) = weights
            .iter()
            .try_fold(Decimal::ZERO, |sum, w| sum.checked_add(*w))
        else {
            // Only weights validation refuses add up past exact decimal range (the app shows
            // their shares as they are typed): the same shares from weights scaled down.
            let count = Decimal::from(weights.len());
            let scaled: Vec<Decimal> = weights.iter().map(|w| *w / count).collect();
            return Self::from_weights(&scaled);
        };
        if total.is_zero() {
            return Self::from_weights(&vec![Decimal::ONE; weights.len().max(1)]);
        }
        let mut largest = 0;
        for (p, w) in weights.iter().enumerate() {
            if *w > weights[largest] {
                largest = p;
            }
        }
        let mut shares: Vec<Decimal> = weights
            .iter()
            .map(|w| w.checked_div(total).unwrap_or_default())
            .collect();
        let others: Decimal = shares
            .iter()
            .enumerate()
            .filter(|(p, _)| *p != largest)
            .map(|(_, s)| *s)
            .sum();
        shares[largest] = Decimal::ONE - others;
        Self { shares, largest }
    }

    /// Adds each partner's part of `amount` to `into`: every partner but the largest gets its
    /// share at the engine's working precision, and the largest gets the remainder, so the
    /// parts add up to `amount` exactly. Rounding to the penny is left to display, which
    /// gives the odd pennies by largest remainder.
    pub fn allocate(&self, amount: Decimal, into: &mut [Decimal]) {
        if amount.is_zero() {
            return;
        }
        let mut given = Decimal::ZERO;
        for (p, share) in self.shares.iter().enumerate() {
            if p == self.largest || share.is_zero() {
                continue;
            }
            let part = super::line::working(amount * share);
            into[p] += part;
            given += part;
        }
        into[self.largest] += amount - given;
    }
}

/// Each partner's part of one line's money, year by year (`[partner][year]`), by the line's
/// sharing. The engine itself shares groups of lines; tables that list every line by partner
/// use this, and a line's parts add up to the line exactly.
#[must_use]
pub fn line_parts(case: &Case, sharing: &Sharing, money: &[Decimal]) -> Vec<Vec<Decimal>> {
    let shares = Shares::by_year(case, sharing);
    let mut out = vec![vec![Decimal::ZERO; money.len()]; case.partners.len()];
    let mut parts = vec![Decimal::ZERO; case.partners.len()];
    for (t, amount) in money.iter().enumerate() {
        parts.iter_mut().for_each(|p| *p = Decimal::ZERO);
        if let Some(shares) = shares.get(t).or_else(|| shares.last()) {
            shares.allocate(*amount, &mut parts);
        }
        for (partner, part) in out.iter_mut().zip(&parts) {
            partner[t] = *part;
        }
    }
    out
}
