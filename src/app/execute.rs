//! Commands, run after the frame's UI pass: every structural change to the case (options,
//! lines, recovering work) and every file operation starts here.

use super::files;
use super::state::{Dialog, ExportChoice, ImportPreview, Tab};
use super::{ChartRef, Command, Document, History, SharecaseApp, theme};
use crate::case::{self, Case};
use crate::report::chart::Basis;
use std::path::{Path, PathBuf};

impl SharecaseApp {
    pub(super) fn clamp_selection(&mut self) {
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

    pub(super) fn needs_confirmation(&mut self) -> bool {
        !std::mem::take(&mut self.confirmed) && self.doc.is_dirty()
    }

    pub(super) fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New | Command::Open | Command::OpenPath(_) | Command::Quit
                if self.dialog.is_none() && self.needs_confirmation() =>
            {
                self.dialog = Some(Dialog::Unsaved { then: command });
            }
            Command::New => {
                let year = self.doc.case.first_year;
                self.replace(Document::unsaved(Case::blank(year)));
                self.dialog = Some(Dialog::NewCasePrices);
            }
            Command::FundCapital(source) => {
                if let Some(option) = self.doc.case.options.get_mut(self.view.option) {
                    let mut count = 0;
                    for line in option
                        .lines
                        .iter_mut()
                        .filter(|l| l.kind == crate::case::LineKind::CapitalInvestment)
                    {
                        line.funding =
                            (source != crate::case::Funding::Borrowing).then_some(source);
                        count += 1;
                    }
                    self.status = format!(
                        "{count} capital line{} now funded: {}.",
                        if count == 1 { "" } else { "s" },
                        source.label().to_lowercase()
                    );
                }
            }
            Command::ChangePrices(to) => {
                if self.doc.case.lines_following_prices() == 0 {
                    self.doc.case.set_prices(to, false);
                } else {
                    self.dialog = Some(Dialog::ChangePrices(to));
                }
            }
            Command::SetPrices { to, convert } => {
                self.doc.case.set_prices(to, convert);
                self.status = if convert {
                    format!("Amounts converted to {to}; the figures are unchanged.")
                } else {
                    format!("Amounts kept as typed, now read in {to}.")
                };
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
                    self.doc.case.remove_option(self.view.option);
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
                    let mut line = case::Line::new_saving(&name);
                    line.sharing = option.usual_sharing();
                    option.lines.push(line);
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
                if self.analysis.results().is_none() {
                    self.dialog = Some(Dialog::Message(
                        "There are no figures to export yet: the problems listed under the tabs stop every option's figures. Put them right, then export.".into(),
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
                self.files.import_dialog(ctx, folder);
            }
            Command::SaveChart(which, format) => {
                if let Some(chart) = self.chart(which) {
                    let folder = files::default_folder(self.doc.path());
                    self.files.save_chart(ctx, chart, format, folder);
                }
            }
            Command::DeleteLine(l) => {
                if let Some(option) = self.doc.case.options.get_mut(self.view.option)
                    && l < option.lines.len()
                {
                    option.lines.remove(l);
                    self.view.line = None;
                    self.status = "Line deleted: Undo (Ctrl+Z) brings it back.".into();
                }
            }
            Command::GoTo { option, line } => {
                if option < self.doc.case.options.len() {
                    self.view.option = option;
                    self.view.line = line;
                    self.view.tab = Tab::Lines;
                }
            }
            Command::RecoverWork => {
                if let Some(recovered) = self.recovered.take() {
                    let saved = recovered
                        .path
                        .as_deref()
                        .and_then(|p| case::load(p).ok())
                        .unwrap_or_else(|| self.doc.case.clone());
                    self.history = History::new(&recovered.case);
                    self.doc = Document::recovered(recovered.case, recovered.path, saved);
                    self.view.option = 0;
                    self.view.line = None;
                    self.status = "Recovered the unsaved work: save it to keep it.".into();
                }
            }
            Command::DiscardRecovered => {
                self.recovered = None;
                self.files.clear_autosave();
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
    pub(super) fn chart(&self, which: ChartRef) -> Option<crate::export::NamedChart> {
        use crate::export::{Chart, NamedChart, slug};
        use crate::report::chart;
        let (case, results) = self.analysis.computed()?;
        let rate = case.discount_rate;
        Some(match which {
            ChartRef::OptionsPayback(basis) => NamedChart {
                stem: format!(
                    "{}-payback-{}",
                    slug(&case.title),
                    if basis == Basis::Cash {
                        "cash"
                    } else {
                        "discounted"
                    }
                ),
                chart: Chart::Payback(chart::options_payback(results, basis, &case.title, rate)),
            },
            ChartRef::OptionsAgainst(basis) => NamedChart {
                stem: format!(
                    "{}-payback-against-baseline-{}",
                    slug(&case.title),
                    if basis == Basis::Cash {
                        "cash"
                    } else {
                        "discounted"
                    }
                ),
                chart: Chart::Payback(chart::options_payback_against(
                    results,
                    basis,
                    &case.title,
                    rate,
                )?),
            },
            ChartRef::Flows(option) => {
                let option = self.analysis.option(option)?;
                NamedChart {
                    stem: format!("{}-flows", slug(&option.name)),
                    chart: Chart::Flows(chart::flows_chart(results, option)),
                }
            }
            ChartRef::Partners(option, basis) => {
                let option = self.analysis.option(option)?;
                NamedChart {
                    stem: format!("{}-partners", slug(&option.name)),
                    chart: Chart::Payback(chart::partners_payback(results, option, basis, rate)),
                }
            }
        })
    }

    /// Reads a lines file named directly (where no dialog can be shown, and for tests).
    pub fn import_from(&mut self, path: PathBuf) {
        self.files.import_path(&self.ctx, path);
    }

    /// The case with the previewed lines applied, or the problems it would then have.
    /// Nothing changes until the user applies, and only a valid case is applied.
    pub(super) fn apply_import(&mut self, preview: &ImportPreview) -> Result<usize, Vec<String>> {
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
    pub(super) fn start_export(&mut self, choice: &ExportChoice) {
        let Some((case, results)) = self.analysis.computed() else {
            return;
        };
        let formats: Vec<_> = choice
            .formats
            .iter()
            .filter(|(_, on)| *on)
            .map(|(f, _)| *f)
            .collect();
        let name = self
            .analysis
            .option(self.view.option)
            .map(|o| o.name.clone());
        let only = if choice.only_selected {
            name.as_deref()
        } else {
            None
        };
        let Ok((case, results)) = crate::export::select(case, results, only) else {
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
                        .map(|n| n.to_string_lossy().into_owned())
                        .map(|n| {
                            if self.doc.is_dirty() {
                                format!("{n} (with changes not yet saved)")
                            } else {
                                n
                            }
                        }),
                    date: crate::export::today(),
                    left_out: if only.is_some() {
                        Vec::new()
                    } else {
                        self.left_out_words()
                    },
                    sha256: self.case_sha256(),
                },
            },
        );
    }

    /// The SHA-256 of the case file the export's figures come from: the file on disk when it
    /// holds the case as shown, else the case as it would be saved.
    fn case_sha256(&self) -> Option<String> {
        if !self.doc.is_dirty()
            && let Some(bytes) = self.doc.path().and_then(|p| std::fs::read(p).ok())
        {
            return Some(crate::export::sha256_hex(&bytes));
        }
        crate::case::to_json(&self.doc.case)
            .ok()
            .map(|text| crate::export::sha256_hex(text.as_bytes()))
    }

    /// The options an export of every option leaves out, each with why, in words.
    fn left_out_words(&self) -> Vec<String> {
        let analysis = &self.analysis;
        analysis
            .case()
            .options
            .iter()
            .enumerate()
            .filter(|(i, _)| analysis.computed_index(*i).is_none())
            .map(|(i, option)| match analysis.option_problems(i).next() {
                Some(problem) if problem.place.is_empty() => {
                    format!("{}: {}", option.name, problem.message)
                }
                Some(problem) => format!(
                    "{} ({}): {}",
                    option.name,
                    problem.place.split_once(", ").map_or("", |(_, line)| line),
                    problem.message
                ),
                None => format!("{}: nothing entered yet", option.name),
            })
            .collect()
    }

    /// Replaces the open case (after New or Open), with fresh history.
    pub(super) fn replace(&mut self, doc: Document) {
        self.history = History::new(&doc.case);
        self.doc = doc;
        self.view.option = 0;
        self.view.line = None;
        self.files.clear_autosave();
    }
}
