//! Lines read from a budget spreadsheet (CSV or XLSX) into an option.
//!
//! Everything is checked before anything is applied: a file with one bad cell gives every
//! problem by row and column and changes nothing. The columns are documented in
//! `docs/import.md`.

mod cells;

use crate::case::{self, Amounts, Case, Line, LineKind, PriceBasis, Sharing};
use crate::input::{parse_amount, parse_rate};
use cells::Cell;
use rust_decimal::Decimal;
use std::fmt;

pub use cells::{MAX_COLUMNS, csv_text, read_csv, read_xlsx};

/// One thing wrong with an imported file, where a spreadsheet user will find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Row number as the spreadsheet shows it (1 is the header row); 0 for the whole file.
    pub row: usize,
    /// The column's header, or empty for the whole row or file.
    pub column: String,
    /// What is wrong and what is accepted.
    pub message: String,
}

impl ImportProblem {
    /// A problem at `row` (0 for the file) and `column` (empty for the row).
    #[must_use]
    pub fn new(row: usize, column: &str, message: impl Into<String>) -> Self {
        Self {
            row,
            column: column.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column.is_empty()) {
            (0, true) => f.write_str(&self.message),
            (0, false) => write!(f, "column {}: {}", self.column, self.message),
            (row, true) => write!(f, "row {row}: {}", self.message),
            (row, false) => write!(f, "row {row}, column {}: {}", self.column, self.message),
        }
    }
}

/// A table read from a file: the header row, then each row with its spreadsheet number.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column headers, as written.
    pub headers: Vec<String>,
    /// Rows with their number as the spreadsheet shows it.
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// Lines from CSV text, for `case` (whose years, partners and bases they must fit).
///
/// # Errors
/// Every problem found, by row and column.
pub fn from_csv(text: &str, case: &Case) -> Result<Vec<Line>, Vec<ImportProblem>> {
    lines(&read_csv(text)?, case)
}

/// Lines from the bytes of a CSV file: UTF-8 (a byte-order mark is fine), or refused with
/// the row of the first byte that is not.
///
/// # Errors
/// Every problem found, by row and column.
pub fn from_csv_bytes(bytes: &[u8], case: &Case) -> Result<Vec<Line>, Vec<ImportProblem>> {
    from_csv(csv_text(bytes)?, case)
}

/// Lines from an XLSX workbook: the sheet named "Lines", or else the first.
///
/// # Errors
/// Every problem found, by row and column.
pub fn from_xlsx(bytes: &[u8], case: &Case) -> Result<Vec<Line>, Vec<ImportProblem>> {
    lines(&read_xlsx(bytes)?, case)
}

/// The table in a lines file's bytes: an XLSX workbook when `xlsx`, else CSV (UTF-8, a
/// byte-order mark is fine).
///
/// # Errors
/// Every problem found, by row and column.
pub fn read_table(bytes: &[u8], xlsx: bool) -> Result<Table, Vec<ImportProblem>> {
    if xlsx {
        read_xlsx(bytes)
    } else {
        read_csv(csv_text(bytes)?)
    }
}

/// True when `path` names an XLSX workbook (by its extension); anything else is read as CSV.
#[must_use]
pub fn is_xlsx(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Which prices an import reads its amounts in, against the case's, in a sentence.
#[must_use]
pub fn prices_note(prices: PriceBasis, case: &Case) -> String {
    let read = match prices {
        PriceBasis::Cash => "Amounts read in cash prices (as councils publish them)".to_owned(),
        PriceBasis::Year0 => format!(
            "Amounts read in year-0 prices ({} price levels, indexed by Sharecase)",
            case.year_label(0)
        ),
    };
    if prices == case.prices {
        format!("{read}, as the case is.")
    } else {
        format!("{read}; the case is in {}.", case.prices.label())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Kind,
    Category,
    Sharing,
    Indexation,
    Source,
    Year(usize),
}

fn normal(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The case year a header names, as an index from year 0 (negative before the case's first
/// year), if the header is a year at all.
///
/// Financial years as councils write them: `2026/27`, `26/27`, `2026-27`, `2026-2027`,
/// `FY26/27`, `FY 26/27`, `FY2026/27` (any case, `/`, `-` or an en dash), mapped through
/// `first_year` (2026 means year 0 is 2026/27); two-digit years are 20xx. `Year N` counts
/// from `Year 1` as year 0, unless the same header row has a `Year 0` (`year_zero`), when
/// `Year 0` is year 0. A bare number is the year index itself.
///
/// # Errors
/// A span that is not one financial year (`2026/28`), in words.
fn year_of(header: &str, first_year: i32, year_zero: bool) -> Option<Result<i64, String>> {
    let h = normal(header);
    if let Some(n) = h.strip_prefix("year") {
        let n: i64 = n.trim().parse().ok().filter(|n| *n >= 0)?;
        return Some(Ok(if year_zero { n } else { n - 1 }));
    }
    if let Ok(n) = h.parse::<i64>() {
        return (n >= 0).then_some(Ok(n));
    }
    let span = h.strip_prefix("fy").map_or(h.as_str(), str::trim_start);
    let (start, end) = span.split_once(['/', '-', '\u{2013}'])?;
    let (start, end) = (start.trim(), end.trim());
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(start) || !digits(end) || !matches!((start.len(), end.len()), (4, 2 | 4) | (2, 2)) {
        return None;
    }
    let (a, b): (i64, i64) = (start.parse().ok()?, end.parse().ok()?);
    let a = if start.len() == 2 { 2000 + a } else { a };
    let follows = if end.len() == 2 {
        b == (a + 1).rem_euclid(100)
    } else {
        b == a + 1
    };
    if !follows {
        return Some(Err(format!(
            "names {start} to {end}, which is not one financial year; head each year's column with one, such as {}",
            case::financial_year_label(first_year, 0)
        )));
    }
    Some(Ok(a - i64::from(first_year)))
}

/// True for a `Year 0` header, which makes `Year N` count from 0.
fn is_year_zero(header: &str) -> bool {
    normal(header)
        .strip_prefix("year")
        .is_some_and(|n| n.trim().parse::<u64>() == Ok(0))
}

fn column_of(header: &str, case: &Case, year_zero: bool) -> Result<Column, String> {
    let h = normal(header);
    let horizon = usize::from(case.horizon);
    let first = case.year_label(0);
    let last = case.year_label(horizon.saturating_sub(1));
    Ok(match h.as_str() {
        "name" | "line" => Column::Name,
        "kind" => Column::Kind,
        "category" => Column::Category,
        "sharing" | "shared" => Column::Sharing,
        "indexation" => Column::Indexation,
        "source" | "source note" => Column::Source,
        _ => match year_of(header, case.first_year, year_zero) {
            Some(Ok(t)) if t < 0 => {
                return Err(format!(
                    "is before the case's first year, {first}; the case's years are {first} to {last}: remove the column, or start the case earlier"
                ));
            }
            Some(Ok(t)) => match usize::try_from(t) {
                Ok(t) if t < horizon => Column::Year(t),
                _ => {
                    return Err(format!(
                        "is after the case's last year, {last}; the case's years are {first} to {last}: lengthen the horizon or remove the column"
                    ));
                }
            },
            Some(Err(message)) => return Err(message),
            None => {
                return Err(format!(
                    "is not a column Sharecase reads; the columns are name, kind, category, sharing, indexation, source and one per year headed {first} to {last} (see docs/import.md)"
                ));
            }
        },
    })
}

fn kind_of(text: &str) -> Option<LineKind> {
    let t = normal(text).replace('_', " ");
    LineKind::ALL.into_iter().find(|k| normal(k.label()) == t)
}

fn sharing_of(text: &str, case: &Case) -> Result<Sharing, String> {
    let t = text.trim();
    if t.is_empty() || normal(t) == "equal" || normal(t) == "equal shares" {
        return Ok(Sharing::Equal);
    }
    let bare = t
        .strip_prefix("all to ")
        .or_else(|| t.strip_prefix("by "))
        .unwrap_or(t)
        .trim();
    for name in [t, bare] {
        if let Some(p) = case
            .partners
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
        {
            return Ok(Sharing::Partner(p.name.clone()));
        }
        if let Some(b) = case
            .bases
            .iter()
            .find(|b| b.name.eq_ignore_ascii_case(name))
        {
            return Ok(Sharing::Basis(b.name.clone()));
        }
    }
    let partners: Vec<&str> = case.partners.iter().map(|p| p.name.as_str()).collect();
    let bases: Vec<&str> = case.bases.iter().map(|b| b.name.as_str()).collect();
    Err(format!(
        "'{t}' is not a partner or a sharing basis of the case; use equal, a partner ({}) or a basis ({})",
        partners.join(", "),
        if bases.is_empty() {
            "none yet".to_owned()
        } else {
            bases.join(", ")
        }
    ))
}

fn default_category(kind: LineKind) -> &'static str {
    match kind {
        LineKind::CapitalInvestment => "ICT",
        LineKind::RevenueInvestment | LineKind::RecurringCost | LineKind::Saving => "Staff",
        LineKind::Income => "Income",
    }
}

fn amount_of(cell: &Cell) -> Result<Decimal, String> {
    let value = match cell {
        Cell::Empty => return Ok(Decimal::ZERO),
        Cell::Number(n) => cells::decimal(*n).ok_or_else(|| format!("{n} is not an amount"))?,
        Cell::Text(t) if t.trim().is_empty() => return Ok(Decimal::ZERO),
        // The ambiguous groupings keep their own message; any other text gets the short one.
        Cell::Text(t) => parse_amount(t).map_err(|e| {
            if e.contains(" is ambiguous") || e.contains(" mixes ") {
                e
            } else {
                format!("'{}' is not an amount", t.trim())
            }
        })?,
        Cell::Bad(what) => return Err(format!("{what} is not an amount")),
    };
    if value < Decimal::ZERO {
        return Err(format!(
            "{} is negative; enter costs and savings as positive amounts: the kind says which way the money goes",
            crate::format::money(value, crate::format::MoneyStyle::Pence)
        ));
    }
    if value > case::validate::MAX_AMOUNT {
        return Err(format!(
            "{} is more than Sharecase accepts (up to £1,000,000,000,000)",
            crate::format::money(value, crate::format::MoneyStyle::Pounds)
        ));
    }
    Ok(value)
}

/// Lines from a table already read, for `case`, with the amounts in the case's prices.
///
/// # Errors
/// Every problem found, by row and column.
pub fn lines(table: &Table, case: &Case) -> Result<Vec<Line>, Vec<ImportProblem>> {
    lines_in(table, case, case.prices)
}

/// Lines from a table already read, for `case`, with the amounts read in `prices`.
///
/// Lines in prices other than the case's say so (`prices: Some(..)`); lines in the case's
/// prices follow it (`None`). Amounts in cash prices are the sums paid in each year, so
/// are not indexed: an indexation rate in such a row is a problem, by row and column.
///
/// # Errors
/// Every problem found, by row and column.
pub fn lines_in(
    table: &Table,
    case: &Case,
    prices: PriceBasis,
) -> Result<Vec<Line>, Vec<ImportProblem>> {
    if !(case::MIN_HORIZON..=case::MAX_HORIZON).contains(&case.horizon) {
        return Err(vec![ImportProblem::new(
            0,
            "",
            format!(
                "the case's horizon is {} years; set it to {} to {} years before importing lines",
                case.horizon,
                case::MIN_HORIZON,
                case::MAX_HORIZON
            ),
        )]);
    }
    let mut problems = Vec::new();
    let mut columns: Vec<Option<Column>> = Vec::new();
    let year_zero = table.headers.iter().any(|h| is_year_zero(h));
    for header in &table.headers {
        if header.trim().is_empty() {
            columns.push(None);
            continue;
        }
        match column_of(header, case, year_zero) {
            Ok(c) => {
                if let Some(at) = columns.iter().position(|seen| *seen == Some(c)) {
                    let other = &table.headers[at];
                    let message = match c {
                        Column::Year(t) if normal(other) != normal(header) => {
                            format!("is {}, as column {other} is; keep one", case.year_label(t))
                        }
                        _ => "appears twice; keep one".to_owned(),
                    };
                    problems.push(ImportProblem::new(0, header, message));
                }
                columns.push(Some(c));
            }
            Err(message) => {
                problems.push(ImportProblem::new(0, header, message));
                columns.push(None);
            }
        }
    }
    for (needed, name) in [(Column::Name, "name"), (Column::Kind, "kind")] {
        if !columns.contains(&Some(needed)) {
            problems.push(ImportProblem::new(
                1,
                "",
                format!("there is no '{name}' column; the header row must have one"),
            ));
        }
    }
    if !columns.iter().any(|c| matches!(c, Some(Column::Year(_)))) {
        problems.push(ImportProblem::new(
            1,
            "",
            format!(
                "there are no year columns; head them with the financial years, {} to {}",
                case.year_label(0),
                case.year_label(usize::from(case.horizon).saturating_sub(1))
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let years = usize::from(case.horizon);
    let mut out: Vec<Line> = Vec::new();
    // Names seen, lower-cased, with their row: a look-up per row keeps a long file linear.
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (number, cells) in &table.rows {
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        let mut name = String::new();
        let mut kind = None;
        let mut category = String::new();
        let mut sharing = Sharing::Equal;
        let mut indexation = None;
        let mut source = String::new();
        let mut amounts = vec![Decimal::ZERO; years];
        for (at, column) in columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let cell = cells.get(at).unwrap_or(&Cell::Empty);
            let header = &table.headers[at];
            let text = cell.text();
            match column {
                Column::Name => name = text.trim().to_owned(),
                Column::Kind => match kind_of(&text) {
                    Some(k) => kind = Some(k),
                    None => problems.push(ImportProblem::new(
                        *number,
                        header,
                        format!(
                            "'{}' is not a kind; use Capital investment, Revenue investment, Recurring cost, Saving or Income",
                            text.trim()
                        ),
                    )),
                },
                Column::Category => category = text.trim().to_owned(),
                Column::Sharing => match sharing_of(&text, case) {
                    Ok(s) => sharing = s,
                    Err(m) => problems.push(ImportProblem::new(*number, header, m)),
                },
                Column::Indexation if text.trim().is_empty() => {}
                Column::Indexation if prices == PriceBasis::Cash => {
                    problems.push(ImportProblem::new(
                        *number,
                        header,
                        format!(
                            "is {}, but the amounts are read in cash prices, which are not indexed: they are already the sums paid in each year. Leave indexation blank, or read the amounts in year-0 prices",
                            text.trim()
                        ),
                    ));
                }
                Column::Indexation => match parse_rate(&text) {
                    Ok(r) if r >= Decimal::new(-50, 2) && r <= Decimal::ONE => indexation = Some(r),
                    _ => problems.push(ImportProblem::new(
                        *number,
                        header,
                        format!(
                            "'{}' is not a rate from -50% to 100%; write it as 2.5% or 0.025, or leave it blank for general inflation",
                            text.trim()
                        ),
                    )),
                },
                Column::Source => source = text.trim().to_owned(),
                Column::Year(t) => match amount_of(cell) {
                    Ok(v) => amounts[*t] = v,
                    Err(m) => problems.push(ImportProblem::new(*number, header, m)),
                },
            }
        }
        if name.is_empty() {
            problems.push(ImportProblem::new(*number, "name", "the line has no name"));
        } else if let Some(first) = names.get(&name.to_ascii_lowercase()) {
            problems.push(ImportProblem::new(
                *number,
                "name",
                format!("'{name}' is already the name of row {first}; give each line its own"),
            ));
        } else {
            names.insert(name.to_ascii_lowercase(), *number);
        }
        let Some(kind) = kind else { continue };
        while amounts.len() > 1 && amounts.last().is_some_and(Decimal::is_zero) {
            amounts.pop();
        }
        out.push(Line {
            name,
            kind,
            category: if category.is_empty() {
                default_category(kind).to_owned()
            } else {
                category
            },
            amounts: Amounts::ByYear(amounts),
            prices: (prices != case.prices).then_some(prices),
            indexation,
            funding: None,
            asset_life_years: None,
            mrp: None,
            sharing,
            source,
            range: None,
        });
    }
    if out.len() + problems.len() == 0 {
        problems.push(ImportProblem::new(
            0,
            "",
            "the file has a header row but no lines",
        ));
    }
    if out.len() > case::validate::MAX_LINES {
        problems.push(ImportProblem::new(
            0,
            "",
            format!(
                "{} lines is more than an option can hold ({})",
                out.len(),
                case::validate::MAX_LINES
            ),
        ));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// `case` with `lines` added to option `option` (or replacing its lines), if that brings no
/// new problem; otherwise every problem the lines would bring, and `case` is untouched.
///
/// A case being edited may already have problems (shares not yet adding up, say); those are
/// the user's work in progress and do not block an import, which is judged only on what it
/// adds.
///
/// # Errors
/// The option is missing, a name is taken, or the lines would make the case invalid.
pub fn apply(
    case: &Case,
    option: usize,
    lines: &[Line],
    replace: bool,
) -> Result<Case, Vec<String>> {
    let mut new = case.clone();
    let Some(target) = new.options.get_mut(option) else {
        return Err(vec![
            "the option is gone: choose it again and import again".into(),
        ]);
    };
    if !replace {
        let taken: std::collections::HashSet<String> = target
            .lines
            .iter()
            .map(|l| l.name.to_ascii_lowercase())
            .collect();
        for line in lines {
            if taken.contains(&line.name.to_ascii_lowercase()) {
                return Err(vec![format!(
                    "option \"{}\" already has a line called \"{}\"; rename one, or replace the option's lines",
                    target.name, line.name
                )]);
            }
        }
    } else {
        target.lines.clear();
    }
    target.lines.extend(lines.iter().cloned());
    let before = case::validate(case);
    let added: Vec<String> = case::validate(&new)
        .iter()
        .filter(|p| !before.contains(p))
        .map(ToString::to_string)
        .collect();
    if added.is_empty() {
        Ok(new)
    } else {
        Err(added)
    }
}

/// A CSV template for `case`: the columns Sharecase reads, one per year headed by its
/// financial year, and one example row to overwrite.
#[must_use]
pub fn template(case: &Case) -> String {
    let mut header: Vec<String> = [
        "name",
        "kind",
        "category",
        "sharing",
        "indexation",
        "source",
    ]
    .iter()
    .map(|h| (*h).to_owned())
    .collect();
    let years = usize::from(case.horizon);
    header.extend((0..years).map(|t| case.year_label(t)));
    let mut example: Vec<String> = [
        "Example: staff saving",
        "Saving",
        "Staff",
        "equal",
        "",
        "Where the figure comes from",
    ]
    .iter()
    .map(|c| (*c).to_owned())
    .collect();
    example.extend((0..years).map(|t| {
        if t == 0 {
            "0".to_owned()
        } else {
            "100000".to_owned()
        }
    }));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(&header);
    let _ = writer.write_record(&example);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Year headers for a case whose year 0 is 2026/27, with no `Year 0` column.
    fn year(header: &str) -> Option<Result<i64, String>> {
        year_of(header, 2026, false)
    }

    #[test]
    fn a_full_financial_year_is_read() {
        assert_eq!(year("2026/27"), Some(Ok(0)));
        assert_eq!(year("2028/29"), Some(Ok(2)));
        assert_eq!(year(" 2035/36 "), Some(Ok(9)));
    }

    #[test]
    fn a_two_digit_financial_year_is_in_this_century() {
        assert_eq!(year("26/27"), Some(Ok(0)));
        assert_eq!(year("30/31"), Some(Ok(4)));
        assert_eq!(year("99/00"), Some(Ok(73)), "1999/2000 is not 20xx");
    }

    #[test]
    fn a_financial_year_with_a_hyphen_or_an_en_dash_is_read() {
        assert_eq!(year("2026-27"), Some(Ok(0)));
        assert_eq!(year("2027\u{2013}28"), Some(Ok(1)));
        assert_eq!(year("2029 - 30"), Some(Ok(3)));
    }

    #[test]
    fn a_financial_year_with_both_years_in_full_is_read() {
        assert_eq!(year("2026-2027"), Some(Ok(0)));
        assert_eq!(year("2031/2032"), Some(Ok(5)));
        assert_eq!(year("2099/2100"), Some(Ok(73)));
    }

    #[test]
    fn a_financial_year_after_fy_is_read_in_any_case() {
        assert_eq!(year("FY26/27"), Some(Ok(0)));
        assert_eq!(year("FY 27/28"), Some(Ok(1)));
        assert_eq!(year("fy2028/29"), Some(Ok(2)));
        assert_eq!(year("Fy 2029-30"), Some(Ok(3)));
    }

    #[test]
    fn year_n_counts_from_year_1_without_a_year_0() {
        assert_eq!(year("Year 1"), Some(Ok(0)));
        assert_eq!(year("year 2"), Some(Ok(1)));
        assert_eq!(year("YEAR 10"), Some(Ok(9)));
    }

    #[test]
    fn year_n_counts_from_year_0_when_there_is_one() {
        assert_eq!(year_of("Year 0", 2026, true), Some(Ok(0)));
        assert_eq!(year_of("Year 1", 2026, true), Some(Ok(1)));
        assert_eq!(year_of("Year 9", 2026, true), Some(Ok(9)));
        assert!(is_year_zero(" year  0 "));
        assert!(!is_year_zero("Year 1"));
        assert!(!is_year_zero("2026/27"));
    }

    #[test]
    fn a_bare_number_is_the_year_index() {
        assert_eq!(year("0"), Some(Ok(0)));
        assert_eq!(year("3"), Some(Ok(3)));
    }

    #[test]
    fn years_before_the_first_are_negative_and_the_case_decides_the_rest() {
        assert_eq!(year("2025/26"), Some(Ok(-1)));
        assert_eq!(year("24/25"), Some(Ok(-2)));
        assert_eq!(year_of("2026/27", 2024, false), Some(Ok(2)));
    }

    #[test]
    fn a_span_that_is_not_one_financial_year_is_refused() {
        let Some(Err(message)) = year("2026/28") else {
            panic!("2026/28 should be refused");
        };
        assert!(
            message.starts_with("names 2026 to 28, which is not one financial year"),
            "{message}"
        );
        assert!(message.contains("2026/27"), "{message}");
        assert!(matches!(year("2026-2028"), Some(Err(_))));
        assert!(matches!(year("FY27/26"), Some(Err(_))));
    }

    #[test]
    fn other_headers_are_not_years() {
        for header in [
            "name", "Years", "Year x", "Q1/Q2", "1/2", "2026/7", "-1", "",
        ] {
            assert_eq!(year(header), None, "{header}");
        }
    }
}
