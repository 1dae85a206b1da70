//! Every worked example of `shared/finance-conventions.md`, as a test.

use crate::common;

use common::{d, ds, r};
use sharecase::engine::discount::discount_factors;
use sharecase::engine::flows::flows;
use sharecase::engine::payback::months;
use sharecase::engine::{Irr, Payback};

fn npv(values: &[&str], rate: &str) -> rust_decimal::Decimal {
    r(flows(&ds(values), d(rate)).expect("computes").npv, 2)
}

fn irr(values: &[&str]) -> Irr {
    flows(&ds(values), d("0.035")).expect("computes").irr
}

fn irr_percent(values: &[&str], places: u32) -> rust_decimal::Decimal {
    r(irr(values).rate().expect("has an IRR") * d("100"), places)
}

#[test]
fn discount_factors_at_three_and_a_half_percent() {
    let expected = ds(&[
        "1.0000", "0.9662", "0.9335", "0.9019", "0.8714", "0.8420", "0.8135", "0.7860", "0.7594",
        "0.7337", "0.7089",
    ]);
    let factors: Vec<_> = discount_factors(d("0.035"), 11)
        .into_iter()
        .map(|f| r(f, 4))
        .collect();
    assert_eq!(factors, expected);
}

#[test]
fn npv_numpy_financial_example() {
    assert_eq!(
        npv(&["-40000", "5000", "8000", "12000", "30000"], "0.08"),
        d("3065.22")
    );
}

#[test]
fn npv_spreadsheet_example_shifted_one_year() {
    assert_eq!(
        npv(&["0", "-10000", "3000", "4200", "6800"], "0.10"),
        d("1188.44")
    );
}

#[test]
fn npv_second_spreadsheet_example() {
    assert_eq!(
        npv(
            &["-40000", "8000", "9200", "10000", "12000", "14500"],
            "0.08"
        ),
        d("1922.06")
    );
}

#[test]
fn npv_and_irr_at_five_percent() {
    assert_eq!(
        npv(&["-15000", "1500", "2500", "3500", "4500", "6000"], "0.05"),
        d("122.89")
    );
    assert_eq!(
        irr_percent(&["-150000", "15000", "25000", "35000", "45000", "60000"], 2),
        d("5.24")
    );
}

#[test]
fn irr_examples() {
    assert_eq!(
        irr_percent(&["-70000", "12000", "15000", "18000", "21000", "26000"], 2),
        d("8.66")
    );
    assert_eq!(
        irr_percent(&["-70000", "12000", "15000", "18000", "21000"], 2),
        d("-2.12")
    );
    assert_eq!(
        irr_percent(&["-100", "39", "59", "55", "20"], 3),
        d("28.095")
    );
}

#[test]
fn irr_is_precise_to_one_in_a_million() {
    // At the IRR the NPV is zero: check it in exact decimals at the reported rate.
    let values = ds(&["-70000", "12000", "15000", "18000", "21000", "26000"]);
    let rate = flows(&values, d("0"))
        .expect("computes")
        .irr
        .rate()
        .expect("rate");
    let at = |rate| flows(&values, rate).expect("computes").npv;
    let step = d("0.000001");
    assert!(at(rate - step) > d("0") && at(rate + step) < d("0"));
}

#[test]
fn irr_with_two_solutions_takes_the_one_nearest_zero_and_says_so() {
    match irr(&["-100", "100", "0", "-7"]) {
        Irr::Rate { rate, solutions } => {
            assert_eq!(r(rate * d("100"), 2), d("-8.33"));
            assert_eq!(solutions, 2);
        }
        other => panic!("expected a rate, got {other:?}"),
    }
}

#[test]
fn full_worked_example_at_three_and_a_half_percent() {
    let result = flows(&ds(&["-1000", "300", "400", "500", "200"]), d("0.035")).expect("computes");
    assert_eq!(r(result.npv, 2), d("288.52"));
    assert_eq!(
        r(result.irr.rate().expect("rate") * d("100"), 2),
        d("15.32")
    );
    let payback = result.payback.years().expect("pays back");
    assert_eq!(payback, d("3.6"));
    assert_eq!(months(payback), 43, "3 years 7 months");
    assert_eq!(
        sharecase::format::years_months(months(payback)),
        "3 years 7 months"
    );
    assert_eq!(result.payback.year_index(), Some(3));
    let discounted = result.discounted_payback.years().expect("pays back");
    assert_eq!(r(discounted, 4), d("3.7467"));
}

#[test]
fn never_negative_pays_back_at_once_and_has_no_irr() {
    let result = flows(&ds(&["100", "200", "300"]), d("0.035")).expect("computes");
    assert_eq!(result.payback, Payback::Immediate);
    assert_eq!(result.payback.years(), Some(d("0")));
    assert!(matches!(result.irr, Irr::None(_)));
}

#[test]
fn never_positive_has_no_payback_and_no_irr() {
    let result = flows(&ds(&["-100", "-200", "-300"]), d("0.035")).expect("computes");
    assert_eq!(
        result.payback,
        Payback::NotWithinHorizon {
            shortfall: d("600")
        }
    );
    assert_eq!(result.payback.years(), None);
    assert!(matches!(result.irr, Irr::None(_)));
}

#[test]
fn irr_finds_a_double_root_once() {
    // NPV = -100 (1 - x)^2 touches zero at 0% without crossing.
    match irr(&["-100", "200", "-100"]) {
        Irr::Rate { rate, solutions } => {
            assert!(rate.abs() < d("0.000001"), "{rate}");
            assert_eq!(solutions, 1);
        }
        other => panic!("expected 0%, got {other:?}"),
    }
}

#[test]
fn irr_separates_two_roots_closer_than_the_scan() {
    // Roots at 5% and 5.2%: NPV = 1e6 (x - 1/1.05)(x - 1/1.052) in x = 1/(1 + r).
    match irr(&["905305.0878145935", "-1902951.2945862755", "1000000"]) {
        Irr::Rate { rate, solutions } => {
            assert_eq!(r(rate, 6), d("0.05"));
            assert_eq!(solutions, 2);
        }
        other => panic!("expected 5%, got {other:?}"),
    }
}
