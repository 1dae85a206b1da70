//! The Sensitivity view: the tornado, switching values, and Monte Carlo (a fan chart of the
//! cumulative position and a histogram of payback years), for the option or a partner.

use super::super::theme::{Palette, colour};
use super::Ctx;
use crate::report::chart::{PALETTE, axis_money};
use crate::report::risk::{NO_RANGES, delay_words, headline, shortfall_words, switch_words};
use egui_plot::{Bar, BarChart, FilledArea, GridMark, HLine, Legend, Line, Plot};

/// The tab.
pub fn show(
    cx: &mut Ctx<'_>,
    risk: &mut crate::app::risk_run::RiskRun,
    sensitivity_run: &mut crate::app::risk_run::SensitivityRun,
    ui: &mut egui::Ui,
) {
    let index = cx.view.option;
    // Every figure below is of this one revision: results, tornado, switching values and
    // the trials, whatever is edited during the frame.
    let analysis = cx.analysis;
    let Some(option) = super::option_figures(ui, analysis, index, cx.commands) else {
        return;
    };
    let (Some(results), Some(at)) = (analysis.results(), analysis.computed_index(index)) else {
        return;
    };
    let ctx = ui.ctx().clone();
    risk.keep_up(&ctx, analysis);
    let revision = analysis.revision();
    let ranged = analysis
        .case()
        .options
        .get(index)
        .is_some_and(crate::case::CaseOption::has_ranges);
    let palette = Palette::of(ui);
    let style = cx.view.money.for_axis();
    let years = results.years.clone();
    let target_year = analysis.case().risk.target_year;

    // Settings and progress.
    ui.horizontal_wrapped(|ui| {
        let settings = &mut cx.case.risk;
        let label = ui.label("Trials");
        ui.add(
            egui::DragValue::new(&mut settings.trials)
                .range(100..=1_000_000)
                .speed(100),
        )
        .labelled_by(label.id);
        let label = ui.label("Seed");
        ui.add(egui::DragValue::new(&mut settings.seed))
            .labelled_by(label.id);
        let label = ui.label("Target year");
        egui::ComboBox::from_id_salt("target-year")
            .selected_text(
                settings
                    .target_year
                    .and_then(|y| years.get(y as usize))
                    .map_or("none", String::as_str),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut settings.target_year, None, "none");
                for (t, label) in years.iter().enumerate() {
                    ui.selectable_value(&mut settings.target_year, u32::try_from(t).ok(), label);
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut cx.view.tornado_by_category, "Tornado by category");
        delay_range(ui, &mut cx.case.options[index]);
        match risk.progress() {
            Some(share) => {
                ui.add(
                    egui::ProgressBar::new(share)
                        .desired_width(160.0)
                        .show_percentage(),
                );
                if ui.button("Cancel").clicked() {
                    risk.cancel();
                }
            }
            None => {
                if ui.button("Run again").clicked() {
                    risk.restart();
                }
            }
        }
    });

    let risk_problems: Vec<&crate::case::Problem> = analysis.risk_problems().collect();
    if !risk_problems.is_empty() {
        super::risk_problem_list(ui, &risk_problems);
        return;
    }
    let Some(sensitivity) = sensitivity_run.get(&ctx, analysis, index, cx.view.tornado_by_category)
    else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Working out the tornado and switching values...");
        });
        return;
    };
    let entity_names: Vec<String> = std::iter::once(option.name.clone())
        .chain(results.partners.iter().cloned())
        .collect();
    cx.view.risk_entity = cx.view.risk_entity.min(entity_names.len() - 1);
    if !ranged {
        ui.label(
            egui::RichText::new(format!("{} {NO_RANGES}.", option.name))
                .size(17.0)
                .strong(),
        );
    } else if let Some(risk) = risk.results(revision) {
        if let Some(outcome) = risk
            .options
            .get(at)
            .and_then(|o| o.get(cx.view.risk_entity))
        {
            ui.label(
                egui::RichText::new(format!(
                    "{} {}",
                    outcome.name,
                    headline(outcome, target_year, &years)
                ))
                .size(19.0)
                .strong(),
            );
            ui.label(
                egui::RichText::new(format!(
                    "NPV across {} trials: P10 {}, median {}, P90 {}",
                    risk.trials,
                    axis_money(outcome.npv.p10, style),
                    axis_money(outcome.npv.p50, style),
                    axis_money(outcome.npv.p90, style)
                ))
                .color(palette.muted),
            );
            let central = match cx.view.risk_entity {
                0 => Some(&option.figures.measures),
                p => option.partners.get(p - 1).map(|p| &p.figures.measures),
            };
            let entered = cx
                .analysis
                .computed()
                .and_then(|(case, _)| case.options.get(at));
            if let (Some(central), Some(entered)) = (central, entered)
                && let Some(sentence) =
                    crate::report::risk::reconcile(entered, central, outcome, &years)
            {
                ui.colored_label(palette.warning, sentence);
            }
        }
    } else if ranged {
        ui.label("Running the trials...");
    }

    let (tornado, switching) = (&sensitivity.tornado, &sensitivity.switching);
    ui.columns(2, |columns| {
        let ui = &mut columns[0];
        ui.strong(format!(
            "Tornado: NPV with each {} at its low and high end (widest ten), around an NPV of {}",
            if cx.view.tornado_by_category {
                "category"
            } else {
                "line"
            },
            crate::format::money(tornado.base_npv, cx.view.money)
        ));
        // The ten widest bars, as a tornado is read; the table below lists every line.
        let shown = &tornado.bars[..tornado.bars.len().min(10)];
        let names: Vec<String> = shown.iter().map(|b| b.name.clone()).collect();
        let base = tornado.base_npv.to_string().parse::<f64>().unwrap_or(0.0);
        let count = names.len();
        let to_f = |d: rust_decimal::Decimal| d.to_string().parse::<f64>().unwrap_or(0.0);
        #[allow(clippy::cast_precision_loss)]
        let position = |i: usize| (count - i) as f64;
        let low: Vec<Bar> = shown
            .iter()
            .enumerate()
            .map(|(i, b)| {
                Bar::new(position(i), to_f(b.npv_low) - base)
                    .base_offset(base)
                    .width(0.7)
                    .name(format!("{}: low end", b.name))
            })
            .collect();
        let high: Vec<Bar> = shown
            .iter()
            .enumerate()
            .map(|(i, b)| {
                Bar::new(position(i), to_f(b.npv_high) - base)
                    .base_offset(base)
                    .width(0.7)
                    .name(format!("{}: high end", b.name))
            })
            .collect();
        let labels = names.clone();
        Plot::new("tornado")
            .height((ui.available_height() * 0.55).max(200.0))
            .y_axis_min_width(230.0)
            .legend(Legend::default().position(egui_plot::Corner::RightBottom))
            .y_grid_spacer(move |_| {
                (0..count)
                    .map(|i| GridMark {
                        #[allow(clippy::cast_precision_loss)]
                        value: (count - i) as f64,
                        // A strong mark, so every name is labelled however close the bars.
                        step_size: 4.0,
                    })
                    .collect()
            })
            .y_axis_formatter(move |mark, _| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let i = count.saturating_sub(mark.value.round() as usize);
                labels.get(i).cloned().unwrap_or_default()
            })
            .x_axis_formatter(move |mark, _| axis_money(mark.value, style))
            .x_axis_label("NPV (real terms, discounted)")
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.bar_chart(
                    BarChart::new("Low end", low)
                        .horizontal()
                        .color(colour(PALETTE[4])),
                );
                plot.bar_chart(
                    BarChart::new("High end", high)
                        .horizontal()
                        .color(colour(PALETTE[0])),
                );
                plot.vline(
                    egui_plot::VLine::new("", base)
                        .color(palette.axis)
                        .width(1.5),
                );
            });
        ui.strong("Switching values: the change that brings NPV to zero");
        egui::ScrollArea::both()
            .id_salt("switching")
            .show(ui, |ui| {
                egui::Grid::new("switching-table")
                    .striped(true)
                    .spacing([12.0, 3.0])
                    .show(ui, |ui| {
                        ui.strong("");
                        ui.strong("Change");
                        ui.strong("£ (year-0 prices)");
                        ui.end_row();
                        for s in switching.lines.iter().chain(&switching.categories) {
                            let (change, pounds) = switch_words(&s.switch);
                            ui.label(&s.name);
                            ui.label(change);
                            ui.label(pounds);
                            ui.end_row();
                        }
                    });
                ui.label(format!("It {}.", delay_words(&switching.delay_months)));
                ui.label(format!("It {}.", shortfall_words(&switching.shortfall)));
            });

        let ui = &mut columns[1];
        ui.horizontal(|ui| {
            let label = ui.label("Show");
            egui::ComboBox::from_id_salt("risk-entity")
                .selected_text(entity_names[cx.view.risk_entity].as_str())
                .show_ui(ui, |ui| {
                    for (e, name) in entity_names.iter().enumerate() {
                        ui.selectable_value(&mut cx.view.risk_entity, e, name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if !ranged {
            ui.label(format!("{} {NO_RANGES}.", option.name));
            return;
        }
        let Some(risk) = risk.results(revision) else {
            ui.spinner();
            return;
        };
        let Some(outcome) = risk
            .options
            .get(at)
            .and_then(|o| o.get(cx.view.risk_entity))
        else {
            return;
        };
        ui.strong("Cumulative cash position: P10 to P90 of the trials, and the median");
        #[allow(clippy::cast_precision_loss)]
        let xs: Vec<f64> = (0..=outcome.band.len()).map(|t| t as f64).collect();
        let lows: Vec<f64> = std::iter::once(0.0)
            .chain(outcome.band.iter().map(|b| b[0]))
            .collect();
        let highs: Vec<f64> = std::iter::once(0.0)
            .chain(outcome.band.iter().map(|b| b[2]))
            .collect();
        let median: Vec<[f64; 2]> = xs
            .iter()
            .zip(std::iter::once(0.0).chain(outcome.band.iter().map(|b| b[1])))
            .map(|(x, y)| [*x, y])
            .collect();
        let year_labels = years.clone();
        let fan_years = years.clone();
        let (bottom, top) = outcome.band.iter().fold((0.0_f64, 0.0_f64), |(lo, hi), b| {
            (lo.min(b[0]), hi.max(b[2]))
        });
        let marks = round_marks(bottom, top);
        Plot::new("fan")
            .height((ui.available_height() * 0.55).max(200.0))
            .y_axis_min_width(84.0)
            .y_grid_spacer(move |_| marks.clone())
            .legend(Legend::default().position(egui_plot::Corner::RightBottom))
            .x_grid_spacer(move |_| {
                (0..fan_years.len())
                    .map(|t| GridMark {
                        #[allow(clippy::cast_precision_loss)]
                        value: t as f64 + 0.5,
                        step_size: if t.is_multiple_of(2) { 2.0 } else { 1.0 },
                    })
                    .collect()
            })
            .x_axis_formatter(move |mark, _| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let t = mark.value.floor() as usize;
                year_labels.get(t).cloned().unwrap_or_default()
            })
            .y_axis_formatter(move |mark, _| axis_money(mark.value, style))
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.add(
                    FilledArea::new("P10 to P90", &xs, &lows, &highs)
                        .fill_color(colour(PALETTE[0]).gamma_multiply(0.3)),
                );
                plot.line(
                    Line::new("Median (P50)", median)
                        .color(colour(PALETTE[0]))
                        .width(2.5),
                );
                plot.hline(HLine::new("Break-even", 0.0).color(palette.axis).width(1.5));
            });
        ui.strong("When the trials pay back");
        let bars: Vec<Bar> = outcome
            .histogram
            .iter()
            .enumerate()
            .map(|(t, n)| {
                #[allow(clippy::cast_precision_loss)]
                let share = *n as f64 * 100.0 / risk.trials.max(1) as f64;
                let name = years
                    .get(t)
                    .cloned()
                    .unwrap_or_else(|| "Not within the horizon".into());
                #[allow(clippy::cast_precision_loss)]
                Bar::new(t as f64, share).width(0.8).name(name)
            })
            .collect();
        let hist_labels: Vec<String> = years
            .iter()
            .cloned()
            .chain(std::iter::once("none".to_owned()))
            .collect();
        let marks = hist_labels.len();
        Plot::new("payback-histogram")
            .x_grid_spacer(move |_| {
                (0..marks)
                    .map(|t| GridMark {
                        #[allow(clippy::cast_precision_loss)]
                        value: t as f64,
                        step_size: if t.is_multiple_of(2) || t + 1 == marks {
                            2.0
                        } else {
                            1.0
                        },
                    })
                    .collect()
            })
            .x_axis_formatter(move |mark, _| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let t = mark.value.round() as usize;
                if (mark.value - mark.value.round()).abs() < 1e-6 {
                    hist_labels.get(t).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
            .y_axis_label("Trials")
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.bar_chart(
                    BarChart::new("Trials paying back in the year", bars).color(colour(PALETTE[2])),
                );
            });
    });
}

/// About five marks at round amounts (1, 2 or 5 times a power of ten) from `low` to `high`,
/// strong enough to be labelled on a small chart.
fn round_marks(low: f64, high: f64) -> Vec<GridMark> {
    let span = (high - low).abs().max(1.0);
    let raw = span / 5.0;
    let power = 10_f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(raw);
    let mut value = (low / step).floor() * step;
    let mut marks = Vec::new();
    while value <= high + step * 0.5 && marks.len() < 40 {
        marks.push(GridMark {
            value,
            step_size: step * 4.0,
        });
        value += step;
    }
    marks
}

/// The option's benefit delay range for Monte Carlo, in whole months.
fn delay_range(ui: &mut egui::Ui, option: &mut crate::case::CaseOption) {
    let mut has = option.delay_range.is_some();
    if ui.checkbox(&mut has, "Benefit delay range").changed() {
        let d = option.adjustments.benefit_delay_months;
        option.delay_range = has.then(|| crate::case::DelayRange {
            low: d,
            most_likely: d,
            high: (d + 6).min(crate::case::MAX_BENEFIT_DELAY_MONTHS),
            distribution: crate::case::Distribution::Triangular,
        });
    }
    if let Some(range) = &mut option.delay_range {
        for (name, value) in [
            ("from", &mut range.low),
            ("likely", &mut range.most_likely),
            ("to", &mut range.high),
        ] {
            let label = ui.label(name);
            ui.add(
                egui::DragValue::new(value)
                    .range(0..=crate::case::MAX_BENEFIT_DELAY_MONTHS)
                    .suffix(" m"),
            )
            .labelled_by(label.id);
        }
    }
}
