//! What the app holds besides the case: which tab and option are looked at, and the dialog
//! waiting for an answer. Nothing here is saved in the case.

use super::Command;
use crate::case;
use crate::format::MoneyStyle;
use crate::report::chart::Basis;
use std::path::PathBuf;

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
    /// Every option under every scenario, the scenarios to edit, and optimism bias.
    Scenarios,
    /// What the selected option does to each partner's budget, and how it is funded.
    Budget,
    /// The selected option's yearly table.
    Yearly,
    /// Tornado, switching values and Monte Carlo.
    Sensitivity,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Self; 9] = [
        Self::Lines,
        Self::Payback,
        Self::Flows,
        Self::Partners,
        Self::Compare,
        Self::Scenarios,
        Self::Budget,
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
            Self::Scenarios => "Scenarios",
            Self::Budget => "Budget",
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
    /// Cards and payback curves against the case's baseline rather than each option alone.
    pub against: bool,
    /// The scenario every figure is under, by name: `None` for the central one (the case as
    /// entered).
    pub scenario: Option<String>,
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
            against: false,
            scenario: None,
        }
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
    Recover,
    /// Something the user should know.
    Message(String),
    /// Which prices a new case's amounts will be entered in.
    NewCasePrices,
    /// The case's prices are changing: convert the amounts, or keep them as typed?
    ChangePrices(crate::case::PriceBasis),
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
    /// The table as read from the file, when it could be read: its lines are read again
    /// when the user changes the prices.
    pub table: Option<std::sync::Arc<crate::import::Table>>,
    /// The prices the amounts are read in.
    pub prices: case::PriceBasis,
    /// The lines, or every problem found in the file.
    pub read: Result<Vec<case::Line>, Vec<String>>,
    /// Replace the option's lines rather than add to them.
    pub replace: bool,
    /// Problems the case would have with them, found when applying.
    pub problems: Vec<String>,
}

impl ImportPreview {
    /// The preview of `table` (or of the problems reading the file) from `path`, for option
    /// `option` of `case`, with the amounts read in the case's prices.
    #[must_use]
    pub fn new(
        path: PathBuf,
        option: usize,
        table: Result<crate::import::Table, Vec<String>>,
        case: &case::Case,
    ) -> Self {
        let (table, read) = match table {
            Ok(table) => (Some(std::sync::Arc::new(table)), Ok(Vec::new())),
            Err(problems) => (None, Err(problems)),
        };
        let mut preview = Self {
            path,
            option,
            table,
            prices: case.prices,
            read,
            replace: false,
            problems: Vec::new(),
        };
        preview.read_in(case.prices, case);
        preview
    }

    /// Reads the lines again with the amounts in `prices`.
    pub fn read_in(&mut self, prices: case::PriceBasis, case: &case::Case) {
        self.prices = prices;
        self.problems.clear();
        if let Some(table) = &self.table {
            self.read = crate::import::lines_in(table, case, prices)
                .map_err(|problems| problems.iter().map(ToString::to_string).collect());
        }
    }
}
