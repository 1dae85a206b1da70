//! Where everything is in the workbook, worked out from the case before a cell is written,
//! so that the formulas, the defined names and the tests agree on every address.

use crate::case::{Case, Funding, LineKind, Mrp};

/// Excel's column letters for a zero-based column.
#[must_use]
pub fn column(mut index: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(index % 26).unwrap_or(0));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `$C$7` for zero-based `row` and `col`.
#[must_use]
pub fn fixed(row: u32, col: u16) -> String {
    format!("${}${}", column(col), row + 1)
}

/// `C7` (relative) for zero-based `row` and `col`.
#[must_use]
pub fn cell(row: u32, col: u16) -> String {
    format!("{}{}", column(col), row + 1)
}

/// A sheet name as a formula refers to it: quoted, with quotes doubled, unless it is a plain
/// word (`Inputs`).
#[must_use]
pub fn sheet_ref(sheet: &str) -> String {
    if sheet.chars().all(|c| c.is_ascii_alphabetic()) {
        sheet.to_owned()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

/// `'Sheet'!$C$7`.
#[must_use]
pub fn on(sheet: &str, row: u32, col: u16) -> String {
    format!("{}!{}", sheet_ref(sheet), fixed(row, col))
}

/// `'Sheet'!$C$7:$C$9`.
#[must_use]
pub fn range_on(sheet: &str, (r1, c1): (u32, u16), (r2, c2): (u32, u16)) -> String {
    format!("{}!{}:{}", sheet_ref(sheet), fixed(r1, c1), fixed(r2, c2))
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX / 4)
}

fn narrow(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX / 4)
}

/// Sheet names for the options: `1 Do minimum`, at most 31 characters, none of `[]:*?/\`,
/// unique, and none that another sheet of the workbook uses.
#[must_use]
pub fn sheet_names(case: &Case) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, option) in case.options.iter().enumerate() {
        let clean: String = option
            .name
            .chars()
            .map(|c| if "[]:*?/\\'".contains(c) { ' ' } else { c })
            .collect();
        let mut name: String = format!("{} {}", i + 1, clean.trim())
            .chars()
            .take(31)
            .collect();
        name = name.trim_end().to_owned();
        while names.iter().any(|n| n.eq_ignore_ascii_case(&name))
            || SHEETS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&name.to_lowercase()))
        {
            name = format!("{} ({})", name.chars().take(25).collect::<String>(), i + 1);
        }
        names.push(name);
    }
    names
}

/// The workbook's own sheets, besides one per option.
pub const SHEETS: [&str; 8] = [
    SUMMARY,
    CHECKS,
    INPUTS,
    ADJUSTMENTS,
    LINE_FLOWS,
    SHARING,
    IRR,
    BUDGET,
];
/// The headline figures, all formulas.
pub const SUMMARY: &str = "Summary";
/// Every figure against Sharecase's, and the model's own consistency.
pub const CHECKS: &str = "Checks";
/// The case as entered.
pub const INPUTS: &str = "Inputs";
/// Each option's adjustments under the chosen scenario.
pub const ADJUSTMENTS: &str = "Adjustments";
/// Each line's money by year.
pub const LINE_FLOWS: &str = "Line flows";
/// Shares and the lines grouped by how they are shared.
pub const SHARING: &str = "Sharing";
/// The bracketing search that gives IRR its starting guess.
pub const IRR: &str = "IRR search";
/// Each partner's revenue budget.
pub const BUDGET: &str = "Budget";

/// The kinds of line in the order every sheet lists them.
pub const KINDS: [LineKind; 5] = LineKind::ALL;

/// The funding sources other than borrowing, in the order the sheets list them.
pub const SOURCES: [Funding; 4] = [
    Funding::RevenueBudget,
    Funding::Reserves,
    Funding::CapitalReceipts,
    Funding::Grant,
];

/// A way of repaying borrowing that some line of the case uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repayment {
    /// Asset life in years.
    pub life: u32,
    /// MRP method.
    pub method: Mrp,
}

impl Repayment {
    /// How `line` is repaid, when it is borrowed.
    #[must_use]
    pub fn of(line: &crate::case::Line) -> Option<Self> {
        (line.funding_source() == Some(Funding::Borrowing)).then(|| Self {
            life: line
                .asset_life_years
                .unwrap_or(crate::case::DEFAULT_ASSET_LIFE)
                .max(1),
            method: line.mrp.unwrap_or_default(),
        })
    }

    /// The words the line flows write for a line borrowed this way, and the groups match.
    #[must_use]
    pub fn class(&self) -> String {
        format!("Borrowing, {} years, {}", self.life, self.method.label())
    }
}

/// The repayments the case's borrowed lines use, in order of first use.
#[must_use]
pub fn repayments(case: &Case) -> Vec<Repayment> {
    let mut out: Vec<Repayment> = Vec::new();
    for line in case.options.iter().flat_map(|o| &o.lines) {
        if let Some(r) = Repayment::of(line)
            && !out.contains(&r)
        {
            out.push(r);
        }
    }
    out
}

/// The categories some scenario changes, in order of first mention.
#[must_use]
pub fn scenario_categories(case: &Case) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &case.scenarios {
        for name in s.categories.keys() {
            if !out
                .iter()
                .any(|c| c.trim().eq_ignore_ascii_case(name.trim()))
            {
                out.push(name.clone());
            }
        }
    }
    out
}

/// The Inputs sheet.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Years.
    pub years: usize,
    /// Options.
    pub options: usize,
    /// Scenarios, the central one included.
    pub scenarios: usize,
    /// Partners.
    pub partners: usize,
    /// Sharing bases.
    pub bases: usize,
}

impl Inputs {
    /// The settings' rows: title, first year, horizon, discount rate, inflation, borrowing
    /// rate, prices, baseline, scenario choice, central scenario's name.
    pub const TITLE: u32 = 4;
    /// First financial year.
    pub const FIRST_YEAR: u32 = 5;
    /// Horizon.
    pub const HORIZON: u32 = 6;
    /// `DiscountRate`.
    pub const DISCOUNT: u32 = 7;
    /// `Inflation`.
    pub const INFLATION: u32 = 8;
    /// `BorrowingRate`.
    pub const BORROWING: u32 = 9;
    /// `CasePrices`.
    pub const PRICES: u32 = 10;
    /// `Baseline`.
    pub const BASELINE: u32 = 11;
    /// `ScenarioChoice`.
    pub const CHOICE: u32 = 12;
    /// The value column of the settings.
    pub const VALUE: u16 = 1;

    /// The layout for `case`.
    #[must_use]
    pub fn new(case: &Case) -> Self {
        Self {
            years: usize::from(case.horizon).max(1),
            options: case.options.len(),
            scenarios: case.scenarios.len() + 1,
            partners: case.partners.len(),
            bases: case.bases.len(),
        }
    }

    /// The options table's header row.
    #[must_use]
    pub fn options_header(&self) -> u32 {
        16
    }

    /// Option `n`'s row (zero-based `n`).
    #[must_use]
    pub fn option_row(&self, n: usize) -> u32 {
        self.options_header() + 1 + small(n)
    }

    /// The scenarios table's header row.
    #[must_use]
    pub fn scenarios_header(&self) -> u32 {
        self.option_row(self.options.max(1)) + 2
    }

    /// Scenario `s`'s row (0 is the central one).
    #[must_use]
    pub fn scenario_row(&self, s: usize) -> u32 {
        self.scenarios_header() + 1 + small(s)
    }

    /// The first category column of the scenarios table.
    pub const CATEGORY: u16 = 6;

    /// The partners table's header row.
    #[must_use]
    pub fn partners_header(&self) -> u32 {
        self.scenario_row(self.scenarios) + 2
    }

    /// Partner `p`'s row.
    #[must_use]
    pub fn partner_row(&self, p: usize) -> u32 {
        self.partners_header() + 1 + small(p)
    }

    /// The first year's column of the budget gaps and weights.
    pub const YEAR0: u16 = 2;

    /// The bases table's header row.
    #[must_use]
    pub fn bases_header(&self) -> u32 {
        self.partner_row(self.partners.max(1)) + 2
    }

    /// The row of partner `p`'s weight in basis `b`.
    #[must_use]
    pub fn weight_row(&self, b: usize, p: usize) -> u32 {
        self.bases_header() + 1 + small(b * self.partners + p)
    }

    /// The lines table's header row.
    #[must_use]
    pub fn lines_header(&self) -> u32 {
        self.weight_row(self.bases.max(1), 0) + 2
    }

    /// Line `g`'s row, counting lines across options in order.
    #[must_use]
    pub fn line_row(&self, g: usize) -> u32 {
        self.lines_header() + 1 + small(g)
    }

    /// The lines table's columns.
    pub const L_OPTION: u16 = 0;
    /// Option name.
    pub const L_OPTION_NAME: u16 = 1;
    /// Line name.
    pub const L_NAME: u16 = 2;
    /// Kind.
    pub const L_KIND: u16 = 3;
    /// Category.
    pub const L_CATEGORY: u16 = 4;
    /// Pattern.
    pub const L_PATTERN: u16 = 5;
    /// One-off or annual amount.
    pub const L_AMOUNT: u16 = 6;
    /// Year, or first year.
    pub const L_YEAR: u16 = 7;
    /// Last year.
    pub const L_TO: u16 = 8;
    /// Prices.
    pub const L_PRICES: u16 = 9;
    /// Indexation.
    pub const L_INDEXATION: u16 = 10;
    /// Sharing: Equal, Partner or Basis.
    pub const L_SHARING: u16 = 11;
    /// The partner or basis named.
    pub const L_SHARED_BY: u16 = 12;
    /// Funding.
    pub const L_FUNDING: u16 = 13;
    /// Asset life.
    pub const L_LIFE: u16 = 14;
    /// MRP method.
    pub const L_MRP: u16 = 15;
    /// The first phasing or ramp-up fraction.
    pub const L_PHASING: u16 = 16;

    /// The first by-year amount's column.
    #[must_use]
    pub fn by_year_column(&self) -> u16 {
        Self::L_PHASING + narrow(self.years)
    }

    /// The source's column.
    #[must_use]
    pub fn source_column(&self) -> u16 {
        self.by_year_column() + narrow(self.years)
    }
}

/// The Adjustments sheet: one row per option.
pub mod adjustments {
    /// General inflation under the chosen scenario (`ScenarioInflation`).
    pub const INFLATION: u32 = 3;
    /// The chosen scenario's name.
    pub const SCENARIO: u32 = 4;
    /// The header row.
    pub const HEADER: u32 = 6;
    /// Option `n`'s row.
    #[must_use]
    pub fn row(n: usize) -> u32 {
        HEADER + 1 + super::small(n)
    }
    /// Cost factor, before optimism bias.
    pub const COST_FACTOR: u16 = 6;
    /// Investment factor.
    pub const INVESTMENT_FACTOR: u16 = 7;
    /// Running cost factor.
    pub const RUNNING_FACTOR: u16 = 8;
    /// What is kept of each benefit.
    pub const BENEFIT_KEEP: u16 = 11;
    /// Benefit delay in months, in all.
    pub const DELAY: u16 = 15;
}

/// The Line flows sheet.
#[derive(Debug, Clone)]
pub struct LineFlows {
    /// Years.
    pub years: usize,
    /// Lines.
    pub lines: usize,
}

impl LineFlows {
    /// The header row.
    pub const HEADER: u32 = 3;
    /// The row of year numbers t.
    pub const YEAR_NUMBER: u32 = 4;
    /// The first line's row.
    pub const FIRST: u32 = 5;
    /// Option number.
    pub const OPTION: u16 = 0;
    /// Line name.
    pub const NAME: u16 = 1;
    /// Kind.
    pub const KIND: u16 = 2;
    /// The factor the line's amounts are multiplied by.
    pub const FACTOR: u16 = 3;
    /// Delay, months.
    pub const DELAY: u16 = 4;
    /// Whole years of the delay.
    pub const WHOLE: u16 = 5;
    /// Months left over.
    pub const PART: u16 = 6;
    /// The scenario's change for the line's category.
    pub const CATEGORY: u16 = 7;
    /// Prices.
    pub const PRICES: u16 = 8;
    /// Indexation used.
    pub const INDEXATION: u16 = 9;
    /// Sharing key.
    pub const KEY: u16 = 10;
    /// Funding class.
    pub const FUNDING: u16 = 11;
    /// The line's pattern, from the Inputs sheet.
    pub const PATTERN: u16 = 12;
    /// Its one-off or annual amount.
    pub const AMOUNT: u16 = 13;
    /// Its year, or first year.
    pub const FROM: u16 = 14;
    /// Its last year, blank for the end of the horizon.
    pub const TO: u16 = 15;
    /// How many phasing or ramp-up fractions it has.
    pub const FRACTIONS: u16 = 16;
    /// The first year of the first block.
    pub const BLOCKS: u16 = 17;

    /// Line `g`'s row.
    #[must_use]
    pub fn row(&self, g: usize) -> u32 {
        Self::FIRST + small(g)
    }

    /// The last row of the lines' ranges (at least the first, so ranges stay valid).
    #[must_use]
    pub fn last(&self) -> u32 {
        self.row(self.lines.max(1) - 1)
    }

    /// Year `t`'s column in block `b`: 0 entered, 1 adjusted, 2 cash, 3 real terms.
    #[must_use]
    pub fn year(&self, block: usize, t: usize) -> u16 {
        Self::BLOCKS + narrow(block * self.years + t)
    }

    /// The whole column of block `b`, year `t`, over every line: `'Line flows'!$X$6:$X$99`.
    #[must_use]
    pub fn range(&self, block: usize, t: usize) -> String {
        let c = self.year(block, t);
        range_on(LINE_FLOWS, (Self::FIRST, c), (self.last(), c))
    }

    /// A key column over every line.
    #[must_use]
    pub fn key_range(&self, col: u16) -> String {
        range_on(LINE_FLOWS, (Self::FIRST, col), (self.last(), col))
    }
}

/// The Sharing sheet: shares by partner, key and year; then the lines grouped by option,
/// class (kind, or how investment is funded) and key.
#[derive(Debug, Clone)]
pub struct Sharing {
    /// Years.
    pub years: usize,
    /// Partners.
    pub partners: usize,
    /// Keys: equal shares, each partner, each basis.
    pub keys: usize,
    /// Options.
    pub options: usize,
    /// Classes: the kinds, the funding sources, then each repayment.
    pub classes: usize,
}

impl Sharing {
    /// The shares' header row.
    pub const HEADER: u32 = 3;
    /// The first year's column.
    pub const YEAR0: u16 = 3;

    /// The layout for `case`.
    #[must_use]
    pub fn new(case: &Case) -> Self {
        Self {
            years: usize::from(case.horizon).max(1),
            partners: case.partners.len(),
            keys: 1 + case.partners.len() + case.bases.len(),
            options: case.options.len(),
            classes: KINDS.len() + SOURCES.len() + repayments(case).len(),
        }
    }

    /// Partner `p`'s share under key `k` (0 equal, 1+q partner q, 1+P+b basis b).
    #[must_use]
    pub fn share_row(&self, p: usize, k: usize) -> u32 {
        Self::HEADER + 1 + small(p * self.keys + k)
    }

    /// The groups' header row.
    #[must_use]
    pub fn groups_header(&self) -> u32 {
        self.share_row(self.partners.max(1), 0) + 2
    }

    /// The group of option `n`, class `c`, key `k`.
    #[must_use]
    pub fn group_row(&self, n: usize, c: usize, k: usize) -> u32 {
        self.groups_header() + 1 + small((n * self.classes + c) * self.keys + k)
    }

    /// Year `t`'s column, cash (`real` false) or real terms.
    #[must_use]
    pub fn year(&self, t: usize, real: bool) -> u16 {
        Self::YEAR0 + narrow(t + if real { self.years } else { 0 })
    }

    /// `SUMPRODUCT` of partner `p`'s shares in year `t` and the groups of option `n`, class
    /// `c`: partner `p`'s part of the class in that year.
    #[must_use]
    pub fn part(&self, p: usize, n: usize, c: usize, t: usize, real: bool) -> String {
        let share_col = self.year(t, false);
        let col = self.year(t, real);
        let last = self.keys - 1;
        format!(
            "SUMPRODUCT({},{})",
            range_on(
                SHARING,
                (self.share_row(p, 0), share_col),
                (self.share_row(p, last), share_col)
            ),
            range_on(
                SHARING,
                (self.group_row(n, c, 0), col),
                (self.group_row(n, c, last), col)
            )
        )
    }
}

/// The rows of a block of figures on an option's sheet: all partners, a partner, or the
/// option against the baseline.
pub mod block {
    /// Kinds in cash, from the block's first row after its title.
    pub const CASH: u32 = 1;
    /// Kinds in real terms.
    pub const REAL: u32 = 6;
    /// The first of [`super::FORMULA_ROWS`].
    pub const FORMULAS: u32 = 11;
    /// Where the cumulative cash position first reaches zero.
    pub const CROSSING: u32 = 21;
    /// Where the cumulative present value first reaches zero.
    pub const CROSSING_PV: u32 = 22;
    /// The first measure.
    pub const MEASURES: u32 = 23;
    /// How many rows a block takes, with a blank row after.
    pub const HEIGHT: u32 = MEASURES + 10 + 2;
    const _: () = assert!(super::MEASURES.len() == 10);
}

/// The formula rows of a block, in order, with their labels.
pub const FORMULA_ROWS: [&str; 10] = [
    "Investment (one-off), cash",
    "All costs (incl. investment), cash",
    "Benefits (savings and income), cash",
    "Net, cash",
    "Cumulative position, cash",
    "Net, real terms",
    "Discount factor",
    "Present value",
    "Cumulative present value",
    "Costs shown below the line (for the chart)",
];

/// The measures of a block, in order.
pub const MEASURES: [&str; 10] = [
    "Net present value",
    "Internal rate of return (real terms)",
    "Payback (years from the start of the first year)",
    "Discounted payback (years)",
    "Benefit-cost ratio (present values)",
    "Return on investment (net cash over all costs)",
    "All costs, present value",
    "Benefits, present value",
    "All costs (incl. investment), cash",
    "Net, cash",
];

/// Index of each measure in [`MEASURES`].
pub mod measure {
    /// NPV.
    pub const NPV: usize = 0;
    /// IRR.
    pub const IRR: usize = 1;
    /// Payback.
    pub const PAYBACK: usize = 2;
    /// Discounted payback.
    pub const DISCOUNTED: usize = 3;
    /// BCR.
    pub const BCR: usize = 4;
    /// ROI.
    pub const ROI: usize = 5;
    /// Costs PV.
    pub const COSTS_PV: usize = 6;
    /// Benefits PV.
    pub const BENEFITS_PV: usize = 7;
    /// Costs, cash.
    pub const COSTS: usize = 8;
    /// Net, cash.
    pub const NET: usize = 9;
}

/// One option's sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionLayout {
    /// The sheet's name.
    pub sheet: String,
    /// Years.
    pub years: usize,
    /// Partners.
    pub partners: usize,
    /// Whether it has a block against the baseline.
    pub against: bool,
}

impl OptionLayout {
    /// The header row (financial years).
    pub const HEADER: u32 = 4;
    /// The row of year numbers t.
    pub const YEAR_NUMBER: u32 = 5;
    /// The first block's title row.
    pub const FIRST_BLOCK: u32 = 7;
    /// The first year's column (B).
    pub const FIRST_YEAR: u16 = 1;

    /// The layout of an option's sheet.
    #[must_use]
    pub fn new(sheet: &str, years: usize, partners: usize, against: bool) -> Self {
        Self {
            sheet: sheet.to_owned(),
            years,
            partners,
            against,
        }
    }

    /// Block `b`'s title row: 0 all partners, 1+p partner p, 1+P against the baseline.
    #[must_use]
    pub fn block(&self, b: usize) -> u32 {
        Self::FIRST_BLOCK + small(b) * block::HEIGHT
    }

    /// How many blocks.
    #[must_use]
    pub fn blocks(&self) -> usize {
        1 + self.partners + usize::from(self.against)
    }

    /// The against-the-baseline block's index.
    #[must_use]
    pub fn against_block(&self) -> usize {
        1 + self.partners
    }

    /// Formula row `k` of [`FORMULA_ROWS`] in block `b`.
    #[must_use]
    pub fn formula_row(&self, b: usize, k: usize) -> u32 {
        self.block(b) + block::FORMULAS + small(k)
    }

    /// Measure `m` of block `b`: its (row, column).
    #[must_use]
    pub fn measure(&self, b: usize, m: usize) -> (u32, u16) {
        (self.block(b) + block::MEASURES + small(m), Self::FIRST_YEAR)
    }

    /// The column of year `t`.
    #[must_use]
    pub fn year_column(&self, t: usize) -> u16 {
        Self::FIRST_YEAR + narrow(t)
    }

    /// The last year's column.
    #[must_use]
    pub fn last_year_column(&self) -> u16 {
        self.year_column(self.years.saturating_sub(1))
    }

    /// `'Sheet name'!$E$20`, for links from other sheets.
    #[must_use]
    pub fn absolute(&self, row: u32, col: u16) -> String {
        on(&self.sheet, row, col)
    }

    /// A row's years as a range on this sheet, from another sheet.
    #[must_use]
    pub fn row_range(&self, row: u32) -> String {
        range_on(
            &self.sheet,
            (row, self.year_column(0)),
            (row, self.last_year_column()),
        )
    }
}

/// The IRR search: a row per flow whose IRR is wanted.
pub mod irr {
    /// Rates at which each flow's NPV is worked out, from -99% to 1,000% as the engine
    /// searches; closer together near zero, where most IRRs fall.
    pub const GRID: [f64; 41] = [
        -0.99, -0.95, -0.9, -0.8, -0.7, -0.6, -0.5, -0.4, -0.3, -0.25, -0.2, -0.15, -0.1, -0.075,
        -0.05, -0.025, 0.0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6,
        0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.5, 8.0, 10.0,
    ];
    /// The header row (rates).
    pub const HEADER: u32 = 4;
    /// The first flow's row.
    pub const FIRST: u32 = 5;
    /// The first rate's column.
    pub const GRID0: u16 = 2;
    /// The first bracket's estimate.
    #[must_use]
    pub fn estimate(j: usize) -> u16 {
        GRID0 + 41 + super::narrow(j)
    }
    const _: () = assert!(GRID.len() == 41);
    /// Brackets: between neighbouring rates.
    pub const BRACKETS: usize = GRID.len() - 1;
    /// The first bracket's distance from zero.
    #[must_use]
    pub fn distance(j: usize) -> u16 {
        estimate(BRACKETS) + super::narrow(j)
    }
    /// The chosen bracket's number (1 for the first).
    #[must_use]
    pub fn choice() -> u16 {
        distance(BRACKETS)
    }
    /// The chosen bracket's lower rate, upper rate and NPV at the lower rate.
    #[must_use]
    pub fn start(w: u16) -> u16 {
        choice() + 1 + w
    }
    /// Halvings of the bracket: 0.1 wide at most, so 20 leave it under 1e-7.
    pub const STEPS: usize = 20;
    /// Halving `i`'s cell `w`: 0 the midpoint, 1 the NPV there, 2 the new lower rate, 3 the
    /// new upper rate.
    #[must_use]
    pub fn step(i: usize, w: u16) -> u16 {
        start(3) + 4 * super::narrow(i) + w
    }
    /// The guess's column: the midpoint of the last bracket.
    #[must_use]
    pub fn guess() -> u16 {
        step(STEPS, 0)
    }
    /// The IRR's column.
    #[must_use]
    pub fn result() -> u16 {
        guess() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_does() {
        assert_eq!(column(0), "A");
        assert_eq!(column(4), "E");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut case = crate::case::example::case();
        case.options[0].name = "A very long option name: with [brackets] and / slashes".into();
        case.options[1].name = case.options[0].name.clone();
        let names = sheet_names(&case);
        assert_eq!(names[0], "1 A very long option name  with");
        assert!(names.iter().all(|n| n.chars().count() <= 31));
        assert_ne!(names[0].to_lowercase(), names[1].to_lowercase());
        assert!(
            names
                .iter()
                .all(|n| !n.contains(['[', ']', ':', '*', '?', '/', '\\']))
        );
    }

    #[test]
    fn the_irr_search_columns_follow_one_another() {
        assert_eq!(irr::estimate(0), 2 + 41);
        assert_eq!(irr::distance(0), 2 + 41 + 40);
        assert_eq!(irr::distance(39), 2 + 41 + 79);
        assert_eq!(irr::choice(), 2 + 41 + 80);
        assert_eq!(irr::step(0, 0), irr::choice() + 4);
        assert_eq!(irr::guess(), irr::choice() + 4 + 80);
        assert_eq!(irr::result(), irr::guess() + 1);
    }
}
