//! The views: each a small module with one `show` function that edits the model or reads
//! the results, never computing a figure.

mod budget;
pub mod charts;
pub mod dialogs;
mod grid;
mod header;
mod lines;
mod menu;
mod navigator;
mod presentation;
mod scenarios;
mod sensitivity;
mod tables;

use super::theme::Palette;
use super::{Command, SharecaseApp, Tab};
use crate::analysis::{Analysis, OptionState};
use crate::case::Problem;
use crate::engine::OptionResults;

/// What a view may touch: the case to edit, the analysis of it to read (one revision, made
/// before the frame), how it is being looked at, and the commands it asks for. Nothing else
/// of the app (files, dialogs, history) is within a view's reach.
pub struct Ctx<'a> {
    /// The case, to edit in place.
    pub case: &'a mut crate::case::Case,
    /// The figures of the case as it stood when the frame began.
    pub analysis: &'a Analysis,
    /// Which option, tab and units are shown.
    pub view: &'a mut super::ViewState,
    /// Commands to run after the frame's UI pass.
    pub commands: &'a mut Vec<Command>,
}

/// The main window: menu, navigator, the selected option's header and tabs, status bar.
pub fn main(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| menu::show(app, ui));
    egui::Panel::bottom("status").show(ui, |ui| status(app, ui));
    let risk = &mut app.risk;
    let sensitivity_run = &mut app.sensitivity;
    let mut cx = Ctx {
        case: &mut app.doc.case,
        analysis: &app.analysis,
        view: &mut app.view,
        commands: &mut app.queued,
    };
    egui::Panel::left("navigator")
        .resizable(true)
        .default_size(310.0)
        .min_size(240.0)
        .show(ui, |ui| navigator::show(&mut cx, ui));
    egui::CentralPanel::default().show(ui, |ui| {
        header::show(&mut cx, ui);
        ui.add_space(4.0);
        // Wrapped, so a narrow window shows every tab on two rows rather than losing some.
        ui.horizontal_wrapped(|ui| {
            for (n, tab) in Tab::ALL.into_iter().enumerate() {
                ui.selectable_value(&mut cx.view.tab, tab, tab.label())
                    .on_hover_text(format!("Ctrl+{}", n + 1));
            }
        });
        // Ctrl+1 to Ctrl+9 open the tabs in order, as in a browser.
        const KEYS: [egui::Key; 9] = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
            egui::Key::Num6,
            egui::Key::Num7,
            egui::Key::Num8,
            egui::Key::Num9,
        ];
        for (key, tab) in KEYS.into_iter().zip(Tab::ALL) {
            let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key);
            if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                cx.view.tab = tab;
            }
        }
        ui.separator();
        match cx.view.tab {
            Tab::Lines => lines::show(&mut cx, ui),
            Tab::Payback => charts::payback_tab(&mut cx, ui),
            Tab::Flows => charts::flows_tab(&mut cx, ui),
            Tab::Partners => tables::partners_tab(&mut cx, ui),
            Tab::Compare => tables::compare_tab(&mut cx, ui),
            Tab::Scenarios => scenarios::show(&mut cx, ui),
            Tab::Budget => budget::show(&mut cx, ui),
            Tab::Yearly => tables::yearly_tab(&mut cx, ui),
            Tab::Sensitivity => sensitivity::show(&mut cx, risk, sensitivity_run, ui),
        }
    });
}

/// The presentation view, with the same narrow reach as the main views.
pub fn presentation(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    let mut cx = Ctx {
        case: &mut app.doc.case,
        analysis: &app.analysis,
        view: &mut app.view,
        commands: &mut app.queued,
    };
    presentation::show(&mut cx, ui);
}

fn status(app: &SharecaseApp, ui: &mut egui::Ui) {
    let palette = Palette::of(ui);
    ui.horizontal(|ui| {
        let problems = app.analysis.problems().len();
        if let Some(first) = app.unread_fields.first() {
            let more = app.unread_fields.len() - 1;
            ui.colored_label(
                palette.error,
                if more == 0 {
                    format!("{first} (not in the figures until it is put right)")
                } else {
                    format!(
                        "{first}, and {} more: not in the figures until put right",
                        plural(more, "field")
                    )
                },
            );
            ui.separator();
        }
        if problems == 0 && app.unread_fields.is_empty() {
            ui.colored_label(palette.good, "Case valid: figures up to date");
        } else if problems == 0 {
            ui.colored_label(palette.good, "Case valid");
        } else if app.analysis.results().is_some() {
            ui.colored_label(
                palette.warning,
                format!(
                    "{problems} problem{} to put right: options with problems show no figures",
                    if problems == 1 { "" } else { "s" }
                ),
            );
        } else {
            ui.colored_label(
                palette.error,
                format!(
                    "{problems} problem{} to put right before figures can be shown",
                    if problems == 1 { "" } else { "s" }
                ),
            );
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

/// The figures of option `option`, or `None` after saying, where the figures would be, why
/// there are none: its own problems (each with a button to the field), the case's, or that
/// it has no lines yet.
pub fn option_figures<'a>(
    ui: &mut egui::Ui,
    analysis: &'a Analysis,
    option: usize,
    commands: &mut Vec<Command>,
) -> Option<&'a OptionResults> {
    match analysis.option_state(option) {
        OptionState::Figures(figures) => Some(figures),
        OptionState::NoLines => {
            let has_lines = analysis
                .case()
                .options
                .get(option)
                .is_some_and(|o| !o.lines.is_empty());
            ui.label(if has_lines {
                "This option's lines have no amounts in any year yet, so it has no figures: enter them on the Lines tab."
            } else {
                "This option has no lines yet, so it has no figures: add its costs and savings on the Lines tab (Add line, Ctrl+L)."
            });
            None
        }
        OptionState::Problems(problems) => {
            let palette = Palette::of(ui);
            ui.colored_label(
                palette.error,
                format!(
                    "This option has {} to put right before its figures can be shown (the other options keep theirs):",
                    plural(problems.len(), "problem")
                ),
            );
            problem_list(ui, &problems, commands);
            None
        }
        OptionState::CaseProblems => {
            case_problem_list(ui, analysis, commands);
            None
        }
    }
}

/// The case's own problems, which stop every figure, listed where the figures would be.
pub fn case_problem_list(ui: &mut egui::Ui, analysis: &Analysis, commands: &mut Vec<Command>) {
    let problems: Vec<&Problem> = analysis.case_problems().collect();
    let palette = Palette::of(ui);
    if problems.is_empty() {
        let broken = analysis.left_out().filter(|(_, broken)| *broken).count();
        ui.colored_label(
            palette.error,
            if broken == 0 {
                "No option has lines yet: add costs and savings on the Lines tab (Add line, Ctrl+L)."
            } else {
                "No option has figures yet: each has problems to put right or no lines (see each option's Lines tab)."
            },
        );
        return;
    }
    ui.colored_label(
        palette.error,
        format!(
            "The case settings (left) have {} to put right before any figure can be shown:",
            plural(problems.len(), "problem")
        ),
    );
    problem_list(ui, &problems, commands);
}

/// Problems of the risk settings, which stop only this tab: the settings above are where
/// they are put right.
pub fn risk_problem_list(ui: &mut egui::Ui, problems: &[&Problem]) {
    let palette = Palette::of(ui);
    ui.colored_label(
        palette.error,
        "The risk settings above need putting right before the sensitivity and risk analysis can be made (every other figure stands):",
    );
    for problem in problems {
        ui.colored_label(palette.error, &problem.message);
    }
}

/// Each problem in words, with a button to the option or line it is in.
fn problem_list(ui: &mut egui::Ui, problems: &[&Problem], commands: &mut Vec<Command>) {
    let palette = Palette::of(ui);
    egui::ScrollArea::vertical()
        .id_salt("problem-list")
        .max_height(160.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for problem in problems {
                ui.horizontal_wrapped(|ui| {
                    let place = problem_place(problem);
                    ui.colored_label(
                        palette.error,
                        if place.is_empty() {
                            problem.message.clone()
                        } else {
                            format!("{place}: {}", problem.message)
                        },
                    );
                    if let Some(option) = problem.option
                        && ui
                            .small_button(match problem.line {
                                Some(l) => format!("Go to line {}", l + 1),
                                None => "Go to the option".to_owned(),
                            })
                            .clicked()
                    {
                        commands.push(Command::GoTo {
                            option,
                            line: problem.line,
                        });
                    }
                });
            }
        });
}

/// Where a problem is, in the user's words: the line's number and name, if it is in one.
fn problem_place(problem: &Problem) -> String {
    match problem.place.split_once(", line ") {
        Some((_, line)) => format!("Line {line}"),
        None => String::new(),
    }
}

/// Options left out of a view of every option, and why: each with its first problem in
/// words and a button to it, or that nothing is entered in it yet.
pub fn left_out_note(ui: &mut egui::Ui, analysis: &Analysis, commands: &mut Vec<Command>) {
    if analysis.results().is_none() {
        return;
    }
    let palette = Palette::of(ui);
    for (i, option) in analysis.case().options.iter().enumerate() {
        if analysis.computed_index(i).is_some() {
            continue;
        }
        let problems: Vec<&Problem> = analysis.option_problems(i).collect();
        ui.horizontal_wrapped(|ui| {
            let Some(first) = problems.first() else {
                ui.colored_label(
                    palette.warning,
                    format!("Not shown: {} (nothing entered yet)", option.name),
                );
                return;
            };
            let place = problem_place(first);
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more)", plural(n - 1, "problem")),
            };
            ui.colored_label(
                palette.error,
                format!(
                    "Not shown: {}, until {}{}{}{more} is put right",
                    option.name,
                    place,
                    if place.is_empty() { "" } else { ": " },
                    first.message
                ),
            );
            if ui
                .small_button(match first.line {
                    Some(l) => format!("Go to line {}", l + 1),
                    None => "Go to the option".to_owned(),
                })
                .clicked()
            {
                commands.push(Command::GoTo {
                    option: i,
                    line: first.line,
                });
            }
        });
    }
}

/// `n thing` or `n things`.
#[must_use]
pub fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}
