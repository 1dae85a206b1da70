//! A plain text table with aligned columns, for the terminal.

/// Column alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Rows of cells under a header; the first column left-aligned, the rest right-aligned
/// unless told otherwise.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    rules_before: Vec<usize>,
    align: Vec<Align>,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        let align = (0..header.len())
            .map(|i| if i == 0 { Align::Left } else { Align::Right })
            .collect();
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            rules_before: Vec::new(),
            align,
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
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
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
        let mut out = vec![line(&self.header), rule.clone()];
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
