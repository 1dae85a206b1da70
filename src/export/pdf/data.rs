//! The report's content as data: every figure already written the way the app writes it, so
//! the template only lays out. User text (titles, option and line names, sources) reaches
//! typst as JSON strings, never as markup, so `#`, `*`, `$` and the like print as typed.

use crate::case::{Case, Sharing};
use crate::engine::partner::Shares;
use crate::engine::risk::{Outcome, RiskResults};
use crate::engine::sensitivity::switching_values;
use crate::engine::{CaseResults, Figures, Irr, Measures, OptionResults};
use crate::format::{MoneyStyle, money, number, percent, percent_short};
use crate::report::{partners, risk, words};
use rust_decimal::Decimal;
use serde::Serialize;

const STYLE: MoneyStyle = MoneyStyle::Pounds;

/// Everything the template prints.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The case title.
    pub title: String,
    /// The date the report was made.
    pub date: String,
    /// The case file's name, or "not yet saved".
    pub file: String,
    /// The case description, trimmed.
    pub description: String,
    /// One sentence on the years, prices and discounting.
    pub basis: String,
    /// The note under the summary table: when payback counts from, and how money is written.
    pub summary_note: String,
    /// Options side by side: a header row of option names, then one row per measure.
    pub compare: Table,
    /// The payback chart of every option, if there is one.
    pub payback_chart: Option<ChartRef>,
    /// One entry per option.
    pub options: Vec<OptionData>,
    /// The case's settings as label and value.
    pub assumptions: Vec<[String; 2]>,
    /// The sharing bases and the shares they give.
    pub bases: Vec<Basis>,
    /// Every line's source: option, line, sharing, source.
    pub sources: Vec<[String; 4]>,
    /// How the Monte Carlo was run, or why it was not.
    pub risk_note: String,
    /// The yearly table's column titles.
    pub yearly_columns: Vec<String>,
}

/// A chart image the template places, and its caption.
#[derive(Debug, Serialize)]
pub struct ChartRef {
    /// Virtual path of the SVG.
    pub path: String,
    /// Caption.
    pub title: String,
}

/// A table of text cells: column titles, body rows, and an optional total row.
#[derive(Debug, Serialize, Default)]
pub struct Table {
    /// Column titles.
    pub header: Vec<String>,
    /// Body rows.
    pub rows: Vec<Vec<String>>,
    /// A total row under a rule, if any.
    pub total: Option<Vec<String>>,
    /// The body row that a light rule goes above, to set off a group (categories after
    /// lines).
    pub rule_before: Option<usize>,
}

/// One option's part of the report.
#[derive(Debug, Serialize)]
pub struct OptionData {
    /// "Option 1: Do minimum".
    pub heading: String,
    /// The option's name alone.
    pub name: String,
    /// Its description, trimmed.
    pub description: String,
    /// Its adjustments in words.
    pub adjustments: String,
    /// NPV, IRR, payback and the ratios, as label and value.
    pub headline: Vec<[String; 2]>,
    /// Investment, costs, benefits and net: cash and present value.
    pub totals: Table,
    /// The option's warnings, worded as the text summary words them.
    pub warnings: Vec<String>,
    /// Investment against savings, if the chart exists.
    pub flows_chart: Option<ChartRef>,
    /// Each partner's money, with the option's as the total.
    pub partners: Table,
    /// Each partner's return and payback, with the option's as the total.
    pub partner_payback: Table,
    /// The note under the partners' money.
    pub partner_note: String,
    /// The note under the partners' return and payback, if one is needed.
    pub partner_payback_note: String,
    /// The partners' warnings.
    pub partner_warnings: Vec<String>,
    /// The yearly table.
    pub yearly: Table,
    /// Switching values per line, then per category.
    pub switching: Table,
    /// The benefit delay and shortfall the option can bear, in words.
    pub thresholds: Vec<String>,
    /// The Monte Carlo summary of the option and its partners.
    pub risk: Option<Table>,
    /// The Monte Carlo headline sentence.
    pub risk_headline: Option<String>,
}

/// A sharing basis: its weights and the shares they give.
#[derive(Debug, Serialize)]
pub struct Basis {
    /// The basis's name.
    pub name: String,
    /// Where the weights come from.
    pub source: String,
    /// Partner, weight, share.
    pub rows: Vec<[String; 3]>,
}

fn bcr(m: &Measures) -> String {
    m.bcr
        .map_or_else(|| "none: no costs".into(), |b| number(b, 2))
}

fn roi(m: &Measures) -> String {
    m.roi
        .map_or_else(|| "none: no costs".into(), |r| percent(r, 1))
}

/// A weight as typed, with its thousands grouped: `121,800`, `12.5`.
fn weight(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, text) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// Money from a Monte Carlo figure (trials are in floating point).
fn money_f(value: f64) -> String {
    Decimal::from_f64_retain(value).map_or_else(|| "-".to_owned(), |d| money(d, STYLE))
}

/// The note a table needs when an IRR in it is marked `*` (one of several rates).
fn several_note<'a>(measures: impl IntoIterator<Item = &'a Measures>) -> String {
    let several = measures
        .into_iter()
        .any(|m| matches!(m.irr, Irr::Rate { solutions, .. } if solutions > 1));
    if several {
        " An IRR marked * is one of several rates that give an NPV of zero: the one nearest \
         zero."
            .to_owned()
    } else {
        String::new()
    }
}

fn share_f(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

/// The charts the report shows: the payback of every option, and each option's investment
/// against savings (in option order, `None` where there is none).
#[derive(Debug, Default)]
pub struct Charts {
    /// Every option's payback, in cash.
    pub payback: Option<ChartRef>,
    /// Each option's investment against savings.
    pub flows: Vec<Option<ChartRef>>,
}

/// Builds the report's data.
#[must_use]
pub fn build(
    case: &Case,
    results: &CaseResults,
    provenance: &super::super::Provenance,
    charts: Charts,
    risk_results: Option<&RiskResults>,
) -> Report {
    let years = &results.years;
    let first = years.first().map_or("", String::as_str);
    let last = years.last().map_or("", String::as_str);
    let mut flows = charts.flows.into_iter();
    let options = results
        .options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            option_data(
                case,
                results,
                index,
                option,
                flows.next().flatten(),
                risk_results,
            )
        })
        .collect();
    Report {
        title: case.title.clone(),
        date: provenance.date.clone(),
        file: provenance
            .file
            .clone()
            .unwrap_or_else(|| "not yet saved".into()),
        description: case.description.trim().to_owned(),
        basis: format!(
            "{} years from {first} to {last}. Cash figures are in the prices of each year; \
             real terms are in {first} prices, discounted at {} a year. General inflation {}.",
            years.len(),
            percent_short(case.discount_rate),
            percent_short(case.inflation),
        ),
        summary_note: format!(
            "Payback counts from the start of {first}, when the position is first back to \
             zero. Money is in pounds; figures in brackets are negative.{}",
            several_note(results.options.iter().map(|o| &o.figures.measures))
        ),
        compare: compare(results, case.discount_rate),
        payback_chart: charts.payback,
        options,
        assumptions: assumptions(case, results),
        bases: bases(case),
        sources: sources(case),
        risk_note: risk_results.map_or_else(
            || "The Monte Carlo analysis could not be run for this case.".to_owned(),
            |r| {
                let mut note = format!(
                    "Monte Carlo: {} trials drawn from each line's range (seed {}, so the \
                     same case gives the same results).",
                    group_count(r.trials),
                    r.seed
                );
                if let Some(label) = case.risk.target_year.and_then(|t| years.get(t as usize)) {
                    note.push_str(&format!(" The target is payback by the end of {label}."));
                }
                note
            },
        ),
        yearly_columns: words::YEARLY_COLUMNS
            .iter()
            .map(|&c| c.to_owned())
            .collect(),
    }
}

fn group_count(n: u64) -> String {
    weight(Decimal::from(n))
}

fn compare(results: &CaseResults, rate: Decimal) -> Table {
    let years = &results.years;
    let mut header = vec![String::new()];
    header.extend(results.options.iter().map(|o| o.name.clone()));
    type Cell = Box<dyn Fn(&Measures) -> String>;
    let years_a = years.clone();
    let years_b = years.clone();
    let rows: Vec<(String, Cell)> = vec![
        (
            format!(
                "Net present value (real terms, discounted at {})",
                percent_short(rate)
            ),
            Box::new(|m: &Measures| money(m.npv, STYLE)),
        ),
        (
            "Internal rate of return (real terms)".into(),
            Box::new(|m: &Measures| words::irr_short(&m.irr)),
        ),
        (
            "Payback (cash)".into(),
            Box::new(move |m: &Measures| words::payback(&m.payback, &years_a)),
        ),
        (
            "Discounted payback (real terms)".into(),
            Box::new(move |m: &Measures| words::payback(&m.discounted_payback, &years_b)),
        ),
        ("Benefit-cost ratio (present values)".into(), Box::new(bcr)),
        (
            "Return on investment (cash, undiscounted)".into(),
            Box::new(roi),
        ),
        (
            "Investment (cash)".into(),
            Box::new(|m: &Measures| money(m.totals.investment_cash, STYLE)),
        ),
        (
            "All costs (cash)".into(),
            Box::new(|m: &Measures| money(m.totals.costs_cash, STYLE)),
        ),
        (
            "Benefits (cash)".into(),
            Box::new(|m: &Measures| money(m.totals.benefits_cash, STYLE)),
        ),
        (
            "Net (cash)".into(),
            Box::new(|m: &Measures| money(m.totals.net_cash, STYLE)),
        ),
    ];
    Table {
        header,
        rows: rows
            .into_iter()
            .map(|(label, cell)| {
                std::iter::once(label)
                    .chain(results.options.iter().map(|o| cell(&o.figures.measures)))
                    .collect()
            })
            .collect(),
        total: None,
        rule_before: None,
    }
}

fn headline(m: &Measures, years: &[String], rate: Decimal) -> Vec<[String; 2]> {
    vec![
        [
            format!(
                "Net present value (real terms, discounted at {})",
                percent_short(rate)
            ),
            money(m.npv, STYLE),
        ],
        [
            "Internal rate of return (real terms)".into(),
            words::irr(&m.irr),
        ],
        ["Payback (cash)".into(), words::payback(&m.payback, years)],
        [
            "Discounted payback (real terms)".into(),
            words::payback(&m.discounted_payback, years),
        ],
        ["Benefit-cost ratio (present values)".into(), bcr(m)],
        ["Return on investment (cash, undiscounted)".into(), roi(m)],
    ]
}

fn totals(m: &Measures) -> Table {
    let t = &m.totals;
    let row = |label: &str, cash: Decimal, pv: Decimal| {
        vec![label.to_owned(), money(cash, STYLE), money(pv, STYLE)]
    };
    Table {
        header: vec![String::new(), "Cash".into(), "Present value".into()],
        rows: vec![
            row("Investment (one-off)", t.investment_cash, t.investment_pv),
            row("All costs", t.costs_cash, t.costs_pv),
            row(
                "Benefits (savings and income)",
                t.benefits_cash,
                t.benefits_pv,
            ),
        ],
        total: Some(row("Net", t.net_cash, m.npv)),
        rule_before: None,
    }
}

/// The partners' money, rounded so it adds up, with the option's as the total.
fn partners_money(option: &OptionResults) -> Table {
    let whole = option.figures.measures.totals.investment_cash;
    let share = |part: Decimal| {
        if whole.is_zero() {
            "-".to_owned()
        } else {
            percent(part / whole, 1)
        }
    };
    let row = |name: &str, f: &Figures| {
        let m = &f.measures;
        let t = &m.totals;
        vec![
            name.to_owned(),
            share(t.investment_cash),
            money(t.investment_cash, STYLE),
            money(t.costs_cash, STYLE),
            money(t.benefits_cash, STYLE),
            money(t.net_cash, STYLE),
            money(m.npv, STYLE),
        ]
    };
    Table {
        header: [
            "Partner",
            "Share of investment",
            "Investment (cash)",
            "All costs (cash)",
            "Benefits (cash)",
            "Net (cash)",
            "NPV",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: option
            .partners
            .iter()
            .zip(partners::apportioned(option))
            .map(|(p, rounded)| row(&p.name, &rounded))
            .collect(),
        total: Some(row("All partners", &option.figures)),
        rule_before: None,
    }
}

/// A payback that does not fit a narrow column breaks before its bracket, not inside it:
/// "not within 10 years" above "(£325,990 short)".
fn on_two_lines(words: &str) -> String {
    words.replacen(" (", "\n(", 1)
}

/// The partners' return and payback, with the option's as the total.
fn partners_payback(option: &OptionResults, years: &[String]) -> Table {
    let row = |name: &str, m: &Measures| {
        vec![
            name.to_owned(),
            words::irr_short(&m.irr),
            m.bcr.map_or_else(|| "none".into(), |b| number(b, 2)),
            on_two_lines(&words::payback(&m.payback, years)),
            on_two_lines(&words::payback(&m.discounted_payback, years)),
        ]
    };
    Table {
        header: [
            "Partner",
            "IRR",
            "Benefit-cost ratio",
            "Payback (cash)",
            "Discounted payback",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: option
            .partners
            .iter()
            .map(|p| row(&p.name, &p.figures.measures))
            .collect(),
        total: Some(row("All partners", &option.figures.measures)),
        rule_before: None,
    }
}

fn yearly(f: &Figures) -> Table {
    let mut rows = words::yearly_rows(f, STYLE);
    let total = rows.pop();
    Table {
        header: words::YEARLY_COLUMNS
            .iter()
            .map(|&c| c.to_owned())
            .collect(),
        rows,
        total,
        rule_before: None,
    }
}

fn risk_table(outcomes: &[Outcome], case: &Case, years: &[String]) -> Table {
    let target = case
        .risk
        .target_year
        .and_then(|t| years.get(t as usize))
        .map(|label| format!("Pays back by end of {label}"));
    let mut header: Vec<String> = [
        "Monte Carlo",
        "NPV P10",
        "NPV P50 (median)",
        "NPV P90",
        "Median payback",
    ]
    .map(str::to_owned)
    .to_vec();
    header.push(format!("Pays back within {} years", years.len()));
    if let Some(t) = &target {
        header.push(t.clone());
    }
    Table {
        header,
        rows: outcomes
            .iter()
            .map(|o| {
                let mut row = vec![
                    o.name.clone(),
                    money_f(o.npv.p10),
                    money_f(o.npv.p50),
                    money_f(o.npv.p90),
                    risk::years_f(o.payback.p50, years.len()),
                    share_f(o.within_horizon),
                ];
                if target.is_some() {
                    row.push(o.by_target.map_or_else(|| "-".to_owned(), share_f));
                }
                row
            })
            .collect(),
        total: None,
        rule_before: None,
    }
}

fn option_data(
    case: &Case,
    results: &CaseResults,
    index: usize,
    option: &OptionResults,
    flows_chart: Option<ChartRef>,
    risk_results: Option<&RiskResults>,
) -> OptionData {
    let years = &results.years;
    let source = case.options.get(index);
    let m = &option.figures.measures;
    let switching = switching_values(case, option, index);
    let mut switch_rows: Vec<Vec<String>> = switching
        .lines
        .iter()
        .map(|s| {
            let (change, pounds) = risk::switch_words(&s.switch);
            vec![s.name.clone(), change, pounds]
        })
        .collect();
    switch_rows.extend(switching.categories.iter().map(|s| {
        let (change, pounds) = risk::switch_words(&s.switch);
        vec![format!("All {}", s.name), change, pounds]
    }));
    let outcomes = risk_results.and_then(|r| r.options.get(index));
    OptionData {
        heading: format!("Option {}: {}", index + 1, option.name),
        name: option.name.clone(),
        description: source.map_or_else(String::new, |o| o.description.trim().to_owned()),
        adjustments: source.map_or_else(|| "none".into(), |o| words::adjustments(&o.adjustments)),
        headline: headline(m, years, case.discount_rate),
        totals: totals(m),
        warnings: option
            .figures
            .warnings
            .iter()
            .map(|w| words::warning_line(w, years, None))
            .collect(),
        flows_chart,
        partners: partners_money(option),
        partner_payback: partners_payback(option, years),
        partner_note: "Partners' money figures are rounded so that they add up to the option's."
            .to_owned(),
        partner_payback_note: several_note(
            option
                .partners
                .iter()
                .map(|p| &p.figures.measures)
                .chain([m]),
        )
        .trim()
        .to_owned(),
        partner_warnings: option
            .partners
            .iter()
            .flat_map(|p| {
                p.figures
                    .warnings
                    .iter()
                    .map(move |w| words::warning_line(w, years, Some(&p.name)))
            })
            .collect(),
        yearly: yearly(&option.figures),
        switching: Table {
            header: [
                "Switching values",
                "Change that brings NPV to zero",
                "In pounds (year-0 prices)",
            ]
            .map(str::to_owned)
            .to_vec(),
            rule_before: (!switching.categories.is_empty()).then_some(switching.lines.len()),
            rows: switch_rows,
            total: None,
        },
        thresholds: vec![
            format!("It {}.", risk::delay_words(&switching.delay_months)),
            format!("It {}.", risk::shortfall_words(&switching.shortfall)),
        ],
        risk: outcomes.map(|o| risk_table(o, case, years)),
        risk_headline: outcomes
            .and_then(|o| o.first())
            .map(|o| format!("{} {}.", option.name, risk::headline(o, case, years))),
    }
}

fn assumptions(case: &Case, results: &CaseResults) -> Vec<[String; 2]> {
    let years = &results.years;
    vec![
        [
            "First year".into(),
            years.first().cloned().unwrap_or_default(),
        ],
        [
            "Horizon".into(),
            format!(
                "{} years, {} to {}",
                years.len(),
                years.first().map_or("", String::as_str),
                years.last().map_or("", String::as_str)
            ),
        ],
        [
            "Discount rate".into(),
            format!("{} a year, real terms", percent_short(case.discount_rate)),
        ],
        [
            "General inflation".into(),
            format!(
                "{} a year (lines may set their own indexation)",
                percent_short(case.inflation)
            ),
        ],
        ["Partners".into(), results.partners.join(", ")],
    ]
}

fn bases(case: &Case) -> Vec<Basis> {
    case.bases
        .iter()
        .map(|basis| {
            let shares = Shares::of(case, &Sharing::Basis(basis.name.clone()));
            Basis {
                name: basis.name.clone(),
                source: basis.source.trim().to_owned(),
                rows: case
                    .partners
                    .iter()
                    .enumerate()
                    .map(|(p, partner)| {
                        [
                            partner.name.clone(),
                            weight(
                                basis
                                    .weights
                                    .get(&partner.name)
                                    .copied()
                                    .unwrap_or_default(),
                            ),
                            percent(shares.shares.get(p).copied().unwrap_or_default(), 1),
                        ]
                    })
                    .collect(),
            }
        })
        .collect()
}

fn sources(case: &Case) -> Vec<[String; 4]> {
    case.options
        .iter()
        .flat_map(|option| {
            option.lines.iter().map(|line| {
                let source = line.source.trim();
                [
                    option.name.clone(),
                    line.name.clone(),
                    match &line.sharing {
                        Sharing::Equal => "Equal shares".to_owned(),
                        other => {
                            let text = other.to_string();
                            let mut chars = text.chars();
                            chars.next().map_or_else(String::new, |c| {
                                c.to_uppercase().chain(chars).collect()
                            })
                        }
                    },
                    if source.is_empty() {
                        "not given".to_owned()
                    } else {
                        source.to_owned()
                    },
                ]
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_grouped_as_typed() {
        assert_eq!(weight(Decimal::from(121_800)), "121,800");
        assert_eq!(weight(Decimal::from(2_310_000)), "2,310,000");
        assert_eq!(weight(Decimal::new(125, 1)), "12.5");
        assert_eq!(weight(Decimal::new(-12_345_678, 3)), "-12,345.678");
        assert_eq!(weight(Decimal::ZERO), "0");
    }
}
