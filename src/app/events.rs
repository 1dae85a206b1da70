//! What arrives from outside the frame: finished file jobs and the window's close request.

use super::files::Done;
use super::state::{Dialog, ExportDone, ImportPreview};
use super::{Command, Document, SharecaseApp, views};
use std::path::PathBuf;

impl SharecaseApp {
    pub(super) fn handle_files(&mut self) {
        for done in self.files.poll() {
            match done {
                Done::Opened(path, Ok(case)) => {
                    self.files.remember(&path);
                    self.status = format!("Opened {}", path.display());
                    self.replace(Document::opened(case, path));
                }
                Done::Opened(_, Err(message)) => self.dialog = Some(Dialog::Message(message)),
                Done::SaveTo(path) => self.save_to(path),
                Done::Saved(Ok((case, path))) => {
                    self.files.remember(&path);
                    self.status = format!("Saved {}", path.display());
                    self.doc.mark_saved(case, path);
                    if !self.doc.is_dirty() {
                        self.files.clear_autosave();
                    }
                    if let Some(then) = self.after_save.take() {
                        self.queued.push(then);
                    }
                }
                Done::Saved(Err(message)) => {
                    self.after_save = None;
                    self.dialog = Some(Dialog::Message(format!(
                        "{message}\nYour work is still open and unchanged: try another folder."
                    )));
                }
                Done::Folder(Some(folder)) => {
                    if let Some(Dialog::Export(choice)) = &mut self.dialog {
                        choice.folder = folder.display().to_string();
                    }
                }
                Done::Folder(None) => {}
                Done::Exported(Ok((dir, written))) => {
                    let files: Vec<(String, usize)> = written
                        .iter()
                        .map(|w| {
                            let name = w
                                .path
                                .file_name()
                                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                            (name, w.bytes)
                        })
                        .collect();
                    self.status = format!(
                        "{} to {}",
                        views::dialogs::exported_heading(files.len()),
                        dir.display()
                    );
                    self.dialog = Some(Dialog::Exported(ExportDone { folder: dir, files }));
                }
                Done::Exported(Err(message)) => {
                    self.dialog = Some(Dialog::Message(format!(
                        "{message}\nNothing in the case has changed: choose another folder and export again."
                    )));
                }
                Done::ImportRead(path, table) => {
                    self.dialog = Some(Dialog::Import(ImportPreview::new(
                        path,
                        self.view.option,
                        table,
                        &self.doc.case,
                    )));
                }
                Done::ImportUnavailable => {
                    self.dialog = Some(Dialog::TypeImportPath(String::new()));
                }
                Done::ChartSaved(Ok(path)) => {
                    self.status = format!("Saved the chart to {}", path.display());
                }
                Done::ChartSaved(Err(message)) => self.dialog = Some(Dialog::Message(message)),
                Done::Cancelled {
                    unavailable: true,
                    save,
                } => {
                    self.dialog = Some(Dialog::TypePath {
                        save,
                        text: String::new(),
                    });
                }
                Done::Cancelled { .. } => self.after_save = None,
            }
        }
    }

    /// Saves the case to `path` in the background; the title shows when it is done.
    pub fn save_to(&mut self, path: PathBuf) {
        let case = self.doc.case.clone();
        self.files.save(&self.ctx, case, path);
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allowed_to_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                if self.dialog.is_none() {
                    self.dialog = Some(Dialog::Unsaved {
                        then: Command::Quit,
                    });
                }
            } else {
                self.files.clear_autosave();
            }
        }
    }
}
