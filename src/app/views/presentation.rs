//! The presentation view: one chart filling the window, large type, the case title and the
//! headline figures, high contrast, for a committee. Esc returns.

use super::super::theme::strong_family;
use super::Ctx;
use super::charts::{Look, draw_payback};
use crate::format::MoneyStyle;
use crate::report::chart;
use crate::report::measures::Measure;
use crate::report::words;

/// The presentation view.
pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        cx.view.presentation = false;
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).inner_margin(28.0))
        .show(ui, |ui| {
            // Type grows with the screen: a projector's 1920 pixels get half as much again as
            // a laptop's 1366, so the back of the room reads what a laptop shows.
            let k = (ui.available_width() / 1310.0).clamp(1.0, 1.6);
            for (style, size) in [
                (egui::TextStyle::Body, 18.0),
                (egui::TextStyle::Small, 16.0),
                (egui::TextStyle::Button, 16.0),
            ] {
                if let Some(font) = ui.style_mut().text_styles.get_mut(&style) {
                    font.size = size * k;
                }
            }
            ui.horizontal(|ui| {
                // Small and quiet: the room looks at the figures, not the buttons.
                ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
                ui.visuals_mut().override_text_color = Some(ui.visuals().weak_text_color());
                if ui.button("Back (Esc)").clicked() {
                    cx.view.presentation = false;
                }
                super::charts::basis_switch(ui, &mut cx.view.basis);
            });
            ui.label(
                egui::RichText::new(&cx.case.title)
                    .font(egui::FontId::new(34.0 * k, strong_family())),
            );
            let Some((case, results)) = cx.analysis.computed() else {
                ui.label(
                    "There are no figures to present until the case's problems are put right.",
                );
                return;
            };
            // One unit throughout: millions once any figure on show reaches a million.
            let unit = one_unit(results);
            let rate = cx.case.discount_rate;
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                for (index, option) in results.options.iter().enumerate() {
                    let m = &option.figures.measures;
                    let npv = Measure::Npv.cell(m, &results.years, rate, unit);
                    let payback = Measure::Payback.cell(m, &results.years, rate, unit);
                    let included = cx
                        .case
                        .options
                        .get(index)
                        .map(|o| words::included(o, results.scenario.as_deref()));
                    egui::Frame::new()
                        .inner_margin(egui::Margin::symmetric(18, 10))
                        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                        .corner_radius(8.0)
                        .show(ui, |ui| {
                            ui.vertical(|ui| {
                                ui.label(
                                    egui::RichText::new(&option.name)
                                        .font(egui::FontId::new(22.0 * k, strong_family())),
                                );
                                ui.label(
                                    egui::RichText::new(format!(
                                        "NPV {}   Payback {}",
                                        npv.short, payback.text
                                    ))
                                    .size(20.0 * k),
                                );
                                // Each partner's payback beside the option's.
                                for partner in &option.partners {
                                    let theirs = Measure::Payback.cell(
                                        &partner.figures.measures,
                                        &results.years,
                                        rate,
                                        unit,
                                    );
                                    ui.label(
                                        egui::RichText::new(format!(
                                            "{}: payback {}",
                                            partner.name, theirs.text
                                        ))
                                        .size(17.0 * k),
                                    );
                                }
                                if let Some(included) = included {
                                    ui.label(egui::RichText::new(included).size(16.0 * k));
                                }
                            });
                        });
                }
            });
            ui.add_space(10.0);
            let chart =
                chart::options_payback(results, cx.view.basis, &case.title, case.discount_rate)
                    .in_money(unit);
            ui.label(egui::RichText::new(&chart.basis_label).size(18.0 * k));
            draw_payback(
                ui,
                "presentation-plot",
                &chart,
                &Look {
                    money: unit,
                    label_size: 20.0 * k,
                    width: 4.0 * k,
                },
            );
        });
}

/// The unit a presentation shows every figure in: millions when any cumulative position or
/// NPV on show reaches a million pounds, thousands otherwise.
fn one_unit(results: &crate::engine::CaseResults) -> MoneyStyle {
    let million = rust_decimal::Decimal::from(1_000_000);
    let large = results.options.iter().any(|option| {
        option.figures.measures.npv.abs() >= million
            || option
                .figures
                .years
                .iter()
                .any(|y| y.cumulative_cash.abs() >= million || y.cumulative_pv.abs() >= million)
    });
    if large {
        MoneyStyle::Millions
    } else {
        MoneyStyle::Thousands
    }
}
