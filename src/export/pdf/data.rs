//! The report's content as data: every figure already written the way the app writes it, so
//! the template only lays out. User text (titles, option and line names, sources) reaches
//! typst as JSON strings, never as markup, so `#`, `*`, `$` and the like print as typed.

use crate::case::{Case, Sharing};
use crate::engine::partner::Shares;
use crate::engine::risk::{Outcome, RiskResults};
use crate::engine::sensitivity::switching_values;
use crate::engine::{CaseResults, Figures, OptionResults};
use crate::format::{MoneyStyle, money, percent, percent_short};
use crate::report::table::{Align, Value};
use crate::report::{self, measures, risk, words};
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
    /// What the appraisal is, beside the budget.
    pub appraisal_label: String,
    /// What the budget tables are.
    pub budget_label: String,
    /// The note under the summary: how money is written.
    pub summary_note: String,
    /// Options side by side (the report's table, in parts of at most [`MAX_FIGURE_COLUMNS`]
    /// options).
    pub compare: Vec<Table>,
    /// Every option but the baseline against it, with its heading; none without a baseline.
    pub compare_against: Option<(String, Vec<Table>)>,
    /// The payback chart of every option, if there is one.
    pub payback_chart: Option<ChartRef>,
    /// One entry per option.
    pub options: Vec<OptionData>,
    /// The case's settings as label and value.
    pub assumptions: Vec<[String; 2]>,
    /// The sharing bases and the shares they give.
    pub bases: Vec<Basis>,
    /// How the Monte Carlo was run, or why it was not.
    pub risk_note: String,
    /// The yearly table's column titles.
    pub yearly_columns: Vec<String>,
    /// "Draft" or "Final".
    pub status: String,
    /// Status, reference, author and date, as label and value.
    pub document: Vec<[String; 2]>,
    /// Page 1: the summary for the committee.
    pub committee: CommitteeData,
    /// Options x scenarios (heading and table), when the case has scenarios.
    pub scenarios: Option<(String, Vec<Table>)>,
    /// Each option's optimism-bias assessment: option, assessment in words.
    pub optimism: Vec<[String; 2]>,
    /// Every line as entered.
    pub lines: Vec<Table>,
    /// Terms and what they mean.
    pub glossary: Vec<[String; 2]>,
    /// Where the paper comes from: version, file, its SHA-256, date, author, status.
    pub audit: Vec<[String; 2]>,
}

/// Page 1, from [`crate::report::committee`].
#[derive(Debug, Serialize)]
pub struct CommitteeData {
    /// The recommendation, as written.
    pub recommendation: String,
    /// Whether one was written.
    pub has_recommendation: bool,
    /// Which option and why.
    pub lead: String,
    /// Key figures, label and value.
    pub figures: Vec<[String; 2]>,
    /// Each partner's payback and budget effect.
    pub partners: Table,
    /// The note under it.
    pub partners_note: String,
    /// The risks that matter most.
    pub risks: Vec<String>,
    /// One line per scenario.
    pub scenarios: Vec<String>,
    /// Where the central case and the trials disagree.
    pub reconcile: Option<String>,
}

impl From<crate::report::committee::Committee> for CommitteeData {
    fn from(c: crate::report::committee::Committee) -> Self {
        let n = c.partners_header.len();
        Self {
            recommendation: c.recommendation,
            has_recommendation: c.has_recommendation,
            lead: c.lead,
            figures: c.figures,
            partners: Table {
                header: Some(c.partners_header),
                rows: c.partners,
                widths: Some(
                    std::iter::once(1.1_f32)
                        .chain(std::iter::once(1.9))
                        .chain(std::iter::repeat_n(0.7, n.saturating_sub(2)))
                        .collect(),
                ),
                aligns: Some(
                    std::iter::repeat_n("left", 2)
                        .chain(std::iter::repeat_n("right", n.saturating_sub(2)))
                        .collect(),
                ),
                ..Table::default()
            },
            partners_note: c.partners_note,
            risks: c.risks,
            scenarios: c.scenarios,
            reconcile: c.reconcile,
        }
    }
}

/// What the report needs beyond the figures of one scenario: page 1, and every scenario.
pub struct Paper<'a> {
    /// Page 1.
    pub committee: crate::report::committee::Committee,
    /// Every option under every scenario, the central one first.
    pub runs: &'a [crate::engine::scenario::Run],
}

/// A chart image the template places, and its caption.
#[derive(Debug, Clone, Serialize)]
pub struct ChartRef {
    /// Virtual path of the SVG.
    pub path: String,
    /// Caption.
    pub title: String,
}

/// A table of text cells: column titles, body rows, and an optional total row, with the
/// columns' widths and alignment when they come from a table of [`crate::report`].
#[derive(Debug, Serialize, Default)]
pub struct Table {
    /// Column titles; none for a list of label and value.
    pub header: Option<Vec<String>>,
    /// Body rows.
    pub rows: Vec<Vec<String>>,
    /// A total row under a rule, if any.
    pub total: Option<Vec<String>>,
    /// The body row that a light rule goes above, to set off a group (categories after
    /// lines).
    pub rule_before: Option<usize>,
    /// Relative column widths (`fr`), if the table gives them.
    pub widths: Option<Vec<f32>>,
    /// Column alignment, `left` or `right`, if the table gives it.
    pub aligns: Option<Vec<&'static str>>,
    /// The last column holds totals, set in bold.
    pub total_column: bool,
    /// Sentences under the table.
    pub notes: Vec<String>,
}

/// The most figure columns a table on an A4 page takes; wider tables are set in parts, each
/// with the row labels.
pub const MAX_FIGURE_COLUMNS: usize = 6;

/// A payback that does not fit a narrow column breaks before its year or its bracket, not
/// inside them: "5 years 11 months," above "in 2031/32", "not within 10 years" above
/// "(£325,990 short)".
fn on_two_lines(words: &str) -> String {
    words
        .replacen(", in ", ",\nin ", 1)
        .replacen(" (", "\n(", 1)
}

/// A table of [`crate::report`] as the template sets it, in parts of at most
/// [`MAX_FIGURE_COLUMNS`] figure columns; the notes go under the last part.
fn from_report(table: &report::table::Table) -> Vec<Table> {
    let figures = table.columns.len().saturating_sub(1).max(1);
    let parts = figures.div_ceil(MAX_FIGURE_COLUMNS);
    let per_part = figures.div_ceil(parts);
    let mut out = Vec::with_capacity(parts);
    for part in 0..parts {
        let chosen: Vec<usize> = std::iter::once(0)
            .chain((1 + part * per_part..=((part + 1) * per_part).min(figures)).take(per_part))
            .filter(|c| *c < table.columns.len())
            .collect();
        let columns: Vec<&report::table::Column> =
            chosen.iter().map(|c| &table.columns[*c]).collect();
        out.push(Table {
            header: (!table.untitled()).then(|| columns.iter().map(|c| c.title.clone()).collect()),
            rows: table
                .rows
                .iter()
                .map(|row| {
                    chosen
                        .iter()
                        .map(|c| match c.checked_sub(1).and_then(|i| row.cells.get(i)) {
                            None => row.label.clone(),
                            Some(cell) if matches!(cell.value, Value::Payback(_)) => {
                                on_two_lines(&cell.text)
                            }
                            Some(cell) => cell.text.clone(),
                        })
                        .collect()
                })
                .collect(),
            total: None,
            rule_before: None,
            widths: Some(columns.iter().map(|c| c.width).collect()),
            aligns: Some(
                columns
                    .iter()
                    .map(|c| match c.align {
                        Align::Left => "left",
                        Align::Right => "right",
                    })
                    .collect(),
            ),
            total_column: columns.last().is_some_and(|c| c.total),
            notes: if part + 1 == parts {
                table.notes.clone()
            } else {
                Vec::new()
            },
        });
    }
    out
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
    /// Every headline measure, as label and value.
    pub headline: Vec<Table>,
    /// The option's warnings, worded as the text summary words them.
    pub warnings: Vec<String>,
    /// Investment against savings, if the chart exists.
    pub flows_chart: Option<ChartRef>,
    /// The tornado, if the option has lines.
    pub tornado_chart: Option<ChartRef>,
    /// The fan, if the trials ran.
    pub fan_chart: Option<ChartRef>,
    /// Each partner's measures, with the option's as all partners.
    pub partners: Vec<Table>,
    /// The option against the baseline (heading and table), if it has figures against one.
    pub against: Option<(String, Vec<Table>)>,
    /// Each partner against the baseline (heading and table).
    pub partners_against: Option<(String, Vec<Table>)>,
    /// The budget of all partners, then each partner, in £000 (heading and table).
    pub budgets: Vec<(String, Vec<Table>)>,
    /// Budget warnings, in words.
    pub budget_warnings: Vec<String>,
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
    /// Each option's tornado.
    pub tornado: Vec<Option<ChartRef>>,
    /// Each option's fan, where its trials ran.
    pub fan: Vec<Option<ChartRef>>,
}

/// Builds the report's data.
#[must_use]
pub fn build(
    case: &Case,
    results: &CaseResults,
    provenance: &super::super::Provenance,
    charts: Charts,
    risk_results: Option<&RiskResults>,
    paper: Paper<'_>,
) -> Report {
    let years = &results.years;
    let first = years.first().map_or("", String::as_str);
    let last = years.last().map_or("", String::as_str);
    let mut flows = charts.flows.into_iter();
    let mut tornadoes = charts.tornado.into_iter();
    let mut fans = charts.fan.into_iter();
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
                [
                    flows.next().flatten(),
                    tornadoes.next().flatten(),
                    fans.next().flatten(),
                ],
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
             real terms are in {first} prices, discounted at {} a year. General inflation {}. {}{}{}",
            years.len(),
            percent_short(case.discount_rate),
            percent_short(case.general_inflation()),
            words::prices_sentence(case),
            words::scenario_sentence(case, results)
                .map(|s| format!(" {s}"))
                .unwrap_or_default(),
            case.baseline
                .as_ref()
                .filter(|_| case.baseline_index().is_some())
                .map(|b| format!(" Each option is also shown against {b}, the baseline."))
                .unwrap_or_default(),
        ),
        appraisal_label: report::budget::APPRAISAL_LABEL.to_owned(),
        budget_label: report::budget::LABEL.to_owned(),
        summary_note: summary_note(provenance),
        compare: from_report(&measures::compare(results, case.discount_rate, STYLE)),
        compare_against: measures::compare_against(results, case.discount_rate, STYLE)
            .map(|t| (t.title.clone(), from_report(&t))),
        payback_chart: charts.payback,
        options,
        assumptions: assumptions(case, results),
        bases: bases(case),
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
        status: case.status.label().to_owned(),
        document: document(case, provenance),
        committee: paper.committee.into(),
        scenarios: (paper.runs.len() > 1).then(|| {
            let t = report::scenarios::table(paper.runs, case.discount_rate, STYLE);
            (
                "Every option under every scenario".to_owned(),
                from_report(&t),
            )
        }),
        optimism: case
            .options
            .iter()
            .filter_map(|o| {
                o.optimism_bias
                    .as_ref()
                    .map(|b| [o.name.clone(), words::optimism_bias(b)])
            })
            .collect(),
        lines: from_report(&report::lines::entered(case)),
        glossary: words::GLOSSARY
            .iter()
            .map(|(term, meaning)| [(*term).to_owned(), (*meaning).to_owned()])
            .collect(),
        audit: audit(case, results, provenance, risk_results),
    }
}

/// Status, reference, author and date, for the title block.
fn document(case: &Case, provenance: &super::super::Provenance) -> Vec<[String; 2]> {
    let mut out = vec![["Status".to_owned(), case.status.label().to_owned()]];
    if let Some(reference) = case.reference.as_deref().filter(|r| !r.trim().is_empty()) {
        out.push(["Reference".into(), reference.trim().to_owned()]);
    }
    if !case.author.trim().is_empty() {
        out.push(["Author".into(), case.author.trim().to_owned()]);
    }
    out.push(["Date".into(), provenance.date.clone()]);
    out
}

/// Where the paper comes from, for an auditor.
fn audit(
    case: &Case,
    results: &CaseResults,
    provenance: &super::super::Provenance,
    risk_results: Option<&RiskResults>,
) -> Vec<[String; 2]> {
    let mut out = vec![
        [
            "Made by".to_owned(),
            format!("Sharecase {}", env!("CARGO_PKG_VERSION")),
        ],
        [
            "Case file".to_owned(),
            provenance
                .file
                .clone()
                .unwrap_or_else(|| "not yet saved".into()),
        ],
        [
            "Case file SHA-256".to_owned(),
            provenance
                .sha256
                .clone()
                .unwrap_or_else(|| "none: the case has no file".into()),
        ],
        ["Date".to_owned(), provenance.date.clone()],
        [
            "Author".to_owned(),
            if case.author.trim().is_empty() {
                "not given".into()
            } else {
                case.author.trim().to_owned()
            },
        ],
        ["Status".to_owned(), case.status.label().to_owned()],
    ];
    if let Some(reference) = case.reference.as_deref().filter(|r| !r.trim().is_empty()) {
        out.push(["Reference".into(), reference.trim().to_owned()]);
    }
    out.push([
        "Scenario".into(),
        words::scenario_label(results).unwrap_or_else(|| case.central_scenario.clone()),
    ]);
    if let Some(r) = risk_results {
        out.push([
            "Monte Carlo".into(),
            format!("{} trials, seed {}", group_count(r.trials), r.seed),
        ]);
    }
    out
}

fn group_count(n: u64) -> String {
    weight(Decimal::from(n))
}

fn yearly(f: &Figures) -> Table {
    let mut rows = words::yearly_rows(f, STYLE);
    let total = rows.pop();
    Table {
        header: Some(
            words::YEARLY_COLUMNS
                .iter()
                .map(|&c| c.to_owned())
                .collect(),
        ),
        rows,
        total,
        ..Table::default()
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
    let mut widths = vec![1.1, 1.0, 1.0, 1.0, 1.45];
    widths.resize(header.len(), 0.9);
    Table {
        header: Some(header),
        widths: Some(widths),
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
        ..Table::default()
    }
}

fn option_data(
    case: &Case,
    results: &CaseResults,
    index: usize,
    option: &OptionResults,
    [flows_chart, tornado_chart, fan_chart]: [Option<ChartRef>; 3],
    risk_results: Option<&RiskResults>,
) -> OptionData {
    let years = &results.years;
    let source = case.options.get(index);
    let switching = switching_values(case, option, index);
    // The budget needs the option's own lines, which a selection of one option keeps.
    let budget = (source.is_some_and(|s| s.name == option.name))
        .then(|| crate::engine::budget::option_budget(case, option, index));
    // The five smallest switching values: the lines and categories the case is most
    // exposed to, not every line's.
    let category_names: Vec<&str> = switching
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let switch_rows: Vec<Vec<String>> = report::committee::smallest(&switching, 5)
        .into_iter()
        .map(|(name, fraction, pounds)| {
            let (change, pounds) =
                risk::switch_words(&crate::engine::sensitivity::Switch::Change {
                    fraction,
                    pounds,
                    possible: true,
                });
            let label = if category_names.contains(&name.as_str())
                && !switching.lines.iter().any(|l| l.name == name)
            {
                format!("All {name}")
            } else {
                name
            };
            vec![label, change, pounds]
        })
        .collect();
    let outcomes = risk_results.and_then(|r| r.options.get(index));
    OptionData {
        heading: format!("Option {}: {}", index + 1, option.name),
        name: option.name.clone(),
        description: source.map_or_else(String::new, |o| o.description.trim().to_owned()),
        adjustments: source.map_or_else(|| "none".into(), |o| words::adjustments(&o.adjustments)),
        headline: from_report(&measures::headline(
            &option.figures,
            years,
            case.discount_rate,
            STYLE,
        )),
        warnings: option
            .figures
            .warnings
            .iter()
            .map(|w| words::warning_line(w, years, None))
            .collect(),
        flows_chart,
        tornado_chart,
        fan_chart,
        partners: from_report(&measures::partners(
            option,
            years,
            case.discount_rate,
            STYLE,
        )),
        against: measures::against(option, years, case.discount_rate, STYLE)
            .map(|t| (t.title.clone(), from_report(&t))),
        partners_against: measures::partners_against(option, years, case.discount_rate, STYLE)
            .map(|t| (t.title.clone(), from_report(&t))),
        budgets: budget.as_ref().map_or_else(Vec::new, |b| {
            std::iter::once(("All partners".to_owned(), &b.all))
                .chain(b.partner_names.iter().cloned().zip(b.partners.iter()))
                .map(|(name, figures)| {
                    let t = report::budget::table(&name, figures, years, MoneyStyle::Thousands);
                    (name, from_report(&t))
                })
                .collect()
        }),
        budget_warnings: budget.as_ref().map_or_else(Vec::new, |b| {
            b.warnings
                .iter()
                .map(|w| format!("Warning: {}", report::budget::warning(w, years)))
                .collect()
        }),
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
            header: Some(
                [
                    "The five smallest switching values",
                    "Change that brings NPV to zero",
                    "In pounds (year-0 prices)",
                ]
                .map(str::to_owned)
                .to_vec(),
            ),
            rows: switch_rows,
            widths: Some(vec![1.25, 1.6, 0.9]),
            ..Table::default()
        },
        thresholds: vec![
            format!("It {}.", risk::delay_words(&switching.delay_months)),
            format!("It {}.", risk::shortfall_words(&switching.shortfall)),
        ],
        risk: outcomes.map(|o| risk_table(o, case, years)),
        risk_headline: outcomes
            .and_then(|o| o.first())
            .zip(case.options.iter().find(|o| o.name == option.name))
            .map(|(o, entered)| {
                let mut text = format!(
                    "{} {}.",
                    option.name,
                    risk::option_headline(entered, o, case.risk.target_year, years)
                );
                if let Some(sentence) = risk::reconcile(entered, &option.figures.measures, o, years)
                {
                    text.push(' ');
                    text.push_str(&sentence);
                }
                text
            }),
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
                percent_short(case.general_inflation())
            ),
        ],
        ["Partners".into(), results.partners.join(", ")],
    ]
}

fn bases(case: &Case) -> Vec<Basis> {
    case.bases
        .iter()
        .map(|basis| {
            let shares = Shares::by_year(case, &Sharing::Basis(basis.name.clone()));
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
                            basis
                                .weights
                                .get(&partner.name)
                                .map_or_else(|| weight(Decimal::ZERO), by_year_weights),
                            shares_text(&shares, p, basis.varies_by_year()),
                        ]
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A weight as the table shows it: one figure, or the figures by year joined by " / ".
fn by_year_weights(w: &crate::case::Weight) -> String {
    if w.is_same() {
        weight(w.in_year(0))
    } else {
        w.values()
            .iter()
            .map(|v| weight(*v))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// A partner's share: one percentage, or the percentages by year joined by " / ".
fn shares_text(shares: &[Shares], partner: usize, varies: bool) -> String {
    let take = if varies { shares.len() } else { 1 };
    shares
        .iter()
        .take(take)
        .map(|s| percent(s.shares.get(partner).copied().unwrap_or_default(), 1))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The note under the summary: the units, and any option left out of the paper, with why.
fn summary_note(provenance: &crate::export::Provenance) -> String {
    let mut note = "Money is in pounds; figures in brackets are negative.".to_owned();
    if !provenance.left_out.is_empty() {
        note.push_str(" Not in this report, until put right: ");
        note.push_str(&provenance.left_out.join("; "));
        note.push('.');
    }
    note
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
