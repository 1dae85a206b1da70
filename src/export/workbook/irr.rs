//! The IRR search: for each flow, its NPV at rates from -99% to 1,000%; where the NPV changes
//! sign between two rates, a straight-line estimate of the root; the estimate nearest zero
//! becomes IRR's starting guess. Spreadsheet IRR iterates from its guess and can fail to
//! converge, or find another root, from a guess far away; from one beside the root it does
//! not, whatever the inputs are changed to. The root nearest zero is the one Sharecase gives.

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
        "Each flow (net, real terms) is valued at the rates in the header. Where its NPV changes sign between two rates, a straight line between them estimates the root; the estimate nearest zero is IRR's guess, so IRR starts beside the root Sharecase reports (the one nearest zero) and converges to it.",
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
            let estimates_range = format!(
                "{}:{}",
                cell(row, grid::estimate(0)),
                cell(row, grid::estimate(grid::BRACKETS - 1))
            );
            let distances = format!(
                "{}:{}",
                cell(row, grid::distance(0)),
                cell(row, grid::distance(grid::BRACKETS - 1))
            );
            let guess = estimates
                .iter()
                .flatten()
                .copied()
                .min_by(|a, b| a.abs().total_cmp(&b.abs()));
            formula(
                sheet,
                row,
                grid::guess(),
                &format!(
                    "IF(COUNT({distances})=0,\"none\",INDEX({estimates_range},1,MATCH(MIN({distances}),{distances},0)))"
                ),
                guess.map_or(Cached::Text("none".into()), Cached::Number),
                &fm.percent,
            )?;
            let flow_range = super::layout::range_on(
                &layout.sheet,
                (net_row, layout.year_column(0)),
                (net_row, layout.last_year_column()),
            );
            let g = cell(row, grid::guess());
            formula(
                sheet,
                row,
                grid::result(),
                &format!(
                    "IF(ISNUMBER({g}),IFERROR(IRR({flow_range},{g}),\"no convergence\"),\"none\")"
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
