//! What every sheet needs to know about the case: its layouts, and each line's key figures
//! as Sharecase worked them out (the formulas' stored results).

use super::layout::{
    self, Inputs, KINDS, LineFlows, OptionLayout, Repayment, SOURCES, Sharing, sheet_names,
};
use crate::case::{Case, Funding, LineKind, Sharing as HowShared};
use crate::engine::CaseResults;
use crate::engine::kind_slot;
use rust_decimal::prelude::ToPrimitive;

/// The sharing rule of key `k`: 0 equal, 1+q partner q, 1+P+b basis b.
#[must_use]
pub fn rule(case: &Case, k: usize) -> HowShared {
    let partners = case.partners.len();
    if k == 0 {
        HowShared::Equal
    } else if k <= partners {
        HowShared::Partner(case.partners[k - 1].name.clone())
    } else {
        HowShared::Basis(
            case.bases
                .get(k - 1 - partners)
                .map(|b| b.name.clone())
                .unwrap_or_default(),
        )
    }
}

/// One line, as the sheets refer to it.
#[derive(Debug, Clone)]
pub struct LineInfo {
    /// Option index.
    pub option: usize,
    /// Index within the option.
    pub index: usize,
    /// Its kind.
    pub kind: LineKind,
    /// Sharing key: 0 equal, 1+q partner q, 1+P+b basis b.
    pub key: usize,
    /// Funding class (index into the classes), for one-off investment.
    pub funding: Option<usize>,
}

/// Everything the sheets share.
pub struct Model<'a> {
    /// The case (appraised for the scenario shown).
    pub case: &'a Case,
    /// Its figures.
    pub results: &'a CaseResults,
    /// The scenario shown: `None` is the central one.
    pub scenario: Option<usize>,
    /// Years.
    pub years: usize,
    /// The Inputs sheet.
    pub inputs: Inputs,
    /// The Line flows sheet.
    pub flows: LineFlows,
    /// The Sharing sheet.
    pub sharing: Sharing,
    /// One per option.
    pub options: Vec<OptionLayout>,
    /// Repayments of borrowing in use.
    pub repayments: Vec<Repayment>,
    /// Every line, options in order.
    pub lines: Vec<LineInfo>,
    /// Each key's shares by year.
    pub shares: Vec<Vec<crate::engine::partner::Shares>>,
    /// Sharecase's sums of the groups: `[(n * classes + c) * keys + k][t]`, cash and real.
    pub groups: Vec<Vec<[f64; 2]>>,
}

impl<'a> Model<'a> {
    /// The model of `case` and its `results`.
    #[must_use]
    #[allow(clippy::needless_range_loop)]
    pub fn new(case: &'a Case, results: &'a CaseResults) -> Self {
        let years = usize::from(case.horizon).max(1);
        let scenario = results
            .scenario
            .as_ref()
            .and_then(|name| case.scenarios.iter().position(|s| &s.name == name));
        let against = case.baseline_index().is_some();
        let options = sheet_names(case)
            .iter()
            .map(|name| OptionLayout::new(name, years, case.partners.len(), against))
            .collect();
        let repayments = layout::repayments(case);
        let partners = case.partners.len();
        let mut lines = Vec::new();
        for (n, option) in case.options.iter().enumerate() {
            for (i, line) in option.lines.iter().enumerate() {
                let key = match &line.sharing {
                    HowShared::Equal => 0,
                    HowShared::Partner(name) => case.partner_index(name).map_or(0, |q| 1 + q),
                    HowShared::Basis(name) => case
                        .bases
                        .iter()
                        .position(|b| &b.name == name)
                        .map_or(0, |b| 1 + partners + b),
                };
                let funding = match line.funding_source() {
                    None => None,
                    Some(Funding::Borrowing) => Repayment::of(line).and_then(|r| {
                        repayments
                            .iter()
                            .position(|x| *x == r)
                            .map(|c| KINDS.len() + SOURCES.len() + c)
                    }),
                    Some(source) => SOURCES
                        .iter()
                        .position(|s| *s == source)
                        .map(|c| KINDS.len() + c),
                };
                lines.push(LineInfo {
                    option: n,
                    index: i,
                    kind: line.kind,
                    key,
                    funding,
                });
            }
        }
        let sharing = Sharing::new(case);
        let shares = (0..sharing.keys)
            .map(|k| crate::engine::partner::Shares::by_year(case, &rule(case, k)))
            .collect();
        let mut groups =
            vec![vec![[0.0_f64; 2]; years]; sharing.options * sharing.classes * sharing.keys];
        for info in &lines {
            let Some(flows) = results
                .options
                .get(info.option)
                .and_then(|o| o.lines.get(info.index))
            else {
                continue;
            };
            for class in std::iter::once(kind_slot(info.kind)).chain(info.funding) {
                let at = (info.option * sharing.classes + class) * sharing.keys + info.key;
                for t in 0..years {
                    let cash = flows.cash.get(t).and_then(ToPrimitive::to_f64);
                    let real = flows.real.get(t).and_then(ToPrimitive::to_f64);
                    groups[at][t][0] += cash.unwrap_or(0.0);
                    groups[at][t][1] += real.unwrap_or(0.0);
                }
            }
        }
        Self {
            case,
            results,
            scenario,
            years,
            inputs: Inputs::new(case),
            flows: LineFlows {
                years,
                lines: lines.len(),
            },
            sharing,
            options,
            repayments,
            lines,
            shares,
            groups,
        }
    }

    /// Sharecase's figure for partner `p`'s part of class `c` of option `n` in year `t`.
    #[must_use]
    pub fn part(&self, p: usize, n: usize, c: usize, t: usize, real: bool) -> f64 {
        let s = &self.sharing;
        (0..s.keys)
            .map(|k| {
                let share = self.shares[k]
                    .get(t)
                    .and_then(|x| x.shares.get(p))
                    .and_then(ToPrimitive::to_f64)
                    .unwrap_or(0.0);
                share * self.groups[(n * s.classes + c) * s.keys + k][t][usize::from(real)]
            })
            .sum()
    }

    /// The name of class `c`: a kind, a funding source or a repayment of borrowing.
    #[must_use]
    pub fn class_name(&self, c: usize) -> String {
        if let Some(kind) = KINDS.get(c) {
            return kind.label().to_owned();
        }
        if let Some(source) = SOURCES.get(c - KINDS.len()) {
            return source.label().to_owned();
        }
        self.repayments
            .get(c - KINDS.len() - SOURCES.len())
            .map(Repayment::class)
            .unwrap_or_default()
    }

    /// The words for sharing key `k`.
    #[must_use]
    pub fn key_name(&self, k: usize) -> String {
        let partners = self.case.partners.len();
        if k == 0 {
            "Equal shares".into()
        } else if k <= partners {
            format!("All to {}", self.case.partners[k - 1].name)
        } else {
            format!(
                "Basis: {}",
                self.case
                    .bases
                    .get(k - 1 - partners)
                    .map(|b| b.name.as_str())
                    .unwrap_or_default()
            )
        }
    }

    /// Line `g`'s flows as Sharecase worked them out.
    #[must_use]
    pub fn line_flows(&self, g: usize) -> Option<&crate::engine::LineFlows> {
        let info = self.lines.get(g)?;
        self.results.options.get(info.option)?.lines.get(info.index)
    }
}
