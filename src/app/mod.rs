//! The desktop app: edit a case, see its results, show them to a committee.
//!
//! It edits the model ([`crate::case`]) and shows the figures of one
//! [`Analysis`](crate::analysis::Analysis) of it, made once per revision of the case (see
//! `ARCHITECTURE.md`); it never computes a financial figure itself. Each view is its own
//! small module under `views/`; commands run in `execute`, file jobs report in `events`.

mod autosave;
mod command;
mod document;
mod events;
mod execute;
mod fields;
mod files;
mod history;
mod risk_run;
mod settings;
mod state;
mod theme;
mod views;

pub use command::{ChartRef, Command};
pub use document::Document;
pub use history::History;
pub use state::{Dialog, ExportChoice, ExportDone, ImportPreview, Tab, ViewState};

use crate::analysis::Analysis;
use crate::case;
use files::Files;
use std::path::{Path, PathBuf};

/// The whole app.
pub struct SharecaseApp {
    /// The case being edited.
    pub doc: Document,
    /// Undo and redo.
    pub history: History,
    /// Everything derived from the case, for the revision it was made from.
    pub analysis: Analysis,
    /// The Monte Carlo run of the analysis' revision, in the background.
    pub risk: risk_run::RiskRun,
    /// The tornado and switching values of the shown option, in the background.
    pub sensitivity: risk_run::SensitivityRun,
    /// What is being looked at.
    pub view: ViewState,
    files: Files,
    dialog: Option<Dialog>,
    queued: Vec<Command>,
    allowed_to_close: bool,
    title: String,
    after_save: Option<Command>,
    status: String,
    ctx: egui::Context,
    confirmed: bool,
    /// Work found in the autosave file at start, waiting for the user's answer.
    recovered: Option<autosave::Recovered>,
    /// How many times the case has changed since the app started.
    revision: u64,
    /// How many analyses have been made (an idle frame makes none).
    analyses: u64,
    /// The revision last recorded in the undo history.
    recorded: u64,
    /// Frames spent fitting the window to the screen, up to `FIT_TRIES`.
    fitted: u8,
    /// The window fills the screen, with no title bar: the presentation view.
    fullscreen: bool,
    /// Fields drawn in the last frame whose text does not read, so is not in the figures:
    /// each `name: message`.
    unread_fields: Vec<String>,
}

impl SharecaseApp {
    /// The app on `doc`, keeping its own files (autosave, recent) in `data_dir`.
    #[must_use]
    pub fn new(doc: Document, data_dir: Option<PathBuf>) -> Self {
        let files = Files::new(data_dir);
        let recovered = files.recoverable();
        let dialog = recovered.as_ref().map(|_| Dialog::Recover);
        Self {
            history: History::new(&doc.case),
            analysis: Analysis::new(&doc.case, 0, None),
            doc,
            risk: risk_run::RiskRun::default(),
            sensitivity: risk_run::SensitivityRun::default(),
            view: ViewState::default(),
            files,
            dialog,
            queued: Vec::new(),
            allowed_to_close: false,
            title: String::new(),
            after_save: None,
            status: String::new(),
            ctx: egui::Context::default(),
            confirmed: false,
            recovered,
            revision: 0,
            analyses: 1,
            recorded: 0,
            fitted: 0,
            fullscreen: false,
            unread_fields: Vec::new(),
        }
    }

    /// The app on the built-in example case.
    #[must_use]
    pub fn on_example(data_dir: Option<PathBuf>) -> Self {
        Self::new(Document::unsaved(case::example::case()), data_dir)
    }

    /// Queues a command, to run after this frame's UI pass.
    pub fn run_command(&mut self, command: Command) {
        self.queued.push(command);
    }

    /// The dialog waiting for an answer, if any.
    #[must_use]
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// How many analyses of the case have been made; an idle frame makes none.
    #[must_use]
    pub fn computations(&self) -> u64 {
        self.analyses
    }

    /// The revision of the case as it stands: it grows by one with every change.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// One frame: the whole window inside `ui`.
    ///
    /// The views read the analysis made at the end of the previous frame, which is of the case
    /// as it stands when the frame starts; edits they make are seen once, at the end of the
    /// frame, where a changed case gets a new revision and a new analysis.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = ctx.clone();
        self.queued.extend(command::from_keyboard(&ctx));
        self.unread_fields = fields::take_unread(&ctx);
        if self.view.presentation {
            views::presentation(self, ui);
        } else {
            views::main(self, ui);
        }
        views::dialogs::show(self, &ctx);
        self.handle_close_request(&ctx);
        let commands = std::mem::take(&mut self.queued);
        for command in commands {
            self.execute(&ctx, command);
        }
        self.handle_files();
        self.sync(&ctx);
        if self.view.presentation != self.fullscreen {
            // The committee sees the chart, not a title bar saying "Unsaved case *".
            self.fullscreen = self.view.presentation;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
        let title = self.doc.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The one place the case is compared with the analysed one: a change gets a new
    /// revision, a new analysis (so no view can mix figures of two revisions), an undo step
    /// once the user is not mid-interaction, and an autosave.
    fn sync(&mut self, ctx: &egui::Context) {
        // The scenario shown is held by name, so deleting or moving another leaves it shown; one
        // that is no longer there (deleted, or undone) gives way to the central one.
        let scenario = self
            .view
            .scenario
            .as_ref()
            .and_then(|name| self.doc.case.scenarios.iter().position(|s| s.name == *name));
        if scenario.is_none() {
            self.view.scenario = None;
        }
        let case_changed = self.doc.case != *self.analysis.case();
        let scenario_changed = scenario != self.analysis.scenario();
        if case_changed || scenario_changed {
            let was_recorded = self.recorded == self.revision;
            self.revision += 1;
            self.analysis = Analysis::new(&self.doc.case, self.revision, scenario);
            self.analyses += 1;
            if case_changed {
                self.doc.refresh_dirty();
                self.files
                    .autosave(&self.doc.case, self.doc.is_dirty(), self.doc.path());
            } else if was_recorded {
                // Another scenario shown is not an edit: no undo step.
                self.recorded = self.revision;
            }
            ctx.request_repaint();
        }
        // Fields reach the case only when committed, so a change made while a field has the
        // focus (Tab from one cell to the next) is a whole edit: a step of its own. A drag is
        // one step, recorded when it ends.
        let interacting = ctx.input(|i| i.pointer.any_down());
        if self.recorded != self.revision && !interacting {
            self.history.record(&self.doc.case);
            self.recorded = self.revision;
        }
    }
}

impl eframe::App for SharecaseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.fit_the_screen(ui.ctx());
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(
            settings::KEY,
            settings::Remembered::of(&self.view).to_text(),
        );
    }
}

impl SharecaseApp {
    /// Puts back the theme, money unit and basis the user left the app with.
    fn remember(&mut self, storage: Option<&dyn eframe::Storage>, ctx: &egui::Context) {
        if let Some(remembered) = storage
            .and_then(|s| s.get_string(settings::KEY))
            .and_then(|text| settings::Remembered::from_text(&text))
        {
            remembered.apply(&mut self.view);
            theme::set_dark(ctx, self.view.dark);
        }
    }

    /// A window as large as the screen it opened on, or larger (the default size on a
    /// laptop), is maximised, so the status bar and every control are on screen.
    fn fit_the_screen(&mut self, ctx: &egui::Context) {
        if self.fitted >= FIT_TRIES {
            return;
        }
        self.fitted += 1;
        let (monitor, outer) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().outer_rect));
        if let (Some(monitor), Some(outer)) = (monitor, outer) {
            self.fitted = FIT_TRIES;
            // The window system may shrink the window to the screen and still hang its title
            // bar above it: a window as large as the screen is taken as too large.
            if outer.width() >= monitor.x - 1.0 || outer.height() >= monitor.y - 1.0 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
            }
        }
    }
}

/// Frames to wait for the window system to say how large the screen is.
const FIT_TRIES: u8 = 10;

/// Opens the window on `path`, or on the built-in example case.
///
/// # Errors
/// When the file cannot be read, or the window cannot be created.
pub fn run(path: Option<&Path>) -> anyhow::Result<()> {
    let doc = match path {
        Some(path) => Document::opened(
            case::load(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
            path.to_owned(),
        ),
        None => Document::unsaved(case::example::case()),
    };
    let icon = eframe::icon_data::from_png_bytes(theme::ICON_PNG).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1400.0, 880.0])
        .with_min_inner_size([900.0, 600.0])
        .with_title(doc.window_title())
        .with_app_id("sharecase");
    if let Some(icon) = icon {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let data_dir = Files::default_data_dir();
    let options = eframe::NativeOptions {
        viewport,
        // The window's size and place, and the settings in `settings`, beside the autosave.
        persistence_path: data_dir.as_ref().map(|d| d.join("window.ron")),
        ..Default::default()
    };
    eframe::run_native(
        "Sharecase",
        options,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx, false);
            let mut app = SharecaseApp::new(doc, data_dir);
            app.remember(cc.storage, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

/// Sets up fonts and theme on a context (for tests and tools that drive the app headless).
pub fn install_theme(ctx: &egui::Context) {
    theme::install(ctx, false);
}
