//! Questions the user must answer: unsaved changes, recovering autosaved work, messages, and
//! typing a path where no native file dialog can be shown.

use super::super::{Command, Dialog, SharecaseApp};
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
            Dialog::Recover => {
                ui.heading("Recover unsaved work?");
                if let Some(recovered) = &app.recovered {
                    let from = recovered.path.as_ref().map_or_else(
                        || "a case not yet saved to a file".to_owned(),
                        |p| p.display().to_string(),
                    );
                    ui.label(format!(
                        "Sharecase kept unsaved changes to \"{}\" ({from}) from a session that did not close normally.",
                        recovered.case.title
                    ));
                }
                ui.horizontal(|ui| {
                    if ui.button(Command::RecoverWork.label()).clicked() {
                        app.queued.push(Command::RecoverWork);
                        close = true;
                    }
                    if ui.button(Command::DiscardRecovered.label()).clicked() {
                        app.queued.push(Command::DiscardRecovered);
                        close = true;
                    }
                });
            }
            Dialog::NewCasePrices => {
                ui.heading("Which prices are your amounts in?");
                ui.label("Councils usually publish cash figures: the sums paid or saved in each year. Sharecase can also take amounts at today's prices and index them into cash.");
                ui.add_space(6.0);
                for (basis, title, detail) in [
                    (
                        crate::case::PriceBasis::Cash,
                        "Cash prices",
                        "as published: the sums paid in each year, not indexed",
                    ),
                    (
                        crate::case::PriceBasis::Year0,
                        "Year-0 prices",
                        "at the first year's price levels: Sharecase indexes them into cash",
                    ),
                ] {
                    // The two choices the same width, one above the other.
                    let width = ui.available_width();
                    if ui
                        .add(
                            egui::Button::new(format!("{title}: {detail}"))
                                .min_size(egui::vec2(width, 30.0)),
                        )
                        .clicked()
                    {
                        app.doc.case.prices = basis;
                        close = true;
                    }
                }
                ui.label(
                    egui::RichText::new("You can change this later in Case settings, and any line can say otherwise.")
                        .small(),
                );
            }
            Dialog::ChangePrices(to) => {
                let from = app.doc.case.prices;
                let count = app.doc.case.lines_following_prices();
                ui.heading(format!("Change the case to {to}?"));
                ui.label(format!(
                    "{count} {} in {from}. Convert {} to {to} so that every figure stays the same, or keep the amounts as typed and read them in {to} (the figures then change).",
                    if count == 1 { "line has amounts" } else { "lines have amounts" },
                    if count == 1 { "its amounts" } else { "their amounts" },
                ));
                if to == crate::case::PriceBasis::Cash {
                    ui.label("A line in cash prices is not indexed: converting (or keeping) removes each line's own indexation.");
                }
                ui.horizontal(|ui| {
                    for convert in [true, false] {
                        let command = Command::SetPrices { to, convert };
                        if ui.button(command.label()).clicked() {
                            app.queued.push(command);
                            close = true;
                        }
                    }
                    if ui.button("Cancel").clicked() {
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
            Dialog::Exported(done) => {
                // Wider than other dialogs: file names carry the case and option names.
                ui.set_min_width(600.0);
                ui.set_max_width(600.0);
                ui.heading(exported_heading(done.files.len()));
                ui.label(format!("In {}", done.folder.display()));
                ui.add_space(6.0);
                egui::ScrollArea::vertical()
                    .max_height(420.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        let row = ui.spacing().interact_size.y;
                        for (name, bytes) in &done.files {
                            ui.horizontal(|ui| {
                                let name_width = (ui.available_width() - 80.0).max(80.0);
                                ui.allocate_ui_with_layout(
                                    egui::vec2(name_width, row),
                                    egui::Layout::left_to_right(egui::Align::Center),
                                    |ui| {
                                        ui.set_min_width(name_width);
                                        ui.add(egui::Label::new(name.as_str()).truncate());
                                    },
                                );
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| ui.weak(crate::format::file_size(*bytes)),
                                );
                            });
                        }
                    });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                    if ui.button("Open folder").clicked() {
                        match super::super::files::open_folder(&done.folder) {
                            Ok(()) => close = true,
                            Err(e) => {
                                app.status = format!(
                                    "Could not open {} in the file manager: {e}",
                                    done.folder.display()
                                );
                            }
                        }
                    }
                });
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
                let selected_has_figures = app.analysis.option(app.view.option).is_some();
                ui.add_enabled_ui(selected_has_figures, |ui| {
                    ui.radio_value(
                        &mut choice.only_selected,
                        true,
                        format!("Only \"{selected}\""),
                    );
                });
                if !selected_has_figures {
                    choice.only_selected = false;
                }
                let left_out: Vec<&str> = app.analysis.left_out().map(|(name, _)| name).collect();
                if !left_out.is_empty() {
                    ui.colored_label(
                        super::super::theme::Palette::of(ui).warning,
                        format!(
                            "Left out, having problems to put right or no lines: {}",
                            left_out.join(", ")
                        ),
                    );
                }
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
            Dialog::Import(mut preview) => {
                close = import_preview(app, ui, &mut preview);
                if !close && matches!(app.dialog, Some(Dialog::Import(_))) {
                    app.dialog = Some(Dialog::Import(preview));
                }
            }
            Dialog::TypeImportPath(mut text) => {
                ui.heading("Import lines");
                ui.label("No file dialog is available on this system. Type the full path of the CSV or XLSX file:");
                ui.add(egui::TextEdit::singleline(&mut text).desired_width(420.0))
                    .accessible_name("Lines file path");
                app.dialog = Some(Dialog::TypeImportPath(text.clone()));
                ui.horizontal(|ui| {
                    if ui.button("Read").clicked() && !text.trim().is_empty() {
                        app.import_from(PathBuf::from(text.trim()));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
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

/// The import preview: the lines as read (or every problem in the file), where they go, and
/// Apply, which changes the case only if the result is valid. Returns true to close.
fn import_preview(
    app: &mut SharecaseApp,
    ui: &mut egui::Ui,
    preview: &mut super::super::ImportPreview,
) -> bool {
    let option_name = app
        .doc
        .case
        .options
        .get(preview.option)
        .map_or_else(String::new, |o| o.name.clone());
    let file = preview
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    ui.set_max_width(900.0);
    ui.heading(format!("Import lines into \"{option_name}\""));
    ui.label(format!("From {file}"));
    if preview.table.is_some() {
        // The file's amounts are read again whenever the prices change: a rate in the
        // indexation column is a problem only for amounts in cash prices.
        ui.add_space(4.0);
        ui.label("The amounts in the file are in:");
        let mut prices = preview.prices;
        ui.radio_value(
            &mut prices,
            crate::case::PriceBasis::Cash,
            "Cash prices (as published: the sums paid in each year)",
        );
        ui.radio_value(
            &mut prices,
            crate::case::PriceBasis::Year0,
            "Year-0 prices (indexed by Sharecase)",
        );
        if prices != preview.prices {
            preview.read_in(prices, &app.doc.case);
        }
        ui.label(crate::import::prices_note(preview.prices, &app.doc.case));
        ui.add_space(4.0);
    }
    let mut close = false;
    match &preview.read {
        Err(problems) => {
            ui.colored_label(
                super::super::theme::Palette::of(ui).error,
                format!(
                    "{} problem{} in the file; nothing has been imported. Put them right in the spreadsheet and import again.",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                ),
            );
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| super::super::fields::problems(ui, problems));
            if ui.button("Close").clicked() {
                close = true;
            }
        }
        Ok(lines) => {
            let lines = lines.clone();
            let style = app.view.money;
            ui.label(format!(
                "{} line{} read.",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" },
            ));
            let years = usize::from(app.doc.case.horizon);
            let mut rows = vec![
                ["Line", "Kind", "Category", "Sharing"]
                    .iter()
                    .map(|h| (*h).to_owned())
                    .chain((0..years).map(|t| app.doc.case.year_label(t)))
                    .collect::<Vec<_>>(),
            ];
            for line in &lines {
                let mut row = vec![
                    line.name.clone(),
                    line.kind.label().to_owned(),
                    line.category.clone(),
                    line.sharing.to_string(),
                ];
                row.extend(
                    line.amounts
                        .by_year(years)
                        .into_iter()
                        .map(|v| crate::format::money_cell(v, style)),
                );
                rows.push(row);
            }
            egui::ScrollArea::both().max_height(340.0).show(ui, |ui| {
                super::tables::show_table(
                    ui,
                    &super::tables::Shown {
                        id: egui::Id::unique("import-preview"),
                        rows,
                        strong_last_column: false,
                        strong_last_row: false,
                    },
                );
            });
            ui.add_space(6.0);
            ui.radio_value(
                &mut preview.replace,
                false,
                format!("Add them to the lines of \"{option_name}\""),
            );
            ui.radio_value(
                &mut preview.replace,
                true,
                format!("Replace the lines of \"{option_name}\" with them"),
            );
            if !preview.problems.is_empty() {
                ui.colored_label(
                    super::super::theme::Palette::of(ui).error,
                    "With these lines the case would have problems, so nothing has been imported:",
                );
                super::super::fields::problems(ui, &preview.problems);
            }
            ui.horizontal(|ui| {
                if ui.button("Apply").clicked() {
                    match app.apply_import(preview) {
                        Ok(count) => {
                            app.status = format!(
                                "Imported {count} line{} into {option_name} from {file}: Undo (Ctrl+Z) takes them out again.",
                                if count == 1 { "" } else { "s" }
                            );
                            close = true;
                        }
                        Err(problems) => preview.problems = problems,
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        }
    }
    close
}

/// "Exported 1 file" or "Exported 16 files": the dialog's heading and the status bar's.
#[must_use]
pub fn exported_heading(count: usize) -> String {
    if count == 1 {
        "Exported 1 file".to_owned()
    } else {
        format!("Exported {count} files")
    }
}
