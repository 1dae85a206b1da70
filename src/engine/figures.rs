//! The yearly table and headline measures of one flow of money: an option or a partner.

use super::irr::irr;
use super::payback::payback;
use super::results::{Figures, Irr, KindFlows, Measures, Payback, Totals, Warning, YearFigures};
use crate::case::LineKind;
use rust_decimal::Decimal;

/// Money by kind of line (cash and real), indexed like [`LineKind::ALL`].
#[derive(Debug, Clone)]
pub struct KindTotals {
    /// Cash by kind, then by year.
    pub cash: [Vec<Decimal>; 5],
    /// Real terms by kind, then by year.
    pub real: [Vec<Decimal>; 5],
}

/// Where a kind sits in [`LineKind::ALL`].
#[must_use]
pub fn kind_slot(kind: LineKind) -> usize {
    match kind {
        LineKind::CapitalInvestment => 0,
        LineKind::RevenueInvestment => 1,
        LineKind::RecurringCost => 2,
        LineKind::Saving => 3,
        LineKind::Income => 4,
    }
}

impl KindTotals {
    /// All zero over `years` years.
    #[must_use]
    pub fn zero(years: usize) -> Self {
        let zeros = || std::array::from_fn(|_| vec![Decimal::ZERO; years]);
        Self {
            cash: zeros(),
            real: zeros(),
        }
    }

    /// Adds a line's cash and real flows under its kind.
    pub fn add(&mut self, kind: LineKind, cash: &[Decimal], real: &[Decimal]) {
        let slot = kind_slot(kind);
        for (total, v) in self.cash[slot].iter_mut().zip(cash) {
            *total += *v;
        }
        for (total, v) in self.real[slot].iter_mut().zip(real) {
            *total += *v;
        }
    }

    /// Adds every kind of `other` into these totals.
    pub fn add_all(&mut self, other: &Self) {
        for (mine, theirs) in self.cash.iter_mut().zip(&other.cash) {
            for (total, v) in mine.iter_mut().zip(theirs) {
                *total += *v;
            }
        }
        for (mine, theirs) in self.real.iter_mut().zip(&other.real) {
            for (total, v) in mine.iter_mut().zip(theirs) {
                *total += *v;
            }
        }
    }

    /// The same totals rounded to the engine's working scale, once the lines are added up.
    #[must_use]
    pub fn rounded(&self) -> Self {
        let mut out = self.clone();
        for v in out.cash.iter_mut().chain(out.real.iter_mut()).flatten() {
            *v = super::line::working(*v);
        }
        out
    }

    /// True when every amount is zero.
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.cash
            .iter()
            .chain(&self.real)
            .flatten()
            .all(Decimal::is_zero)
    }
}

fn sum_kinds(series: &[Vec<Decimal>; 5], t: usize, pick: impl Fn(LineKind) -> bool) -> Decimal {
    LineKind::ALL
        .iter()
        .filter(|k| pick(**k))
        .map(|k| series[kind_slot(*k)][t])
        .sum()
}

/// The figures of one flow of money, by the conventions.
#[must_use]
pub fn figures(kinds: &KindTotals, labels: &[String], discount: &[Decimal]) -> Figures {
    let mut years = Vec::with_capacity(labels.len());
    let (mut cum_cash, mut cum_pv) = (Decimal::ZERO, Decimal::ZERO);
    let mut totals = Totals {
        investment_cash: Decimal::ZERO,
        costs_cash: Decimal::ZERO,
        benefits_cash: Decimal::ZERO,
        net_cash: Decimal::ZERO,
        investment_real: Decimal::ZERO,
        costs_real: Decimal::ZERO,
        benefits_real: Decimal::ZERO,
        net_real: Decimal::ZERO,
        investment_pv: Decimal::ZERO,
        costs_pv: Decimal::ZERO,
        benefits_pv: Decimal::ZERO,
    };
    for (t, label) in labels.iter().enumerate() {
        let df = discount[t];
        let investment_cash = sum_kinds(&kinds.cash, t, LineKind::is_investment);
        let costs_cash = sum_kinds(&kinds.cash, t, |k| !k.is_benefit());
        let benefits_cash = sum_kinds(&kinds.cash, t, LineKind::is_benefit);
        let investment_real = sum_kinds(&kinds.real, t, LineKind::is_investment);
        let costs_real = sum_kinds(&kinds.real, t, |k| !k.is_benefit());
        let benefits_real = sum_kinds(&kinds.real, t, LineKind::is_benefit);
        let net_cash = benefits_cash - costs_cash;
        let net_real = benefits_real - costs_real;
        let present_value = net_real * df;
        cum_cash += net_cash;
        cum_pv += present_value;
        totals.investment_cash += investment_cash;
        totals.costs_cash += costs_cash;
        totals.benefits_cash += benefits_cash;
        totals.investment_real += investment_real;
        totals.costs_real += costs_real;
        totals.benefits_real += benefits_real;
        totals.investment_pv += investment_real * df;
        totals.costs_pv += costs_real * df;
        totals.benefits_pv += benefits_real * df;
        years.push(YearFigures {
            index: t,
            label: label.clone(),
            investment_cash,
            costs_cash,
            benefits_cash,
            net_cash,
            cumulative_cash: cum_cash,
            costs_real,
            benefits_real,
            net_real,
            discount_factor: df,
            present_value,
            cumulative_pv: cum_pv,
        });
    }
    totals.net_cash = totals.benefits_cash - totals.costs_cash;
    totals.net_real = totals.benefits_real - totals.costs_real;

    let net_cash: Vec<Decimal> = years.iter().map(|y| y.net_cash).collect();
    let pv: Vec<Decimal> = years.iter().map(|y| y.present_value).collect();
    let net_real: Vec<Decimal> = years.iter().map(|y| y.net_real).collect();
    let has_costs = !totals.costs_cash.is_zero();
    let measures = Measures {
        npv: cum_pv,
        irr: irr(&net_real),
        payback: payback(&net_cash),
        discounted_payback: payback(&pv),
        bcr: ratio(totals.benefits_pv, totals.costs_pv),
        roi: if has_costs {
            ratio(totals.net_cash, totals.costs_cash)
        } else {
            None
        },
        totals,
    };
    let warnings = warnings(&measures);
    let by_kind = LineKind::ALL
        .iter()
        .map(|k| KindFlows {
            kind: *k,
            cash: kinds.cash[kind_slot(*k)].clone(),
            real: kinds.real[kind_slot(*k)].clone(),
        })
        .collect();
    Figures {
        years,
        by_kind,
        measures,
        warnings,
    }
}

fn ratio(top: Decimal, bottom: Decimal) -> Option<Decimal> {
    if bottom.is_zero() {
        None
    } else {
        top.checked_div(bottom)
    }
}

fn warnings(m: &Measures) -> Vec<Warning> {
    let mut out = Vec::new();
    match &m.payback {
        Payback::NotWithinHorizon { shortfall } => out.push(Warning::NoPayback {
            shortfall: *shortfall,
        }),
        Payback::After {
            falls_back_in: Some(t),
            ..
        } => out.push(Warning::FallsBack { year: *t }),
        _ => {}
    }
    if let Payback::After {
        falls_back_in: Some(t),
        ..
    } = &m.discounted_payback
    {
        out.push(Warning::DiscountedFallsBack { year: *t });
    }
    if let Irr::Rate { rate, solutions } = &m.irr
        && *solutions > 1
    {
        out.push(Warning::SeveralIrrs {
            rate: *rate,
            solutions: *solutions,
        });
    }
    if m.totals.costs_cash.is_zero() && m.totals.costs_pv.is_zero() {
        out.push(Warning::NoCosts);
    }
    out
}

/// The figures of an option (or a partner's share of it) less those of the baseline, kind by
/// kind and year by year, measured by the same rules. The incremental BCR and ROI exist only
/// where the option costs more than the baseline (present value for the BCR, undiscounted cash
/// for the ROI); otherwise they are none, with a warning naming the baseline.
#[must_use]
pub fn incremental(
    option: &Figures,
    baseline: &Figures,
    against: &str,
    labels: &[String],
    discount: &[Decimal],
) -> Figures {
    let mut kinds = KindTotals::zero(labels.len());
    for (mine, theirs) in option.by_kind.iter().zip(&baseline.by_kind) {
        let slot = kind_slot(mine.kind);
        for (t, (a, b)) in mine.cash.iter().zip(&theirs.cash).enumerate() {
            kinds.cash[slot][t] = *a - *b;
        }
        for (t, (a, b)) in mine.real.iter().zip(&theirs.real).enumerate() {
            kinds.real[slot][t] = *a - *b;
        }
    }
    let mut out = figures(&kinds, labels, discount);
    let totals = &out.measures.totals;
    let (costs_pv, costs_cash) = (totals.costs_pv, totals.costs_cash);
    if costs_pv <= Decimal::ZERO {
        out.measures.bcr = None;
    }
    if costs_cash <= Decimal::ZERO {
        out.measures.roi = None;
    } else {
        out.measures.roi = ratio(out.measures.totals.net_cash, costs_cash);
    }
    out.warnings.retain(|w| *w != Warning::NoCosts);
    if costs_pv <= Decimal::ZERO || costs_cash <= Decimal::ZERO {
        out.warnings.push(Warning::NoExtraCosts {
            against: against.to_owned(),
        });
    }
    out
}
