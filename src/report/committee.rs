//! The committee summary: what is recommended, what the preferred option costs and saves,
//! what it does to each council's budget, how sure the figures are and which risk matters
//! most, in the words a councillor reads in a minute. Built once here; the PDF's first page
//! and the text summary render it.

use crate::case::Case;
use crate::engine::budget::option_budget;
use crate::engine::risk::{Outcome, RiskResults};
use crate::engine::scenario::Run;
use crate::engine::sensitivity::{Switch, SwitchingValues, switching_values, tornado};
use crate::engine::{CaseResults, OptionResults};
use crate::format::{MoneyStyle, money};
use crate::report::{risk, words};
use rust_decimal::Decimal;

/// The summary of the case for the committee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committee {
    /// The recommendation as the officer wrote it, or a note that there is none yet.
    pub recommendation: String,
    /// Whether the officer wrote one.
    pub has_recommendation: bool,
    /// The option the summary is about.
    pub option: Option<String>,
    /// One sentence: which option and why this one.
    pub lead: String,
    /// The option's key figures: label and value.
    pub figures: Vec<[String; 2]>,
    /// The partners table's column titles.
    pub partners_header: Vec<String>,
    /// Each partner: name, payback, budget effect in each of the first three years (£000).
    pub partners: Vec<Vec<String>>,
    /// A note under the partners table.
    pub partners_note: String,
    /// The risks that matter most, in words.
    pub risks: Vec<String>,
    /// One line per scenario.
    pub scenarios: Vec<String>,
    /// Where the central figures and the Monte Carlo disagree, and why.
    pub reconcile: Option<String>,
}

/// The option the summary is about: the preferred one, else the one with the highest NPV
/// that is not the baseline. Returns its index in `results` and the sentence saying which.
fn chosen(case: &Case, results: &CaseResults) -> Option<(usize, String)> {
    if let Some(name) = &case.preferred_option
        && let Some(i) = results.options.iter().position(|o| &o.name == name)
    {
        return Some((i, format!("Recommended option: {name}.")));
    }
    let best = results
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| case.baseline.as_deref() != Some(o.name.as_str()))
        .max_by(|a, b| a.1.figures.measures.npv.cmp(&b.1.figures.measures.npv))
        .or_else(|| results.options.iter().enumerate().next())?;
    Some((
        best.0,
        format!(
            "No option is marked as preferred yet; the figures below are for {}, which has the highest net present value.",
            best.1.name
        ),
    ))
}

/// The smallest `n` switching values that are possible changes, smallest change first.
#[must_use]
pub fn smallest(values: &SwitchingValues, n: usize) -> Vec<(String, Decimal, Decimal)> {
    let mut all: Vec<(String, Decimal, Decimal)> = values
        .lines
        .iter()
        .chain(&values.categories)
        .filter_map(|s| match &s.switch {
            Switch::Change {
                fraction,
                pounds,
                possible: true,
            } => Some((s.name.clone(), *fraction, *pounds)),
            _ => None,
        })
        .collect();
    all.sort_by(|a, b| a.1.abs().cmp(&b.1.abs()).then_with(|| a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

fn share(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

/// Builds the summary of `case` (appraised for the scenario of `results`): `risk` is the
/// Monte Carlo run, if there is one, and `runs` the options under every scenario.
#[must_use]
pub fn build(
    case: &Case,
    results: &CaseResults,
    risk_results: Option<&RiskResults>,
    runs: &[Run],
) -> Committee {
    let has_recommendation = !case.recommendation.trim().is_empty();
    let recommendation = if has_recommendation {
        case.recommendation.trim().to_owned()
    } else {
        "No recommendation has been written yet (Case settings > Paper).".to_owned()
    };
    let Some((index, lead)) = chosen(case, results) else {
        return Committee {
            recommendation,
            has_recommendation,
            option: None,
            lead: "The case has no options.".into(),
            figures: Vec::new(),
            partners_header: Vec::new(),
            partners: Vec::new(),
            partners_note: String::new(),
            risks: Vec::new(),
            scenarios: Vec::new(),
            reconcile: None,
        };
    };
    let option = &results.options[index];
    let entered = case.options.iter().position(|o| o.name == option.name);
    let years = &results.years;
    let outcome: Option<&Outcome> = risk_results
        .and_then(|r| r.options.get(index))
        .and_then(|o| o.first());
    let figures = key_figures(case, results, option, outcome, risk_results);
    let (partners_header, partners) = entered.map_or((Vec::new(), Vec::new()), |i| {
        partner_rows(case, results, option, i)
    });
    let mut risks = Vec::new();
    if let Some(i) = entered {
        let bars = tornado(case, option, i, false);
        if let Some(bar) = bars.bars.first() {
            risks.push(format!(
                "The net present value is most sensitive to {}: between the low and high ends of its range it runs from {} to {}.",
                bar.name,
                money(bar.npv_low, MoneyStyle::Pounds),
                money(bar.npv_high, MoneyStyle::Pounds)
            ));
        }
        let values = switching_values(case, option, i);
        if let Some((name, fraction, pounds)) = smallest(&values, 1).into_iter().next() {
            risks.push(format!(
                "The smallest switching value is {name}: {} of {} ({} in year-0 prices) would bring the net present value to zero.",
                if fraction < Decimal::ZERO { "a fall" } else { "a rise" },
                crate::format::percent(fraction.abs(), 1),
                money(pounds.abs(), MoneyStyle::Pounds)
            ));
        }
        risks.push(format!("It {}.", risk::delay_words(&values.delay_months)));
    }
    let scenarios = runs
        .iter()
        .map(|run| match &run.results {
            Some(r) => r
                .options
                .iter()
                .find(|o| o.name == option.name)
                .map_or_else(
                    || format!("{}: not worked out.", run.name),
                    |o| {
                        format!(
                            "{}: pays back {}; net present value {}.",
                            run.name,
                            payback_phrase(&o.figures.measures.payback, years),
                            money(o.figures.measures.npv, MoneyStyle::Pounds)
                        )
                    },
                ),
            None => format!("{}: not worked out (the scenario has problems).", run.name),
        })
        .collect();
    let reconcile = outcome
        .zip(entered)
        .and_then(|(o, i)| risk::reconcile(&case.options[i], &option.figures.measures, o, years));
    Committee {
        recommendation,
        has_recommendation,
        option: Some(option.name.clone()),
        lead,
        figures,
        partners_header,
        partners,
        partners_note: "Budget effect: the net change to each council's revenue budget, £000; a cost is positive and a saving in brackets, with MRP and interest on borrowing.".into(),
        risks,
        scenarios,
        reconcile,
    }
}

/// "in 2030/31 (4 years 12 months)" or "not within 10 years".
fn payback_phrase(p: &crate::engine::Payback, years: &[String]) -> String {
    match p {
        crate::engine::Payback::After { year, .. } => format!(
            "in {} ({})",
            years.get(*year).map_or("", String::as_str),
            words::payback(p, years)
                .split(", in ")
                .next()
                .unwrap_or_default()
        ),
        crate::engine::Payback::Immediate => "at once (never below zero)".into(),
        crate::engine::Payback::NotWithinHorizon { .. } => {
            format!("not within {} years", years.len())
        }
    }
}

fn key_figures(
    case: &Case,
    results: &CaseResults,
    option: &OptionResults,
    outcome: Option<&Outcome>,
    risk_results: Option<&RiskResults>,
) -> Vec<[String; 2]> {
    let years = &results.years;
    let m = &option.figures.measures;
    let mut out = vec![
        [
            "Payback (cash)".to_owned(),
            words::payback(&m.payback, years),
        ],
        [
            "Discounted payback".to_owned(),
            words::payback(&m.discounted_payback, years),
        ],
        [
            format!(
                "Net present value ({} years, discounted at {})",
                years.len(),
                crate::format::percent_short(case.discount_rate)
            ),
            money(m.npv, MoneyStyle::Pounds),
        ],
    ];
    if let Some(o) = outcome {
        out.push([
            "Net present value, P10 to P90 of the trials".to_owned(),
            format!("{} to {}", money_f(o.npv.p10), money_f(o.npv.p90)),
        ]);
        out.push([
            format!("Chance of paying back within {} years", years.len()),
            format!(
                "{} of {} trials",
                share(o.within_horizon),
                crate::format::grouped(Decimal::from(risk_results.map_or(0, |r| r.trials)), 0)
            ),
        ]);
    }
    if let Some(inc) = &option.incremental {
        out.push([
            format!("Net present value against {}", inc.against),
            money(inc.figures.measures.npv, MoneyStyle::Pounds),
        ]);
    }
    out.push([
        "One-off investment (cash)".to_owned(),
        money(m.totals.investment_cash, MoneyStyle::Pounds),
    ]);
    out
}

fn money_f(value: f64) -> String {
    Decimal::from_f64_retain(value).map_or_else(|| "-".into(), |d| money(d, MoneyStyle::Pounds))
}

fn partner_rows(
    case: &Case,
    results: &CaseResults,
    option: &OptionResults,
    index: usize,
) -> (Vec<String>, Vec<Vec<String>>) {
    let years = &results.years;
    let shown = years.len().min(3);
    let budget = option_budget(case, option, index);
    let mut header = vec!["Partner".to_owned(), "Payback".to_owned()];
    header.extend(years.iter().take(shown).map(|y| format!("{y} £000")));
    let rows = option
        .partners
        .iter()
        .zip(&budget.partners)
        .map(|(p, b)| {
            let mut row = vec![
                p.name.clone(),
                words::payback(&p.figures.measures.payback, years),
            ];
            row.extend(
                b.years
                    .iter()
                    .take(shown)
                    .map(|y| crate::format::in_thousands(y.revenue_budget_impact)),
            );
            row
        })
        .collect();
    (header, rows)
}
