//! The Summary (headline figures, every one a link to the option sheets) and the Checks
//! (every headline figure against the one Sharecase exported, under each scenario, and the
//! model's own consistency), so an edited workbook shows where it departs.

use super::cells::{Cached, Formats, f, formula, number, print_setup, text};
use super::layout::{
    CHECKS, INPUTS, KINDS, LineFlows, SUMMARY, cell, fixed, measure, on, range_on,
};
use super::model::Model;
use super::options::{irr_cached, payback_cached};
use crate::engine::{CaseResults, Measures};
use crate::export::Provenance;
use crate::format::percent;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The rows of the options table: measure, label, format.
const HEADLINES: [(usize, &str); 8] = [
    (measure::NPV, "Net present value"),
    (measure::IRR, "Internal rate of return (real terms)"),
    (measure::PAYBACK, "Payback (years)"),
    (measure::DISCOUNTED, "Discounted payback (years)"),
    (measure::BCR, "Benefit-cost ratio"),
    (measure::ROI, "Return on investment"),
    (measure::COSTS, "All costs (incl. investment), cash"),
    (measure::NET, "Net, cash"),
];

fn format_of(fm: &Formats, m: usize) -> &Format {
    match m {
        measure::IRR | measure::ROI => &fm.percent,
        measure::PAYBACK | measure::DISCOUNTED => &fm.years,
        measure::BCR => &fm.ratio,
        _ => &fm.money,
    }
}

fn cached(measures: &Measures, m: usize) -> Cached {
    match m {
        measure::NPV => Cached::from(measures.npv),
        measure::IRR => irr_cached(&measures.irr),
        measure::PAYBACK => payback_cached(&measures.payback),
        measure::DISCOUNTED => payback_cached(&measures.discounted_payback),
        measure::BCR => Cached::from(measures.bcr),
        measure::ROI => Cached::from(measures.roi),
        measure::COSTS_PV => Cached::from(measures.totals.costs_pv),
        measure::BENEFITS_PV => Cached::from(measures.totals.benefits_pv),
        measure::COSTS => Cached::from(measures.totals.costs_cash),
        _ => Cached::from(measures.totals.net_cash),
    }
}

/// Measure `m` of block `b` of option `n`, from another sheet.
fn link(m: &Model<'_>, n: usize, b: usize, which: usize) -> String {
    let layout = &m.options[n];
    let (row, col) = layout.measure(b, which);
    layout.absolute(row, col)
}

/// Writes the Summary sheet.
///
/// # Errors
/// When the workbook refuses a cell.
#[allow(clippy::too_many_lines)]
pub fn summary(
    book: &mut Workbook,
    m: &Model<'_>,
    provenance: &Provenance,
) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let case = m.case;
    let results = m.results;
    let sheet = book.add_worksheet();
    sheet.set_name(SUMMARY)?;
    text(sheet, 0, 0, &case.title, &fm.title)?;
    text(
        sheet,
        1,
        0,
        &format!(
            "Case file: {}. Made by Sharecase {} on {}. {} years from {}; discount rate {} (real), general inflation {}.{}",
            provenance.file.as_deref().unwrap_or("not yet saved"),
            env!("CARGO_PKG_VERSION"),
            provenance.date,
            case.horizon,
            case.year_label(0),
            percent(case.discount_rate, 2),
            percent(case.inflation, 2),
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
    formula(
        sheet,
        2,
        0,
        &format!(
            "\"Figures under the scenario: \"&{}&\". Every figure here is a formula of the Inputs sheet; the Checks sheet compares them with Sharecase's.\"",
            on(
                super::layout::ADJUSTMENTS,
                super::layout::adjustments::SCENARIO,
                1
            )
        ),
        Cached::Text(format!(
            "Figures under the scenario: {}. Every figure here is a formula of the Inputs sheet; the Checks sheet compares them with Sharecase's.",
            crate::engine::scenario::name(case, m.scenario)
        )),
        &fm.strong,
    )?;
    text(sheet, 3, 0, &case.description, &fm.label)?;
    // The paper's own details, as the case file holds them.
    let mut document = vec![format!("Status: {}", case.status.label())];
    if let Some(reference) = case.reference.as_deref().filter(|r| !r.trim().is_empty()) {
        document.push(format!("Reference: {}", reference.trim()));
    }
    if !case.author.trim().is_empty() {
        document.push(format!("Author: {}", case.author.trim()));
    }
    if let Some(preferred) = &case.preferred_option {
        document.push(format!("Preferred option: {preferred}"));
    }
    text(sheet, 4, 0, &document.join(". "), &fm.note)?;
    let header = 6;
    text(sheet, header, 0, "Headline figures", &fm.header)?;
    for (n, option) in case.options.iter().enumerate() {
        let col = u16::try_from(n + 1).unwrap_or(0);
        formula(
            sheet,
            header,
            col,
            &on(INPUTS, m.inputs.option_row(n), 1),
            Cached::Text(option.name.clone()),
            &fm.header,
        )?;
    }
    let mut row = header + 1;
    for (which, label) in HEADLINES {
        text(sheet, row, 0, label, &fm.label)?;
        for (n, result) in results.options.iter().enumerate() {
            let col = u16::try_from(n + 1).unwrap_or(0);
            formula(
                sheet,
                row,
                col,
                &link(m, n, 0, which),
                cached(&result.figures.measures, which),
                format_of(&fm, which),
            )?;
        }
        row += 1;
    }
    let against = m.options.first().is_some_and(|o| o.against);
    if against {
        let b = m.options[0].against_block();
        for (which, label) in [
            (measure::NPV, "Against the baseline: net present value"),
            (measure::PAYBACK, "Against the baseline: payback (years)"),
            (measure::BCR, "Against the baseline: benefit-cost ratio"),
        ] {
            text(sheet, row, 0, label, &fm.label)?;
            for (n, result) in results.options.iter().enumerate() {
                let col = u16::try_from(n + 1).unwrap_or(0);
                let value = result
                    .incremental
                    .as_ref()
                    .map_or(Cached::Text("none".into()), |i| {
                        cached(&i.figures.measures, which)
                    });
                formula(
                    sheet,
                    row,
                    col,
                    &format!("IF(Baseline={},\"none\",{})", n + 1, link(m, n, b, which)),
                    value,
                    format_of(&fm, which),
                )?;
            }
            row += 1;
        }
    }
    text(
        sheet,
        row,
        0,
        "Payback is in years from the start of the first financial year; \"none\" where it is not reached within the horizon, 0 where the position is never negative.",
        &fm.note,
    )?;
    row += 2;
    for (n, result) in results.options.iter().enumerate() {
        text(
            sheet,
            row,
            0,
            &format!("{}: each partner", result.name),
            &fm.header,
        )?;
        for (c, (_, label)) in HEADLINES.iter().take(5).enumerate() {
            text(
                sheet,
                row,
                u16::try_from(c + 1).unwrap_or(0),
                label,
                &fm.header,
            )?;
        }
        row += 1;
        for (p, partner) in result.partners.iter().enumerate() {
            text(sheet, row, 0, &partner.name, &fm.label)?;
            for (c, (which, _)) in HEADLINES.iter().take(5).enumerate() {
                formula(
                    sheet,
                    row,
                    u16::try_from(c + 1).unwrap_or(0),
                    &link(m, n, 1 + p, *which),
                    cached(&partner.figures.measures, *which),
                    format_of(&fm, *which),
                )?;
            }
            row += 1;
        }
        row += 1;
    }
    if !case.recommendation.trim().is_empty() {
        text(sheet, row, 0, "Recommendation", &fm.strong)?;
        text(sheet, row + 1, 0, case.recommendation.trim(), &fm.label)?;
    }
    sheet.set_column_width(0, 44)?;
    for c in 1..=u16::try_from(case.options.len().max(5)).unwrap_or(5) {
        sheet.set_column_width(c, 18)?;
    }
    sheet.set_freeze_panes(header + 1, 1)?;
    print_setup(sheet, header)?;
    Ok(())
}

/// One figure to check: its label, the workbook's formula, Sharecase's figure under each
/// scenario, and the tolerance.
struct Check {
    option: String,
    label: String,
    workbook: String,
    current: Cached,
    sharecase: Vec<Cached>,
    tolerance: f64,
    format: Format,
}

/// Writes the Checks sheet.
///
/// # Errors
/// When the workbook refuses a cell.
#[allow(clippy::too_many_lines)]
pub fn checks(
    book: &mut Workbook,
    m: &Model<'_>,
    runs: &[Option<CaseResults>],
    budgets: &[Vec<Option<rust_decimal::Decimal>>],
) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let case = m.case;
    let results = m.results;
    let sheet = book.add_worksheet();
    sheet.set_name(CHECKS)?;
    text(sheet, 0, 0, "Checks", &fm.title)?;
    text(
        sheet,
        1,
        0,
        "Each figure the workbook works out, beside the one Sharecase exported for the scenario chosen on the Inputs sheet (Sharecase's figures under every scenario are kept, as constants, on the right). TRUE where they agree: money to the penny, rates and ratios to 0.000001, paybacks to 0.0001 years. After an input is edited, FALSE shows where the workbook departs from the exported figures. The last rows check the model itself.",
        &fm.note,
    )?;
    let header = 4;
    let scenarios = case.scenario_names();
    for (c, h) in [
        "Option",
        "Figure",
        "Workbook",
        "Sharecase",
        "Agrees",
        "Tolerance",
    ]
    .iter()
    .enumerate()
    {
        text(sheet, header, u16::try_from(c).unwrap_or(0), h, &fm.header)?;
    }
    for (s, name) in scenarios.iter().enumerate() {
        text(
            sheet,
            header,
            6 + u16::try_from(s).unwrap_or(0),
            &format!("Sharecase: {name}"),
            &fm.header,
        )?;
    }
    let mut list: Vec<Check> = Vec::new();
    let money = fm.money.clone();
    for (n, result) in results.options.iter().enumerate() {
        let under = |pick: &dyn Fn(&CaseResults) -> Cached| -> Vec<Cached> {
            runs.iter()
                .map(|r| {
                    r.as_ref()
                        .map_or(Cached::Text("not worked out".into()), pick)
                })
                .collect()
        };
        for (which, label, tolerance) in [
            (measure::NPV, "Net present value", 0.005),
            (measure::IRR, "IRR", 1e-6),
            (measure::PAYBACK, "Payback (years)", 1e-4),
            (measure::DISCOUNTED, "Discounted payback (years)", 1e-4),
            (measure::BCR, "Benefit-cost ratio", 1e-6),
        ] {
            list.push(Check {
                option: result.name.clone(),
                label: label.into(),
                workbook: link(m, n, 0, which),
                current: cached(&result.figures.measures, which),
                sharecase: under(&|r: &CaseResults| {
                    r.options
                        .get(n)
                        .map_or(Cached::Empty, |o| cached(&o.figures.measures, which))
                }),
                tolerance,
                format: format_of(&fm, which).clone(),
            });
        }
        for (p, partner) in result.partners.iter().enumerate() {
            list.push(Check {
                option: result.name.clone(),
                label: format!("{}: net present value", partner.name),
                workbook: link(m, n, 1 + p, measure::NPV),
                current: Cached::from(partner.figures.measures.npv),
                sharecase: under(&|r: &CaseResults| {
                    r.options
                        .get(n)
                        .and_then(|o| o.partners.get(p))
                        .map_or(Cached::Empty, |x| Cached::from(x.figures.measures.npv))
                }),
                tolerance: 0.005,
                format: money.clone(),
            });
        }
        if let Some(layout) = m.options.get(n).filter(|o| o.against) {
            list.push(Check {
                option: result.name.clone(),
                label: "Against the baseline: net present value".into(),
                workbook: link(m, n, layout.against_block(), measure::NPV),
                current: result
                    .incremental
                    .as_ref()
                    .map_or(Cached::Number(0.0), |i| {
                        Cached::from(i.figures.measures.npv)
                    }),
                sharecase: under(&|r: &CaseResults| {
                    r.options.get(n).map_or(Cached::Empty, |o| {
                        o.incremental.as_ref().map_or(Cached::Number(0.0), |i| {
                            Cached::from(i.figures.measures.npv)
                        })
                    })
                }),
                tolerance: 0.005,
                format: money.clone(),
            });
        }
        // The budget: all partners' net impact over the horizon.
        let r = budget_rows(m);
        let all = r.0
            + u32::try_from(n * (case.partners.len() + 1) + case.partners.len()).unwrap_or(0) * r.1
            + r.2;
        let years = m.years;
        list.push(Check {
            option: result.name.clone(),
            label: "Revenue budget impact over the horizon, all partners".into(),
            workbook: format!(
                "SUM({})",
                range_on(
                    super::layout::BUDGET,
                    (all, 1),
                    (all, u16::try_from(years).unwrap_or(1))
                )
            ),
            current: budgets
                .get(m.scenario.map_or(0, |s| s + 1))
                .and_then(|b| b.get(n))
                .copied()
                .flatten()
                .map_or(Cached::Empty, Cached::from),
            sharecase: budgets
                .iter()
                .map(|b| {
                    b.get(n)
                        .copied()
                        .flatten()
                        .map_or(Cached::Text("not worked out".into()), Cached::from)
                })
                .collect(),
            tolerance: 0.005,
            format: money.clone(),
        });
    }
    let mut row = header + 1;
    for check in &list {
        text(sheet, row, 0, &check.option, &fm.label)?;
        text(sheet, row, 1, &check.label, &fm.label)?;
        formula(
            sheet,
            row,
            2,
            &check.workbook,
            check.current.clone(),
            &check.format,
        )?;
        let last = 6 + u16::try_from(scenarios.len().max(1) - 1).unwrap_or(0);
        formula(
            sheet,
            row,
            3,
            &format!(
                "INDEX({}:{},1,ScenarioChoice)",
                fixed(row, 6),
                fixed(row, last)
            ),
            check.current.clone(),
            &check.format,
        )?;
        let (w, s) = (cell(row, 2), cell(row, 3));
        formula(
            sheet,
            row,
            4,
            &format!(
                "IF(AND(ISNUMBER({w}),ISNUMBER({s})),ABS({w}-{s})<={},{w}&\"\"={s}&\"\")",
                cell(row, 5)
            ),
            Cached::Bool(true),
            &fm.check,
        )?;
        number(sheet, row, 5, check.tolerance, &fm.constant)?;
        for (i, value) in check.sharecase.iter().enumerate() {
            let col = 6 + u16::try_from(i).unwrap_or(0);
            match value {
                Cached::Number(v) => number(sheet, row, col, *v, &fm.constant)?,
                Cached::Text(t) => text(sheet, row, col, t, &fm.constant)?,
                _ => {}
            }
        }
        row += 1;
    }
    // The model's own consistency.
    row += 1;
    text(sheet, row, 0, "The model's own consistency", &fm.header)?;
    for c in 1..=5 {
        text(sheet, row, c, "", &fm.header)?;
    }
    row += 1;
    let lf = &m.flows;
    for (n, result) in results.options.iter().enumerate() {
        let layout = &m.options[n];
        let partners = result.partners.len();
        let add = |sheet: &mut rust_xlsxwriter::Worksheet,
                   row: &mut u32,
                   label: &str,
                   left: String,
                   right: String,
                   value: f64|
         -> Result<(), XlsxError> {
            text(sheet, *row, 0, &result.name, &fm.label)?;
            text(sheet, *row, 1, label, &fm.label)?;
            formula(sheet, *row, 2, &left, value, &fm.money)?;
            formula(sheet, *row, 3, &right, value, &fm.money)?;
            let (w, s) = (cell(*row, 2), cell(*row, 3));
            formula(
                sheet,
                *row,
                4,
                &format!("ABS({w}-{s})<={}", cell(*row, 5)),
                Cached::Bool(true),
                &fm.check,
            )?;
            number(sheet, *row, 5, 0.005, &fm.constant)?;
            *row += 1;
            Ok(())
        };
        if partners > 0 {
            let sum: Vec<String> = (0..partners)
                .map(|p| link(m, n, 1 + p, measure::NPV))
                .collect();
            add(
                sheet,
                &mut row,
                "The partners' net present values add up to the option's",
                sum.join("+"),
                link(m, n, 0, measure::NPV),
                f(result.figures.measures.npv),
            )?;
            let net = |b: usize| layout.row_range(layout.formula_row(b, 3));
            let parts: Vec<String> = (0..partners).map(|p| net(1 + p)).collect();
            add(
                sheet,
                &mut row,
                "Year by year, the partners' net cash adds up to the option's (largest difference)",
                format!("SUMPRODUCT(ABS({}-({})))", net(0), parts.join("+")),
                "0".into(),
                0.0,
            )?;
        }
        let s = &m.sharing;
        let first = s.group_row(n, 0, 0);
        let last = s.group_row(n, KINDS.len() - 1, s.keys - 1);
        let groups = range_on(
            super::layout::SHARING,
            (first, s.year(0, false)),
            (last, s.year(m.years - 1, false)),
        );
        let all_cash = range_on(
            super::layout::LINE_FLOWS,
            (LineFlows::FIRST, lf.year(2, 0)),
            (lf.last(), lf.year(2, m.years - 1)),
        );
        let options_col = lf.key_range(LineFlows::OPTION);
        let total = f(result.figures.measures.totals.costs_cash)
            + f(result.figures.measures.totals.benefits_cash);
        add(
            sheet,
            &mut row,
            "Every line's cash is in a sharing group",
            format!("SUM({groups})"),
            format!("SUMPRODUCT(({options_col}={})*{all_cash})", n + 1),
            total,
        )?;
        let funded_first = s.group_row(n, KINDS.len(), 0);
        let funded_last = s.group_row(n, s.classes - 1, s.keys - 1);
        let funded = range_on(
            super::layout::SHARING,
            (funded_first, s.year(0, false)),
            (funded_last, s.year(m.years - 1, false)),
        );
        add(
            sheet,
            &mut row,
            "Every pound of investment has a funding source",
            format!("SUM({funded})"),
            format!("SUM({})", layout.row_range(layout.formula_row(0, 0))),
            f(result.figures.measures.totals.investment_cash),
        )?;
    }
    let last_check = row.saturating_sub(1);
    text(sheet, 2, 0, "All checks agree (ChecksPass)", &fm.strong)?;
    formula(
        sheet,
        2,
        1,
        &format!("AND({}:{})", fixed(header + 1, 4), fixed(last_check, 4)),
        Cached::Bool(true),
        &fm.check,
    )?;
    sheet.set_column_width(0, 26)?;
    sheet.set_column_width(1, 62)?;
    for c in 2..=5 {
        sheet.set_column_width(c, 16)?;
    }
    for s in 0..scenarios.len() {
        sheet.set_column_width(6 + u16::try_from(s).unwrap_or(0), 18)?;
    }
    sheet.set_freeze_panes(header + 1, 2)?;
    print_setup(sheet, header)?;
    Ok(())
}

/// Where the Budget sheet's blocks are: (first block's row, block height, the impact's row
/// within a block). Kept beside the Budget sheet's own arithmetic.
fn budget_rows(m: &Model<'_>) -> (u32, u32, u32) {
    super::budget::impact_rows(m)
}
