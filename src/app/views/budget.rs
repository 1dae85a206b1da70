//! The Budget tab: what the selected option does to each partner's revenue budget, year by
//! year, and how its one-off costs are funded.

use super::super::theme::Palette;
use super::Ctx;
use super::charts::draw_flows;
use super::tables::{Shown, notes, show_table};
use crate::report::budget;

/// The tab.
pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let palette = Palette::of(ui);
    ui.label(
        egui::RichText::new(budget::LABEL)
            .small()
            .color(palette.muted),
    );
    ui.label(
        egui::RichText::new(budget::APPRAISAL_LABEL)
            .small()
            .color(palette.muted),
    );
    if super::option_figures(ui, cx.analysis, cx.view.option, cx.commands).is_none() {
        return;
    }
    let Some(b) = cx.analysis.budget(cx.view.option) else {
        return;
    };
    let years = cx
        .analysis
        .results()
        .map(|r| r.years.clone())
        .unwrap_or_default();
    let style = cx.view.money;
    for w in &b.warnings {
        ui.colored_label(
            palette.warning,
            format!("Warning: {}", budget::warning(w, &years)),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("budget-tab")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let entities = std::iter::once(("All partners".to_owned(), &b.all))
                .chain(b.partner_names.iter().cloned().zip(b.partners.iter()));
            for (i, (name, figures)) in entities.enumerate() {
                let table = budget::table(&format!("{}: {name}", b.name), figures, &years, style);
                ui.add_space(6.0);
                ui.strong(&table.title);
                egui::ScrollArea::horizontal()
                    .id_salt(("budget-table-scroll", i))
                    .show(ui, |ui| {
                        show_table(ui, &Shown::of(("budget-table", i), &table));
                    });
                notes(ui, &table);
                let chart =
                    budget::chart(&format!("{name}: yearly budget impact"), figures, &years);
                ui.label(
                    egui::RichText::new(&chart.basis_label)
                        .small()
                        .color(palette.muted),
                );
                ui.allocate_ui(egui::vec2(ui.available_width(), 260.0), |ui| {
                    ui.push_id(("budget-chart", i), |ui| draw_flows(ui, &chart, style));
                });
                ui.separator();
            }
        });
}
