//! Sensitivity and risk in words and JSON: the tornado, switching values and Monte Carlo.

use super::table::Text;
use super::words;
use crate::case::Case;
use crate::engine::CaseResults;
use crate::engine::risk::{Outcome, RiskResults};
use crate::engine::sensitivity::{Switch, SwitchingValues, Threshold, Tornado};
use crate::format::{MoneyStyle, money, number, percent, percent_short};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// Money from a trial figure.
fn money_f(value: f64, style: MoneyStyle) -> String {
    Decimal::from_f64_retain(value).map_or_else(|| "-".to_owned(), |d| money(d, style))
}

/// Payback years from a trial figure: `4.6 years`, or `not within N years`.
#[must_use]
pub fn years_f(value: f64, horizon: usize) -> String {
    if value.is_finite() {
        format!("{value:.1} years")
    } else {
        format!("not within {horizon} years")
    }
}

/// The switching value of a line or category in words.
#[must_use]
pub fn switch_words(switch: &Switch) -> (String, String) {
    switch_words_in(switch, MoneyStyle::Pounds)
}

/// The switching value in words, its pounds in the money style the user chose.
#[must_use]
pub fn switch_words_in(switch: &Switch, style: MoneyStyle) -> (String, String) {
    match switch {
        Switch::Change {
            fraction,
            pounds,
            possible,
        } => {
            let change = format!(
                "{}{}",
                if *fraction > Decimal::ZERO { "+" } else { "" },
                percent(*fraction, 1)
            );
            let pounds = money(*pounds, style);
            if *possible {
                (change, pounds)
            } else {
                (format!("{change} (below zero: cannot switch)"), pounds)
            }
        }
        Switch::NoEffect => ("no effect on NPV".into(), "-".into()),
        Switch::OutOfReach => (
            "out of reach: more than a billion times the amounts".into(),
            "-".into(),
        ),
    }
}

/// The delay threshold in words.
#[must_use]
pub fn delay_words(threshold: &Threshold) -> String {
    match threshold {
        Threshold::At(months) => {
            format!("still pays back with benefits up to {months} months late")
        }
        Threshold::Always => "pays back even with benefits 36 months late".into(),
        Threshold::Never => "does not pay back even with no delay".into(),
    }
}

/// The shortfall threshold in words.
#[must_use]
pub fn shortfall_words(threshold: &Threshold) -> String {
    match threshold {
        Threshold::At(s) => format!(
            "still pays back with benefits up to {} short",
            percent(*s, 1)
        ),
        Threshold::Always => "pays back whatever the benefit shortfall".into(),
        Threshold::Never => "does not pay back even with no shortfall".into(),
    }
}

/// The headline of a Monte Carlo outcome: "pays back within 10 years in 87% of trials".
#[must_use]
pub fn headline(outcome: &Outcome, target_year: Option<u32>, years: &[String]) -> String {
    let mut text = format!(
        "pays back within {} years in {:.0}% of trials",
        years.len(),
        outcome.within_horizon * 100.0
    );
    if let (Some(share), Some(year)) = (outcome.by_target, target_year) {
        let label = years.get(year as usize).map_or("", String::as_str);
        let _ = write!(text, ", by the end of {label} in {:.0}%", share * 100.0);
    }
    text
}

/// What the trials say of an option with no ranges: nothing the central case does not.
pub const NO_RANGES: &str = "has no ranges entered, so every trial equals the central case: give lines a range, or the option a benefit delay range, to see how sure the payback is";

/// The Monte Carlo headline of `option` (or one of its partners' `outcome`): the share of
/// trials paying back, or, with no ranges entered, that there is nothing to draw.
#[must_use]
pub fn option_headline(
    option: &crate::case::CaseOption,
    outcome: &Outcome,
    target_year: Option<u32>,
    years: &[String],
) -> String {
    if option.has_ranges() {
        headline(outcome, target_year, years)
    } else {
        NO_RANGES.to_owned()
    }
}

/// The text `sharecase risk` prints for option `index`.
#[must_use]
pub fn text(
    case: &Case,
    results: &CaseResults,
    index: usize,
    tornado: &Tornado,
    switching: &SwitchingValues,
    risk: Option<&RiskResults>,
) -> String {
    let style = MoneyStyle::Pounds;
    let option = &results.options[index];
    let mut out = String::new();
    let title = format!("Option {}: {}", index + 1, option.name);
    let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
    let _ = writeln!(
        out,
        "\nTornado: NPV with each one at its low and its high end (its own range, or +/-{}), widest first\n",
        percent_short(case.risk.tornado_swing)
    );
    let mut table = Text::new(&["", "Low", "High", "NPV at low", "NPV at high", "Swing"]);
    for bar in &tornado.bars {
        table.row(vec![
            bar.name.clone(),
            format!("x{}", number(bar.low_factor, 2)),
            format!("x{}", number(bar.high_factor, 2)),
            money(bar.npv_low, style),
            money(bar.npv_high, style),
            money(bar.swing, style),
        ]);
    }
    out.push_str(&table.render("  "));
    let _ = writeln!(
        out,
        "\nSwitching values: the change that brings NPV to zero\n"
    );
    let mut table = Text::new(&["", "Change", "In pounds (year-0 prices)"]);
    for s in &switching.lines {
        let (change, pounds) = switch_words(&s.switch);
        table.row(vec![s.name.clone(), change, pounds]);
    }
    table.rule();
    for s in &switching.categories {
        let (change, pounds) = switch_words(&s.switch);
        table.row(vec![format!("All {}", s.name), change, pounds]);
    }
    out.push_str(&table.render("  "));
    let _ = writeln!(out, "\n  It {}.", delay_words(&switching.delay_months));
    let _ = writeln!(out, "  It {}.", shortfall_words(&switching.shortfall));
    if let Some(risk) = risk {
        let _ = writeln!(
            out,
            "\nMonte Carlo: {} trials, seed {}\n",
            risk.trials, risk.seed
        );
        let mut table = Text::new(&[
            "",
            "NPV mean",
            "NPV P10",
            "NPV P50",
            "NPV P90",
            "Payback P50",
            "Pays back",
        ]);
        for outcome in &risk.options[index] {
            table.row(vec![
                outcome.name.clone(),
                money_f(outcome.npv.mean, style),
                money_f(outcome.npv.p10, style),
                money_f(outcome.npv.p50, style),
                money_f(outcome.npv.p90, style),
                years_f(outcome.payback.p50, results.years.len()),
                format!("{:.0}%", outcome.within_horizon * 100.0),
            ]);
        }
        out.push_str(&table.render("  "));
        let _ = writeln!(
            out,
            "\n  {} {}.",
            option.name,
            option_headline(
                &case.options[index],
                &risk.options[index][0],
                case.risk.target_year,
                &results.years
            )
        );
        let _ = writeln!(
            out,
            "  As entered: NPV {}, payback {}.",
            money(option.figures.measures.npv, style),
            words::payback(&option.figures.measures.payback, &results.years)
        );
        if let Some(sentence) = reconcile(
            &case.options[index],
            &option.figures.measures,
            &risk.options[index][0],
            &results.years,
        ) {
            let _ = writeln!(out, "  {sentence}");
        }
    }
    out
}

fn threshold_json(t: &Threshold) -> Value {
    match t {
        Threshold::At(v) => json!({"status": "at", "value": v.round_dp(8).normalize().to_string()}),
        Threshold::Always => json!({"status": "always", "value": Value::Null}),
        Threshold::Never => json!({"status": "never", "value": Value::Null}),
    }
}

fn switch_json(name: &str, s: &Switch) -> Value {
    match s {
        Switch::Change {
            fraction,
            pounds,
            possible,
        } => json!({
            "name": name,
            "change": fraction.round_dp(8).normalize().to_string(),
            "pounds": format!("{:.2}", crate::format::penny(*pounds)),
            "possible": possible,
        }),
        Switch::NoEffect | Switch::OutOfReach => {
            json!({"name": name, "change": Value::Null, "pounds": Value::Null, "possible": false})
        }
    }
}

fn outcome_json(o: &Outcome) -> Value {
    let finite = |v: f64| if v.is_finite() { json!(v) } else { Value::Null };
    json!({
        "name": o.name,
        "npv": {"mean": o.npv.mean, "p10": o.npv.p10, "p50": o.npv.p50, "p90": o.npv.p90},
        "payback_years": {"mean": finite(o.payback.mean), "p10": finite(o.payback.p10), "p50": finite(o.payback.p50), "p90": finite(o.payback.p90)},
        "probability_within_horizon": o.within_horizon,
        "probability_by_target_year": o.by_target,
        "payback_histogram": o.histogram,
        "cumulative_cash_band": o.band,
    })
}

/// Everything `sharecase risk --json` prints for option `index`.
#[must_use]
pub fn json(
    results: &CaseResults,
    index: usize,
    tornado: &Tornado,
    switching: &SwitchingValues,
    risk: Option<&RiskResults>,
) -> Value {
    let money_s = |d: Decimal| format!("{:.2}", crate::format::penny(d));
    json!({
        "option": results.options[index].name,
        "years": results.years,
        "tornado": tornado.bars.iter().map(|b| json!({
            "name": b.name,
            "low_factor": b.low_factor.normalize().to_string(),
            "high_factor": b.high_factor.normalize().to_string(),
            "npv_low": money_s(b.npv_low),
            "npv_high": money_s(b.npv_high),
            "swing": money_s(b.swing),
        })).collect::<Vec<_>>(),
        "switching_values": {
            "lines": switching.lines.iter().map(|s| switch_json(&s.name, &s.switch)).collect::<Vec<_>>(),
            "categories": switching.categories.iter().map(|s| switch_json(&s.name, &s.switch)).collect::<Vec<_>>(),
            "benefit_delay_months": threshold_json(&switching.delay_months),
            "benefit_shortfall": threshold_json(&switching.shortfall),
        },
        "monte_carlo": risk.map(|r| json!({
            "trials": r.trials,
            "seed": r.seed,
            "option": outcome_json(&r.options[index][0]),
            "partners": r.options[index][1..].iter().map(outcome_json).collect::<Vec<_>>(),
        })),
    })
}

/// Where the central case and the Monte Carlo trials disagree, the sentence that says so and
/// why: the central NPV outside the trials' P10-P90, or the central payback year reached in
/// fewer than half of the trials. `None` when they agree.
#[must_use]
pub fn reconcile(
    option: &crate::case::CaseOption,
    central: &crate::engine::Measures,
    outcome: &Outcome,
    years: &[String],
) -> Option<String> {
    if !option.has_ranges() {
        return None;
    }
    let style = MoneyStyle::Compact;
    let npv = rust_decimal::prelude::ToPrimitive::to_f64(&central.npv).unwrap_or(0.0);
    let mut found = Vec::new();
    if npv < outcome.npv.p10 || npv > outcome.npv.p90 {
        found.push(format!(
            "the central NPV, {}, lies outside the trials' P10 to P90 range ({} to {})",
            money(central.npv, style),
            money_f(outcome.npv.p10, style),
            money_f(outcome.npv.p90, style)
        ));
    }
    let trials: u64 = outcome.histogram.iter().sum();
    if let Some(year) = central.payback.year_index()
        && trials > 0
    {
        let by_then: u64 = outcome.histogram.iter().take(year + 1).sum();
        #[allow(clippy::cast_precision_loss)]
        let share = by_then as f64 / trials as f64;
        if share < 0.5 {
            found.push(format!(
                "the central case pays back in {}, but only {:.0}% of trials do so by then",
                years.get(year).map_or("", String::as_str),
                share * 100.0
            ));
        }
    }
    // The median trial pays back later than the central case (by more than a month).
    if let crate::engine::Payback::After {
        years: central_years,
        ..
    } = &central.payback
        && found.len() < 2
        && !found.iter().any(|f| f.contains("trials do so"))
    {
        let central_years =
            rust_decimal::prelude::ToPrimitive::to_f64(central_years).unwrap_or(0.0);
        if outcome.payback.p50 > central_years + 1.0 / 12.0 {
            found.push(format!(
                "the central case pays back in {central_years:.1} years, the median trial in {}",
                years_f(outcome.payback.p50, years.len())
            ));
        }
    }
    if found.is_empty() {
        return None;
    }
    Some(format!(
        "The central case and the trials disagree: {}. Why: {}.",
        found.join("; "),
        reasons(option)
    ))
}

/// Why trials drawn from an option's ranges differ from its central case, in words.
fn reasons(option: &crate::case::CaseOption) -> String {
    use crate::case::RangeUnit;
    let mut out = Vec::new();
    if let Some(d) = &option.delay_range {
        let central = option.adjustments.benefit_delay_months;
        if central != d.most_likely || d.low != d.high {
            out.push(format!(
                "the central case has {}; the ranges expect {}-{} months, most likely {}",
                if central == 0 {
                    "no delay".to_owned()
                } else {
                    format!("a delay of {central} months")
                },
                d.low,
                d.high,
                d.most_likely
            ));
        }
    }
    let three = rust_decimal::Decimal::from(3);
    let leaning = option
        .lines
        .iter()
        .filter(|line| {
            line.range.as_ref().is_some_and(|r| {
                let mean = (r.low + r.most_likely + r.high) / three;
                let entered = match r.unit {
                    RangeUnit::Percent => rust_decimal::Decimal::ZERO,
                    RangeUnit::Pounds => line.amounts.headline(),
                };
                // Worse than entered: benefits lower, costs higher.
                if line.kind.is_benefit() {
                    mean < entered
                } else {
                    mean > entered
                }
            })
        })
        .count();
    if leaning > 0 {
        out.push(format!(
            "the ranges of {leaning} line{} lean towards higher costs or lower benefits than entered",
            if leaning == 1 { "" } else { "s" }
        ));
    }
    if out.is_empty() {
        "the ranges are uneven around the amounts entered, so the trials' middle is not the central case".into()
    } else {
        out.join("; ")
    }
}
