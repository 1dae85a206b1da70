//! Where things are on an option's sheet, so the formulas, the summary's links and the
//! tests agree on every cell.

use crate::case::Case;

/// Excel's column letters for a zero-based column.
#[must_use]
pub fn column(mut index: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(index % 26).unwrap_or(0));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Sheet names for the options: `1 Do minimum`, at most 31 characters, none of `[]:*?/\`,
/// unique.
#[must_use]
pub fn sheet_names(case: &Case) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, option) in case.options.iter().enumerate() {
        let clean: String = option
            .name
            .chars()
            .map(|c| if "[]:*?/\\'".contains(c) { ' ' } else { c })
            .collect();
        let mut name: String = format!("{} {}", i + 1, clean.trim())
            .chars()
            .take(31)
            .collect();
        name = name.trim_end().to_owned();
        while names.iter().any(|n| n.eq_ignore_ascii_case(&name))
            || ["summary", "assumptions"].contains(&name.to_lowercase().as_str())
        {
            name = format!("{} ({})", name.chars().take(25).collect::<String>(), i + 1);
        }
        names.push(name);
    }
    names
}

/// Rows and columns of one option's sheet (zero-based, as `rust_xlsxwriter` counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionLayout {
    /// The sheet's name.
    pub sheet: String,
    /// How many lines.
    pub lines: usize,
    /// How many years.
    pub years: usize,
}

/// The formula rows under the lines, in order, with their labels.
pub const FORMULA_ROWS: [&str; 10] = [
    "Investment (one-off), cash",
    "All costs, cash",
    "Benefits (savings and income), cash",
    "Net, cash",
    "Cumulative position, cash",
    "Net, real terms",
    "Discount factor",
    "Present value",
    "Cumulative present value",
    "Costs shown below the line (for the chart)",
];

impl OptionLayout {
    /// The layout for an option of `lines` lines over `years` years.
    #[must_use]
    pub fn new(sheet: &str, lines: usize, years: usize) -> Self {
        Self {
            sheet: sheet.to_owned(),
            lines,
            years,
        }
    }

    /// The header row (financial years).
    pub const HEADER: u32 = 4;
    /// The row of year numbers t.
    pub const YEAR_NUMBER: u32 = 5;
    /// The first line's row.
    pub const FIRST_LINE: u32 = 6;
    /// The first year's column (E).
    pub const FIRST_YEAR: u16 = 4;

    /// The last row of the lines' range: at least one row, so formulas stay valid with none.
    #[must_use]
    pub fn last_line(&self) -> u32 {
        Self::FIRST_LINE + u32::try_from(self.lines.max(1)).unwrap_or(u32::MAX) - 1
    }

    /// The row of formula row `k` of [`FORMULA_ROWS`].
    #[must_use]
    pub fn formula_row(&self, k: usize) -> u32 {
        self.last_line() + 2 + u32::try_from(k).unwrap_or(0)
    }

    /// The NPV cell's row (value in the first year's column).
    #[must_use]
    pub fn npv_row(&self) -> u32 {
        self.formula_row(FORMULA_ROWS.len()) + 1
    }

    /// The IRR cell's row.
    #[must_use]
    pub fn irr_row(&self) -> u32 {
        self.npv_row() + 1
    }

    /// The column of year `t`.
    #[must_use]
    pub fn year_column(&self, t: usize) -> u16 {
        Self::FIRST_YEAR + u16::try_from(t).unwrap_or(0)
    }

    /// The last year's column.
    #[must_use]
    pub fn last_year_column(&self) -> u16 {
        self.year_column(self.years.saturating_sub(1))
    }

    /// `'Sheet name'!$E$20`, for links from other sheets.
    #[must_use]
    pub fn absolute(&self, row: u32, col: u16) -> String {
        format!(
            "'{}'!${}${}",
            self.sheet.replace('\'', "''"),
            column(col),
            row + 1
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_does() {
        assert_eq!(column(0), "A");
        assert_eq!(column(4), "E");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut case = crate::case::example::case();
        case.options[0].name = "A very long option name: with [brackets] and / slashes".into();
        case.options[1].name = case.options[0].name.clone();
        let names = sheet_names(&case);
        assert_eq!(names[0], "1 A very long option name  with");
        assert!(names.iter().all(|n| n.chars().count() <= 31));
        assert_ne!(names[0].to_lowercase(), names[1].to_lowercase());
        assert!(
            names
                .iter()
                .all(|n| !n.contains(['[', ']', ':', '*', '?', '/', '\\']))
        );
    }
}
