//! How figures are written for people: `£1,234,567`, `(£1,234)`, `£1.2m`, `3 years 7 months`.
//!
//! Pure functions shared by every view, so the app, the CLI and the exports agree to the
//! character. Rounding happens here and only here: half away from zero, as a spreadsheet's
//! ROUND does.

use rust_decimal::{Decimal, RoundingStrategy};

/// The scale money is shown at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoneyStyle {
    /// Whole pounds: `£1,234,567`.
    #[default]
    Pounds,
    /// Pounds and pence: `£1,234,567.89`.
    Pence,
    /// Thousands: `£1,235k`.
    Thousands,
    /// Millions to one place: `£1.2m`.
    Millions,
    /// For charts and slides: `£1.2m` from a million, `£350k` from a thousand, else pounds.
    Compact,
}

impl MoneyStyle {
    /// The style for chart axes and cards: whole pounds there become compact (`£1.2m`).
    #[must_use]
    pub fn for_axis(self) -> Self {
        if self == Self::Pounds {
            Self::Compact
        } else {
            self
        }
    }
}

/// Rounds to `places` decimal places, half away from zero.
#[must_use]
pub fn round(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds money to the penny, half away from zero.
#[must_use]
pub fn penny(value: Decimal) -> Decimal {
    round(value, 2)
}

/// Groups the digits of a non-negative whole number in threes: `1234567` -> `1,234,567`.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Money in a column headed `£000`: thousands of pounds, rounded, grouped, negatives in
/// brackets, a dash where it rounds to nothing: `1,235`, `(56)`, `-`.
#[must_use]
pub fn in_thousands(value: Decimal) -> String {
    let k = round(value / Decimal::ONE_THOUSAND, 0);
    if k.is_zero() {
        "-".into()
    } else if k.is_sign_negative() {
        format!("({})", grouped(k, 0))
    } else {
        grouped(k, 0)
    }
}

/// A non-negative amount to `places` decimals with grouped thousands.
pub fn grouped(value: Decimal, places: u32) -> String {
    let text = format!("{:.*}", places as usize, round(value.abs(), places));
    match text.split_once('.') {
        Some((whole, fraction)) => format!("{}.{fraction}", group(whole)),
        None => group(&text),
    }
}

/// Money as a finance officer writes it: `£1,234,567`, negatives in brackets `(£1,234)`.
#[must_use]
pub fn money(value: Decimal, style: MoneyStyle) -> String {
    let (body, rounded_zero) = match style {
        MoneyStyle::Pounds => (format!("£{}", grouped(value, 0)), round(value, 0).is_zero()),
        MoneyStyle::Pence => (format!("£{}", grouped(value, 2)), penny(value).is_zero()),
        MoneyStyle::Thousands => {
            let k = value / Decimal::ONE_THOUSAND;
            (format!("£{}k", grouped(k, 0)), round(k, 0).is_zero())
        }
        MoneyStyle::Millions => {
            let m = value / Decimal::from(1_000_000);
            (format!("£{}m", grouped(m, 1)), round(m, 1).is_zero())
        }
        MoneyStyle::Compact => {
            let style = if value.abs() >= Decimal::from(999_500) {
                MoneyStyle::Millions
            } else if value.abs() >= Decimal::from(1_000) {
                MoneyStyle::Thousands
            } else {
                MoneyStyle::Pounds
            };
            return money(value, style);
        }
    };
    if value.is_sign_negative() && !rounded_zero {
        format!("({body})")
    } else {
        body
    }
}

/// Money for a table cell: a dash where it rounds to nothing, as accounts show it.
#[must_use]
pub fn money_cell(value: Decimal, style: MoneyStyle) -> String {
    let text = money(value, style);
    if text
        .trim_start_matches(['(', '£'])
        .trim_end_matches([')', 'k', 'm'])
        .chars()
        .all(|c| c == '0' || c == '.' || c == ',')
    {
        "-".to_owned()
    } else {
        text
    }
}

/// A rate as a percentage to `places` decimals: `0.035` -> `3.50%`, negatives with a minus.
#[must_use]
pub fn percent(rate: Decimal, places: u32) -> String {
    match rate.checked_mul(Decimal::ONE_HUNDRED) {
        Some(hundredths) => format!("{:.*}%", places as usize, round(hundredths, places)),
        None => beyond_percent(rate),
    }
}

/// A rate too large to show as a percentage: said in words, never a wrong figure.
fn beyond_percent(rate: Decimal) -> String {
    if rate.is_sign_negative() {
        "below -10^28%".to_owned()
    } else {
        "above 10^28%".to_owned()
    }
}

/// A rate as a short percentage with no trailing zeros: `0.035` -> `3.5%`.
#[must_use]
pub fn percent_short(rate: Decimal) -> String {
    match rate.checked_mul(Decimal::ONE_HUNDRED) {
        Some(hundredths) => format!("{}%", hundredths.normalize()),
        None => beyond_percent(rate),
    }
}

/// Whole months as `3 years 7 months`, `1 year`, `5 months`, `0 months`.
#[must_use]
pub fn years_months(total_months: u32) -> String {
    let (years, months) = (total_months / 12, total_months % 12);
    let plural = |n: u32, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match (years, months) {
        (0, m) => plural(m, "month"),
        (y, 0) => plural(y, "year"),
        (y, m) => format!("{} {}", plural(y, "year"), plural(m, "month")),
    }
}

/// A plain number to `places` decimals, for factors and ratios: `0.9662`.
#[must_use]
pub fn number(value: Decimal, places: u32) -> String {
    format!("{:.*}", places as usize, round(value, places))
}

/// Rounds `parts` to the penny so that they add up to `total` rounded to the penny, by
/// largest remainder: the odd pennies go to the parts that rounding moved furthest, ties to
/// the largest part (the first of equals), as the conventions ask of partners. Every part
/// stays within a penny of its exact value, so a positive share never shows as negative.
#[must_use]
pub fn apportion(total: Decimal, parts: &[Decimal]) -> Vec<Decimal> {
    let mut rounded: Vec<Decimal> = parts.iter().map(|p| penny(*p)).collect();
    if parts.is_empty() {
        return rounded;
    }
    let one = Decimal::new(1, 2);
    let mut missing = penny(total) - rounded.iter().sum::<Decimal>();
    // Order: most in need of the correction first, then the largest part, then the first.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    let up = missing > Decimal::ZERO;
    order.sort_by(|&a, &b| {
        let (ra, rb) = (parts[a] - rounded[a], parts[b] - rounded[b]);
        let by_need = if up { rb.cmp(&ra) } else { ra.cmp(&rb) };
        by_need
            .then(parts[b].abs().cmp(&parts[a].abs()))
            .then(a.cmp(&b))
    });
    let step = if up { one } else { -one };
    let mut k = 0;
    while !missing.is_zero() && missing.abs() >= one {
        rounded[order[k % order.len()]] += step;
        missing -= step;
        k += 1;
    }
    rounded
}

/// A file's size for people: "812 bytes", "46 kB", "1.4 MB" (decimal units, as file managers
/// show them), so the export summary reads the same as the folder it points to.
#[must_use]
pub fn file_size(bytes: usize) -> String {
    const KB: usize = 1000;
    const MB: usize = 1000 * KB;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB - KB / 2 {
        format!("{} kB", (bytes + KB / 2) / KB)
    } else {
        let tenths = (bytes + MB / 20) / (MB / 10);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
