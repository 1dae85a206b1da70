//! The Budget sheet: what each option does to each partner's revenue budget, year by year,
//! and how its one-off costs are funded; borrowing becomes MRP and interest, worked out from
//! a repayment table per pound borrowed, every cell a formula.

use super::cells::{Cached, Formats, formula, print_setup, text};
use super::layout::{BUDGET, INPUTS, Inputs, KINDS, SOURCES, block, cell, on};
use super::model::Model;
use crate::case::Mrp;
use crate::engine::budget::{Budget, BudgetYear};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, XlsxError};

/// The repayment table's first row.
const FACTORS: u32 = 5;

struct Rows {
    repayments: usize,
    partners: usize,
}

impl Rows {
    fn factor(&self, c: usize, which: u32) -> u32 {
        FACTORS + 4 * u32::try_from(c).unwrap_or(0) + which
    }
    fn header(&self) -> u32 {
        self.factor(self.repayments, 0) + 1
    }
    fn height(&self) -> u32 {
        17 + u32::try_from(self.repayments).unwrap_or(0)
    }
    /// Block `q` (partner q, or all partners when q is the number of partners) of option `n`.
    fn block(&self, n: usize, q: usize) -> u32 {
        self.header() + 2 + u32::try_from(n * (self.partners + 1) + q).unwrap_or(0) * self.height()
    }
    fn borrowed(&self, c: usize) -> u32 {
        10 + u32::try_from(c).unwrap_or(0)
    }
    fn total(&self, k: u32) -> u32 {
        10 + u32::try_from(self.repayments).unwrap_or(0) + k
    }
}

const LABELS: [&str; 10] = [
    "Capital investment spent",
    "Revenue investment (one-off)",
    "Running costs",
    "Savings",
    "Income",
    "Investment met from the revenue budget",
    "Investment drawn from reserves",
    "Investment met from capital receipts",
    "Investment met from grant",
    "",
];

fn field(y: &BudgetYear, i: usize) -> Decimal {
    match i {
        0 => y.capital_spend,
        1 => y.revenue_one_off,
        2 => y.running_costs,
        3 => y.savings,
        4 => y.income,
        5 => y.from_revenue,
        6 => y.reserves_used,
        7 => y.capital_receipts_used,
        _ => y.grant_used,
    }
}

/// Writes the Budget sheet.
///
/// # Errors
/// When the workbook refuses a cell.
#[allow(clippy::too_many_lines)]
pub fn write(book: &mut Workbook, m: &Model<'_>) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let case = m.case;
    let years = m.years;
    let partners = case.partners.len();
    let r = Rows {
        repayments: m.repayments.len(),
        partners,
    };
    let sheet = book.add_worksheet();
    sheet.set_name(BUDGET)?;
    text(sheet, 0, 0, "Budget by partner", &fm.title)?;
    text(sheet, 1, 0, crate::report::budget::LABEL, &fm.note)?;
    text(
        sheet,
        2,
        0,
        crate::report::budget::APPRAISAL_LABEL,
        &fm.note,
    )?;
    text(
        sheet,
        3,
        0,
        "Borrowing is taken at the end of the year it is spent; its minimum revenue provision (MRP) and interest fall in the following years. Equal instalments: 1/life a year, interest on the balance. Annuity: a level payment, BorrowingRate / (1 - (1 + BorrowingRate)^-life) per pound, of which MRP is what interest leaves.",
        &fm.note,
    )?;
    let after = 1 + u16::try_from(years).unwrap_or(0);
    text(sheet, FACTORS - 1, 0, "Per £1 borrowed", &fm.header)?;
    for k in 1..=years {
        text(
            sheet,
            FACTORS - 1,
            u16::try_from(k).unwrap_or(0),
            &format!("Year {k} after"),
            &fm.header,
        )?;
    }
    text(sheet, FACTORS - 1, after, "Over the life", &fm.header)?;
    let rate = case.borrowing_rate;
    for (c, rep) in m.repayments.iter().enumerate() {
        let life = rep.life;
        let schedule = crate::engine::budget::repayments(Decimal::ONE, life, rep.method, rate);
        let name = rep.class();
        let labels = [
            format!("MRP: {name}"),
            format!("Interest: {name}"),
            format!("MRP to date: {name}"),
            format!("Interest to date: {name}"),
        ];
        for (w, label) in labels.iter().enumerate() {
            text(
                sheet,
                r.factor(c, u32::try_from(w).unwrap_or(0)),
                0,
                label,
                &fm.label,
            )?;
        }
        let annuity = "BorrowingRate/(1-(1+BorrowingRate)^-{L})";
        let annuity = annuity.replace("{L}", &life.to_string());
        let (mut mrp_sum, mut interest_sum) = (Decimal::ZERO, Decimal::ZERO);
        for k in 1..=years {
            let col = u16::try_from(k).unwrap_or(0);
            let (mrp, interest) = schedule
                .get(k - 1)
                .copied()
                .unwrap_or((Decimal::ZERO, Decimal::ZERO));
            mrp_sum += mrp;
            interest_sum += interest;
            let mrp_text = match rep.method {
                Mrp::Equal => format!("IF({k}<={life},1/{life},0)"),
                Mrp::Annuity => format!(
                    "IF({k}<={life},IF(BorrowingRate=0,1/{life},({annuity}-BorrowingRate)*(1+BorrowingRate)^({k}-1)),0)"
                ),
            };
            let mrp_cell = cell(r.factor(c, 0), col);
            let interest_text = match rep.method {
                Mrp::Equal => format!("IF({k}<={life},BorrowingRate*(1-({k}-1)/{life}),0)"),
                Mrp::Annuity => {
                    format!("IF({k}<={life},IF(BorrowingRate=0,0,{annuity}-{mrp_cell}),0)")
                }
            };
            formula(sheet, r.factor(c, 0), col, &mrp_text, mrp, &fm.factor)?;
            formula(
                sheet,
                r.factor(c, 1),
                col,
                &interest_text,
                interest,
                &fm.factor,
            )?;
            for (w, sum) in [(2, mrp_sum), (3, interest_sum)] {
                let text = if k == 1 {
                    cell(r.factor(c, w - 2), col)
                } else {
                    format!(
                        "{}+{}",
                        cell(r.factor(c, w), col - 1),
                        cell(r.factor(c, w - 2), col)
                    )
                };
                formula(sheet, r.factor(c, w), col, &text, sum, &fm.factor)?;
            }
        }
        let total_interest: Decimal = schedule.iter().map(|(_, i)| *i).sum();
        formula(sheet, r.factor(c, 0), after, "1", 1.0, &fm.factor)?;
        let interest_total = match rep.method {
            Mrp::Equal => format!("BorrowingRate*({life}+1)/2"),
            Mrp::Annuity => format!("IF(BorrowingRate=0,0,{life}*{annuity}-1)"),
        };
        formula(
            sheet,
            r.factor(c, 1),
            after,
            &interest_total,
            total_interest,
            &fm.factor,
        )?;
    }
    let header = r.header();
    text(sheet, header, 0, "Financial year", &fm.header)?;
    for t in 0..years {
        text(
            sheet,
            header,
            u16::try_from(1 + t).unwrap_or(0),
            &case.year_label(t),
            &fm.header,
        )?;
    }
    text(sheet, header, after, "After the horizon", &fm.header)?;

    for (n, option) in case.options.iter().enumerate() {
        let Some(result) = m.results.options.get(n) else {
            continue;
        };
        let budget = crate::engine::budget::option_budget(case, result, n);
        let layout = &m.options[n];
        for q in 0..=partners {
            let top = r.block(n, q);
            let all = q == partners;
            let who = if all {
                "All partners".to_owned()
            } else {
                case.partners[q].name.clone()
            };
            text(
                sheet,
                top,
                0,
                &format!("{}: {who}", option.name),
                &fm.strong,
            )?;
            let engine: &Budget = if all {
                &budget.all
            } else {
                &budget.partners[q]
            };
            let sum_of = |rel: u32, col: u16| -> String {
                (0..partners)
                    .map(|p| cell(r.block(n, p) + rel, col))
                    .collect::<Vec<_>>()
                    .join("+")
            };
            let sum_or = |rel: u32, col: u16, text: String| -> String {
                if all {
                    if partners == 0 {
                        "0".into()
                    } else {
                        sum_of(rel, col)
                    }
                } else {
                    text
                }
            };
            for (i, label) in LABELS.iter().enumerate().take(9) {
                let rel = 1 + u32::try_from(i).unwrap_or(0);
                text(sheet, top + rel, 0, label, &fm.label)?;
                for t in 0..years {
                    let col = u16::try_from(1 + t).unwrap_or(0);
                    let own = if all {
                        String::new()
                    } else if i < KINDS.len() {
                        // The partner's cash by kind, from the option's sheet.
                        let row = layout.block(1 + q) + block::CASH + u32::try_from(i).unwrap_or(0);
                        layout.absolute(row, layout.year_column(t))
                    } else {
                        m.sharing.part(q, n, i, t, false)
                    };
                    let value = engine.years.get(t).map(|y| field(y, i)).unwrap_or_default();
                    formula(
                        sheet,
                        top + rel,
                        col,
                        &sum_or(rel, col, own),
                        value,
                        &fm.money,
                    )?;
                }
            }
            for (c, rep) in m.repayments.iter().enumerate() {
                let rel = r.borrowed(c);
                text(
                    sheet,
                    top + rel,
                    0,
                    &format!("Borrowed: {}", rep.class()),
                    &fm.label,
                )?;
                for t in 0..years {
                    let col = u16::try_from(1 + t).unwrap_or(0);
                    let class = KINDS.len() + SOURCES.len() + c;
                    let value = if all {
                        (0..partners).map(|p| m.part(p, n, class, t, false)).sum()
                    } else {
                        m.part(q, n, class, t, false)
                    };
                    let own = if all {
                        String::new()
                    } else {
                        m.sharing.part(q, n, class, t, false)
                    };
                    formula(
                        sheet,
                        top + rel,
                        col,
                        &sum_or(rel, col, own),
                        value,
                        &fm.money,
                    )?;
                }
            }
            let rows = [
                "Borrowed in all",
                "Minimum revenue provision (MRP)",
                "Interest",
                "Net revenue budget impact (a cost is positive)",
                "Cumulative impact",
                "Budget gap (where stated)",
            ];
            for (k, label) in rows.iter().enumerate() {
                let rel = r.total(u32::try_from(k).unwrap_or(0));
                let strong = k == 3;
                text(
                    sheet,
                    top + rel,
                    0,
                    label,
                    if strong { &fm.strong } else { &fm.label },
                )?;
            }
            for t in 0..years {
                let col = u16::try_from(1 + t).unwrap_or(0);
                let y = engine.years.get(t).cloned().unwrap_or_default();
                let at = |rel: u32| cell(top + rel, col);
                // Borrowed in all.
                let borrowed = if m.repayments.is_empty() {
                    "0".to_owned()
                } else {
                    format!(
                        "SUM({}:{})",
                        at(r.borrowed(0)),
                        at(r.borrowed(m.repayments.len() - 1))
                    )
                };
                formula(
                    sheet,
                    top + r.total(0),
                    col,
                    &borrowed,
                    y.borrowed,
                    &fm.money,
                )?;
                // MRP and interest on what was borrowed in earlier years.
                for (k, which, value) in [(1, 0, y.mrp), (2, 1, y.interest)] {
                    let mut terms = Vec::new();
                    for c in 0..m.repayments.len() {
                        for earlier in 0..t {
                            let spent =
                                cell(top + r.borrowed(c), u16::try_from(1 + earlier).unwrap_or(0));
                            let factor = super::layout::fixed(
                                r.factor(c, which),
                                u16::try_from(t - earlier).unwrap_or(0),
                            );
                            terms.push(format!("{spent}*{factor}"));
                        }
                    }
                    let text = if terms.is_empty() {
                        "0".to_owned()
                    } else {
                        terms.join("+")
                    };
                    formula(sheet, top + r.total(k), col, &text, value, &fm.money)?;
                }
                formula(
                    sheet,
                    top + r.total(3),
                    col,
                    &format!(
                        "{}-{}-{}+{}+{}+{}",
                        at(3),
                        at(4),
                        at(5),
                        at(6),
                        at(r.total(1)),
                        at(r.total(2))
                    ),
                    y.revenue_budget_impact,
                    &fm.money_strong,
                )?;
                let cumulative = if t == 0 {
                    at(r.total(3))
                } else {
                    format!("{}+{}", cell(top + r.total(4), col - 1), at(r.total(3)))
                };
                formula(
                    sheet,
                    top + r.total(4),
                    col,
                    &cumulative,
                    y.cumulative_impact,
                    &fm.money,
                )?;
                let gap = engine.budget_gap.as_ref().and_then(|g| g.get(t)).copied();
                let gap_text = if all {
                    (case.partners.iter().all(|p| !p.budget_gap.is_empty()) && partners > 0)
                        .then(|| sum_of(r.total(5), col))
                } else {
                    (!case.partners[q].budget_gap.is_empty()).then(|| {
                        on(
                            INPUTS,
                            m.inputs.partner_row(q),
                            Inputs::YEAR0 + u16::try_from(t).unwrap_or(0),
                        )
                    })
                };
                if let Some(text) = gap_text {
                    formula(
                        sheet,
                        top + r.total(5),
                        col,
                        &text,
                        gap.map_or(Cached::Empty, Cached::from),
                        &fm.money,
                    )?;
                }
            }
            // After the horizon.
            for (k, which, value) in [(1, 0, engine.mrp_after), (2, 1, engine.interest_after)] {
                let mut terms = Vec::new();
                for c in 0..m.repayments.len() {
                    for t in 0..years {
                        let spent = cell(top + r.borrowed(c), u16::try_from(1 + t).unwrap_or(0));
                        let whole = if which == 0 {
                            "1".to_owned()
                        } else {
                            super::layout::fixed(r.factor(c, 1), after)
                        };
                        let left = years - 1 - t;
                        if left == 0 {
                            terms.push(format!("{spent}*{whole}"));
                        } else {
                            let to_date = super::layout::fixed(
                                r.factor(c, 2 + which),
                                u16::try_from(left).unwrap_or(0),
                            );
                            terms.push(format!("{spent}*({whole}-{to_date})"));
                        }
                    }
                }
                let text = if all {
                    if partners == 0 {
                        "0".to_owned()
                    } else {
                        sum_of(r.total(k), after)
                    }
                } else if terms.is_empty() {
                    "0".to_owned()
                } else {
                    terms.join("+")
                };
                formula(sheet, top + r.total(k), after, &text, value, &fm.money)?;
            }
        }
    }
    sheet.set_column_width(0, 46)?;
    for c in 1..=after {
        sheet.set_column_width(c, 14)?;
    }
    sheet.set_freeze_panes(header + 1, 1)?;
    print_setup(sheet, header)?;
    Ok(())
}

/// Where the Budget sheet's blocks are: (first block's row, block height, the net impact's
/// row within a block); the Checks sheet adds up the impact from it.
#[must_use]
pub fn impact_rows(m: &Model<'_>) -> (u32, u32, u32) {
    let r = Rows {
        repayments: m.repayments.len(),
        partners: m.case.partners.len(),
    };
    (r.block(0, 0), r.height(), r.total(3))
}
