//! The IRR search: for each flow, its NPV at rates from -99% to 1,000%; where the NPV changes
//! sign between two rates, a straight-line estimate of the root; the bracket whose estimate
//! is nearest zero (the root Sharecase gives) is halved twenty times, to under 1e-7, and its
//! midpoint is IRR's starting guess. Spreadsheet IRR iterates from its guess and can fail to
//! converge, or find another root, from a guess far away; from one beside the root it does
//! not, and where it still fails the bisection's figure stands.

use super::cells::{Cached, Formats, formula, number, print_setup, text};
use super::layout::{IRR, OptionLayout, cell, fixed, irr as grid};
use super::model::Model;
use super::options::{irr_cached, irr_row};
use crate::engine::Figures;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Workbook, XlsxError};

fn npv(flows: &[f64], rate: f64) -> f64 {
    let x = 1.0 / (1.0 + rate);
    flows.iter().rev().fold(0.0, |acc, v| acc * x + v)
}

/// Writes the IRR search sheet.
///
/// # Errors
/// When the workbook refuses a cell.
#[allow(clippy::too_many_lines, clippy::float_cmp)]
pub fn write(book: &mut Workbook, m: &Model<'_>) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let sheet = book.add_worksheet();
    sheet.set_name(IRR)?;
    text(sheet, 0, 0, "IRR search", &fm.title)?;
    text(
        sheet,
        1,
        0,
        "Each flow (net, real terms) is valued at the rates in the header. Where its NPV changes sign between two rates, a straight line between them estimates the root; the bracket whose estimate is nearest zero (the root Sharecase reports) is halved twenty times, and IRR starts from its midpoint. Should IRR not converge there, the bisection's figure (within 0.0000001) stands.",
        &fm.note,
    )?;
    text(sheet, grid::HEADER, 0, "Flow", &fm.header)?;
    text(sheet, grid::HEADER, 1, "Sheet", &fm.header)?;
    for (j, rate) in grid::GRID.iter().enumerate() {
        let col = grid::GRID0 + u16::try_from(j).unwrap_or(0);
        number(sheet, grid::HEADER, col, *rate, &fm.percent)?;
        text(sheet, grid::HEADER - 1, col, "NPV at", &fm.note)?;
    }
    for j in 0..grid::BRACKETS {
        text(
            sheet,
            grid::HEADER,
            grid::estimate(j),
            &format!("Estimate {}", j + 1),
            &fm.header,
        )?;
        text(
            sheet,
            grid::HEADER,
            grid::distance(j),
            &format!("Distance {}", j + 1),
            &fm.header,
        )?;
    }
    text(sheet, grid::HEADER, grid::choice(), "Bracket", &fm.header)?;
    for (w, h) in ["Lower rate", "Upper rate", "NPV at the lower rate"]
        .iter()
        .enumerate()
    {
        text(
            sheet,
            grid::HEADER,
            grid::start(u16::try_from(w).unwrap_or(0)),
            h,
            &fm.header,
        )?;
    }
    for i in 0..grid::STEPS {
        for (w, h) in ["Midpoint", "NPV there", "Lower", "Upper"]
            .iter()
            .enumerate()
        {
            text(
                sheet,
                grid::HEADER,
                grid::step(i, u16::try_from(w).unwrap_or(0)),
                &format!("Halving {}: {h}", i + 1),
                &fm.header,
            )?;
        }
    }
    text(sheet, grid::HEADER, grid::guess(), "Guess", &fm.header)?;
    text(sheet, grid::HEADER, grid::result(), "IRR", &fm.header)?;
    for (n, layout) in m.options.iter().enumerate() {
        let result = &m.results.options[n];
        let mut series: Vec<(String, Option<&Figures>)> = vec![(
            format!("{}: all partners", result.name),
            Some(&result.figures),
        )];
        for p in &result.partners {
            series.push((format!("{}: {}", result.name, p.name), Some(&p.figures)));
        }
        if layout.against {
            series.push((
                format!("{}: against the baseline", result.name),
                result.incremental.as_ref().map(|i| &i.figures),
            ));
        }
        for (b, (label, figures)) in series.iter().enumerate() {
            let row = irr_row(m, n, b);
            text(sheet, row, 0, label, &fm.label)?;
            text(sheet, row, 1, &layout.sheet, &fm.label)?;
            let net_row = layout.formula_row(b, 5);
            let flows: Vec<f64> = figures.map_or_else(
                || vec![0.0; layout.years],
                |f| {
                    f.years
                        .iter()
                        .map(|y| y.net_real.to_f64().unwrap_or(0.0))
                        .collect()
                },
            );
            let first = layout.absolute(net_row, layout.year_column(0));
            let rest = (layout.years > 1).then(|| {
                super::layout::range_on(
                    &layout.sheet,
                    (net_row, layout.year_column(1)),
                    (net_row, layout.last_year_column()),
                )
            });
            let values: Vec<f64> = grid::GRID.iter().map(|r| npv(&flows, *r)).collect();
            for (j, rate) in grid::GRID.iter().enumerate() {
                let col = grid::GRID0 + u16::try_from(j).unwrap_or(0);
                let r = fixed(grid::HEADER, col);
                let text = match &rest {
                    Some(rest) => format!("{first}+NPV({r},{rest})"),
                    None => first.clone(),
                };
                let _ = rate;
                formula(sheet, row, col, &text, values[j], &fm.money)?;
            }
            let mut estimates = Vec::with_capacity(grid::BRACKETS);
            for j in 0..grid::BRACKETS {
                let (a, b2) = (values[j], values[j + 1]);
                let (ra, rb) = (grid::GRID[j], grid::GRID[j + 1]);
                let estimate = if a * b2 <= 0.0 && (a != 0.0 || b2 != 0.0) {
                    Some(if a == b2 {
                        ra
                    } else {
                        ra - a * (rb - ra) / (b2 - a)
                    })
                } else {
                    None
                };
                estimates.push(estimate);
                let ca = grid::GRID0 + u16::try_from(j).unwrap_or(0);
                let (na, nb) = (cell(row, ca), cell(row, ca + 1));
                let (ra, rb) = (fixed(grid::HEADER, ca), fixed(grid::HEADER, ca + 1));
                formula(
                    sheet,
                    row,
                    grid::estimate(j),
                    &format!(
                        "IF(AND({na}*{nb}<=0,OR({na}<>0,{nb}<>0)),IF({na}={nb},{ra},{ra}-{na}*({rb}-{ra})/({nb}-{na})),\"\")"
                    ),
                    estimate.map_or(Cached::Empty, Cached::Number),
                    &fm.percent,
                )?;
                let e = cell(row, grid::estimate(j));
                formula(
                    sheet,
                    row,
                    grid::distance(j),
                    &format!("IF(ISNUMBER({e}),ABS({e}),\"\")"),
                    estimate.map_or(Cached::Empty, |x| Cached::Number(x.abs())),
                    &fm.percent,
                )?;
            }
            let distances = format!(
                "{}:{}",
                cell(row, grid::distance(0)),
                cell(row, grid::distance(grid::BRACKETS - 1))
            );
            // The bracket whose estimate is nearest zero, halved until under 1e-7 wide.
            let chosen = estimates
                .iter()
                .enumerate()
                .filter_map(|(j, e)| e.map(|e| (j, e)))
                .min_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
                .map(|(j, _)| j);
            let rates = format!(
                "{}:{}",
                fixed(grid::HEADER, grid::GRID0),
                fixed(grid::HEADER, grid::GRID0 + 40)
            );
            let npvs = format!("{}:{}", cell(row, grid::GRID0), cell(row, grid::GRID0 + 40));
            let j = cell(row, grid::choice());
            formula(
                sheet,
                row,
                grid::choice(),
                &format!("IF(COUNT({distances})=0,\"none\",MATCH(MIN({distances}),{distances},0))"),
                chosen.map_or(Cached::Text("none".into()), |j| {
                    Cached::Number(f64::from(u32::try_from(j + 1).unwrap_or(0)))
                }),
                &fm.whole,
            )?;
            let (mut low, mut high, na) = chosen.map_or((0.0, 0.0, 0.0), |j| {
                (grid::GRID[j], grid::GRID[j + 1], values[j])
            });
            for (w, text, value) in [
                (
                    0,
                    format!("IF(ISNUMBER({j}),INDEX({rates},1,{j}),\"\")"),
                    low,
                ),
                (
                    1,
                    format!("IF(ISNUMBER({j}),INDEX({rates},1,{j}+1),\"\")"),
                    high,
                ),
                (2, format!("IF(ISNUMBER({j}),INDEX({npvs},1,{j}),\"\")"), na),
            ] {
                let cached = if chosen.is_some() {
                    Cached::Number(value)
                } else {
                    Cached::Empty
                };
                formula(sheet, row, grid::start(w), &text, cached, &fm.factor)?;
            }
            let value_at = |rate: String| match &rest {
                Some(rest) => format!("{first}+NPV({rate},{rest})"),
                None => first.clone(),
            };
            let na_cell = cell(row, grid::start(2));
            for i in 0..grid::STEPS {
                let (lo, hi) = if i == 0 {
                    (cell(row, grid::start(0)), cell(row, grid::start(1)))
                } else {
                    (
                        cell(row, grid::step(i - 1, 2)),
                        cell(row, grid::step(i - 1, 3)),
                    )
                };
                let mid = 0.5 * (low + high);
                let at_mid = npv(&flows, mid);
                let keep_low = at_mid * na > 0.0;
                let m = cell(row, grid::step(i, 0));
                let nm = cell(row, grid::step(i, 1));
                let cells = [
                    (format!("IF(ISNUMBER({j}),({lo}+{hi})/2,\"\")"), mid),
                    (
                        format!("IF(ISNUMBER({j}),{},\"\")", value_at(m.clone())),
                        at_mid,
                    ),
                    (
                        format!("IF(ISNUMBER({j}),IF({nm}*{na_cell}>0,{m},{lo}),\"\")"),
                        if keep_low { mid } else { low },
                    ),
                    (
                        format!("IF(ISNUMBER({j}),IF({nm}*{na_cell}>0,{hi},{m}),\"\")"),
                        if keep_low { high } else { mid },
                    ),
                ];
                for (w, (text, value)) in cells.iter().enumerate() {
                    let cached = if chosen.is_some() {
                        Cached::Number(*value)
                    } else {
                        Cached::Empty
                    };
                    let w = u16::try_from(w).unwrap_or(0);
                    formula(sheet, row, grid::step(i, w), text, cached, &fm.factor)?;
                }
                if keep_low {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            let last = grid::STEPS - 1;
            let (lo, hi) = (
                cell(row, grid::step(last, 2)),
                cell(row, grid::step(last, 3)),
            );
            formula(
                sheet,
                row,
                grid::guess(),
                &format!("IF(ISNUMBER({j}),({lo}+{hi})/2,\"none\")"),
                if chosen.is_some() {
                    Cached::Number(0.5 * (low + high))
                } else {
                    Cached::Text("none".into())
                },
                &fm.percent,
            )?;
            let flow_range = super::layout::range_on(
                &layout.sheet,
                (net_row, layout.year_column(0)),
                (net_row, layout.last_year_column()),
            );
            let g = cell(row, grid::guess());
            // IRR from beside the root; where it does not converge there, or strays from the
            // bracket, the bisection's own figure (within 1e-7) stands.
            formula(
                sheet,
                row,
                grid::result(),
                &format!(
                    "IF(ISNUMBER({g}),IFERROR(IF(ABS(IRR({flow_range},{g})-{g})<0.000001,IRR({flow_range},{g}),{g}),{g}),\"none\")"
                ),
                figures.map_or(Cached::Text("none".into()), |f| irr_cached(&f.measures.irr)),
                &fm.percent,
            )?;
        }
    }
    sheet.set_column_width(0, 44)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_freeze_panes(grid::HEADER + 1, 2)?;
    print_setup(sheet, grid::HEADER)?;
    let _ = OptionLayout::HEADER;
    Ok(())
}
