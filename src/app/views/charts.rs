//! Charts drawn with `egui_plot` from the chart descriptions in [`crate::report::chart`], laid
//! out as the exports draw them: each financial year a band with its label in the middle and
//! the boundaries as grid lines, money up the side at round steps in one unit, and the legend
//! below the plot, never on the data.

use super::super::theme::{Palette, colour};
use super::super::{ChartRef, Command};
use super::Ctx;
use crate::export::Format;
use crate::format::MoneyStyle;
use crate::report::chart::{self, Basis, FlowsChart, PaybackChart, axis_money};
use egui_plot::{
    Bar, BarChart, GridInput, GridMark, HLine, Line, LineStyle, MarkerShape, Plot, PlotPoint,
    Points, Text, VLine,
};
use std::sync::Arc;

/// Which curves, and how large, a payback chart is drawn.
pub struct Look {
    /// Money style for axes and hover labels.
    pub money: MoneyStyle,
    /// Text size of the break-even labels.
    pub label_size: f32,
    /// Line width.
    pub width: f32,
}

/// The smallest grid spacing, in points, set on every plot: grid spacers get
/// `base_step_size` as this many points in plot units, and turn it back into points.
pub const GRID_MIN: f32 = 8.0;

/// The least room between money labels up the side, in points.
pub const MONEY_GAP_Y: f64 = 44.0;

/// The least room between money labels along the bottom, in points: `egui_plot` fades x labels
/// closer than 80 points, and a label such as `(£1,200k)` is about as wide.
pub const MONEY_GAP_X: f64 = 84.0;

/// `egui_plot` hides x labels closer than 60 points and fades them up to 80: year labels are
/// kept at least this far apart so each shown is at full strength.
const LABEL_ROOM: f64 = 80.0;

/// Points per plot unit on an axis, from what `egui_plot` gives a grid spacer.
#[must_use]
pub fn points_per_unit(input: &GridInput) -> f64 {
    f64::from(GRID_MIN) / input.base_step_size.max(f64::MIN_POSITIVE)
}

/// The smallest round step (1, 2 or 5 times a power of ten) of at least `least`: whole
/// numbers in the unit, as a committee reads an axis (`£2m`, not `£2.5m`).
#[must_use]
pub fn round_step(least: f64) -> f64 {
    let least = if least.is_finite() && least > 0.0 {
        least
    } else {
        1.0
    };
    let power = 10_f64.powf(least.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= least * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// Marks at every multiple of one round step from `low` to `high`: the smallest step (and
/// never under £1) that leaves at least `least` pounds between marks. All carry the step, so
/// `egui_plot` labels every one or none.
#[must_use]
pub fn money_marks(low: f64, high: f64, least: f64) -> Vec<GridMark> {
    let step = round_step(least.max(1.0));
    if !(low.is_finite() && high.is_finite()) || high < low {
        return Vec::new();
    }
    #[allow(clippy::cast_possible_truncation)]
    let (first, last) = ((low / step).ceil() as i64, (high / step).floor() as i64);
    #[allow(clippy::cast_precision_loss)]
    (first..=last)
        .take(200)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// A grid spacer for a money axis: round steps at least `gap` points apart.
pub fn money_spacer(gap: f64) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input| {
        let least = gap / points_per_unit(&input);
        money_marks(input.bounds.0, input.bounds.1, least)
    }
}

pub use crate::report::chart::{money_tick, step_decimals};

/// How many financial years apart the year labels go: every year where they fit, else every
/// second, third...; never so many that none is left. `band` is a year's width and `widest`
/// the widest label, in points.
#[must_use]
pub fn year_label_step(band: f64, widest: f64, years: usize) -> usize {
    let need = (widest + 16.0).max(LABEL_ROOM);
    let mut step = 1;
    #[allow(clippy::cast_precision_loss)]
    while (step as f64) * band < need && step < years.max(1) {
        step += 1;
    }
    step
}

/// Marks for year labels: one at the middle of each labelled year (year t at x = t + `offset`),
/// the first year always among them (the last, `from_end`), each carrying the distance to the
/// next so `egui_plot` shows every one.
#[must_use]
pub fn year_label_marks(
    years: usize,
    offset: f64,
    band: f64,
    widest: f64,
    from_end: bool,
) -> Vec<GridMark> {
    let step = year_label_step(band, widest, years);
    (0..years)
        .filter(|t| {
            if from_end {
                (years - 1 - t).is_multiple_of(step)
            } else {
                t.is_multiple_of(step)
            }
        })
        .map(|t| GridMark {
            #[allow(clippy::cast_precision_loss)]
            value: t as f64 + offset,
            #[allow(clippy::cast_precision_loss)]
            step_size: step as f64,
        })
        .collect()
}

/// The label of the year whose mark is at `x`, for marks at t + `offset`.
#[must_use]
pub fn year_at(x: f64, offset: f64, years: &[String]) -> String {
    let t = (x - offset).round();
    if t < 0.0 || (x - offset - t).abs() > 1e-6 {
        return String::new();
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    years.get(t as usize).cloned().unwrap_or_default()
}

/// When a point `x` years from the start is, in words: the end of a year is the right edge of
/// its band, as the exports draw it, so `x = 5` is the end of the fifth year.
#[must_use]
pub fn when(x: f64, years: &[String]) -> String {
    let near = x.round();
    let first = years.first().map_or("", String::as_str);
    if x.abs() < 1e-6 {
        return format!("start of {first}");
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    if (x - near).abs() < 1e-6 && near >= 1.0 {
        return years
            .get(near as usize - 1)
            .map_or_else(String::new, |y| format!("end of {y}"));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    if x > 0.0 {
        return years
            .get(x.floor() as usize)
            .map_or_else(String::new, |y| format!("during {y}"));
    }
    String::new()
}

/// The widest of `labels` in `font`, in points.
#[must_use]
pub fn widest_label(ui: &egui::Ui, labels: &[String], font: &egui::FontId) -> f64 {
    labels
        .iter()
        .map(|l| {
            ui.painter()
                .layout_no_wrap(l.clone(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max)
        .into()
}

/// A plot with the year axis of the exports: year t is the band from t to t + 1, labelled
/// in its middle (thinned where the plot is narrow), money at round steps up the side, axis
/// text `tick` points high (larger on the projector). Year boundaries are drawn by
/// [`year_bands`], as `egui_plot` would draw grid lines on the labels.
pub fn year_plot<'a>(
    ui: &egui::Ui,
    id: impl egui::AsIdSalt,
    years: &[String],
    money: MoneyStyle,
    tick: f32,
) -> Plot<'a> {
    let labels = years.to_vec();
    let count = years.len();
    let font = egui::FontId::proportional(tick);
    let wide = widest_label(ui, years, &font);
    // Larger type needs more room per label, but less than in proportion: a projected
    // chart still wants four or five figures up its axis.
    let gap = MONEY_GAP_Y * f64::from((tick / 14.0).sqrt());
    let x_axis = egui_plot::AxisHints::new_x()
        .label(egui::RichText::new("Financial year").size(tick))
        .tick_label_font(font.clone())
        .formatter(move |mark, _| year_at(mark.value, 0.5, &labels));
    let y_axis = egui_plot::AxisHints::new_y()
        .tick_label_font(font)
        .formatter(move |mark, range| money_tick(mark.value, mark.step_size, range, money));
    Plot::new(id)
        .grid_spacing(egui::Rangef::new(GRID_MIN, 300.0))
        .show_grid([false, true])
        .show_crosshair(false)
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .x_grid_spacer(move |input| {
            year_label_marks(count, 0.5, points_per_unit(&input), wide, false)
        })
        .y_grid_spacer(money_spacer(gap))
        .include_x(0.0)
        .include_y(0.0)
        .allow_scroll(false)
}

/// The boundaries between financial years, as thin lines behind the data.
pub fn year_bands(plot: &mut egui_plot::PlotUi<'_>, years: usize, palette: &Palette) {
    for t in 0..=years {
        #[allow(clippy::cast_precision_loss)]
        plot.vline(
            VLine::new("", t as f64)
                .color(palette.grid)
                .width(1.0)
                .allow_hover(false),
        );
    }
}

/// How a series' line is drawn in the app, for its [`chart::Dash`]: `egui_plot` has dashes and
/// dots but no dash-dot, so that is a short dash, still unlike the others.
#[must_use]
pub fn line_style(dash: chart::Dash) -> LineStyle {
    match dash {
        chart::Dash::Solid => LineStyle::Solid,
        chart::Dash::Dotted => LineStyle::Dotted { spacing: 7.0 },
        chart::Dash::Dashed => LineStyle::Dashed { length: 10.0 },
        chart::Dash::DashDot => LineStyle::Dashed { length: 4.0 },
        chart::Dash::LongDash => LineStyle::Dashed { length: 20.0 },
    }
}

/// What a legend entry shows beside its name.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    /// A piece of the series' line, with its dash, this wide.
    Line(LineStyle, f32),
    /// A block of the bars' colour.
    Block,
}

/// A legend entry, drawn below a chart as the exports draw it.
#[derive(Debug, Clone)]
pub struct Key {
    /// The series' name.
    pub name: String,
    /// Words after the name, quieter.
    pub note: String,
    /// The series' colour.
    pub colour: egui::Color32,
    /// Its line or block.
    pub swatch: Swatch,
}

const SWATCH: f32 = 36.0;
const SWATCH_GAP: f32 = 8.0;
const KEY_GAP: f32 = 24.0;

/// Which row each legend entry goes on, filling rows `room` wide left to right with entries
/// `widths` wide and `gap` between; an entry wider than the room has a row to itself.
#[must_use]
pub fn legend_rows(widths: &[f32], room: f32, gap: f32) -> Vec<usize> {
    let mut rows = Vec::with_capacity(widths.len());
    let (mut row, mut used) = (0, 0.0_f32);
    for w in widths {
        if used > 0.0 && used + gap + w > room {
            row += 1;
            used = 0.0;
        }
        used += if used > 0.0 { gap + w } else { *w };
        rows.push(row);
    }
    rows
}

/// A legend laid out for its room: each entry's text, row, and the height of it all.
struct LegendLayout {
    galleys: Vec<Arc<egui::Galley>>,
    rows: Vec<usize>,
    row_height: f32,
    height: f32,
}

fn layout_legend(ui: &egui::Ui, keys: &[Key], size: f32, room: f32) -> LegendLayout {
    let ink = ui.visuals().text_color();
    let muted = Palette::of(ui).muted;
    let font = egui::FontId::proportional(size);
    let wrap = (room - SWATCH - SWATCH_GAP).max(60.0);
    let galleys: Vec<Arc<egui::Galley>> = keys
        .iter()
        .map(|k| {
            let mut job = egui::text::LayoutJob::default();
            job.append(&k.name, 0.0, egui::TextFormat::simple(font.clone(), ink));
            if !k.note.is_empty() {
                job.append(
                    &format!(": {}", k.note),
                    0.0,
                    egui::TextFormat::simple(font.clone(), muted),
                );
            }
            job.wrap.max_width = wrap;
            ui.painter().layout_job(job)
        })
        .collect();
    let widths: Vec<f32> = galleys
        .iter()
        .map(|g| SWATCH + SWATCH_GAP + g.size().x)
        .collect();
    let rows = legend_rows(&widths, room, KEY_GAP);
    let row_height = galleys
        .iter()
        .map(|g| g.size().y)
        .fold(size * 1.3, f32::max)
        + 4.0;
    #[allow(clippy::cast_precision_loss)]
    let height = rows.last().map_or(0.0, |r| (*r + 1) as f32 * row_height);
    LegendLayout {
        galleys,
        rows,
        row_height,
        height,
    }
}

fn paint_legend(ui: &mut egui::Ui, keys: &[Key], layout: &LegendLayout, size: f32) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), layout.height),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect.expand(2.0));
    let mut x = rect.left();
    let mut last_row = 0;
    for ((key, galley), row) in keys.iter().zip(&layout.galleys).zip(&layout.rows) {
        if *row != last_row {
            x = rect.left();
            last_row = *row;
        }
        #[allow(clippy::cast_precision_loss)]
        let top = rect.top() + *row as f32 * layout.row_height;
        let mid = top + size * 0.62;
        let (a, b) = (egui::pos2(x + 2.0, mid), egui::pos2(x + SWATCH - 2.0, mid));
        match key.swatch {
            Swatch::Line(style, width) => match style {
                LineStyle::Solid => {
                    painter.line_segment([a, b], egui::Stroke::new(width, key.colour));
                }
                LineStyle::Dashed { length } => {
                    painter.extend(egui::Shape::dashed_line(
                        &[a, b],
                        egui::Stroke::new(width, key.colour),
                        length,
                        length * (std::f32::consts::GOLDEN_RATIO - 1.0),
                    ));
                }
                LineStyle::Dotted { spacing } => {
                    painter.extend(egui::Shape::dotted_line(
                        &[a, b],
                        key.colour,
                        spacing,
                        width,
                    ));
                }
            },
            Swatch::Block => {
                painter.rect_filled(
                    egui::Rect::from_center_size(
                        egui::pos2(x + SWATCH / 2.0, mid),
                        egui::vec2(SWATCH - 8.0, size * 0.9),
                    ),
                    2.0,
                    key.colour,
                );
            }
        }
        painter.galley(
            egui::pos2(x + SWATCH + SWATCH_GAP, top),
            galley.clone(),
            key.colour,
        );
        x += SWATCH + SWATCH_GAP + galley.size().x + KEY_GAP;
    }
}

/// Draws `plot` in the space given less room for the legend below it, then the legend.
pub fn with_legend<'a, R>(
    ui: &mut egui::Ui,
    keys: &[Key],
    size: f32,
    plot: Plot<'a>,
    build: impl FnOnce(&mut egui_plot::PlotUi<'a>) -> R + 'a,
) -> egui_plot::PlotResponse<R> {
    let layout = layout_legend(ui, keys, size, ui.available_width());
    let height = (ui.available_height() - layout.height - ui.spacing().item_spacing.y).max(120.0);
    let response = plot.height(height).show(ui, build);
    paint_legend(ui, keys, &layout, size);
    response
}

/// The hover text of a curve over financial years: its name, when, and the money there.
pub fn money_hover(
    years: Vec<String>,
    money: MoneyStyle,
) -> impl Fn(&egui_plot::HoverPosition<'_>) -> Option<String> {
    move |hover| match hover {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{}: {}",
            when(position.x, &years),
            axis_money(position.y, money)
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    }
}

/// Draws a payback chart filling the space given, its legend below.
pub fn draw_payback(
    ui: &mut egui::Ui,
    id: &str,
    chart: &PaybackChart,
    look: &Look,
) -> egui::Response {
    let palette = Palette::of(ui);
    let hover_years = chart.years.clone();
    let money = look.money;
    #[allow(clippy::cast_precision_loss)]
    let right = chart.years.len() as f64;
    let size = look.label_size.max(14.0);
    let plot = year_plot(ui, id, &chart.years, money, size)
        .include_x(right)
        .label_formatter(money_hover(hover_years, money))
        .y_axis_label(egui::RichText::new(&chart.axis_label).size(size));
    let keys: Vec<Key> = chart
        .curves
        .iter()
        .map(|c| Key {
            name: c.name.clone(),
            note: c.note.clone(),
            colour: colour(c.colour),
            swatch: Swatch::Line(line_style(c.dash), look.width),
        })
        .collect();
    let plot = with_legend(ui, &keys, size, plot, |plot| {
        year_bands(plot, chart.years.len(), &palette);
        plot.hline(
            HLine::new("", 0.0)
                .color(palette.axis)
                .width(1.5)
                .allow_hover(false),
        );
        for curve in &chart.curves {
            let c = colour(curve.colour);
            // Each series has its own dash as well as its colour, as on paper.
            plot.line(
                Line::new(curve.name.clone(), curve.points.clone())
                    .color(c)
                    .width(look.width)
                    .style(line_style(curve.dash)),
            );
        }
        // Label a break-even point above and to the left, where the curve (below zero
        // until then) leaves space; a second close by goes below and to the right, and any
        // more are left to the legend, so labels never overprint.
        let mut marks: Vec<(f64, &chart::Curve)> = chart
            .curves
            .iter()
            .filter_map(|c| c.break_even.as_ref().map(|b| (b.x, c)))
            .collect();
        marks.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut recent: Vec<f64> = Vec::new();
        // A fiftieth of the height the curves span, in pounds.
        let (low, high) = chart
            .curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p[1]))
            .fold((0.0_f64, 0.0_f64), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let clearance = (high - low) / 50.0;
        for (x, curve) in marks {
            let c = colour(curve.colour);
            plot.points(
                Points::new(format!("{} pays back", curve.name), vec![[x, 0.0]])
                    .color(c)
                    .radius(look.width * 2.5)
                    .shape(MarkerShape::Circle),
            );
            recent.retain(|earlier| x - earlier < 1.6);
            // Clear of the zero line, so the line never strikes through the words.
            let (anchor, at, lift) = match recent.len() {
                0 => (egui::Align2::RIGHT_BOTTOM, x - 0.08, clearance),
                1 => (egui::Align2::LEFT_TOP, x + 0.08, -clearance),
                _ => continue,
            };
            recent.push(x);
            let Some(be) = &curve.break_even else {
                continue;
            };
            plot.text(
                Text::new(
                    "",
                    PlotPoint::new(at, lift),
                    egui::RichText::new(format!("{}\npays back: {}", curve.name, be.label))
                        .size(look.label_size)
                        .color(c),
                )
                .anchor(anchor)
                .allow_hover(false),
            );
        }
    });
    plot.response
}

/// Draws the investment against savings chart, its legend below.
pub fn draw_flows(ui: &mut egui::Ui, chart: &FlowsChart, money: MoneyStyle) -> egui::Response {
    let palette = Palette::of(ui);
    let hover_years = chart.years.clone();
    // A thin edge of the plot's own background between stacked blocks, as on paper.
    let edge = egui::Stroke::new(1.0, ui.visuals().extreme_bg_color);
    let mut costs: Vec<BarChart> = Vec::new();
    let mut benefits: Vec<BarChart> = Vec::new();
    for stack in &chart.stacks {
        let bars: Vec<Bar> = stack
            .values
            .iter()
            .enumerate()
            .map(|(t, v)| {
                #[allow(clippy::cast_precision_loss)]
                Bar::new(t as f64 + 0.5, *v)
                    .width(0.6)
                    .name(&stack.name)
                    .fill(colour(stack.colour))
                    .stroke(edge)
            })
            .collect();
        let negative = stack.values.iter().any(|v| *v < 0.0);
        let group = if negative { &mut costs } else { &mut benefits };
        let below: Vec<&BarChart> = group.iter().collect();
        let years = chart.years.clone();
        let bar_chart = BarChart::new(stack.name.clone(), bars)
            .color(colour(stack.colour))
            .element_formatter(Box::new(move |bar, _| {
                format!(
                    "{}\n{}: {}",
                    bar.name,
                    year_at(bar.argument, 0.5, &years),
                    axis_money(bar.value, money)
                )
            }))
            .stack_on(&below);
        group.push(bar_chart);
    }
    #[allow(clippy::cast_precision_loss)]
    let right = chart.years.len() as f64;
    let net_name = "Net (benefits less costs)";
    let plot = year_plot(ui, "flows-plot", &chart.years, money, 14.0)
        .include_x(right)
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {}",
                year_at(position.x, 0.5, &hover_years),
                axis_money(position.y, money)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .y_axis_label("Cash");
    let mut keys: Vec<Key> = chart
        .stacks
        .iter()
        .map(|s| Key {
            name: s.name.clone(),
            note: String::new(),
            colour: colour(s.colour),
            swatch: Swatch::Block,
        })
        .collect();
    keys.push(Key {
        name: net_name.to_owned(),
        note: String::new(),
        colour: palette.axis,
        swatch: Swatch::Line(LineStyle::Solid, 2.5),
    });
    let plot = with_legend(ui, &keys, 14.0, plot, |plot| {
        year_bands(plot, chart.years.len(), &palette);
        for bars in costs.into_iter().chain(benefits) {
            plot.bar_chart(bars);
        }
        plot.hline(
            HLine::new("", 0.0)
                .color(palette.axis)
                .width(1.0)
                .allow_hover(false),
        );
        let net: Vec<[f64; 2]> = chart
            .net
            .iter()
            .enumerate()
            .map(|(t, v)| {
                #[allow(clippy::cast_precision_loss)]
                [t as f64 + 0.5, *v]
            })
            .collect();
        plot.line(
            Line::new(net_name, net.clone())
                .color(palette.axis)
                .width(2.5),
        );
        plot.points(Points::new(net_name, net).color(palette.axis).radius(4.0));
    });
    plot.response
}

/// Switch between the cash curve and the discounted real-terms curve.
pub fn basis_switch(ui: &mut egui::Ui, basis: &mut Basis) {
    ui.horizontal(|ui| {
        ui.label("Show");
        ui.selectable_value(basis, Basis::Cash, "Cash position");
        ui.selectable_value(basis, Basis::Discounted, "Discounted (real terms)");
    });
}

/// The switch between each option alone and each option against the baseline, shown only
/// when the case has a baseline with figures.
pub fn against_switch(ui: &mut egui::Ui, analysis: &crate::analysis::Analysis, against: &mut bool) {
    let Some(name) = analysis
        .results()
        .and_then(|r| r.options.iter().find_map(|o| o.incremental.as_ref()))
        .map(|i| i.against.clone())
    else {
        return;
    };
    ui.checkbox(against, format!("Against {name}"))
        .on_hover_text(format!(
            "Show each option's figures less {name}'s: what choosing it adds to business as usual"
        ));
}

/// The payback tab: every option's curve.
pub fn payback_tab(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        basis_switch(ui, &mut cx.view.basis);
        ui.separator();
        against_switch(ui, cx.analysis, &mut cx.view.against);
    });
    let Some((case, results)) = cx.analysis.computed() else {
        super::case_problem_list(ui, cx.analysis, cx.commands);
        return;
    };
    super::left_out_note(ui, cx.analysis, cx.commands);
    let against = cx
        .view
        .against
        .then(|| {
            chart::options_payback_against(results, cx.view.basis, &case.title, case.discount_rate)
                .map(|chart| chart.in_money(cx.view.money))
        })
        .flatten();
    let chart_ref = if against.is_some() {
        ChartRef::OptionsAgainst(cx.view.basis)
    } else {
        ChartRef::OptionsPayback(cx.view.basis)
    };
    let chart = against.unwrap_or_else(|| {
        chart::options_payback(results, cx.view.basis, &case.title, case.discount_rate)
            .in_money(cx.view.money)
    });
    ui.strong(&chart.title);
    // Options compared under different what-ifs say so under the title, as the paper would.
    let adjusted: Vec<String> = case
        .options
        .iter()
        .filter_map(|o| {
            crate::report::words::adjusted(o).map(|list| format!("{} includes {list}", o.name))
        })
        .collect();
    let caption = if adjusted.is_empty() {
        chart.basis_label.clone()
    } else {
        format!("{}. {}.", chart.basis_label, adjusted.join("; "))
    };
    ui.label(
        egui::RichText::new(caption)
            .small()
            .color(Palette::of(ui).muted),
    );
    let response = draw_payback(
        ui,
        "payback-plot",
        &chart,
        &Look {
            money: cx.view.money,
            label_size: 13.0,
            width: 2.5,
        },
    );
    if let Some(command) = chart_menu(&response, chart_ref) {
        cx.commands.push(command);
    }
}

/// The right-click menu of a chart: save it as an image for a slide or a paper. Returns
/// the command chosen, for the caller to queue.
#[must_use]
pub fn chart_menu(response: &egui::Response, chart: ChartRef) -> Option<Command> {
    let mut chosen = None;
    response.context_menu(|ui| {
        for (format, label) in [
            (Format::Png, "Save chart as PNG..."),
            (Format::Svg, "Save chart as SVG..."),
        ] {
            if ui.button(label).clicked() {
                chosen = Some(Command::SaveChart(chart, format));
                ui.close();
            }
        }
    });
    chosen
}

/// The investment against savings tab for the selected option.
pub fn flows_tab(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(option) = super::option_figures(ui, cx.analysis, cx.view.option, cx.commands) else {
        return;
    };
    let Some(results) = cx.analysis.results() else {
        return;
    };
    let chart = chart::flows_chart(results, option);
    ui.strong(&chart.title);
    ui.label(
        egui::RichText::new(&chart.basis_label)
            .small()
            .color(Palette::of(ui).muted),
    );
    let response = draw_flows(ui, &chart, cx.view.money);
    if let Some(command) = chart_menu(&response, ChartRef::Flows(cx.view.option)) {
        cx.commands.push(command);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::chart::{OTHER, fit_categories};

    fn years() -> Vec<String> {
        (2026..2036)
            .map(|y| format!("{y}/{:02}", (y + 1) % 100))
            .collect()
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert!((round_step(0.7) - 1.0).abs() < 1e-12);
        assert!((round_step(1.1) - 2.0).abs() < 1e-12);
        assert!((round_step(2.1) - 5.0).abs() < 1e-12);
        assert!((round_step(3.0) - 5.0).abs() < 1e-12);
        assert!((round_step(6.0) - 10.0).abs() < 1e-12);
        assert!((round_step(230_000.0) - 500_000.0).abs() < 1e-6);
        assert!((round_step(1_100_000.0) - 2_000_000.0).abs() < 1e-6);
    }

    #[test]
    fn money_marks_are_every_multiple_of_one_step_in_the_range() {
        // -£4.3m to £8.3m, at least £1.1m apart: a £2m step.
        let marks = money_marks(-4_300_000.0, 8_300_000.0, 1_100_000.0);
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(
            values,
            [-4e6, -2e6, 0.0, 2e6, 4e6, 6e6, 8e6],
            "every £2m from -£4m to £8m"
        );
        assert!(marks.iter().all(|m| (m.step_size - 2e6).abs() < 1e-6));
        // Never finer than a pound.
        let pennies = money_marks(0.0, 3.0, 0.01);
        assert_eq!(pennies.len(), 4);
    }

    fn labels(low: f64, high: f64, least: f64, style: MoneyStyle) -> Vec<String> {
        money_marks(low, high, least)
            .iter()
            .map(|m| money_tick(m.value, m.step_size, &(low..=high), style))
            .collect()
    }

    #[test]
    fn an_axis_is_labelled_in_one_unit_with_the_same_decimals() {
        assert_eq!(
            labels(-4_300_000.0, 8_300_000.0, 1_100_000.0, MoneyStyle::Pounds),
            ["(£4m)", "(£2m)", "£0", "£2m", "£4m", "£6m", "£8m"]
        );
        // A half-million step: one place, and no £900k among the millions.
        assert_eq!(
            labels(-100_000.0, 1_200_000.0, 230_000.0, MoneyStyle::Pounds),
            ["£0", "£0.5m", "£1.0m"]
        );
        // Under a million on show: thousands throughout.
        assert_eq!(
            labels(-450_000.0, 900_000.0, 180_000.0, MoneyStyle::Compact),
            [
                "(£400k)", "(£200k)", "£0", "£200k", "£400k", "£600k", "£800k"
            ]
        );
        // The unit chosen is kept whatever the size.
        assert_eq!(
            labels(0.0, 3_000_000.0, 900_000.0, MoneyStyle::Thousands),
            ["£0", "£1,000k", "£2,000k", "£3,000k"]
        );
        assert_eq!(
            labels(0.0, 50_000.0, 9_000.0, MoneyStyle::Millions),
            ["£0", "£0.01m", "£0.02m", "£0.03m", "£0.04m", "£0.05m"]
        );
        assert_eq!(
            labels(0.0, 900.0, 230.0, MoneyStyle::Pounds),
            ["£0", "£500"]
        );
    }

    #[test]
    fn year_labels_are_thinned_never_dropped() {
        // 100 points a year: every label.
        assert_eq!(year_label_step(100.0, 55.0, 10), 1);
        // 40 points a year: every second (80 points apart, egui_plot's full strength).
        assert_eq!(year_label_step(40.0, 55.0, 10), 2);
        // 25 points: every fourth (75 would be faded).
        assert_eq!(year_label_step(25.0, 55.0, 10), 4);
        // A wide label needs its width and a margin: 90 + 16 over 50 points a year is 3.
        assert_eq!(year_label_step(50.0, 90.0, 10), 3);
        // However narrow, the first year keeps its label.
        assert_eq!(year_label_step(2.0, 55.0, 10), 10);
        let marks = year_label_marks(10, 0.5, 40.0, 55.0, false);
        let at: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(at, [0.5, 2.5, 4.5, 6.5, 8.5]);
        assert!(marks.iter().all(|m| (m.step_size - 2.0).abs() < 1e-12));
        // Counted from the end, the last is labelled: 11 labels, every third.
        let marks = year_label_marks(11, 0.0, 30.0, 55.0, true);
        let at: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(at, [1.0, 4.0, 7.0, 10.0]);
        let narrow = year_label_marks(10, 0.5, 2.0, 55.0, false);
        assert_eq!(narrow.len(), 1);
    }

    #[test]
    fn a_year_is_labelled_in_the_middle_of_its_band_and_ends_at_its_right_edge() {
        let years = years();
        // Labels at the middle of each band: year t at t + 0.5.
        assert_eq!(year_at(4.5, 0.5, &years), "2030/31");
        assert_eq!(year_at(0.5, 0.5, &years), "2026/27");
        assert_eq!(year_at(4.0, 0.5, &years), "");
        assert_eq!(year_at(10.5, 0.5, &years), "");
        // The point at x = 5 is the end of the fifth year, 2030/31, as the exports put it.
        assert_eq!(when(5.0, &years), "end of 2030/31");
        assert_eq!(when(0.0, &years), "start of 2026/27");
        assert_eq!(when(10.0, &years), "end of 2035/36");
        assert_eq!(when(4.4, &years), "during 2030/31");
    }

    #[test]
    fn legend_entries_fill_rows_left_to_right() {
        assert_eq!(legend_rows(&[100.0, 100.0, 100.0], 250.0, 20.0), [0, 0, 1]);
        assert_eq!(legend_rows(&[100.0, 100.0], 220.0, 20.0), [0, 0]);
        assert_eq!(legend_rows(&[100.0, 300.0, 100.0], 250.0, 20.0), [0, 1, 2]);
        assert!(legend_rows(&[], 250.0, 20.0).is_empty());
    }

    fn named(list: &[(&str, f64)]) -> Vec<(String, Vec<f64>)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), vec![*v, *v]))
            .collect()
    }

    #[test]
    fn flows_keep_the_six_largest_blocks_and_merge_the_rest() {
        let costs = named(&[("A", -10.0), ("B", -1.0), ("C", -5.0), ("D", -2.0)]);
        let benefits = named(&[("E", 20.0), ("F", 3.0), ("G", 4.0), ("H", 0.5)]);
        // Eight categories. Keeping E, A, C and G whole leaves B and D to merge on one side
        // and F and H on the other: six blocks.
        let (costs, benefits) = fit_categories(costs, benefits, 6);
        let names = |l: &[(String, Vec<f64>)]| l.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
        assert_eq!(names(&costs), ["A", "C", OTHER]);
        assert_eq!(names(&benefits), ["E", "G", OTHER]);
        assert_eq!(costs[2].1, [-3.0, -3.0]);
        assert_eq!(benefits[2].1, [3.5, 3.5]);
        // Six or fewer are left alone.
        let few = named(&[("A", -1.0), ("B", -2.0)]);
        let (c, b) = fit_categories(few.clone(), named(&[("E", 1.0)]), 6);
        assert_eq!((c, b.len()), (few, 1));
        // Seven: keeping six whole leaves G over, a seventh block; keeping five leaves D and
        // G, one on each side, seven again; keeping four leaves C and D to merge, and G, the
        // one left over on its side, keeps its own name.
        let costs = named(&[("A", -10.0), ("B", -9.0), ("C", -8.0), ("D", -7.0)]);
        let benefits = named(&[("E", 20.0), ("F", 19.0), ("G", 1.0)]);
        let (costs, benefits) = fit_categories(costs, benefits, 6);
        assert_eq!(names(&costs), ["A", "B", OTHER]);
        assert_eq!(costs[2].1, [-15.0, -15.0]);
        assert_eq!(names(&benefits), ["E", "F", "G"]);
    }

    #[test]
    fn the_example_flows_chart_has_at_most_six_blocks_adding_up_to_the_net() {
        let case = crate::case::example::case();
        let results = crate::engine::compute_valid(&case);
        for option in &results.options {
            let chart = chart::flows_chart(&results, option);
            assert!(chart.stacks.len() <= chart::MAX_STACKS, "{}", option.name);
            for (t, net) in chart.net.iter().enumerate() {
                let sum: f64 = chart.stacks.iter().map(|s| s.values[t]).sum();
                assert!((sum - net).abs() < 0.01, "{} in year {t}", option.name);
            }
        }
    }
}
