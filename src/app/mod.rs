//! The desktop app: edit a case, see its results, show them to a committee.
//!
//! It edits the model ([`crate::case`]) and shows results from [`crate::engine`]; it never
//! computes a financial figure itself. Results are recomputed when the case changes, not
//! every frame. Each view is its own small module under `views/`.

mod command;
mod document;
mod fields;
mod files;
mod history;
mod risk_run;
mod theme;
mod views;

pub use command::{ChartRef, Command};
pub use document::Document;
pub use history::History;

use crate::case::{self, Case, Problem};
use crate::engine::{self, CaseResults};
use crate::format::MoneyStyle;
use crate::report::chart::Basis;
use files::{Done, Files};
use std::path::{Path, PathBuf};

/// The tabs of the main view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// The selected option's lines, to edit.
    #[default]
    Lines,
    /// Every option's payback curve.
    Payback,
    /// Investment against savings, by year and category.
    Flows,
    /// Each partner's payback for the selected option.
    Partners,
    /// Options side by side.
    Compare,
    /// The selected option's yearly table.
    Yearly,
    /// Tornado, switching values and Monte Carlo.
    Sensitivity,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Self; 7] = [
        Self::Lines,
        Self::Payback,
        Self::Flows,
        Self::Partners,
        Self::Compare,
        Self::Yearly,
        Self::Sensitivity,
    ];

    /// The tab's title.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Lines => "Lines",
            Self::Payback => "Payback",
            Self::Flows => "Investment and savings",
            Self::Partners => "Partners",
            Self::Compare => "Options compared",
            Self::Yearly => "Yearly table",
            Self::Sensitivity => "Sensitivity and risk",
        }
    }
}

/// How the case is being looked at: nothing here is saved in the case.
#[derive(Debug, Clone)]
pub struct ViewState {
    /// The option whose lines and figures are shown.
    pub option: usize,
    /// The open tab.
    pub tab: Tab,
    /// Pounds, thousands or millions.
    pub money: MoneyStyle,
    /// Cash or discounted curves.
    pub basis: Basis,
    /// One chart filling the window.
    pub presentation: bool,
    /// Dark theme.
    pub dark: bool,
    /// The line whose details are open.
    pub line: Option<usize>,
    /// The tornado by category rather than by line.
    pub tornado_by_category: bool,
    /// Which outcome the risk charts show: 0 the option, then each partner.
    pub risk_entity: usize,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            option: 0,
            tab: Tab::Payback,
            money: MoneyStyle::Pounds,
            basis: Basis::Cash,
            presentation: false,
            dark: false,
            line: None,
            tornado_by_category: false,
            risk_entity: 0,
        }
    }
}

/// Results for the case as it stands, recomputed only when it changes.
pub struct Results {
    computed_for: Option<Case>,
    outcome: Result<CaseResults, Vec<Problem>>,
    computations: u64,
}

impl Results {
    fn new() -> Self {
        Self {
            computed_for: None,
            outcome: Err(Vec::new()),
            computations: 0,
        }
    }

    /// Recomputes if `case` differs from the case last computed.
    fn refresh(&mut self, case: &Case) {
        if self.computed_for.as_ref() != Some(case) {
            self.outcome = engine::compute(case);
            self.computed_for = Some(case.clone());
            self.computations += 1;
        }
    }

    /// The results, when the case is valid.
    #[must_use]
    pub fn get(&self) -> Option<&CaseResults> {
        self.outcome.as_ref().ok()
    }

    /// The problems, when it is not.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        self.outcome.as_ref().err().map_or(&[], Vec::as_slice)
    }

    /// How many times the engine has run (an idle frame adds none).
    #[must_use]
    pub fn computations(&self) -> u64 {
        self.computations
    }
}

/// A question or message the user must answer before going on.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// Unsaved changes would be lost by `then`.
    Unsaved {
        /// What to do once the user has decided.
        then: Command,
    },
    /// Work autosaved before a crash can be brought back.
    Recover(Box<Case>),
    /// Something the user should know.
    Message(String),
    /// Choose what to export and where.
    Export(ExportChoice),
    /// What an export wrote, and where.
    Exported(ExportDone),
    /// Lines read from a spreadsheet, shown before they are applied.
    Import(ImportPreview),
    /// No native dialog could be shown: type the path of the lines file.
    TypeImportPath(String),
    /// No native dialog could be shown: type the path instead.
    TypePath {
        /// True to save there, false to open.
        save: bool,
        /// The path as typed.
        text: String,
    },
}

/// The choices of the export dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportChoice {
    /// Each format, and whether it is ticked.
    pub formats: Vec<(crate::export::Format, bool)>,
    /// Only the selected option, rather than every option.
    pub only_selected: bool,
    /// The folder, as shown and typed.
    pub folder: String,
    /// True while the files are being written.
    pub running: bool,
}

/// What an export wrote, kept to show the user which files to attach to the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDone {
    /// The folder the files are in.
    pub folder: PathBuf,
    /// Each file's name and size in bytes, in the order written.
    pub files: Vec<(String, usize)>,
}

/// Lines read from a file, waiting for the user to apply them.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// The file.
    pub path: PathBuf,
    /// The option they go into.
    pub option: usize,
    /// The lines, or every problem found in the file.
    pub read: Result<Vec<case::Line>, Vec<String>>,
    /// Replace the option's lines rather than add to them.
    pub replace: bool,
    /// Problems the case would have with them, found when applying.
    pub problems: Vec<String>,
}

/// The whole app.
pub struct SharecaseApp {
    /// The case being edited.
    pub doc: Document,
    /// Undo and redo.
    pub history: History,
    /// Results of the case as it stands.
    pub results: Results,
    /// The sensitivity and risk analysis, run in the background.
    pub risk: risk_run::RiskRun,
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
}

impl SharecaseApp {
    /// The app on `doc`, keeping its own files (autosave, recent) in `data_dir`.
    #[must_use]
    pub fn new(doc: Document, data_dir: Option<PathBuf>) -> Self {
        let files = Files::new(data_dir);
        let dialog = files.recoverable().map(|c| Dialog::Recover(Box::new(c)));
        let mut results = Results::new();
        results.refresh(&doc.case);
        Self {
            history: History::new(&doc.case),
            doc,
            results,
            risk: risk_run::RiskRun::default(),
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

    /// One frame: the whole window inside `ui`.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = ctx.clone();
        self.queued.extend(command::from_keyboard(&ctx));
        self.handle_files();
        self.results.refresh(&self.doc.case);
        if self.view.presentation {
            views::presentation::show(self, ui);
        } else {
            views::main(self, ui);
        }
        views::dialogs::show(self, &ctx);
        self.handle_close_request(&ctx);
        let commands = std::mem::take(&mut self.queued);
        for command in commands {
            self.execute(&ctx, command);
        }
        let interacting =
            ctx.input(|i| i.pointer.any_down()) || ctx.memory(|m| m.focused().is_some());
        if !interacting {
            self.history.record(&self.doc.case);
        }
        self.results.refresh(&self.doc.case);
        self.files.autosave(&self.doc.case, self.doc.is_dirty());
        let title = self.doc.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn clamp_selection(&mut self) {
        let options = self.doc.case.options.len();
        self.view.option = self.view.option.min(options.saturating_sub(1));
        let lines = self
            .doc
            .case
            .options
            .get(self.view.option)
            .map_or(0, |o| o.lines.len());
        if self.view.line.is_some_and(|l| l >= lines) {
            self.view.line = None;
        }
    }

    fn needs_confirmation(&mut self) -> bool {
        !std::mem::take(&mut self.confirmed) && self.doc.is_dirty()
    }

    fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New | Command::Open | Command::OpenPath(_) | Command::Quit
                if self.dialog.is_none() && self.needs_confirmation() =>
            {
                self.dialog = Some(Dialog::Unsaved { then: command });
            }
            Command::New => {
                let year = self.doc.case.first_year;
                self.replace(Document::unsaved(Case::blank(year)));
            }
            Command::Open => {
                let folder = self.doc.path().and_then(Path::parent).map(Path::to_owned);
                self.files.open_dialog(ctx, folder);
            }
            Command::OpenPath(path) => self.files.open_path(ctx, path),
            Command::Save => match self.doc.path() {
                Some(path) => {
                    let path = path.to_owned();
                    self.files.save(ctx, self.doc.case.clone(), path);
                }
                None => self.execute(ctx, Command::SaveAs),
            },
            Command::SaveAs => {
                let suggested = format!("{}.sharecase.json", self.doc.case.title);
                self.files.save_dialog(ctx, suggested);
            }
            Command::Undo => {
                self.history.undo(&mut self.doc.case);
                self.clamp_selection();
            }
            Command::Redo => {
                self.history.redo(&mut self.doc.case);
                self.clamp_selection();
            }
            Command::AddOption => {
                let name = self.doc.case.new_option_name();
                let at = (self.view.option + 1).min(self.doc.case.options.len());
                self.doc
                    .case
                    .options
                    .insert(at, case::CaseOption::named(&name));
                self.view.option = at;
                self.view.tab = Tab::Lines;
            }
            Command::DuplicateOption => {
                if let Some(option) = self.doc.case.options.get(self.view.option).cloned() {
                    let mut copy = option;
                    copy.name = self.doc.case.copy_name(self.view.option);
                    self.doc.case.options.insert(self.view.option + 1, copy);
                    self.view.option += 1;
                }
            }
            Command::DeleteOption => {
                if self.doc.case.options.len() > 1 {
                    self.doc.case.options.remove(self.view.option);
                    self.status = "Option deleted: Undo (Ctrl+Z) brings it back.".into();
                } else {
                    self.dialog = Some(Dialog::Message(
                        "A case needs at least one option, so the last one cannot be deleted."
                            .into(),
                    ));
                }
            }
            Command::MoveOptionUp => {
                if self.view.option > 0 {
                    self.doc
                        .case
                        .options
                        .swap(self.view.option, self.view.option - 1);
                    self.view.option -= 1;
                }
            }
            Command::MoveOptionDown => {
                if self.view.option + 1 < self.doc.case.options.len() {
                    self.doc
                        .case
                        .options
                        .swap(self.view.option, self.view.option + 1);
                    self.view.option += 1;
                }
            }
            Command::AddLine => {
                if let Some(option) = self.doc.case.options.get_mut(self.view.option) {
                    let name = format!("New line {}", option.lines.len() + 1);
                    option.lines.push(case::Line::new_saving(&name));
                    self.view.line = Some(option.lines.len() - 1);
                    self.view.tab = Tab::Lines;
                }
            }
            Command::Presentation => self.view.presentation = !self.view.presentation,
            Command::ToggleTheme => {
                self.view.dark = !self.view.dark;
                theme::set_dark(ctx, self.view.dark);
            }
            Command::Export => {
                if self.results.get().is_none() {
                    self.dialog = Some(Dialog::Message(
                        "Fix the problems listed first: an export shows the figures, and there are none while the case has problems.".into(),
                    ));
                } else {
                    let folder = files::default_folder(self.doc.path());
                    self.dialog = Some(Dialog::Export(ExportChoice {
                        formats: crate::export::Format::ALL
                            .into_iter()
                            .map(|f| (f, true))
                            .collect(),
                        only_selected: false,
                        folder: folder.join("committee paper").display().to_string(),
                        running: false,
                    }));
                }
            }
            Command::ImportLines => {
                let folder = files::default_folder(self.doc.path());
                self.files.import_dialog(ctx, folder, self.doc.case.clone());
            }
            Command::SaveChart(which, format) => {
                if let Some(chart) = self.chart(which) {
                    let folder = files::default_folder(self.doc.path());
                    self.files.save_chart(ctx, chart, format, folder);
                }
            }
            Command::Quit => {
                self.files.clear_autosave();
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        self.clamp_selection();
    }

    /// The chart `which`, built from the results the window shows.
    fn chart(&self, which: ChartRef) -> Option<crate::export::NamedChart> {
        use crate::export::{Chart, NamedChart, slug};
        use crate::report::chart;
        let results = self.results.get()?;
        let rate = self.doc.case.discount_rate;
        Some(match which {
            ChartRef::OptionsPayback(basis) => NamedChart {
                stem: format!(
                    "{}-payback-{}",
                    slug(&self.doc.case.title),
                    if basis == Basis::Cash {
                        "cash"
                    } else {
                        "discounted"
                    }
                ),
                chart: Chart::Payback(chart::options_payback(
                    results,
                    basis,
                    &self.doc.case.title,
                    rate,
                )),
            },
            ChartRef::Flows(option) => {
                let option = results.options.get(option)?;
                NamedChart {
                    stem: format!("{}-flows", slug(&option.name)),
                    chart: Chart::Flows(chart::flows_chart(results, option)),
                }
            }
            ChartRef::Partners(option, basis) => {
                let option = results.options.get(option)?;
                NamedChart {
                    stem: format!("{}-partners", slug(&option.name)),
                    chart: Chart::Payback(chart::partners_payback(results, option, basis, rate)),
                }
            }
        })
    }

    /// Reads a lines file named directly (where no dialog can be shown, and for tests).
    pub fn import_from(&mut self, path: PathBuf) {
        let case = self.doc.case.clone();
        self.files.import_path(&self.ctx, path, case);
    }

    /// The case with the previewed lines applied, or the problems it would then have.
    /// Nothing changes until the user applies, and only a valid case is applied.
    fn apply_import(&mut self, preview: &ImportPreview) -> Result<usize, Vec<String>> {
        let Ok(lines) = &preview.read else {
            return Err(Vec::new());
        };
        let case = crate::import::apply(&self.doc.case, preview.option, lines, preview.replace)?;
        self.doc.case = case;
        self.view.option = preview.option;
        self.view.line = None;
        self.view.tab = Tab::Lines;
        Ok(lines.len())
    }

    /// Starts writing the export chosen in the dialog.
    fn start_export(&mut self, choice: &ExportChoice) {
        let Some(results) = self.results.get() else {
            return;
        };
        let formats: Vec<_> = choice
            .formats
            .iter()
            .filter(|(_, on)| *on)
            .map(|(f, _)| *f)
            .collect();
        let name = self
            .doc
            .case
            .options
            .get(self.view.option)
            .map(|o| o.name.clone());
        let only = if choice.only_selected {
            name.as_deref()
        } else {
            None
        };
        let Ok((case, results)) = crate::export::select(&self.doc.case, results, only) else {
            return;
        };
        self.files.export(
            &self.ctx,
            files::ExportJob {
                case,
                results,
                dir: PathBuf::from(choice.folder.trim()),
                formats,
                provenance: crate::export::Provenance {
                    file: self
                        .doc
                        .path()
                        .and_then(Path::file_name)
                        .map(|n| n.to_string_lossy().into_owned()),
                    date: crate::export::today(),
                },
            },
        );
    }

    /// Replaces the open case (after New or Open), with fresh history.
    fn replace(&mut self, doc: Document) {
        self.history = History::new(&doc.case);
        self.doc = doc;
        self.view.option = 0;
        self.view.line = None;
        self.files.clear_autosave();
    }

    fn handle_files(&mut self) {
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
                Done::ImportRead(path, read) => {
                    self.dialog = Some(Dialog::Import(ImportPreview {
                        path,
                        option: self.view.option,
                        read,
                        replace: false,
                        problems: Vec::new(),
                    }));
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

    fn handle_close_request(&mut self, ctx: &egui::Context) {
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

impl eframe::App for SharecaseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}

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
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let data_dir = Files::default_data_dir();
    eframe::run_native(
        "Sharecase",
        options,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx, false);
            Ok(Box::new(SharecaseApp::new(doc, data_dir)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

/// Sets up fonts and theme on a context (for tests and tools that drive the app headless).
pub fn install_theme(ctx: &egui::Context) {
    theme::install(ctx, false);
}
