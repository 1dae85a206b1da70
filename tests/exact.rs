//! Exact to the penny: halves of a penny made of twelfths, several IRRs close together, and
//! nothing reported past the horizon when nothing moves there. Every expected figure is
//! worked out by hand (or, for the IRRs, by an independent polynomial root finder).

use crate::common;

use common::{bare_case, by_year, d, ds, line, r};
use sharecase::case::{Case, LineKind, Sharing};
use sharecase::engine::flows::flows;
use sharecase::engine::{Irr, OptionResults, WarningCode, compute};

fn only(case: &Case) -> OptionResults {
    compute(case)
        .unwrap_or_else(|p| panic!("case should be valid: {p:?}"))
        .options
        .remove(0)
}

/// No inflation and a 0% discount rate: cash, real and present value are the amounts.
fn flat(horizon: u8) -> Case {
    let mut case = bare_case(horizon);
    case.inflation = d("0");
    case.discount_rate = d("0");
    case
}

fn saving(name: &str, amounts: &[&str], sharing: Sharing) -> sharecase::case::Line {
    let mut l = line(name, LineKind::Saving, by_year(amounts));
    l.sharing = sharing;
    l
}

#[test]
fn a_half_penny_of_twelfths_rounds_up() {
    // A 2-month delay leaves 10/12 of year 0's savings in year 0 and moves 2/12 to year 1:
    // 2/12 of (2,000 + 2,000 + 1,000.01) = 5,000.01 / 6 = 833.335 exactly, so £833.34;
    // 10/12 of it = 4,166.675 exactly, so £4,166.68.
    let mut case = flat(3);
    case.options[0].adjustments.benefit_delay_months = 2;
    for (name, amount) in [("A", "2000"), ("B", "2000"), ("C", "1000.01")] {
        case.options[0]
            .lines
            .push(saving(name, &[amount], Sharing::Equal));
    }
    let option = only(&case);
    let years = &option.figures.years;
    assert_eq!(r(years[1].benefits_cash, 2), d("833.34"));
    assert_eq!(r(years[1].net_real, 2), d("833.34"));
    assert_eq!(r(years[0].benefits_cash, 2), d("4166.68"));
    assert_eq!(r(option.by_category[0].cash[1], 2), d("833.34"));
}

#[test]
fn a_half_penny_npv_rounds_up_and_the_loss_is_exact() {
    // Savings of 400, 400 and 200.002 in the last of 3 years, delayed 2 months: 10/12 of
    // 1,000.002 = 833.335 stays, 2/12 = 166.667 moves past the horizon. At 0% the NPV is
    // 833.335, so £833.34.
    let mut case = flat(3);
    case.options[0].adjustments.benefit_delay_months = 2;
    for (name, amount) in [("A", "400"), ("B", "400"), ("C", "200.002")] {
        case.options[0]
            .lines
            .push(saving(name, &["0", "0", amount], Sharing::Equal));
    }
    let option = only(&case);
    assert_eq!(r(option.figures.measures.npv, 2), d("833.34"));
    let lost = option
        .figures
        .warnings
        .iter()
        .find(|w| w.code() == WarningCode::DelayedPastHorizon)
        .expect("2/12 of the last year moves past the horizon");
    // 2/12 of 1,000.002 = 166.667 exactly, shown in whole pounds: £167.
    let sharecase::engine::Warning::DelayedPastHorizon { lost: amount, .. } = lost else {
        panic!("{lost:?}");
    };
    assert_eq!(r(*amount, 3), d("166.667"));
    let years = ["2026/27", "2027/28", "2028/29"].map(str::to_owned);
    let message = sharecase::report::words::warning(lost, &years);
    assert!(message.contains("£167 "), "{message}");
}

#[test]
fn a_partners_half_penny_of_twelfths_rounds_up() {
    // Partner A gets all of 2,000 and 1,000.01 (its own lines) and a quarter of 8,000 (the
    // 1:3 basis): 5,000.01 in year 0, of which a 2-month delay moves 2/12 = 833.335 to
    // year 1. Partner B gets three quarters of 8,000: 2/12 of 6,000 = 1,000 in year 1.
    let mut case = flat(3);
    case.options[0].adjustments.benefit_delay_months = 2;
    case.options[0]
        .lines
        .push(saving("Own", &["2000"], Sharing::Partner("A".into())));
    case.options[0].lines.push(saving(
        "Own too",
        &["1000.01"],
        Sharing::Partner("A".into()),
    ));
    case.options[0].lines.push(saving(
        "Shared",
        &["8000"],
        Sharing::Basis("Population".into()),
    ));
    let option = only(&case);
    let a = &option.partners[0].figures.years;
    let b = &option.partners[1].figures.years;
    assert_eq!(r(a[1].benefits_cash, 2), d("833.34"));
    assert_eq!(r(b[1].benefits_cash, 2), d("1000"));
    // The partners add up to the option exactly.
    assert_eq!(
        a[1].benefits_cash + b[1].benefits_cash,
        option.figures.years[1].benefits_cash
    );
}

#[test]
fn three_irrs_inside_one_scan_step_are_all_found() {
    // numpy.roots on the polynomial sum f_t y^(n-t), y = 1 + r, gives rates of 3.3534527108%,
    // 3.7007896292% and 4.0224577189% in range (and -1637% outside it).
    let values = ds(&[
        "-618728.58",
        "-8129619.02",
        "20000000",
        "-18029629.61",
        "13114976.12",
        "-812138.48",
        "-1699461.55",
        "-14859470.81",
        "11037083.43",
    ]);
    let result = flows(&values, d("0.035")).expect("computes");
    match result.irr {
        Irr::Rate { rate, solutions } => {
            assert_eq!(r(rate * d("100"), 6), d("3.353453"));
            assert_eq!(solutions, 3);
        }
        other => panic!("expected a rate, got {other:?}"),
    }
}

#[test]
fn a_delay_that_moves_nothing_past_the_horizon_gives_no_warning() {
    // Money only in years 0 and 1 of 4, delayed 4 months: all of it lands by year 2.
    for amounts in [
        ["123456789.01", "987654321.99"],
        ["0.01", "1000000000000"],
        ["333333333333.33", "0.07"],
    ] {
        let mut case = flat(4);
        case.options[0].adjustments.benefit_delay_months = 4;
        case.options[0].adjustments.benefit_shortfall = d("0.3");
        case.options[0]
            .lines
            .push(saving("S", &amounts, Sharing::Equal));
        case.options[0]
            .lines
            .push(saving("T", &["7", "1000.01", "0.03"], Sharing::Equal));
        let option = only(&case);
        assert!(
            !option
                .figures
                .warnings
                .iter()
                .any(|w| w.code() == WarningCode::DelayedPastHorizon),
            "{amounts:?}: {:?}",
            option.figures.warnings
        );
    }
}
