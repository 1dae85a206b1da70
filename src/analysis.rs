//! One analysis per revision of a case: everything derived from it, in one place.
//!
//! A view never mixes figures of two revisions: it reads the results, the tornado, the
//! switching values and (from the background) the Monte Carlo run of one [`Analysis`],
//! stamped with the revision of the case it was made from. Options are validated one by
//! one, so a problem in one option leaves the figures of the others in place; only a problem
//! in the case's own settings (horizon, partners, bases) stops every figure.
//!
//! This layer sits between [`crate::engine`] (pure figures) and the views; it knows nothing
//! of windows, files or wording.

use crate::case::{Case, Problem, validate};
use crate::engine::sensitivity::{SwitchingValues, Tornado, switching_values, tornado};
use crate::engine::{self, CaseResults, OptionResults};

/// The figures that can be computed from one revision of a case.
pub struct Analysis {
    revision: u64,
    /// The scenario the figures are under: `None` for the central one.
    scenario: Option<usize>,
    case: Case,
    problems: Vec<Problem>,
    computed: Option<Computed>,
    /// Every option under every scenario, made when first asked for (the Scenarios tab).
    matrix: std::sync::OnceLock<Vec<engine::scenario::Run>>,
    /// Each computed option's budget, made when first asked for (the Budget tab).
    budgets: std::sync::OnceLock<Vec<engine::budget::OptionBudget>>,
}

/// The options with no problems, computed together as a case of their own.
struct Computed {
    /// The computed options as entered, before any scenario or optimism bias.
    entered: Case,
    /// The same under the scenario shown, with each option's optimism bias.
    case: Case,
    results: CaseResults,
    /// For each option of the whole case, its place among the computed ones.
    index: Vec<Option<usize>>,
}

/// The tornado and switching values of one option.
#[derive(Debug, Clone)]
pub struct Sensitivity {
    /// NPV with each line (or category) at its low and high end.
    pub tornado: Tornado,
    /// The changes that bring NPV to zero.
    pub switching: SwitchingValues,
}

/// What can be shown for one option.
pub enum OptionState<'a> {
    /// Its figures.
    Figures(&'a OptionResults),
    /// Nothing is entered yet (no lines, or no amounts in any year of the horizon): figures
    /// of zero would claim that it pays back at once.
    NoLines,
    /// Its own problems stop its figures (the other options keep theirs).
    Problems(Vec<&'a Problem>),
    /// Problems in the case's settings stop every option's figures.
    CaseProblems,
}

impl Analysis {
    /// Validates and computes `case`, as it stands at `revision`, under scenario `scenario`
    /// (`None`, or an index past the case's scenarios, is the central one).
    #[must_use]
    pub fn new(case: &Case, revision: u64, scenario: Option<usize>) -> Self {
        let scenario = scenario.filter(|i| *i < case.scenarios.len());
        let problems = validate(case);
        let computed = computed(case, &problems, scenario);
        Self {
            revision,
            scenario,
            case: case.clone(),
            problems,
            computed,
            matrix: std::sync::OnceLock::new(),
            budgets: std::sync::OnceLock::new(),
        }
    }

    /// The scenario the figures are under: `None` for the central one.
    #[must_use]
    pub fn scenario(&self) -> Option<usize> {
        self.scenario
    }

    /// The name of the scenario the figures are under.
    #[must_use]
    pub fn scenario_name(&self) -> String {
        engine::scenario::name(&self.case, self.scenario)
    }

    /// Every computed option under every scenario, the central one first: worked out the
    /// first time it is asked for, then kept with this revision.
    pub fn matrix(&self) -> &[engine::scenario::Run] {
        self.matrix.get_or_init(|| {
            let Some(computed) = &self.computed else {
                return Vec::new();
            };
            engine::scenario::every(&computed.entered, |s| self.scenario_has_problems(s))
        })
    }

    /// True when scenario `scenario`'s own settings have problems (the central one has none
    /// of its own).
    #[must_use]
    pub fn scenario_has_problems(&self, scenario: Option<usize>) -> bool {
        scenario.is_some_and(|i| {
            let prefix = format!("scenarios[{i}]");
            self.problems
                .iter()
                .any(|p| p.field == prefix || p.field.starts_with(&format!("{prefix}.")))
        })
    }

    /// The revision of the case this analysis is of.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The case as it stood at this revision.
    #[must_use]
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// Every problem of the case.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Problems of the case's own settings, which stop every figure. Problems of the risk
    /// settings are not among them: they stop only the sensitivity and risk analysis; nor are
    /// those of a scenario other than the one shown.
    pub fn case_problems(&self) -> impl Iterator<Item = &Problem> {
        let scenario = self.scenario;
        self.problems
            .iter()
            .filter(move |p| blocks_figures_under(p, scenario))
    }

    /// Problems of the risk settings (trials, target year, tornado swing), which stop the
    /// sensitivity and risk analysis but no other figure.
    pub fn risk_problems(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(is_risk_setting)
    }

    /// Problems of option `option`.
    pub fn option_problems(&self, option: usize) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(move |p| p.option == Some(option))
    }

    /// The results of every option that has figures, as a case of its own (the options with
    /// problems left out), with that case. `None` when no option can be computed.
    #[must_use]
    pub fn computed(&self) -> Option<(&Case, &CaseResults)> {
        self.computed.as_ref().map(|c| (&c.case, &c.results))
    }

    /// The results of the computed options.
    #[must_use]
    pub fn results(&self) -> Option<&CaseResults> {
        self.computed.as_ref().map(|c| &c.results)
    }

    /// The baseline's name when the case names one but it has no figures (problems, or
    /// nothing entered), so no option has figures against it.
    #[must_use]
    pub fn baseline_left_out(&self) -> Option<&str> {
        let base = self.case.baseline_index()?;
        self.computed_index(base)
            .is_none()
            .then(|| self.case.options[base].name.as_str())
    }

    /// Where option `option` of the case sits among the computed options.
    #[must_use]
    pub fn computed_index(&self, option: usize) -> Option<usize> {
        self.computed.as_ref()?.index.get(option).copied().flatten()
    }

    /// The figures of option `option`, when it has them.
    #[must_use]
    pub fn option(&self, option: usize) -> Option<&OptionResults> {
        let at = self.computed_index(option)?;
        self.computed.as_ref()?.results.options.get(at)
    }

    /// What can be shown for option `option`.
    #[must_use]
    pub fn option_state(&self, option: usize) -> OptionState<'_> {
        if self.case_problems().next().is_some() {
            return OptionState::CaseProblems;
        }
        let own: Vec<&Problem> = self.option_problems(option).collect();
        if !own.is_empty() {
            return OptionState::Problems(own);
        }
        if self
            .case
            .options
            .get(option)
            .is_some_and(|o| is_empty(o, usize::from(self.case.horizon)))
        {
            return OptionState::NoLines;
        }
        self.option(option)
            .map_or(OptionState::CaseProblems, OptionState::Figures)
    }

    /// The options left out of the figures, each with why: `true` when for its problems,
    /// `false` when nothing is entered in it yet.
    pub fn left_out(&self) -> impl Iterator<Item = (&str, bool)> {
        self.case
            .options
            .iter()
            .enumerate()
            .filter(|(i, _)| self.computed_index(*i).is_none())
            .map(|(i, o)| (o.name.as_str(), self.option_problems(i).next().is_some()))
    }

    /// The budget of option `option` under the scenario shown, from this revision's own case
    /// and results, worked out once per revision; `None` when the option has no figures.
    #[must_use]
    pub fn budget(&self, option: usize) -> Option<&engine::budget::OptionBudget> {
        let computed = self.computed.as_ref()?;
        let at = self.computed_index(option)?;
        self.budgets
            .get_or_init(|| {
                computed
                    .results
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| engine::budget::option_budget(&computed.case, o, i))
                    .collect()
            })
            .get(at)
    }

    /// The work that gives the tornado and switching values of option `option`, from this
    /// revision's own case and results, to run where it will not hold up a frame (it
    /// recomputes the option dozens of times); `None` when there is nothing to work out.
    #[must_use]
    pub fn sensitivity_work(
        &self,
        option: usize,
        by_category: bool,
    ) -> Option<impl FnOnce() -> Sensitivity + Send + 'static> {
        if self.risk_problems().next().is_some() {
            return None;
        }
        let computed = self.computed.as_ref()?;
        let at = self.computed_index(option)?;
        let results = computed.results.options.get(at)?.clone();
        let case = computed.case.clone();
        Some(move || Sensitivity {
            tornado: tornado(&case, &results, at, by_category),
            switching: switching_values(&case, &results, at),
        })
    }
}

/// The options without problems and with something entered, computed as a case of their
/// own. An option with nothing entered has figures of zero, which would claim it pays back at
/// once: it is left out.
fn computed(case: &Case, problems: &[Problem], scenario: Option<usize>) -> Option<Computed> {
    if problems.iter().any(|p| blocks_figures_under(p, scenario)) {
        return None;
    }
    let horizon = usize::from(case.horizon);
    let broken = |i: usize| {
        is_empty(&case.options[i], horizon) || problems.iter().any(|p| p.option == Some(i))
    };
    let mut sub = case.clone();
    if problems.iter().any(|p| is_risk_setting(&p)) {
        // The risk settings feed only the sensitivity and risk analysis, which is not made
        // while they have problems; every other figure stands.
        sub.risk = crate::case::RiskSettings::default();
    }
    sub.options = case
        .options
        .iter()
        .enumerate()
        .filter(|(i, _)| !broken(*i))
        .map(|(_, o)| o.clone())
        .collect();
    if sub.options.is_empty() {
        return None;
    }
    if case.baseline_index().is_none_or(broken) {
        // A baseline that names no option, or has no figures of its own, gives no figures
        // against it; the other options keep theirs.
        sub.baseline = None;
        sub.preferred_option = None;
    }
    if !problems.is_empty() {
        // Leaving options out can only remove problems; check, rather than assume. Problems
        // of the scenarios not shown stay, and do not matter here.
        let left = validate(&sub);
        if left.iter().any(|p| blocks_figures_under(p, scenario)) {
            return None;
        }
    }
    // The case under the scenario shown, with each option's optimism bias: what every figure,
    // the tornado and the Monte Carlo run are made from.
    let entered = sub;
    let sub = engine::scenario::appraised(&entered, scenario);
    let results = engine::compute_appraised(&sub, scenario);
    let mut next = 0;
    let index = (0..case.options.len())
        .map(|i| {
            if broken(i) {
                None
            } else {
                next += 1;
                Some(next - 1)
            }
        })
        .collect();
    Some(Computed {
        entered,
        case: sub,
        results,
        index,
    })
}

/// A problem in the case's settings that stops every figure under scenario `scenario`: not
/// one of the risk settings, nor the baseline (a baseline that names no option stops only the
/// figures against it), nor the preferred option (a paper's choice, not a figure), nor of
/// another scenario.
fn blocks_figures_under(problem: &Problem, scenario: Option<usize>) -> bool {
    if problem.option.is_some()
        || is_risk_setting(&problem)
        || problem.field == "baseline"
        || problem.field == "preferred_option"
    {
        return false;
    }
    match problem.field.strip_prefix("scenarios[") {
        Some(rest) => {
            let index = rest.split(']').next().and_then(|i| i.parse::<usize>().ok());
            index.is_some() && index == scenario
        }
        None => true,
    }
}

fn is_risk_setting(problem: &&Problem) -> bool {
    problem.option.is_none() && problem.field.starts_with("risk.")
}

/// An option with no lines, or none with any money within the horizon: its figures would be
/// zero, claiming that it pays back at once, so it has none.
fn is_empty(option: &crate::case::CaseOption, horizon: usize) -> bool {
    option.lines.iter().all(|l| {
        l.amounts
            .by_year(horizon)
            .iter()
            .all(rust_decimal::Decimal::is_zero)
    })
}
