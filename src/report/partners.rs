//! Partners' figures rounded for display so that, figure by figure, they add up to the
//! option's rounded figure (the conventions' penny rule).

use crate::engine::{Figures, OptionResults, Totals, YearFigures};
use crate::format::apportion;
use rust_decimal::Decimal;

type YearField = fn(&mut YearFigures) -> &mut Decimal;
type TotalField = fn(&mut Totals) -> &mut Decimal;

const YEAR_FIELDS: [YearField; 10] = [
    |y| &mut y.investment_cash,
    |y| &mut y.costs_cash,
    |y| &mut y.benefits_cash,
    |y| &mut y.net_cash,
    |y| &mut y.cumulative_cash,
    |y| &mut y.costs_real,
    |y| &mut y.benefits_real,
    |y| &mut y.net_real,
    |y| &mut y.present_value,
    |y| &mut y.cumulative_pv,
];

const TOTAL_FIELDS: [TotalField; 11] = [
    |t| &mut t.investment_cash,
    |t| &mut t.costs_cash,
    |t| &mut t.benefits_cash,
    |t| &mut t.net_cash,
    |t| &mut t.investment_real,
    |t| &mut t.costs_real,
    |t| &mut t.benefits_real,
    |t| &mut t.net_real,
    |t| &mut t.investment_pv,
    |t| &mut t.costs_pv,
    |t| &mut t.benefits_pv,
];

fn share_out(option: Decimal, partners: &mut [&mut Decimal]) {
    let parts: Vec<Decimal> = partners.iter().map(|p| **p).collect();
    for (slot, value) in partners.iter_mut().zip(apportion(option, &parts)) {
        **slot = value;
    }
}

/// Each partner's figures with every money figure in pennies that add up to the option's.
/// Measures that are not sums (payback, IRR, ratios) are left as the engine gave them.
#[must_use]
pub fn apportioned(option: &OptionResults) -> Vec<Figures> {
    let partners = option.partners.iter().map(|p| p.figures.clone()).collect();
    apportion_figures(&option.figures, partners)
}

/// Each partner's figures against the baseline, rounded as [`apportioned`] rounds their own,
/// so that they add up to the option's figures against the baseline; `None` when the option
/// has none.
#[must_use]
pub fn apportioned_incremental(option: &OptionResults) -> Option<Vec<Figures>> {
    let whole = &option.incremental.as_ref()?.figures;
    let partners = option
        .partners
        .iter()
        .map(|p| p.incremental.clone())
        .collect::<Option<Vec<_>>>()?;
    Some(apportion_figures(whole, partners))
}

fn apportion_figures(whole: &Figures, mut partners: Vec<Figures>) -> Vec<Figures> {
    let mut whole = whole.clone();
    for t in 0..whole.years.len() {
        for field in YEAR_FIELDS {
            let mut slots: Vec<&mut Decimal> = partners
                .iter_mut()
                .map(|p| field(&mut p.years[t]))
                .collect();
            share_out(*field(&mut whole.years[t]), &mut slots);
        }
    }
    for field in TOTAL_FIELDS {
        let mut slots: Vec<&mut Decimal> = partners
            .iter_mut()
            .map(|p| field(&mut p.measures.totals))
            .collect();
        share_out(*field(&mut whole.measures.totals), &mut slots);
    }
    let mut npvs: Vec<&mut Decimal> = partners.iter_mut().map(|p| &mut p.measures.npv).collect();
    share_out(whole.measures.npv, &mut npvs);
    partners
}
