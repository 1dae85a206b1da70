//! One sheet per option: blocks of figures for all partners, for each partner (through the
//! Sharing sheet) and against the baseline, each from its kinds of money by year to NPV,
//! IRR, payback, BCR and ROI, every cell a formula; and two native charts.

use super::cells::{Cached, Formats, MONEY, colour, formula, number, print_setup, text};
use super::layout::{
    self, FORMULA_ROWS, IRR, KINDS, LineFlows, MEASURES, OptionLayout, block, cell, column, fixed,
    measure, on,
};
use super::model::Model;
use crate::engine::{Figures, Irr, Payback};
use crate::report::chart::{BENEFIT_SHADES, COST_SHADES, PALETTE};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Chart, ChartAxisLabelPosition, ChartFormat, ChartLine, ChartSolidFill, ChartType, Color,
    Workbook, Worksheet, XlsxError,
};

/// A payback as the workbook holds it: years, 0 when immediate, "none" when not reached.
#[must_use]
pub fn payback_cached(p: &Payback) -> Cached {
    match p {
        Payback::After { years, .. } => Cached::from(*years),
        Payback::Immediate => Cached::Number(0.0),
        Payback::NotWithinHorizon { .. } => Cached::Text("none".into()),
    }
}

/// An IRR as the workbook holds it.
#[must_use]
pub fn irr_cached(irr: &Irr) -> Cached {
    match irr {
        Irr::Rate { rate, .. } => Cached::from(*rate),
        Irr::None(_) => Cached::Text("none".into()),
    }
}

/// The IRR search's row for block `b` of option `n`.
#[must_use]
pub fn irr_row(m: &Model<'_>, n: usize, b: usize) -> u32 {
    let blocks = m.options.first().map_or(1, OptionLayout::blocks);
    layout::irr::FIRST + u32::try_from(n * blocks + b).unwrap_or(0)
}

/// What a block holds.
#[derive(Clone, Copy)]
enum Kind {
    All,
    Partner(usize),
    Against,
}

fn crossings(values: &[f64], cum: &[f64]) -> Vec<Cached> {
    (0..values.len())
        .map(|t| {
            if t == 0 {
                return Cached::Empty;
            }
            let (before, after) = (cum[t - 1], cum[t]);
            if before < 0.0 && after >= 0.0 && values[t] != 0.0 {
                #[allow(clippy::cast_precision_loss)]
                let at = t as f64 + (-before) / values[t];
                Cached::Number(at)
            } else {
                Cached::Empty
            }
        })
        .collect()
}

fn to_f64(values: impl Iterator<Item = Decimal>) -> Vec<f64> {
    values.map(|v| v.to_f64().unwrap_or(0.0)).collect()
}

/// Writes option `n`'s sheet.
///
/// # Errors
/// When the workbook refuses a cell.
pub fn write(book: &mut Workbook, m: &Model<'_>, n: usize) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let layout = &m.options[n];
    let option = &m.case.options[n];
    let result = &m.results.options[n];
    let sheet = book.add_worksheet();
    sheet.set_name(&layout.sheet)?;
    text(sheet, 0, 0, &format!("Option: {}", option.name), &fm.title)?;
    text(sheet, 1, 0, &option.description, &fm.label)?;
    text(
        sheet,
        2,
        0,
        "Every figure is a formula: all partners from the Line flows sheet, each partner through the Sharing sheet, and the option less the baseline. Money is cash unless it says real terms; costs and benefits are positive, net is benefits less costs.",
        &fm.note,
    )?;
    text(sheet, OptionLayout::HEADER, 0, "Financial year", &fm.header)?;
    text(
        sheet,
        OptionLayout::YEAR_NUMBER,
        0,
        "Year number (t)",
        &fm.note,
    )?;
    for t in 0..layout.years {
        let col = layout.year_column(t);
        text(
            sheet,
            OptionLayout::HEADER,
            col,
            &m.case.year_label(t),
            &fm.header,
        )?;
        number(
            sheet,
            OptionLayout::YEAR_NUMBER,
            col,
            f64::from(u32::try_from(t).unwrap_or(0)),
            &fm.whole,
        )?;
    }
    let mut blocks: Vec<(Kind, String, Option<&Figures>)> =
        vec![(Kind::All, "All partners".to_owned(), Some(&result.figures))];
    for (p, partner) in result.partners.iter().enumerate() {
        blocks.push((
            Kind::Partner(p),
            format!("{}'s share", partner.name),
            Some(&partner.figures),
        ));
    }
    if layout.against {
        let against = m
            .case
            .baseline
            .clone()
            .unwrap_or_else(|| "the baseline".into());
        blocks.push((
            Kind::Against,
            format!("Against the baseline ({against}), as the Inputs sheet names it"),
            result.incremental.as_ref().map(|i| &i.figures),
        ));
    }
    for (b, (kind, title, figures)) in blocks.iter().enumerate() {
        write_block(sheet, &fm, m, n, b, *kind, title, *figures)?;
    }
    sheet.set_column_width(0, 48)?;
    for t in 0..layout.years {
        sheet.set_column_width(layout.year_column(t), 14)?;
    }
    sheet.set_freeze_panes(OptionLayout::YEAR_NUMBER + 1, 1)?;
    print_setup(sheet, OptionLayout::YEAR_NUMBER)?;
    charts(sheet, layout, &option.name)?;
    Ok(())
}

/// The formula of kind `j`'s money in year `t` (cash, or real terms).
fn kind_formula(m: &Model<'_>, n: usize, kind: Kind, j: usize, t: usize, real: bool) -> String {
    let layout = &m.options[n];
    match kind {
        Kind::All => {
            let lf = &m.flows;
            format!(
                "SUMIFS({},{},{},{},\"{}\")",
                lf.range(if real { 3 } else { 2 }, t),
                lf.key_range(LineFlows::OPTION),
                n + 1,
                lf.key_range(LineFlows::KIND),
                KINDS[j].label()
            )
        }
        Kind::Partner(p) => m.sharing.part(p, n, j, t, real),
        Kind::Against => {
            let offset = if real { block::REAL } else { block::CASH };
            let row = layout.block(0) + offset + u32::try_from(j).unwrap_or(0);
            let col = layout.year_column(t);
            let choices: Vec<String> = m.options.iter().map(|o| o.absolute(row, col)).collect();
            format!(
                "IF(ISNUMBER(Baseline),{}-CHOOSE(Baseline,{}),0)",
                fixed(row, col),
                choices.join(",")
            )
        }
    }
}

#[allow(
    clippy::too_many_arguments,
    clippy::too_many_lines,
    clippy::needless_range_loop
)]
fn write_block(
    sheet: &mut Worksheet,
    fm: &Formats,
    m: &Model<'_>,
    n: usize,
    b: usize,
    kind: Kind,
    title: &str,
    figures: Option<&Figures>,
) -> Result<(), XlsxError> {
    let layout = &m.options[n];
    let top = layout.block(b);
    let years = layout.years;
    text(sheet, top, 0, title, &fm.title)?;
    let zeros = vec![Decimal::ZERO; years];
    for (j, k) in KINDS.iter().enumerate() {
        let flows = figures.and_then(|f| f.by_kind.iter().find(|x| x.kind == *k));
        for (real, offset) in [(false, block::CASH), (true, block::REAL)] {
            let row = top + offset + u32::try_from(j).unwrap_or(0);
            let label = format!(
                "{}, {}",
                k.label(),
                if real { "real terms" } else { "cash" }
            );
            text(sheet, row, 0, &label, &fm.label)?;
            let values = flows.map_or(&zeros, |f| if real { &f.real } else { &f.cash });
            for t in 0..years {
                formula(
                    sheet,
                    row,
                    layout.year_column(t),
                    &kind_formula(m, n, kind, j, t, real),
                    values.get(t).copied().unwrap_or_default(),
                    &fm.money,
                )?;
            }
        }
    }
    let kind_row = |j: usize, real: bool| {
        top + if real { block::REAL } else { block::CASH } + u32::try_from(j).unwrap_or(0)
    };
    let rows: Vec<u32> = (0..FORMULA_ROWS.len())
        .map(|k| layout.formula_row(b, k))
        .collect();
    let year_row = OptionLayout::YEAR_NUMBER;
    let years_of = |k: usize| -> Vec<Decimal> {
        figures.map_or_else(
            // The baseline against itself: nothing but the discount factors.
            || {
                if k == 6 {
                    m.results.options[n]
                        .figures
                        .years
                        .iter()
                        .map(|y| y.discount_factor)
                        .collect()
                } else {
                    vec![Decimal::ZERO; years]
                }
            },
            |f| {
                f.years
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
            },
        )
    };
    for (k, label) in FORMULA_ROWS.iter().enumerate() {
        let row = rows[k];
        let strong = matches!(k, 3 | 4 | 8);
        text(
            sheet,
            row,
            0,
            label,
            if strong { &fm.strong } else { &fm.label },
        )?;
        let values = years_of(k);
        for t in 0..years {
            let col = layout.year_column(t);
            let c = |r: u32| cell(r, col);
            let prev = |r: u32| cell(r, col - 1);
            let text = match k {
                0 => format!("{}+{}", c(kind_row(0, false)), c(kind_row(1, false))),
                1 => format!(
                    "{}+{}+{}",
                    c(kind_row(0, false)),
                    c(kind_row(1, false)),
                    c(kind_row(2, false))
                ),
                2 => format!("{}+{}", c(kind_row(3, false)), c(kind_row(4, false))),
                3 => format!("{}-{}", c(rows[2]), c(rows[1])),
                4 if t == 0 => c(rows[3]),
                4 => format!("{}+{}", prev(rows[4]), c(rows[3])),
                5 => format!(
                    "{}+{}-{}-{}-{}",
                    c(kind_row(3, true)),
                    c(kind_row(4, true)),
                    c(kind_row(0, true)),
                    c(kind_row(1, true)),
                    c(kind_row(2, true))
                ),
                6 => format!("1/(1+DiscountRate)^{}${}", column(col), year_row + 1),
                7 => format!("{}*{}", c(rows[5]), c(rows[6])),
                8 if t == 0 => c(rows[7]),
                8 => format!("{}+{}", prev(rows[8]), c(rows[7])),
                _ => format!("-{}", c(rows[1])),
            };
            let format = match k {
                6 => &fm.factor,
                3 | 4 | 8 => &fm.money_strong,
                _ => &fm.money,
            };
            formula(
                sheet,
                row,
                col,
                &text,
                values.get(t).copied().unwrap_or_default(),
                format,
            )?;
        }
    }
    // Where each cumulative position first reaches zero, for the paybacks.
    let f64s = |k: usize| to_f64(years_of(k).into_iter());
    for (row, net, cum, label) in [
        (
            top + block::CROSSING,
            rows[3],
            rows[4],
            "Payback crossing: t + the part of year t needed",
        ),
        (
            top + block::CROSSING_PV,
            rows[7],
            rows[8],
            "Discounted payback crossing",
        ),
    ] {
        text(sheet, row, 0, label, &fm.note)?;
        let (values, cumulative) = if net == rows[3] {
            (f64s(3), f64s(4))
        } else {
            (f64s(7), f64s(8))
        };
        let cached = crossings(&values, &cumulative);
        for t in 0..years {
            let col = layout.year_column(t);
            let text = if t == 0 {
                "\"\"".to_owned()
            } else {
                format!(
                    "IF(AND(ROUND({p},6)<0,ROUND({c},6)>=0),{col_t}${yr}+(-{p})/{v},\"\")",
                    yr = OptionLayout::YEAR_NUMBER + 1,
                    p = cell(cum, col - 1),
                    c = cell(cum, col),
                    v = cell(net, col),
                    col_t = column(col),
                )
            };
            formula(sheet, row, col, &text, cached[t].clone(), &fm.years)?;
        }
    }
    // The measures.
    let first = layout.year_column(0);
    let last = layout.last_year_column();
    let span = |r: u32| format!("{}:{}", cell(r, first), cell(r, last));
    let fixed_span = |r: u32| format!("{}:{}", fixed(r, first), fixed(r, last));
    let against = matches!(kind, Kind::Against);
    let measures = figures.map(|f| &f.measures);
    for (i, label) in MEASURES.iter().enumerate() {
        let (row, col) = layout.measure(b, i);
        text(sheet, row, 0, label, &fm.strong)?;
        let at = |x: usize| cell(layout.measure(b, x).0, col);
        let payback = |cross: u32, cum: u32| {
            format!(
                "IF(COUNT({})>0,MIN({}),IF(SUMPRODUCT(--(ROUND({},6)<0))=0,0,\"none\"))",
                span(cross),
                span(cross),
                fixed_span(cum)
            )
        };
        let (text, cached, format) = match i {
            measure::NPV => (
                format!("SUM({})", span(rows[7])),
                measures.map_or(Cached::Number(0.0), |x| Cached::from(x.npv)),
                &fm.money_strong,
            ),
            measure::IRR => (
                on(IRR, irr_row(m, n, b), layout::irr::result()),
                measures.map_or(Cached::Text("none".into()), |x| irr_cached(&x.irr)),
                &fm.percent,
            ),
            measure::PAYBACK => (
                payback(top + block::CROSSING, rows[4]),
                measures.map_or(Cached::Number(0.0), |x| payback_cached(&x.payback)),
                &fm.years,
            ),
            measure::DISCOUNTED => (
                payback(top + block::CROSSING_PV, rows[8]),
                measures.map_or(Cached::Number(0.0), |x| {
                    payback_cached(&x.discounted_payback)
                }),
                &fm.years,
            ),
            measure::BCR => (
                if against {
                    format!(
                        "IF(ROUND({c},6)<=0,\"none\",{b}/{c})",
                        c = at(measure::COSTS_PV),
                        b = at(measure::BENEFITS_PV)
                    )
                } else {
                    format!(
                        "IF({c}=0,\"none\",{b}/{c})",
                        c = at(measure::COSTS_PV),
                        b = at(measure::BENEFITS_PV)
                    )
                },
                measures.map_or(Cached::Text("none".into()), |x| Cached::from(x.bcr)),
                &fm.ratio,
            ),
            measure::ROI => (
                if against {
                    format!(
                        "IF(ROUND({c},6)<=0,\"none\",{n}/{c})",
                        c = at(measure::COSTS),
                        n = at(measure::NET)
                    )
                } else {
                    format!(
                        "IF({c}=0,\"none\",{n}/{c})",
                        c = at(measure::COSTS),
                        n = at(measure::NET)
                    )
                },
                measures.map_or(Cached::Text("none".into()), |x| Cached::from(x.roi)),
                &fm.percent,
            ),
            measure::COSTS_PV => (
                format!(
                    "SUMPRODUCT({}+{}+{},{})",
                    span(kind_row(0, true)),
                    span(kind_row(1, true)),
                    span(kind_row(2, true)),
                    span(rows[6])
                ),
                measures.map_or(Cached::Number(0.0), |x| Cached::from(x.totals.costs_pv)),
                &fm.money,
            ),
            measure::BENEFITS_PV => (
                format!(
                    "SUMPRODUCT({}+{},{})",
                    span(kind_row(3, true)),
                    span(kind_row(4, true)),
                    span(rows[6])
                ),
                measures.map_or(Cached::Number(0.0), |x| Cached::from(x.totals.benefits_pv)),
                &fm.money,
            ),
            measure::COSTS => (
                format!("SUM({})", span(rows[1])),
                measures.map_or(Cached::Number(0.0), |x| Cached::from(x.totals.costs_cash)),
                &fm.money,
            ),
            _ => (
                format!("SUM({})", span(rows[3])),
                measures.map_or(Cached::Number(0.0), |x| Cached::from(x.totals.net_cash)),
                &fm.money,
            ),
        };
        formula(sheet, row, col, &text, cached, format)?;
    }
    Ok(())
}

fn charts(sheet: &mut Worksheet, layout: &OptionLayout, name: &str) -> Result<(), XlsxError> {
    let first = layout.year_column(0);
    let last = layout.last_year_column();
    let categories = (
        layout.sheet.as_str(),
        OptionLayout::HEADER,
        first,
        OptionLayout::HEADER,
        last,
    );
    let row_of = |row: u32| (layout.sheet.as_str(), row, first, row, last);
    let mut payback = Chart::new(ChartType::Line);
    payback
        .title()
        .set_name(&format!("{name}: cumulative cash position (payback)"));
    payback
        .add_series()
        .set_name("Cumulative position, cash")
        .set_categories(categories)
        .set_values(row_of(layout.formula_row(0, 4)))
        .set_format(
            ChartFormat::new().set_line(
                ChartLine::new()
                    .set_color(colour(PALETTE[0]))
                    .set_width(2.5),
            ),
        );
    payback.y_axis().set_num_format(MONEY);
    payback
        .x_axis()
        .set_label_position(ChartAxisLabelPosition::Low);
    payback.legend().set_hidden();
    payback.set_width(720).set_height(380);
    let mut flows = Chart::new(ChartType::ColumnStacked);
    flows.title().set_name(&format!(
        "{name}: all costs (incl. investment) against savings and income, cash"
    ));
    flows
        .add_series()
        .set_name("All costs (incl. investment)")
        .set_categories(categories)
        .set_values(row_of(layout.formula_row(0, 9)))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(colour(COST_SHADES[0]))),
        );
    flows
        .add_series()
        .set_name("Savings and income")
        .set_categories(categories)
        .set_values(row_of(layout.formula_row(0, 2)))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(colour(BENEFIT_SHADES[0]))),
        );
    let mut net = Chart::new(ChartType::Line);
    net.add_series()
        .set_name("Net")
        .set_categories(categories)
        .set_values(row_of(layout.formula_row(0, 3)))
        .set_format(
            ChartFormat::new().set_line(
                ChartLine::new()
                    .set_color(Color::RGB(0x001F_2933))
                    .set_width(2.25),
            ),
        );
    flows.combine(&net);
    flows.y_axis().set_num_format(MONEY);
    flows
        .x_axis()
        .set_label_position(ChartAxisLabelPosition::Low);
    flows.set_width(720).set_height(380);
    let col = layout.last_year_column() + 2;
    sheet.insert_chart(layout.block(0), col, &payback)?;
    sheet.insert_chart(layout.block(0) + 21, col, &flows)?;
    Ok(())
}
