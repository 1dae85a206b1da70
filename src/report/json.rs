//! JSON output of results, for scripts and other tools. Keys are documented in the README.
//!
//! Every number is a decimal string so nothing is lost to floating point: money to the
//! penny, discount factors to 10 places, rates and ratios to 8, payback years to 4.

use super::measures::Measure;
use super::{table, words};
use crate::case::Case;
use crate::engine::flows::FlowsResult;
use crate::engine::payback::months;
use crate::engine::{CaseResults, Figures, Irr, Payback, Warning, YearFigures};
use crate::format::{penny, round};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn money(d: Decimal) -> Value {
    Value::String(format!("{:.2}", penny(d)))
}

fn places(d: Decimal, n: u32) -> Value {
    Value::String(round(d, n).normalize().to_string())
}

fn opt(d: Option<Decimal>, n: u32) -> Value {
    d.map_or(Value::Null, |d| places(d, n))
}

/// Payback as an object: status, years, months, words, financial year, falls back, shortfall.
#[must_use]
pub fn payback(p: &Payback, years: &[String]) -> Value {
    let label = |t: usize| {
        years
            .get(t)
            .map_or(Value::Null, |l| Value::String(l.clone()))
    };
    let (status, falls_back, shortfall) = match p {
        Payback::Immediate => ("immediate", Value::Null, Value::Null),
        Payback::After { falls_back_in, .. } => (
            "pays_back",
            falls_back_in.map_or(Value::Null, label),
            Value::Null,
        ),
        Payback::NotWithinHorizon { shortfall } => {
            ("not_within_horizon", Value::Null, money(*shortfall))
        }
    };
    json!({
        "status": status,
        "years": opt(p.years(), 4),
        "months": p.years().map(months),
        "year": p.year_index().map_or(Value::Null, label),
        "text": words::payback(p, years),
        "falls_back_in": falls_back,
        "shortfall": shortfall,
    })
}

/// IRR as an object: the rate (or null), how many rates solve it, and why there is none.
#[must_use]
pub fn irr(irr: &Irr) -> Value {
    match irr {
        Irr::Rate { rate, solutions } => json!({
            "rate": places(*rate, 8),
            "solutions": solutions,
            "text": words::irr(irr),
            "reason": Value::Null,
        }),
        Irr::None(why) => json!({
            "rate": Value::Null,
            "solutions": 0,
            "text": words::irr(irr),
            "reason": words::no_irr(*why),
        }),
    }
}

fn year(y: &YearFigures) -> Value {
    json!({
        "index": y.index,
        "year": y.label,
        "investment_cash": money(y.investment_cash),
        "costs_cash": money(y.costs_cash),
        "benefits_cash": money(y.benefits_cash),
        "net_cash": money(y.net_cash),
        "cumulative_cash": money(y.cumulative_cash),
        "costs_real": money(y.costs_real),
        "benefits_real": money(y.benefits_real),
        "net_real": money(y.net_real),
        "discount_factor": places(y.discount_factor, 10),
        "present_value": money(y.present_value),
        "cumulative_pv": money(y.cumulative_pv),
    })
}

fn warnings(list: &[Warning], years: &[String]) -> Value {
    list.iter()
        .map(|w| json!({"code": w.code().as_str(), "message": words::warning(w, years)}))
        .collect()
}

/// A table cell's figure as JSON.
fn value(v: &table::Value, years: &[String]) -> Value {
    match v {
        table::Value::Money(d) => money(*d),
        table::Value::Ratio(r) | table::Value::Percent(r) => opt(*r, 8),
        table::Value::Irr(i) => irr(i),
        table::Value::Payback(p) => payback(p, years),
    }
}

fn figures(f: &Figures, years: &[String]) -> Value {
    let m = &f.measures;
    let t = &m.totals;
    let mut measures = json!({
        "totals": {
            "investment_real": money(t.investment_real),
            "costs_real": money(t.costs_real),
            "benefits_real": money(t.benefits_real),
            "net_real": money(t.net_real),
            "net_pv": money(m.npv),
        },
    });
    for measure in Measure::ALL {
        let mut at = &mut measures;
        let mut path = measure.json_key().split('.').peekable();
        while let Some(key) = path.next() {
            if path.peek().is_none() {
                at[key] = value(&measure.value(m), years);
            } else {
                at = &mut at[key];
            }
        }
    }
    json!({
        "years": f.years.iter().map(year).collect::<Vec<_>>(),
        "measures": measures,
        "warnings": warnings(&f.warnings, years),
    })
}

/// Figures against the baseline: `{ "against", "years", "measures", "warnings" }`, with the
/// same keys as an option's own.
fn incremental(against: &str, f: &Figures, years: &[String]) -> Value {
    let mut v = figures(f, years);
    v["against"] = json!(against);
    v
}

/// The whole summary of a case as JSON.
#[must_use]
pub fn summary(case: &Case, results: &CaseResults) -> Value {
    let options: Vec<Value> = results
        .options
        .iter()
        .zip(&case.options)
        .map(|(o, source)| {
            let mut value = figures(&o.figures, &results.years);
            value["name"] = json!(o.name);
            if let Some(bias) = &source.optimism_bias {
                let f = bias.figures();
                value["optimism_bias"] = json!({
                    "investment_type": bias.investment_type.key(),
                    "running_cost_type": bias.running_cost_type.map(|t| t.key()),
                    "mitigated": bias.mitigated.to_string(),
                    "reason": bias.reason,
                    "investment_uplift": f.investment_uplift.normalize().to_string(),
                    "running_cost_uplift": f.running_cost_uplift.normalize().to_string(),
                    "duration": f.duration.normalize().to_string(),
                    "extra_delay_months": f.extra_delay_months,
                });
            }
            value["adjustments"] = json!({
                "cost_uplift": source.adjustments.cost_uplift.to_string(),
                "benefit_shortfall": source.adjustments.benefit_shortfall.to_string(),
                "benefit_delay_months": source.adjustments.benefit_delay_months,
            });
            let against = o.incremental.as_ref().map(|i| i.against.clone());
            let partner_incremental = super::partners::apportioned_incremental(o);
            value["partners"] = o
                .partners
                .iter()
                .zip(super::partners::apportioned(o))
                .enumerate()
                .map(|(p, (partner, rounded))| {
                    let mut v = figures(&rounded, &results.years);
                    v["name"] = json!(partner.name);
                    if let (Some(against), Some(all)) = (&against, &partner_incremental) {
                        v["incremental"] = incremental(against, &all[p], &results.years);
                    }
                    v
                })
                .collect();
            if let Some(inc) = &o.incremental {
                value["incremental"] = incremental(&inc.against, &inc.figures, &results.years);
            }
            value
        })
        .collect();
    json!({
        "sharecase_version": env!("CARGO_PKG_VERSION"),
        "title": case.title,
        "first_year": case.first_year,
        "horizon": case.horizon,
        "discount_rate": case.discount_rate.to_string(),
        "inflation": case.general_inflation().to_string(),
        "prices": case.prices.key(),
        "scenario": results.scenario,
        "baseline": case.baseline.as_ref().filter(|_| case.baseline_index().is_some()),
        "preferred_option": case.preferred_option.as_ref().filter(|_| case.preferred_index().is_some()),
        "recommendation": case.recommendation,
        "author": case.author,
        "status": case.status,
        "reference": case.reference,
        "years": results.years,
        "partners": results.partners,
        "options": options,
    })
}

/// The headline figures of a bare series, as `sharecase flows --json` prints them.
#[must_use]
pub fn flows(result: &FlowsResult) -> Value {
    let labels: Vec<String> = (0..result.years.len())
        .map(|t| format!("year {t}"))
        .collect();
    json!({
        "rate": result.rate.normalize().to_string(),
        "npv": money(result.npv),
        "irr": opt(result.irr.rate(), 8),
        "irr_detail": irr(&result.irr),
        "payback_years": opt(result.payback.years(), 4),
        "payback": payback(&result.payback, &labels),
        "discounted_payback_years": opt(result.discounted_payback.years(), 4),
        "discounted_payback": payback(&result.discounted_payback, &labels),
        "years": result.years.iter().enumerate().map(|(t, y)| json!({
            "index": t,
            "net": y.net.normalize().to_string(),
            "cumulative": y.cumulative.normalize().to_string(),
            "discount_factor": places(y.discount_factor, 10),
            "present_value": money(y.present_value),
            "cumulative_pv": money(y.cumulative_pv),
        })).collect::<Vec<_>>(),
    })
}
