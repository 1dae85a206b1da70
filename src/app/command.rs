//! Every user command, with its label and keyboard shortcut, so menus, buttons and keys agree.
//! Views push commands; they run after the frame's UI pass.

use crate::report::chart::Basis;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// A user command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// A new, empty case.
    New,
    /// Choose a case file to open.
    Open,
    /// Open a file named directly (recent files).
    OpenPath(PathBuf),
    /// Save to the case's file, or ask for one.
    Save,
    /// Ask for a file and save there.
    SaveAs,
    /// Undo the last change.
    Undo,
    /// Redo the change undone.
    Redo,
    /// Add an option after the selected one.
    AddOption,
    /// Copy the selected option.
    DuplicateOption,
    /// Delete the selected option.
    DeleteOption,
    /// Move the selected option up the list.
    MoveOptionUp,
    /// Move the selected option down the list.
    MoveOptionDown,
    /// Add a line to the selected option.
    AddLine,
    /// Show one chart filling the window, for a committee.
    Presentation,
    /// Light or dark.
    ToggleTheme,
    /// Leave Sharecase.
    Quit,
    /// Choose formats and a folder, and write the committee paper's files.
    Export,
    /// Read lines from a CSV or XLSX file into the selected option, after a preview.
    ImportLines,
    /// Save one chart as an image.
    SaveChart(ChartRef, crate::export::Format),
    /// Delete line `n` of the selected option.
    DeleteLine(usize),
    /// Show an option's lines (and a line's details), where a problem is to be put right.
    GoTo {
        /// The option.
        option: usize,
        /// The line whose details to open.
        line: Option<usize>,
    },
    /// Bring back the work found in the autosave.
    RecoverWork,
    /// Throw away the work found in the autosave.
    DiscardRecovered,
    /// Fund every capital investment line of the selected option from one source.
    FundCapital(crate::case::Funding),
    /// Change the case's prices, asking whether to convert the amounts when lines follow them.
    ChangePrices(crate::case::PriceBasis),
    /// Set the case's prices, converting the amounts (so the figures stay the same) or not.
    SetPrices {
        /// The new prices.
        to: crate::case::PriceBasis,
        /// Convert the amounts rather than keep them as typed.
        convert: bool,
    },
}

/// Which chart, so a command can rebuild it from the results when it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartRef {
    /// Every option's payback.
    OptionsPayback(Basis),
    /// Every option's payback against the baseline.
    OptionsAgainst(Basis),
    /// Investment against savings of an option.
    Flows(usize),
    /// Each partner's payback for an option.
    Partners(usize, Basis),
}

impl Command {
    /// The words on menus and buttons.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open...",
            Self::OpenPath(_) => "Open",
            Self::Save => "Save",
            Self::SaveAs => "Save as...",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::AddOption => "Add option",
            Self::DuplicateOption => "Duplicate option",
            Self::DeleteOption => "Delete option",
            Self::MoveOptionUp => "Move option up",
            Self::MoveOptionDown => "Move option down",
            Self::AddLine => "Add line",
            Self::Presentation => "Presentation view",
            Self::ToggleTheme => "Dark theme",
            Self::Quit => "Quit",
            Self::Export => "Export...",
            Self::ImportLines => "Import lines...",
            Self::SaveChart(_, crate::export::Format::Svg) => "Save chart as SVG...",
            Self::SaveChart(..) => "Save chart as PNG...",
            Self::DeleteLine(_) => "Delete line",
            Self::GoTo { .. } => "Go to",
            Self::RecoverWork => "Recover",
            Self::DiscardRecovered => "Discard",
            Self::ChangePrices(_) => "Change prices",
            Self::FundCapital(_) => "Fund all capital",
            Self::SetPrices { convert: true, .. } => "Convert the amounts",
            Self::SetPrices { convert: false, .. } => "Keep the amounts as typed",
        }
    }

    /// The keyboard shortcut, if the command has one.
    #[must_use]
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        let shifted = |key| {
            Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                key,
            ))
        };
        match self {
            Self::New => command(Key::N),
            Self::Open => command(Key::O),
            Self::Save => command(Key::S),
            Self::SaveAs => shifted(Key::S),
            Self::Undo => command(Key::Z),
            Self::Redo => shifted(Key::Z),
            Self::AddLine => command(Key::L),
            Self::DuplicateOption => command(Key::D),
            Self::Presentation => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5)),
            Self::Quit => command(Key::Q),
            Self::Export => command(Key::E),
            _ => None,
        }
    }

    /// Commands with shortcuts, the shifted ones first so Ctrl+Shift+S is not read as Ctrl+S.
    #[must_use]
    pub fn with_shortcuts() -> Vec<Self> {
        vec![
            Self::SaveAs,
            Self::Redo,
            Self::New,
            Self::Open,
            Self::Save,
            Self::Undo,
            Self::AddLine,
            Self::DuplicateOption,
            Self::Presentation,
            Self::Export,
            Self::Quit,
        ]
    }
}

/// Reads this frame's shortcuts, including Ctrl+Y for redo.
#[must_use]
///
/// While a field is being typed in, undo and redo belong to the field (as in a spreadsheet's
/// cell): the case's undo would otherwise step back an edit made elsewhere while the text
/// typed stayed in the field.
pub fn from_keyboard(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut found = Vec::new();
    ctx.input_mut(|input| {
        for command in Command::with_shortcuts() {
            if typing && matches!(command, Command::Undo | Command::Redo) {
                continue;
            }
            if let Some(shortcut) = command.shortcut()
                && input.consume_shortcut(&shortcut)
            {
                found.push(command);
            }
        }
        if !typing && input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)) {
            found.push(Command::Redo);
        }
    });
    found
}
