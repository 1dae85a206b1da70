//! The budget view: what an option does to each partner's revenue budget, year by year, and
//! how its one-off costs are funded. Cash, within the horizon, after every adjustment, from the
//! same line flows as the appraisal; borrowing becomes minimum revenue provision (MRP) and
//! interest instead of capital when spent.

use super::line::working;
use super::partner::line_parts;
use super::payback::payback;
use super::results::{OptionResults, Payback};
use crate::case::{Case, DEFAULT_ASSET_LIFE, Funding, LineKind, Mrp};
use rust_decimal::Decimal;

/// One year of a budget.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BudgetYear {
    /// Capital investment spent, however funded.
    pub capital_spend: Decimal,
    /// Revenue investment spent (one-off), however funded.
    pub revenue_one_off: Decimal,
    /// Recurring costs.
    pub running_costs: Decimal,
    /// Savings.
    pub savings: Decimal,
    /// Income.
    pub income: Decimal,
    /// Minimum revenue provision on borrowing.
    pub mrp: Decimal,
    /// Interest on borrowing.
    pub interest: Decimal,
    /// One-off investment met from the revenue budget (capital or revenue).
    pub from_revenue: Decimal,
    /// Net revenue budget impact: positive is a cost to the budget.
    pub revenue_budget_impact: Decimal,
    /// The impact added up to the end of the year.
    pub cumulative_impact: Decimal,
    /// One-off investment drawn from reserves.
    pub reserves_used: Decimal,
    /// One-off investment met from capital receipts.
    pub capital_receipts_used: Decimal,
    /// One-off investment met from grant.
    pub grant_used: Decimal,
    /// Capital investment borrowed (taken at the end of the year).
    pub borrowed: Decimal,
}

/// A budget: an option's or a partner's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// One row per financial year of the horizon.
    pub years: Vec<BudgetYear>,
    /// The partner's budget gap by year, when stated (for all partners, when every partner
    /// states one).
    pub budget_gap: Option<Vec<Decimal>>,
    /// MRP falling after the horizon.
    pub mrp_after: Decimal,
    /// Interest falling after the horizon.
    pub interest_after: Decimal,
    /// When the cumulative net revenue saving covers the calls on reserves; `None` where
    /// nothing is drawn from reserves.
    pub reserves_repaid: Option<Payback>,
}

impl Budget {
    /// The share of year `t`'s budget gap the option closes: the net saving over the gap,
    /// where both are above zero.
    #[must_use]
    pub fn gap_closed(&self, t: usize) -> Option<Decimal> {
        let gap = *self.budget_gap.as_ref()?.get(t)?;
        let saving = -self.years.get(t)?.revenue_budget_impact;
        (gap > Decimal::ZERO && saving > Decimal::ZERO).then(|| saving / gap)
    }
}

/// Something a reader of the budget should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BudgetWarning {
    /// Capital receipts meet revenue spend after the flexible-use direction ends (2029/30).
    CapitalReceiptsAfterDirection {
        /// The line's name.
        line: String,
        /// The first year index of such spend.
        year: usize,
    },
    /// A line that is not one-off investment has a funding source, which is not used.
    FundingNotUsed {
        /// The line's name.
        line: String,
    },
}

/// An option's budget: all partners, then each partner (they add up to all partners exactly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionBudget {
    /// The option's name.
    pub name: String,
    /// All partners together.
    pub all: Budget,
    /// Each partner, in the case's order.
    pub partners: Vec<Budget>,
    /// The partners' names, in the same order.
    pub partner_names: Vec<String>,
    /// What a reader should know.
    pub warnings: Vec<BudgetWarning>,
}

/// What makes lines alike for the budget: how they are shared, their kind, and how they are
/// funded and repaid.
#[derive(PartialEq)]
struct Group<'a> {
    sharing: &'a crate::case::Sharing,
    kind: LineKind,
    funding: Option<Funding>,
    life: Option<u32>,
    mrp: Option<Mrp>,
}

/// The last financial year whose spend capital receipts may meet when it is revenue: the
/// direction covers 2025/26 to 2029/30.
pub const FLEXIBLE_RECEIPTS_LAST_YEAR: i32 = 2029;

/// MRP and interest on `spend` borrowed at the end of year 0 of its life, for years 1..=life:
/// `(mrp, interest)` per year. Each is carried to the engine's working precision (a millionth
/// of a penny) and the last MRP is what is left, so the MRP adds up to the spend exactly.
#[must_use]
pub fn repayments(
    spend: Decimal,
    life: u32,
    method: Mrp,
    rate: Decimal,
) -> Vec<(Decimal, Decimal)> {
    let life = life.max(1);
    let n = Decimal::from(life);
    let spend = working(spend);
    let mut balance = spend;
    let annuity = match method {
        Mrp::Annuity if !rate.is_zero() => {
            // A = S i / (1 - (1 + i)^-L)
            let mut growth = Decimal::ONE;
            for _ in 0..life {
                growth *= Decimal::ONE + rate;
            }
            let discount = Decimal::ONE - Decimal::ONE / growth;
            Some(spend * rate / discount)
        }
        _ => None,
    };
    (1..=life)
        .map(|k| {
            let interest = working(rate * balance);
            let mrp = if k == life {
                balance
            } else {
                working(match annuity {
                    Some(payment) => payment - interest,
                    None => spend / n,
                })
            };
            balance -= mrp;
            (mrp, interest)
        })
        .collect()
}

/// The budget of option `index` of `case` (a validated case, appraised for the scenario
/// shown), from its results.
#[must_use]
pub fn option_budget(case: &Case, results: &OptionResults, index: usize) -> OptionBudget {
    let years = results.figures.years.len();
    let count = case.partners.len();
    let mut partners: Vec<Vec<BudgetYear>> = vec![vec![BudgetYear::default(); years]; count];
    let mut after: Vec<(Decimal, Decimal)> = vec![(Decimal::ZERO, Decimal::ZERO); count];
    let mut warnings = Vec::new();
    let option = &case.options[index];
    // Lines that are shared, funded and repaid alike are added up first and shared once: the
    // budget is linear in each line's cash, so the figures are the same and the work grows
    // with the number of such groups, not of lines.
    let mut groups: Vec<(Group<'_>, Vec<Decimal>)> = Vec::new();
    for (line, flows) in option.lines.iter().zip(&results.lines) {
        if line.funding.is_some() && !line.kind.is_investment() {
            warnings.push(BudgetWarning::FundingNotUsed {
                line: line.name.clone(),
            });
        }
        let funding = line.funding_source();
        if funding == Some(Funding::CapitalReceipts)
            && line.kind == LineKind::RevenueInvestment
            && let Some(year) = flows.cash.iter().enumerate().position(|(t, v)| {
                !v.is_zero()
                    && i64::from(case.first_year) + i64::try_from(t).unwrap_or(0)
                        > i64::from(FLEXIBLE_RECEIPTS_LAST_YEAR)
            })
        {
            warnings.push(BudgetWarning::CapitalReceiptsAfterDirection {
                line: line.name.clone(),
                year,
            });
        }
        let borrowing = funding == Some(Funding::Borrowing);
        let key = Group {
            sharing: &line.sharing,
            kind: line.kind,
            funding,
            life: borrowing.then(|| line.asset_life_years.unwrap_or(DEFAULT_ASSET_LIFE)),
            mrp: borrowing.then(|| line.mrp.unwrap_or_default()),
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, cash)) => {
                for (total, v) in cash.iter_mut().zip(&flows.cash) {
                    *total += *v;
                }
            }
            None => groups.push((key, flows.cash.clone())),
        }
    }
    for (group, cash) in &groups {
        let parts = line_parts(case, group.sharing, cash);
        let funding = group.funding;
        for (p, part) in parts.iter().enumerate() {
            for (t, amount) in part.iter().enumerate() {
                // At the working scale, so that every sum below is an exact addition and the
                // partners add up to all partners to the last digit.
                let amount = &working(*amount);
                let y = &mut partners[p][t];
                match group.kind {
                    LineKind::CapitalInvestment => y.capital_spend += *amount,
                    LineKind::RevenueInvestment => y.revenue_one_off += *amount,
                    LineKind::RecurringCost => y.running_costs += *amount,
                    LineKind::Saving => y.savings += *amount,
                    LineKind::Income => y.income += *amount,
                }
                match funding {
                    None => {}
                    Some(Funding::RevenueBudget) => y.from_revenue += *amount,
                    Some(Funding::Reserves) => y.reserves_used += *amount,
                    Some(Funding::CapitalReceipts) => y.capital_receipts_used += *amount,
                    Some(Funding::Grant) => y.grant_used += *amount,
                    Some(Funding::Borrowing) => {
                        y.borrowed += *amount;
                        if amount.is_zero() {
                            continue;
                        }
                        let schedule = repayments(
                            *amount,
                            group.life.unwrap_or(DEFAULT_ASSET_LIFE),
                            group.mrp.unwrap_or_default(),
                            case.borrowing_rate,
                        );
                        for (k, (mrp, interest)) in schedule.into_iter().enumerate() {
                            match partners[p].get_mut(t + k + 1) {
                                Some(later) => {
                                    later.mrp += mrp;
                                    later.interest += interest;
                                }
                                None => {
                                    after[p].0 += mrp;
                                    after[p].1 += interest;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    let partner_budgets: Vec<Budget> = partners
        .into_iter()
        .zip(&after)
        .zip(&case.partners)
        .map(|((years, (mrp, interest)), partner)| {
            finish(
                years,
                (!partner.budget_gap.is_empty()).then(|| partner.budget_gap.clone()),
                *mrp,
                *interest,
            )
        })
        .collect();
    // All partners is the sum of the partners, so they add up exactly.
    let mut all_years = vec![BudgetYear::default(); years];
    for budget in &partner_budgets {
        for (total, y) in all_years.iter_mut().zip(&budget.years) {
            total.capital_spend += y.capital_spend;
            total.revenue_one_off += y.revenue_one_off;
            total.running_costs += y.running_costs;
            total.savings += y.savings;
            total.income += y.income;
            total.mrp += y.mrp;
            total.interest += y.interest;
            total.from_revenue += y.from_revenue;
            total.reserves_used += y.reserves_used;
            total.capital_receipts_used += y.capital_receipts_used;
            total.grant_used += y.grant_used;
            total.borrowed += y.borrowed;
        }
    }
    let gap = case
        .partners
        .iter()
        .all(|p| !p.budget_gap.is_empty())
        .then(|| {
            (0..years)
                .map(|t| {
                    case.partners
                        .iter()
                        .map(|p| p.budget_gap.get(t).copied().unwrap_or_default())
                        .sum()
                })
                .collect()
        })
        .filter(|_| !case.partners.is_empty());
    let (mrp_after, interest_after) = after
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(m, i), (a, b)| {
            (m + a, i + b)
        });
    OptionBudget {
        name: results.name.clone(),
        all: finish(all_years, gap, mrp_after, interest_after),
        partners: partner_budgets,
        partner_names: case.partners.iter().map(|p| p.name.clone()).collect(),
        warnings,
    }
}

/// The impact, its cumulative and when reserves are repaid, from the parts of each year.
fn finish(
    mut years: Vec<BudgetYear>,
    budget_gap: Option<Vec<Decimal>>,
    mrp_after: Decimal,
    interest_after: Decimal,
) -> Budget {
    let mut cumulative = Decimal::ZERO;
    for y in &mut years {
        y.revenue_budget_impact =
            y.running_costs - y.savings - y.income + y.from_revenue + y.mrp + y.interest;
        cumulative += y.revenue_budget_impact;
        y.cumulative_impact = cumulative;
    }
    let drawn = years.iter().any(|y| !y.reserves_used.is_zero());
    // Repaid when the cumulative net revenue saving covers the cumulative calls on reserves.
    let reserves_repaid = drawn.then(|| {
        let flows: Vec<Decimal> = years
            .iter()
            .map(|y| -y.revenue_budget_impact - y.reserves_used)
            .collect();
        payback(&flows)
    });
    Budget {
        years,
        budget_gap,
        mrp_after,
        interest_after,
        reserves_repaid,
    }
}
