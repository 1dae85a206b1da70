//! Files, off the UI thread: native dialogs, saving, autosave and recent files.
//!
//! Dialogs and writes run on threads and report over channels polled each frame, so the
//! window never freezes. Where no native dialog can be shown (no portal, no zenity), the app
//! offers a field to type the path instead.

use crate::case::{self, Case, LoadError};
use crate::engine::CaseResults;
use crate::export::{self, Format, NamedChart, Provenance};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// What a finished background job reports.
#[derive(Debug)]
pub enum Done {
    /// A file was chosen and read (or could not be).
    Opened(PathBuf, Result<Case, String>),
    /// A path was chosen to save to.
    SaveTo(PathBuf),
    /// A save finished: the case as saved, and where, or why not.
    Saved(Result<(Case, PathBuf), String>),
    /// A folder was chosen for an export (`None`: cancelled or no dialog available).
    Folder(Option<PathBuf>),
    /// An export finished: the folder and the files written, or why not.
    Exported(Result<(PathBuf, Vec<export::Written>), String>),
    /// A lines file was chosen and read: its table (whose lines are read in the prices the
    /// user chooses), or every problem found in it.
    ImportRead(PathBuf, Result<crate::import::Table, Vec<String>>),
    /// No file dialog could be shown for an import.
    ImportUnavailable,
    /// A chart image was saved, or why not.
    ChartSaved(Result<PathBuf, String>),
    /// The dialog was closed without a choice.
    Cancelled {
        /// True when it closed so fast that no dialog can have been shown.
        unavailable: bool,
        /// True for the save dialog.
        save: bool,
    },
}

/// Everything an export in the background needs, owned.
pub struct ExportJob {
    /// The case, cut to the chosen options.
    pub case: Case,
    /// Its results, the same the window shows.
    pub results: CaseResults,
    /// Where.
    pub dir: PathBuf,
    /// Which formats.
    pub formats: Vec<Format>,
    /// File and date for the report.
    pub provenance: Provenance,
}

/// A folder to start in: the case's own, else Documents, else home.
#[must_use]
pub fn default_folder(case_path: Option<&Path>) -> PathBuf {
    case_path
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_owned)
        .or_else(|| {
            directories::UserDirs::new().map(|u| {
                u.document_dir()
                    .map_or_else(|| u.home_dir().to_owned(), Path::to_owned)
            })
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Background file work and the files the app keeps for itself.
pub struct Files {
    jobs: Vec<Receiver<Done>>,
    data_dir: Option<PathBuf>,
    autosaver: Option<super::autosave::Autosaver>,
    /// Recently opened or saved case files, newest first.
    pub recent: Vec<PathBuf>,
}

const RECENT_MAX: usize = 8;

impl Files {
    /// Files kept under `data_dir` (autosave, recent files); none when there is no such dir.
    #[must_use]
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        let recent = data_dir
            .as_ref()
            .and_then(|d| std::fs::read_to_string(d.join("recent.json")).ok())
            .and_then(|text| serde_json::from_str::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default();
        Self {
            jobs: Vec::new(),
            autosaver: data_dir.clone().map(super::autosave::Autosaver::new),
            data_dir,
            recent,
        }
    }

    /// The user's data folder for Sharecase (`SHARECASE_DATA_DIR` overrides it).
    #[must_use]
    pub fn default_data_dir() -> Option<PathBuf> {
        std::env::var_os("SHARECASE_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                directories::ProjectDirs::from("uk", "Sharecase", "Sharecase")
                    .map(|d| d.data_dir().to_owned())
            })
    }

    /// True while a dialog or a save is under way.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    fn spawn(&mut self, ctx: &egui::Context, job: impl FnOnce() -> Done + Send + 'static) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(job());
            ctx.request_repaint();
        });
        self.jobs.push(receiver);
    }

    /// Shows the native open dialog, then reads the chosen file.
    pub fn open_dialog(&mut self, ctx: &egui::Context, folder: Option<PathBuf>) {
        self.spawn(ctx, move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new()
                .set_title("Open a business case")
                .add_filter("Sharecase case", &["json"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            match dialog.pick_file() {
                Some(path) => {
                    let loaded = read(&path);
                    Done::Opened(path, loaded)
                }
                None => Done::Cancelled {
                    unavailable: started.elapsed() < Duration::from_millis(300),
                    save: false,
                },
            }
        });
    }

    /// Reads a named file in the background.
    pub fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.spawn(ctx, move || {
            let loaded = read(&path);
            Done::Opened(path, loaded)
        });
    }

    /// Shows the native save dialog.
    pub fn save_dialog(&mut self, ctx: &egui::Context, suggested: String) {
        self.spawn(ctx, move || {
            let started = Instant::now();
            match rfd::FileDialog::new()
                .set_title("Save the business case")
                .add_filter("Sharecase case", &["json"])
                .set_file_name(suggested)
                .save_file()
            {
                Some(path) => Done::SaveTo(with_extension(path)),
                None => Done::Cancelled {
                    unavailable: started.elapsed() < Duration::from_millis(300),
                    save: true,
                },
            }
        });
    }

    /// Saves `case` to `path` in the background (a temporary file renamed over the old one).
    pub fn save(&mut self, ctx: &egui::Context, case: Case, path: PathBuf) {
        self.spawn(ctx, move || {
            Done::Saved(
                case::save(&path, &case)
                    .map(|()| (case, path.clone()))
                    .map_err(|e| format!("Could not save {}: {e}", path.display())),
            )
        });
    }

    /// Shows the native open dialog for a lines file (CSV or XLSX), then reads its table.
    pub fn import_dialog(&mut self, ctx: &egui::Context, folder: PathBuf) {
        self.spawn(ctx, move || {
            let started = Instant::now();
            match rfd::FileDialog::new()
                .set_title("Import lines from a spreadsheet")
                .add_filter("CSV or Excel workbook", &["csv", "xlsx"])
                .set_directory(folder)
                .pick_file()
            {
                Some(path) => {
                    let read = read_table(&path);
                    Done::ImportRead(path, read)
                }
                None if started.elapsed() < Duration::from_millis(300) => Done::ImportUnavailable,
                None => Done::Folder(None),
            }
        });
    }

    /// Reads a lines file named directly.
    pub fn import_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.spawn(ctx, move || {
            let read = read_table(&path);
            Done::ImportRead(path, read)
        });
    }

    /// Shows the native folder dialog, for an export.
    pub fn pick_folder(&mut self, ctx: &egui::Context, start: PathBuf) {
        self.spawn(ctx, move || {
            Done::Folder(
                rfd::FileDialog::new()
                    .set_title("Export to which folder?")
                    .set_directory(start)
                    .pick_folder(),
            )
        });
    }

    /// Writes the chosen formats into `dir` in the background.
    pub fn export(&mut self, ctx: &egui::Context, job: ExportJob) {
        self.spawn(ctx, move || {
            let ExportJob {
                case,
                results,
                dir,
                formats,
                provenance,
            } = job;
            Done::Exported(
                std::fs::create_dir_all(&dir)
                    .map_err(|e| format!("Could not make the folder {}: {e}", dir.display()))
                    .and_then(|()| {
                        export::write(&case, &results, &dir, &formats, &provenance, &mut |_| {})
                            .map_err(|e| format!("Could not export: {e}"))
                    })
                    .map(|written| (dir, written)),
            )
        });
    }

    /// Asks where to save a chart image, then draws and writes it. Where no dialog can be
    /// shown, the image goes into `folder` under its own name, and the message says where.
    pub fn save_chart(
        &mut self,
        ctx: &egui::Context,
        chart: NamedChart,
        format: Format,
        folder: PathBuf,
    ) {
        self.spawn(ctx, move || {
            let name = format!("{}.{}", chart.stem, format.extension());
            let started = Instant::now();
            let chosen = rfd::FileDialog::new()
                .set_title("Save the chart")
                .add_filter(format.extension().to_uppercase(), &[format.extension()])
                .set_directory(&folder)
                .set_file_name(&name)
                .save_file();
            let path = match chosen {
                Some(path) => path,
                None if started.elapsed() < Duration::from_millis(300) => folder.join(&name),
                None => {
                    return Done::Cancelled {
                        unavailable: false,
                        save: true,
                    };
                }
            };
            let svg = export::chart_svg::svg(&chart.chart);
            let bytes = match format {
                Format::Png => export::chart_png::png(&svg).map_err(|e| e.to_string()),
                _ => export::chart_png::outlined(&svg, chart.chart.title())
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string()),
            };
            Done::ChartSaved(bytes.and_then(|bytes| {
                std::fs::write(&path, bytes)
                    .map(|()| path.clone())
                    .map_err(|e| format!("Could not save {}: {e}", path.display()))
            }))
        });
    }

    /// What finished since the last frame.
    pub fn poll(&mut self) -> Vec<Done> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.try_recv() {
            Ok(result) => {
                done.push(result);
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        done
    }

    /// Puts `path` first in the recent files and remembers the list.
    pub fn remember(&mut self, path: &Path) {
        // Windows' canonical form is a `\\?\C:\...` path, which reads badly in the menu:
        // there the absolute path is enough.
        let path = if cfg!(windows) {
            std::path::absolute(path)
        } else {
            std::fs::canonicalize(path)
        }
        .unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
        if let Some(dir) = &self.data_dir {
            let list = self.recent.clone();
            let file = dir.join("recent.json");
            let dir = dir.clone();
            std::thread::spawn(move || {
                let _ = std::fs::create_dir_all(&dir);
                if let Ok(text) = serde_json::to_string_pretty(&list) {
                    let _ = std::fs::write(file, text);
                }
            });
        }
    }

    /// Hands unsaved work to the autosave thread, which writes it within about a second;
    /// with nothing unsaved, the autosave is removed.
    pub fn autosave(&mut self, case: &Case, dirty: bool, path: Option<&Path>) {
        let Some(autosaver) = &self.autosaver else {
            return;
        };
        if dirty {
            autosaver.save(case, path);
        } else {
            autosaver.clear();
        }
    }

    /// Forgets autosaved work (after a save, or when the user discards it).
    pub fn clear_autosave(&mut self) {
        if let Some(autosaver) = &self.autosaver {
            autosaver.clear();
        }
    }

    /// Work autosaved by a session that did not end cleanly, if any.
    #[must_use]
    pub fn recoverable(&self) -> Option<super::autosave::Recovered> {
        self.autosaver.as_ref()?.recoverable()
    }
}

fn read(path: &Path) -> Result<Case, String> {
    case::load(path).map_err(|e: LoadError| format!("Could not open {}: {e}", path.display()))
}

/// The table of a CSV or XLSX file (by its extension), read as the command line reads it:
/// a byte that is not UTF-8 is named by row.
fn read_table(path: &Path) -> Result<crate::import::Table, Vec<String>> {
    let bytes =
        std::fs::read(path).map_err(|e| vec![format!("Could not read {}: {e}", path.display())])?;
    crate::import::read_table(&bytes, crate::import::is_xlsx(path))
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

/// Adds `.sharecase.json` when the user typed a bare name.
#[must_use]
pub fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("sharecase.json")
    }
}

/// Opens `folder` in the system's file manager, so the exported files can be attached to
/// the committee paper straight away. The file manager runs on its own; a thread waits for
/// the launcher so that it leaves no zombie process behind.
///
/// # Errors
/// In words, when no file manager could be started (on a server, say).
pub fn open_folder(folder: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(program)
        .arg(folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("this system has no {program} to open folders with")
            }
            _ => format!("{program} could not be started: {e}"),
        })?;
    std::thread::spawn(move || child.wait());
    Ok(())
}
