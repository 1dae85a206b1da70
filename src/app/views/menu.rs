//! The menu bar: every command, with its shortcut.

use super::super::{Command, SharecaseApp};
use crate::format::MoneyStyle;

fn item(app: &mut SharecaseApp, ui: &mut egui::Ui, command: Command, enabled: bool) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.run_command(command);
    }
}

/// The menu bar.
pub fn show(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(app, ui, Command::New, true);
            item(app, ui, Command::Open, true);
            let recent = app.files.recent.clone();
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            app.run_command(Command::OpenPath(path));
                        }
                    }
                });
            });
            ui.separator();
            item(app, ui, Command::Save, true);
            item(app, ui, Command::SaveAs, true);
            ui.separator();
            let valid = app.analysis.results().is_some();
            item(app, ui, Command::Export, valid);
            item(app, ui, Command::ImportLines, true);
            ui.separator();
            item(app, ui, Command::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            let case = &app.doc.case;
            let (undo, redo) = (app.history.can_undo(case), app.history.can_redo(case));
            item(app, ui, Command::Undo, undo);
            item(app, ui, Command::Redo, redo);
            ui.separator();
            item(app, ui, Command::AddOption, true);
            item(app, ui, Command::DuplicateOption, true);
            item(app, ui, Command::MoveOptionUp, true);
            item(app, ui, Command::MoveOptionDown, true);
            let more_than_one = app.doc.case.options.len() > 1;
            item(app, ui, Command::DeleteOption, more_than_one);
            ui.separator();
            item(app, ui, Command::AddLine, true);
        });
        ui.menu_button("View", |ui| {
            item(app, ui, Command::Presentation, true);
            let mut dark = app.view.dark;
            if ui.checkbox(&mut dark, "Dark theme").changed() {
                app.run_command(Command::ToggleTheme);
            }
            ui.separator();
            ui.label("Show money in");
            for (style, label) in [
                (MoneyStyle::Pounds, "Pounds: £1,234,567"),
                (MoneyStyle::Thousands, "Thousands: £1,235k"),
                (MoneyStyle::Millions, "Millions: £1.2m"),
            ] {
                ui.radio_value(&mut app.view.money, style, label);
            }
        });
        ui.menu_button("Help", |ui| {
            ui.label(format!("Sharecase {}", env!("CARGO_PKG_VERSION")));
            ui.label("Figures follow HM Treasury's Green Book: cash for budgets,");
            ui.label("real terms discounted for appraisal. See docs/conventions.md.");
        });
    });
}
