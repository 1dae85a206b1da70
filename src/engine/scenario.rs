//! A case under a scenario, with each option's optimism bias: the overlays the engine applies
//! on top of what was entered. Worked out once per computation and never saved, so the case
//! file keeps what the officer typed.

use crate::case::{Case, Overlay};
use rust_decimal::Decimal;

/// `case` with every option's overlay set for scenario `scenario` (`None` is the central
/// scenario, the case as entered) and the option's optimism-bias assessment, and general
/// inflation replaced where the scenario sets it. Overlays are set afresh, not added to, so
/// appraising an appraised case for the same scenario changes nothing.
#[must_use]
pub fn appraised(case: &Case, scenario: Option<usize>) -> Case {
    let mut out = case.clone();
    let chosen = scenario.and_then(|i| case.scenarios.get(i));
    out.scenario_inflation = chosen.and_then(|s| s.inflation);
    for option in &mut out.options {
        let mut overlay = Overlay::default();
        if let Some(s) = chosen {
            overlay.cost_factor = Decimal::ONE + s.cost_uplift;
            overlay.benefit_factor = Decimal::ONE - s.benefit_shortfall;
            overlay.delay_months = s.benefit_delay_months;
            overlay.categories = s
                .categories
                .iter()
                .map(|(name, change)| (name.clone(), Decimal::ONE + *change))
                .collect();
        }
        if let Some(bias) = &option.optimism_bias {
            let f = bias.figures();
            overlay.investment_factor = Decimal::ONE + f.investment_uplift;
            overlay.running_cost_factor = Decimal::ONE + f.running_cost_uplift;
            overlay.delay_months = overlay.delay_months.saturating_add(f.extra_delay_months);
        }
        option.adjustments.overlay = overlay;
    }
    out
}

/// As [`appraised`], without a copy when there is nothing to apply: the central scenario,
/// no option with optimism bias, and no overlay left from another scenario.
#[must_use]
pub fn appraised_cow(case: &Case, scenario: Option<usize>) -> std::borrow::Cow<'_, Case> {
    let nothing = scenario.is_none()
        && case.scenario_inflation.is_none()
        && case
            .options
            .iter()
            .all(|o| o.optimism_bias.is_none() && o.adjustments.overlay.is_neutral());
    if nothing {
        std::borrow::Cow::Borrowed(case)
    } else {
        std::borrow::Cow::Owned(appraised(case, scenario))
    }
}

/// The name of scenario `scenario` of `case` (`None` is the central one).
#[must_use]
pub fn name(case: &Case, scenario: Option<usize>) -> String {
    scenario
        .and_then(|i| case.scenarios.get(i))
        .map_or_else(|| case.central_scenario.clone(), |s| s.name.clone())
}

/// The figures of a case under one scenario.
#[derive(Debug, Clone)]
pub struct Run {
    /// The scenario's name.
    pub name: String,
    /// Its figures; `None` when the scenario's own settings have problems.
    pub results: Option<super::CaseResults>,
}

/// A valid case (whose options may already carry overlays) under every scenario, the central
/// one first; a scenario in `skip` is left without figures.
#[must_use]
pub fn every(case: &Case, skip: impl Fn(Option<usize>) -> bool) -> Vec<Run> {
    (0..=case.scenarios.len())
        .map(|i| {
            let scenario = i.checked_sub(1);
            Run {
                name: name(case, scenario),
                results: (!skip(scenario))
                    .then(|| super::compute_appraised(&appraised(case, scenario), scenario)),
            }
        })
        .collect()
}
