//! Every option under every scenario: the table the Scenarios tab, the text of
//! `sharecase scenarios` and the PDF show, and its JSON.

use super::measures::Measure;
use super::table::{Align, Cell, Column, Row, Table, Value};
use crate::engine::scenario::Run;
use crate::engine::{CaseResults, Measures, OptionResults};
use crate::format::MoneyStyle;
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

/// A cell for a scenario whose own settings have problems.
fn missing() -> Cell {
    Cell {
        text: "-".into(),
        short: "-".into(),
        note: "the scenario has problems to put right".into(),
        value: Value::Money(Decimal::ZERO),
    }
}

fn row(label: String, runs: &[Run], pick: impl Fn(&CaseResults) -> Option<Cell>) -> Row {
    Row {
        measure: None,
        short_label: label.clone(),
        label,
        cells: runs
            .iter()
            .map(|run| run.results.as_ref().and_then(&pick).unwrap_or_else(missing))
            .collect(),
    }
}

fn option(r: &CaseResults, i: usize) -> Option<&OptionResults> {
    r.options.get(i)
}

fn cell(
    measure: Measure,
    m: &Measures,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
) -> Cell {
    measure.cell(m, years, rate, style)
}

/// Options x scenarios: for each option its NPV, payback, discounted payback, NPV against
/// the baseline (where there is one) and each partner's payback, one column per scenario.
#[must_use]
pub fn table(runs: &[Run], rate: Decimal, style: MoneyStyle) -> Table {
    let mut columns = vec![Column {
        title: String::new(),
        align: Align::Left,
        width: 2.2,
        total: false,
    }];
    columns.extend(runs.iter().map(|run| Column {
        title: run.name.clone(),
        align: Align::Right,
        width: 1.0,
        total: false,
    }));
    let Some(first) = runs.iter().find_map(|r| r.results.as_ref()) else {
        return Table {
            title: "Options under each scenario".into(),
            columns,
            rows: Vec::new(),
            notes: vec!["No scenario has figures: put right the problems listed.".into()],
        };
    };
    let mut rows = Vec::new();
    for (i, o) in first.options.iter().enumerate() {
        let name = &o.name;
        for (measure, words) in [
            (Measure::Npv, "net present value"),
            (Measure::Payback, "payback (cash)"),
            (Measure::DiscountedPayback, "discounted payback"),
        ] {
            rows.push(row(format!("{name}: {words}"), runs, |r| {
                option(r, i).map(|o| cell(measure, &o.figures.measures, &r.years, rate, style))
            }));
        }
        if let Some(inc) = &o.incremental {
            rows.push(row(
                format!("{name}: net present value against {}", inc.against),
                runs,
                |r| {
                    let inc = option(r, i)?.incremental.as_ref()?;
                    Some(cell(
                        Measure::Npv,
                        &inc.figures.measures,
                        &r.years,
                        rate,
                        style,
                    ))
                },
            ));
        }
        for (p, partner) in o.partners.iter().enumerate() {
            rows.push(row(
                format!("{name}: {} payback (cash)", partner.name),
                runs,
                |r| {
                    let partner = option(r, i)?.partners.get(p)?;
                    Some(cell(
                        Measure::Payback,
                        &partner.figures.measures,
                        &r.years,
                        rate,
                        style,
                    ))
                },
            ));
        }
    }
    Table {
        title: "Options under each scenario".into(),
        columns,
        rows,
        notes: vec![format!(
            "Each scenario changes every option the same way, on top of the option's own adjustments and optimism bias. Net present values are in real terms, discounted at {}.",
            crate::format::percent_short(rate)
        )],
    }
}

fn money(d: Decimal) -> Json {
    Json::String(format!("{:.2}", crate::format::penny(d)))
}

fn places(d: Option<Decimal>, n: u32) -> Json {
    d.map_or(Json::Null, |d| {
        Json::String(crate::format::round(d, n).normalize().to_string())
    })
}

/// The matrix as `sharecase scenarios --json` prints it.
#[must_use]
pub fn json(runs: &[Run]) -> Json {
    let first = runs.iter().find_map(|r| r.results.as_ref());
    let options: Vec<Json> = first
        .map(|f| &f.options[..])
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let results: Vec<Json> = runs
                .iter()
                .map(|run| {
                    let Some(option) = run.results.as_ref().and_then(|r| r.options.get(i)) else {
                        return json!({ "scenario": run.name, "npv": null, "irr": null,
                            "payback_years": null, "discounted_payback_years": null,
                            "incremental_npv": null, "partners": [] });
                    };
                    let m = &option.figures.measures;
                    let partners: Vec<Json> = option
                        .partners
                        .iter()
                        .zip(super::partners::apportioned(option))
                        .map(|(p, rounded)| {
                            json!({
                                "name": p.name,
                                "npv": money(rounded.measures.npv),
                                "payback_years": places(p.figures.measures.payback.years(), 4),
                                "discounted_payback_years":
                                    places(p.figures.measures.discounted_payback.years(), 4),
                            })
                        })
                        .collect();
                    json!({
                        "scenario": run.name,
                        "npv": money(m.npv),
                        "irr": places(m.irr.rate(), 8),
                        "payback_years": places(m.payback.years(), 4),
                        "discounted_payback_years": places(m.discounted_payback.years(), 4),
                        "incremental_npv": option
                            .incremental
                            .as_ref()
                            .map_or(Json::Null, |inc| money(inc.figures.measures.npv)),
                        "partners": partners,
                    })
                })
                .collect();
            json!({ "name": o.name, "results": results })
        })
        .collect();
    json!({
        "scenarios": runs.iter().map(|r| r.name.clone()).collect::<Vec<_>>(),
        "options": options,
    })
}
