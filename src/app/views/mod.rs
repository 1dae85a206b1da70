//! The views: each a small module with one `show` function that edits the model or reads
//! the results, never computing a figure.

pub mod charts;
pub mod dialogs;
mod header;
mod lines;
mod menu;
mod navigator;
pub mod presentation;
mod sensitivity;
mod tables;

use super::theme::Palette;
use super::{SharecaseApp, Tab};
use crate::case::Problem;

/// The main window: menu, navigator, the selected option's header and tabs, status bar.
pub fn main(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| menu::show(app, ui));
    egui::Panel::bottom("status").show(ui, |ui| status(app, ui));
    egui::Panel::left("navigator")
        .resizable(true)
        .default_size(310.0)
        .min_size(240.0)
        .show(ui, |ui| navigator::show(app, ui));
    egui::CentralPanel::default().show(ui, |ui| {
        header::show(app, ui);
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                ui.selectable_value(&mut app.view.tab, tab, tab.label());
            }
        });
        ui.separator();
        match app.view.tab {
            Tab::Lines => lines::show(app, ui),
            Tab::Payback => charts::payback_tab(app, ui),
            Tab::Flows => charts::flows_tab(app, ui),
            Tab::Partners => tables::partners_tab(app, ui),
            Tab::Compare => tables::compare_tab(app, ui),
            Tab::Yearly => tables::yearly_tab(app, ui),
            Tab::Sensitivity => sensitivity::show(app, ui),
        }
    });
}

fn status(app: &SharecaseApp, ui: &mut egui::Ui) {
    let palette = Palette::of(ui);
    ui.horizontal(|ui| {
        let problems = app.results.problems().len();
        if problems > 0 {
            ui.colored_label(
                palette.error,
                format!(
                    "{problems} problem{} to fix before figures can be shown",
                    if problems == 1 { "" } else { "s" }
                ),
            );
        } else {
            ui.colored_label(palette.good, "Case valid: figures up to date");
        }
        ui.separator();
        let state = match (app.doc.path().is_some(), app.doc.is_dirty()) {
            (_, true) => format!("{}: unsaved changes", app.doc.name()),
            (true, false) => format!("{}: all changes saved", app.doc.name()),
            (false, false) => "Not saved to a file yet (File > Save as)".to_owned(),
        };
        ui.label(state);
        if app.files.busy() {
            ui.separator();
            ui.spinner();
            ui.label("Working on a file...");
        }
        if !app.status.is_empty() {
            ui.separator();
            ui.label(&app.status);
        }
    });
}

/// Problems of option `option`, line `line` (or the option itself with `None`), whose field
/// starts with `field`.
#[must_use]
pub fn problems_for(
    problems: &[Problem],
    option: usize,
    line: Option<usize>,
    field: &str,
) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.option == Some(option) && p.line == line && p.field.starts_with(field))
        .map(|p| p.message.clone())
        .collect()
}

/// Problems of the case settings (no option), whose field starts with `field`.
#[must_use]
pub fn case_problems(problems: &[Problem], field: &str) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.option.is_none() && p.field.starts_with(field))
        .map(|p| p.message.clone())
        .collect()
}
