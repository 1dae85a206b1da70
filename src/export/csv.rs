//! CSV tables: every line by partner and year (tidy, one amount per row, for pivot tables),
//! and the yearly summary of each option and partner.
//!
//! Files are UTF-8 with a byte-order mark, so Excel shows `£` and accented names correctly
//! when a user double-clicks them. Money is written as plain numbers in pounds to the penny
//! (`-1234.56`), so spreadsheets read numbers; text that a spreadsheet would run as a formula
//! is neutralised with a leading apostrophe.

use crate::case::Case;
use crate::engine::partner::line_parts;
use crate::engine::{CaseResults, Figures, YearFigures};
use crate::format::{apportion, number, penny};
use crate::report::partners::apportioned;
use rust_decimal::Decimal;

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Columns of the lines table.
pub const LINE_COLUMNS: [&str; 9] = [
    "option",
    "partner",
    "line",
    "kind",
    "category",
    "sharing",
    "year",
    "financial_year",
    "amount",
];

/// Columns of the yearly table.
pub const YEARLY_COLUMNS: [&str; 16] = [
    "scenario",
    "option",
    "partner",
    "year",
    "financial_year",
    "investment",
    "costs",
    "benefits",
    "net",
    "cumulative",
    "costs_real",
    "benefits_real",
    "net_real",
    "discount_factor",
    "present_value",
    "cumulative_pv",
];

/// Text made safe for a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be run as a formula (CSV injection), so it gets a leading `'`,
/// which spreadsheets show as text and hide.
#[must_use]
pub fn safe_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn pounds(value: Decimal) -> String {
    number(value, 2)
}

fn to_text(rows: &[Vec<String>]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// The tidy table of lines: one row per option, partner, line and year that has money, with the partner's
/// part of the line's cash (costs negative, benefits positive, after adjustments and
/// indexation). Each line's parts are rounded to the penny by largest remainder, so the
/// partners' rows add up to the line's amount; a partner's own totals are in the yearly
/// table, where they add up to the option's.
#[must_use]
pub fn lines(case: &Case, results: &CaseResults) -> String {
    let mut rows = vec![LINE_COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
    for (option, result) in case.options.iter().zip(&results.options) {
        for (line, flows) in option.lines.iter().zip(&result.lines) {
            let sign = if line.kind.is_benefit() {
                Decimal::ONE
            } else {
                -Decimal::ONE
            };
            let signed: Vec<Decimal> = flows.cash.iter().map(|v| *v * sign).collect();
            let parts = line_parts(case, &line.sharing, &signed);
            for (t, total) in signed.iter().enumerate() {
                let exact: Vec<Decimal> = parts.iter().map(|p| p[t]).collect();
                for (p, amount) in apportion(*total, &exact).into_iter().enumerate() {
                    if amount.is_zero() {
                        continue;
                    }
                    rows.push(vec![
                        safe_text(&option.name),
                        safe_text(&case.partners[p].name),
                        safe_text(&line.name),
                        line.kind.label().to_owned(),
                        safe_text(&flows.category),
                        safe_text(&line.sharing.to_string()),
                        t.to_string(),
                        results.years[t].clone(),
                        pounds(amount),
                    ]);
                }
            }
        }
    }
    to_text(&rows)
}

fn yearly_row(scenario: &str, option: &str, partner: &str, y: &YearFigures) -> Vec<String> {
    vec![
        safe_text(scenario),
        safe_text(option),
        safe_text(partner),
        y.index.to_string(),
        y.label.clone(),
        pounds(y.investment_cash),
        pounds(y.costs_cash),
        pounds(y.benefits_cash),
        pounds(y.net_cash),
        pounds(y.cumulative_cash),
        pounds(y.costs_real),
        pounds(y.benefits_real),
        pounds(y.net_real),
        number(y.discount_factor, 6),
        pounds(y.present_value),
        pounds(y.cumulative_pv),
    ]
}

/// The whole option rounded to the penny, as the app's yearly table shows it.
fn rounded(figures: &Figures) -> Vec<YearFigures> {
    figures
        .years
        .iter()
        .map(|y| YearFigures {
            investment_cash: penny(y.investment_cash),
            costs_cash: penny(y.costs_cash),
            benefits_cash: penny(y.benefits_cash),
            net_cash: penny(y.net_cash),
            cumulative_cash: penny(y.cumulative_cash),
            costs_real: penny(y.costs_real),
            benefits_real: penny(y.benefits_real),
            net_real: penny(y.net_real),
            present_value: penny(y.present_value),
            cumulative_pv: penny(y.cumulative_pv),
            ..y.clone()
        })
        .collect()
}

/// The yearly summary under every scenario (the central one first): for each option, the
/// whole option ("All partners") then each partner, one row per year, with the columns of
/// the app's yearly table. Partners' money adds up to the option's to the penny. `results`
/// are the figures of the scenario exported; the others are worked out from `case`.
#[must_use]
pub fn yearly(case: &Case, results: &CaseResults) -> String {
    let mut rows = vec![YEARLY_COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
    let shown = crate::engine::scenario::name(case, None);
    let runs = if case.scenarios.is_empty() {
        vec![crate::engine::scenario::Run {
            name: shown,
            results: Some(results.clone()),
        }]
    } else {
        crate::engine::scenario::every(case, |_| false)
    };
    for run in &runs {
        let Some(results) = &run.results else {
            continue;
        };
        for option in &results.options {
            for y in rounded(&option.figures) {
                rows.push(yearly_row(&run.name, &option.name, "All partners", &y));
            }
            for (partner, figures) in option.partners.iter().zip(apportioned(option)) {
                for y in &figures.years {
                    rows.push(yearly_row(&run.name, &option.name, &partner.name, y));
                }
            }
        }
    }
    to_text(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        assert_eq!(safe_text("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(safe_text("+44 20"), "'+44 20");
        assert_eq!(safe_text("-x"), "'-x");
        assert_eq!(safe_text("@cmd"), "'@cmd");
        assert_eq!(safe_text("\tx"), "'\tx");
        assert_eq!(safe_text("\rx"), "'\rx");
        assert_eq!(safe_text("Systems"), "Systems");
        assert_eq!(pounds(Decimal::new(-123_456, 2)), "-1234.56");
    }
}
