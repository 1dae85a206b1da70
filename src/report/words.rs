//! Figures in words, the same in every view: "3 years 7 months, in 2029/30".

use crate::case::Adjustments;
use crate::engine::payback::months;
use crate::engine::{Irr, NoIrr, Payback, Warning};
use crate::format::{MoneyStyle, money, percent, percent_short, years_months};

/// Payback in words: `3 years 7 months, in 2029/30`, `immediate`, `not within 10 years (£1,234 short)`.
#[must_use]
pub fn payback(payback: &Payback, years: &[String]) -> String {
    payback_in(payback, years, MoneyStyle::Pounds)
}

/// Payback in words with any shortfall in the money style the user chose:
/// `not within 10 years (£1.0m short)`.
#[must_use]
pub fn payback_in(payback: &Payback, years: &[String], style: MoneyStyle) -> String {
    match payback {
        Payback::Immediate => "immediate (never below zero)".into(),
        Payback::After { years: t, year, .. } => format!(
            "{}, in {}",
            years_months(months(*t)),
            years.get(*year).map_or("", String::as_str)
        ),
        Payback::NotWithinHorizon { shortfall } => format!(
            "not within {} years ({} short)",
            years.len(),
            money(*shortfall, style)
        ),
    }
}

/// A short payback for tables: `3y 7m`, `0`, `none`.
#[must_use]
pub fn payback_short(payback: &Payback) -> String {
    match payback {
        Payback::Immediate => "immediate".into(),
        Payback::After { years, .. } => {
            let m = months(*years);
            format!("{}y {}m", m / 12, m % 12)
        }
        Payback::NotWithinHorizon { .. } => "none".into(),
    }
}

/// IRR in words: `15.32%`, `15.32% (one of 2)`, `none: the net flows never change sign`.
#[must_use]
pub fn irr(irr: &Irr) -> String {
    match irr {
        Irr::Rate { rate, solutions: 1 } => percent(*rate, 2),
        Irr::Rate { rate, solutions } => format!("{} (one of {solutions})", percent(*rate, 2)),
        Irr::None(why) => format!("none: {}", no_irr(*why)),
    }
}

/// Why there is no IRR, in words.
#[must_use]
pub fn no_irr(why: NoIrr) -> &'static str {
    match why {
        NoIrr::NoSignChange => "the net flows never change sign",
        NoIrr::NoneInRange => "no rate from -99% to +1,000% gives an NPV of zero",
    }
}

/// A warning in words, its years named from `years` (the case's labels, year 0 first).
#[must_use]
pub fn warning(warning: &Warning, years: &[String]) -> String {
    warning_in(warning, years, MoneyStyle::Pounds)
}

/// A warning in words with its money in the style the user chose.
#[must_use]
pub fn warning_in(warning: &Warning, years: &[String], style: MoneyStyle) -> String {
    let label = |t: usize| years.get(t).map_or("", String::as_str);
    let last = years.last().map_or("the horizon", String::as_str);
    match warning {
        Warning::NoPayback { shortfall } => format!(
            "does not pay back within the {}-year horizon: the cash position is still {} short at the end of {last}",
            years.len(),
            money(*shortfall, style),
        ),
        Warning::FallsBack { year } => format!(
            "after paying back, the cash position falls below zero again in {}",
            label(*year)
        ),
        Warning::DiscountedFallsBack { year } => format!(
            "after paying back in present-value terms, the cumulative present value falls below zero again in {}",
            label(*year)
        ),
        Warning::SeveralIrrs { rate, solutions } => format!(
            "{solutions} rates give an NPV of zero; the IRR shown, {}, is the one nearest zero",
            percent(*rate, 2)
        ),
        Warning::BeyondHorizon { name, .. } => {
            format!("line \"{name}\": some of its money falls after {last} and is not counted")
        }
        Warning::DelayedPastHorizon { months, lost } => format!(
            "the benefit delay of {months} months moves {} of benefits (in the prices they are entered in) past the end of {last}; they are not counted",
            money(*lost, style),
        ),
        Warning::EmptyLine { name, .. } => format!("line \"{name}\" has no money in any year"),
        Warning::NoCosts => {
            "there are no costs, so there is no benefit-cost ratio or return on investment".into()
        }
        Warning::PartnerUntouched { partner } => {
            format!("{partner} bears no costs and receives no benefits")
        }
        Warning::OptimismBiasBelowLowerBound { below } => {
            let (what, value, lower) = match below {
                crate::case::BelowLowerBound::Investment { value, lower } => {
                    ("investment uplift", value, lower)
                }
                crate::case::BelowLowerBound::Duration { value, lower } => {
                    ("duration figure", value, lower)
                }
                crate::case::BelowLowerBound::RunningCost { value, lower } => {
                    ("running-cost uplift", value, lower)
                }
            };
            format!(
                "the optimism-bias {what}, {}, is below the Green Book's lower bound of {}: mitigation is taken further than the guidance expects before contract award",
                percent(*value, 1),
                percent(*lower, 0)
            )
        }
        Warning::NoExtraCosts { against } => format!(
            "against {against} it costs no more, so there is no incremental benefit-cost ratio or return on investment"
        ),
    }
}

/// A warning as a line of its own, as every view lists it: `Warning: ...`, or
/// `Warning (Eastbrook): ...` when it is about someone other than the figures shown.
#[must_use]
pub fn warning_line(w: &Warning, years: &[String], whose: Option<&str>) -> String {
    warning_line_in(w, years, whose, MoneyStyle::Pounds)
}

/// A warning as a line of its own, its money in the style the user chose.
#[must_use]
pub fn warning_line_in(
    w: &Warning,
    years: &[String],
    whose: Option<&str>,
    style: MoneyStyle,
) -> String {
    match whose {
        Some(name) => format!("Warning ({name}): {}", warning_in(w, years, style)),
        None => format!("Warning: {}", warning_in(w, years, style)),
    }
}

/// IRR for tables: `15.32%`, `-8.33%*`, `none`.
#[must_use]
pub fn irr_short(irr: &Irr) -> String {
    match irr {
        Irr::Rate { rate, solutions: 1 } => percent(*rate, 2),
        Irr::Rate { rate, .. } => format!("{}*", percent(*rate, 2)),
        Irr::None(_) => "none".into(),
    }
}

/// An option's adjustments in words: `costs +15%, benefits -10%, benefits 3 months late`.
#[must_use]
pub fn adjustments(a: &Adjustments) -> String {
    if a.is_neutral() {
        return "none".into();
    }
    let mut parts = Vec::new();
    if !a.cost_uplift.is_zero() {
        parts.push(format!("costs +{}", percent_short(a.cost_uplift)));
    }
    if !a.benefit_shortfall.is_zero() {
        parts.push(format!("benefits -{}", percent_short(a.benefit_shortfall)));
    }
    if a.benefit_delay_months > 0 {
        let m = a.benefit_delay_months;
        parts.push(format!(
            "benefits {m} month{} late",
            if m == 1 { "" } else { "s" }
        ));
    }
    parts.join(", ")
}

/// What an option's figures hold besides its lines as typed, as a presentation says it:
/// `Includes a 10% cost uplift and a 5% benefit shortfall, under the Prudent scenario.`
#[must_use]
pub fn included(option: &crate::case::CaseOption, scenario: Option<&str>) -> String {
    let under = scenario.map(|name| format!("under the {name} scenario"));
    match (adjusted(option), under) {
        (None, None) => "As entered: no uplift, shortfall, delay or optimism bias.".into(),
        (None, Some(under)) => format!("No uplift, shortfall or delay of its own, {under}."),
        (Some(list), Some(under)) => format!("Includes {list}, {under}."),
        (Some(list), None) => format!("Includes {list}."),
    }
}

/// An option's own adjustments and optimism bias as a list: `a 10% cost uplift and a 5%
/// benefit shortfall`; `None` when it has none, so its figures are the lines as entered.
#[must_use]
pub fn adjusted(option: &crate::case::CaseOption) -> Option<String> {
    let a = &option.adjustments;
    let mut parts = Vec::new();
    if !a.cost_uplift.is_zero() {
        parts.push(format!("a {} cost uplift", percent_short(a.cost_uplift)));
    }
    if !a.benefit_shortfall.is_zero() {
        parts.push(format!(
            "a {} benefit shortfall",
            percent_short(a.benefit_shortfall)
        ));
    }
    if a.benefit_delay_months > 0 {
        let m = a.benefit_delay_months;
        parts.push(format!(
            "benefits {m} month{} late",
            if m == 1 { "" } else { "s" }
        ));
    }
    if let Some(bias) = &option.optimism_bias {
        let f = bias.figures();
        parts.push(format!(
            "optimism bias (investment +{})",
            percent_short(f.investment_uplift)
        ));
    }
    let last = parts.pop()?;
    Some(if parts.is_empty() {
        last
    } else {
        format!("{} and {last}", parts.join(", "))
    })
}

/// The columns of the yearly table, the same in every view.
pub const YEARLY_COLUMNS: [&str; 10] = [
    "Year",
    "Investment",
    "All costs",
    "Benefits",
    "Net (cash)",
    "Cumulative (cash)",
    "Net (real)",
    "Discount factor",
    "Present value",
    "Cumulative PV",
];

/// The yearly table's column titles for figures in `style`: [`YEARLY_COLUMNS`], the first
/// saying `Year (£000)` when the figures are in thousands.
#[must_use]
pub fn yearly_columns(style: crate::format::MoneyStyle) -> Vec<String> {
    let mut columns: Vec<String> = YEARLY_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    if style == crate::format::MoneyStyle::Thousands {
        columns[0] = "Year (£000)".into();
    }
    columns
}

/// The yearly table's rows under [`YEARLY_COLUMNS`], as the app, the PDF and the clipboard
/// show them: one per year, then the total (the present values total to the NPV).
#[must_use]
pub fn yearly_rows(
    figures: &crate::engine::Figures,
    style: crate::format::MoneyStyle,
) -> Vec<Vec<String>> {
    use crate::format::{MoneyStyle, in_thousands, money, money_cell, number};
    // In thousands the header says £000 once (see `yearly_columns`), not a k on every figure.
    let money = |v: rust_decimal::Decimal, style: MoneyStyle| match style {
        MoneyStyle::Thousands => in_thousands(v),
        _ => money(v, style),
    };
    let money_cell = |v: rust_decimal::Decimal, style: MoneyStyle| match style {
        MoneyStyle::Thousands => in_thousands(v),
        _ => money_cell(v, style),
    };
    let mut rows: Vec<Vec<String>> = figures
        .years
        .iter()
        .map(|y| {
            let mut row = vec![y.label.clone()];
            row.extend(
                [
                    y.investment_cash,
                    y.costs_cash,
                    y.benefits_cash,
                    y.net_cash,
                    y.cumulative_cash,
                    y.net_real,
                ]
                .map(|v| money_cell(v, style)),
            );
            row.push(number(y.discount_factor, 4));
            row.push(money(y.present_value, style));
            row.push(money(y.cumulative_pv, style));
            row
        })
        .collect();
    let t = &figures.measures.totals;
    rows.push(vec![
        "Total".into(),
        money(t.investment_cash, style),
        money(t.costs_cash, style),
        money(t.benefits_cash, style),
        money(t.net_cash, style),
        String::new(),
        money(t.net_real, style),
        String::new(),
        money(figures.measures.npv, style),
        String::new(),
    ]);
    rows
}

/// The prices the amounts are entered in, as every view states it: `Amounts are entered in
/// cash prices (the sums paid in each year), except 2 lines in year-0 prices.`
#[must_use]
pub fn prices_sentence(case: &crate::case::Case) -> String {
    use crate::case::PriceBasis;
    let others = case
        .options
        .iter()
        .flat_map(|o| &o.lines)
        .filter(|l| l.prices.is_some_and(|p| p != case.prices))
        .count();
    let what = match case.prices {
        PriceBasis::Cash => "cash prices (the sums paid or saved in each year, not indexed)",
        PriceBasis::Year0 => "year-0 prices (indexed into cash by each line's indexation)",
    };
    let other = match case.prices {
        PriceBasis::Cash => PriceBasis::Year0,
        PriceBasis::Year0 => PriceBasis::Cash,
    };
    match others {
        0 => format!("Amounts are entered in {what}."),
        1 => format!("Amounts are entered in {what}, except 1 line in {other}."),
        n => format!("Amounts are entered in {what}, except {n} lines in {other}."),
    }
}

/// The scenario figures are under, as every view heads them: `Prudent scenario`; `None` for
/// a case with no scenarios but the case as entered.
#[must_use]
pub fn scenario_label(results: &crate::engine::CaseResults) -> Option<String> {
    results
        .scenario
        .as_ref()
        .map(|name| format!("{name} scenario"))
}

/// A scenario's changes in words: `costs +10%, benefits -10%, benefits 6 months late,
/// inflation 3%, Staff -20%`; `as entered` when it changes nothing.
#[must_use]
pub fn scenario(s: &crate::case::Scenario) -> String {
    let mut parts = Vec::new();
    if !s.cost_uplift.is_zero() {
        parts.push(format!("costs +{}", percent_short(s.cost_uplift)));
    }
    if !s.benefit_shortfall.is_zero() {
        parts.push(format!("benefits -{}", percent_short(s.benefit_shortfall)));
    }
    if s.benefit_delay_months > 0 {
        parts.push(format!(
            "benefits {} month{} late",
            s.benefit_delay_months,
            if s.benefit_delay_months == 1 { "" } else { "s" }
        ));
    }
    if let Some(rate) = s.inflation {
        parts.push(format!("general inflation {}", percent_short(rate)));
    }
    for (category, change) in &s.categories {
        let sign = if change.is_sign_negative() { "" } else { "+" };
        parts.push(format!("{category} {sign}{}", percent_short(*change)));
    }
    if parts.is_empty() {
        "as entered".into()
    } else {
        parts.join(", ")
    }
}

/// The scenario a set of figures is under, with what it changes: `Scenario: Prudent (costs
/// +10%, ...).`; `None` when the case has no scenarios but the case as entered.
#[must_use]
pub fn scenario_sentence(
    case: &crate::case::Case,
    results: &crate::engine::CaseResults,
) -> Option<String> {
    let name = results.scenario.as_ref()?;
    let changes = match case.scenario_named(name) {
        Some(Some(i)) => scenario(&case.scenarios[i]),
        _ => "the case as entered".into(),
    };
    Some(format!("Scenario: {name} ({changes})."))
}

/// An option's optimism-bias assessment in words: `Equipment and development, 50% mitigated
/// (contract signed): investment +100%, benefits 5 months later`.
#[must_use]
pub fn optimism_bias(bias: &crate::case::OptimismBias) -> String {
    let f = bias.figures();
    let mut out = format!(
        "{}{}, {} mitigated",
        bias.investment_type.label(),
        bias.running_cost_type
            .map(|t| format!(" and {}", t.label().to_lowercase()))
            .unwrap_or_default(),
        percent_short(bias.mitigated)
    );
    if !bias.reason.trim().is_empty() {
        out.push_str(&format!(" ({})", bias.reason.trim()));
    }
    out.push_str(&format!(
        ": investment +{}",
        percent(f.investment_uplift, 1)
    ));
    if bias.running_cost_type.is_some() {
        out.push_str(&format!(
            ", running costs +{}",
            percent(f.running_cost_uplift, 1)
        ));
    }
    out.push_str(&format!(
        ", implementation {} months x {} = benefits {} month{} later",
        bias.implementation_months,
        percent(f.duration, 1),
        f.extra_delay_months,
        if f.extra_delay_months == 1 { "" } else { "s" }
    ));
    out
}

/// The terms a committee paper uses, as Sharecase defines them.
pub const GLOSSARY: [(&str, &str); 12] = [
    (
        "Net present value (NPV)",
        "The benefits less the costs of every year, in real terms (the first year's prices), each discounted to today's value at the discount rate, added up. Above zero, the option is worth more than it costs.",
    ),
    (
        "Payback",
        "When the cumulative cash position, having been negative, first reaches zero, with money taken to flow evenly within each year; counted in years and months from the start of the first financial year.",
    ),
    (
        "Discounted payback",
        "Payback on the cumulative present value (real terms, discounted) rather than cash: later than cash payback, and the fairer test of value.",
    ),
    (
        "Benefit-cost ratio (BCR)",
        "The present value of savings and income divided by the present value of all costs, investment included. Above 1, benefits exceed costs.",
    ),
    (
        "Return on investment (ROI)",
        "In Sharecase: the net cash over the horizon (savings and income less all costs) divided by all costs in cash, investment included.",
    ),
    (
        "Internal rate of return (IRR)",
        "The discount rate at which the net present value is zero, in real terms; where there are several, the one nearest zero.",
    ),
    (
        "Switching value",
        "How far a line, or all lines of a category, would have to change for the net present value to fall to zero: the larger the change, the safer the case.",
    ),
    (
        "Optimism bias",
        "The Green Book's uplift for appraisers' tendency to underestimate costs and durations: an upper bound by type of project, reduced by the share of the risk shown to be mitigated.",
    ),
    (
        "Minimum revenue provision (MRP)",
        "The amount a council sets aside from its revenue budget each year to repay borrowing for capital spend, here over the asset's life, in equal instalments or as an annuity.",
    ),
    (
        "Cash and real terms",
        "Cash is money in the prices of the year it is paid; real terms take general inflation out, leaving the first year's prices.",
    ),
    (
        "Baseline and scenarios",
        "The baseline is the option the others are measured against (do minimum). A scenario changes every option at once (costs higher, savings lower or later) to show how the case holds up.",
    ),
    (
        "P10, P50, P90",
        "From the Monte Carlo trials: nine trials in ten do better than P10, half do better than P50 (the median), one in ten does better than P90.",
    ),
];

#[cfg(test)]
mod tests {
    use super::included;
    use rust_decimal::Decimal;

    #[test]
    fn a_presentation_says_what_is_in_the_figures() {
        let mut option = crate::case::Case::blank(2026).options[0].clone();
        assert_eq!(
            included(&option, None),
            "As entered: no uplift, shortfall, delay or optimism bias."
        );
        assert_eq!(
            included(&option, Some("Prudent")),
            "No uplift, shortfall or delay of its own, under the Prudent scenario."
        );
        option.adjustments.cost_uplift = Decimal::new(10, 2);
        assert_eq!(included(&option, None), "Includes a 10% cost uplift.");
        option.adjustments.benefit_shortfall = Decimal::new(5, 2);
        assert_eq!(
            included(&option, None),
            "Includes a 10% cost uplift and a 5% benefit shortfall."
        );
        option.adjustments.benefit_delay_months = 6;
        assert_eq!(
            included(&option, Some("Prudent")),
            "Includes a 10% cost uplift, a 5% benefit shortfall and benefits 6 months late, under the Prudent scenario."
        );
    }
}
