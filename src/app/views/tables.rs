//! Tables of figures from the engine: partners, options side by side, the yearly table.
//! Money is rounded for display only; partners are rounded so that they add up.

use super::Ctx;
use super::charts::{Look, basis_switch, draw_payback};
use crate::report::table::Table;
use crate::report::{chart, measures, words};

/// The partners tab: each partner's payback curve and headline figures for the option.
pub fn partners_tab(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    basis_switch(ui, &mut cx.view.basis);
    let Some(option) = super::option_figures(ui, cx.analysis, cx.view.option, cx.commands) else {
        return;
    };
    let Some((case, results)) = cx.analysis.computed() else {
        return;
    };
    let style = cx.view.money;
    let chart = chart::partners_payback(results, option, cx.view.basis, case.discount_rate)
        .in_money(cx.view.money);
    ui.strong(&chart.title);
    ui.label(
        egui::RichText::new(&chart.basis_label)
            .small()
            .color(super::super::theme::Palette::of(ui).muted),
    );
    // The legend is drawn inside this height: enough left for a chart that reads on a laptop.
    let height = (ui.available_height() * 0.58).max(300.0);
    let response = ui
        .allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
            let look = Look {
                money: style,
                label_size: 13.0,
                width: 2.5,
            };
            draw_payback(ui, "partners-plot", &chart, &look)
        })
        .inner;
    let wanted = super::charts::chart_menu(
        &response,
        super::super::ChartRef::Partners(cx.view.option, cx.view.basis),
    );
    let report = measures::partners(option, &results.years, case.discount_rate, style);
    let table = Shown::of("partners-table", &report);
    egui::ScrollArea::both()
        .id_salt("partners-scroll")
        .show(ui, |ui| {
            show_table(ui, &table);
            notes(ui, &report);
            let palette = super::super::theme::Palette::of(ui);
            for partner in &option.partners {
                for w in &partner.figures.warnings {
                    ui.colored_label(
                        palette.warning,
                        words::warning_line_in(
                            w,
                            &results.years,
                            Some(&partner.name),
                            cx.view.money,
                        ),
                    );
                }
            }
        });
    if let Some(command) = wanted {
        cx.commands.push(command);
    }
}

/// A table as shown: the header row first. The same rows are drawn and copied, so what is
/// pasted is what was seen.
pub struct Shown {
    /// Grid id.
    pub id: egui::Id,
    /// Header row, then data rows.
    pub rows: Vec<Vec<String>>,
    /// The last column holds totals.
    pub strong_last_column: bool,
    /// The last row holds totals.
    pub strong_last_row: bool,
}

impl Shown {
    /// A table built in [`crate::report`], as shown: its words, with a total column bold.
    #[must_use]
    pub fn of(id: impl std::hash::Hash + std::fmt::Debug, table: &Table) -> Self {
        Self {
            id: egui::Id::unique(id),
            rows: table.text_rows(),
            strong_last_column: table.columns.last().is_some_and(|c| c.total),
            strong_last_row: false,
        }
    }
}

/// The notes under a table, muted.
pub fn notes(ui: &mut egui::Ui, table: &Table) {
    let muted = super::super::theme::Palette::of(ui).muted;
    for note in &table.notes {
        ui.label(egui::RichText::new(note).small().color(muted));
    }
}

/// Draws `table` as a striped grid with a "Copy table" button above it and on right-click.
pub fn show_table(ui: &mut egui::Ui, table: &Shown) {
    if ui
        .small_button("Copy table")
        .on_hover_text(
            "Copies the table as tab-separated text, to paste into a spreadsheet or a document",
        )
        .clicked()
    {
        ui.ctx()
            .copy_text(crate::report::tab_separated(&table.rows));
    }
    let last_row = table.rows.len().saturating_sub(1);
    let response = egui::Grid::new(table.id)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (r, row) in table.rows.iter().enumerate() {
                let last_column = row.len().saturating_sub(1);
                for (c, cell) in row.iter().enumerate() {
                    let strong = r == 0
                        || (table.strong_last_row && r == last_row)
                        || (table.strong_last_column && c == last_column);
                    // Titles over figures are right-aligned too, so each sits over its column.
                    if c == 0 {
                        if strong {
                            ui.strong(cell)
                        } else {
                            ui.label(cell)
                        };
                    } else {
                        // Figures right-aligned, so pounds line up under pounds.
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if strong {
                                ui.strong(cell)
                            } else {
                                ui.label(cell)
                            };
                        });
                    }
                }
                ui.end_row();
            }
        })
        .response;
    response.container_context_menu(|ui| {
        if ui.button("Copy table").clicked() {
            ui.ctx()
                .copy_text(crate::report::tab_separated(&table.rows));
            ui.close();
        }
    });
}

/// Options side by side.
pub fn compare_tab(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(results) = cx.analysis.results() else {
        super::case_problem_list(ui, cx.analysis, cx.commands);
        return;
    };
    super::left_out_note(ui, cx.analysis, cx.commands);
    let rate = cx.analysis.case().discount_rate;
    let report = measures::compare(results, rate, cx.view.money);
    let table = Shown::of("compare-table", &report);
    let against = measures::compare_against(results, rate, cx.view.money);
    let partners_against: Vec<_> = results
        .options
        .iter()
        .filter_map(|o| measures::partners_against(o, &results.years, rate, cx.view.money))
        .collect();
    let left_out = cx.analysis.baseline_left_out().map(str::to_owned);
    egui::ScrollArea::both().show(ui, |ui| {
        show_table(ui, &table);
        notes(ui, &report);
        if let Some(against) = &against {
            ui.add_space(12.0);
            ui.strong(&against.title);
            show_table(ui, &Shown::of("compare-against-table", against));
            notes(ui, against);
            for (i, table) in partners_against.iter().enumerate() {
                ui.add_space(12.0);
                ui.strong(&table.title);
                show_table(ui, &Shown::of(("partners-against", i), table));
            }
        } else if let Some(name) = left_out {
            ui.add_space(12.0);
            ui.label(format!(
                "No figures against {name}, the baseline: it has none of its own yet."
            ));
        } else if cx.analysis.case().baseline.is_none() {
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new("Name a baseline in Case settings (business as usual or do-minimum) to see each option against it, as the Green Book appraises them.")
                    .small(),
            );
        }
    });
}

/// The yearly table of the selected option.
pub fn yearly_tab(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(option) = super::option_figures(ui, cx.analysis, cx.view.option, cx.commands) else {
        return;
    };
    let style = cx.view.money;
    ui.label("Cash is in the prices of each year; real terms in the first year's prices.");
    ui.label(
        egui::RichText::new(crate::report::budget::APPRAISAL_LABEL)
            .small()
            .color(super::super::theme::Palette::of(ui).muted),
    );
    let mut rows = vec![words::yearly_columns(style)];
    rows.extend(words::yearly_rows(&option.figures, style));
    let table = Shown {
        id: egui::Id::unique("yearly-table"),
        rows,
        strong_last_column: false,
        strong_last_row: true,
    };
    egui::ScrollArea::both().show(ui, |ui| show_table(ui, &table));
}
