//! The Inputs sheet: the case as the officer entered it, and nothing worked out. Every other
//! sheet is formulas of these cells.

use super::cells::{Formats, f, formula, number, print_setup, text};
use super::layout::{INPUTS, Inputs, fixed, scenario_categories};
use crate::case::{Amounts, Case, Sharing, Weight};
use rust_xlsxwriter::{Workbook, XlsxError};

/// An input cell of the Inputs sheet, for auditors' tests and the defined names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// `DiscountRate`.
    DiscountRate,
    /// `Inflation`.
    Inflation,
    /// `BorrowingRate`.
    BorrowingRate,
    /// `ScenarioChoice`: 1 is the central scenario, then the case's scenarios in order.
    ScenarioChoice,
    /// Option `n`'s own cost uplift.
    CostUplift(usize),
    /// Option `n`'s own benefit shortfall.
    BenefitShortfall(usize),
    /// Option `n`'s own benefit delay, months.
    BenefitDelayMonths(usize),
    /// The one-off or annual amount of a line.
    Amount {
        /// Option index.
        option: usize,
        /// Line index within the option.
        line: usize,
    },
    /// A by-year line's amount in year `year`.
    ByYear {
        /// Option index.
        option: usize,
        /// Line index within the option.
        line: usize,
        /// Year index.
        year: usize,
    },
    /// The `k`-th phasing (one-off) or ramp-up (recurring) fraction of a line.
    Phasing {
        /// Option index.
        option: usize,
        /// Line index within the option.
        line: usize,
        /// Which fraction, from 0.
        k: usize,
    },
    /// Partner `partner`'s weight in basis `basis` in year `year`. A weight the same every
    /// year is held in the first year's cell, and each later year's cell is a formula equal
    /// to the year before: changing the first year changes every year, and overtyping a
    /// later year changes that year and the years after it (a partner joining part-way).
    Weight {
        /// Basis index.
        basis: usize,
        /// Partner index.
        partner: usize,
        /// Year index.
        year: usize,
    },
}

/// The global index of line `line` of option `option`.
fn global(case: &Case, option: usize, line: usize) -> Option<usize> {
    let o = case.options.get(option)?;
    (line < o.lines.len()).then(|| {
        case.options[..option]
            .iter()
            .map(|o| o.lines.len())
            .sum::<usize>()
            + line
    })
}

fn narrow(n: usize) -> Option<u16> {
    u16::try_from(n).ok()
}

/// Where `input` is: (sheet, zero-based row, zero-based column); `None` when the case has no
/// such cell.
#[must_use]
pub fn input_cell(case: &Case, input: Input) -> Option<(String, u32, u16)> {
    let l = Inputs::new(case);
    let years = l.years;
    let at = |row: u32, col: u16| Some((INPUTS.to_owned(), row, col));
    match input {
        Input::DiscountRate => at(Inputs::DISCOUNT, Inputs::VALUE),
        Input::Inflation => at(Inputs::INFLATION, Inputs::VALUE),
        Input::BorrowingRate => at(Inputs::BORROWING, Inputs::VALUE),
        Input::ScenarioChoice => at(Inputs::CHOICE, Inputs::VALUE),
        Input::CostUplift(n) if n < l.options => at(l.option_row(n), 2),
        Input::BenefitShortfall(n) if n < l.options => at(l.option_row(n), 3),
        Input::BenefitDelayMonths(n) if n < l.options => at(l.option_row(n), 4),
        Input::Amount { option, line } => {
            let g = global(case, option, line)?;
            at(l.line_row(g), Inputs::L_AMOUNT)
        }
        Input::ByYear { option, line, year } if year < years => {
            let g = global(case, option, line)?;
            at(l.line_row(g), l.by_year_column() + narrow(year)?)
        }
        Input::Phasing { option, line, k } if k < years => {
            let g = global(case, option, line)?;
            at(l.line_row(g), Inputs::L_PHASING + narrow(k)?)
        }
        Input::Weight {
            basis,
            partner,
            year,
        } if basis < l.bases && partner < l.partners && year < years => {
            at(l.weight_row(basis, partner), Inputs::YEAR0 + narrow(year)?)
        }
        _ => None,
    }
}

/// Writes the Inputs sheet.
///
/// # Errors
/// When the workbook refuses a cell.
#[allow(clippy::too_many_lines)]
pub fn write(book: &mut Workbook, case: &Case, scenario: Option<usize>) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let l = Inputs::new(case);
    let sheet = book.add_worksheet();
    sheet.set_name(INPUTS)?;
    text(sheet, 0, 0, "Inputs: the case as entered", &fm.title)?;
    text(
        sheet,
        1,
        0,
        "Blue cells are the case as the officer entered it; nothing on this sheet is worked out. Every figure on the other sheets is a formula of these cells: change one and the workbook follows. Rates and fractions are decimals (5% is 0.05); years are counted from 0, the first financial year. Costs and benefits are positive amounts; their kind says which they are.",
        &fm.note,
    )?;
    text(sheet, 3, 0, "Setting", &fm.header)?;
    text(sheet, 3, 1, "Value", &fm.header)?;
    text(sheet, 3, 2, "Note", &fm.header)?;
    let v = Inputs::VALUE;
    text(sheet, Inputs::TITLE, 0, "Case", &fm.label)?;
    text(sheet, Inputs::TITLE, v, &case.title, &fm.input_text)?;
    text(
        sheet,
        Inputs::FIRST_YEAR,
        0,
        "First financial year",
        &fm.label,
    )?;
    number(
        sheet,
        Inputs::FIRST_YEAR,
        v,
        f64::from(case.first_year),
        &fm.input_number,
    )?;
    text(sheet, Inputs::FIRST_YEAR, 2, &case.year_label(0), &fm.note)?;
    text(sheet, Inputs::HORIZON, 0, "Horizon (years)", &fm.label)?;
    number(
        sheet,
        Inputs::HORIZON,
        v,
        f64::from(case.horizon),
        &fm.whole,
    )?;
    text(
        sheet,
        Inputs::HORIZON,
        2,
        "Fixed in this workbook: its year columns are laid out for it. Change the horizon in Sharecase.",
        &fm.note,
    )?;
    let settings = [
        (
            Inputs::DISCOUNT,
            "Discount rate, real (DiscountRate)",
            case.discount_rate,
            "Green Book: 3.5% real for the first 30 years.",
        ),
        (
            Inputs::INFLATION,
            "General inflation (Inflation)",
            case.inflation,
            "Indexes lines that follow general inflation; deflates cash to real terms. A scenario may replace it.",
        ),
        (
            Inputs::BORROWING,
            "Borrowing rate (BorrowingRate)",
            case.borrowing_rate,
            "Interest on capital investment funded by borrowing.",
        ),
    ];
    for (row, label, value, note) in settings {
        text(sheet, row, 0, label, &fm.label)?;
        number(sheet, row, v, f(value), &fm.input_percent)?;
        text(sheet, row, 2, note, &fm.note)?;
    }
    text(
        sheet,
        Inputs::PRICES,
        0,
        "Prices of the amounts (CasePrices)",
        &fm.label,
    )?;
    text(sheet, Inputs::PRICES, v, case.prices.key(), &fm.input_text)?;
    text(
        sheet,
        Inputs::PRICES,
        2,
        "year0: in the first year's prices, indexed by each line's rate; cash: as they will be paid, not indexed.",
        &fm.note,
    )?;
    text(
        sheet,
        Inputs::BASELINE,
        0,
        "Baseline option, by number (Baseline)",
        &fm.label,
    )?;
    let names = range_of_names(&l, 1);
    match case.baseline_index() {
        Some(b) => {
            number(
                sheet,
                Inputs::BASELINE,
                v,
                f64::from(u32::try_from(b + 1).unwrap_or(0)),
                &fm.input_number,
            )?;
            formula(
                sheet,
                Inputs::BASELINE,
                2,
                &format!("INDEX({names},{})", fixed(Inputs::BASELINE, v)),
                super::cells::Cached::Text(case.options[b].name.clone()),
                &fm.note,
            )?;
        }
        None => {
            sheet.write_blank(Inputs::BASELINE, v, &fm.input_number)?;
            text(
                sheet,
                Inputs::BASELINE,
                2,
                "none: no figures against a baseline",
                &fm.note,
            )?;
        }
    }
    text(
        sheet,
        Inputs::CHOICE,
        0,
        "Scenario shown (ScenarioChoice)",
        &fm.label,
    )?;
    let choice = scenario.map_or(1, |s| s + 2);
    number(
        sheet,
        Inputs::CHOICE,
        v,
        f64::from(u32::try_from(choice).unwrap_or(1)),
        &fm.input_number,
    )?;
    let scenario_names = format!(
        "{}:{}",
        fixed(l.scenario_row(0), 1),
        fixed(l.scenario_row(l.scenarios - 1), 1)
    );
    formula(
        sheet,
        Inputs::CHOICE,
        2,
        &format!(
            "\"Figures under \"&INDEX({scenario_names},{})&\": 1 is the central scenario, then the scenarios below in order.\"",
            fixed(Inputs::CHOICE, v)
        ),
        super::cells::Cached::Text(format!(
            "Figures under {}: 1 is the central scenario, then the scenarios below in order.",
            crate::engine::scenario::name(case, scenario)
        )),
        &fm.note,
    )?;

    // Options.
    let top = l.options_header();
    let headers = [
        "Option",
        "Name",
        "Cost uplift",
        "Benefit shortfall",
        "Benefit delay (months)",
        "Optimism bias: investment type",
        "Capital expenditure, upper bound",
        "Works duration, upper bound",
        "Running cost type",
        "Operating expenditure, upper bound",
        "Implementation (months)",
        "Mitigated",
        "Reason for the mitigation",
    ];
    text(sheet, top - 1, 0, "Options", &fm.strong)?;
    for (c, h) in headers.iter().enumerate() {
        text(sheet, top, u16::try_from(c).unwrap_or(0), h, &fm.header)?;
    }
    for (n, option) in case.options.iter().enumerate() {
        let row = l.option_row(n);
        number(
            sheet,
            row,
            0,
            f64::from(u32::try_from(n + 1).unwrap_or(0)),
            &fm.whole,
        )?;
        text(sheet, row, 1, &option.name, &fm.input_text)?;
        let a = &option.adjustments;
        number(sheet, row, 2, f(a.cost_uplift), &fm.input_percent)?;
        number(sheet, row, 3, f(a.benefit_shortfall), &fm.input_percent)?;
        number(
            sheet,
            row,
            4,
            f64::from(a.benefit_delay_months),
            &fm.input_number,
        )?;
        if let Some(bias) = &option.optimism_bias {
            text(sheet, row, 5, bias.investment_type.label(), &fm.input_text)?;
            number(
                sheet,
                row,
                6,
                f(bias.investment_type.capital().upper),
                &fm.input_percent,
            )?;
            number(
                sheet,
                row,
                7,
                f(bias.investment_type.duration().upper),
                &fm.input_percent,
            )?;
            if let Some(t) = bias.running_cost_type {
                text(sheet, row, 8, t.label(), &fm.input_text)?;
                number(sheet, row, 9, f(t.operating().upper), &fm.input_percent)?;
            }
            number(
                sheet,
                row,
                10,
                f64::from(bias.implementation_months),
                &fm.input_number,
            )?;
            number(sheet, row, 11, f(bias.mitigated), &fm.input_percent)?;
            text(sheet, row, 12, &bias.reason, &fm.input_text)?;
        }
    }

    // Scenarios.
    let top = l.scenarios_header();
    let categories = scenario_categories(case);
    text(
        sheet,
        top - 1,
        0,
        "Scenarios (changes on top of each option's own; a blank inflation keeps the case's)",
        &fm.strong,
    )?;
    for (c, h) in [
        "Scenario",
        "Name",
        "Cost uplift",
        "Benefit shortfall",
        "Benefit delay (months)",
        "Inflation",
    ]
    .iter()
    .enumerate()
    {
        text(sheet, top, u16::try_from(c).unwrap_or(0), h, &fm.header)?;
    }
    for (i, name) in categories.iter().enumerate() {
        let col = Inputs::CATEGORY + u16::try_from(i).unwrap_or(0);
        text(sheet, top, col, name, &fm.header)?;
    }
    let description = Inputs::CATEGORY + u16::try_from(categories.len()).unwrap_or(0);
    text(sheet, top, description, "Description", &fm.header)?;
    number(sheet, l.scenario_row(0), 0, 1.0, &fm.whole)?;
    text(
        sheet,
        l.scenario_row(0),
        1,
        &case.central_scenario,
        &fm.input_text,
    )?;
    text(
        sheet,
        l.scenario_row(0),
        description,
        "The case as entered",
        &fm.note,
    )?;
    for (i, s) in case.scenarios.iter().enumerate() {
        let row = l.scenario_row(i + 1);
        number(
            sheet,
            row,
            0,
            f64::from(u32::try_from(i + 2).unwrap_or(0)),
            &fm.whole,
        )?;
        text(sheet, row, 1, &s.name, &fm.input_text)?;
        number(sheet, row, 2, f(s.cost_uplift), &fm.input_percent)?;
        number(sheet, row, 3, f(s.benefit_shortfall), &fm.input_percent)?;
        number(
            sheet,
            row,
            4,
            f64::from(s.benefit_delay_months),
            &fm.input_number,
        )?;
        match s.inflation {
            Some(g) => number(sheet, row, 5, f(g), &fm.input_percent)?,
            None => {
                sheet.write_blank(row, 5, &fm.input_percent)?;
            }
        }
        for (c, name) in categories.iter().enumerate() {
            let col = Inputs::CATEGORY + u16::try_from(c).unwrap_or(0);
            match s.category_change(name) {
                Some(change) => number(sheet, row, col, f(change), &fm.input_percent)?,
                None => {
                    sheet.write_blank(row, col, &fm.input_percent)?;
                }
            }
        }
        text(sheet, row, description, &s.description, &fm.label)?;
    }

    // Partners.
    let top = l.partners_header();
    text(
        sheet,
        top - 1,
        0,
        "Partners (budget gap by year, where stated)",
        &fm.strong,
    )?;
    text(sheet, top, 0, "Partner", &fm.header)?;
    text(sheet, top, 1, "Name", &fm.header)?;
    for t in 0..l.years {
        let col = Inputs::YEAR0 + u16::try_from(t).unwrap_or(0);
        text(sheet, top, col, &case.year_label(t), &fm.header)?;
    }
    for (p, partner) in case.partners.iter().enumerate() {
        let row = l.partner_row(p);
        number(
            sheet,
            row,
            0,
            f64::from(u32::try_from(p + 1).unwrap_or(0)),
            &fm.whole,
        )?;
        text(sheet, row, 1, &partner.name, &fm.input_text)?;
        for (t, gap) in partner.budget_gap.iter().enumerate().take(l.years) {
            let col = Inputs::YEAR0 + u16::try_from(t).unwrap_or(0);
            number(sheet, row, col, f(*gap), &fm.input_money)?;
        }
    }

    // Sharing bases.
    let top = l.bases_header();
    text(
        sheet,
        top - 1,
        0,
        "Sharing bases: each partner's weight by year (a weight the same every year is typed in the first year; each later year repeats the year before, so overtyping a year changes it and the years after)",
        &fm.strong,
    )?;
    text(sheet, top, 0, "Basis", &fm.header)?;
    text(sheet, top, 1, "Partner", &fm.header)?;
    for t in 0..l.years {
        let col = Inputs::YEAR0 + u16::try_from(t).unwrap_or(0);
        text(sheet, top, col, &case.year_label(t), &fm.header)?;
    }
    let source_col = Inputs::YEAR0 + u16::try_from(l.years).unwrap_or(0);
    text(sheet, top, source_col, "Source", &fm.header)?;
    for (b, basis) in case.bases.iter().enumerate() {
        for (p, partner) in case.partners.iter().enumerate() {
            let row = l.weight_row(b, p);
            text(sheet, row, 0, &basis.name, &fm.input_text)?;
            text(sheet, row, 1, &partner.name, &fm.label)?;
            match basis.weights.get(&partner.name) {
                Some(Weight::ByYear(values)) => {
                    for t in 0..l.years {
                        let col = Inputs::YEAR0 + u16::try_from(t).unwrap_or(0);
                        let w = values.get(t).copied().unwrap_or_default();
                        number(sheet, row, col, f(w), &fm.input_number)?;
                    }
                }
                other => {
                    let w = other.map(|w| w.in_year(0)).unwrap_or_default();
                    number(sheet, row, Inputs::YEAR0, f(w), &fm.input_number)?;
                    for t in 1..l.years {
                        let col = Inputs::YEAR0 + u16::try_from(t).unwrap_or(0);
                        formula(
                            sheet,
                            row,
                            col,
                            &super::layout::cell(row, col - 1),
                            f(w),
                            &fm.input_number,
                        )?;
                    }
                }
            }
            if p == 0 {
                text(sheet, row, source_col, &basis.source, &fm.label)?;
            }
        }
    }

    // Lines.
    lines(sheet, &fm, case, &l)?;

    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(2, 30)?;
    for c in 3..Inputs::L_PHASING {
        sheet.set_column_width(c, 15)?;
    }
    sheet.set_column_width(l.source_column(), 60)?;
    sheet.set_freeze_panes(4, 1)?;
    print_setup(sheet, 3)?;
    Ok(())
}

/// `$B$18:$B$20`: the options' names (column `col`).
fn range_of_names(l: &Inputs, col: u16) -> String {
    format!(
        "{}:{}",
        fixed(l.option_row(0), col),
        fixed(l.option_row(l.options.max(1) - 1), col)
    )
}

fn lines(
    sheet: &mut rust_xlsxwriter::Worksheet,
    fm: &Formats,
    case: &Case,
    l: &Inputs,
) -> Result<(), XlsxError> {
    let top = l.lines_header();
    text(
        sheet,
        top - 1,
        0,
        "Lines: one row per line as entered (blank prices follow the case; blank indexation follows general inflation; blank funding, life and method take the defaults: capital borrowed over 5 years in equal instalments, revenue investment from reserves)",
        &fm.strong,
    )?;
    let headers = [
        "Option",
        "Option name",
        "Line",
        "Kind",
        "Category",
        "Pattern",
        "Amount (one-off, or annual)",
        "Year (one-off), or first year",
        "Last year (blank: to the end)",
        "Prices",
        "Indexation",
        "Sharing",
        "Shared by",
        "Funding",
        "Asset life (years)",
        "MRP method",
    ];
    for (c, h) in headers.iter().enumerate() {
        text(sheet, top, u16::try_from(c).unwrap_or(0), h, &fm.header)?;
    }
    for k in 0..l.years {
        let col = Inputs::L_PHASING + u16::try_from(k).unwrap_or(0);
        text(
            sheet,
            top,
            col,
            &format!("Phasing or ramp-up, year {}", k + 1),
            &fm.header,
        )?;
        let col = l.by_year_column() + u16::try_from(k).unwrap_or(0);
        text(
            sheet,
            top,
            col,
            &format!("By year: {}", case.year_label(k)),
            &fm.header,
        )?;
    }
    text(sheet, top, l.source_column(), "Source", &fm.header)?;
    let mut g = 0;
    for (n, option) in case.options.iter().enumerate() {
        for line in &option.lines {
            let row = l.line_row(g);
            g += 1;
            number(
                sheet,
                row,
                Inputs::L_OPTION,
                f64::from(u32::try_from(n + 1).unwrap_or(0)),
                &fm.whole,
            )?;
            text(sheet, row, Inputs::L_OPTION_NAME, &option.name, &fm.label)?;
            text(sheet, row, Inputs::L_NAME, &line.name, &fm.input_text)?;
            text(
                sheet,
                row,
                Inputs::L_KIND,
                line.kind.label(),
                &fm.input_text,
            )?;
            text(
                sheet,
                row,
                Inputs::L_CATEGORY,
                &line.category,
                &fm.input_text,
            )?;
            text(
                sheet,
                row,
                Inputs::L_PATTERN,
                line.amounts.pattern_name(),
                &fm.input_text,
            )?;
            let fractions: &[rust_decimal::Decimal] = match &line.amounts {
                Amounts::OneOff {
                    amount,
                    year,
                    phasing,
                } => {
                    number(sheet, row, Inputs::L_AMOUNT, f(*amount), &fm.input_money)?;
                    number(
                        sheet,
                        row,
                        Inputs::L_YEAR,
                        f64::from(*year),
                        &fm.input_number,
                    )?;
                    phasing
                }
                Amounts::Recurring {
                    annual,
                    from_year,
                    to_year,
                    ramp_up,
                } => {
                    number(sheet, row, Inputs::L_AMOUNT, f(*annual), &fm.input_money)?;
                    number(
                        sheet,
                        row,
                        Inputs::L_YEAR,
                        f64::from(*from_year),
                        &fm.input_number,
                    )?;
                    if let Some(to) = to_year {
                        number(sheet, row, Inputs::L_TO, f64::from(*to), &fm.input_number)?;
                    }
                    ramp_up
                }
                Amounts::ByYear(values) => {
                    for (t, value) in values.iter().enumerate().take(l.years) {
                        let col = l.by_year_column() + u16::try_from(t).unwrap_or(0);
                        number(sheet, row, col, f(*value), &fm.input_money)?;
                    }
                    &[]
                }
            };
            for (k, fraction) in fractions.iter().enumerate().take(l.years) {
                let col = Inputs::L_PHASING + u16::try_from(k).unwrap_or(0);
                number(sheet, row, col, f(*fraction), &fm.input_percent)?;
            }
            if let Some(prices) = line.prices {
                text(sheet, row, Inputs::L_PRICES, prices.key(), &fm.input_text)?;
            }
            if let Some(i) = line.indexation {
                number(sheet, row, Inputs::L_INDEXATION, f(i), &fm.input_percent)?;
            }
            let (how, by) = match &line.sharing {
                Sharing::Equal => ("Equal", ""),
                Sharing::Partner(name) => ("Partner", name.as_str()),
                Sharing::Basis(name) => ("Basis", name.as_str()),
            };
            text(sheet, row, Inputs::L_SHARING, how, &fm.input_text)?;
            text(sheet, row, Inputs::L_SHARED_BY, by, &fm.input_text)?;
            if let Some(funding) = line.funding {
                text(
                    sheet,
                    row,
                    Inputs::L_FUNDING,
                    funding.label(),
                    &fm.input_text,
                )?;
            }
            if let Some(life) = line.asset_life_years {
                number(
                    sheet,
                    row,
                    Inputs::L_LIFE,
                    f64::from(life),
                    &fm.input_number,
                )?;
            }
            if let Some(mrp) = line.mrp {
                text(sheet, row, Inputs::L_MRP, mrp.label(), &fm.input_text)?;
            }
            text(sheet, row, l.source_column(), &line.source, &fm.label)?;
        }
    }
    Ok(())
}
