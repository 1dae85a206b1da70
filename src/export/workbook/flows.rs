//! The Adjustments sheet (each option's uplifts, shortfall and delay under the chosen
//! scenario, optimism bias included) and the Line flows sheet (each line's money by year:
//! as entered, adjusted, in cash and in real terms).

use super::cells::{Cached, Formats, formula, number, print_setup, text};
use super::layout::{
    ADJUSTMENTS, INPUTS, Inputs, LINE_FLOWS, LineFlows, adjustments as adj, cell, column, fixed,
    on, range_on,
};
use super::model::Model;
use crate::case::{LineKind, PriceBasis};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, XlsxError};

/// `INDEX(Inputs!$C$30:$C$33,ScenarioChoice)`: the chosen scenario's value in column `col`.
fn chosen(m: &Model<'_>, col: u16) -> String {
    let l = &m.inputs;
    format!(
        "INDEX({},ScenarioChoice)",
        range_on(
            INPUTS,
            (l.scenario_row(0), col),
            (l.scenario_row(l.scenarios - 1), col)
        )
    )
}

/// Writes the Adjustments sheet.
///
/// # Errors
/// When the workbook refuses a cell.
pub fn adjustments(book: &mut Workbook, m: &Model<'_>) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let l = &m.inputs;
    let case = m.case;
    let sheet = book.add_worksheet();
    sheet.set_name(ADJUSTMENTS)?;
    text(
        sheet,
        0,
        0,
        "Adjustments under the chosen scenario",
        &fm.title,
    )?;
    text(
        sheet,
        1,
        0,
        "Each option's own adjustments, the chosen scenario's, and optimism bias (the Green Book's upper bound, less what is mitigated), combined as the conventions say: uplifts and shortfalls multiply, delays add.",
        &fm.note,
    )?;
    text(
        sheet,
        adj::INFLATION,
        0,
        "General inflation under the scenario (ScenarioInflation)",
        &fm.label,
    )?;
    let scenario_inflation = chosen(m, 5);
    formula(
        sheet,
        adj::INFLATION,
        1,
        &format!("IF({scenario_inflation}=\"\",Inflation,{scenario_inflation})"),
        case.general_inflation(),
        &fm.percent,
    )?;
    text(sheet, adj::SCENARIO, 0, "Scenario", &fm.label)?;
    formula(
        sheet,
        adj::SCENARIO,
        1,
        &chosen(m, 1),
        Cached::Text(crate::engine::scenario::name(case, m.scenario)),
        &fm.strong,
    )?;
    let headers = [
        "Option",
        "Name",
        "Cost uplift",
        "Scenario's cost uplift",
        "Optimism bias: investment",
        "Optimism bias: running costs",
        "Cost factor",
        "Investment factor",
        "Running cost factor",
        "Benefit shortfall",
        "Scenario's shortfall",
        "Benefit kept",
        "Benefit delay (months)",
        "Scenario's delay",
        "Optimism bias: delay (months)",
        "Delay in all (months)",
    ];
    for (c, h) in headers.iter().enumerate() {
        text(
            sheet,
            adj::HEADER,
            u16::try_from(c).unwrap_or(0),
            h,
            &fm.header,
        )?;
    }
    let scenario = m.scenario.and_then(|s| case.scenarios.get(s));
    let s_uplift = scenario.map_or(Decimal::ZERO, |s| s.cost_uplift);
    let s_shortfall = scenario.map_or(Decimal::ZERO, |s| s.benefit_shortfall);
    let s_delay = scenario.map_or(0, |s| s.benefit_delay_months);
    for (n, option) in case.options.iter().enumerate() {
        let row = adj::row(n);
        let input = l.option_row(n);
        let x = |col: u16| on(INPUTS, input, col);
        let here = |col: u16| cell(row, col);
        let a = &option.adjustments;
        let bias = option.optimism_bias.as_ref().map(|b| b.figures());
        let ob_inv = bias.as_ref().map_or(Decimal::ZERO, |b| b.investment_uplift);
        let ob_run = bias
            .as_ref()
            .map_or(Decimal::ZERO, |b| b.running_cost_uplift);
        let ob_delay = bias.as_ref().map_or(0, |b| b.extra_delay_months);
        let cost = (Decimal::ONE + a.cost_uplift) * (Decimal::ONE + s_uplift);
        let keep = (Decimal::ONE - a.benefit_shortfall) * (Decimal::ONE - s_shortfall);
        formula(
            sheet,
            row,
            0,
            &x(0),
            f64::from(u32::try_from(n + 1).unwrap_or(0)),
            &fm.whole,
        )?;
        formula(
            sheet,
            row,
            1,
            &x(1),
            Cached::Text(option.name.clone()),
            &fm.label,
        )?;
        formula(sheet, row, 2, &x(2), a.cost_uplift, &fm.percent)?;
        formula(sheet, row, 3, &chosen(m, 2), s_uplift, &fm.percent)?;
        formula(
            sheet,
            row,
            4,
            &format!("{}*(1-{})", x(6), x(11)),
            ob_inv,
            &fm.percent,
        )?;
        formula(
            sheet,
            row,
            5,
            &format!("{}*(1-{})", x(9), x(11)),
            ob_run,
            &fm.percent,
        )?;
        formula(
            sheet,
            row,
            adj::COST_FACTOR,
            &format!("(1+{})*(1+{})", here(2), here(3)),
            cost,
            &fm.factor,
        )?;
        formula(
            sheet,
            row,
            adj::INVESTMENT_FACTOR,
            &format!("{}*(1+{})", here(adj::COST_FACTOR), here(4)),
            cost * (Decimal::ONE + ob_inv),
            &fm.factor,
        )?;
        formula(
            sheet,
            row,
            adj::RUNNING_FACTOR,
            &format!("{}*(1+{})", here(adj::COST_FACTOR), here(5)),
            cost * (Decimal::ONE + ob_run),
            &fm.factor,
        )?;
        formula(sheet, row, 9, &x(3), a.benefit_shortfall, &fm.percent)?;
        formula(sheet, row, 10, &chosen(m, 3), s_shortfall, &fm.percent)?;
        formula(
            sheet,
            row,
            adj::BENEFIT_KEEP,
            &format!("(1-{})*(1-{})", here(9), here(10)),
            keep,
            &fm.factor,
        )?;
        formula(
            sheet,
            row,
            12,
            &x(4),
            f64::from(a.benefit_delay_months),
            &fm.whole,
        )?;
        formula(sheet, row, 13, &chosen(m, 4), f64::from(s_delay), &fm.whole)?;
        formula(
            sheet,
            row,
            14,
            &format!("ROUND({}*{}*(1-{}),0)", x(10), x(7), x(11)),
            f64::from(ob_delay),
            &fm.whole,
        )?;
        formula(
            sheet,
            row,
            adj::DELAY,
            &format!("{}+{}+{}", here(12), here(13), here(14)),
            f64::from(
                a.benefit_delay_months
                    .saturating_add(s_delay)
                    .saturating_add(ob_delay),
            ),
            &fm.whole,
        )?;
    }
    sheet.set_column_width(0, 50)?;
    sheet.set_column_width(1, 26)?;
    for c in 2..=adj::DELAY {
        sheet.set_column_width(c, 13)?;
    }
    sheet.set_freeze_panes(adj::HEADER + 1, 2)?;
    print_setup(sheet, adj::HEADER)?;
    Ok(())
}

/// The words the line flows use for a line's funding class.
fn funding_words(m: &Model<'_>, g: usize) -> String {
    m.lines[g]
        .funding
        .map(|c| m.class_name(c))
        .unwrap_or_default()
}

/// Writes the Line flows sheet.
///
/// # Errors
/// When the workbook refuses a cell.
#[allow(clippy::too_many_lines)]
pub fn line_flows(book: &mut Workbook, m: &Model<'_>) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let l = &m.inputs;
    let lf = &m.flows;
    let case = m.case;
    let years = m.years;
    let sheet = book.add_worksheet();
    sheet.set_name(LINE_FLOWS)?;
    text(sheet, 0, 0, "Each line's money by year", &fm.title)?;
    text(
        sheet,
        1,
        0,
        "Entered: the pattern typed (amount, years, phasing or ramp-up). Adjusted: times the scenario's change for the category and the line's factor; benefits moved later by the delay, money spread evenly within years (a delay of 12s + k months puts (12-k)/12 of year t-s and k/12 of year t-s-1 in year t). Cash: year-0 prices indexed by (1 + indexation)^t; cash prices as entered. Real terms: cash deflated by (1 + general inflation)^t.",
        &fm.note,
    )?;
    let headers = [
        "Option",
        "Line",
        "Kind",
        "Factor",
        "Delay (months)",
        "Whole years s",
        "Months k",
        "Category change",
        "Prices",
        "Indexation",
        "Sharing key",
        "Funding",
        "Pattern",
        "Amount",
        "Year, or first year",
        "Last year",
        "Fractions",
    ];
    for (c, h) in headers.iter().enumerate() {
        text(
            sheet,
            LineFlows::HEADER,
            u16::try_from(c).unwrap_or(0),
            h,
            &fm.header,
        )?;
    }
    text(
        sheet,
        LineFlows::YEAR_NUMBER,
        0,
        "Year number (t)",
        &fm.note,
    )?;
    for (b, name) in ["Entered", "Adjusted", "Cash", "Real terms"]
        .iter()
        .enumerate()
    {
        for t in 0..years {
            let col = lf.year(b, t);
            text(
                sheet,
                LineFlows::HEADER,
                col,
                &format!("{name}: {}", case.year_label(t)),
                &fm.header,
            )?;
            number(
                sheet,
                LineFlows::YEAR_NUMBER,
                col,
                f64::from(u32::try_from(t).unwrap_or(0)),
                &fm.whole,
            )?;
        }
    }
    let categories = super::layout::scenario_categories(case);
    let category_grid = range_on(
        INPUTS,
        (l.scenario_row(0), Inputs::CATEGORY),
        (
            l.scenario_row(l.scenarios - 1),
            Inputs::CATEGORY + u16::try_from(categories.len().max(1) - 1).unwrap_or(0),
        ),
    );
    let category_names = range_on(
        INPUTS,
        (l.scenarios_header(), Inputs::CATEGORY),
        (
            l.scenarios_header(),
            Inputs::CATEGORY + u16::try_from(categories.len().max(1) - 1).unwrap_or(0),
        ),
    );
    let adj_range = |col: u16| {
        range_on(
            ADJUSTMENTS,
            (adj::row(0), col),
            (adj::row(case.options.len().max(1) - 1), col),
        )
    };
    let partner_names = range_on(
        INPUTS,
        (l.partner_row(0), 1),
        (l.partner_row(l.partners.max(1) - 1), 1),
    );
    let basis_names = range_on(
        INPUTS,
        (l.weight_row(0, 0), 0),
        (l.weight_row(l.bases.max(1) - 1, l.partners.max(1) - 1), 0),
    );
    let partners = l.partners.max(1);
    for g in 0..m.lines.len() {
        let Some(flows) = m.line_flows(g) else {
            continue;
        };
        let info = &m.lines[g];
        let option = &case.options[info.option];
        let line = &option.lines[info.index];
        let row = lf.row(g);
        let ir = l.line_row(g);
        let x = |col: u16| on(INPUTS, ir, col);
        let here = |col: u16| fixed(row, col);
        formula(
            sheet,
            row,
            LineFlows::OPTION,
            &x(Inputs::L_OPTION),
            f64::from(u32::try_from(info.option + 1).unwrap_or(0)),
            &fm.whole,
        )?;
        formula(
            sheet,
            row,
            LineFlows::NAME,
            &x(Inputs::L_NAME),
            Cached::Text(line.name.clone()),
            &fm.label,
        )?;
        formula(
            sheet,
            row,
            LineFlows::KIND,
            &x(Inputs::L_KIND),
            Cached::Text(line.kind.label().to_owned()),
            &fm.label,
        )?;
        let kind = here(LineFlows::KIND);
        let n = here(LineFlows::OPTION);
        let a = &option.adjustments;
        let overlay = &a.overlay;
        let factor = if line.kind.is_benefit() {
            (Decimal::ONE - a.benefit_shortfall) * overlay.benefit_factor
        } else {
            let mut factor = (Decimal::ONE + a.cost_uplift) * overlay.cost_factor;
            if line.kind.is_investment() {
                factor *= overlay.investment_factor;
            } else if line.kind == LineKind::RecurringCost {
                factor *= overlay.running_cost_factor;
            }
            factor
        };
        formula(
            sheet,
            row,
            LineFlows::FACTOR,
            &format!(
                "IF(OR({kind}=\"Saving\",{kind}=\"Income\"),INDEX({keep},{n}),IF({kind}=\"Recurring cost\",INDEX({run},{n}),IF(OR({kind}=\"Capital investment\",{kind}=\"Revenue investment\"),INDEX({inv},{n}),INDEX({cost},{n}))))",
                keep = adj_range(adj::BENEFIT_KEEP),
                run = adj_range(adj::RUNNING_FACTOR),
                inv = adj_range(adj::INVESTMENT_FACTOR),
                cost = adj_range(adj::COST_FACTOR),
            ),
            factor,
            &fm.factor,
        )?;
        let delay = if line.kind.is_benefit() {
            a.benefit_delay_months.saturating_add(overlay.delay_months)
        } else {
            0
        };
        formula(
            sheet,
            row,
            LineFlows::DELAY,
            &format!(
                "IF(OR({kind}=\"Saving\",{kind}=\"Income\"),INDEX({},{n}),0)",
                adj_range(adj::DELAY)
            ),
            f64::from(delay),
            &fm.whole,
        )?;
        formula(
            sheet,
            row,
            LineFlows::WHOLE,
            &format!("INT({}/12)", here(LineFlows::DELAY)),
            f64::from(delay / 12),
            &fm.whole,
        )?;
        formula(
            sheet,
            row,
            LineFlows::PART,
            &format!("MOD({},12)", here(LineFlows::DELAY)),
            f64::from(delay % 12),
            &fm.whole,
        )?;
        let category = if categories.is_empty() {
            "1".to_owned()
        } else {
            format!(
                "1+IFERROR(INDEX({category_grid},ScenarioChoice,MATCH(TRIM({}),{category_names},0)),0)",
                x(Inputs::L_CATEGORY)
            )
        };
        formula(
            sheet,
            row,
            LineFlows::CATEGORY,
            &category,
            overlay.category_factor(&line.category),
            &fm.factor,
        )?;
        let prices = line.prices.unwrap_or(case.prices);
        formula(
            sheet,
            row,
            LineFlows::PRICES,
            &format!("IF({p}=\"\",CasePrices,{p})", p = x(Inputs::L_PRICES)),
            Cached::Text(prices.key().to_owned()),
            &fm.label,
        )?;
        formula(
            sheet,
            row,
            LineFlows::INDEXATION,
            &format!(
                "IF({}=\"cash\",0,IF({i}=\"\",ScenarioInflation,{i}))",
                here(LineFlows::PRICES),
                i = x(Inputs::L_INDEXATION)
            ),
            if prices == PriceBasis::Cash {
                Decimal::ZERO
            } else {
                flows.indexation
            },
            &fm.percent,
        )?;
        let how = x(Inputs::L_SHARING);
        let by = x(Inputs::L_SHARED_BY);
        formula(
            sheet,
            row,
            LineFlows::KEY,
            &format!(
                "IF({how}=\"Partner\",MATCH({by},{partner_names},0),IF({how}=\"Basis\",1+{partners}+INT((MATCH({by},{basis_names},0)-1)/{partners}),0))"
            ),
            f64::from(u32::try_from(info.key).unwrap_or(0)),
            &fm.whole,
        )?;
        let fund = x(Inputs::L_FUNDING);
        let source = format!(
            "IF({fund}=\"\",IF({kind}=\"Capital investment\",\"Borrowing\",\"Reserves\"),{fund})"
        );
        formula(
            sheet,
            row,
            LineFlows::FUNDING,
            &format!(
                "IF(AND({kind}<>\"Capital investment\",{kind}<>\"Revenue investment\"),\"\",IF({source}=\"Borrowing\",\"Borrowing, \"&IF({life}=\"\",{default_life},{life})&\" years, \"&IF({mrp}=\"\",\"{default_mrp}\",{mrp}),{source}))",
                life = x(Inputs::L_LIFE),
                mrp = x(Inputs::L_MRP),
                default_life = crate::case::DEFAULT_ASSET_LIFE,
                default_mrp = crate::case::Mrp::default().label(),
            ),
            Cached::Text(funding_words(m, g)),
            &fm.label,
        )?;
        // The blocks.
        let entered = line.amounts.by_year(years);
        let phasing = range_on(
            INPUTS,
            (ir, Inputs::L_PHASING),
            (
                ir,
                Inputs::L_PHASING + u16::try_from(years - 1).unwrap_or(0),
            ),
        );
        let (amount_value, first_value, to_value) = match &line.amounts {
            crate::case::Amounts::OneOff { amount, year, .. } => (
                Cached::from(*amount),
                Cached::Number(f64::from(*year)),
                Cached::Empty,
            ),
            crate::case::Amounts::Recurring {
                annual,
                from_year,
                to_year,
                ..
            } => (
                Cached::from(*annual),
                Cached::Number(f64::from(*from_year)),
                to_year.map_or(Cached::Empty, |t| Cached::Number(f64::from(t))),
            ),
            crate::case::Amounts::ByYear(_) => (Cached::Empty, Cached::Empty, Cached::Empty),
        };
        let fractions = match &line.amounts {
            crate::case::Amounts::OneOff { phasing, .. } => phasing.len().min(years),
            crate::case::Amounts::Recurring { ramp_up, .. } => ramp_up.len().min(years),
            crate::case::Amounts::ByYear(_) => 0,
        };
        let blank_or = |col: u16| format!("IF({v}=\"\",\"\",{v})", v = x(col));
        for (col, text, cached, format) in [
            (
                LineFlows::PATTERN,
                x(Inputs::L_PATTERN),
                Cached::Text(line.amounts.pattern_name().to_owned()),
                &fm.label,
            ),
            (
                LineFlows::AMOUNT,
                blank_or(Inputs::L_AMOUNT),
                amount_value,
                &fm.pence,
            ),
            (
                LineFlows::FROM,
                blank_or(Inputs::L_YEAR),
                first_value,
                &fm.whole,
            ),
            (LineFlows::TO, blank_or(Inputs::L_TO), to_value, &fm.whole),
            (
                LineFlows::FRACTIONS,
                format!("COUNT({phasing})"),
                Cached::Number(f64::from(u32::try_from(fractions).unwrap_or(0))),
                &fm.whole,
            ),
        ] {
            formula(sheet, row, col, &text, cached, format)?;
        }
        let pattern = here(LineFlows::PATTERN);
        let amount = here(LineFlows::AMOUNT);
        let first = here(LineFlows::FROM);
        let to = here(LineFlows::TO);
        let count = here(LineFlows::FRACTIONS);
        let entered_range = format!(
            "{}:{}",
            fixed(row, lf.year(0, 0)),
            fixed(row, lf.year(0, years - 1))
        );
        for t in 0..years {
            let tt = format!("{}${}", column(lf.year(0, t)), LineFlows::YEAR_NUMBER + 1);
            let by_year = on(
                INPUTS,
                ir,
                l.by_year_column() + u16::try_from(t).unwrap_or(0),
            );
            formula(
                sheet,
                row,
                lf.year(0, t),
                &format!(
                    "IF({pattern}=\"By year\",{by_year},IF({pattern}=\"One-off\",IF({count}=0,IF({tt}={first},{amount},0),IF(AND({tt}>={first},{tt}-{first}<{years}),{amount}*INDEX({phasing},1,{tt}-{first}+1),0)),IF(AND({tt}>={first},OR({to}=\"\",{tt}<={to})),{amount}*IF({tt}-{first}<{count},INDEX({phasing},1,{tt}-{first}+1),1),0)))"
                ),
                entered.get(t).copied().unwrap_or_default(),
                &fm.pence,
            )?;
            let tt = format!("{}${}", column(lf.year(1, t)), LineFlows::YEAR_NUMBER + 1);
            formula(
                sheet,
                row,
                lf.year(1, t),
                &format!(
                    "{cat}*{factor}*((12-{k})/12*IF({tt}>={s},INDEX({entered_range},1,{tt}-{s}+1),0)+{k}/12*IF({tt}>={s}+1,INDEX({entered_range},1,{tt}-{s}),0))",
                    cat = here(LineFlows::CATEGORY),
                    factor = here(LineFlows::FACTOR),
                    k = here(LineFlows::PART),
                    s = here(LineFlows::WHOLE),
                ),
                flows.base.get(t).copied().unwrap_or_default(),
                &fm.pence,
            )?;
            let tt = format!("{}${}", column(lf.year(2, t)), LineFlows::YEAR_NUMBER + 1);
            let index = format!(
                "IF({}=\"cash\",1,(1+{})^{tt})",
                here(LineFlows::PRICES),
                here(LineFlows::INDEXATION)
            );
            formula(
                sheet,
                row,
                lf.year(2, t),
                &format!("{}*{index}", cell(row, lf.year(1, t))),
                flows.cash.get(t).copied().unwrap_or_default(),
                &fm.pence,
            )?;
            let tt = format!("{}${}", column(lf.year(3, t)), LineFlows::YEAR_NUMBER + 1);
            formula(
                sheet,
                row,
                lf.year(3, t),
                &format!("{}/(1+ScenarioInflation)^{tt}", cell(row, lf.year(2, t))),
                flows.real.get(t).copied().unwrap_or_default(),
                &fm.pence,
            )?;
        }
    }
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, 36)?;
    sheet.set_column_width(2, 18)?;
    for c in 3..LineFlows::BLOCKS {
        sheet.set_column_width(c, 12)?;
    }
    sheet.set_column_width(LineFlows::FUNDING, 34)?;
    for b in 0..4 {
        for t in 0..years {
            sheet.set_column_width(lf.year(b, t), 14)?;
        }
    }
    sheet.set_freeze_panes(LineFlows::FIRST, 2)?;
    print_setup(sheet, LineFlows::YEAR_NUMBER)?;
    Ok(())
}
