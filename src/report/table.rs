//! Tables as data, built once here and rendered by every view (the app, the CLI, the PDF, the
//! workbook), so the same figure reads the same everywhere; and a plain text table with
//! aligned columns, for the terminal.

use crate::engine::{Irr, Payback};
use rust_decimal::Decimal;

/// Which side of its column a cell sits on: words left, figures right (pounds under pounds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Words.
    Left,
    /// Figures.
    Right,
}

/// A column: its title, alignment and a relative width, so that paper (the PDF) and
/// spreadsheets (the workbook) size it from here and not from a template of their own.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The title, empty over a column of row labels.
    pub title: String,
    /// Where its cells sit.
    pub align: Align,
    /// Its width relative to the others (a figure column is 1).
    pub width: f32,
    /// The column holds totals (all partners), shown in bold.
    pub total: bool,
}

/// The figure behind a cell, for views that write numbers rather than words (the workbook,
/// JSON).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Money, unrounded.
    Money(Decimal),
    /// A ratio shown to two places; none when there are no costs.
    Ratio(Option<Decimal>),
    /// A fraction shown as a percentage; none when there is nothing to take it of.
    Percent(Option<Decimal>),
    /// An internal rate of return.
    Irr(Irr),
    /// A payback.
    Payback(Payback),
}

/// One cell: its words, the compact form where width forces one, and the figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The words every table shows: `4 years 11 months, in 2030/31`.
    pub text: String,
    /// The compact form, for cards and slides: `4y 11m`.
    pub short: String,
    /// What the compact form leaves out, shown under it: `in 2030/31`, `present values`.
    pub note: String,
    /// The figure.
    pub value: Value,
}

/// One row: a label, then one cell per column after the first.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The measure the row shows, if it is one of the headline measures.
    pub measure: Option<super::measures::Measure>,
    /// The label in the first column: `Net present value (real terms, discounted at 3.5%)`.
    pub label: String,
    /// The label where width forces a compact one: `Net present value`.
    pub short_label: String,
    /// The cells, one per column after the first.
    pub cells: Vec<Cell>,
}

/// A table as data: the views only lay it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table is: `Options compared`.
    pub title: String,
    /// The columns, the row labels' first.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
    /// Sentences to print under it.
    pub notes: Vec<String>,
}

impl Table {
    /// The column titles, then each row's label and cells' words: what is drawn, printed
    /// and copied to the clipboard.
    #[must_use]
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        let mut rows = vec![self.columns.iter().map(|c| c.title.clone()).collect()];
        rows.extend(self.rows.iter().map(|r| {
            std::iter::once(r.label.clone())
                .chain(r.cells.iter().map(|c| c.text.clone()))
                .collect()
        }));
        rows
    }

    /// True when no column has a title (a list of label and value).
    #[must_use]
    pub fn untitled(&self) -> bool {
        self.columns.iter().all(|c| c.title.is_empty())
    }

    /// The table as text for the terminal, indented by `indent`, with its notes under it.
    #[must_use]
    pub fn to_text(&self, indent: &str) -> String {
        let titles: Vec<&str> = self.columns.iter().map(|c| c.title.as_str()).collect();
        let mut text = Text::new(&titles);
        text.align = self.columns.iter().map(|c| c.align).collect();
        text.header = !self.untitled();
        for row in self.text_rows().into_iter().skip(1) {
            text.row(row);
        }
        let mut out = text.render(indent);
        for note in &self.notes {
            out.push_str(indent);
            out.push_str(note);
            out.push('\n');
        }
        out
    }
}

/// Rows of cells under a header; the first column left-aligned, the rest right-aligned
/// unless told otherwise.
pub(crate) struct Text {
    titles: Vec<String>,
    rows: Vec<Vec<String>>,
    rules_before: Vec<usize>,
    align: Vec<Align>,
    header: bool,
}

impl Text {
    pub fn new(header: &[&str]) -> Self {
        let align = (0..header.len())
            .map(|i| if i == 0 { Align::Left } else { Align::Right })
            .collect();
        Self {
            titles: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            rules_before: Vec::new(),
            align,
            header: true,
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Draws a rule before the next row (above a total).
    pub fn rule(&mut self) {
        self.rules_before.push(self.rows.len());
    }

    pub fn render(&self, indent: &str) -> String {
        let columns = self.titles.len();
        let mut widths: Vec<usize> = self.titles.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let mut out = String::from(indent);
            for (i, width) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                if i > 0 {
                    out.push_str("  ");
                }
                let pad = width.saturating_sub(cell.chars().count());
                if self.align[i] == Align::Right {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    out.push_str(&" ".repeat(pad));
                }
            }
            out.trim_end().to_owned()
        };
        let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        let rule = format!("{indent}{}", "-".repeat(total));
        let mut out = if self.header {
            vec![line(&self.titles), rule.clone()]
        } else {
            Vec::new()
        };
        for (i, row) in self.rows.iter().enumerate() {
            if self.rules_before.contains(&i) {
                out.push(rule.clone());
            }
            out.push(line(row));
        }
        out.join("\n") + "\n"
    }
}

/// Rows as tab-separated text, for the clipboard: pastes into a spreadsheet as cells and
/// into a document as a table. Tabs and line breaks inside a cell become spaces, so a cell
/// never spills into the next.
#[must_use]
pub fn tab_separated(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}
