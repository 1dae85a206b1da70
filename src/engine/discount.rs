//! Growth and discount factors, computed once per rate and case.

use rust_decimal::Decimal;

/// `(1 + rate)^t` for t = 0..years, by repeated exact multiplication.
#[must_use]
pub fn growth(rate: Decimal, years: usize) -> Vec<Decimal> {
    let step = Decimal::ONE + rate;
    let mut out = Vec::with_capacity(years);
    let mut factor = Decimal::ONE;
    for _ in 0..years {
        out.push(factor);
        factor *= step;
    }
    out
}

/// Discount factors `1 / (1 + r)^t`; year 0 is not discounted (Green Book convention).
///
/// Validation keeps `r` at -50% or more, so `1 + r` is never zero.
#[must_use]
pub fn discount_factors(rate: Decimal, years: usize) -> Vec<Decimal> {
    growth(rate, years)
        .into_iter()
        .map(|g| Decimal::ONE.checked_div(g).unwrap_or(Decimal::ZERO))
        .collect()
}

/// Places index factors are carried to: a relative error below 1e-14, a thousandth of a
/// penny a year on £1bn, and products small enough for exact decimal's fast path.
pub const FACTOR_PLACES: u32 = 14;

fn factor(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(
        FACTOR_PLACES,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    )
}

/// Index factors for a line: cash `(1 + i)^t` and real `(1 + i)^t / (1 + g)^t`.
#[derive(Debug, Clone)]
pub struct IndexFactors {
    /// The indexation rate.
    pub rate: Decimal,
    /// `(1 + i)^t`.
    pub cash: Vec<Decimal>,
    /// `(1 + i)^t / (1 + g)^t`; exactly 1 when `i = g`, so such a line is constant in real terms.
    pub real: Vec<Decimal>,
}

/// Index factors for every rate the lines use, computed once each.
#[derive(Debug, Clone)]
pub struct Prices {
    inflation: Decimal,
    deflator: Vec<Decimal>,
    years: usize,
    cache: Vec<IndexFactors>,
    cash: Option<IndexFactors>,
}

impl Prices {
    /// Prices for a case with general inflation `inflation` over `years` years.
    #[must_use]
    pub fn new(inflation: Decimal, years: usize) -> Self {
        Self {
            inflation,
            deflator: growth(inflation, years),
            years,
            cache: Vec::new(),
            cash: None,
        }
    }

    /// The factors for a line in cash prices: cash is the amount as entered (factor 1), and
    /// real terms are cash deflated by general inflation, `1 / (1 + g)^t`.
    pub fn cash_prices(&mut self) -> &IndexFactors {
        let deflator = &self.deflator;
        let years = self.years;
        self.cash.get_or_insert_with(|| IndexFactors {
            rate: Decimal::ZERO,
            cash: vec![Decimal::ONE; years],
            real: deflator
                .iter()
                .map(|d| factor(Decimal::ONE.checked_div(*d).unwrap_or(Decimal::ZERO)))
                .collect(),
        })
    }

    /// The factors for indexation rate `rate`.
    pub fn factors(&mut self, rate: Decimal) -> &IndexFactors {
        if let Some(at) = self.cache.iter().position(|f| f.rate == rate) {
            return &self.cache[at];
        }
        let exact = growth(rate, self.years);
        let real = if rate == self.inflation {
            vec![Decimal::ONE; self.years]
        } else {
            exact
                .iter()
                .zip(&self.deflator)
                .map(|(c, d)| factor(c.checked_div(*d).unwrap_or(Decimal::ZERO)))
                .collect()
        };
        let cash = exact.into_iter().map(factor).collect();
        self.cache.push(IndexFactors { rate, cash, real });
        let last = self.cache.len() - 1;
        &self.cache[last]
    }
}
