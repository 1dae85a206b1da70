//! Charts drawn with `egui_plot` from the chart descriptions in [`crate::report::chart`]:
//! financial years on the x axis, pounds on the y axis, break-even points labelled.

use super::super::theme::{Palette, colour};
use super::super::{ChartRef, Command};
use super::Ctx;
use crate::export::Format;
use crate::format::MoneyStyle;
use crate::report::chart::{self, Basis, FlowsChart, PaybackChart, axis_money};
use egui_plot::{
    Bar, BarChart, GridMark, HLine, Legend, Line, MarkerShape, Plot, PlotPoint, Points, Text,
};

/// Which curves, and how large, a payback chart is drawn.
pub struct Look {
    /// Money style for axes and hover labels.
    pub money: MoneyStyle,
    /// Text size of the break-even labels.
    pub label_size: f32,
    /// Line width.
    pub width: f32,
}

fn year_marks(count: usize) -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    move |_input| {
        (0..count)
            .map(|t| GridMark {
                #[allow(clippy::cast_precision_loss)]
                value: t as f64 + 0.5,
                step_size: 1.0,
            })
            .collect()
    }
}

fn year_of(x: f64, years: &[String]) -> Option<&str> {
    if x < 0.0 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let t = x.floor() as usize;
    years.get(t).map(String::as_str)
}

/// Draws a payback chart filling the space given.
pub fn draw_payback(
    ui: &mut egui::Ui,
    id: &str,
    chart: &PaybackChart,
    look: &Look,
) -> egui::Response {
    let palette = Palette::of(ui);
    let years = chart.years.clone();
    let hover_years = chart.years.clone();
    let money = look.money;
    let axis_style = money.for_axis();
    let plot = Plot::new(id)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .x_grid_spacer(year_marks(years.len()))
        .x_axis_formatter(move |mark, _| {
            year_of(mark.value, &years).map_or_else(String::new, str::to_owned)
        })
        .y_axis_formatter(move |mark, _| axis_money(mark.value, axis_style))
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let when = if position.x <= 0.0 {
                    "start".to_owned()
                } else {
                    year_of(position.x - 0.5, &hover_years)
                        .map_or_else(String::new, |y| format!("end of {y}"))
                };
                Some(format!(
                    "{plot_name}\n{when}: {}",
                    axis_money(position.y, money)
                ))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .x_axis_label("Financial year")
        .y_axis_label(chart.axis_label.clone())
        .include_y(0.0)
        .include_x(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.hline(HLine::new("", 0.0).color(palette.axis).width(1.5));
            for curve in &chart.curves {
                let c = colour(curve.colour);
                let name = format!("{}: {}", curve.name, curve.note);
                // Each series has its own dash as well as its colour, as on paper.
                let style = match curve.dash {
                    chart::Dash::Solid => egui_plot::LineStyle::Solid,
                    chart::Dash::Dotted => egui_plot::LineStyle::Dotted { spacing: 7.0 },
                    chart::Dash::Dashed | chart::Dash::DashDot => {
                        egui_plot::LineStyle::Dashed { length: 10.0 }
                    }
                    chart::Dash::LongDash => egui_plot::LineStyle::Dashed { length: 18.0 },
                };
                plot.line(
                    Line::new(name, curve.points.clone())
                        .color(c)
                        .width(look.width)
                        .style(style),
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
            for (x, curve) in marks {
                let c = colour(curve.colour);
                plot.points(
                    Points::new("", vec![[x, 0.0]])
                        .color(c)
                        .radius(look.width * 2.5)
                        .shape(MarkerShape::Circle),
                );
                recent.retain(|earlier| x - earlier < 1.6);
                let (anchor, at) = match recent.len() {
                    0 => (egui::Align2::RIGHT_BOTTOM, x - 0.08),
                    1 => (egui::Align2::LEFT_TOP, x + 0.08),
                    _ => continue,
                };
                recent.push(x);
                let Some(be) = &curve.break_even else {
                    continue;
                };
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(at, 0.0),
                        egui::RichText::new(format!("{}\npays back: {}", curve.name, be.label))
                            .size(look.label_size)
                            .color(c),
                    )
                    .anchor(anchor),
                );
            }
        });
    plot.response
}

/// Draws the investment against savings chart.
pub fn draw_flows(ui: &mut egui::Ui, chart: &FlowsChart, money: MoneyStyle) -> egui::Response {
    let palette = Palette::of(ui);
    let years = chart.years.clone();
    let hover_years = chart.years.clone();
    let axis_style = money.for_axis();
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
                    .stroke(egui::Stroke::new(0.5, colour(stack.colour)))
            })
            .collect();
        let negative = stack.values.iter().any(|v| *v < 0.0);
        let group = if negative { &mut costs } else { &mut benefits };
        let below: Vec<&BarChart> = group.iter().collect();
        let bar_chart = BarChart::new(stack.name.clone(), bars)
            .color(colour(stack.colour))
            .stack_on(&below);
        group.push(bar_chart);
    }
    let highest = (0..chart.years.len())
        .map(|t| {
            chart
                .stacks
                .iter()
                .map(|s| s.values[t].max(0.0))
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    #[allow(clippy::cast_precision_loss)]
    let right = chart.years.len() as f64 + 4.8;
    let plot = Plot::new("flows-plot")
        .include_y(highest * 1.1)
        .include_x(0.0)
        .include_x(right)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .x_grid_spacer(year_marks(years.len()))
        .x_axis_formatter(move |mark, _| {
            year_of(mark.value, &years).map_or_else(String::new, str::to_owned)
        })
        .y_axis_formatter(move |mark, _| axis_money(mark.value, axis_style))
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {}",
                year_of(position.x, &hover_years).unwrap_or(""),
                axis_money(position.y, money)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .x_axis_label("Financial year")
        .y_axis_label("Cash")
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            for bars in costs.into_iter().chain(benefits) {
                plot.bar_chart(bars);
            }
            plot.hline(HLine::new("", 0.0).color(palette.axis).width(1.0));
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
                Line::new("Net (benefits less costs)", net.clone())
                    .color(palette.axis)
                    .width(2.5),
            );
            plot.points(
                Points::new("Net (benefits less costs)", net)
                    .color(palette.axis)
                    .radius(4.0),
            );
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
        })
        .flatten();
    let chart_ref = if against.is_some() {
        ChartRef::OptionsAgainst(cx.view.basis)
    } else {
        ChartRef::OptionsPayback(cx.view.basis)
    };
    let chart = against.unwrap_or_else(|| {
        chart::options_payback(results, cx.view.basis, &case.title, case.discount_rate)
    });
    ui.strong(&chart.title);
    ui.label(
        egui::RichText::new(&chart.basis_label)
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
