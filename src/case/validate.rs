//! Validation: every problem in a case, each with where it is and what would be accepted.
//!
//! The engine only computes cases that pass; the bounds here also keep every figure inside
//! what exact decimal arithmetic can hold, so no accepted case can overflow.

use super::{
    Amounts, Case, CaseOption, Line, MAX_BENEFIT_DELAY_MONTHS, MAX_HORIZON, MIN_HORIZON, Sharing,
};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::fmt;

/// The largest amount a line may carry: £1 trillion.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// The most options a case may hold.
pub const MAX_OPTIONS: usize = 50;
/// The most lines an option may hold.
pub const MAX_LINES: usize = 5_000;
/// The most partners a case may name.
pub const MAX_PARTNERS: usize = 50;
/// The most scenarios a case may hold besides the central one.
pub const MAX_SCENARIOS: usize = 20;
/// The longest implementation period an optimism-bias assessment may give, in months.
pub const MAX_IMPLEMENTATION_MONTHS: u32 = 120;
/// Earliest and latest first financial year accepted.
pub const FIRST_YEAR_RANGE: (i32, i32) = (2000, 2100);

/// One thing wrong with a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The option it is in (index), if any.
    pub option: Option<usize>,
    /// The line of that option it is in (index), if any.
    pub line: Option<usize>,
    /// The field, as named in the case file (`amounts.phasing`, `horizon`).
    pub field: String,
    /// Where it is, in words: `option 2 "Full shared service", line 4 "Redundancy"`.
    pub place: String,
    /// What is wrong, and what would be accepted.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}: {}", self.field, self.message)
        } else {
            write!(f, "{}, {}: {}", self.place, self.field, self.message)
        }
    }
}

/// Every problem that stops the case from being computed; empty when it can be.
#[must_use]
pub fn validate(case: &Case) -> Vec<Problem> {
    let mut v = Validator {
        case,
        problems: Vec::new(),
        option: None,
        line: None,
    };
    v.case_settings(case);
    v.partners_and_bases(case);
    v.scenarios(case);
    if case.options.is_empty() {
        v.push("options", "a case needs at least one option");
    }
    if case.options.len() > MAX_OPTIONS {
        v.push(
            "options",
            format!(
                "{} options is more than the {MAX_OPTIONS} a case may hold",
                case.options.len()
            ),
        );
    }
    let mut names = HashSet::new();
    for (index, option) in case.options.iter().enumerate() {
        v.option = Some(index);
        if !names.insert(option.name.trim()) {
            v.push(
                "name",
                "another option has the same name; give each option its own",
            );
        }
        v.option(case, option);
    }
    v.problems
}

struct Validator<'a> {
    case: &'a Case,
    problems: Vec<Problem>,
    option: Option<usize>,
    line: Option<usize>,
}

fn percent(d: Decimal) -> String {
    match d.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => format!("{}%", p.normalize()),
        None => format!("{d} (as a fraction)"),
    }
}

fn is_fraction(value: Decimal) -> bool {
    in_range(value, Decimal::ZERO, Decimal::ONE)
}

fn is_amount(value: Decimal) -> bool {
    in_range(value, Decimal::ZERO, MAX_AMOUNT)
}

fn in_range(value: Decimal, low: Decimal, high: Decimal) -> bool {
    value >= low && value <= high
}

impl Validator<'_> {
    /// Where the current option and line are, in words; built only for a problem.
    fn place(&self) -> String {
        let Some(o) = self.option else {
            return String::new();
        };
        let Some(option) = self.case.options.get(o) else {
            return String::new();
        };
        let mut place = format!("option {} \"{}\"", o + 1, option.name);
        if let Some(line) = self
            .line
            .and_then(|l| option.lines.get(l).map(|line| (l, line)))
        {
            place.push_str(&format!(", line {} \"{}\"", line.0 + 1, line.1.name));
        }
        place
    }

    fn push(&mut self, field: &str, message: impl Into<String>) {
        let place = self.place();
        self.problems.push(Problem {
            option: self.option,
            line: self.line,
            field: field.to_owned(),
            place,
            message: message.into(),
        });
    }

    fn rate(&mut self, field: &str, value: Decimal, what: &str) {
        let low = Decimal::new(-5, 1);
        if !in_range(value, low, Decimal::ONE) {
            self.push(
                field,
                format!(
                    "{} is outside the accepted range for {what}: from -50% to 100% (in the case file a fraction from -0.5 to 1, such as 0.035 for 3.5%)",
                    percent(value)
                ),
            );
        }
    }

    fn amount(&mut self, field: &str, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.push(
                field,
                format!("{value} is negative: enter amounts as positive figures; the line's kind gives the direction"),
            );
        } else if value > MAX_AMOUNT {
            self.push(
                field,
                format!(
                    "{value} is more than the largest amount accepted, 1000000000000 (£1 trillion)"
                ),
            );
        }
    }

    fn fraction(&mut self, field: &str, value: Decimal) {
        if !in_range(value, Decimal::ZERO, Decimal::ONE) {
            self.push(
                field,
                format!(
                    "{} is not a share from 0% to 100% (in the case file, 0.25 means 25%)",
                    percent(value)
                ),
            );
        }
    }

    fn year(&mut self, field: &str, year: u32) {
        if year >= u32::from(MAX_HORIZON) {
            self.push(
                field,
                format!(
                    "year {year} is past the longest horizon: years are numbered from 0 (the first financial year) to {}",
                    MAX_HORIZON - 1
                ),
            );
        }
    }

    fn case_settings(&mut self, case: &Case) {
        if case.title.trim().is_empty() {
            self.push(
                "title",
                "give the case a title; it heads every chart and export",
            );
        }
        let (low, high) = FIRST_YEAR_RANGE;
        if !(low..=high).contains(&case.first_year) {
            self.push(
                "first_year",
                format!("{} is not a first financial year Sharecase accepts: give a year from {low} to {high} (2026 means 2026/27)", case.first_year),
            );
        }
        if !(MIN_HORIZON..=MAX_HORIZON).contains(&case.horizon) {
            self.push(
                "horizon",
                format!("{} years is outside the accepted horizon of {MIN_HORIZON} to {MAX_HORIZON} years", case.horizon),
            );
        }
        self.rate("discount_rate", case.discount_rate, "a discount rate");
        let risk = &case.risk;
        if !(100..=1_000_000).contains(&risk.trials) {
            self.push(
                "risk.trials",
                format!(
                    "{} trials is outside the accepted 100 to 1,000,000",
                    risk.trials
                ),
            );
        }
        if let Some(year) = risk.target_year
            && year >= u32::from(case.horizon)
        {
            self.push(
                "risk.target_year",
                format!(
                    "the target year, {} (year {year}), is after the horizon's last year, {}: choose a year up to {}, or none",
                    case.year_label(year as usize),
                    case.year_label(usize::from(case.horizon.saturating_sub(1))),
                    case.year_label(usize::from(case.horizon.saturating_sub(1)))
                ),
            );
        }
        if !in_range(risk.tornado_swing, Decimal::ZERO, Decimal::ONE) {
            self.push(
                "risk.tornado_swing",
                format!(
                    "{} is outside 0% to 100%: write a fraction such as 0.2 for 20%",
                    percent(risk.tornado_swing)
                ),
            );
        }
        self.rate("inflation", case.inflation, "general inflation");
        self.rate("borrowing_rate", case.borrowing_rate, "a borrowing rate");
        if let Some(name) = &case.baseline
            && case.baseline_index().is_none()
        {
            self.push(
                "baseline",
                format!("the baseline, \"{name}\", is not one of the case's options: choose one of them, or none"),
            );
        }
        if let Some(name) = &case.preferred_option
            && case.preferred_index().is_none()
        {
            self.push(
                "preferred_option",
                format!("the preferred option, \"{name}\", is not one of the case's options: choose one of them, or none"),
            );
        }
    }

    fn partners_and_bases(&mut self, case: &Case) {
        if case.partners.is_empty() {
            self.push("partners", "name at least one partner organisation");
        }
        if case.partners.len() > MAX_PARTNERS {
            self.push(
                "partners",
                format!(
                    "{} partners is more than the {MAX_PARTNERS} accepted",
                    case.partners.len()
                ),
            );
        }
        let mut names = HashSet::new();
        for (i, partner) in case.partners.iter().enumerate() {
            if !partner.budget_gap.is_empty() {
                let years = usize::from(case.horizon);
                let field = format!("partners[{i}].budget_gap");
                if partner.budget_gap.len() != years {
                    self.push(
                        &field,
                        format!(
                            "{}'s budget gap gives {} years, but the horizon has {years}: give one figure per year, or none",
                            partner.name,
                            partner.budget_gap.len()
                        ),
                    );
                } else if let Some(bad) = partner
                    .budget_gap
                    .iter()
                    .find(|g| g.is_sign_negative() && !g.is_zero() || **g > MAX_AMOUNT)
                {
                    self.push(
                        &field,
                        format!(
                            "{}'s budget gap of {bad} is outside 0 to 1000000000000: a gap is the savings still to find, a positive figure",
                            partner.name
                        ),
                    );
                }
            }
            let field = format!("partners[{i}].name");
            if partner.name.trim().is_empty() {
                self.push(&field, format!("partner {} has no name", i + 1));
            } else if !names.insert(partner.name.trim()) {
                self.push(
                    &field,
                    format!(
                        "\"{}\" is named twice; each partner needs its own name",
                        partner.name
                    ),
                );
            }
        }
        let mut basis_names = HashSet::new();
        for (i, basis) in case.bases.iter().enumerate() {
            let prefix = format!("bases[{i}]");
            if basis.name.trim().is_empty() {
                self.push(
                    &format!("{prefix}.name"),
                    format!("sharing basis {} has no name", i + 1),
                );
            } else if !basis_names.insert(basis.name.trim()) {
                self.push(
                    &format!("{prefix}.name"),
                    format!(
                        "\"{}\" is named twice; each basis needs its own name",
                        basis.name
                    ),
                );
            }
            self.weights(case, basis, &prefix);
        }
    }

    /// A basis's weights: known partners, zero or more, one per year when given by year, and
    /// in every year at least one above zero.
    fn weights(&mut self, case: &Case, basis: &super::SharingBasis, prefix: &str) {
        let years = usize::from(case.horizon);
        let mut totals = vec![Decimal::ZERO; years];
        let mut lengths_right = true;
        for (partner, weight) in &basis.weights {
            let field = format!("{prefix}.weights.{partner}");
            if case.partner_index(partner).is_none() {
                self.push(
                    &field,
                    format!("\"{partner}\" is not one of the case's partners"),
                );
            }
            if let super::Weight::ByYear(values) = weight
                && values.len() != years
            {
                lengths_right = false;
                self.push(
                    &field,
                    format!(
                        "basis \"{}\" gives {partner} {} weights by year, but the horizon has {years} years: give one weight per year, or one figure for every year",
                        basis.name,
                        values.len()
                    ),
                );
                continue;
            }
            for (t, total) in totals.iter_mut().enumerate() {
                let value = weight.in_year(t);
                if value.is_sign_negative() && !value.is_zero() {
                    self.push(
                        &field,
                        format!("weight {value} is negative: weights are zero or more"),
                    );
                    break;
                } else if value > MAX_AMOUNT {
                    self.push(
                        &field,
                        format!("weight {value} is larger than 1000000000000"),
                    );
                    break;
                }
                *total += value;
            }
        }
        if !lengths_right || years == 0 {
            return;
        }
        if totals.iter().all(Decimal::is_zero) {
            self.push(
                &format!("{prefix}.weights"),
                format!("basis \"{}\" gives every partner a weight of zero: give at least one partner a weight above zero", basis.name),
            );
            return;
        }
        for (t, total) in totals.iter().enumerate() {
            if total.is_zero() {
                self.push(
                    &format!("{prefix}.weights"),
                    format!(
                        "basis \"{}\" gives every partner a weight of zero in {} (year {t}): give at least one partner a weight above zero in every year",
                        basis.name,
                        case.year_label(t)
                    ),
                );
            }
        }
    }

    /// The scenarios: unique names (the central one's included, ignoring case), and changes
    /// within the ranges an option's own adjustments take.
    fn scenarios(&mut self, case: &Case) {
        if case.central_scenario.trim().is_empty() {
            self.push(
                "central_scenario",
                "give the case as entered a scenario name, such as Central",
            );
        }
        if case.scenarios.len() > MAX_SCENARIOS {
            self.push(
                "scenarios",
                format!(
                    "{} scenarios is more than the {MAX_SCENARIOS} a case may hold",
                    case.scenarios.len()
                ),
            );
        }
        let mut names: HashSet<String> = HashSet::new();
        names.insert(case.central_scenario.trim().to_lowercase());
        for (i, s) in case.scenarios.iter().enumerate() {
            let prefix = format!("scenarios[{i}]");
            let name = s.name.trim();
            if name.is_empty() {
                self.push(
                    &format!("{prefix}.name"),
                    format!("scenario {} has no name", i + 2),
                );
            } else if !names.insert(name.to_lowercase()) {
                self.push(
                    &format!("{prefix}.name"),
                    format!("\"{name}\" is the name of another scenario; give each its own"),
                );
            }
            let what = format!("scenario \"{name}\"");
            if !in_range(s.cost_uplift, Decimal::ZERO, Decimal::TWO) {
                self.push(
                    &format!("{prefix}.cost_uplift"),
                    format!(
                        "{what}: a cost uplift of {} is outside 0% to 200%",
                        percent(s.cost_uplift)
                    ),
                );
            }
            if !in_range(s.benefit_shortfall, Decimal::ZERO, Decimal::ONE) {
                self.push(
                    &format!("{prefix}.benefit_shortfall"),
                    format!(
                        "{what}: a benefit shortfall of {} is outside 0% to 100%",
                        percent(s.benefit_shortfall)
                    ),
                );
            }
            if s.benefit_delay_months > MAX_BENEFIT_DELAY_MONTHS {
                self.push(
                    &format!("{prefix}.benefit_delay_months"),
                    format!(
                        "{what}: {} months is more than the {MAX_BENEFIT_DELAY_MONTHS} accepted",
                        s.benefit_delay_months
                    ),
                );
            }
            if let Some(rate) = s.inflation {
                self.rate(&format!("{prefix}.inflation"), rate, "general inflation");
            }
            for (category, change) in &s.categories {
                let field = format!("{prefix}.categories.{category}");
                if category.trim().is_empty() {
                    self.push(
                        &field,
                        format!("{what}: a change by category needs the category's name"),
                    );
                } else if !in_range(*change, -Decimal::ONE, Decimal::TEN) {
                    self.push(
                        &field,
                        format!(
                            "{what}: a change of {} for {category} is outside -100% (the lines drop to zero) to +1000%",
                            percent(*change)
                        ),
                    );
                }
            }
        }
    }

    fn optimism_bias(&mut self, bias: &super::OptimismBias) {
        if !in_range(bias.mitigated, Decimal::ZERO, Decimal::ONE) {
            self.push(
                "optimism_bias.mitigated",
                format!(
                    "{} mitigated is outside 0% to 100% (in the case file a fraction, 0.5 for half)",
                    percent(bias.mitigated)
                ),
            );
        } else if !bias.mitigated.is_zero() && bias.reason.trim().is_empty() {
            self.push(
                "optimism_bias.reason",
                "give the reason the risk is taken as mitigated: the Green Book asks for evidence before optimism bias is lowered",
            );
        }
        if bias.implementation_months > MAX_IMPLEMENTATION_MONTHS {
            self.push(
                "optimism_bias.implementation_months",
                format!(
                    "{} months is more than the {MAX_IMPLEMENTATION_MONTHS} accepted for an implementation period",
                    bias.implementation_months
                ),
            );
        }
    }

    fn option(&mut self, case: &Case, option: &CaseOption) {
        if option.name.trim().is_empty() {
            self.push("name", "give the option a name");
        }
        if let Some(bias) = &option.optimism_bias {
            self.optimism_bias(bias);
        }
        let adj = &option.adjustments;
        if !in_range(adj.cost_uplift, Decimal::ZERO, Decimal::TWO) {
            self.push(
                "adjustments.cost_uplift",
                format!(
                    "{} is outside 0% to 200%: write a fraction such as 0.15 for 15%",
                    percent(adj.cost_uplift)
                ),
            );
        }
        if !in_range(adj.benefit_shortfall, Decimal::ZERO, Decimal::ONE) {
            self.push(
                "adjustments.benefit_shortfall",
                format!(
                    "{} is outside 0% to 100%: write a fraction such as 0.1 for 10%",
                    percent(adj.benefit_shortfall)
                ),
            );
        }
        if adj.benefit_delay_months > MAX_BENEFIT_DELAY_MONTHS {
            self.push(
                "adjustments.benefit_delay_months",
                format!(
                    "{} months is more than the {MAX_BENEFIT_DELAY_MONTHS} accepted",
                    adj.benefit_delay_months
                ),
            );
        }
        if let Some(delay) = &option.delay_range {
            if !(delay.low <= delay.most_likely && delay.most_likely <= delay.high) {
                self.push(
                    "delay_range",
                    format!(
                        "{}, {} and {} months are out of order: they must rise from low to high",
                        delay.low, delay.most_likely, delay.high
                    ),
                );
            } else if delay.high > MAX_BENEFIT_DELAY_MONTHS {
                self.push(
                    "delay_range",
                    format!(
                        "{} months is more than the {MAX_BENEFIT_DELAY_MONTHS} accepted",
                        delay.high
                    ),
                );
            }
        }
        if option.lines.len() > MAX_LINES {
            self.push(
                "lines",
                format!(
                    "{} lines is more than the {MAX_LINES} an option may hold",
                    option.lines.len()
                ),
            );
        }
        for (index, line) in option.lines.iter().enumerate() {
            self.line = Some(index);
            self.line(case, line);
        }
        self.line = None;
    }

    fn line(&mut self, case: &Case, line: &Line) {
        if line.name.trim().is_empty() {
            self.push("name", "give the line a name");
        }
        if line.funding == Some(super::Funding::Borrowing)
            && line.kind == super::LineKind::RevenueInvestment
        {
            self.push(
                "funding",
                "a council may borrow only for capital spend: fund revenue investment from the revenue budget, reserves, capital receipts or a grant",
            );
        }
        if let Some(life) = line.asset_life_years
            && !(1..=super::MAX_ASSET_LIFE).contains(&life)
        {
            self.push(
                "asset_life_years",
                format!(
                    "an asset life of {life} years is outside the accepted 1 to {} years",
                    super::MAX_ASSET_LIFE
                ),
            );
        }
        if let Some(rate) = line.indexation {
            if case.line_prices(line) == super::PriceBasis::Cash {
                self.push(
                    "indexation",
                    format!(
                        "the line is in cash prices, so it is not indexed (its amounts are the sums paid in each year), yet it has an indexation of {}: remove the indexation, or enter the line in year-0 prices",
                        percent(rate)
                    ),
                );
            } else {
                self.rate("indexation", rate, "indexation");
            }
        }
        match &line.sharing {
            Sharing::Equal => {}
            Sharing::Partner(name) => {
                if case.partner_index(name).is_none() {
                    self.push(
                        "sharing.partner",
                        format!("\"{name}\" is not one of the case's partners"),
                    );
                }
            }
            Sharing::Basis(name) => {
                if case.basis(name).is_none() {
                    self.push(
                        "sharing.basis",
                        format!("\"{name}\" is not one of the case's sharing bases"),
                    );
                }
            }
        }
        self.amounts(&line.amounts);
        if let Some(range) = &line.range {
            self.range(range, &line.amounts);
        }
    }

    fn range(&mut self, range: &super::Range, amounts: &Amounts) {
        if !(range.low <= range.most_likely && range.most_likely <= range.high) {
            self.push(
                "range",
                format!(
                    "low {}, most likely {} and high {} are out of order: they must rise from low to high",
                    range.low, range.most_likely, range.high
                ),
            );
        }
        match range.unit {
            super::RangeUnit::Percent => {
                if range.low < -Decimal::ONE || range.high > Decimal::TEN {
                    self.push(
                        "range",
                        "a range in percent must stay between -100% and +1,000% (written -1 to 10)",
                    );
                }
            }
            super::RangeUnit::Pounds => {
                for value in [range.low, range.most_likely, range.high] {
                    if !is_amount(value) {
                        self.push(
                            "range",
                            format!("{value} is not an amount from 0 to 1000000000000"),
                        );
                    }
                }
                if amounts.headline().is_zero() {
                    self.push(
                        "range",
                        "a range in pounds needs the line to have an amount to compare it with; use percent instead",
                    );
                }
            }
        }
    }

    fn amounts(&mut self, amounts: &Amounts) {
        let max = usize::from(MAX_HORIZON);
        match amounts {
            Amounts::OneOff {
                amount,
                year,
                phasing,
            } => {
                self.amount("amounts.one_off.amount", *amount);
                self.year("amounts.one_off.year", *year);
                if !phasing.is_empty() {
                    if phasing.len() > max {
                        self.push("amounts.one_off.phasing", format!("{} years of phasing is more than the longest horizon ({max} years)", phasing.len()));
                    }
                    for (k, f) in phasing.iter().enumerate() {
                        if !is_fraction(*f) {
                            self.fraction(&format!("amounts.one_off.phasing[{k}]"), *f);
                        }
                    }
                    // Checked: fractions validation refuses can add up past decimal range.
                    let total = phasing
                        .iter()
                        .try_fold(Decimal::ZERO, |sum, f| sum.checked_add(*f));
                    if let Some(total) = total
                        && total != Decimal::ONE
                    {
                        self.push(
                            "amounts.one_off.phasing",
                            format!("the phasing adds up to {}, not 100%: the years' shares must add up to exactly 100% (for example 60% and 40%; in the case file 0.6 and 0.4)", percent(total)),
                        );
                    }
                }
            }
            Amounts::Recurring {
                annual,
                from_year,
                to_year,
                ramp_up,
            } => {
                self.amount("amounts.recurring.annual", *annual);
                self.year("amounts.recurring.from_year", *from_year);
                if let Some(to) = to_year
                    && to < from_year
                {
                    self.push("amounts.recurring.to_year", format!("year {to} is before the first year {from_year}: the last year must be the first year or later"));
                }
                if ramp_up.len() > max {
                    self.push(
                        "amounts.recurring.ramp_up",
                        format!(
                            "{} ramp-up years is more than the longest horizon ({max} years)",
                            ramp_up.len()
                        ),
                    );
                }
                for (k, f) in ramp_up.iter().enumerate() {
                    if !is_fraction(*f) {
                        self.fraction(&format!("amounts.recurring.ramp_up[{k}]"), *f);
                    }
                }
            }
            Amounts::ByYear(values) => {
                if values.len() > max {
                    self.push(
                        "amounts.by_year",
                        format!(
                            "{} yearly amounts is more than the longest horizon ({max} years)",
                            values.len()
                        ),
                    );
                }
                for (t, value) in values.iter().enumerate() {
                    if !is_amount(*value) {
                        self.amount(&format!("amounts.by_year[{t}]"), *value);
                    }
                }
            }
        }
    }
}
