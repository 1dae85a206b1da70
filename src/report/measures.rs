//! The headline measures (NPV, payback, IRR, ratios, totals) and the three tables built from
//! them: one option's measures, the options compared, and the partners of an option. Every
//! view renders these tables, so a measure is worded here once and shown everywhere.
//!
//! A new measure is one variant of [`Measure`], in [`Measure::ALL`], with its label and its
//! cell: the compiler names each match that lacks it, and every table, the app, the CLI, the
//! PDF, the workbook and JSON then show it.

use super::table::{Align, Cell, Column, Row, Table, Value};
use super::{partners, words};
use crate::engine::{CaseResults, Figures, Measures, OptionResults};
use crate::format::{MoneyStyle, money, number, percent, percent_short};
use rust_decimal::Decimal;

/// A headline measure of an option or a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Net present value.
    Npv,
    /// Internal rate of return.
    Irr,
    /// Payback on the cash position.
    Payback,
    /// Payback on the cumulative present value.
    DiscountedPayback,
    /// Benefit-cost ratio.
    Bcr,
    /// Return on investment.
    Roi,
    /// One-off investment, cash.
    Investment,
    /// All costs, cash.
    Costs,
    /// Benefits, cash.
    Benefits,
    /// Benefits less costs, cash.
    Net,
    /// One-off investment, present value.
    InvestmentPv,
    /// All costs, present value.
    CostsPv,
    /// Benefits, present value.
    BenefitsPv,
}

/// The measures on the header cards above the app's tabs, in order.
pub const CARDS: [Measure; 6] = [
    Measure::Npv,
    Measure::Payback,
    Measure::DiscountedPayback,
    Measure::Irr,
    Measure::Bcr,
    Measure::Investment,
];

impl Measure {
    /// Every measure, in the order tables list them.
    pub const ALL: [Self; 13] = [
        Self::Npv,
        Self::Irr,
        Self::Payback,
        Self::DiscountedPayback,
        Self::Bcr,
        Self::Roi,
        Self::Investment,
        Self::Costs,
        Self::Benefits,
        Self::Net,
        Self::InvestmentPv,
        Self::CostsPv,
        Self::BenefitsPv,
    ];

    /// The label where width forces a compact one (cards): `Net present value`.
    #[must_use]
    pub fn short_label(self) -> &'static str {
        match self {
            Self::Npv => "Net present value",
            Self::Irr => "IRR",
            Self::Payback => "Payback (cash)",
            Self::DiscountedPayback => "Discounted payback",
            Self::Bcr => "Benefit-cost ratio",
            Self::Roi => "Return on investment",
            Self::Investment | Self::InvestmentPv => "Investment",
            Self::Costs | Self::CostsPv => "All costs",
            Self::Benefits | Self::BenefitsPv => "Benefits",
            Self::Net => "Net",
        }
    }

    /// The basis of the figure, which the full label gives in brackets and a card under
    /// its figure: `real terms, discounted at 3.5%`.
    fn basis(self, rate: Decimal) -> String {
        match self {
            Self::Npv => format!("real terms, discounted at {}", percent_short(rate)),
            Self::Irr | Self::DiscountedPayback => "real terms".into(),
            Self::Payback | Self::Costs | Self::Benefits | Self::Net => "cash".into(),
            Self::Bcr => "present values".into(),
            Self::InvestmentPv | Self::CostsPv | Self::BenefitsPv => "present value".into(),
            Self::Roi => "cash, undiscounted".into(),
            Self::Investment => "one-off, cash".into(),
        }
    }

    /// The label every table gives the measure: `Net present value (real terms, discounted
    /// at 3.5%)`.
    #[must_use]
    pub fn label(self, rate: Decimal) -> String {
        match self {
            Self::Irr => format!("Internal rate of return ({})", self.basis(rate)),
            Self::Payback => "Payback (cash)".into(),
            _ => format!("{} ({})", self.short_label(), self.basis(rate)),
        }
    }

    /// The key of the measure in JSON's `measures` object; a dot nests it (`totals.costs_cash`).
    #[must_use]
    pub fn json_key(self) -> &'static str {
        match self {
            Self::Npv => "npv",
            Self::Irr => "irr",
            Self::Payback => "payback",
            Self::DiscountedPayback => "discounted_payback",
            Self::Bcr => "bcr",
            Self::Roi => "roi",
            Self::Investment => "totals.investment_cash",
            Self::Costs => "totals.costs_cash",
            Self::Benefits => "totals.benefits_cash",
            Self::Net => "totals.net_cash",
            Self::InvestmentPv => "totals.investment_pv",
            Self::CostsPv => "totals.costs_pv",
            Self::BenefitsPv => "totals.benefits_pv",
        }
    }

    /// The figure of the measure.
    #[must_use]
    pub fn value(self, m: &Measures) -> Value {
        let t = &m.totals;
        match self {
            Self::Npv => Value::Money(m.npv),
            Self::Irr => Value::Irr(m.irr.clone()),
            Self::Payback => Value::Payback(m.payback.clone()),
            Self::DiscountedPayback => Value::Payback(m.discounted_payback.clone()),
            Self::Bcr => Value::Ratio(m.bcr),
            Self::Roi => Value::Percent(m.roi),
            Self::Investment => Value::Money(t.investment_cash),
            Self::Costs => Value::Money(t.costs_cash),
            Self::Benefits => Value::Money(t.benefits_cash),
            Self::Net => Value::Money(t.net_cash),
            Self::InvestmentPv => Value::Money(t.investment_pv),
            Self::CostsPv => Value::Money(t.costs_pv),
            Self::BenefitsPv => Value::Money(t.benefits_pv),
        }
    }

    /// The measure's cell: its words, compact form and note.
    #[must_use]
    pub fn cell(self, m: &Measures, years: &[String], rate: Decimal, style: MoneyStyle) -> Cell {
        let value = self.value(m);
        let note = self.basis(rate);
        match &value {
            Value::Money(v) => Cell {
                text: money(*v, style),
                short: money(*v, style.for_axis()),
                note,
                value,
            },
            Value::Payback(p) => Cell {
                text: words::payback_in(p, years, style),
                short: words::payback_short(p),
                note: match p.year_index() {
                    Some(t) => format!("in {}", years.get(t).map_or("", String::as_str)),
                    None => format!("not within {} years", years.len()),
                },
                value,
            },
            Value::Irr(irr) => Cell {
                text: words::irr(irr),
                short: words::irr_short(irr),
                note,
                value,
            },
            Value::Ratio(r) => Cell {
                text: r.map_or_else(|| NO_COSTS.into(), |r| number(r, 2)),
                short: r.map_or_else(|| "none".into(), |r| number(r, 2)),
                note,
                value,
            },
            Value::Percent(r) => Cell {
                text: r.map_or_else(|| NO_COSTS.into(), |r| percent(r, 1)),
                short: r.map_or_else(|| "none".into(), |r| percent(r, 1)),
                note,
                value,
            },
        }
    }

    /// The measure as a row of a table, one cell per set of figures.
    fn row<'a>(
        self,
        figures: impl IntoIterator<Item = &'a Measures>,
        years: &[String],
        rate: Decimal,
        style: MoneyStyle,
    ) -> Row {
        Row {
            measure: Some(self),
            label: self.label(rate),
            short_label: self.short_label().to_owned(),
            cells: figures
                .into_iter()
                .map(|m| self.cell(m, years, rate, style))
                .collect(),
        }
    }
}

/// A ratio with no costs to divide by.
const NO_COSTS: &str = "none: no costs";

/// The width of the row labels' column against a figure column's 1.
const LABEL_WIDTH: f32 = 1.6;

fn label_column() -> Column {
    Column {
        title: String::new(),
        align: Align::Left,
        width: LABEL_WIDTH,
        total: false,
    }
}

fn figure_column(title: &str, total: bool) -> Column {
    Column {
        title: title.to_owned(),
        align: Align::Right,
        width: 1.0,
        total,
    }
}

/// The note a table needs when an IRR in it is one of several rates.
fn several_note<'a>(measures: impl IntoIterator<Item = &'a Measures>) -> Option<String> {
    measures
        .into_iter()
        .any(|m| matches!(m.irr, crate::engine::Irr::Rate { solutions, .. } if solutions > 1))
        .then(|| {
            "Where several rates give an NPV of zero, the IRR given is the one nearest zero."
                .to_owned()
        })
}

/// One option's (or partner's) measures: label and value, no column titles.
#[must_use]
pub fn headline(figures: &Figures, years: &[String], rate: Decimal, style: MoneyStyle) -> Table {
    let m = &figures.measures;
    Table {
        title: "Headline figures".into(),
        columns: vec![label_column(), figure_column("", false)],
        rows: Measure::ALL
            .iter()
            .map(|k| k.row([m], years, rate, style))
            .collect(),
        notes: several_note([m]).into_iter().collect(),
    }
}

/// Every option's measures side by side, one column per option.
#[must_use]
pub fn compare(results: &CaseResults, rate: Decimal, style: MoneyStyle) -> Table {
    let years = &results.years;
    let first = years.first().map_or("", String::as_str);
    let measures = || results.options.iter().map(|o| &o.figures.measures);
    let mut columns = vec![label_column()];
    columns.extend(
        results
            .options
            .iter()
            .map(|o| figure_column(&o.name, false)),
    );
    let mut notes = vec![format!(
        "Payback counts from the start of {first}, when the position is first back to zero."
    )];
    notes.extend(several_note(measures()));
    Table {
        title: "Options compared".into(),
        columns,
        rows: Measure::ALL
            .iter()
            .map(|k| k.row(measures(), years, rate, style))
            .collect(),
        notes,
    }
}

/// An option's partners side by side, then all partners (the option): each partner's share
/// of the investment, then every measure. Money is rounded so that the partners add up to
/// the option.
#[must_use]
pub fn partners(
    option: &OptionResults,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
) -> Table {
    let rounded = partners::apportioned(option);
    let all = &option.figures.measures;
    let each = || rounded.iter().map(|f| &f.measures).chain([all]);
    let mut columns = vec![label_column()];
    columns.extend(
        option
            .partners
            .iter()
            .map(|p| figure_column(&p.name, false)),
    );
    columns.push(figure_column("All partners", true));
    let whole = all.totals.investment_cash;
    let share = Row {
        measure: None,
        label: "Share of investment".into(),
        short_label: "Share of investment".into(),
        cells: each()
            .map(|m| {
                let share = (!whole.is_zero()).then(|| m.totals.investment_cash / whole);
                let text = share.map_or_else(|| "-".to_owned(), |s| percent(s, 1));
                Cell {
                    short: text.clone(),
                    text,
                    note: "one-off, cash".into(),
                    value: Value::Percent(share),
                }
            })
            .collect(),
    };
    let mut rows = vec![share];
    rows.extend(
        Measure::ALL
            .iter()
            .map(|k| k.row(each(), years, rate, style)),
    );
    let mut notes =
        vec!["Partners' money figures are rounded so that they add up to the option's.".to_owned()];
    notes.extend(several_note(each()));
    Table {
        title: format!("{} by partner", option.name),
        columns,
        rows,
        notes,
    }
}

/// The header cards of one option: the [`CARDS`] measures' compact cells.
#[must_use]
pub fn cards(
    figures: &Figures,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
) -> Vec<(Measure, Cell)> {
    CARDS
        .iter()
        .map(|k| (*k, k.cell(&figures.measures, years, rate, style)))
        .collect()
}

/// The measures shown against the baseline: what choosing an option adds to business as usual.
pub const AGAINST: [Measure; 6] = [
    Measure::Npv,
    Measure::Payback,
    Measure::DiscountedPayback,
    Measure::Irr,
    Measure::Bcr,
    Measure::Roi,
];

/// A ratio against the baseline when the option costs no more than it.
const NO_EXTRA_COSTS: &str = "none: costs no more";

/// The row of `measure` against baseline `against`, one cell per set of incremental figures.
fn against_row<'a>(
    measure: Measure,
    against: &str,
    figures: impl IntoIterator<Item = &'a Measures>,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
) -> Row {
    let mut row = measure.row(figures, years, rate, style);
    row.label = if measure.short_label().contains('(') {
        format!("{} against {against}", measure.short_label())
    } else {
        format!(
            "{} against {against} ({})",
            measure.short_label(),
            measure.basis(rate)
        )
    };
    row.short_label = format!("{} against {against}", measure.short_label());
    for cell in &mut row.cells {
        if matches!(cell.value, Value::Ratio(None) | Value::Percent(None)) {
            cell.text = NO_EXTRA_COSTS.into();
        }
    }
    row
}

/// The note every table of figures against the baseline carries.
fn against_note(against: &str) -> String {
    format!(
        "Against {against}: each figure is the option's less {against}'s, year by year (the Green Book's comparison with business as usual)."
    )
}

/// One option's measures against the baseline (label and value), or `None` when it has none.
#[must_use]
pub fn against(
    option: &OptionResults,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
) -> Option<Table> {
    let inc = option.incremental.as_ref()?;
    let m = &inc.figures.measures;
    Some(Table {
        title: format!("Against {}", inc.against),
        columns: vec![label_column(), figure_column("", false)],
        rows: AGAINST
            .iter()
            .map(|k| against_row(*k, &inc.against, [m], years, rate, style))
            .collect(),
        notes: [against_note(&inc.against)]
            .into_iter()
            .chain(several_note([m]))
            .collect(),
    })
}

/// Every option but the baseline against it, side by side; `None` when the case has no
/// baseline with figures.
#[must_use]
pub fn compare_against(results: &CaseResults, rate: Decimal, style: MoneyStyle) -> Option<Table> {
    let years = &results.years;
    let with: Vec<&OptionResults> = results
        .options
        .iter()
        .filter(|o| o.incremental.is_some())
        .collect();
    let against = with.first()?.incremental.as_ref()?.against.clone();
    let measures = || {
        with.iter()
            .filter_map(|o| o.incremental.as_ref().map(|i| &i.figures.measures))
    };
    let mut columns = vec![label_column()];
    columns.extend(with.iter().map(|o| figure_column(&o.name, false)));
    Some(Table {
        title: format!("Options against {against}"),
        columns,
        rows: AGAINST
            .iter()
            .map(|k| against_row(*k, &against, measures(), years, rate, style))
            .collect(),
        notes: [against_note(&against)]
            .into_iter()
            .chain(several_note(measures()))
            .collect(),
    })
}

/// An option's partners against the baseline, then all partners; `None` when the option has
/// no figures against a baseline. Money is rounded so that the partners add up.
#[must_use]
pub fn partners_against(
    option: &OptionResults,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
) -> Option<Table> {
    let inc = option.incremental.as_ref()?;
    let rounded = partners::apportioned_incremental(option)?;
    let all = &inc.figures.measures;
    let each = || rounded.iter().map(|f| &f.measures).chain([all]);
    let mut columns = vec![label_column()];
    columns.extend(
        option
            .partners
            .iter()
            .map(|p| figure_column(&p.name, false)),
    );
    columns.push(figure_column("All partners", true));
    Some(Table {
        title: format!("{} by partner, against {}", option.name, inc.against),
        columns,
        rows: AGAINST
            .iter()
            .map(|k| against_row(*k, &inc.against, each(), years, rate, style))
            .collect(),
        notes: [against_note(&inc.against)]
            .into_iter()
            .chain(several_note(each()))
            .collect(),
    })
}
