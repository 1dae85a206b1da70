//! The sheets: Summary, one per option, and Assumptions.

use super::layout::{FORMULA_ROWS, OptionLayout, column};
use crate::case::{Case, CaseOption, Sharing};
use crate::engine::partner::Shares;
use crate::engine::{CaseResults, Irr, OptionResults, YearFigures};
use crate::export::Provenance;
use crate::format::{MoneyStyle, percent};
use crate::report::chart::{BENEFIT_SHADES, COST_SHADES, PALETTE, Rgb};
use crate::report::measures::{self, Measure};
use crate::report::table::{Row, Table, Value};
use crate::report::words;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartSolidFill, ChartType, Color, Format, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

const MONEY: &str = "£#,##0;(£#,##0);\"-\"";
const PENCE: &str = "£#,##0.00;(£#,##0.00);\"-\"";

fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A stored result precise enough that a reader shows what Sharecase shows.
fn stored(value: Decimal) -> String {
    value.round_dp(10).normalize().to_string()
}

fn colour(rgb: Rgb) -> Color {
    Color::RGB((u32::from(rgb[0]) << 16) | (u32::from(rgb[1]) << 8) | u32::from(rgb[2]))
}

struct Formats {
    title: Format,
    note: Format,
    header: Format,
    label: Format,
    strong: Format,
    money: Format,
    money_strong: Format,
    input: Format,
    factor: Format,
    percent: Format,
    text: Format,
}

impl Formats {
    fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(0x00F1_F4F8))
            .set_border_bottom(FormatBorder::Thin);
        Self {
            title: Format::new().set_bold().set_font_size(15),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x005F_6B7A)),
            header,
            label: Format::new(),
            strong: Format::new().set_bold(),
            money: Format::new().set_num_format(MONEY),
            money_strong: Format::new()
                .set_num_format(MONEY)
                .set_bold()
                .set_border_top(FormatBorder::Thin),
            input: Format::new()
                .set_num_format(PENCE)
                .set_background_color(Color::RGB(0x00E8_F0FB)),
            factor: Format::new().set_num_format("0.000000"),
            percent: Format::new().set_num_format("0.00%"),
            text: Format::new(),
        }
    }
}

/// A text cell; text is never read as a formula, whatever it starts with.
fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, value, format)?;
    Ok(())
}

fn formula(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_formula_with_format(row, col, Formula::new(text).set_result(value), format)?;
    Ok(())
}

fn year_values(years: &[YearFigures], k: usize) -> Vec<Decimal> {
    years
        .iter()
        .map(|y| match k {
            0 => y.investment_cash,
            1 => y.costs_cash,
            2 => y.benefits_cash,
            3 => y.net_cash,
            4 => y.cumulative_cash,
            5 => y.net_real,
            6 => y.discount_factor,
            7 => y.present_value,
            8 => y.cumulative_pv,
            _ => -y.costs_cash,
        })
        .collect()
}

/// One option: lines by year as inputs, then formulas, NPV, IRR and two native charts.
pub fn option(
    book: &mut Workbook,
    case: &Case,
    option: &CaseOption,
    result: &OptionResults,
    layout: &OptionLayout,
) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let sheet = book.add_worksheet();
    sheet.set_name(&layout.sheet)?;
    text(sheet, 0, 0, &format!("Option: {}", option.name), &fm.title)?;
    text(sheet, 1, 0, &option.description, &fm.label)?;
    text(
        sheet,
        2,
        0,
        "Blue cells are inputs: each line's cash in the prices of each year, after the option's adjustments and the line's indexation. Every figure under the lines is a formula: change an input and the totals, NPV and IRR follow.",
        &fm.note,
    )?;
    let header = OptionLayout::HEADER;
    for (c, title) in ["Line", "Kind", "Category", "Sharing"].iter().enumerate() {
        text(
            sheet,
            header,
            u16::try_from(c).unwrap_or(0),
            title,
            &fm.header,
        )?;
    }
    text(
        sheet,
        OptionLayout::YEAR_NUMBER,
        0,
        "Year number (t)",
        &fm.note,
    )?;
    for t in 0..layout.years {
        let col = layout.year_column(t);
        text(sheet, header, col, &case.year_label(t), &fm.header)?;
        sheet.write_number(
            OptionLayout::YEAR_NUMBER,
            col,
            f64::from(u32::try_from(t).unwrap_or(0)),
        )?;
    }
    for (i, (line, flows)) in option.lines.iter().zip(&result.lines).enumerate() {
        let row = OptionLayout::FIRST_LINE + u32::try_from(i).unwrap_or(0);
        text(sheet, row, 0, &line.name, &fm.label)?;
        text(sheet, row, 1, line.kind.label(), &fm.label)?;
        text(sheet, row, 2, &flows.category, &fm.label)?;
        text(sheet, row, 3, &line.sharing.to_string(), &fm.label)?;
        for (t, cash) in flows.cash.iter().enumerate() {
            sheet.write_number_with_format(row, layout.year_column(t), f(*cash), &fm.input)?;
        }
    }
    let first = OptionLayout::FIRST_LINE + 1;
    let last = layout.last_line() + 1;
    let kinds = format!("$B${first}:$B${last}");
    let rows: Vec<u32> = (0..FORMULA_ROWS.len())
        .map(|k| layout.formula_row(k) + 1)
        .collect();
    let year_row = OptionLayout::YEAR_NUMBER + 1;
    for (k, label) in FORMULA_ROWS.iter().enumerate() {
        let row = layout.formula_row(k);
        let strong = matches!(k, 3 | 4 | 8);
        text(
            sheet,
            row,
            0,
            label,
            if strong { &fm.strong } else { &fm.label },
        )?;
        let values = year_values(&result.figures.years, k);
        for (t, value) in values.iter().enumerate().take(layout.years) {
            let col = layout.year_column(t);
            let c = column(col);
            let prev = column(col.saturating_sub(1));
            let range = format!("{c}${first}:{c}${last}");
            let text = match k {
                0 => format!(
                    "=SUMIF({kinds},\"Capital investment\",{range})+SUMIF({kinds},\"Revenue investment\",{range})"
                ),
                1 => format!("=SUM({range})-{c}{}", rows[2]),
                2 => {
                    format!("=SUMIF({kinds},\"Saving\",{range})+SUMIF({kinds},\"Income\",{range})")
                }
                3 => format!("={c}{}-{c}{}", rows[2], rows[1]),
                4 if t == 0 => format!("={c}{}", rows[3]),
                4 => format!("={prev}{}+{c}{}", rows[4], rows[3]),
                5 => format!("={c}{}/(1+Inflation)^{c}${year_row}", rows[3]),
                6 => format!("=1/(1+DiscountRate)^{c}${year_row}"),
                7 => format!("={c}{}*{c}{}", rows[5], rows[6]),
                8 if t == 0 => format!("={c}{}", rows[7]),
                8 => format!("={prev}{}+{c}{}", rows[8], rows[7]),
                _ => format!("=-{c}{}", rows[1]),
            };
            let format = match k {
                6 => &fm.factor,
                3 | 4 | 8 => &fm.money_strong,
                _ => &fm.money,
            };
            formula(sheet, row, col, &text, &stored(*value), format)?;
        }
    }
    let first_col = column(layout.year_column(0));
    let last_col = column(layout.last_year_column());
    let measures = &result.figures.measures;
    text(
        sheet,
        layout.npv_row(),
        0,
        "Net present value (sum of present values)",
        &fm.strong,
    )?;
    formula(
        sheet,
        layout.npv_row(),
        layout.year_column(0),
        &format!("=SUM({first_col}{pv}:{last_col}{pv})", pv = rows[7]),
        &stored(measures.npv),
        &fm.money_strong,
    )?;
    text(
        sheet,
        layout.irr_row(),
        0,
        "Internal rate of return (real terms)",
        &fm.strong,
    )?;
    let irr = format!("=IRR({first_col}{r}:{last_col}{r})", r = rows[5]);
    match &measures.irr {
        Irr::Rate { rate, .. } => {
            // Sharecase's rate, rounded, as the starting guess: spreadsheets iterate from
            // 10% and can fail to converge on a rate far from it, or find another root.
            let guess = rate.round_dp(2).normalize();
            let irr = format!("{},{guess})", &irr[..irr.len() - 1]);
            formula(
                sheet,
                layout.irr_row(),
                layout.year_column(0),
                &irr,
                &stored(*rate),
                &fm.percent,
            )?;
        }
        Irr::None(_) => {
            formula(
                sheet,
                layout.irr_row(),
                layout.year_column(0),
                &format!("=IFERROR({},\"none\")", &irr[1..]),
                "none",
                &fm.percent,
            )?;
            text(
                sheet,
                layout.irr_row(),
                layout.year_column(1),
                &words::irr(&measures.irr),
                &fm.note,
            )?;
        }
    }
    sheet.set_column_width(0, 46)?;
    sheet.set_column_width(1, 19)?;
    sheet.set_column_width(2, 22)?;
    sheet.set_column_width(3, 24)?;
    for t in 0..layout.years {
        sheet.set_column_width(layout.year_column(t), 14)?;
    }
    sheet.set_freeze_panes(OptionLayout::FIRST_LINE, 1)?;
    charts(sheet, layout, &rows, &option.name)?;
    Ok(())
}

fn charts(
    sheet: &mut Worksheet,
    layout: &OptionLayout,
    rows: &[u32],
    name: &str,
) -> Result<(), XlsxError> {
    let first = layout.year_column(0);
    let last = layout.last_year_column();
    let categories = (
        layout.sheet.as_str(),
        OptionLayout::HEADER,
        first,
        OptionLayout::HEADER,
        last,
    );
    let row_of = |excel_row: u32| {
        (
            layout.sheet.as_str(),
            excel_row - 1,
            first,
            excel_row - 1,
            last,
        )
    };
    let mut payback = Chart::new(ChartType::Line);
    payback
        .title()
        .set_name(&format!("{name}: cumulative cash position"));
    payback
        .add_series()
        .set_name("Cumulative position, cash")
        .set_categories(categories)
        .set_values(row_of(rows[4]))
        .set_format(
            ChartFormat::new().set_line(
                ChartLine::new()
                    .set_color(colour(PALETTE[0]))
                    .set_width(2.5),
            ),
        );
    payback.y_axis().set_num_format(MONEY);
    payback.legend().set_hidden();
    payback.set_width(720).set_height(380);
    let mut flows = Chart::new(ChartType::ColumnStacked);
    flows.title().set_name(&format!(
        "{name}: investment and costs against savings and income"
    ));
    flows
        .add_series()
        .set_name("All costs")
        .set_categories(categories)
        .set_values(row_of(rows[9]))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(colour(COST_SHADES[0]))),
        );
    flows
        .add_series()
        .set_name("Benefits")
        .set_categories(categories)
        .set_values(row_of(rows[2]))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(colour(BENEFIT_SHADES[0]))),
        );
    let mut net = Chart::new(ChartType::Line);
    net.add_series()
        .set_name("Net")
        .set_categories(categories)
        .set_values(row_of(rows[3]))
        .set_format(
            ChartFormat::new().set_line(
                ChartLine::new()
                    .set_color(Color::RGB(0x001F_2933))
                    .set_width(2.25),
            ),
        );
    flows.combine(&net);
    flows.y_axis().set_num_format(MONEY);
    flows.set_width(720).set_height(380);
    let at = layout.irr_row() + 3;
    sheet.insert_chart(at, 0, &payback)?;
    sheet.insert_chart(at + 21, 0, &flows)?;
    Ok(())
}

/// The summary: headline figures per option, linked to the option sheets, then partners.
pub fn summary(
    book: &mut Workbook,
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
    layouts: &[OptionLayout],
) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Summary")?;
    text(sheet, 0, 0, &case.title, &fm.title)?;
    text(
        sheet,
        1,
        0,
        &format!(
            "Case file: {}. Made on {}. {} years from {}; discount rate {} (real), general inflation {}.{}{}",
            provenance.file.as_deref().unwrap_or("not yet saved"),
            provenance.date,
            case.horizon,
            case.year_label(0),
            percent(case.discount_rate, 2),
            percent(case.general_inflation(), 2),
            crate::report::words::scenario_sentence(case, results)
                .map(|s| format!(" {s}"))
                .unwrap_or_default(),
            if provenance.left_out.is_empty() {
                String::new()
            } else {
                format!(
                    " Not in this workbook, until put right: {}.",
                    provenance.left_out.join("; ")
                )
            }
        ),
        &fm.note,
    )?;
    text(sheet, 2, 0, &case.description, &fm.label)?;
    let header = 4;
    let compare = measures::compare(results, case.discount_rate, MoneyStyle::Pounds);
    let mut row = write_table(sheet, &fm, header, "Headline figures", &compare, |r, c| {
        let measure = r.measure?;
        let layout = layouts.get(c)?;
        link(measure, &compare.rows, layout, c)
    })?;
    row += 1;
    let mut widths = column_widths(&compare);
    for option in &results.options {
        let table = measures::partners(
            option,
            &results.years,
            case.discount_rate,
            MoneyStyle::Pounds,
        );
        text(sheet, row, 0, &table.title, &fm.strong)?;
        row = write_table(sheet, &fm, row + 1, "", &table, |_, _| None)? + 1;
        for (c, width) in column_widths(&table).into_iter().enumerate() {
            match widths.get_mut(c) {
                Some(w) => *w = w.max(width),
                None => widths.push(width),
            }
        }
    }
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(u16::try_from(c).unwrap_or(0), *width)?;
    }
    sheet.set_freeze_panes(header + 1, 1)?;
    Ok(())
}

/// A formula that takes a measure from its option's sheet, where the sheet has it, so an
/// auditor can trace it; `None` writes the figure itself.
fn link(measure: Measure, rows: &[Row], layout: &OptionLayout, option: usize) -> Option<String> {
    let sum_row = |k: usize| {
        let excel_row = layout.formula_row(k) + 1;
        format!(
            "=SUM('{}'!{}{excel_row}:{}{excel_row})",
            layout.sheet.replace('\'', "''"),
            column(layout.year_column(0)),
            column(layout.last_year_column())
        )
    };
    match measure {
        Measure::Npv => Some(format!(
            "={}",
            layout.absolute(layout.npv_row(), layout.year_column(0))
        )),
        Measure::Irr => {
            let cell = rows
                .iter()
                .find(|r| r.measure == Some(Measure::Irr))
                .and_then(|r| r.cells.get(option))?;
            matches!(cell.value, Value::Irr(Irr::Rate { .. })).then(|| {
                format!(
                    "={}",
                    layout.absolute(layout.irr_row(), layout.year_column(0))
                )
            })
        }
        Measure::Investment => Some(sum_row(0)),
        Measure::Costs => Some(sum_row(1)),
        Measure::Benefits => Some(sum_row(2)),
        Measure::Net => Some(sum_row(3)),
        _ => None,
    }
}

/// Widths in characters: the longest text in each column (labels, figures as worded), so
/// that no cell spills or wraps, scaled by the table's relative widths for the labels.
fn column_widths(table: &Table) -> Vec<f64> {
    let rows = table.text_rows();
    table
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let longest = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0);
            let floor = 14.0 * f64::from(column.width);
            f64::from(u32::try_from(longest).unwrap_or(u32::MAX)).max(floor) + 2.0
        })
        .collect()
}

/// Writes a table of [`crate::report`] from `top`: titles, then each row's label and cells,
/// figures as numbers (or as the formula `link` gives) in the workbook's formats, words as
/// text. Returns the row after it, its notes included.
fn write_table(
    sheet: &mut Worksheet,
    fm: &Formats,
    top: u32,
    corner: &str,
    table: &Table,
    link: impl Fn(&Row, usize) -> Option<String>,
) -> Result<u32, XlsxError> {
    for (c, column) in table.columns.iter().enumerate() {
        let title = if c == 0 && !corner.is_empty() {
            corner
        } else {
            column.title.as_str()
        };
        text(sheet, top, u16::try_from(c).unwrap_or(0), title, &fm.header)?;
    }
    let ratio = Format::new().set_num_format("0.00");
    let share = Format::new().set_num_format("0.0%");
    let mut row = top + 1;
    for r in &table.rows {
        text(sheet, row, 0, &r.label, &fm.label)?;
        for (i, cell) in r.cells.iter().enumerate() {
            let col = u16::try_from(i + 1).unwrap_or(0);
            let formula_text = link(r, i);
            let (number, format) = match &cell.value {
                Value::Money(v) => (Some(*v), &fm.money),
                Value::Ratio(Some(v)) => (Some(*v), &ratio),
                Value::Percent(Some(v)) => (Some(*v), &share),
                Value::Irr(Irr::Rate { rate, .. }) => (Some(*rate), &fm.percent),
                _ => (None, &fm.text),
            };
            match (formula_text, number) {
                (Some(f_text), Some(v)) => formula(sheet, row, col, &f_text, &stored(v), format)?,
                (None, Some(v)) => {
                    sheet.write_number_with_format(row, col, f(v), format)?;
                }
                (_, None) => text(sheet, row, col, &cell.text, &fm.text)?,
            }
        }
        row += 1;
    }
    for note in &table.notes {
        text(sheet, row, 0, note, &fm.note)?;
        row += 1;
    }
    Ok(row)
}

/// Assumptions: the case's settings (the rates the formulas use), adjustments, sharing and
/// every line's source.
pub fn assumptions(
    book: &mut Workbook,
    case: &Case,
    results: &CaseResults,
) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Assumptions")?;
    text(sheet, 0, 0, "Assumptions", &fm.title)?;
    text(sheet, 1, 0, "Setting", &fm.header)?;
    text(sheet, 1, 1, "Value", &fm.header)?;
    text(sheet, 2, 0, "Case", &fm.label)?;
    text(sheet, 2, 1, &case.title, &fm.label)?;
    text(sheet, 3, 0, "First financial year", &fm.label)?;
    text(sheet, 3, 1, &case.year_label(0), &fm.label)?;
    text(sheet, 4, 0, "Horizon (years)", &fm.label)?;
    sheet.write_number(4, 1, f64::from(case.horizon))?;
    text(
        sheet,
        5,
        0,
        "Discount rate, real (named DiscountRate)",
        &fm.label,
    )?;
    sheet.write_number_with_format(5, 1, f(case.discount_rate), &fm.percent)?;
    text(
        sheet,
        6,
        0,
        "General inflation (named Inflation)",
        &fm.label,
    )?;
    sheet.write_number_with_format(6, 1, f(case.general_inflation()), &fm.percent)?;
    text(
        sheet,
        7,
        0,
        "Borrowing rate (named BorrowingRate)",
        &fm.label,
    )?;
    sheet.write_number_with_format(7, 1, f(case.borrowing_rate), &fm.percent)?;
    let mut row = 9;
    for (c, title) in [
        "Option",
        "Cost uplift",
        "Benefit shortfall",
        "Benefit delay (months)",
        "In words",
    ]
    .iter()
    .enumerate()
    {
        text(sheet, row, u16::try_from(c).unwrap_or(0), title, &fm.header)?;
    }
    for option in &case.options {
        row += 1;
        let a = &option.adjustments;
        text(sheet, row, 0, &option.name, &fm.label)?;
        sheet.write_number_with_format(row, 1, f(a.cost_uplift), &fm.percent)?;
        sheet.write_number_with_format(row, 2, f(a.benefit_shortfall), &fm.percent)?;
        sheet.write_number(row, 3, f64::from(a.benefit_delay_months))?;
        text(sheet, row, 4, &words::adjustments(a), &fm.label)?;
    }
    row += 2;
    text(sheet, row, 0, "Sharing basis", &fm.header)?;
    text(sheet, row, 1, "Partner", &fm.header)?;
    text(sheet, row, 2, "Weight", &fm.header)?;
    text(sheet, row, 3, "Share", &fm.header)?;
    text(sheet, row, 4, "Source", &fm.header)?;
    for basis in &case.bases {
        let shares = Shares::by_year(case, &Sharing::Basis(basis.name.clone()));
        // A basis whose weights change by year has a row per partner and year.
        let years: Vec<Option<usize>> = if basis.varies_by_year() {
            (0..shares.len()).map(Some).collect()
        } else {
            vec![None]
        };
        let mut first = true;
        for year in years {
            for (p, partner) in case.partners.iter().enumerate() {
                row += 1;
                text(sheet, row, 0, &basis.name, &fm.label)?;
                let label = match year {
                    Some(t) => format!("{} ({})", partner.name, case.year_label(t)),
                    None => partner.name.clone(),
                };
                text(sheet, row, 1, &label, &fm.label)?;
                let t = year.unwrap_or(0);
                sheet.write_number_with_format(
                    row,
                    2,
                    f(basis.weight(&partner.name, t)),
                    &Format::new().set_num_format("#,##0.##"),
                )?;
                let share = shares
                    .get(t)
                    .and_then(|s| s.shares.get(p))
                    .copied()
                    .unwrap_or_default();
                sheet.write_number_with_format(row, 3, f(share), &fm.percent)?;
                if first {
                    text(sheet, row, 4, &basis.source, &fm.label)?;
                    first = false;
                }
            }
        }
    }
    row += 2;
    for (c, title) in [
        "Option",
        "Line",
        "Kind",
        "Category",
        "Indexation",
        "Sharing",
        "Pattern",
        "Source",
    ]
    .iter()
    .enumerate()
    {
        text(sheet, row, u16::try_from(c).unwrap_or(0), title, &fm.header)?;
    }
    let lines_header = row;
    for (option, result) in case.options.iter().zip(&results.options) {
        for (line, flows) in option.lines.iter().zip(&result.lines) {
            row += 1;
            text(sheet, row, 0, &option.name, &fm.label)?;
            text(sheet, row, 1, &line.name, &fm.label)?;
            text(sheet, row, 2, line.kind.label(), &fm.label)?;
            text(sheet, row, 3, &flows.category, &fm.label)?;
            if flows.prices == crate::case::PriceBasis::Cash {
                text(sheet, row, 4, "none: cash prices", &fm.label)?;
            } else if line.indexation.is_some() {
                sheet.write_number_with_format(row, 4, f(flows.indexation), &fm.percent)?;
            } else {
                text(sheet, row, 4, "general inflation", &fm.label)?;
            }
            text(sheet, row, 5, &line.sharing.to_string(), &fm.label)?;
            text(sheet, row, 6, line.amounts.pattern_name(), &fm.label)?;
            text(sheet, row, 7, &line.source, &fm.text)?;
        }
    }
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 40)?;
    for c in 2..=6 {
        sheet.set_column_width(c, 18)?;
    }
    sheet.set_column_width(7, 90)?;
    sheet.set_freeze_panes(lines_header.min(2), 0)?;
    Ok(())
}

/// Budget: each option's borrowing, with MRP and interest as live formulas of the spend, the
/// asset life, the method and the borrowing rate (checked against Sharecase's figures), then
/// its budget for all partners and each partner, by year, in pounds.
pub fn budget(book: &mut Workbook, case: &Case, results: &CaseResults) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Budget")?;
    text(sheet, 0, 0, "Budget by partner", &fm.title)?;
    text(sheet, 1, 0, crate::report::budget::LABEL, &fm.note)?;
    text(
        sheet,
        2,
        0,
        crate::report::budget::APPRAISAL_LABEL,
        &fm.note,
    )?;
    sheet.set_column_width(0, 36)?;
    for c in 1..=u16::try_from(results.years.len() + 1).unwrap_or(1) {
        sheet.set_column_width(c, 13)?;
    }
    let mut row = 4;
    for (index, option) in results.options.iter().enumerate() {
        if case
            .options
            .get(index)
            .is_none_or(|o| o.name != option.name)
        {
            continue;
        }
        let b = crate::engine::budget::option_budget(case, option, index);
        row = borrowing(sheet, &fm, row, case, index, option, &b.all)?;
        let entities = std::iter::once(("All partners".to_owned(), &b.all))
            .chain(b.partner_names.iter().cloned().zip(b.partners.iter()));
        for (name, figures) in entities {
            let table = crate::report::budget::table(
                &format!("{}: {name}", option.name),
                figures,
                &results.years,
                MoneyStyle::Pounds,
            );
            text(sheet, row, 0, &table.title, &fm.strong)?;
            row = write_table(sheet, &fm, row + 1, "", &table, |_, _| None)? + 1;
        }
        for w in &b.warnings {
            let words = crate::report::budget::warning(w, &results.years);
            text(sheet, row, 0, &format!("Warning: {words}"), &fm.note)?;
            row += 1;
        }
    }
    Ok(())
}

/// One option's borrowing: per borrowed capital line, the spend by year (an input), the asset
/// life and method (inputs), and MRP and interest by year and after the horizon as formulas;
/// then their totals and a check against Sharecase's figures. Returns the next free row.
fn borrowing(
    sheet: &mut Worksheet,
    fm: &Formats,
    top: u32,
    case: &Case,
    index: usize,
    option: &OptionResults,
    all: &crate::engine::budget::Budget,
) -> Result<u32, XlsxError> {
    use crate::case::{DEFAULT_ASSET_LIFE, Funding, Mrp};
    let source = &case.options[index];
    let lines: Vec<usize> = source
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.funding_source() == Some(Funding::Borrowing))
        .map(|(i, _)| i)
        .collect();
    if lines.is_empty() {
        return Ok(top);
    }
    let years = option.figures.years.len();
    let first = 3_u16; // column D
    let last = first + u16::try_from(years).unwrap_or(1) - 1;
    let after = last + 1;
    let mut row = top;
    text(
        sheet,
        row,
        0,
        &format!("{}: borrowing", option.name),
        &fm.strong,
    )?;
    row += 1;
    text(
        sheet,
        row,
        0,
        "MRP and interest are formulas of the spend, the asset life (years), the method (equal or annuity) and the borrowing rate (named BorrowingRate): change a blue input and they follow.",
        &fm.note,
    )?;
    row += 1;
    for (c, title) in ["", "Asset life", "Method"].iter().enumerate() {
        text(sheet, row, u16::try_from(c).unwrap_or(0), title, &fm.header)?;
    }
    for (t, y) in option.figures.years.iter().enumerate() {
        text(
            sheet,
            row,
            first + u16::try_from(t).unwrap_or(0),
            &y.label,
            &fm.header,
        )?;
    }
    text(sheet, row, after, "After the horizon", &fm.header)?;
    row += 1;
    let (fc, lc) = (column(first), column(last));
    let mut mrp_rows = Vec::new();
    let mut interest_rows = Vec::new();
    for l in lines {
        let line = &source.lines[l];
        let spend_row = row + 1; // 1-based row of the spend inputs
        text(sheet, row, 0, &format!("{}: spend", line.name), &fm.label)?;
        let whole = Format::new()
            .set_num_format("0")
            .set_background_color(Color::RGB(0x00E8_F0FB));
        sheet.write_number_with_format(
            row,
            1,
            f64::from(line.asset_life_years.unwrap_or(DEFAULT_ASSET_LIFE)),
            &whole,
        )?;
        let method = match line.mrp.unwrap_or_default() {
            Mrp::Equal => "equal",
            Mrp::Annuity => "annuity",
        };
        sheet.write_string_with_format(row, 2, method, &fm.input)?;
        for (t, v) in option.lines[l].cash.iter().enumerate() {
            sheet.write_number_with_format(
                row,
                first + u16::try_from(t).unwrap_or(0),
                f(*v),
                &fm.input,
            )?;
        }
        let spend = format!("${fc}${spend_row}:${lc}${spend_row}");
        let life = format!("$B${spend_row}");
        let annuity = format!("AND($C${spend_row}=\"annuity\",BorrowingRate<>0)");
        let growth = format!("((1+BorrowingRate)^{life}-1)");
        for (k, what) in ["MRP", "interest"].iter().enumerate() {
            let this = row + 1 + u32::try_from(k).unwrap_or(0);
            text(sheet, this, 0, &format!("{}: {what}", line.name), &fm.label)?;
            for t in 0..years {
                let col = first + u16::try_from(t).unwrap_or(0);
                let cur = format!("COLUMN({}{})", column(col), this + 1);
                let kk = format!("({cur}-COLUMN({spend}))");
                let within = format!("({kk}>=1)*({kk}<={life})");
                let text_f = if k == 0 {
                    format!(
                        "=IF({annuity},SUMPRODUCT({spend}*{within}*(1+BorrowingRate)^({kk}-1))*BorrowingRate/{growth},SUMPRODUCT({spend}*{within})/{life})"
                    )
                } else {
                    format!(
                        "=IF({annuity},BorrowingRate*SUMPRODUCT({spend}*{within}*((1+BorrowingRate)^{life}-(1+BorrowingRate)^({kk}-1)))/{growth},BorrowingRate*SUMPRODUCT({spend}*{within}*(1-({kk}-1)/{life})))"
                    )
                };
                formula(sheet, this, col, &text_f, "0", &fm.money)?;
            }
            // After the horizon: what is left of the whole life's MRP (the spend) or interest.
            let within_row = format!("{fc}{}:{lc}{}", this + 1, this + 1);
            let after_f = if k == 0 {
                format!("=SUM({spend})-SUM({within_row})")
            } else {
                format!(
                    "=IF({annuity},SUM({spend})*({life}*BorrowingRate*(1+BorrowingRate)^{life}/{growth}-1),BorrowingRate*SUM({spend})*({life}+1)/2)-SUM({within_row})"
                )
            };
            formula(sheet, this, after, &after_f, "0", &fm.money)?;
            if k == 0 {
                mrp_rows.push(this + 1);
            } else {
                interest_rows.push(this + 1);
            }
        }
        row += 3;
    }
    // Totals, and Sharecase's own figures beside a TRUE/FALSE check.
    for (label, rows, ours, after_ours) in [
        (
            "Total MRP",
            &mrp_rows,
            all.years.iter().map(|y| y.mrp).collect::<Vec<_>>(),
            all.mrp_after,
        ),
        (
            "Total interest",
            &interest_rows,
            all.years.iter().map(|y| y.interest).collect::<Vec<_>>(),
            all.interest_after,
        ),
    ] {
        text(sheet, row, 0, label, &fm.strong)?;
        for col in first..=after {
            let cells: Vec<String> = rows.iter().map(|r| format!("{}{r}", column(col))).collect();
            formula(
                sheet,
                row,
                col,
                &format!("=SUM({})", cells.join(",")),
                "0",
                &fm.money_strong,
            )?;
        }
        text(
            sheet,
            row + 1,
            0,
            &format!("{label}, as Sharecase works it out"),
            &fm.label,
        )?;
        for (t, v) in ours.iter().chain(std::iter::once(&after_ours)).enumerate() {
            sheet.write_number_with_format(
                row + 1,
                first + u16::try_from(t).unwrap_or(0),
                f(*v),
                &fm.money,
            )?;
        }
        text(
            sheet,
            row + 2,
            0,
            &format!("{label} agrees (to the penny)"),
            &fm.label,
        )?;
        for col in first..=after {
            let c = column(col);
            formula(
                sheet,
                row + 2,
                col,
                &format!("=ABS({c}{}-{c}{})<0.01", row + 1, row + 2),
                "TRUE",
                &fm.text,
            )?;
        }
        row += 3;
    }
    Ok(row + 1)
}
