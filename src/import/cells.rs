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

/// A table from CSV text (UTF-8, with or without a byte-order mark).
///
/// # Errors
/// When the text is not well-formed CSV.
pub fn read_csv(text: &str) -> Result<Table, Vec<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers = None;
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            vec![ImportProblem::new(
                e.position()
                    .map_or(i + 1, |p| usize::try_from(p.line()).unwrap_or(0)),
                "",
                format!("this is not well-formed CSV ({e})"),
            )]
        })?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        match headers {
            None => headers = Some(cells),
            Some(_) => rows.push((
                i + 1,
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

/// A table from an XLSX workbook: the sheet named "Lines", or else the first.
///
/// # Errors
/// When the bytes are not a workbook, or it has no sheets.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, Vec<ImportProblem>> {
    let file = |m: String| vec![ImportProblem::new(0, "", m)];
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
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
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| file(format!("cannot read sheet '{sheet}': {e}")))?;
    let (top, _) = range.start().unwrap_or((0, 0));
    let (_, left) = range.start().unwrap_or((0, 0));
    let pad = usize::try_from(left).unwrap_or(0);
    let mut rows_iter = range.rows();
    let Some(header_row) = rows_iter.next() else {
        return Err(file(format!("sheet '{sheet}' is empty")));
    };
    let mut headers = vec![String::new(); pad];
    headers.extend(header_row.iter().map(|c| cell(c).text()));
    let first = usize::try_from(top).unwrap_or(0) + 1;
    let rows = rows_iter
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![Cell::Empty; pad];
            cells.extend(r.iter().map(cell));
            (first + i + 1, cells)
        })
        .collect();
    Ok(Table { headers, rows })
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
