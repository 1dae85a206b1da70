//! The workbook is the model: an Inputs sheet holding the case as entered, and sheets on
//! which every figure is a formula of those inputs (each line's money by year, sharing,
//! each option and partner, against the baseline, IRR, the budget), with a scenario choice
//! that re-runs it all and a Checks sheet comparing it with Sharecase's own figures. Each
//! formula carries Sharecase's figure as its stored result, so a reader that does not
//! recalculate shows the app's numbers, and one that does shows the same to the penny.

mod budget;
mod cells;
mod flows;
mod inputs;
mod irr;
mod layout;
mod model;
mod options;
mod sharing;
mod summary;

use super::{ExportError, Provenance};
use crate::case::Case;
use crate::engine::CaseResults;
use rust_xlsxwriter::{Workbook, XlsxError};

pub use inputs::{Input, input_cell};
/// The IRR search sheet's column of results (its other cells are the search's working).
pub use layout::irr::result as irr_search_result_column;
pub use layout::{
    FORMULA_ROWS, MEASURES, OptionLayout, SHEETS, block, column, measure, sheet_names,
};

fn error(e: &XlsxError) -> ExportError {
    ExportError::Build {
        format: "xlsx",
        message: e.to_string(),
    }
}

/// The workbook as XLSX bytes, for `case` (appraised for the scenario of `results`).
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn workbook(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<u8>, ExportError> {
    build(case, results, provenance).map_err(|e| error(&e))
}

/// Sharecase's figures under every scenario (the central one first), for the Checks sheet;
/// and each option's revenue budget impact over the horizon under each.
fn every_scenario(
    case: &Case,
) -> (
    Vec<Option<CaseResults>>,
    Vec<Vec<Option<rust_decimal::Decimal>>>,
) {
    let mut runs = Vec::new();
    let mut budgets = Vec::new();
    for s in 0..=case.scenarios.len() {
        let scenario = s.checked_sub(1);
        let appraised = crate::engine::scenario::appraised(case, scenario);
        let results = crate::engine::compute_appraised(&appraised, scenario);
        budgets.push(
            results
                .options
                .iter()
                .enumerate()
                .map(|(n, o)| {
                    let b = crate::engine::budget::option_budget(&appraised, o, n);
                    Some(b.all.years.iter().map(|y| y.revenue_budget_impact).sum())
                })
                .collect(),
        );
        runs.push(Some(results));
    }
    (runs, budgets)
}

fn build(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // Fast compression: a model of 2,000 lines is some 200,000 formulas, and the default
    // level spends more time squeezing them than writing them, for a file 10% smaller.
    book.set_zip_compression_level(1);
    let m = model::Model::new(case, results);
    let (runs, budgets) = every_scenario(case);
    summary::summary(&mut book, &m, provenance)?;
    summary::checks(&mut book, &m, &runs, &budgets)?;
    inputs::write(&mut book, case, m.scenario)?;
    for n in 0..case.options.len().min(results.options.len()) {
        options::write(&mut book, &m, n)?;
    }
    budget::write(&mut book, &m)?;
    flows::adjustments(&mut book, &m)?;
    flows::line_flows(&mut book, &m)?;
    sharing::write(&mut book, &m)?;
    irr::write(&mut book, &m)?;
    names(&mut book, &m)?;
    book.save_to_buffer()
}

fn names(book: &mut Workbook, m: &model::Model<'_>) -> Result<(), XlsxError> {
    use layout::{INPUTS, Inputs, on};
    let v = Inputs::VALUE;
    for (name, row) in [
        ("DiscountRate", Inputs::DISCOUNT),
        ("Inflation", Inputs::INFLATION),
        ("BorrowingRate", Inputs::BORROWING),
        ("CasePrices", Inputs::PRICES),
        ("Baseline", Inputs::BASELINE),
        ("ScenarioChoice", Inputs::CHOICE),
    ] {
        book.define_name(name, &format!("={}", on(INPUTS, row, v)))?;
    }
    book.define_name(
        "ScenarioInflation",
        &format!(
            "={}",
            on(layout::ADJUSTMENTS, layout::adjustments::INFLATION, 1)
        ),
    )?;
    book.define_name("ChecksPass", &format!("={}", on(layout::CHECKS, 2, 1)))?;
    for (n, option) in m.options.iter().enumerate() {
        let i = n + 1;
        let row = m.inputs.option_row(n);
        book.define_name(
            format!("CostUplift_{i}"),
            &format!("={}", on(INPUTS, row, 2)),
        )?;
        book.define_name(
            format!("BenefitShortfall_{i}"),
            &format!("={}", on(INPUTS, row, 3)),
        )?;
        book.define_name(
            format!("BenefitDelayMonths_{i}"),
            &format!("={}", on(INPUTS, row, 4)),
        )?;
        for (name, which) in [
            ("NPV", measure::NPV),
            ("IRR", measure::IRR),
            ("PaybackYears", measure::PAYBACK),
            ("DiscountedPaybackYears", measure::DISCOUNTED),
            ("BCR", measure::BCR),
        ] {
            let (r, c) = option.measure(0, which);
            book.define_name(
                format!("{name}_{i}"),
                &format!("={}", option.absolute(r, c)),
            )?;
        }
    }
    Ok(())
}
