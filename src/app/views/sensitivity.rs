//! The Sensitivity view: the tornado, switching values, and Monte Carlo (a fan chart of the
//! cumulative position and a histogram of payback years), for the option or a partner.

use super::super::theme::{Palette, colour};
use super::Ctx;
use super::charts::{
    GRID_MIN, Key, MONEY_GAP_X, Swatch, money_hover, money_marks, money_spacer, money_tick,
    points_per_unit, step_decimals, widest_label, with_legend, year_at, year_bands,
    year_label_marks, year_plot,
};
use crate::format::MoneyStyle;
use crate::report::chart::{PALETTE, axis_money};
use crate::report::risk::{NO_RANGES, delay_words, headline, shortfall_words, switch_words_in};
use egui_plot::{Bar, BarChart, FilledArea, GridMark, HLine, Line, LineStyle, Plot};
use rust_decimal::prelude::ToPrimitive;

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
    let money = cx.view.money;
    let style = money.for_axis();
    let years = results.years.clone();
    let target_year = analysis.case().risk.target_year;
    let entity_names: Vec<String> = std::iter::once(option.name.clone())
        .chain(results.partners.iter().cloned())
        .collect();
    cx.view.risk_entity = cx.view.risk_entity.min(entity_names.len() - 1);

    // The headline sentences first: what the trials say, before how they were run.
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
                    crate::format::grouped(rust_decimal::Decimal::from(risk.trials), 0),
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
    } else {
        ui.label("Running the trials...");
    }

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

    let (tornado, switching) = (&sensitivity.tornado, &sensitivity.switching);
    // The tornado and the switching values, which name lines, get the wider column.
    let gap = 16.0;
    // Room for the scroll bar, and the spacing egui puts either side of the gap.
    let total = ui.available_width()
        - ui.spacing().scroll.allocated_width()
        - 2.0 * ui.spacing().item_spacing.x
        - gap;
    let left = (total * 0.58).floor();
    let right = total - left;
    egui::ScrollArea::vertical()
        .id_salt("sensitivity-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let shown = &tornado.bars[..tornado.bars.len().min(10)];
            #[allow(clippy::cast_precision_loss)]
            let top_height = (shown.len() as f32 * 30.0 + 150.0).clamp(300.0, 420.0);
            ui.horizontal_top(|ui| {
                column(ui, left, top_height, |ui| {
                    ui.strong(format!(
                        "Tornado: NPV with each {} at its low and high end (widest ten), around an NPV of {}",
                        if cx.view.tornado_by_category {
                            "category"
                        } else {
                            "line"
                        },
                        crate::format::money(tornado.base_npv, money)
                    ));
                    draw_tornado(ui, shown, tornado.base_npv, money, &palette);
                });
                ui.add_space(gap);
                column(ui, right, top_height, |ui| {
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
                    let Some(outcome) = risk
                        .results(revision)
                        .and_then(|r| r.options.get(at))
                        .and_then(|o| o.get(cx.view.risk_entity))
                    else {
                        ui.spinner();
                        return;
                    };
                    ui.strong("Cumulative cash position: P10 to P90 of the trials, and the median");
                    draw_fan(ui, &outcome.band, &years, money, &palette);
                });
            });
            ui.add_space(8.0);
            ui.horizontal_top(|ui| {
                column(ui, left, 0.0, |ui| {
                    ui.strong("Switching values: the change that brings NPV to zero");
                    switching_table(ui, switching, left, money);
                });
                ui.add_space(gap);
                column(ui, right, 260.0, |ui| {
                    if !ranged {
                        return;
                    }
                    let Some((outcome, trials)) = risk.results(revision).and_then(|r| {
                        r.options
                            .get(at)
                            .and_then(|o| o.get(cx.view.risk_entity))
                            .map(|o| (o, r.trials))
                    }) else {
                        return;
                    };
                    ui.strong("When the trials pay back");
                    draw_histogram(ui, &outcome.histogram, trials, &years);
                });
            });
        });
}

/// A column `width` wide, at least `height` tall, its content top down.
fn column(ui: &mut egui::Ui, width: f32, height: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::top_down(egui::Align::LEFT),
        |ui| {
            ui.set_width(width);
            ui.set_min_height(height);
            add(ui);
        },
    );
}

/// `text` cut to `chars` characters, with an ellipsis where it was cut.
fn ellipsis(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// The tornado: a bar per line from the central NPV to its NPV at the low end and at the
/// high end of its range, the widest at the top; colours and words as the exports.
fn draw_tornado(
    ui: &mut egui::Ui,
    shown: &[crate::engine::sensitivity::Bar],
    base_npv: rust_decimal::Decimal,
    money: MoneyStyle,
    palette: &Palette,
) {
    let to_f = |d: rust_decimal::Decimal| d.to_f64().unwrap_or(0.0);
    let base = to_f(base_npv);
    let count = shown.len();
    // Names cut to about the width of the name column; the hover label has them whole.
    let labels: Vec<String> = shown.iter().map(|b| ellipsis(&b.name, 34)).collect();
    #[allow(clippy::cast_precision_loss)]
    let position = |i: usize| (count - i) as f64;
    let (low_colour, high_colour) = (colour(PALETTE[1]), colour(PALETTE[0]));
    let end = |i: usize, b: &crate::engine::sensitivity::Bar, high: bool| {
        let (npv, words, c) = if high {
            (to_f(b.npv_high), "high", high_colour)
        } else {
            (to_f(b.npv_low), "low", low_colour)
        };
        Bar::new(position(i), npv - base)
            .base_offset(base)
            .width(0.7)
            .fill(c)
            .stroke(egui::Stroke::new(0.5, c))
            .name(format!("{}\nat the {words} end of its range", b.name))
    };
    let low: Vec<Bar> = shown
        .iter()
        .enumerate()
        .map(|(i, b)| end(i, b, false))
        .collect();
    let high: Vec<Bar> = shown
        .iter()
        .enumerate()
        .map(|(i, b)| end(i, b, true))
        .collect();
    let hover = move |bar: &Bar, _: &BarChart| {
        format!(
            "{}\nNPV {}",
            bar.name,
            axis_money(bar.base_offset.unwrap_or(0.0) + bar.value, money)
        )
    };
    let keys = [
        Key {
            name: "Line at the low end of its range".into(),
            note: String::new(),
            colour: low_colour,
            swatch: Swatch::Block,
        },
        Key {
            name: "Line at the high end of its range".into(),
            note: String::new(),
            colour: high_colour,
            swatch: Swatch::Block,
        },
    ];
    let plot = Plot::new("tornado")
        .grid_spacing(egui::Rangef::new(GRID_MIN, 300.0))
        .show_crosshair(false)
        .y_axis_min_width(250.0)
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
        .x_grid_spacer(money_spacer(MONEY_GAP_X))
        .x_axis_formatter(move |mark, range| money_tick(mark.value, mark.step_size, range, money))
        .x_axis_label("NPV (real terms, discounted)")
        .allow_scroll(false);
    with_legend(ui, &keys, 14.0, plot, |plot| {
        plot.bar_chart(
            BarChart::new("Low end", low)
                .horizontal()
                .element_formatter(Box::new(hover)),
        );
        plot.bar_chart(
            BarChart::new("High end", high)
                .horizontal()
                .element_formatter(Box::new(hover)),
        );
        plot.vline(
            egui_plot::VLine::new("", base)
                .color(palette.axis)
                .width(1.5)
                .allow_hover(false),
        );
    });
}

/// The fan: P10 to P90 of the trials' cumulative cash position and the median, year by year
/// on the same year bands as the payback chart.
fn draw_fan(
    ui: &mut egui::Ui,
    band: &[[f64; 3]],
    years: &[String],
    money: MoneyStyle,
    palette: &Palette,
) {
    #[allow(clippy::cast_precision_loss)]
    let xs: Vec<f64> = (0..=band.len()).map(|t| t as f64).collect();
    let lows: Vec<f64> = std::iter::once(0.0)
        .chain(band.iter().map(|b| b[0]))
        .collect();
    let highs: Vec<f64> = std::iter::once(0.0)
        .chain(band.iter().map(|b| b[2]))
        .collect();
    let median: Vec<[f64; 2]> = xs
        .iter()
        .zip(std::iter::once(0.0).chain(band.iter().map(|b| b[1])))
        .map(|(x, y)| [*x, y])
        .collect();
    let hover_years = years.to_vec();
    let blue = colour(PALETTE[0]);
    let keys = [
        Key {
            name: "P10 to P90 of the trials".into(),
            note: String::new(),
            colour: blue.gamma_multiply(0.3),
            swatch: Swatch::Block,
        },
        Key {
            name: "Median trial (P50)".into(),
            note: String::new(),
            colour: blue,
            swatch: Swatch::Line(LineStyle::Solid, 2.5),
        },
    ];
    #[allow(clippy::cast_precision_loss)]
    let right = years.len() as f64;
    let plot = year_plot(ui, "fan", years, money, 14.0)
        .include_x(right)
        .y_axis_min_width(84.0)
        .label_formatter(money_hover(hover_years, money));
    with_legend(ui, &keys, 14.0, plot, |plot| {
        year_bands(plot, years.len(), palette);
        plot.add(
            FilledArea::new("P10 to P90", &xs, &lows, &highs).fill_color(blue.gamma_multiply(0.3)),
        );
        plot.line(Line::new("Median (P50)", median).color(blue).width(2.5));
        plot.hline(
            HLine::new("", 0.0)
                .color(palette.axis)
                .width(1.5)
                .allow_hover(false),
        );
    });
}

/// The histogram of when the trials pay back: the share of trials in each financial year,
/// then those that do not pay back within the horizon.
fn draw_histogram(ui: &mut egui::Ui, histogram: &[u64], trials: u64, years: &[String]) {
    // Short labels (`30/31`) in a narrow column, so every year is labelled where the long
    // ones would be thinned to every third; the bars' hover text names the year in full.
    let labels: Vec<String> = years
        .iter()
        .map(|y| short_year(y))
        .chain(std::iter::once("none".to_owned()))
        .collect();
    let bars: Vec<Bar> = histogram
        .iter()
        .enumerate()
        .map(|(t, n)| {
            #[allow(clippy::cast_precision_loss)]
            let share = *n as f64 * 100.0 / trials.max(1) as f64;
            let name = years.get(t).map_or_else(
                || "Not within the horizon".to_owned(),
                |y| format!("In {y}"),
            );
            #[allow(clippy::cast_precision_loss)]
            Bar::new(t as f64, share)
                .width(0.8)
                .name(name)
                .fill(colour(PALETTE[2]))
        })
        .collect();
    let count = labels.len();
    let wide = widest_label(ui, &labels, &egui::TextStyle::Body.resolve(ui.style()));
    let axis_labels = labels.clone();
    Plot::new("payback-histogram")
        .grid_spacing(egui::Rangef::new(GRID_MIN, 300.0))
        .show_crosshair(false)
        .show_grid([false, true])
        .x_grid_spacer(move |input| {
            // Counted from the end, so "none" (the trials that never pay back) is labelled.
            year_label_marks(count, 0.0, points_per_unit(&input), wide, true)
        })
        .x_axis_formatter(move |mark, _| year_at(mark.value, 0.0, &axis_labels))
        .y_grid_spacer(|input| {
            money_marks(
                input.bounds.0,
                input.bounds.1,
                30.0 / points_per_unit(&input),
            )
        })
        .y_axis_formatter(|mark, _| {
            format!("{:.*}%", step_decimals(mark.step_size) as usize, mark.value)
        })
        .y_axis_label("Trials")
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("Trials paying back", bars).element_formatter(Box::new(|bar, _| {
                    format!("{}: {:.1}% of trials", bar.name, bar.value)
                })),
            );
        });
}

/// A financial year's label without its century: `2030/31` as `30/31`.
fn short_year(label: &str) -> String {
    match label.split_once('/') {
        Some((first, second)) if first.len() == 4 && first.starts_with("20") => {
            format!("{}/{second}", &first[2..])
        }
        _ => label.to_owned(),
    }
}

/// The switching values: each line's name (wrapped, never cut off) beside the change that
/// brings NPV to zero and that change in pounds.
fn switching_table(
    ui: &mut egui::Ui,
    switching: &crate::engine::sensitivity::SwitchingValues,
    width: f32,
    money: MoneyStyle,
) {
    let name_width = (width * 0.42).max(160.0);
    let change_width = (width * 0.33).max(120.0);
    egui::Grid::new("switching-table")
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            let right = |ui: &mut egui::Ui, text: egui::RichText| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(text);
                });
            };
            ui.strong("");
            ui.strong("Change");
            right(
                ui,
                egui::RichText::new("Change in £ (year-0 prices)").strong(),
            );
            ui.end_row();
            for s in switching.lines.iter().chain(&switching.categories) {
                let (change, pounds) = switch_words_in(&s.switch, money);
                ui.scope(|ui| {
                    ui.set_max_width(name_width);
                    ui.add(egui::Label::new(&s.name).wrap());
                });
                ui.scope(|ui| {
                    ui.set_max_width(change_width);
                    ui.add(egui::Label::new(change).wrap());
                });
                right(ui, egui::RichText::new(pounds));
                ui.end_row();
            }
        });
    ui.label(format!("It {}.", delay_words(&switching.delay_months)));
    ui.label(format!("It {}.", shortfall_words(&switching.shortfall)));
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

#[cfg(test)]
mod tests {
    use super::short_year;

    #[test]
    fn a_year_loses_its_century_and_nothing_else() {
        assert_eq!(short_year("2030/31"), "30/31");
        assert_eq!(short_year("1999/00"), "1999/00");
        assert_eq!(short_year("none"), "none");
    }
}
