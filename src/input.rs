//! Reading numbers as people type them: `3.5%`, `0.035`, `(1,000)`, `£40,000`.
//!
//! Shared by the command line and the app, so both accept the same text.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Reads an amount: digits with an optional sign and decimal point; `£` and thousands
/// commas are ignored, and brackets mean negative, as in accounts.
///
/// # Errors
/// A message saying what was not understood.
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    let (inner, negative) = match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (inner, true),
        None => (trimmed, false),
    };
    let cleaned: String = inner.chars().filter(|c| *c != '£' && *c != ',').collect();
    let signed_in_brackets = negative && cleaned.starts_with(['-', '+']);
    let valid_chars = !cleaned.is_empty()
        && !signed_in_brackets
        && cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+');
    let value = if valid_chars {
        Decimal::from_str_exact(&cleaned).ok()
    } else {
        None
    };
    match value {
        Some(v) if negative => Ok(-v),
        Some(v) => Ok(v),
        None => Err(format!(
            "'{text}' is not an amount: write digits with an optional decimal point, such as -40000 or 1250.50 (at most 28 significant digits)"
        )),
    }
}

/// Reads a rate as a fraction (`0.035`) or a percentage (`3.5%`); it must be above -100%.
///
/// # Errors
/// A message saying what was not understood or why the rate cannot be used.
pub fn parse_rate(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    let (number, percent) = match trimmed.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (trimmed, false),
    };
    let value = Decimal::from_str(number)
        .ok()
        .filter(|_| {
            number
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
        })
        .ok_or_else(|| format!("'{text}' is not a rate: write 0.035 or 3.5%"))?;
    let rate = if percent {
        value / Decimal::ONE_HUNDRED
    } else {
        value
    };
    if rate <= -Decimal::ONE {
        return Err(format!(
            "'{text}' is -100% or less; a discount rate must be above -100%"
        ));
    }
    Ok(rate)
}

/// Reads a percentage as typed in a form (`3.5` or `3.5%` both mean 3.5%) and returns the
/// fraction (0.035).
///
/// # Errors
/// A message saying what was not understood.
pub fn parse_percent(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim();
    let ok = !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+');
    Decimal::from_str_exact(number)
        .ok()
        .filter(|_| ok)
        .map(|v| v / Decimal::ONE_HUNDRED)
        .ok_or_else(|| format!("'{text}' is not a percentage: write a number such as 3.5"))
}

/// Reads a list of percentages (`60, 40` or `25%, 75%`) as fractions.
///
/// # Errors
/// A message naming the first entry that is not a percentage.
pub fn parse_percent_list(text: &str) -> Result<Vec<Decimal>, String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(parse_percent)
        .collect()
}
