//! The lines as entered, for the paper's appendix: each line's amounts in the words the
//! officer typed them (pattern, years, phasing), its prices, indexation, sharing, funding and
//! source, so every source can be tied to a figure.

use super::budget::text_cell;
use super::table::{Align, Column, Row, Table};
use crate::case::{Amounts, Case, Line, PriceBasis, Sharing};
use crate::format::{MoneyStyle, money, percent, percent_short};

fn fractions(values: &[rust_decimal::Decimal]) -> String {
    values
        .iter()
        .map(|f| percent_short(*f))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A line's amounts as typed: `£1,200,000 from 2026/27: 60% / 40%`, `£240,000 a year from
/// 2027/28 (ramp-up 25% / 75%)`, `by year: £310,000 in 2026/27, £140,000 in 2027/28`.
#[must_use]
pub fn amounts(case: &Case, line: &Line) -> String {
    let year = |t: u32| case.year_label(t as usize);
    let pounds = |v| money(v, MoneyStyle::Pounds);
    match &line.amounts {
        Amounts::OneOff {
            amount,
            year: at,
            phasing,
        } => {
            if phasing.is_empty() {
                format!("{} in {}", pounds(*amount), year(*at))
            } else {
                format!(
                    "{} from {}: {}",
                    pounds(*amount),
                    year(*at),
                    fractions(phasing)
                )
            }
        }
        Amounts::Recurring {
            annual,
            from_year,
            to_year,
            ramp_up,
        } => {
            let mut out = format!("{} a year from {}", pounds(*annual), year(*from_year));
            if let Some(to) = to_year {
                out.push_str(&format!(" to {}", year(*to)));
            }
            if !ramp_up.is_empty() {
                out.push_str(&format!(" (ramp-up {})", fractions(ramp_up)));
            }
            out
        }
        Amounts::ByYear(values) => {
            let parts: Vec<String> = values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_zero())
                .map(|(t, v)| format!("{} in {}", pounds(*v), case.year_label(t)))
                .collect();
            if parts.is_empty() {
                "by year: nothing".into()
            } else {
                format!("by year: {}", parts.join(", "))
            }
        }
    }
}

/// Every line of every option as entered.
#[must_use]
pub fn entered(case: &Case) -> Table {
    let columns = [
        ("Option and line", 1.5),
        ("Kind", 0.75),
        ("Amounts as entered", 1.9),
        ("Prices and indexation", 0.95),
        ("Shared", 0.8),
        ("Funding", 0.85),
        ("Source", 1.6),
    ]
    .map(|(title, width)| Column {
        title: title.into(),
        align: Align::Left,
        width,
        total: false,
    })
    .to_vec();
    let rows = case
        .options
        .iter()
        .flat_map(|option| {
            option.lines.iter().map(move |line| {
                let prices = line.prices.unwrap_or(case.prices);
                let indexation = match (prices, line.indexation) {
                    (PriceBasis::Cash, _) => "cash prices, not indexed".to_owned(),
                    (PriceBasis::Year0, Some(i)) => format!("year-0 prices, {}", percent(i, 1)),
                    (PriceBasis::Year0, None) => format!(
                        "year-0 prices, general inflation ({})",
                        percent(case.inflation, 1)
                    ),
                };
                let shared = match &line.sharing {
                    Sharing::Equal => "Equal shares".to_owned(),
                    Sharing::Partner(name) => format!("All to {name}"),
                    Sharing::Basis(name) => format!("By {name}"),
                };
                let funding = match line.funding_source() {
                    Some(crate::case::Funding::Borrowing) => format!(
                        "Borrowing, {} years, {}",
                        line.asset_life_years
                            .unwrap_or(crate::case::DEFAULT_ASSET_LIFE),
                        line.mrp.unwrap_or_default().label().to_lowercase()
                    ),
                    Some(source) => source.label().to_owned(),
                    None => "-".to_owned(),
                };
                let source = line.source.trim();
                Row {
                    measure: None,
                    label: format!("{}: {}", option.name, line.name),
                    short_label: line.name.clone(),
                    cells: vec![
                        text_cell(line.kind.label().to_owned()),
                        text_cell(amounts(case, line)),
                        text_cell(indexation),
                        text_cell(shared),
                        text_cell(funding),
                        text_cell(if source.is_empty() {
                            "not given".into()
                        } else {
                            source.to_owned()
                        }),
                    ],
                }
            })
        })
        .collect();
    Table {
        title: "Lines as entered".into(),
        columns,
        rows,
        notes: vec![
            "Amounts are as typed, before adjustments, indexation and sharing; the report's figures are worked out from them."
                .into(),
        ],
    }
}
