//! The presentation view: one chart filling the window, large type, the case title and the
//! headline figures, high contrast, for a committee. Esc returns.

use super::super::theme::strong_family;
use super::Ctx;
use super::charts::{Look, draw_payback};
use crate::format::MoneyStyle;
use crate::report::chart;
use crate::report::measures::Measure;

/// The presentation view.
pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        cx.view.presentation = false;
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).inner_margin(28.0))
        .show(ui, |ui| {
            for (style, size) in [
                (egui::TextStyle::Body, 18.0),
                (egui::TextStyle::Small, 16.0),
                (egui::TextStyle::Button, 16.0),
            ] {
                if let Some(font) = ui.style_mut().text_styles.get_mut(&style) {
                    font.size = size;
                }
            }
            ui.horizontal(|ui| {
                if ui.button("Back (Esc)").clicked() {
                    cx.view.presentation = false;
                }
                super::charts::basis_switch(ui, &mut cx.view.basis);
            });
            ui.label(
                egui::RichText::new(&cx.case.title).font(egui::FontId::new(34.0, strong_family())),
            );
            let Some((case, results)) = cx.analysis.computed() else {
                ui.label(
                    "There are no figures to present until the case's problems are put right.",
                );
                return;
            };
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                for option in &results.options {
                    let m = &option.figures.measures;
                    let rate = cx.case.discount_rate;
                    let npv = Measure::Npv.cell(m, &results.years, rate, MoneyStyle::Compact);
                    let payback =
                        Measure::Payback.cell(m, &results.years, rate, MoneyStyle::Compact);
                    egui::Frame::new()
                        .inner_margin(egui::Margin::symmetric(18, 10))
                        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                        .corner_radius(8.0)
                        .show(ui, |ui| {
                            ui.vertical(|ui| {
                                ui.label(
                                    egui::RichText::new(&option.name)
                                        .font(egui::FontId::new(22.0, strong_family())),
                                );
                                ui.label(
                                    egui::RichText::new(format!(
                                        "NPV {}   Payback {}",
                                        npv.short, payback.text
                                    ))
                                    .size(20.0),
                                );
                            });
                        });
                }
            });
            ui.add_space(10.0);
            let chart =
                chart::options_payback(results, cx.view.basis, &case.title, case.discount_rate);
            ui.label(egui::RichText::new(&chart.basis_label).size(18.0));
            draw_payback(
                ui,
                "presentation-plot",
                &chart,
                &Look {
                    money: MoneyStyle::Compact,
                    label_size: 20.0,
                    width: 4.0,
                },
            );
        });
}
