//! The budget tables and their JSON: what an option does to each partner's revenue budget,
//! year by year, and how its one-off costs are funded.

use super::table::{Align, Cell, Column, Row, Table, Value};
use super::words;
use crate::engine::budget::{Budget, BudgetWarning, BudgetYear, OptionBudget};
use crate::format::{MoneyStyle, apportion, money, penny, round};
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

/// What the budget view is, as every view labels it.
pub const LABEL: &str = "Budget: cash in the prices of each year, financing costs (MRP and interest) instead of borrowed capital; a positive impact is a cost to the budget, a negative one a saving.";

/// What the appraisal is, beside it.
pub const APPRAISAL_LABEL: &str =
    "Appraisal: real terms, discounted, capital counted when it is spent.";

type Field = fn(&BudgetYear) -> Decimal;

/// The rows of a budget table, with their JSON keys.
const ROWS: [(&str, &str, Field); 14] = [
    ("Capital spend", "capital_spend", |y| y.capital_spend),
    ("One-off revenue cost", "revenue_one_off", |y| {
        y.revenue_one_off
    }),
    ("Running costs", "running_costs", |y| y.running_costs),
    ("Savings", "savings", |y| y.savings),
    ("Income", "income", |y| y.income),
    ("MRP", "mrp", |y| y.mrp),
    ("Interest", "interest", |y| y.interest),
    ("Net revenue budget impact", "revenue_budget_impact", |y| {
        y.revenue_budget_impact
    }),
    ("Cumulative impact", "cumulative_impact", |y| {
        y.cumulative_impact
    }),
    ("Calls on reserves", "reserves_used", |y| y.reserves_used),
    ("Capital receipts used", "capital_receipts_used", |y| {
        y.capital_receipts_used
    }),
    ("Grant used", "grant_used", |y| y.grant_used),
    ("Amount borrowed", "borrowed", |y| y.borrowed),
    (
        "One-off costs met from the revenue budget",
        "from_revenue",
        |y| y.from_revenue,
    ),
];

fn money_cell(value: Decimal, style: MoneyStyle) -> Cell {
    let text = if penny(value).is_zero() {
        "-".to_owned()
    } else if style == MoneyStyle::Thousands {
        // The table says £000 once, in its corner, not a k on every figure.
        crate::format::in_thousands(value)
    } else {
        money(value, style)
    };
    Cell {
        short: text.clone(),
        text,
        note: String::new(),
        value: Value::Money(value),
    }
}

/// A cell of words, with no figure behind it.
pub(crate) fn text_cell(text: String) -> Cell {
    Cell {
        short: text.clone(),
        text,
        note: String::new(),
        value: Value::Ratio(None),
    }
}

/// The budget of one partner (or all partners) as a table: a row per figure, a column per
/// year, then the total over the horizon.
#[must_use]
pub fn table(title: &str, budget: &Budget, years: &[String], style: MoneyStyle) -> Table {
    let mut columns = vec![Column {
        title: if style == MoneyStyle::Thousands {
            "£000".into()
        } else {
            String::new()
        },
        align: Align::Left,
        width: 2.2,
        total: false,
    }];
    columns.extend(years.iter().map(|y| Column {
        title: y.clone(),
        align: Align::Right,
        width: 1.0,
        total: false,
    }));
    columns.push(Column {
        title: "Total".into(),
        align: Align::Right,
        width: 1.0,
        total: true,
    });
    let mut rows: Vec<Row> = ROWS
        .iter()
        .filter(|(_, key, _)| *key != "from_revenue")
        .map(|(label, key, field)| {
            let mut cells: Vec<Cell> = budget
                .years
                .iter()
                .map(|y| money_cell(field(y), style))
                .collect();
            // A cumulative figure has no total of its own: the last year's is it.
            let total = if *key == "cumulative_impact" {
                budget.years.last().map(field).unwrap_or_default()
            } else {
                budget.years.iter().map(field).sum()
            };
            cells.push(money_cell(total, style));
            Row {
                measure: None,
                label: (*label).to_owned(),
                short_label: (*label).to_owned(),
                cells,
            }
        })
        .collect();
    if let Some(gap) = &budget.budget_gap {
        let mut cells: Vec<Cell> = gap.iter().map(|g| money_cell(*g, style)).collect();
        cells.push(money_cell(gap.iter().sum(), style));
        rows.push(Row {
            measure: None,
            label: "Budget gap".into(),
            short_label: "Budget gap".into(),
            cells,
        });
        let mut cells: Vec<Cell> = (0..budget.years.len())
            .map(|t| {
                text_cell(
                    budget
                        .gap_closed(t)
                        .map_or_else(|| "-".to_owned(), |f| crate::format::percent(f, 1)),
                )
            })
            .collect();
        cells.push(text_cell(String::new()));
        rows.push(Row {
            measure: None,
            label: "Share of the gap closed".into(),
            short_label: "Share of the gap closed".into(),
            cells,
        });
    }
    Table {
        title: title.to_owned(),
        columns,
        rows,
        notes: notes(budget, years, style),
    }
}

fn notes(budget: &Budget, years: &[String], style: MoneyStyle) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(repaid) = &budget.reserves_repaid {
        out.push(format!(
            "Reserves repaid (the net revenue saving covers the calls on reserves): {}.",
            words::payback(repaid, years)
        ));
    }
    if !budget.mrp_after.is_zero() || !budget.interest_after.is_zero() {
        out.push(format!(
            "After {}: MRP {} and interest {} still to pay on the borrowing.",
            years.last().map_or("the horizon", String::as_str),
            money(budget.mrp_after, style),
            money(budget.interest_after, style)
        ));
    }
    out
}

/// A budget warning in words.
#[must_use]
pub fn warning(w: &BudgetWarning, years: &[String]) -> String {
    match w {
        BudgetWarning::CapitalReceiptsAfterDirection { line, year } => format!(
            "line \"{line}\": capital receipts meet revenue spend in {}, after the flexible-use direction ends in 2029/30",
            years.get(*year).map_or("", String::as_str)
        ),
        BudgetWarning::FundingNotUsed { line } => format!(
            "line \"{line}\" has a funding source, but only one-off investment is funded: it is not used"
        ),
    }
}

fn budget_json(budget: &Budget, rounded: &[Vec<Decimal>], years: &[String]) -> Json {
    let rows: Vec<Json> = budget
        .years
        .iter()
        .enumerate()
        .map(|(t, _)| {
            let mut row = json!({ "year": years.get(t) });
            for (k, (_, key, _)) in ROWS.iter().enumerate() {
                if *key == "from_revenue" {
                    continue;
                }
                row[*key] = Json::String(format!("{:.2}", rounded[k][t]));
            }
            row["budget_gap"] = budget
                .budget_gap
                .as_ref()
                .and_then(|g| g.get(t))
                .map_or(Json::Null, |g| Json::String(format!("{:.2}", penny(*g))));
            row["gap_closed"] = budget.gap_closed(t).map_or(Json::Null, |f| {
                Json::String(round(f, 8).normalize().to_string())
            });
            row
        })
        .collect();
    json!({
        "years": rows,
        "after_horizon": {
            "mrp": format!("{:.2}", penny(budget.mrp_after)),
            "interest": format!("{:.2}", penny(budget.interest_after)),
        },
        "reserves_repaid": budget
            .reserves_repaid
            .as_ref()
            .map_or(Json::Null, |p| super::json::payback(p, years)),
    })
}

/// An option's budget as `sharecase budget --json` prints it: all partners, then each
/// partner, every money figure to the penny with the partners' pennies adding up to all
/// partners' (largest remainder).
#[must_use]
pub fn json(budget: &OptionBudget, years: &[String]) -> Json {
    let n = budget.all.years.len();
    // [field][year] for all partners, and [partner][field][year].
    let all: Vec<Vec<Decimal>> = ROWS
        .iter()
        .map(|(_, _, f)| budget.all.years.iter().map(|y| penny(f(y))).collect())
        .collect();
    let mut partners: Vec<Vec<Vec<Decimal>>> =
        vec![vec![vec![Decimal::ZERO; n]; ROWS.len()]; budget.partners.len()];
    for (k, (_, _, f)) in ROWS.iter().enumerate() {
        for t in 0..n {
            let parts: Vec<Decimal> = budget.partners.iter().map(|p| f(&p.years[t])).collect();
            for (p, v) in apportion(all[k][t], &parts).into_iter().enumerate() {
                partners[p][k][t] = v;
            }
        }
    }
    let warnings: Vec<Json> = budget
        .warnings
        .iter()
        .map(|w| json!({ "code": warning_code(w), "message": warning(w, years) }))
        .collect();
    json!({
        "name": budget.name,
        "years": years,
        "warnings": warnings,
        "all_partners": budget_json(&budget.all, &all, years),
        "partners": budget
            .partners
            .iter()
            .zip(&partners)
            .zip(&budget.partner_names)
            .map(|((b, rounded), name)| {
                let mut v = budget_json(b, rounded, years);
                v["name"] = json!(name);
                v
            })
            .collect::<Vec<_>>(),
    })
}

fn warning_code(w: &BudgetWarning) -> &'static str {
    match w {
        BudgetWarning::CapitalReceiptsAfterDirection { .. } => "capital_receipts_after_direction",
        BudgetWarning::FundingNotUsed { .. } => "funding_not_used",
    }
}

/// One partner's (or all partners') yearly budget impact as a chart: costs to the budget below
/// the line, savings and income above, and the net saving (the impact, negated) as the line.
#[must_use]
pub fn chart(title: &str, budget: &Budget, years: &[String]) -> super::chart::FlowsChart {
    use super::chart::{BENEFIT_SHADES, COST_SHADES, FlowsChart, Stack};
    let f = |d: Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(0.0);
    let series = |name: &str, colour, field: Field, sign: f64| Stack {
        name: name.to_owned(),
        colour,
        values: budget.years.iter().map(|y| sign * f(field(y))).collect(),
    };
    FlowsChart {
        title: title.to_owned(),
        basis_label:
            "Cash; costs to the budget below the line, savings above; the line is the net saving"
                .into(),
        years: years.to_vec(),
        stacks: vec![
            series("Running costs", COST_SHADES[0], |y| y.running_costs, -1.0),
            series(
                "One-off costs from the revenue budget",
                COST_SHADES[1],
                |y| y.from_revenue,
                -1.0,
            ),
            series("MRP", COST_SHADES[2], |y| y.mrp, -1.0),
            series("Interest", COST_SHADES[3], |y| y.interest, -1.0),
            series("Savings", BENEFIT_SHADES[0], |y| y.savings, 1.0),
            series("Income", BENEFIT_SHADES[1], |y| y.income, 1.0),
        ]
        .into_iter()
        .filter(|s| s.values.iter().any(|v| *v != 0.0))
        .collect(),
        net: budget
            .years
            .iter()
            .map(|y| -f(y.revenue_budget_impact))
            .collect(),
    }
}
