//! The engine: pure functions from a validated case to every figure the views show.
//!
//! Exact decimals throughout (IRR aside, which the conventions let iterate in `f64`). It knows
//! nothing of windows, files or words: a warning is a code and its figures, and
//! [`crate::report`] writes everything for people, so the app, the CLI and every export show
//! the same figures in the same words from one computation.

pub mod budget;
pub mod discount;
mod figures;
pub mod flows;
pub mod irr;
pub mod line;
pub mod partner;
pub mod payback;
pub mod results;
pub mod risk;
pub mod sampling;
pub mod scenario;
pub mod sensitivity;

pub use figures::{KindTotals, figures, incremental, kind_slot};
pub use results::*;

use crate::case::{Case, CaseOption, Problem, Sharing, validate};
use discount::{Prices, discount_factors};
use line::line_flows;
use partner::Shares;
use rust_decimal::Decimal;

/// Validates the case and computes every option and partner, in the central scenario (the
/// case as entered) with each option's optimism bias.
///
/// # Errors
/// Every validation problem, when there is any: nothing is computed from a broken case.
pub fn compute(case: &Case) -> Result<CaseResults, Vec<Problem>> {
    compute_under(case, None)
}

/// Validates the case and computes every option and partner under scenario `scenario`
/// (`None` for the central one, else an index into `case.scenarios`).
///
/// # Errors
/// Every validation problem, when there is any: nothing is computed from a broken case.
pub fn compute_under(case: &Case, scenario: Option<usize>) -> Result<CaseResults, Vec<Problem>> {
    let problems = validate(case);
    if problems.is_empty() {
        Ok(compute_appraised(
            &scenario::appraised_cow(case, scenario),
            scenario,
        ))
    } else {
        Err(problems)
    }
}

/// Computes a case already known to be valid ([`validate`] returned nothing), in the central
/// scenario with each option's optimism bias.
#[must_use]
pub fn compute_valid(case: &Case) -> CaseResults {
    compute_appraised(&scenario::appraised_cow(case, None), None)
}

/// Validates and computes a case whose overlays are already set ([`scenario::appraised`]), as
/// it is: what sensitivity and risk use to recompute an option under the same scenario.
///
/// # Errors
/// Every validation problem, when there is any.
pub fn compute_as_is(case: &Case) -> Result<CaseResults, Vec<Problem>> {
    let problems = validate(case);
    if problems.is_empty() {
        Ok(compute_appraised(case, None))
    } else {
        Err(problems)
    }
}

/// Computes a valid case whose overlays are set, naming the figures' scenario. The scenario
/// index only names the figures: the overlays already carry it.
#[must_use]
pub fn compute_appraised(case: &Case, scenario: Option<usize>) -> CaseResults {
    let years = usize::from(case.horizon);
    let labels: Vec<String> = (0..years).map(|t| case.year_label(t)).collect();
    let discount = discount_factors(case.discount_rate, years);
    let mut prices = Prices::new(case.general_inflation(), years);
    let mut options: Vec<OptionResults> = case
        .options
        .iter()
        .map(|option| option_results(case, option, &labels, &discount, &mut prices))
        .collect();
    if let Some(base) = case.baseline_index() {
        add_incremental(&mut options, base, &labels, &discount);
    }
    for (option, source) in options.iter_mut().zip(&case.options) {
        if let Some(bias) = &source.optimism_bias {
            option.figures.warnings.extend(
                bias.below_lower_bounds()
                    .into_iter()
                    .map(|below| Warning::OptimismBiasBelowLowerBound { below }),
            );
        }
    }
    CaseResults {
        scenario: (!case.scenarios.is_empty()).then(|| scenario::name(case, scenario)),
        years: labels,
        partners: case.partners.iter().map(|p| p.name.clone()).collect(),
        options,
    }
}

/// Gives every option but the baseline (`base`) its figures against the baseline, for the
/// option and for each partner.
fn add_incremental(
    options: &mut [OptionResults],
    base: usize,
    labels: &[String],
    discount: &[Decimal],
) {
    let Some(baseline) = options.get(base).cloned() else {
        return;
    };
    for (i, option) in options.iter_mut().enumerate() {
        if i == base {
            continue;
        }
        let against = baseline.name.clone();
        option.incremental = Some(Incremental {
            figures: incremental(
                &option.figures,
                &baseline.figures,
                &against,
                labels,
                discount,
            ),
            against: against.clone(),
        });
        for (partner, theirs) in option.partners.iter_mut().zip(&baseline.partners) {
            partner.incremental = Some(incremental(
                &partner.figures,
                &theirs.figures,
                &against,
                labels,
                discount,
            ));
        }
    }
}

/// Lines that share by the same rule are added up before the sharing, so the cost of
/// sharing grows with the number of rules, not of lines.
struct SharingGroup<'a> {
    sharing: &'a Sharing,
    kinds: KindTotals,
}

fn option_results(
    case: &Case,
    option: &CaseOption,
    labels: &[String],
    discount: &[Decimal],
    prices: &mut Prices,
) -> OptionResults {
    let years = labels.len();
    let mut groups: Vec<SharingGroup<'_>> = Vec::new();
    let mut categories: Vec<CategoryFlows> = Vec::new();
    let mut line_warnings = Vec::new();
    let mut lines = Vec::with_capacity(option.lines.len());
    let mut lost = Decimal::ZERO;
    for (index, line) in option.lines.iter().enumerate() {
        let (flows, lost_here) = line_flows(
            line,
            years,
            &option.adjustments,
            case.line_prices(line),
            case.general_inflation(),
            prices,
        );
        lost += lost_here;
        let group = match groups.iter().position(|g| *g.sharing == line.sharing) {
            Some(at) => &mut groups[at],
            None => {
                groups.push(SharingGroup {
                    sharing: &line.sharing,
                    kinds: KindTotals::zero(years),
                });
                groups.last_mut().expect("just pushed")
            }
        };
        group.kinds.add(line.kind, &flows.cash, &flows.real);
        add_category(&mut categories, &flows, years);
        if line.amounts.falls_beyond(years) {
            line_warnings.push(Warning::BeyondHorizon {
                line: index,
                name: line.name.clone(),
            });
        }
        let entered = line.amounts.by_year(years);
        if entered.iter().all(Decimal::is_zero) && !line.amounts.falls_beyond(years) {
            line_warnings.push(Warning::EmptyLine {
                line: index,
                name: line.name.clone(),
            });
        }
        lines.push(flows);
    }
    let mut totals = KindTotals::zero(years);
    for group in &groups {
        totals.add_all(&group.kinds);
    }
    let totals = totals.rounded();
    for category in &mut categories {
        for v in category.cash.iter_mut().chain(category.real.iter_mut()) {
            *v = line::working(*v);
        }
    }
    let mut figures = figures(&totals, labels, discount);
    if lost > Decimal::ZERO {
        figures.warnings.push(Warning::DelayedPastHorizon {
            months: option
                .adjustments
                .benefit_delay_months
                .saturating_add(option.adjustments.overlay.delay_months),
            lost,
        });
    }
    figures.warnings.extend(line_warnings);
    let partners = partner_results(case, &groups, &totals, labels, discount);
    OptionResults {
        name: option.name.clone(),
        lines,
        by_category: categories,
        figures,
        partners,
        incremental: None,
    }
}

fn add_category(categories: &mut Vec<CategoryFlows>, flows: &LineFlows, years: usize) {
    let name = if flows.category.trim().is_empty() {
        "Uncategorised"
    } else {
        flows.category.as_str()
    };
    let is_benefit = flows.kind.is_benefit();
    let at = match categories
        .iter()
        .position(|c| c.category == name && c.is_benefit == is_benefit)
    {
        Some(at) => at,
        None => {
            categories.push(CategoryFlows {
                category: name.to_owned(),
                is_benefit,
                cash: vec![Decimal::ZERO; years],
                real: vec![Decimal::ZERO; years],
            });
            categories.len() - 1
        }
    };
    let category = &mut categories[at];
    for (total, v) in category.cash.iter_mut().zip(&flows.cash) {
        *total += *v;
    }
    for (total, v) in category.real.iter_mut().zip(&flows.real) {
        *total += *v;
    }
}

fn partner_results(
    case: &Case,
    groups: &[SharingGroup<'_>],
    option: &KindTotals,
    labels: &[String],
    discount: &[Decimal],
) -> Vec<PartnerResults> {
    let count = case.partners.len();
    let years = labels.len();
    // Each partner's exact part, added up over the groups at full precision first (so a
    // half penny made of twelfths stays a half), then rounded to the working scale; the
    // partner with the largest part takes the remainder, so partners add up to the option's
    // rounded figure exactly.
    let mut exact: Vec<KindTotals> = (0..count).map(|_| KindTotals::zero(years)).collect();
    for group in groups {
        let by_year = Shares::by_year(case, group.sharing);
        for t in 0..years {
            let Some(shares) = by_year.get(t).or_else(|| by_year.last()) else {
                continue;
            };
            for (partner, share) in exact.iter_mut().zip(&shares.shares) {
                if share.is_zero() {
                    continue;
                }
                for slot in 0..5 {
                    partner.cash[slot][t] += group.kinds.cash[slot][t] * *share;
                    partner.real[slot][t] += group.kinds.real[slot][t] * *share;
                }
            }
        }
    }
    let mut kinds: Vec<KindTotals> = (0..count).map(|_| KindTotals::zero(years)).collect();
    for slot in 0..5 {
        for t in 0..years {
            settle(
                exact.iter().map(|k| k.cash[slot][t]),
                option.cash[slot][t],
                kinds.iter_mut().map(|k| &mut k.cash[slot][t]),
            );
            settle(
                exact.iter().map(|k| k.real[slot][t]),
                option.real[slot][t],
                kinds.iter_mut().map(|k| &mut k.real[slot][t]),
            );
        }
    }
    case.partners
        .iter()
        .zip(kinds)
        .map(|(partner, kinds)| {
            let mut figures = figures(&kinds, labels, discount);
            if kinds.is_zero() {
                figures.warnings.push(Warning::PartnerUntouched {
                    partner: partner.name.clone(),
                });
            }
            PartnerResults {
                name: partner.name.clone(),
                figures,
                incremental: None,
            }
        })
        .collect()
}

/// Rounds exact partner parts to the working scale, the largest part (the first of equals)
/// taking `total` less the others, so the parts add up to `total` exactly.
fn settle<'a>(
    exact: impl Iterator<Item = Decimal>,
    total: Decimal,
    into: impl Iterator<Item = &'a mut Decimal>,
) {
    let exact: Vec<Decimal> = exact.collect();
    let mut largest = 0;
    for (p, v) in exact.iter().enumerate() {
        if v.abs() > exact[largest].abs() {
            largest = p;
        }
    }
    let mut given = Decimal::ZERO;
    let mut slots: Vec<&mut Decimal> = into.collect();
    for (p, (slot, v)) in slots.iter_mut().zip(&exact).enumerate() {
        if p != largest {
            **slot = line::working(*v);
            given += **slot;
        }
    }
    if let Some(slot) = slots.get_mut(largest) {
        **slot = total - given;
    }
}
