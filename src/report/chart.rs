//! Charts as descriptions: series, colours, labels and break-even markers, built once from
//! the results. The app draws them with `egui_plot` and the exports as images, so a committee
//! sees on paper what it saw on screen. Money becomes `f64` here, at the drawing boundary.

use super::words;
use crate::engine::{CaseResults, Figures, OptionResults, Payback};
use crate::format::{MoneyStyle, money};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

/// Series colours: the Okabe-Ito hues, which people with the common colour-vision
/// deficiencies tell apart, darkened so each has at least 4.5:1 contrast on white paper.
/// They are alike in greyscale, so each series also has its own [`Dash`].
pub const PALETTE: [Rgb; 8] = [
    [0x00, 0x72, 0xB2], // blue, 5.2:1
    [0xC2, 0x57, 0x00], // orange (vermillion), 4.5:1
    [0x00, 0x7A, 0x5A], // bluish green, 5.3:1
    [0xA6, 0x4D, 0x86], // reddish purple, 5.2:1
    [0x4D, 0x4D, 0x4D], // dark grey, 8.5:1
    [0x8A, 0x6D, 0x00], // ochre, 4.9:1
    [0x9E, 0x2A, 0x2B], // dark red, 7.5:1
    [0x5E, 0x3C, 0x99], // purple, 8.1:1
];

/// How a series' line is drawn, so series stay apart in greyscale and for any eyes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    /// A solid line.
    Solid,
    /// Dashes.
    Dashed,
    /// Dots.
    Dotted,
    /// Dash, dot.
    DashDot,
    /// Long dashes.
    LongDash,
}

impl Dash {
    /// The dash of series `i`, with [`PALETTE`]'s colour of the same index.
    #[must_use]
    pub fn of(i: usize) -> Self {
        [
            Self::Solid,
            Self::Dashed,
            Self::Dotted,
            Self::DashDot,
            Self::LongDash,
        ][i % 5]
    }
}

/// Colours for cost categories (below the axis): the warm hues of the Okabe-Ito set, in an
/// order that steps the lightness (L* 36, 71, 50, 24, 61, 83) so neighbouring blocks differ
/// in greyscale too, and any first few are far apart.
pub const COST_SHADES: [Rgb; 6] = [
    [0x9E, 0x2A, 0x2B], // dark red
    [0xE6, 0x9F, 0x00], // orange
    [0xC2, 0x57, 0x00], // vermillion
    [0x6B, 0x1D, 0x1E], // deep red
    [0xCC, 0x79, 0xA7], // reddish purple
    [0xF5, 0xC7, 0x7E], // light orange
];
/// Colours for benefit categories (above the axis): the cool hues, lightness stepped as
/// [`COST_SHADES`] (L* 46, 70, 25, 58, 34, 82).
pub const BENEFIT_SHADES: [Rgb; 6] = [
    [0x00, 0x72, 0xB2], // blue
    [0x56, 0xB4, 0xE9], // sky blue
    [0x0B, 0x3D, 0x6B], // navy
    [0x00, 0x9E, 0x73], // bluish green
    [0x5E, 0x3C, 0x99], // purple
    [0x9F, 0xD3, 0xF0], // pale blue
];

/// The most blocks a flows chart stacks: beyond six, shades come too close to tell apart.
pub const MAX_STACKS: usize = 6;

/// Which cumulative position a payback chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// The cash position, in the prices of each year.
    #[default]
    Cash,
    /// The cumulative present value: real terms, discounted.
    Discounted,
}

impl Basis {
    /// A short title for the money axis.
    #[must_use]
    pub fn axis_label(self) -> &'static str {
        match self {
            Self::Cash => "Cumulative cash position",
            Self::Discounted => "Cumulative present value",
        }
    }

    /// The label every chart of this basis carries.
    #[must_use]
    pub fn label(self, first_year: &str, rate: Decimal) -> String {
        match self {
            Self::Cash => "Cumulative net position, cash (prices of each year)".to_owned(),
            Self::Discounted => format!(
                "Cumulative present value, real terms ({first_year} prices) discounted at {}",
                crate::format::percent_short(rate)
            ),
        }
    }
}

/// A point where a curve reaches zero, with its words.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakEven {
    /// Years from the start of year 0.
    pub x: f64,
    /// "pays back in 3 years 7 months, 2029/30".
    pub label: String,
}

/// One curve of cumulative positions: x in years from the start of year 0, y in pounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    /// Option or partner name.
    pub name: String,
    /// Its colour.
    pub colour: Rgb,
    /// Its line.
    pub dash: Dash,
    /// (0, 0), then (t + 1, position at the end of year t).
    pub points: Vec<[f64; 2]>,
    /// Where it crosses zero on its way to paying back (none when it never goes below zero,
    /// or does not pay back).
    pub break_even: Option<BreakEven>,
    /// Words for the legend when it does not pay back.
    pub note: String,
    /// The payback the curve shows, to say again in another money style.
    pub payback: Payback,
}

/// A payback chart: curves of cumulative position against time.
#[derive(Debug, Clone, PartialEq)]
pub struct PaybackChart {
    /// Chart title.
    pub title: String,
    /// What the curves measure.
    pub basis_label: String,
    /// A short title for the money axis.
    pub axis_label: String,
    /// Financial year labels; year t spans x from t to t + 1.
    pub years: Vec<String>,
    /// The curves.
    pub curves: Vec<Curve>,
}

/// A curve's words in the legend: `5 years, in 2030/31`, or `does not pay back within 10
/// years (£1.0m short)`.
fn legend_note(payback: &Payback, years: &[String], style: MoneyStyle) -> String {
    match payback {
        Payback::NotWithinHorizon { shortfall } => format!(
            "does not pay back within {} years ({} short)",
            years.len(),
            money(*shortfall, style)
        ),
        _ => words::payback_in(payback, years, style),
    }
}

impl PaybackChart {
    /// The chart with its legend's words in `style` (a shortfall as `£1.0m` rather than
    /// `£996,957`), as the app shows it in the money style the user chose.
    #[must_use]
    pub fn in_money(mut self, style: MoneyStyle) -> Self {
        for curve in &mut self.curves {
            let words = words::payback_in(&curve.payback, &self.years, style);
            curve.note = legend_note(&curve.payback, &self.years, style);
            if let Some(point) = &mut curve.break_even {
                point.label = words;
            }
        }
        self
    }
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// A chart's basis line with the scenario its figures are under, where the case has
/// scenarios: `...; Prudent scenario`.
fn with_scenario(label: String, results: &CaseResults) -> String {
    match words::scenario_label(results) {
        Some(scenario) => format!("{label}; {scenario}"),
        None => label,
    }
}

fn curve(name: &str, index: usize, figures: &Figures, basis: Basis, years: &[String]) -> Curve {
    let colour = PALETTE[index % PALETTE.len()];
    let mut points = vec![[0.0, 0.0]];
    for (t, y) in figures.years.iter().enumerate() {
        let value = match basis {
            Basis::Cash => y.cumulative_cash,
            Basis::Discounted => y.cumulative_pv,
        };
        #[allow(clippy::cast_precision_loss)]
        points.push([(t + 1) as f64, f(value)]);
    }
    let payback = match basis {
        Basis::Cash => &figures.measures.payback,
        Basis::Discounted => &figures.measures.discounted_payback,
    };
    let break_even = match payback {
        Payback::After { years: t, .. } => Some(BreakEven {
            x: f(*t),
            label: words::payback(payback, years),
        }),
        // Never below zero: there is no point to mark, and the legend says so.
        Payback::Immediate | Payback::NotWithinHorizon { .. } => None,
    };
    let note = legend_note(payback, years, MoneyStyle::Pounds);
    Curve {
        name: name.to_owned(),
        colour,
        dash: Dash::of(index),
        points,
        break_even,
        note,
        payback: payback.clone(),
    }
}

/// Every option's payback curve.
#[must_use]
pub fn options_payback(
    results: &CaseResults,
    basis: Basis,
    title: &str,
    rate: Decimal,
) -> PaybackChart {
    PaybackChart {
        title: match basis {
            Basis::Cash => format!("{title}: when each option pays back, in cash"),
            Basis::Discounted => {
                format!("{title}: when each option pays back, discounted (present value)")
            }
        },
        basis_label: with_scenario(
            basis.label(results.years.first().map_or("", String::as_str), rate),
            results,
        ),
        axis_label: basis.axis_label().to_owned(),
        years: results.years.clone(),
        curves: results
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| curve(&o.name, i, &o.figures, basis, &results.years))
            .collect(),
    }
}

/// Every option's curve against the baseline (its cumulative position less the baseline's);
/// `None` when no option has figures against a baseline.
#[must_use]
pub fn options_payback_against(
    results: &CaseResults,
    basis: Basis,
    title: &str,
    rate: Decimal,
) -> Option<PaybackChart> {
    let against = results
        .options
        .iter()
        .find_map(|o| o.incremental.as_ref())?
        .against
        .clone();
    Some(PaybackChart {
        title: format!("{title}: when each option pays back against {against}"),
        basis_label: with_scenario(
            format!(
                "{}, less {against}'s",
                basis.label(results.years.first().map_or("", String::as_str), rate)
            ),
            results,
        ),
        axis_label: format!("{}, against {against}", basis.axis_label()),
        years: results.years.clone(),
        curves: results
            .options
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                let inc = o.incremental.as_ref()?;
                Some(curve(
                    &format!("{} against {against}", o.name),
                    i,
                    &inc.figures,
                    basis,
                    &results.years,
                ))
            })
            .collect(),
    })
}

/// Each partner's payback curve for one option.
#[must_use]
pub fn partners_payback(
    results: &CaseResults,
    option: &OptionResults,
    basis: Basis,
    rate: Decimal,
) -> PaybackChart {
    PaybackChart {
        title: match basis {
            Basis::Cash => format!("{}: when each partner pays back, in cash", option.name),
            Basis::Discounted => format!(
                "{}: when each partner pays back, discounted (present value)",
                option.name
            ),
        },
        basis_label: with_scenario(
            basis.label(results.years.first().map_or("", String::as_str), rate),
            results,
        ),
        axis_label: basis.axis_label().to_owned(),
        years: results.years.clone(),
        curves: option
            .partners
            .iter()
            .enumerate()
            .map(|(i, p)| curve(&p.name, i, &p.figures, basis, &results.years))
            .collect(),
    }
}

/// One stacked block: a category's money in each year (negative for costs).
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    /// Category name, with "costs" or "savings and income".
    pub name: String,
    /// Its colour.
    pub colour: Rgb,
    /// One value a year; costs are negative.
    pub values: Vec<f64>,
}

/// Investment against savings: costs below the axis, benefits above, stacked by category,
/// with the net line, per year, in cash.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowsChart {
    /// Chart title.
    pub title: String,
    /// What the bars measure.
    pub basis_label: String,
    /// Financial year labels; year t is drawn at x = t + 0.5.
    pub years: Vec<String>,
    /// Cost categories (negative values), then benefit categories.
    pub stacks: Vec<Stack>,
    /// Net (benefits less costs) each year.
    pub net: Vec<f64>,
}

/// The investment against savings chart of one option.
#[must_use]
pub fn flows_chart(results: &CaseResults, option: &OptionResults) -> FlowsChart {
    let costs: Vec<Category> = option
        .by_category
        .iter()
        .filter(|c| !c.is_benefit)
        .map(|c| (c.category.clone(), c.cash.iter().map(|v| -f(*v)).collect()))
        .collect();
    let benefits: Vec<Category> = option
        .by_category
        .iter()
        .filter(|c| c.is_benefit)
        .map(|c| (c.category.clone(), c.cash.iter().map(|v| f(*v)).collect()))
        .collect();
    let (costs, benefits) = fit_categories(costs, benefits, MAX_STACKS);
    let mut stacks = Vec::new();
    for (i, (name, values)) in costs.into_iter().enumerate() {
        stacks.push(Stack {
            name: format!("{name} (cost)"),
            colour: COST_SHADES[i % COST_SHADES.len()],
            values,
        });
    }
    for (i, (name, values)) in benefits.into_iter().enumerate() {
        stacks.push(Stack {
            name: format!("{name} (benefit)"),
            colour: BENEFIT_SHADES[i % BENEFIT_SHADES.len()],
            values,
        });
    }
    FlowsChart {
        title: format!(
            "{}: investment and costs against savings and income",
            option.name
        ),
        basis_label: with_scenario(
            "Cash, in the prices of each year; costs below the line, benefits above".into(),
            results,
        ),
        years: results.years.clone(),
        stacks,
        net: option.figures.years.iter().map(|y| f(y.net_cash)).collect(),
    }
}

/// A category's name and its money each year.
pub type Category = (String, Vec<f64>);

/// The name of the block that the smallest categories are merged into.
pub const OTHER: &str = "Other categories";

/// Cost and benefit categories cut to at most `most` blocks between them: the largest (by
/// money over all years) keep their own block, in their order; the rest of each side are
/// added together at its end as [`OTHER`]. A side with one category left over keeps its name,
/// since merging it would only hide it.
#[must_use]
pub fn fit_categories(
    costs: Vec<Category>,
    benefits: Vec<Category>,
    most: usize,
) -> (Vec<Category>, Vec<Category>) {
    if costs.len() + benefits.len() <= most {
        return (costs, benefits);
    }
    let size = |values: &[f64]| values.iter().map(|v| v.abs()).sum::<f64>();
    // Every category as (side, index, size), largest first; ties keep their order.
    let mut ranked: Vec<(usize, usize, f64)> = costs
        .iter()
        .enumerate()
        .map(|(i, c)| (0, i, size(&c.1)))
        .chain(benefits.iter().enumerate().map(|(i, c)| (1, i, size(&c.1))))
        .collect();
    ranked.sort_by(|a, b| b.2.total_cmp(&a.2));
    let total = [costs.len(), benefits.len()];
    // The most categories kept whole, with one block for each side's remainder, within `most`.
    let mut keep = most.min(ranked.len());
    loop {
        let mut kept = [0, 0];
        for r in &ranked[..keep] {
            kept[r.0] += 1;
        }
        let others = (0..2).filter(|&s| kept[s] < total[s]).count();
        if keep + others <= most || keep == 0 {
            break;
        }
        keep -= 1;
    }
    let kept: Vec<(usize, usize)> = ranked[..keep].iter().map(|r| (r.0, r.1)).collect();
    let side = |s: usize, list: Vec<Category>| {
        let mut whole = Vec::new();
        let mut rest: Vec<Category> = Vec::new();
        for (i, c) in list.into_iter().enumerate() {
            if kept.contains(&(s, i)) {
                whole.push(c);
            } else {
                rest.push(c);
            }
        }
        match rest.len() {
            0 => {}
            1 => whole.extend(rest),
            _ => {
                let years = rest.iter().map(|c| c.1.len()).max().unwrap_or(0);
                let mut values = vec![0.0; years];
                for c in &rest {
                    for (t, v) in c.1.iter().enumerate() {
                        values[t] += v;
                    }
                }
                whole.push((OTHER.to_owned(), values));
            }
        }
        whole
    };
    (side(0, costs), side(1, benefits))
}

/// Money for an axis or a hover label, in the chosen style.
#[must_use]
pub fn axis_money(value: f64, style: MoneyStyle) -> String {
    Decimal::from_f64_retain(value).map_or_else(String::new, |d| money(d, style))
}

/// One option's payback curve under every scenario at once; `None` when no scenario has
/// figures for it.
#[must_use]
pub fn scenarios_payback(
    runs: &[crate::engine::scenario::Run],
    option: usize,
    basis: Basis,
    rate: Decimal,
) -> Option<PaybackChart> {
    let first = runs.iter().find_map(|r| r.results.as_ref())?;
    let name = &first.options.get(option)?.name;
    Some(PaybackChart {
        title: format!("{name}: when it pays back under each scenario"),
        basis_label: basis.label(first.years.first().map_or("", String::as_str), rate),
        axis_label: basis.axis_label().to_owned(),
        years: first.years.clone(),
        curves: runs
            .iter()
            .enumerate()
            .filter_map(|(i, run)| {
                let results = run.results.as_ref()?;
                let o = results.options.get(option)?;
                Some(curve(&run.name, i, &o.figures, basis, &results.years))
            })
            .collect(),
    })
}

/// A tornado: the net present value with each line at the low and the high end of its
/// range, the widest bars first, around the central NPV.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoChart {
    /// Chart title.
    pub title: String,
    /// What the bars measure.
    pub basis_label: String,
    /// The central NPV.
    pub base: f64,
    /// Name, NPV at the low end, NPV at the high end; widest first.
    pub bars: Vec<(String, f64, f64)>,
}

/// The tornado of one option: its ten widest bars.
#[must_use]
pub fn tornado_chart(
    results: &CaseResults,
    option: &OptionResults,
    tornado: &crate::engine::sensitivity::Tornado,
) -> TornadoChart {
    TornadoChart {
        title: format!(
            "{}: what the net present value is most sensitive to",
            option.name
        ),
        basis_label: with_scenario(
            format!(
                "Net present value with each line at the low and the high end of its range, around {}",
                money(tornado.base_npv, MoneyStyle::Compact)
            ),
            results,
        ),
        base: f(tornado.base_npv),
        bars: tornado
            .bars
            .iter()
            .take(10)
            .map(|b| (b.name.clone(), f(b.npv_low), f(b.npv_high)))
            .collect(),
    }
}

/// A fan: the spread of the cumulative cash position over the trials, year by year, with
/// the central case for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct FanChart {
    /// Chart title.
    pub title: String,
    /// What the band measures.
    pub basis_label: String,
    /// Financial years.
    pub years: Vec<String>,
    /// P10, median and P90 at the end of each year.
    pub band: Vec<[f64; 3]>,
    /// The central case at the end of each year.
    pub central: Vec<f64>,
}

/// The fan of one option from its Monte Carlo outcome.
#[must_use]
pub fn fan_chart(
    results: &CaseResults,
    option: &OptionResults,
    outcome: &crate::engine::risk::Outcome,
    trials: u64,
) -> FanChart {
    FanChart {
        title: format!("{}: how sure the payback is", option.name),
        basis_label: with_scenario(
            format!(
                "Cumulative cash position: P10 to P90 of {} trials, the median, and the central case",
                crate::format::grouped(Decimal::from(trials), 0)
            ),
            results,
        ),
        years: results.years.clone(),
        band: outcome.band.clone(),
        central: option
            .figures
            .years
            .iter()
            .map(|y| f(y.cumulative_cash))
            .collect(),
    }
}

/// The unit a money axis is labelled in, as a size in pounds and a suffix: the style's own
/// unit, or for whole pounds the one that suits the largest amount on show (as `£1.2m`).
fn money_unit(style: MoneyStyle, largest: f64) -> (f64, &'static str) {
    match style {
        MoneyStyle::Thousands => (1e3, "k"),
        MoneyStyle::Millions => (1e6, "m"),
        MoneyStyle::Pounds | MoneyStyle::Pence | MoneyStyle::Compact => {
            if largest >= 1e6 {
                (1e6, "m")
            } else if largest >= 1e3 {
                (1e3, "k")
            } else {
                (1.0, "")
            }
        }
    }
}

/// The decimals a step needs to be written exactly: 2.5 needs one, 0.25 two.
#[must_use]
pub fn step_decimals(step: f64) -> u32 {
    (0..6)
        .find(|d| {
            let s = step * 10_f64.powi(i32::try_from(*d).unwrap_or(0));
            (s - s.round()).abs() < 1e-6 * s.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// A money axis label. Every label on an axis has the unit chosen from the axis' range and
/// the decimals its step needs, so `£0.5m` never sits beside `£900k`; negatives in brackets.
#[must_use]
pub fn money_tick(
    value: f64,
    step: f64,
    range: &std::ops::RangeInclusive<f64>,
    style: MoneyStyle,
) -> String {
    let largest = range.start().abs().max(range.end().abs());
    let (unit, suffix) = money_unit(style, largest);
    let decimals = step_decimals(step / unit);
    let zero = value.abs() < step.abs() * 1e-6;
    if zero {
        // Nought is nought in any unit: `£0`, not `£0.0m`.
        return "£0".to_owned();
    }
    let amount = if zero { 0.0 } else { value.abs() / unit };
    let text = format!(
        "£{}{suffix}",
        crate::format::grouped(
            Decimal::from_f64_retain(amount).unwrap_or_default(),
            decimals
        )
    );
    if value < 0.0 && !zero {
        format!("({text})")
    } else {
        text
    }
}
