//! Questions the user must answer: unsaved changes, recovering autosaved work, messages, and
//! typing a path where no native file dialog can be shown.

use super::super::{Command, Dialog, Document, SharecaseApp};
use std::path::PathBuf;

/// Shows the waiting dialog, if any.
pub fn show(app: &mut SharecaseApp, ctx: &egui::Context) {
    let Some(dialog) = app.dialog.clone() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("sharecase-dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match dialog {
            Dialog::Unsaved { then } => {
                ui.heading("Save changes first?");
                ui.label(format!(
                    "\"{}\" has changes that are not saved. They will be lost unless you save them.",
                    app.doc.case.title
                ));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        app.after_save = Some(then.clone());
                        app.run_command(Command::Save);
                        close = true;
                    }
                    if ui.button("Discard changes").clicked() {
                        app.files.clear_autosave();
                        app.confirmed = true;
                        app.run_command(then.clone());
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Recover(case) => {
                ui.heading("Recover unsaved work?");
                ui.label(format!(
                    "Sharecase kept unsaved changes to \"{}\" from a session that did not close normally.",
                    case.title
                ));
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        let recovered = *case.clone();
                        app.doc = Document::unsaved(app.doc.case.clone());
                        app.doc.case = recovered;
                        close = true;
                    }
                    if ui.button("Discard").clicked() {
                        app.files.clear_autosave();
                        close = true;
                    }
                });
            }
            Dialog::Message(message) => {
                ui.label(message);
                if ui.button("OK").clicked() {
                    close = true;
                }
            }
            Dialog::Export(mut choice) => {
                ui.heading("Export for the committee paper");
                ui.label("Every file shows the figures on screen, from the same results.");
                ui.add_space(6.0);
                ui.strong("Formats");
                for (format, on) in &mut choice.formats {
                    ui.checkbox(on, format.label());
                }
                ui.add_space(6.0);
                ui.strong("Options");
                let selected = app
                    .doc
                    .case
                    .options
                    .get(app.view.option)
                    .map_or_else(String::new, |o| o.name.clone());
                ui.radio_value(&mut choice.only_selected, false, "Every option");
                ui.radio_value(
                    &mut choice.only_selected,
                    true,
                    format!("Only \"{selected}\""),
                );
                ui.add_space(6.0);
                ui.strong("Folder");
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut choice.folder).desired_width(330.0))
                        .accessible_name("Export folder");
                    if ui.button("Choose...").clicked() {
                        let start = std::path::PathBuf::from(choice.folder.trim());
                        let start = if start.is_dir() {
                            start
                        } else {
                            start.parent().map_or_else(|| start.clone(), std::path::Path::to_owned)
                        };
                        app.files.pick_folder(ui.ctx(), start);
                    }
                });
                ui.label(
                    egui::RichText::new("The folder is made if it does not exist; files of the same name are replaced.")
                        .small(),
                );
                ui.add_space(8.0);
                let any = choice.formats.iter().any(|(_, on)| *on);
                let ready = any && !choice.folder.trim().is_empty() && !choice.running;
                ui.horizontal(|ui| {
                    if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                        choice.running = true;
                        app.start_export(&choice);
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                    if choice.running {
                        ui.spinner();
                        ui.label("Writing...");
                    } else if !any {
                        ui.label("Tick at least one format.");
                    }
                });
                if !close && matches!(app.dialog, Some(Dialog::Export(_))) {
                    app.dialog = Some(Dialog::Export(choice));
                }
            }
            Dialog::TypePath { save, mut text } => {
                ui.heading(if save { "Save as" } else { "Open" });
                ui.label("No file dialog is available on this system. Type the file's full path:");
                let response = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(420.0))
                    .accessible_name("File path");
                app.dialog = Some(Dialog::TypePath { save, text: text.clone() });
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if (ui.button(if save { "Save" } else { "Open" }).clicked() || enter) && !text.trim().is_empty() {
                        let path = PathBuf::from(text.trim());
                        if save {
                            app.save_to(super::super::files::with_extension(path));
                        } else {
                            app.run_command(Command::OpenPath(path));
                        }
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
        }
    });
    if close {
        app.dialog = None;
    }
}
