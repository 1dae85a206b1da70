//! Sensitivity: which lines matter most (the tornado), and how far each can move before the
//! option fails (switching values). Exact decimals throughout.
//!
//! NPV is linear in each line's amounts (adjustments multiply, the delay moves money,
//! indexation and discounting scale it), so a line's effect on NPV is its own present value
//! times the change: no need to recompute the case for every bar.

use super::payback::payback;
use super::{OptionResults, Payback, compute_as_is};
use crate::case::{Case, Line, RangeUnit};
use rust_decimal::Decimal;

/// One bar of the tornado: the option's NPV and payback with one line (or category) at its
/// low and at its high value, all else as entered.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The line or category.
    pub name: String,
    /// Multiplier on the amounts at the low end (0.8 is 20% less).
    pub low_factor: Decimal,
    /// Multiplier at the high end.
    pub high_factor: Decimal,
    /// NPV with the amounts at the low end.
    pub npv_low: Decimal,
    /// NPV with the amounts at the high end.
    pub npv_high: Decimal,
    /// Payback (cash) at the low end.
    pub payback_low: Payback,
    /// Payback (cash) at the high end.
    pub payback_high: Payback,
    /// The distance between the two NPVs.
    pub swing: Decimal,
}

/// The tornado of one option, widest bar first.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    /// The option's NPV as entered.
    pub base_npv: Decimal,
    /// The bars, widest first.
    pub bars: Vec<Bar>,
}

/// What a switching value says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Switch {
    /// The change that brings NPV to zero: a fraction of the amounts, and in pounds of the
    /// headline amount (year-0 prices). `possible` is false when it would take the amounts
    /// below zero.
    Change {
        /// -0.25 is a quarter less.
        fraction: Decimal,
        /// The same change in pounds of the line's headline amount.
        pounds: Decimal,
        /// False when the change would take the amounts below zero.
        possible: bool,
    },
    /// The line has no effect on NPV (nothing in the horizon).
    NoEffect,
    /// The change would be more than a billion times the amounts (a line whose present
    /// value is a speck beside the NPV): out of reach, and beyond exact decimal range to
    /// state in pounds.
    OutOfReach,
}

/// The largest change, as a multiple of the amounts, stated as a switching value.
pub const SWITCH_LIMIT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// The switching value of one line or category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switching {
    /// The line or category.
    pub name: String,
    /// What it would take.
    pub switch: Switch,
}

/// A threshold beyond which the option no longer pays back within the horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Threshold {
    /// It still pays back at this value, and not beyond it.
    At(Decimal),
    /// It pays back whatever the value (within what is accepted).
    Always,
    /// It does not pay back even at zero.
    Never,
}

/// Every switching value of one option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchingValues {
    /// Per line, in the option's order.
    pub lines: Vec<Switching>,
    /// Per category.
    pub categories: Vec<Switching>,
    /// The longest benefit delay (months) at which the option still pays back.
    pub delay_months: Threshold,
    /// The largest benefit shortfall (fraction) at which it still pays back.
    pub shortfall: Threshold,
}

/// The multipliers at a line's low and high ends: its own range, or +/- `swing`.
#[must_use]
pub fn factors(line: &Line, swing: Decimal) -> (Decimal, Decimal) {
    match &line.range {
        Some(range) => match range.unit {
            RangeUnit::Percent => (Decimal::ONE + range.low, Decimal::ONE + range.high),
            RangeUnit::Pounds => {
                let headline = line.amounts.headline();
                match (
                    range.low.checked_div(headline),
                    range.high.checked_div(headline),
                ) {
                    (Some(low), Some(high)) if !headline.is_zero() => (low, high),
                    _ => (Decimal::ONE, Decimal::ONE),
                }
            }
        },
        None => (Decimal::ONE - swing, Decimal::ONE + swing),
    }
}

/// A line's present value in the option's NPV (benefits positive, costs negative), and its
/// cash by year with the same sign.
fn contribution(results: &OptionResults, l: usize) -> (Decimal, Vec<Decimal>) {
    let flows = &results.lines[l];
    let sign = if flows.kind.is_benefit() {
        Decimal::ONE
    } else {
        -Decimal::ONE
    };
    let pv = flows
        .real
        .iter()
        .zip(&results.figures.years)
        .map(|(r, y)| *r * y.discount_factor)
        .sum::<Decimal>()
        * sign;
    let cash = flows.cash.iter().map(|c| *c * sign).collect();
    (pv, cash)
}

fn bar(results: &OptionResults, name: String, members: &[(usize, Decimal, Decimal)]) -> Bar {
    let base_cash: Vec<Decimal> = results.figures.years.iter().map(|y| y.net_cash).collect();
    let at = |pick: fn(&(usize, Decimal, Decimal)) -> Decimal| {
        let mut npv = results.figures.measures.npv;
        let mut cash = base_cash.clone();
        for member in members {
            let (pv, line_cash) = contribution(results, member.0);
            let change = pick(member) - Decimal::ONE;
            npv += pv * change;
            for (total, c) in cash.iter_mut().zip(&line_cash) {
                *total += *c * change;
            }
        }
        (npv, payback(&cash))
    };
    let (npv_low, payback_low) = at(|m| m.1);
    let (npv_high, payback_high) = at(|m| m.2);
    Bar {
        name,
        low_factor: members.first().map_or(Decimal::ONE, |m| m.1),
        high_factor: members.first().map_or(Decimal::ONE, |m| m.2),
        swing: (npv_high - npv_low).abs(),
        npv_low,
        npv_high,
        payback_low,
        payback_high,
    }
}

/// Lines grouped by category, in the order categories first appear.
fn categories(case: &Case, option: usize) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (l, line) in case.options[option].lines.iter().enumerate() {
        let name = if line.category.trim().is_empty() {
            "Uncategorised"
        } else {
            line.category.as_str()
        };
        match groups.iter_mut().find(|(n, _)| n == name) {
            Some((_, members)) => members.push(l),
            None => groups.push((name.to_owned(), vec![l])),
        }
    }
    groups
}

/// The tornado of option `option` of a valid case: by line, or by category when
/// `by_category` (every line of the category at its own low, then its own high).
#[must_use]
pub fn tornado(case: &Case, results: &OptionResults, option: usize, by_category: bool) -> Tornado {
    let lines = &case.options[option].lines;
    let swing = case.risk.tornado_swing;
    let member = |l: usize| {
        let (low, high) = factors(&lines[l], swing);
        (l, low, high)
    };
    let mut bars: Vec<Bar> = if by_category {
        categories(case, option)
            .into_iter()
            .map(|(name, members)| {
                let members: Vec<_> = members.into_iter().map(member).collect();
                bar(results, name, &members)
            })
            .collect()
    } else {
        (0..lines.len())
            .map(|l| bar(results, lines[l].name.clone(), &[member(l)]))
            .collect()
    };
    bars.sort_by_key(|b| std::cmp::Reverse(b.swing));
    Tornado {
        base_npv: results.figures.measures.npv,
        bars,
    }
}

fn switch(results: &OptionResults, members: &[usize], headline: Decimal) -> Switch {
    let pv: Decimal = members.iter().map(|l| contribution(results, *l).0).sum();
    if pv.is_zero() {
        return Switch::NoEffect;
    }
    let fraction = match (-results.figures.measures.npv).checked_div(pv) {
        Some(fraction) if fraction.abs() <= SWITCH_LIMIT => fraction,
        _ => return Switch::OutOfReach,
    };
    let Some(pounds) = fraction.checked_mul(headline) else {
        return Switch::OutOfReach;
    };
    Switch::Change {
        fraction,
        pounds,
        possible: fraction >= -Decimal::ONE,
    }
}

fn with_option(
    case: &Case,
    option: usize,
    change: impl FnOnce(&mut crate::case::CaseOption),
) -> Case {
    let mut single = case.clone();
    let mut chosen = single.options.swap_remove(option);
    change(&mut chosen);
    single.options = vec![chosen];
    // One option alone: no baseline to measure it against.
    single.baseline = None;
    single.preferred_option = None;
    single
}

/// The longest delay, in whole months up to 36, at which the option still pays back.
fn delay_threshold(case: &Case, option: usize) -> Threshold {
    let pays_back = |months: u32| {
        let single = with_option(case, option, |o| {
            o.adjustments.benefit_delay_months = months;
        });
        compute_as_is(&single)
            .is_ok_and(|r| r.options[0].figures.measures.payback.years().is_some())
    };
    if !pays_back(0) {
        return Threshold::Never;
    }
    let max = crate::case::MAX_BENEFIT_DELAY_MONTHS;
    match (1..=max).find(|m| !pays_back(*m)) {
        Some(first_failing) => Threshold::At(Decimal::from(first_failing - 1)),
        None => Threshold::Always,
    }
}

/// The largest benefit shortfall at which the option still pays back: with cumulative cash
/// costs C and benefits B (no shortfall), the position at the end of year t is
/// `B(1 - s) - C`, so the threshold is the largest `1 - C / B` over the years.
fn shortfall_threshold(case: &Case, option: usize) -> Threshold {
    let single = with_option(case, option, |o| {
        o.adjustments.benefit_shortfall = Decimal::ZERO;
    });
    let Ok(results) = compute_as_is(&single) else {
        return Threshold::Never;
    };
    let figures = &results.options[0].figures;
    let (mut costs, mut benefits) = (Decimal::ZERO, Decimal::ZERO);
    let mut best: Option<Decimal> = None;
    for year in &figures.years {
        costs += year.costs_cash;
        benefits += year.benefits_cash;
        if costs <= Decimal::ZERO {
            return Threshold::Always;
        }
        if benefits > Decimal::ZERO
            && let Some(ratio) = costs.checked_div(benefits)
        {
            let s = Decimal::ONE - ratio;
            best = Some(best.map_or(s, |b| b.max(s)));
        }
    }
    match best {
        Some(s) if s >= Decimal::ONE => Threshold::Always,
        Some(s) if s >= Decimal::ZERO => Threshold::At(s),
        _ => Threshold::Never,
    }
}

/// Every switching value of option `option` of a valid case.
#[must_use]
pub fn switching_values(case: &Case, results: &OptionResults, option: usize) -> SwitchingValues {
    let lines_in = &case.options[option].lines;
    let lines = lines_in
        .iter()
        .enumerate()
        .map(|(l, line)| Switching {
            name: line.name.clone(),
            switch: switch(results, &[l], line.amounts.headline()),
        })
        .collect();
    let categories = categories(case, option)
        .into_iter()
        .map(|(name, members)| {
            let headline = members.iter().fold(Decimal::ZERO, |sum, l| {
                sum.saturating_add(lines_in[*l].amounts.headline())
            });
            Switching {
                switch: switch(results, &members, headline),
                name,
            }
        })
        .collect();
    SwitchingValues {
        lines,
        categories,
        delay_months: delay_threshold(case, option),
        shortfall: shortfall_threshold(case, option),
    }
}
