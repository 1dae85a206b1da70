//! Whole paths from untrusted bytes to every figure and word, each of which must return
//! (with results or with problems) and never panic, whatever the bytes. The fuzz targets in
//! `fuzz/` call these, and a test replays their seed corpus through them, so the normal
//! test run exercises the same paths (see docs/robustness.md).

use crate::case::{self, Case};
use crate::engine::{self, CaseResults};
use crate::format::MoneyStyle;
use crate::{import, report};
use std::sync::atomic::{AtomicBool, AtomicU64};

/// Trials run for each option when checking a case: enough to reach every path.
const TRIALS: u64 = 100;

/// Reads a case file's bytes, validates it, and when it is valid computes and words every
/// figure: results, summary and JSON, sensitivity, switching values and a short Monte
/// Carlo run. Returns whether the case was valid.
#[must_use]
pub fn case_file(bytes: &[u8]) -> bool {
    let Ok(mut case) = case::from_bytes(bytes) else {
        return false;
    };
    // The number of trials is the case's own setting; a short run reaches the same code.
    case.risk.trials = case
        .risk
        .trials
        .min(u32::try_from(TRIALS).unwrap_or(u32::MAX));
    everything(&case).is_some()
}

/// Every figure and word of a case, if it is valid: under each scenario, with each option's
/// budget.
fn everything(case: &Case) -> Option<CaseResults> {
    let results = engine::compute(case).ok()?;
    let runs = engine::scenario::every(case, |_| false);
    let _ = report::scenarios::table(&runs, case.discount_rate, MoneyStyle::Pounds);
    let _ = report::scenarios::json(&runs);
    // Sensitivity, risk and the budget work on the case with its optimism bias, as the app's.
    let case = &engine::scenario::appraised(case, None);
    for (index, option) in results.options.iter().enumerate() {
        let budget = engine::budget::option_budget(case, option, index);
        let _ = report::budget::json(&budget, &results.years);
        let _ = report::budget::table("", &budget.all, &results.years, MoneyStyle::Thousands);
    }
    let _ = report::summary::summary(case, &results, MoneyStyle::Pounds);
    let _ = report::summary::summary(case, &results, MoneyStyle::Thousands);
    let _ = report::json::summary(case, &results);
    let risk = engine::risk::run(case, TRIALS, 1, &AtomicU64::new(0), &AtomicBool::new(false));
    for index in 0..case.options.len() {
        let option = &results.options[index];
        let tornado = engine::sensitivity::tornado(case, option, index, false);
        let _ = engine::sensitivity::tornado(case, option, index, true);
        let switching = engine::sensitivity::switching_values(case, option, index);
        let _ = report::risk::text(case, &results, index, &tornado, &switching, risk.as_ref());
        let _ = report::risk::json(&results, index, &tornado, &switching, risk.as_ref());
    }
    Some(results)
}

/// Imports CSV bytes into the example case's first option and, when that is accepted,
/// computes the result. Returns whether the lines were imported.
#[must_use]
pub fn csv_import(bytes: &[u8]) -> bool {
    let case = case::example::case();
    import::from_csv_bytes(bytes, &case).is_ok_and(|lines| apply(&case, &lines))
}

/// Imports XLSX bytes into the example case's first option and, when that is accepted,
/// computes the result. Returns whether the lines were imported.
#[must_use]
pub fn xlsx_import(bytes: &[u8]) -> bool {
    let case = case::example::case();
    import::from_xlsx(bytes, &case).is_ok_and(|lines| apply(&case, &lines))
}

fn apply(case: &Case, lines: &[case::Line]) -> bool {
    let Ok(updated) = import::apply(case, 0, lines, true) else {
        return false;
    };
    // The example case is valid, so the updated one is too: compute it all.
    everything(&updated).is_some()
}
