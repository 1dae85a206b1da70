//! The workbook as a model: an Inputs sheet holding the case as entered, and every figure a
//! formula of it. Copies of an export have input cells changed (an amount, a phasing, a
//! weight, an option's uplift, shortfall and delay, inflation, the discount rate, the
//! scenario choice), LibreOffice recalculates them, and each option's named figures must be
//! what Sharecase's engine gives for the same case edited the same way: NPV to the penny,
//! paybacks to 1e-4 years, IRR and BCR to 1e-6, and "none" where Sharecase has none.

use crate::common;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::{bare_case, d, ds, line, recalculate, soffice};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use sharecase::case::{
    Amounts, Case, CaseOption, Funding, InvestmentType, Line, LineKind, Mrp, OptimismBias, Partner,
    PriceBasis, RunningCostType, Scenario, Sharing, SharingBasis, Weight, example, validate,
};
use sharecase::engine::scenario::appraised;
use sharecase::engine::{CaseResults, Irr, Measures, NoIrr, Payback, compute_appraised};
use sharecase::export::Provenance;
use sharecase::export::workbook::{
    Input, OptionLayout, column, input_cell, measure, sheet_names, workbook,
};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

fn provenance() -> Provenance {
    Provenance {
        file: Some("model.sharecase.json".into()),
        date: "23 November 2026".into(),
        left_out: Vec::new(),
        sha256: None,
    }
}

fn f(value: Decimal) -> f64 {
    value.to_f64().expect("finite")
}

// ---------------------------------------------------------------------------------------
// Edits: the same change to an input cell of the workbook and to the case.
// ---------------------------------------------------------------------------------------

/// A new value for one input.
#[derive(Debug, Clone, Copy)]
struct Edit {
    input: Input,
    value: Decimal,
}

fn edit(input: Input, value: &str) -> Edit {
    Edit {
        input,
        value: d(value),
    }
}

fn amount(option: usize, line: usize, value: &str) -> Edit {
    edit(Input::Amount { option, line }, value)
}

fn by_year(option: usize, line: usize, year: usize, value: &str) -> Edit {
    edit(Input::ByYear { option, line, year }, value)
}

fn phasing(option: usize, line: usize, k: usize, value: &str) -> Edit {
    edit(Input::Phasing { option, line, k }, value)
}

fn weight(basis: usize, partner: usize, year: usize, value: &str) -> Edit {
    edit(
        Input::Weight {
            basis,
            partner,
            year,
        },
        value,
    )
}

/// The scenario a `ScenarioChoice` cell of `value` chooses: 1 the central one, k the
/// scenario k - 2.
fn chosen(value: Decimal) -> Option<usize> {
    let k = value.to_usize().expect("a whole scenario number");
    assert!(k >= 1, "scenario choices start at 1");
    k.checked_sub(2)
}

/// `case` and `scenario` with `edits` made as a finance officer editing the Inputs sheet
/// makes them. A weight that is the same every year is held in its year-0 cell, each later
/// year's cell being a formula equal to the year before's: a year whose own cell is not
/// edited follows the year before.
fn apply(case: &Case, scenario: Option<usize>, edits: &[Edit]) -> (Case, Option<usize>) {
    let mut out = case.clone();
    let mut scenario = scenario;
    let mut weights: BTreeMap<(usize, usize), Vec<(usize, Decimal)>> = BTreeMap::new();
    for e in edits {
        let v = e.value;
        match e.input {
            Input::DiscountRate => out.discount_rate = v,
            Input::Inflation => out.inflation = v,
            Input::BorrowingRate => out.borrowing_rate = v,
            Input::ScenarioChoice => scenario = chosen(v),
            Input::CostUplift(o) => out.options[o].adjustments.cost_uplift = v,
            Input::BenefitShortfall(o) => out.options[o].adjustments.benefit_shortfall = v,
            Input::BenefitDelayMonths(o) => {
                out.options[o].adjustments.benefit_delay_months = v.to_u32().expect("whole months");
            }
            Input::Amount { option, line } => match &mut out.options[option].lines[line].amounts {
                Amounts::OneOff { amount, .. } => *amount = v,
                Amounts::Recurring { annual, .. } => *annual = v,
                Amounts::ByYear(_) => panic!("line {line} of option {option} is by year"),
            },
            Input::ByYear { option, line, year } => {
                match &mut out.options[option].lines[line].amounts {
                    Amounts::ByYear(values) => {
                        if values.len() <= year {
                            values.resize(year + 1, Decimal::ZERO);
                        }
                        values[year] = v;
                    }
                    _ => panic!("line {line} of option {option} is not by year"),
                }
            }
            Input::Phasing { option, line, k } => {
                match &mut out.options[option].lines[line].amounts {
                    Amounts::OneOff { phasing, .. } => phasing[k] = v,
                    Amounts::Recurring { ramp_up, .. } => ramp_up[k] = v,
                    Amounts::ByYear(_) => panic!("line {line} of option {option} is by year"),
                }
            }
            Input::Weight {
                basis,
                partner,
                year,
            } => weights.entry((basis, partner)).or_default().push((year, v)),
        }
    }
    let years = usize::from(out.horizon);
    for ((basis, partner), changes) in weights {
        let name = out.partners[partner].name.clone();
        let original = out.bases[basis]
            .weights
            .get(&name)
            .cloned()
            .unwrap_or_default();
        let follows = matches!(original, Weight::Same(_));
        let edited: BTreeMap<usize, Decimal> = changes.into_iter().collect();
        let mut values: Vec<Decimal> = Vec::with_capacity(years);
        for t in 0..years {
            let value = match (edited.get(&t), values.last()) {
                (Some(v), _) => *v,
                // A later year's cell of a weight the same every year is a formula equal to
                // the year before's.
                (None, Some(before)) if follows => *before,
                (None, _) => original.in_year(t),
            };
            values.push(value);
        }
        let weight = if follows && values.iter().all(|w| *w == values[0]) {
            Weight::Same(values[0])
        } else {
            Weight::ByYear(values)
        };
        out.bases[basis].weights.insert(name, weight);
    }
    (out, scenario)
}

fn scenario_label(case: &Case, scenario: Option<usize>) -> String {
    sharecase::engine::scenario::name(case, scenario)
}

/// An export of a case with input cells changed, and Sharecase's figures for the same case
/// changed the same way.
struct Edited {
    /// The file's name, without `.xlsx`.
    name: String,
    /// What was exported and changed, for messages.
    what: String,
    bytes: Vec<u8>,
    expected: CaseResults,
    /// The options' sheets.
    layouts: Vec<OptionLayout>,
}

/// Where each option's sheet has its blocks of figures.
fn layouts(case: &Case) -> Vec<OptionLayout> {
    let against = case.baseline_index().is_some();
    sheet_names(case)
        .iter()
        .map(|name| {
            OptionLayout::new(
                name,
                usize::from(case.horizon),
                case.partners.len(),
                against,
            )
        })
        .collect()
}

/// Exports `case` under `scenario` as the app does, then edits the copy's input cells and
/// works the case out again with the same edits.
fn edited(name: &str, case: &Case, scenario: Option<usize>, edits: &[Edit]) -> Edited {
    let problems = validate(case);
    assert!(
        problems.is_empty(),
        "{name}: the case is valid: {problems:?}"
    );
    let exported = appraised(case, scenario);
    let results = compute_appraised(&exported, scenario);
    let bytes = workbook(&exported, &results, &provenance()).expect("workbook");
    let cells: Vec<CellEdit> = edits
        .iter()
        .map(|e| {
            let (sheet, row, col) = input_cell(&exported, e.input)
                .unwrap_or_else(|| panic!("{name}: no input cell for {:?}", e.input));
            CellEdit {
                sheet,
                row,
                col,
                value: e.value.normalize().to_string(),
            }
        })
        .collect();
    let (changed, now) = apply(case, scenario, edits);
    let problems = validate(&changed);
    assert!(
        problems.is_empty(),
        "{name}: the edited case is valid: {problems:?}"
    );
    let expected = compute_appraised(&appraised(&changed, now), now);
    let measures = |r: &CaseResults| -> Vec<_> {
        r.options
            .iter()
            .map(|o| o.figures.measures.clone())
            .collect()
    };
    assert!(
        edits.is_empty() || measures(&results) != measures(&expected),
        "{name}: the edits change a figure, so a workbook that ignored them would fail"
    );
    let list: Vec<String> = edits
        .iter()
        .map(|e| format!("{:?} = {}", e.input, e.value))
        .collect();
    Edited {
        name: name.to_owned(),
        what: format!(
            "{name} (\"{}\", exported under {}, now {}; edits: {})",
            case.title,
            scenario_label(case, scenario),
            scenario_label(case, now),
            if list.is_empty() {
                "none".to_owned()
            } else {
                list.join(", ")
            }
        ),
        bytes: set_cells(&bytes, &cells),
        expected,
        layouts: layouts(&exported),
    }
}

// ---------------------------------------------------------------------------------------
// Changing cells in the XLSX package.
// ---------------------------------------------------------------------------------------

/// A number to write into a cell.
struct CellEdit {
    sheet: String,
    row: u32,
    col: u16,
    value: String,
}

/// The opening tags in `xml` that start with `open`.
fn tags<'a>(xml: &'a str, open: &'a str) -> impl Iterator<Item = &'a str> {
    xml.match_indices(open).map(move |(i, _)| {
        let end = xml[i..].find('>').map_or(xml.len(), |e| i + e + 1);
        &xml[i..end]
    })
}

/// The value of attribute `name` in the tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The zero-based column of the letters at the start of a cell reference (`AB12` is 27).
fn column_index(reference: &str) -> u16 {
    let letters: Vec<u8> = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    assert!(!letters.is_empty(), "a cell reference: {reference}");
    let n = letters
        .iter()
        .fold(0_u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    u16::try_from(n - 1).expect("a column")
}

/// The part holding sheet `sheet`, such as `xl/worksheets/sheet2.xml`.
fn sheet_part(workbook_xml: &str, rels: &str, sheet: &str) -> String {
    let id = tags(workbook_xml, "<sheet ")
        .find(|tag| attr(tag, "name").map(unescape).as_deref() == Some(sheet))
        .and_then(|tag| attr(tag, "r:id"))
        .unwrap_or_else(|| panic!("no sheet \"{sheet}\" in xl/workbook.xml"));
    let target = tags(rels, "<Relationship ")
        .find(|tag| attr(tag, "Id") == Some(id))
        .and_then(|tag| attr(tag, "Target"))
        .unwrap_or_else(|| panic!("no relationship {id} in xl/_rels/workbook.xml.rels"));
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    }
}

/// Where an element that opens at `start` ends (just after `</name>`, or after `/>`), and
/// where its opening tag ends.
fn element_end(xml: &str, start: usize, name: &str) -> (usize, usize) {
    let tag_end = start + xml[start..].find('>').expect("a closed tag") + 1;
    if xml[..tag_end].ends_with("/>") {
        return (tag_end, tag_end);
    }
    let close = format!("</{name}>");
    let end = tag_end + xml[tag_end..].find(&close).expect("a closing tag") + close.len();
    (tag_end, end)
}

/// `xml`, a worksheet, with the cell at `row`, `col` holding the number `value` and nothing
/// else (a formula there is replaced); the cell is added in its row, in column order, and
/// the row in row order, when they are not there.
fn set_cell(xml: &str, row: u32, col: u16, value: &str) -> String {
    let reference = format!("{}{}", column(col), row + 1);
    let wanted_row = row + 1;
    let cell = |style: Option<&str>| {
        let style = style.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
        format!("<c r=\"{reference}\"{style}><v>{value}</v></c>")
    };
    let new_row = format!("<row r=\"{wanted_row}\">{}</row>", cell(None));
    let start = xml.find("<sheetData").expect("sheetData");
    let (open_end, data_end) = element_end(xml, start, "sheetData");
    if open_end == data_end {
        return format!(
            "{}<sheetData>{new_row}</sheetData>{}",
            &xml[..start],
            &xml[data_end..]
        );
    }
    let content_end = data_end - "</sheetData>".len();
    let mut pos = open_end;
    while let Some(found) = xml[pos..content_end].find("<row ") {
        let row_start = pos + found;
        let (tag_end, row_end) = element_end(xml, row_start, "row");
        let tag = &xml[row_start..tag_end];
        let r: u32 = attr(tag, "r")
            .and_then(|r| r.parse().ok())
            .expect("a numbered row");
        if r > wanted_row {
            return format!("{}{new_row}{}", &xml[..row_start], &xml[row_start..]);
        }
        if r == wanted_row {
            if tag_end == row_end {
                let open = format!("{}>", tag.trim_end_matches("/>").trim_end());
                return format!(
                    "{}{open}{}</row>{}",
                    &xml[..row_start],
                    cell(None),
                    &xml[row_end..]
                );
            }
            let cells_end = row_end - "</row>".len();
            let mut p = tag_end;
            while let Some(found) = xml[p..cells_end].find("<c ") {
                let c_start = p + found;
                let (c_tag_end, c_end) = element_end(xml, c_start, "c");
                let c_tag = &xml[c_start..c_tag_end];
                let c_col = column_index(attr(c_tag, "r").expect("a cell reference"));
                if c_col == col {
                    return format!(
                        "{}{}{}",
                        &xml[..c_start],
                        cell(attr(c_tag, "s")),
                        &xml[c_end..]
                    );
                }
                if c_col > col {
                    return format!("{}{}{}", &xml[..c_start], cell(None), &xml[c_start..]);
                }
                p = c_end;
            }
            return format!("{}{}{}", &xml[..cells_end], cell(None), &xml[cells_end..]);
        }
        pos = row_end;
    }
    format!("{}{new_row}{}", &xml[..content_end], &xml[content_end..])
}

/// A copy of the XLSX `bytes` with `cells` set; every other part is copied unchanged.
fn set_cells(bytes: &[u8], cells: &[CellEdit]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("an XLSX is a zip");
    let mut text = |name: &str| {
        let mut out = String::new();
        archive
            .by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the package"))
            .read_to_string(&mut out)
            .expect("XML text");
        out
    };
    let workbook_xml = text("xl/workbook.xml");
    let rels = text("xl/_rels/workbook.xml.rels");
    let mut changed: BTreeMap<String, String> = BTreeMap::new();
    for c in cells {
        let part = sheet_part(&workbook_xml, &rels, &c.sheet);
        if !changed.contains_key(&part) {
            let xml = text(&part);
            changed.insert(part.clone(), xml);
        }
        let xml = changed.get_mut(&part).expect("just read");
        *xml = set_cell(xml, c.row, c.col, &c.value);
    }
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let name = archive
            .by_index_raw(i)
            .expect("entry")
            .name()
            .expect("a UTF-8 name")
            .into_owned();
        if let Some(xml) = changed.get(&name) {
            writer.start_file(name, options).expect("new entry");
            writer.write_all(xml.as_bytes()).expect("written");
        } else {
            writer
                .raw_copy_file(archive.by_index_raw(i).expect("entry"))
                .expect("copied");
        }
    }
    writer.finish().expect("zip finished").into_inner()
}

// ---------------------------------------------------------------------------------------
// Reading named cells.
// ---------------------------------------------------------------------------------------

/// What a cell shows.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Number(f64),
    Text(String),
    /// An error, an empty cell, a missing name...
    Other(String),
}

/// A workbook read once: its defined names and every sheet's values.
struct Book {
    names: Vec<(String, String)>,
    sheets: BTreeMap<String, calamine::Range<Data>>,
}

impl Book {
    fn new(bytes: Vec<u8>) -> Self {
        let mut xlsx: Xlsx<Cursor<Vec<u8>>> =
            open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine can read");
        let names = xlsx.defined_names().to_vec();
        let sheets = xlsx.worksheets().into_iter().collect();
        Self { names, sheets }
    }

    /// The sheet, row and column defined name `name` refers to.
    fn refers_to(&self, name: &str) -> Option<(String, u32, u16)> {
        let (_, formula) = self
            .names
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))?;
        reference(formula)
    }

    fn value(&self, sheet: &str, row: u32, col: u16) -> Shown {
        let Some(range) = self.sheets.get(sheet) else {
            return Shown::Other(format!("no sheet \"{sheet}\""));
        };
        match range.get_value((row, u32::from(col))) {
            Some(Data::Float(x)) => Shown::Number(*x),
            Some(Data::Int(i)) => {
                #[allow(clippy::cast_precision_loss)]
                let x = *i as f64;
                Shown::Number(x)
            }
            Some(Data::String(s)) => Shown::Text(s.clone()),
            Some(Data::Empty) | None => Shown::Other("an empty cell".into()),
            Some(other) => Shown::Other(format!("{other:?}")),
        }
    }

    /// What the cell named `name` shows.
    fn named(&self, name: &str) -> Shown {
        match self.refers_to(name) {
            Some((sheet, row, col)) => self.value(&sheet, row, col),
            None => Shown::Other(format!(
                "no defined name {name} referring to one cell (names: {:?})",
                self.names
            )),
        }
    }

    /// Every cell showing an error, as `Sheet!A1: error`.
    fn errors(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (sheet, range) in &self.sheets {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, value) in range.used_cells() {
                if let Data::Error(e) = value {
                    let row = r0 + u32::try_from(r).expect("row");
                    let col = u16::try_from(c0 + u32::try_from(c).expect("col")).expect("col");
                    out.push(format!("{sheet}!{}{}: {e:?}", column(col), row + 1));
                }
            }
        }
        out
    }
}

/// `'Sheet name'!$C$5` (or `Sheet!C5`, or a range, whose first cell is taken) as a sheet,
/// zero-based row and column.
fn reference(formula: &str) -> Option<(String, u32, u16)> {
    let formula = formula.trim().trim_start_matches('=');
    let (sheet, cell) = formula.rsplit_once('!')?;
    let sheet = match sheet.strip_prefix('\'') {
        Some(quoted) => quoted.strip_suffix('\'')?.replace("''", "'"),
        None => sheet.to_owned(),
    };
    let cell: String = cell
        .split(':')
        .next()?
        .chars()
        .filter(|c| *c != '$')
        .collect();
    let digits = cell.find(|c: char| c.is_ascii_digit())?;
    if digits == 0 || !cell[..digits].chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let row: u32 = cell[digits..].parse().ok()?;
    Some((sheet, row.checked_sub(1)?, column_index(&cell)))
}

/// Sharecase's figure and the tolerance the workbook's must be within; `None` where the
/// workbook must show "none".
type Want = Option<(f64, f64)>;

/// The five headline measures: the defined name's stem, the measure's place in a block of
/// an option's sheet, and what the workbook must show.
fn wants(m: &Measures) -> [(&'static str, usize, Want); 5] {
    [
        ("NPV", measure::NPV, Some((f(m.npv), 0.005))),
        ("IRR", measure::IRR, m.irr.rate().map(|r| (f(r), 1e-6))),
        (
            "PaybackYears",
            measure::PAYBACK,
            m.payback.years().map(|y| (f(y), 1e-4)),
        ),
        (
            "DiscountedPaybackYears",
            measure::DISCOUNTED,
            m.discounted_payback.years().map(|y| (f(y), 1e-4)),
        ),
        ("BCR", measure::BCR, m.bcr.map(|b| (f(b), 1e-6))),
    ]
}

/// Whether the workbook's `got` is Sharecase's `want`; if not, the disagreement is added to
/// `failures`.
fn agree(
    got: &Shown,
    want: Want,
    m: &Measures,
    stem: &str,
    place: &str,
    failures: &mut Vec<String>,
) {
    let agrees = match (got, want) {
        (Shown::Number(g), Some((w, tolerance))) => (g - w).abs() <= tolerance,
        (Shown::Text(t), None) => t == "none",
        _ => false,
    };
    if !agrees {
        let want = want.map_or_else(|| "\"none\"".to_owned(), |(w, _)| format!("{w}"));
        let detail = match &m.irr {
            Irr::Rate { solutions, .. } if stem == "IRR" && *solutions > 1 => format!(
                " ({solutions} rates give an NPV of zero; Sharecase gives the one nearest zero)"
            ),
            Irr::None(why) if stem == "IRR" => format!(" ({why:?})"),
            _ => String::new(),
        };
        failures.push(format!(
            "{place}: workbook {got:?}, Sharecase {want}{detail}"
        ));
    }
}

/// Each option's named figures in `book` against Sharecase's `results`, and, where
/// `layouts` gives the options' sheets, each partner's figures and each option's against
/// the baseline; a disagreement is added to `failures`, naming the copy, the figure, the
/// workbook's value and Sharecase's.
fn compare(
    book: &Book,
    results: &CaseResults,
    layouts: &[OptionLayout],
    what: &str,
    failures: &mut Vec<String>,
) {
    for (i, option) in results.options.iter().enumerate() {
        let n = i + 1;
        let m = &option.figures.measures;
        for (stem, _, want) in wants(m) {
            let name = format!("{stem}_{n}");
            let place = format!("{what}: {name} (option \"{}\")", option.name);
            agree(&book.named(&name), want, m, stem, &place, failures);
        }
        let Some(layout) = layouts.get(i) else {
            continue;
        };
        let mut blocks: Vec<(usize, String, &Measures)> = option
            .partners
            .iter()
            .enumerate()
            .map(|(p, partner)| {
                (
                    1 + p,
                    format!("partner \"{}\"", partner.name),
                    &partner.figures.measures,
                )
            })
            .collect();
        if let Some(against) = &option.incremental {
            blocks.push((
                layout.against_block(),
                format!("against \"{}\"", against.against),
                &against.figures.measures,
            ));
        }
        for (b, whose, m) in blocks {
            for (stem, which, want) in wants(m) {
                let (row, col) = layout.measure(b, which);
                let place = format!(
                    "{what}: {stem} of option \"{}\", {whose} ('{}'!{}{})",
                    option.name,
                    layout.sheet,
                    column(col),
                    row + 1
                );
                agree(
                    &book.value(&layout.sheet, row, col),
                    want,
                    m,
                    stem,
                    &place,
                    failures,
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// LibreOffice.
// ---------------------------------------------------------------------------------------

/// Writes every copy, recalculates them all in one LibreOffice run, and compares each
/// one's named figures with Sharecase's; `also` adds checks of the recalculated book.
fn recalculate_and_compare(
    office: &str,
    copies: &[Edited],
    also: impl Fn(&Edited, &Book, &mut Vec<String>),
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for copy in copies {
        let path = dir.path().join(format!("{}.xlsx", copy.name));
        std::fs::write(&path, &copy.bytes).expect("written");
        files.push(path);
    }
    let out = recalculate(office, dir.path(), &files);
    let mut failures = Vec::new();
    for copy in copies {
        let path = out.join(format!("{}.xlsx", copy.name));
        let Ok(bytes) = std::fs::read(&path) else {
            failures.push(format!(
                "{}: LibreOffice wrote no {}",
                copy.what,
                path.display()
            ));
            continue;
        };
        let book = Book::new(bytes);
        compare(
            &book,
            &copy.expected,
            &copy.layouts,
            &copy.what,
            &mut failures,
        );
        also(copy, &book, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Asserts that some option of some copy has measures of which `wanted` holds, so that the
/// copies really cover what a test says they do.
fn covers(copies: &[Edited], what: &str, wanted: impl Fn(&Measures) -> bool) {
    assert!(
        copies.iter().any(|c| c
            .expected
            .options
            .iter()
            .any(|o| wanted(&o.figures.measures))),
        "no copy has {what}"
    );
}

/// No cell of the recalculated book shows an error (#N/A, #DIV/0!, #VALUE!...).
fn no_errors(copy: &Edited, book: &Book, failures: &mut Vec<String>) {
    for error in book.errors() {
        failures.push(format!("{}: {error}", copy.what));
    }
}

macro_rules! office_or_skip {
    () => {
        match soffice() {
            Some(office) => office,
            None => {
                eprintln!(
                    "LibreOffice is not installed: skipping the recalculation (install it with \
                     `apt-get install -y libreoffice-calc-nogui`)"
                );
                return;
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// Cases.
// ---------------------------------------------------------------------------------------

fn partners(names: &[&str]) -> Vec<Partner> {
    names
        .iter()
        .map(|n| Partner {
            name: (*n).into(),
            budget_gap: Vec::new(),
        })
        .collect()
}

fn one_off(amount: &str, year: u32, phasing: &[&str]) -> Amounts {
    Amounts::OneOff {
        amount: d(amount),
        year,
        phasing: ds(phasing),
    }
}

fn recurring(annual: &str, from_year: u32, to_year: Option<u32>, ramp_up: &[&str]) -> Amounts {
    Amounts::Recurring {
        annual: d(annual),
        from_year,
        to_year,
        ramp_up: ds(ramp_up),
    }
}

/// A line with its category, sharing and, for investment, its funding.
fn entry(
    name: &str,
    kind: LineKind,
    category: &str,
    amounts: Amounts,
    sharing: Sharing,
    funding: Option<Funding>,
) -> Line {
    let mut l = line(name, kind, amounts);
    l.category = category.into();
    l.sharing = sharing;
    l.funding = funding;
    l
}

fn basis(name: &str) -> Sharing {
    Sharing::Basis(name.into())
}

fn to(partner: &str) -> Sharing {
    Sharing::Partner(partner.into())
}

fn option(name: &str, lines: Vec<Line>) -> CaseOption {
    CaseOption {
        name: name.into(),
        description: String::new(),
        adjustments: sharecase::case::Adjustments::default(),
        lines,
        optimism_bias: None,
        delay_range: None,
    }
}

/// Three partners over 8 years, in year-0 prices: every amount pattern, lines with their own
/// indexation and lines in cash prices, sharing equally, to one partner and by a basis whose
/// weights are the same every year or vary by year, every funding source (borrowing repaid
/// in equal instalments and as an annuity), a baseline, a scenario changing a category with
/// its own inflation, and an option with optimism bias.
fn every_pattern() -> Case {
    use LineKind::{CapitalInvestment, Income, RecurringCost, RevenueInvestment, Saving};
    let mut case = bare_case(8);
    case.title = "Every pattern".into();
    case.inflation = d("0.025");
    case.discount_rate = d("0.035");
    case.borrowing_rate = d("0.045");
    case.partners = partners(&["Ashby", "Brent Vale", "Colne"]);
    case.bases = vec![
        SharingBasis {
            name: "Population".into(),
            weights: [
                ("Ashby".to_owned(), d("96400").into()),
                ("Brent Vale".to_owned(), d("121800").into()),
                ("Colne".to_owned(), d("72300").into()),
            ]
            .into(),
            source: String::new(),
        },
        SharingBasis {
            name: "Caseload".into(),
            weights: [
                (
                    "Ashby".to_owned(),
                    Weight::ByYear(ds(&["40", "42", "44", "46", "48", "50", "52", "54"])),
                ),
                (
                    "Brent Vale".to_owned(),
                    Weight::ByYear(ds(&["60", "58", "56", "54", "52", "50", "48", "46"])),
                ),
                (
                    "Colne".to_owned(),
                    Weight::ByYear(ds(&["0", "0", "30", "30", "30", "30", "30", "30"])),
                ),
            ]
            .into(),
            source: String::new(),
        },
    ];
    let mut current = entry(
        "Current service",
        RecurringCost,
        "Staff",
        recurring("1450000", 0, None, &[]),
        basis("Population"),
        None,
    );
    current.indexation = Some(d("0.03"));
    let mut servers = entry(
        "Server replacement",
        CapitalInvestment,
        "ICT",
        one_off("400000", 3, &[]),
        basis("Population"),
        Some(Funding::Borrowing),
    );
    servers.asset_life_years = Some(5);
    let bau = option(
        "Business as usual",
        vec![
            current,
            servers,
            entry(
                "Channel shift",
                Saving,
                "Other",
                Amounts::ByYear(ds(&["0", "20000", "40000"])),
                Sharing::Equal,
                None,
            ),
        ],
    );
    let mut system = entry(
        "Case management system",
        CapitalInvestment,
        "ICT",
        one_off("850000", 0, &["0.7", "0.3"]),
        basis("Population"),
        Some(Funding::Borrowing),
    );
    system.mrp = Some(Mrp::Annuity);
    system.asset_life_years = Some(7);
    let mut depot = entry(
        "Depot works",
        CapitalInvestment,
        "Accommodation",
        one_off("240000", 2, &[]),
        to("Brent Vale"),
        Some(Funding::Borrowing),
    );
    depot.mrp = Some(Mrp::Equal);
    depot.asset_life_years = Some(10);
    let mut running = entry(
        "Shared service running costs",
        RecurringCost,
        "Staff",
        recurring("1050000", 1, None, &[]),
        basis("Caseload"),
        None,
    );
    running.indexation = Some(d("0.04"));
    let mut interim = entry(
        "Interim contract",
        RecurringCost,
        "Contracts",
        recurring("90000", 0, Some(2), &[]),
        Sharing::Equal,
        None,
    );
    interim.prices = Some(PriceBasis::Cash);
    let mut staff = entry(
        "Staff savings",
        Saving,
        "Staff",
        recurring("1600000", 1, None, &["0.3", "0.7"]),
        basis("Population"),
        None,
    );
    staff.indexation = Some(d("0.03"));
    let mut offices = entry(
        "Offices released",
        Saving,
        "Accommodation",
        Amounts::ByYear(ds(&["0", "50000", "120000", "125000", "130000", "135000"])),
        to("Colne"),
        None,
    );
    offices.prices = Some(PriceBasis::Cash);
    let mut shared = option(
        "Shared service",
        vec![
            system,
            depot,
            entry(
                "Vehicles",
                CapitalInvestment,
                "Other",
                one_off("180000", 1, &[]),
                basis("Caseload"),
                Some(Funding::Grant),
            ),
            entry(
                "Redundancy",
                RevenueInvestment,
                "Redundancy and pension strain",
                one_off("310000", 1, &[]),
                basis("Caseload"),
                Some(Funding::Reserves),
            ),
            entry(
                "Double running",
                RevenueInvestment,
                "Double running",
                Amounts::ByYear(ds(&["120000", "65000.50"])),
                Sharing::Equal,
                Some(Funding::RevenueBudget),
            ),
            entry(
                "Training",
                RevenueInvestment,
                "Programme team",
                one_off("45000", 0, &["0.5", "0.25", "0.25"]),
                to("Ashby"),
                Some(Funding::CapitalReceipts),
            ),
            running,
            interim,
            staff,
            offices,
            entry(
                "Services sold",
                Income,
                "Income",
                recurring("75000", 2, Some(6), &[]),
                Sharing::Equal,
                None,
            ),
        ],
    );
    shared.adjustments.cost_uplift = d("0.05");
    shared.adjustments.benefit_shortfall = d("0.1");
    shared.adjustments.benefit_delay_months = 3;
    let mut outsourced = option(
        "Outsourced",
        vec![
            entry(
                "Transition",
                RevenueInvestment,
                "Programme team",
                one_off("200000", 0, &[]),
                Sharing::Equal,
                None,
            ),
            entry(
                "Contract",
                RecurringCost,
                "Contracts",
                recurring("1200000", 1, None, &[]),
                basis("Population"),
                None,
            ),
            entry(
                "Staff transferred",
                Saving,
                "Staff",
                recurring("1500000", 1, None, &["0.5"]),
                basis("Population"),
                None,
            ),
        ],
    );
    outsourced.optimism_bias = Some(OptimismBias {
        investment_type: InvestmentType::EquipmentDevelopment,
        running_cost_type: Some(RunningCostType::Outsourcing),
        mitigated: d("0.5"),
        reason: "Soft market testing and a fixed-price bid".into(),
        implementation_months: 9,
    });
    case.options = vec![bau, shared, outsourced];
    case.baseline = Some("Business as usual".into());
    case.scenarios = vec![
        Scenario::prudent(),
        Scenario {
            name: "Staff squeeze".into(),
            description: "Staff lines 20% lower, inflation at 4%".into(),
            cost_uplift: d("0.05"),
            inflation: Some(d("0.04")),
            categories: [("Staff".to_owned(), d("-0.2"))].into(),
            ..Scenario::default()
        },
    ];
    case
}

/// Two partners over 5 years in cash prices with deflation: an option with no costs (no BCR,
/// immediate payback), one that pays back and falls back, one that never pays back, a line
/// in year-0 prices with its own indexation, weights by year, and a scenario with a delay.
fn cash_prices() -> Case {
    use LineKind::{CapitalInvestment, Income, RecurringCost, RevenueInvestment, Saving};
    let mut case = bare_case(5);
    case.title = "Cash prices".into();
    case.prices = PriceBasis::Cash;
    case.inflation = d("-0.005");
    case.discount_rate = d("0.06");
    case.bases[0].name = "Split".into();
    case.bases[0].weights = [
        (
            "A".to_owned(),
            Weight::ByYear(ds(&["1", "1", "2", "2", "3"])),
        ),
        ("B".to_owned(), d("3").into()),
    ]
    .into();
    let savings_only = option(
        "Savings only",
        vec![
            entry(
                "Shared procurement",
                Saving,
                "Contracts",
                recurring("10000", 0, None, &[]),
                Sharing::Equal,
                None,
            ),
            entry(
                "Rebate",
                Income,
                "Income",
                one_off("5000", 2, &[]),
                to("B"),
                None,
            ),
        ],
    );
    let mut licences = entry(
        "Licences",
        RecurringCost,
        "ICT",
        Amounts::ByYear(ds(&["0", "4000", "4000", "4000", "4000"])),
        basis("Split"),
        None,
    );
    licences.prices = Some(PriceBasis::Year0);
    licences.indexation = Some(d("0.02"));
    let mut kit = entry(
        "Replacement kit",
        CapitalInvestment,
        "ICT",
        one_off("20000", 4, &[]),
        basis("Split"),
        Some(Funding::Borrowing),
    );
    kit.mrp = Some(Mrp::Annuity);
    kit.asset_life_years = Some(3);
    let quick_win = option(
        "Quick win",
        vec![
            entry(
                "Set-up",
                RevenueInvestment,
                "Programme team",
                one_off("30000", 0, &[]),
                Sharing::Equal,
                Some(Funding::RevenueBudget),
            ),
            licences,
            entry(
                "Merged team",
                Saving,
                "Staff",
                recurring("15000", 0, None, &["0.5"]),
                basis("Split"),
                None,
            ),
            kit,
        ],
    );
    let never_pays = option(
        "Never pays back",
        vec![
            entry(
                "Building",
                CapitalInvestment,
                "Accommodation",
                one_off("500000", 0, &[]),
                Sharing::Equal,
                Some(Funding::Grant),
            ),
            entry(
                "Rent saved",
                Saving,
                "Accommodation",
                recurring("20000", 1, Some(3), &[]),
                basis("Split"),
                None,
            ),
        ],
    );
    case.options = vec![savings_only, quick_win, never_pays];
    case.scenarios = vec![Scenario {
        name: "Late".into(),
        benefit_delay_months: 9,
        ..Scenario::default()
    }];
    case
}

/// One option over 4 years: £1m of capital in year 0, savings and exit costs by year, whose
/// edits move the IRR anywhere.
fn irr_case() -> Case {
    let mut case = bare_case(4);
    case.title = "IRR".into();
    case.options[0].lines = vec![
        line(
            "System",
            LineKind::CapitalInvestment,
            one_off("1000000", 0, &[]),
        ),
        line(
            "Savings",
            LineKind::Saving,
            Amounts::ByYear(ds(&["0", "300000", "300000", "300000"])),
        ),
        line(
            "Exit costs",
            LineKind::RecurringCost,
            Amounts::ByYear(ds(&["0", "0", "0", "0"])),
        ),
    ];
    case
}

fn money(rng: &mut ChaCha8Rng) -> Decimal {
    Decimal::new(rng.random_range(100_000..=200_000_000), 2)
}

fn tenths(rng: &mut ChaCha8Rng, low: i64, high: i64) -> Decimal {
    Decimal::new(rng.random_range(low..=high), 1)
}

/// Fractions in tenths adding up to exactly 1, two or three of them.
fn split(rng: &mut ChaCha8Rng) -> Vec<Decimal> {
    if rng.random_bool(0.5) {
        let a = rng.random_range(1..=9);
        vec![Decimal::new(a, 1), Decimal::new(10 - a, 1)]
    } else {
        let a = rng.random_range(1..=8);
        let b = rng.random_range(1..=9 - a);
        vec![
            Decimal::new(a, 1),
            Decimal::new(b, 1),
            Decimal::new(10 - a - b, 1),
        ]
    }
}

fn generated_line(rng: &mut ChaCha8Rng, case: &Case, kind: LineKind, pattern: usize) -> Line {
    let years = u32::from(case.horizon);
    let amounts = match pattern {
        0 => Amounts::OneOff {
            amount: money(rng),
            year: rng.random_range(0..years),
            phasing: if rng.random_bool(0.5) {
                Vec::new()
            } else {
                split(rng)
            },
        },
        1 => {
            let from_year = rng.random_range(0..=2);
            Amounts::Recurring {
                annual: money(rng),
                from_year,
                to_year: rng
                    .random_bool(0.4)
                    .then(|| from_year + rng.random_range(0..years)),
                ramp_up: (0..rng.random_range(0..=2))
                    .map(|_| tenths(rng, 1, 9))
                    .collect(),
            }
        }
        _ => Amounts::ByYear(
            (0..rng.random_range(1..=years))
                .map(|_| money(rng))
                .collect(),
        ),
    };
    let mut l = line(
        &format!("Line {}", rng.random_range(1..1000)),
        kind,
        amounts,
    );
    l.category = ["Staff", "ICT", "Accommodation", "Other"][rng.random_range(0..4)].into();
    l.prices =
        [None, None, Some(PriceBasis::Cash), Some(PriceBasis::Year0)][rng.random_range(0..4)];
    if case.line_prices(&l) == PriceBasis::Year0 && rng.random_bool(0.4) {
        l.indexation = Some(Decimal::new(rng.random_range(-10..=60), 3));
    }
    let partner = rng.random_range(0..case.partners.len());
    l.sharing = match rng.random_range(0..4) {
        0 => Sharing::Equal,
        1 => Sharing::Partner(case.partners[partner].name.clone()),
        2 => basis("Even"),
        _ => basis("Shifting"),
    };
    match kind {
        LineKind::CapitalInvestment => {
            l.funding = Some(Funding::ALL[rng.random_range(0..Funding::ALL.len())]);
            l.mrp = Some(Mrp::ALL[rng.random_range(0..2)]);
            l.asset_life_years = Some(rng.random_range(1..=12));
        }
        LineKind::RevenueInvestment => {
            l.funding = Some(Funding::ALL[rng.random_range(1..Funding::ALL.len())]);
        }
        _ => {}
    }
    l
}

/// A case made up from `seed`: 2 to 4 partners, 4 to 10 years, two bases (one the same every
/// year, one varying), 2 or 3 options each opening with capital and a saving, then random
/// lines of every kind, pattern, price basis, sharing and funding; random adjustments,
/// optimism bias, baseline and two scenarios.
fn generated(seed: u64) -> Case {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let horizon: u8 = rng.random_range(4..=10);
    let years = usize::from(horizon);
    let mut case = bare_case(horizon);
    case.title = format!("Generated case {seed}");
    case.discount_rate = Decimal::new(rng.random_range(0..=80), 3);
    case.inflation = Decimal::new(rng.random_range(-10..=50), 3);
    case.borrowing_rate = Decimal::new(rng.random_range(20..=80), 3);
    case.prices = if rng.random_bool(0.3) {
        PriceBasis::Cash
    } else {
        PriceBasis::Year0
    };
    let count = rng.random_range(2..=4);
    case.partners = (1..=count)
        .map(|p| Partner {
            name: format!("Council {p}"),
            budget_gap: Vec::new(),
        })
        .collect();
    let even: BTreeMap<String, Weight> = case
        .partners
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                Decimal::from(rng.random_range(1..=1000)).into(),
            )
        })
        .collect();
    let shifting: BTreeMap<String, Weight> = case
        .partners
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let low = i64::from(i == 0);
            let values = (0..years)
                .map(|_| Decimal::from(rng.random_range(low..=100)))
                .collect();
            (p.name.clone(), Weight::ByYear(values))
        })
        .collect();
    case.bases = vec![
        SharingBasis {
            name: "Even".into(),
            weights: even,
            source: String::new(),
        },
        SharingBasis {
            name: "Shifting".into(),
            weights: shifting,
            source: String::new(),
        },
    ];
    let options = rng.random_range(2..=3);
    let mut built = Vec::new();
    for o in 0..options {
        let mut lines = vec![
            generated_line(&mut rng, &case, LineKind::CapitalInvestment, 0),
            generated_line(&mut rng, &case, LineKind::Saving, 1),
        ];
        if let Amounts::OneOff { year, .. } = &mut lines[0].amounts {
            *year = 0;
        }
        for _ in 0..rng.random_range(2..=6) {
            let kind = LineKind::ALL[rng.random_range(0..LineKind::ALL.len())];
            let pattern = rng.random_range(0..3);
            lines.push(generated_line(&mut rng, &case, kind, pattern));
        }
        for (i, l) in lines.iter_mut().enumerate() {
            l.name = format!("{} {}", l.name, i + 1);
        }
        let mut opt = option(&format!("Option {}", o + 1), lines);
        opt.adjustments.cost_uplift = Decimal::new(rng.random_range(0..=30), 2);
        opt.adjustments.benefit_shortfall = Decimal::new(rng.random_range(0..=30), 2);
        opt.adjustments.benefit_delay_months = rng.random_range(0..=18);
        if rng.random_bool(0.4) {
            opt.optimism_bias = Some(OptimismBias {
                investment_type: InvestmentType::ALL[rng.random_range(0..5)],
                running_cost_type: rng.random_bool(0.5).then_some(RunningCostType::Outsourcing),
                mitigated: tenths(&mut rng, 0, 8),
                reason: "Evidence of mitigation".into(),
                implementation_months: rng.random_range(0..=12),
            });
        }
        built.push(opt);
    }
    case.options = built;
    if rng.random_bool(0.5) {
        case.baseline = Some(case.options[0].name.clone());
    }
    case.scenarios = vec![
        Scenario::prudent(),
        Scenario {
            name: "Staff squeeze".into(),
            inflation: Some(d("0.035")),
            categories: [("Staff".to_owned(), d("-0.2"))].into(),
            ..Scenario::default()
        },
    ];
    let problems = validate(&case);
    assert!(problems.is_empty(), "generated case {seed}: {problems:?}");
    case
}

/// Edits of every sort for any case, drawn from `rng`: the rates and the scenario choice,
/// one option's adjustments, two of its lines' amounts and phasing, and a weight.
fn generated_edits(case: &Case, rng: &mut ChaCha8Rng) -> Vec<Edit> {
    let years = usize::from(case.horizon);
    let rate = |rng: &mut ChaCha8Rng, low, high| Decimal::new(rng.random_range(low..=high), 3);
    let mut edits = vec![
        Edit {
            input: Input::DiscountRate,
            value: rate(rng, 0, 80),
        },
        Edit {
            input: Input::Inflation,
            value: rate(rng, -10, 50),
        },
        Edit {
            input: Input::BorrowingRate,
            value: rate(rng, 10, 90),
        },
        Edit {
            input: Input::ScenarioChoice,
            value: Decimal::from(rng.random_range(1..=case.scenarios.len() + 1)),
        },
    ];
    let o = rng.random_range(0..case.options.len());
    edits.extend([
        Edit {
            input: Input::CostUplift(o),
            value: Decimal::new(rng.random_range(0..=50), 2),
        },
        Edit {
            input: Input::BenefitShortfall(o),
            value: Decimal::new(rng.random_range(0..=50), 2),
        },
        Edit {
            input: Input::BenefitDelayMonths(o),
            value: Decimal::from(rng.random_range(0..=36)),
        },
    ]);
    let lines = &case.options[o].lines;
    for _ in 0..2 {
        let l = rng.random_range(0..lines.len());
        let at = Input::Amount { option: o, line: l };
        match &lines[l].amounts {
            Amounts::OneOff { phasing, .. } => {
                edits.push(Edit {
                    input: at,
                    value: money(rng),
                });
                if phasing.len() >= 2 {
                    let (a, b) = (phasing[0], phasing[1]);
                    let tenth = Decimal::new(1, 1);
                    let (a, b) = if a >= tenth {
                        (a - tenth, b + tenth)
                    } else {
                        (a + tenth, b - tenth)
                    };
                    for (k, value) in [(0, a), (1, b)] {
                        edits.push(Edit {
                            input: Input::Phasing {
                                option: o,
                                line: l,
                                k,
                            },
                            value,
                        });
                    }
                }
            }
            Amounts::Recurring { ramp_up, .. } => {
                edits.push(Edit {
                    input: at,
                    value: money(rng),
                });
                if !ramp_up.is_empty() {
                    edits.push(Edit {
                        input: Input::Phasing {
                            option: o,
                            line: l,
                            k: rng.random_range(0..ramp_up.len()),
                        },
                        value: tenths(rng, 0, 10),
                    });
                }
            }
            Amounts::ByYear(_) => edits.push(Edit {
                input: Input::ByYear {
                    option: o,
                    line: l,
                    year: rng.random_range(0..years),
                },
                value: money(rng),
            }),
        }
    }
    edits.push(Edit {
        input: Input::Weight {
            basis: rng.random_range(0..case.bases.len()),
            partner: rng.random_range(0..case.partners.len()),
            year: rng.random_range(0..years),
        },
        value: Decimal::from(rng.random_range(1..=500)),
    });
    edits
}

// ---------------------------------------------------------------------------------------
// Without LibreOffice: the Inputs sheet and the stored figures.
// ---------------------------------------------------------------------------------------

/// Every input of `case` exported under `scenario`, with the value the case gives it.
fn inputs(case: &Case, scenario: Option<usize>) -> Vec<(Input, Decimal)> {
    let years = usize::from(case.horizon);
    let mut out = vec![
        (Input::DiscountRate, case.discount_rate),
        (Input::Inflation, case.inflation),
        (Input::BorrowingRate, case.borrowing_rate),
        (
            Input::ScenarioChoice,
            Decimal::from(scenario.map_or(1, |s| s + 2)),
        ),
    ];
    for (o, option) in case.options.iter().enumerate() {
        let adj = &option.adjustments;
        out.push((Input::CostUplift(o), adj.cost_uplift));
        out.push((Input::BenefitShortfall(o), adj.benefit_shortfall));
        out.push((
            Input::BenefitDelayMonths(o),
            Decimal::from(adj.benefit_delay_months),
        ));
        for (l, line) in option.lines.iter().enumerate() {
            let at = Input::Amount { option: o, line: l };
            let phased = |k| Input::Phasing {
                option: o,
                line: l,
                k,
            };
            match &line.amounts {
                Amounts::OneOff {
                    amount, phasing, ..
                } => {
                    out.push((at, *amount));
                    out.extend(phasing.iter().enumerate().map(|(k, v)| (phased(k), *v)));
                }
                Amounts::Recurring {
                    annual, ramp_up, ..
                } => {
                    out.push((at, *annual));
                    out.extend(ramp_up.iter().enumerate().map(|(k, v)| (phased(k), *v)));
                }
                Amounts::ByYear(values) => {
                    for year in 0..years {
                        out.push((
                            Input::ByYear {
                                option: o,
                                line: l,
                                year,
                            },
                            values.get(year).copied().unwrap_or_default(),
                        ));
                    }
                }
            }
        }
    }
    for (b, basis) in case.bases.iter().enumerate() {
        for (p, partner) in case.partners.iter().enumerate() {
            if !basis.weights.contains_key(&partner.name) {
                continue;
            }
            for year in 0..years {
                out.push((
                    Input::Weight {
                        basis: b,
                        partner: p,
                        year,
                    },
                    basis.weight(&partner.name, year),
                ));
            }
        }
    }
    out
}

/// The cases the tests export, with the scenario each is exported under.
fn exports() -> Vec<(String, Case, Option<usize>)> {
    let mut out = vec![
        ("example".to_owned(), example::case(), None),
        ("example-prudent".to_owned(), example::case(), Some(0)),
        (
            "example-high-inflation".to_owned(),
            example::case(),
            Some(1),
        ),
        ("every-pattern".to_owned(), every_pattern(), None),
        ("every-pattern-squeeze".to_owned(), every_pattern(), Some(1)),
        ("cash-prices".to_owned(), cash_prices(), None),
        ("cash-prices-late".to_owned(), cash_prices(), Some(0)),
        ("irr".to_owned(), irr_case(), None),
    ];
    for seed in 1..=6_u64 {
        let scenario = match seed % 3 {
            0 => None,
            1 => Some(0),
            _ => Some(1),
        };
        out.push((format!("generated-{seed}"), generated(seed), scenario));
    }
    out
}

#[test]
fn the_inputs_sheet_holds_the_case_as_entered_and_names_its_cells() {
    let mut failures = Vec::new();
    for (name, case, scenario) in exports() {
        let exported = appraised(&case, scenario);
        let results = compute_appraised(&exported, scenario);
        let book = Book::new(workbook(&exported, &results, &provenance()).expect("workbook"));
        let mut seen: BTreeMap<(String, u32, u16), Input> = BTreeMap::new();
        for (input, want) in inputs(&case, scenario) {
            let Some((sheet, row, col)) = input_cell(&exported, input) else {
                failures.push(format!("{name}: no input cell for {input:?}"));
                continue;
            };
            if sheet != "Inputs" {
                failures.push(format!("{name}: {input:?} is on sheet \"{sheet}\""));
            }
            if let Some(other) = seen.insert((sheet.clone(), row, col), input) {
                failures.push(format!(
                    "{name}: {input:?} and {other:?} share the cell {sheet}!{}{}",
                    column(col),
                    row + 1
                ));
            }
            let got = book.value(&sheet, row, col);
            let agrees = match &got {
                Shown::Number(x) => (x - f(want)).abs() <= 1e-9,
                Shown::Other(empty) => empty == "an empty cell" && want.is_zero(),
                Shown::Text(_) => false,
            };
            if !agrees {
                failures.push(format!(
                    "{name}: {input:?} at {sheet}!{}{} holds {got:?}, the case {want}",
                    column(col),
                    row + 1
                ));
            }
        }
        assert_eq!(
            input_cell(&exported, Input::CostUplift(case.options.len())),
            None,
            "{name}: no cell for an option the case does not have"
        );
        // The named inputs are the input cells.
        let mut named = vec![
            ("DiscountRate".to_owned(), Input::DiscountRate),
            ("Inflation".to_owned(), Input::Inflation),
            ("BorrowingRate".to_owned(), Input::BorrowingRate),
            ("ScenarioChoice".to_owned(), Input::ScenarioChoice),
        ];
        for o in 0..case.options.len() {
            let n = o + 1;
            named.push((format!("CostUplift_{n}"), Input::CostUplift(o)));
            named.push((format!("BenefitShortfall_{n}"), Input::BenefitShortfall(o)));
            named.push((
                format!("BenefitDelayMonths_{n}"),
                Input::BenefitDelayMonths(o),
            ));
        }
        for (defined, input) in named {
            let at = book.refers_to(&defined);
            if at != input_cell(&exported, input) {
                failures.push(format!(
                    "{name}: the name {defined} refers to {at:?}, the input cell of {input:?} is {:?}",
                    input_cell(&exported, input)
                ));
            }
        }
        // The figures stored for a reader that does not recalculate are Sharecase's.
        let sheets = layouts(&exported);
        compare(
            &book,
            &results,
            &sheets,
            &format!("{name} (stored)"),
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn changing_a_cell_keeps_the_rest_of_the_package() {
    let case = example::case();
    let results = compute_appraised(&appraised(&case, None), None);
    let bytes = workbook(&case, &results, &provenance()).expect("workbook");
    let (sheet, row, col) = input_cell(&case, Input::DiscountRate).expect("a discount rate");
    let changed = set_cells(
        &bytes,
        &[
            CellEdit {
                sheet: sheet.clone(),
                row,
                col,
                value: "0.05".into(),
            },
            // A cell far from everything: added in a row of its own.
            CellEdit {
                sheet: sheet.clone(),
                row: 900,
                col: 30,
                value: "7".into(),
            },
        ],
    );
    let before = Book::new(bytes);
    let after = Book::new(changed);
    assert_eq!(after.value(&sheet, row, col), Shown::Number(0.05));
    assert_eq!(after.value(&sheet, 900, 30), Shown::Number(7.0));
    assert_eq!(before.names, after.names);
    for (name, range) in &before.sheets {
        for (r, c, value) in range.used_cells() {
            let (r0, c0) = range.start().expect("a used range");
            let (r, c) = (
                r0 + u32::try_from(r).expect("row"),
                c0 + u32::try_from(c).expect("col"),
            );
            if name == &sheet && r == row && c == u32::from(col) {
                continue;
            }
            assert_eq!(
                after.sheets[name].get_value((r, c)),
                Some(value),
                "{name} row {r} col {c}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// With LibreOffice: edited copies recalculated.
// ---------------------------------------------------------------------------------------

#[test]
fn edited_copies_of_the_example_recalculate_to_sharecases_figures() {
    let office = office_or_skip!();
    let case = example::case();
    let copies = vec![
        // Everything at once: an amount, a phasing pair, weights (one the same every year,
        // others from a later year on), option 2's uplift, shortfall and delay, inflation, the
        // discount rate and the scenario (Prudent).
        edited(
            "example-all-at-once",
            &case,
            None,
            &[
                amount(1, 0, "1350000"),
                phasing(1, 0, 0, "0.5"),
                phasing(1, 0, 1, "0.5"),
                weight(0, 1, 0, "150000"),
                weight(0, 0, 3, "110000"),
                weight(3, 0, 4, "20"),
                edit(Input::CostUplift(1), "0.15"),
                edit(Input::BenefitShortfall(1), "0.1"),
                edit(Input::BenefitDelayMonths(1), "5"),
                edit(Input::Inflation, "0.03"),
                edit(Input::DiscountRate, "0.04"),
                edit(Input::ScenarioChoice, "2"),
            ],
        ),
        // Exported under High inflation, brought back to the central scenario: a recurring
        // amount and its ramp-up, a by-year amount and a year after its list, option 1's
        // uplift, the discount rate.
        edited(
            "example-back-to-central",
            &case,
            Some(1),
            &[
                edit(Input::ScenarioChoice, "1"),
                amount(1, 9, "900000"),
                phasing(1, 9, 0, "0.4"),
                by_year(1, 3, 1, "200000"),
                by_year(1, 3, 2, "50000"),
                edit(Input::CostUplift(0), "0"),
                edit(Input::DiscountRate, "0.05"),
            ],
        ),
        // To High inflation, which replaces the (edited) case inflation; the do-minimum's
        // shortfall and a delay of more than a year; the borrowing rate.
        edited(
            "example-high-inflation",
            &case,
            None,
            &[
                edit(Input::ScenarioChoice, "3"),
                edit(Input::Inflation, "0.01"),
                edit(Input::BorrowingRate, "0.07"),
                edit(Input::BenefitShortfall(0), "0.3"),
                edit(Input::BenefitDelayMonths(0), "14"),
                edit(Input::BenefitDelayMonths(1), "30"),
                amount(0, 0, "1100000"),
                phasing(0, 0, 0, "0.4"),
                phasing(0, 0, 1, "0.6"),
            ],
        ),
        // Under Prudent, with the option 2's own adjustments cleared.
        edited(
            "example-prudent-no-adjustments",
            &case,
            Some(0),
            &[
                edit(Input::CostUplift(1), "0"),
                edit(Input::BenefitShortfall(1), "0"),
                edit(Input::BenefitDelayMonths(1), "0"),
                weight(1, 2, 0, "1000000"),
            ],
        ),
    ];
    recalculate_and_compare(office, &copies, no_errors);
}

#[test]
fn edited_copies_of_built_and_generated_cases_recalculate_to_sharecases_figures() {
    let office = office_or_skip!();
    let every = every_pattern();
    let cash = cash_prices();
    let mut copies = vec![
        edited(
            "every-pattern-1",
            &every,
            None,
            &[
                amount(1, 0, "900000"),
                phasing(1, 0, 0, "0.6"),
                phasing(1, 0, 1, "0.4"),
                edit(Input::CostUplift(1), "0.08"),
                edit(Input::BenefitShortfall(1), "0.15"),
                edit(Input::BenefitDelayMonths(1), "8"),
                edit(Input::Inflation, "0.02"),
                edit(Input::DiscountRate, "0.03"),
                weight(1, 2, 1, "10"),
                weight(0, 0, 0, "100000"),
            ],
        ),
        edited(
            "every-pattern-2",
            &every,
            Some(1),
            &[
                edit(Input::ScenarioChoice, "2"),
                by_year(1, 4, 1, "80000"),
                by_year(1, 4, 3, "10000"),
                phasing(1, 8, 1, "0.8"),
                amount(1, 6, "1100000"),
                amount(1, 7, "95000"),
                phasing(1, 5, 0, "0.4"),
                phasing(1, 5, 2, "0.35"),
                weight(0, 1, 4, "130000"),
                edit(Input::BorrowingRate, "0.06"),
                edit(Input::CostUplift(2), "0.2"),
            ],
        ),
        edited(
            "every-pattern-3",
            &every,
            None,
            &[
                edit(Input::ScenarioChoice, "3"),
                edit(Input::Inflation, "0.035"),
                amount(0, 0, "1500000"),
                by_year(1, 9, 0, "5000"),
                amount(1, 10, "100000"),
                edit(Input::BenefitDelayMonths(2), "12"),
                edit(Input::BenefitShortfall(0), "0.5"),
                edit(Input::DiscountRate, "0.05"),
                amount(2, 2, "1700000"),
                // Colne's population from year 5, and in every year before it.
                weight(0, 2, 5, "60000"),
                weight(0, 2, 0, "80000"),
            ],
        ),
        edited(
            "cash-prices-1",
            &cash,
            None,
            &[
                amount(1, 0, "45000"),
                by_year(1, 1, 2, "6000"),
                phasing(1, 2, 0, "0.25"),
                edit(Input::Inflation, "0.01"),
                edit(Input::DiscountRate, "0.035"),
                weight(0, 0, 2, "5"),
                weight(0, 1, 0, "4"),
            ],
        ),
        edited(
            "cash-prices-2",
            &cash,
            Some(0),
            &[
                edit(Input::ScenarioChoice, "1"),
                amount(2, 1, "200000"),
                edit(Input::BenefitDelayMonths(0), "30"),
                edit(Input::CostUplift(1), "0.5"),
            ],
        ),
        edited(
            "cash-prices-3",
            &cash,
            None,
            &[
                edit(Input::ScenarioChoice, "2"),
                amount(0, 0, "0"),
                amount(2, 0, "60000"),
                edit(Input::BenefitShortfall(1), "0.25"),
                edit(Input::DiscountRate, "0"),
            ],
        ),
    ];
    for seed in 1..=3_u64 {
        let case = generated(seed);
        let mut rng = ChaCha8Rng::seed_from_u64(1000 + seed);
        for round in 1..=2 {
            let scenario = (round == 2).then_some(0);
            let edits = generated_edits(&case, &mut rng);
            copies.push(edited(
                &format!("generated-{seed}-{round}"),
                &case,
                scenario,
                &edits,
            ));
        }
    }
    covers(&copies, "immediate payback", |m| {
        m.payback == Payback::Immediate
    });
    covers(&copies, "no payback", |m| {
        matches!(m.payback, Payback::NotWithinHorizon { .. })
    });
    covers(&copies, "a payback that falls back", |m| {
        matches!(
            m.payback,
            Payback::After {
                falls_back_in: Some(_),
                ..
            }
        )
    });
    covers(&copies, "no BCR", |m| m.bcr.is_none());
    covers(&copies, "no IRR", |m| m.irr.rate().is_none());
    recalculate_and_compare(office, &copies, no_errors);
}

#[test]
fn the_irr_holds_when_edits_move_it_far() {
    let office = office_or_skip!();
    let case = irr_case();
    // Savings and exit costs in years 0 to 3 against £1m of capital in year 0.
    let flows = |name: &str, savings: [&str; 4], exit: [&str; 4], more: &[Edit]| {
        let mut edits: Vec<Edit> = savings
            .iter()
            .enumerate()
            .map(|(t, v)| by_year(0, 1, t, v))
            .chain(exit.iter().enumerate().map(|(t, v)| by_year(0, 2, t, v)))
            .collect();
        edits.extend_from_slice(more);
        edited(name, &case, None, &edits)
    };
    let none = ["0", "0", "0", "0"];
    let mut copies = vec![
        flows(
            "irr-near-zero",
            ["0", "340000", "340000", "340000"],
            none,
            &[],
        ),
        flows("irr-minus-67", ["0", "30000", "30000", "30000"], none, &[]),
        flows("irr-minus-90", ["0", "100000", "0", "0"], none, &[]),
        flows("irr-minus-95", ["0", "50000", "0", "0"], none, &[]),
        flows("irr-minus-98.8", ["0", "12000", "0", "0"], none, &[]),
        flows("irr-300", ["0", "4000000", "0", "0"], none, &[]),
        flows("irr-900", ["0", "10000000", "0", "0"], none, &[]),
        // Above +1000%: Sharecase has none.
        flows("irr-above-1000", ["0", "15000000", "0", "0"], none, &[]),
        // Two rates give an NPV of zero (about 10% and 20% in cash): Sharecase's is the one
        // nearest zero.
        flows(
            "irr-two-rates",
            ["0", "2300000", "0", "0"],
            ["0", "0", "1320000", "0"],
            &[],
        ),
        // The signs change but no rate gives zero.
        flows(
            "irr-no-root",
            ["0", "1500000", "0", "0"],
            ["0", "0", "1000000", "0"],
            &[],
        ),
        // Costs only.
        flows("irr-no-sign-change", none, none, &[]),
        // Money first, costs later: a rate of the other sign.
        flows(
            "irr-money-first",
            ["1000000", "0", "0", "0"],
            ["0", "0", "0", "1100000"],
            &[amount(0, 0, "0")],
        ),
        // Near -90% again with the rates, inflation and a delay edited too.
        flows(
            "irr-minus-90-edited-rates",
            ["0", "40000", "30000", "30000"],
            none,
            &[
                edit(Input::DiscountRate, "0.1"),
                edit(Input::Inflation, "0.05"),
                edit(Input::BenefitDelayMonths(0), "4"),
            ],
        ),
    ];
    // The example with its savings cut to a trickle, and multiplied.
    let example = example::case();
    copies.push(edited(
        "example-savings-cut",
        &example,
        None,
        &[
            amount(1, 9, "450000"),
            amount(1, 10, "0"),
            amount(1, 11, "0"),
            amount(0, 3, "0"),
        ],
    ));
    copies.push(edited(
        "example-savings-multiplied",
        &example,
        None,
        &[
            amount(1, 9, "40000000"),
            amount(1, 10, "9000000"),
            amount(0, 3, "50000000"),
        ],
    ));
    let rate = |m: &Measures| m.irr.rate().unwrap_or_default();
    covers(&copies, "an IRR below -95%", |m| rate(m) < d("-0.95"));
    covers(&copies, "an IRR above 500%", |m| rate(m) > d("5"));
    covers(
        &copies,
        "several IRRs",
        |m| matches!(m.irr, Irr::Rate { solutions, .. } if solutions > 1),
    );
    covers(&copies, "no IRR in range", |m| {
        m.irr == Irr::None(NoIrr::NoneInRange)
    });
    covers(&copies, "no sign change", |m| {
        m.irr == Irr::None(NoIrr::NoSignChange)
    });
    recalculate_and_compare(office, &copies, no_errors);
}

#[test]
fn unedited_exports_recalculate_to_sharecases_figures() {
    let office = office_or_skip!();
    let copies: Vec<Edited> = exports()
        .iter()
        .map(|(name, case, scenario)| edited(name, case, *scenario, &[]))
        .collect();
    recalculate_and_compare(office, &copies, |copy, book, failures| {
        no_errors(copy, book, failures);
        // Where the workbook checks itself against the figures Sharecase exported (its
        // Checks sheet, summed up as ChecksPass), every check holds.
        if let Some((sheet, row, col)) = book.refers_to("ChecksPass") {
            let pass = book
                .sheets
                .get(&sheet)
                .and_then(|range| range.get_value((row, u32::from(col))));
            if pass != Some(&Data::Bool(true)) {
                failures.push(format!("{}: ChecksPass is {pass:?}", copy.what));
            }
        }
    });
}
