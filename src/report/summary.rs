//! The text summary `sharecase summary` prints: per option the yearly table, the headline
//! figures and warnings, then each partner's headline figures, then the options side by side.

use super::table::Text;
use super::{measures, words};
use crate::case::Case;
use crate::engine::{CaseResults, Figures, OptionResults};
use crate::format::{MoneyStyle, number, percent_short};
use std::fmt::Write as _;

/// Writes the summary of every option in `results` (computed from `case`).
#[must_use]
pub fn summary(case: &Case, results: &CaseResults, style: MoneyStyle) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", case.title);
    if !case.description.trim().is_empty() {
        let _ = writeln!(out, "{}", case.description.trim());
    }
    let _ = writeln!(
        out,
        "{} years from {} to {}; discount rate {} (real terms); general inflation {}.",
        results.years.len(),
        results.years.first().map_or("", String::as_str),
        results.years.last().map_or("", String::as_str),
        percent_short(case.discount_rate),
        percent_short(case.general_inflation()),
    );
    let _ = writeln!(out, "Partners: {}.", results.partners.join(", "));
    let _ = writeln!(out, "{}", words::prices_sentence(case));
    if let Some(sentence) = words::scenario_sentence(case, results) {
        let _ = writeln!(out, "{sentence}");
    }
    if let Some(base) = case
        .baseline
        .as_ref()
        .filter(|_| case.baseline_index().is_some())
    {
        let _ = writeln!(
            out,
            "Baseline: {base}; every other option is also shown against it."
        );
    }
    let _ = writeln!(
        out,
        "Cash figures are in the prices of each year; real terms are in {} prices.",
        results.years.first().map_or("", String::as_str)
    );
    for (index, option) in results.options.iter().enumerate() {
        out.push('\n');
        out.push_str(&option_section(case, index, option, &results.years, style));
    }
    if results.options.len() > 1 {
        out.push_str("\nOptions compared\n\n");
        out.push_str(&measures::compare(results, case.discount_rate, style).to_text("  "));
        if let Some(table) = measures::compare_against(results, case.discount_rate, style) {
            let _ = write!(out, "\n{}\n\n", table.title);
            out.push_str(&table.to_text("  "));
        }
    }
    out
}

fn option_section(
    case: &Case,
    index: usize,
    option: &OptionResults,
    years: &[String],
    style: MoneyStyle,
) -> String {
    let mut out = String::new();
    let title = format!("Option {}: {}", index + 1, option.name);
    let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
    if let Some(source) = case.options.get(index) {
        if !source.description.trim().is_empty() {
            let _ = writeln!(out, "{}", source.description.trim());
        }
        let _ = writeln!(
            out,
            "Adjustments: {}.",
            words::adjustments(&source.adjustments)
        );
        if let Some(bias) = &source.optimism_bias {
            let _ = writeln!(out, "Optimism bias: {}.", words::optimism_bias(bias));
        }
    }
    out.push('\n');
    out.push_str(&yearly_table(&option.figures, style));
    out.push('\n');
    out.push_str(
        &measures::headline(&option.figures, years, case.discount_rate, style).to_text("  "),
    );
    out.push_str(&warnings(&option.figures, years, "  "));
    if let Some(against) = measures::against(option, years, case.discount_rate, style) {
        let _ = write!(out, "\n{}\n\n", against.title);
        out.push_str(&against.to_text("  "));
        if let Some(inc) = &option.incremental {
            out.push_str(&warnings(&inc.figures, years, "  "));
        }
    }
    out.push_str("\nBy partner\n\n");
    out.push_str(&measures::partners(option, years, case.discount_rate, style).to_text("  "));
    if let Some(table) = measures::partners_against(option, years, case.discount_rate, style) {
        let _ = write!(out, "\n{}\n\n", table.title);
        out.push_str(&table.to_text("  "));
    }
    for partner in &option.partners {
        for w in &partner.figures.warnings {
            let _ = writeln!(
                out,
                "  {}",
                words::warning_line(w, years, Some(&partner.name))
            );
        }
    }
    out
}

/// The same yearly table as the app, the PDF and the clipboard, with a rule above the total.
fn yearly_table(figures: &Figures, style: MoneyStyle) -> String {
    let columns = words::yearly_columns(style);
    let mut table = Text::new(&columns.iter().map(String::as_str).collect::<Vec<_>>());
    let mut rows = words::yearly_rows(figures, style);
    let total = rows.pop();
    for row in rows {
        table.row(row);
    }
    if let Some(total) = total {
        table.rule();
        table.row(total);
    }
    table.render("  ")
}

fn warnings(figures: &Figures, years: &[String], indent: &str) -> String {
    let mut out = String::new();
    for w in &figures.warnings {
        let _ = writeln!(out, "{indent}{}", words::warning_line(w, years, None));
    }
    out
}

/// The text `sharecase flows` prints: the yearly discounting and the headline figures.
#[must_use]
pub fn flows(result: &crate::engine::flows::FlowsResult) -> String {
    use crate::engine::payback::months;
    use crate::format::years_months;
    let mut table = Text::new(&[
        "Year",
        "Net",
        "Cumulative",
        "Discount factor",
        "Present value",
        "Cumulative PV",
    ]);
    for (t, y) in result.years.iter().enumerate() {
        table.row(vec![
            t.to_string(),
            number(y.net, 2),
            number(y.cumulative, 2),
            number(y.discount_factor, 4),
            number(y.present_value, 2),
            number(y.cumulative_pv, 2),
        ]);
    }
    let payback = |p: &crate::engine::Payback| match p {
        crate::engine::Payback::Immediate => "0 years (immediate: never below zero)".to_owned(),
        crate::engine::Payback::After { years, year, .. } => format!(
            "{} years ({}, during year {year})",
            number(*years, 4),
            years_months(months(*years))
        ),
        crate::engine::Payback::NotWithinHorizon { shortfall } => format!(
            "none within {} years ({} short at the end)",
            result.years.len(),
            number(*shortfall, 2)
        ),
    };
    let mut out = format!("Flows discounted at {}\n\n", percent_short(result.rate));
    out.push_str(&table.render("  "));
    out.push('\n');
    let _ = writeln!(out, "  NPV                 {}", number(result.npv, 2));
    let _ = writeln!(out, "  IRR                 {}", words::irr(&result.irr));
    let _ = writeln!(out, "  Payback             {}", payback(&result.payback));
    let _ = writeln!(
        out,
        "  Discounted payback  {}",
        payback(&result.discounted_payback)
    );
    if let crate::engine::Payback::After {
        falls_back_in: Some(t),
        ..
    } = result.payback
    {
        let _ = writeln!(
            out,
            "  Warning: after paying back, the cumulative position falls below zero again in year {t}"
        );
    }
    if let crate::engine::Payback::After {
        falls_back_in: Some(t),
        ..
    } = result.discounted_payback
    {
        let _ = writeln!(
            out,
            "  Warning: after paying back, the cumulative present value falls below zero again in year {t}"
        );
    }
    out
}
