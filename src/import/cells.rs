//! Reading cells from CSV text and XLSX workbooks into one shape.

use super::{ImportProblem, Table};
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_decimal::Decimal;
use std::io::Cursor;

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, as written.
    Text(String),
    /// A number from a workbook.
    Number(f64),
    /// Something that is neither (a date, an error), described.
    Bad(String),
}

impl Cell {
    /// True for an empty cell or one of only spaces.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.clone(),
            Self::Number(n) => decimal(*n).map_or_else(|| n.to_string(), |d| d.to_string()),
            Self::Bad(what) => what.clone(),
        }
    }
}

/// A workbook number as a decimal, to the 15 significant digits a spreadsheet keeps, so
/// `0.1 + 0.2` arrives as 0.3 and not 0.30000000000000004.
#[must_use]
pub fn decimal(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::from_scientific(&format!("{value:.14e}"))
        .ok()
        .map(|d| d.normalize())
}

/// CSV bytes as text: UTF-8, with or without a byte-order mark. Anything else (a file saved
/// as Windows-1252, where £ is the byte A3) is refused with the row it is first met in,
/// rather than guessed at.
///
/// # Errors
/// The row of the first byte that is not UTF-8.
pub fn csv_text(bytes: &[u8]) -> Result<&str, Vec<ImportProblem>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let row = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        let byte = bytes.get(at).copied().unwrap_or_default();
        let hint = if byte == 0xA3 {
            " (a £ sign saved as Windows-1252)"
        } else {
            ""
        };
        vec![ImportProblem::new(
            row,
            "",
            format!(
                "the file is not UTF-8 text: byte {byte:#04X}{hint} is not UTF-8; in Excel, save it as \"CSV UTF-8\""
            ),
        )]
    })
}

/// The line on which a quoted field opens and is never closed, if there is one: the CSV
/// reader would otherwise take the rest of the file into that field.
fn unterminated_quote(text: &str) -> Option<usize> {
    let (mut line, mut opened_on) = (1, 0);
    let (mut quoted, mut field_start) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match c {
            '"' if field_start => {
                quoted = true;
                opened_on = line;
                field_start = false;
            }
            ',' | '\n' | '\r' => field_start = true,
            _ => field_start = false,
        }
    }
    quoted.then_some(opened_on)
}

/// A table from CSV text (UTF-8, with or without a byte-order mark). Rows keep the line
/// numbers a text editor shows, blank lines included.
///
/// # Errors
/// When the text is not well-formed CSV, or a quoted field is never closed.
pub fn read_csv(text: &str) -> Result<Table, Vec<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = unterminated_quote(text) {
        return Err(vec![ImportProblem::new(
            line,
            "",
            "a quoted field opens here and is never closed: add the closing quote (\")",
        )]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers = None;
    let mut rows = Vec::new();
    let (mut counted_to, mut lines_before) = (0, 0);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            vec![ImportProblem::new(
                e.position()
                    .map_or(i + 1, |p| usize::try_from(p.line()).unwrap_or(0)),
                "",
                format!("this is not well-formed CSV ({e})"),
            )]
        })?;
        // The reader's own line count passes over blank lines: count them from the
        // record's byte offset, carrying on from the last record so the whole is linear.
        let line = match record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
        {
            Some(start) if start >= counted_to && start <= text.len() => {
                // The position is where reading began, before any blank lines skipped.
                let byte = start
                    + text.as_bytes()[start..]
                        .iter()
                        .take_while(|b| **b == b'\n' || **b == b'\r')
                        .count();
                lines_before += text.as_bytes()[counted_to..byte]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                counted_to = byte;
                lines_before + 1
            }
            _ => i + 1,
        };
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        match headers {
            None => headers = Some(cells),
            Some(_) => rows.push((
                line,
                cells
                    .into_iter()
                    .map(|c| {
                        if c.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c)
                        }
                    })
                    .collect(),
            )),
        }
    }
    let Some(headers) = headers else {
        return Err(vec![ImportProblem::new(0, "", "the file is empty")]);
    };
    Ok(Table { headers, rows })
}

/// The most columns read from a workbook; a cell further right is refused, so a stray cell
/// at XFD1048576 cannot make the reader lay out seventeen billion cells.
pub const MAX_COLUMNS: u32 = 1_000;

/// A cell's name as a spreadsheet shows it (`B7`), from zero-based row and column.
fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut c = column + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// A table from an XLSX workbook: the sheet named "Lines", or else the first. Cells are
/// streamed and kept sparse, so memory follows the cells written, not the sheet's extent.
///
/// # Errors
/// When the bytes are not a workbook, it has no sheets, or a cell is beyond
/// [`MAX_COLUMNS`].
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, Vec<ImportProblem>> {
    // The workbook reader can panic on a damaged file (a cell reference whose row number
    // overflows, found by fuzzing): that is a file that cannot be read, not a crash.
    std::panic::catch_unwind(|| read_workbook(bytes)).unwrap_or_else(|_| {
        Err(vec![ImportProblem::new(
            0,
            "",
            "this workbook is damaged and cannot be read: open it in a spreadsheet and save it again",
        )])
    })
}

fn read_workbook(bytes: &[u8]) -> Result<Table, Vec<ImportProblem>> {
    let file = |m: String| vec![ImportProblem::new(0, "", m)];
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        file(format!(
            "this is not an Excel workbook (.xlsx) Sharecase can read: {e}"
        ))
    })?;
    let names = book.sheet_names();
    let sheet = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case("lines"))
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| file("the workbook has no sheets".into()))?;
    let unreadable = |e: calamine::XlsxError| file(format!("cannot read sheet '{sheet}': {e}"));
    let mut reader = book.worksheet_cells_reader(&sheet).map_err(unreadable)?;
    let mut cells: std::collections::BTreeMap<u32, Vec<(u32, Cell)>> =
        std::collections::BTreeMap::new();
    while let Some(record) = reader
        .next_cell_with_formula_metadata()
        .map_err(unreadable)?
    {
        let (row, column) = record.pos;
        let value = Data::from(record.value);
        let read = match (&value, &record.formula) {
            (Data::Empty, None) => continue,
            (Data::Empty, Some(_)) => Cell::Bad(
                "a formula with no stored value (open the workbook in a spreadsheet and save it, so its values are stored)"
                    .into(),
            ),
            _ => cell(&value),
        };
        if column >= MAX_COLUMNS {
            return Err(vec![ImportProblem::new(
                usize::try_from(row).map_or(0, |r| r + 1),
                "",
                format!(
                    "cell {} is beyond the {MAX_COLUMNS} columns Sharecase reads: clear it or move the table left",
                    cell_name(row, column)
                ),
            )]);
        }
        cells.entry(row).or_default().push((column, read));
    }
    let mut rows_iter = cells.into_iter().map(|(row, mut found)| {
        found.sort_by_key(|(c, _)| *c);
        let width = found.last().map_or(0, |(c, _)| *c as usize + 1);
        let mut dense = vec![Cell::Empty; width];
        for (c, value) in found {
            dense[c as usize] = value;
        }
        (row as usize + 1, dense)
    });
    let Some((_, header_row)) = rows_iter.next() else {
        return Err(file(format!("sheet '{sheet}' is empty")));
    };
    let headers = header_row.iter().map(Cell::text).collect();
    Ok(Table {
        headers,
        rows: rows_iter.collect(),
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        #[allow(clippy::cast_precision_loss)]
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bad(format!("'{b}' (true or false)")),
        Data::DateTime(_) | Data::DateTimeIso(_) => Cell::Bad("a date".into()),
        Data::DurationIso(_) => Cell::Bad("a duration".into()),
        Data::Error(e) => Cell::Bad(format!("a spreadsheet error ({e:?})")),
    }
}
