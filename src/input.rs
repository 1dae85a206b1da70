//! Reading numbers as people type them: `3.5%`, `0.035`, `(1,000)`, `£40,000`.
//!
//! Shared by the command line and the app, so both accept the same text.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Reads an amount: digits with an optional sign and decimal point; a `£` sign is ignored,
/// and brackets mean negative, as in accounts. Thousands may be grouped with commas or
/// spaces (`1,234,567.50`, `1 234 567`), but only in groups of three before the point, so
/// that every amount read has one meaning: `1,23` and `1.234,56` are refused as ambiguous
/// rather than read as 123 or 1.23456.
///
/// # Errors
/// A message saying what was not understood.
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    let not_amount = || {
        format!(
            "'{}' is not an amount: write digits, with thousands in groups of three if you like and an optional decimal point, such as 40000, 40,000 or 1250.50",
            text.trim()
        )
    };
    let trimmed = text.trim();
    let (inner, negative) = match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (inner.trim(), true),
        None => (trimmed, false),
    };
    let (sign, rest) = match inner.strip_prefix(['-', '+']) {
        Some(rest) => (&inner[..1], rest.trim_start()),
        None => ("", inner),
    };
    let rest = rest.strip_prefix('£').unwrap_or(rest).trim_start();
    if !sign.is_empty() && (negative || rest.starts_with(['-', '+'])) {
        return Err(not_amount());
    }
    let digits = ungroup(rest).map_err(|why| format!("'{}' {why}", text.trim()))?;
    let cleaned = format!("{sign}{digits}");
    let valid_chars = !digits.is_empty()
        && cleaned
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    let value = if valid_chars {
        Decimal::from_str_exact(&cleaned).ok()
    } else {
        None
    };
    match value {
        Some(v) if negative => Ok(-v),
        Some(v) => Ok(v),
        None => Err(not_amount()),
    }
}

/// Digits with their thousands separators (commas, or spaces) taken out, when the grouping
/// is unambiguous: one kind of separator, between groups of exactly three digits, all
/// before the decimal point.
fn ungroup(text: &str) -> Result<String, &'static str> {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let has_comma = text.contains(',');
    let has_space = text.contains(SPACES);
    if !has_comma && !has_space {
        return Ok(text.to_owned());
    }
    if has_comma && has_space {
        return Err("mixes commas and spaces: group thousands one way, as in 1,234,567.50");
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    if fraction.is_some_and(|f| f.contains(',') || f.contains(SPACES)) {
        return Err(
            "is ambiguous: a comma or space after the decimal point (as in 1.234,56) is not read; write 1234.56",
        );
    }
    let groups: Vec<&str> = if has_comma {
        whole.split(',').collect()
    } else {
        whole.split(SPACES).collect()
    };
    let first_ok = groups
        .first()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()));
    let rest_ok = groups[1..]
        .iter()
        .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !(first_ok && rest_ok) {
        return Err(
            "is ambiguous: separators must group thousands in threes (1,234,567.50); write the amount with a decimal point only, such as 1.23 or 123",
        );
    }
    let mut out = groups.concat();
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    Ok(out)
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
