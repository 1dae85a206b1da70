//! How figures are written: pounds, brackets, £k and £m, years and months.

use rust_decimal::Decimal;
use sharecase::format::{MoneyStyle, apportion, file_size, money, percent, years_months};
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

#[test]
fn money_in_every_style() {
    assert_eq!(money(d("1234567.5"), MoneyStyle::Pounds), "£1,234,568");
    assert_eq!(money(d("-1234.4"), MoneyStyle::Pounds), "(£1,234)");
    assert_eq!(money(d("-0.4"), MoneyStyle::Pounds), "£0");
    assert_eq!(money(d("1234567.891"), MoneyStyle::Pence), "£1,234,567.89");
    assert_eq!(money(d("-0.005"), MoneyStyle::Pence), "(£0.01)");
    assert_eq!(money(d("1234567"), MoneyStyle::Thousands), "£1,235k");
    assert_eq!(money(d("1234567"), MoneyStyle::Millions), "£1.2m");
    assert_eq!(money(d("1250000"), MoneyStyle::Compact), "£1.3m");
    assert_eq!(money(d("350000"), MoneyStyle::Compact), "£350k");
    assert_eq!(money(d("-350000"), MoneyStyle::Compact), "(£350k)");
    assert_eq!(money(d("999"), MoneyStyle::Compact), "£999");
    assert_eq!(money(d("100"), MoneyStyle::Pounds), "£100");
}

#[test]
fn rounding_is_half_away_from_zero_like_a_spreadsheet() {
    assert_eq!(money(d("2.5"), MoneyStyle::Pounds), "£3");
    assert_eq!(money(d("-2.5"), MoneyStyle::Pounds), "(£3)");
    assert_eq!(money(d("0.125"), MoneyStyle::Pence), "£0.13");
    assert_eq!(percent(d("0.15322"), 2), "15.32%");
    assert_eq!(percent(d("-0.08333"), 2), "-8.33%");
}

#[test]
fn years_and_months() {
    assert_eq!(years_months(43), "3 years 7 months");
    assert_eq!(years_months(12), "1 year");
    assert_eq!(years_months(13), "1 year 1 month");
    assert_eq!(years_months(5), "5 months");
    assert_eq!(years_months(0), "0 months");
}

#[test]
fn apportion_adds_up_and_keeps_each_part_within_a_penny() {
    let parts = [d("33.33333334"), d("33.33333333"), d("33.33333333")];
    assert_eq!(
        apportion(d("100"), &parts),
        [d("33.34"), d("33.33"), d("33.33")]
    );
    let parts = vec![d("0.006"); 50];
    let shown = apportion(d("0.3"), &parts);
    assert_eq!(shown.iter().sum::<Decimal>(), d("0.30"));
    assert!(shown.iter().all(|p| *p == d("0") || *p == d("0.01")));
    let mixed = [d("-10.005"), d("20.005"), d("0.004")];
    let shown = apportion(d("10.004"), &mixed);
    assert_eq!(shown.iter().sum::<Decimal>(), d("10.00"));
}

#[test]
fn file_sizes_in_decimal_units_as_a_file_manager_shows_them() {
    assert_eq!(file_size(0), "0 bytes");
    assert_eq!(file_size(999), "999 bytes");
    assert_eq!(file_size(1000), "1 kB");
    assert_eq!(file_size(1499), "1 kB");
    assert_eq!(file_size(1500), "2 kB");
    assert_eq!(file_size(216_630), "217 kB");
    assert_eq!(file_size(999_499), "999 kB");
    assert_eq!(file_size(999_500), "1.0 MB");
    assert_eq!(file_size(1_449_999), "1.4 MB");
    assert_eq!(file_size(1_450_000), "1.5 MB");
    assert_eq!(file_size(12_345_678), "12.3 MB");
}

#[test]
fn thousands_columns_are_rounded_and_bracketed() {
    use sharecase::format::in_thousands;
    assert_eq!(in_thousands(Decimal::from(1_234_567)), "1,235");
    assert_eq!(in_thousands(Decimal::from(-56_400)), "(56)");
    assert_eq!(in_thousands(Decimal::from(499)), "-");
    assert_eq!(in_thousands(Decimal::from(500)), "1");
    assert_eq!(in_thousands(Decimal::new(-5005, 1)), "(1)");
    assert_eq!(in_thousands(Decimal::from(-499)), "-");
}
