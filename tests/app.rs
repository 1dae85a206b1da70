//! The desktop app's behaviour, driven through the AccessKit tree as a user (or a screen
//! reader) would: click, type, and read what is shown.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rust_decimal::Decimal;
use sharecase::app::{Document, SharecaseApp, Tab};
use sharecase::case::{Amounts, Case, Line, LineKind};
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

/// One option: £1,000 invested in year 0, £600 saved in years 1 and 2, no inflation, 3.5%.
/// NPV = 600/1.035 + 600/1.035^2 - 1000 = £139.82.
fn small_case() -> Case {
    let mut case = Case::blank(2026);
    case.title = "Small case".into();
    case.horizon = 3;
    case.inflation = Decimal::ZERO;
    case.options[0].name = "Shared service".into();
    let mut build = Line::new_saving("System");
    build.kind = LineKind::CapitalInvestment;
    build.amounts = Amounts::ByYear(vec![d("1000")]);
    let mut saving = Line::new_saving("Staff saving");
    saving.amounts = Amounts::ByYear(vec![d("0"), d("600"), d("600")]);
    case.options[0].lines = vec![build, saving];
    case
}

fn harness(case: Case) -> (Harness<'static, SharecaseApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = SharecaseApp::new(Document::unsaved(case), Some(dir.path().to_owned()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(sharecase::app::install_theme)
        .build_ui_state(|ui, app: &mut SharecaseApp| app.frame(ui), app);
    harness.run_ok();
    (harness, dir)
}

fn settle(harness: &mut Harness<'static, SharecaseApp>) {
    harness.run_ok();
    // The tornado and switching values are worked out off the UI thread: wait for them.
    for _ in 0..1000 {
        if harness
            .query_by_label_contains("Working out the tornado")
            .is_none()
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.run_ok();
    }
}

/// The input widget (not its visible label) named `label`.
fn input<'h>(
    harness: &'h Harness<'static, SharecaseApp>,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    harness
        .get_all_by_label(label)
        .find(|node| node.accesskit_node().role() != Role::Label)
        .unwrap_or_else(|| panic!("no input named {label}"))
}

fn replace_text(harness: &mut Harness<'static, SharecaseApp>, label: &str, text: &str) {
    input(harness, label).focus();
    settle(harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    input(harness, label).type_text(text);
    settle(harness);
}

fn leave_field(harness: &mut Harness<'static, SharecaseApp>) {
    harness.key_press(egui::Key::Enter);
    settle(harness);
}

#[test]
fn the_example_opens_with_its_figures() {
    let (harness, _dir) = harness(sharecase::case::example::case());
    assert!(harness.query_by_label("1. Do minimum").is_some());
    assert!(harness.query_by_label("2. Full shared service").is_some());
    // The do-minimum is selected first: its NPV card, as the engine gives it, rounded.
    assert!(harness.query_by_label("(£1.0m)").is_some());
    assert_eq!(harness.state().computations(), 1);
}

#[test]
fn changing_an_amount_changes_the_npv_and_undo_restores_it() {
    let (mut harness, _dir) = harness(small_case());
    assert!(
        harness.query_by_label("£140").is_some(),
        "NPV of £139.82 shown as £140"
    );
    harness.state_mut().view.tab = Tab::Lines;
    settle(&mut harness);
    replace_text(&mut harness, "Line 2 2027/28", "900");
    leave_field(&mut harness);
    // 900/1.035 + 600/1.035^2 - 1000 = 429.67
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("900"), d("600")])
    );
    assert!(
        harness.query_by_label("£430").is_some(),
        "NPV follows the edit"
    );
    assert!(harness.query_by_label("£140").is_none());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert!(
        harness.query_by_label("£140").is_some(),
        "undo restores the NPV"
    );
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("600"), d("600")])
    );
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut harness);
    assert!(
        harness.query_by_label("£430").is_some(),
        "redo brings the edit back"
    );
}

#[test]
fn add_duplicate_and_delete_options_with_undo() {
    let (mut harness, _dir) = harness(small_case());
    harness.get_by_label("Add").click();
    settle(&mut harness);
    assert!(harness.query_by_label("2. Option 1").is_some());
    harness.get_by_label("Duplicate").click();
    settle(&mut harness);
    assert!(harness.query_by_label("3. Option 1 (copy)").is_some());
    assert_eq!(harness.state().doc.case.options.len(), 3);
    harness.get_by_label("Delete").click();
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.options.len(), 2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.options.len(),
        3,
        "undo brings the option back"
    );
    // The copy of the first option keeps its lines.
    harness.state_mut().view.option = 0;
    settle(&mut harness);
    harness.get_by_label("Duplicate").click();
    settle(&mut harness);
    let case = &harness.state().doc.case;
    assert_eq!(case.options[1].name, "Shared service (copy)");
    assert_eq!(case.options[1].lines, case.options[0].lines);
}

#[test]
fn moving_the_horizon_recomputes_every_year() {
    let (mut harness, _dir) = harness(small_case());
    replace_text(&mut harness, "Horizon", "5");
    leave_field(&mut harness);
    assert_eq!(harness.state().doc.case.horizon, 5);
    let results = harness.state().analysis.results().expect("valid");
    assert_eq!(results.years.last().map(String::as_str), Some("2030/31"));
    harness.state_mut().view.tab = Tab::Yearly;
    settle(&mut harness);
    assert!(harness.query_by_label("2030/31").is_some());
}

#[test]
fn a_what_if_slider_moves_the_figures() {
    let (mut harness, _dir) = harness(small_case());
    input(&harness, "Cost uplift").set_value_accesskit(20.0);
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.options[0].adjustments.cost_uplift,
        d("0.2")
    );
    // 1139.82 - 1000 x 1.2 = -60.18
    assert!(harness.query_by_label("(£60)").is_some());
    input(&harness, "Benefit delay").set_value_accesskit(12.0);
    settle(&mut harness);
    let m = &harness.state().analysis.results().expect("valid").options[0]
        .figures
        .measures;
    assert_eq!(
        sharecase::format::penny(m.totals.benefits_cash),
        d("600.00"),
        "a year's delay loses the last year"
    );
}

#[test]
fn nonsense_is_kept_and_explained_and_the_model_is_untouched() {
    let (mut harness, _dir) = harness(small_case());
    replace_text(&mut harness, "Discount rate", "abc");
    leave_field(&mut harness);
    assert!(
        harness
            .query_by_label_contains("'abc' is not a percentage")
            .is_some()
    );
    assert_eq!(harness.state().doc.case.discount_rate, d("0.035"));
    // A rate the validator refuses is shown next to the field, in words.
    replace_text(&mut harness, "Discount rate", "250");
    leave_field(&mut harness);
    assert_eq!(harness.state().doc.case.discount_rate, d("2.5"));
    assert!(
        harness
            .query_all_by_label_contains("outside the accepted range for a discount rate")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("1 problem to put right before figures can be shown")
            .is_some()
    );
}

#[test]
fn presentation_view_opens_with_f5_and_esc_returns() {
    let (mut harness, _dir) = harness(small_case());
    harness.key_press(egui::Key::F5);
    settle(&mut harness);
    assert!(harness.state().view.presentation);
    assert!(harness.query_by_label("Back (Esc)").is_some());
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().view.presentation);
}

#[test]
fn an_idle_frame_does_not_recompute() {
    let (mut harness, _dir) = harness(small_case());
    let before = harness.state().computations();
    harness.run_steps(5);
    assert_eq!(harness.state().computations(), before);
}

#[test]
fn unsaved_changes_are_marked_and_new_asks_first() {
    let (mut harness, _dir) = harness(small_case());
    assert!(!harness.state().doc.is_dirty());
    input(&harness, "Cost uplift").set_value_accesskit(10.0);
    settle(&mut harness);
    assert!(harness.state().doc.is_dirty());
    assert!(harness.state().doc.window_title().contains(" *"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut harness);
    assert!(harness.query_by_label("Save changes first?").is_some());
    harness.get_by_label("Cancel").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.title,
        "Small case",
        "cancel keeps the work"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut harness);
    harness.get_by_label("Discard changes").click();
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.title, "Untitled business case");
}

#[test]
fn looking_at_every_tab_changes_nothing() {
    let (mut harness, _dir) = harness(sharecase::case::example::case());
    for option in 0..2 {
        harness.state_mut().view.option = option;
        for tab in Tab::ALL {
            harness.state_mut().view.tab = tab;
            settle(&mut harness);
        }
    }
    assert!(
        !harness.state().doc.is_dirty(),
        "showing a case must not edit it"
    );
    assert_eq!(harness.state().doc.case, sharecase::case::example::case());
}

/// The finished Monte Carlo run of the case as it stands, waiting for it up to a few seconds.
fn wait_for_trials(
    harness: &mut Harness<'static, SharecaseApp>,
) -> Option<sharecase::engine::risk::RiskResults> {
    for _ in 0..1000 {
        harness.step();
        let app = harness.state();
        if let Some(results) = app.risk.results(app.analysis.revision()) {
            return Some(results.clone());
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    None
}

/// A range of nothing on the first line: Monte Carlo has something to draw, and every trial
/// still equals the case as entered.
fn with_a_range(mut case: Case) -> Case {
    case.options[0].lines[0].range = Some(sharecase::case::Range {
        low: d("0"),
        most_likely: d("0"),
        high: d("0"),
        unit: sharecase::case::RangeUnit::Percent,
        distribution: sharecase::case::Distribution::Triangular,
    });
    case
}

#[test]
fn the_sensitivity_view_runs_the_trials_in_the_background_and_shows_the_headline() {
    let mut case = with_a_range(small_case());
    case.risk.trials = 500;
    let (mut harness, _dir) = harness(case);
    harness.state_mut().view.tab = Tab::Sensitivity;
    let first = wait_for_trials(&mut harness).expect("the run finished");
    settle(&mut harness);
    // The range is of nothing, so every trial pays back as the exact case does.
    assert!(
        harness
            .query_by_label_contains("pays back within 3 years in 100% of trials")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Switching values: the change that brings NPV to zero")
            .is_some()
    );
    // Changing the case starts a fresh run, whose figures follow the change.
    let before = first.options[0][0].npv.p50;
    input(&harness, "Cost uplift").set_value_accesskit(30.0);
    settle(&mut harness);
    let after = wait_for_trials(&mut harness).expect("a fresh run for the changed case");
    let after = after.options[0][0].npv.p50;
    // 30% more on the £1,000 invested: £300 off the NPV.
    assert!(
        (before - after - 300.0).abs() < 0.01,
        "{before} then {after}"
    );
}

#[test]
fn with_no_ranges_the_trials_say_so_rather_than_claim_a_certainty() {
    let (mut harness, _dir) = harness(small_case());
    harness.state_mut().view.tab = Tab::Sensitivity;
    settle(&mut harness);
    assert!(
        harness
            .query_all_by_label_contains(
                "has no ranges entered, so every trial equals the central case"
            )
            .next()
            .is_some()
    );
    assert!(harness.query_by_label_contains("of trials").is_none());
}

/// True when the tornado's heading says it is drawn around `npv` (as the headline shows it).
fn tornado_around(harness: &Harness<'static, SharecaseApp>, npv: &str) -> bool {
    harness
        .query_by_label_contains(&format!(
            "at its low and high end (widest ten), around an NPV of {npv}"
        ))
        .is_some()
}

#[test]
fn the_tornado_and_switching_values_follow_the_slider_and_the_horizon() {
    let (mut harness, _dir) = harness(small_case());
    harness.state_mut().view.tab = Tab::Sensitivity;
    settle(&mut harness);
    // NPV 139.82: the system's switching value is +139.82 / 1,000 = +14.0%.
    assert!(tornado_around(&harness, "£140"));
    assert!(harness.query_by_label("+14.0%").is_some());

    // 20% on costs: NPV = 1,139.82 - 1,200 = -60.18, and the system switches at
    // 60.18 / 1,200 = -5.0% of its uplifted amount.
    input(&harness, "Cost uplift").set_value_accesskit(20.0);
    settle(&mut harness);
    assert!(
        harness.query_by_label("(£60)").is_some(),
        "the headline card"
    );
    assert!(tornado_around(&harness, "(£60)"));
    assert!(harness.query_by_label("+14.0%").is_none(), "no stale value");
    assert!(harness.query_by_label("-5.0%").is_some());

    assert!(harness.query_by_label("(£60)").is_some());
}

#[test]
fn the_tornado_follows_a_shorter_horizon() {
    // Savings of £600 in years 1 to 4 over 5 years: NPV = -1,000 + 600 (1/1.035 + ... +
    // 1/1.035^4) = £1,203.85; the system switches at +120.4%.
    let mut case = small_case();
    case.horizon = 5;
    case.options[0].lines[1].amounts =
        Amounts::ByYear(vec![d("0"), d("600"), d("600"), d("600"), d("600")]);
    let (mut harness, _dir) = harness(case);
    harness.state_mut().view.tab = Tab::Sensitivity;
    settle(&mut harness);
    assert!(tornado_around(&harness, "£1,204"));
    assert!(harness.query_by_label("+120.4%").is_some());
    // Three years: only the savings of years 1 and 2 count, NPV £139.82, +14.0%.
    replace_text(&mut harness, "Horizon", "3");
    leave_field(&mut harness);
    assert!(tornado_around(&harness, "£140"));
    assert!(
        harness.query_by_label("+120.4%").is_none(),
        "no stale value"
    );
    assert!(harness.query_by_label("+14.0%").is_some());
}

#[test]
fn a_number_reaches_the_model_only_when_the_field_is_left() {
    let (mut harness, _dir) = harness(small_case());
    harness.state_mut().view.tab = Tab::Lines;
    settle(&mut harness);
    let entered = Amounts::ByYear(vec![d("0"), d("600"), d("600")]);
    input(&harness, "Line 2 2027/28").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    input(&harness, "Line 2 2027/28").type_text("4OO,000");
    settle(&mut harness);
    // Typed with letters O: nothing reaches the model while typing, or after.
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        entered
    );
    assert!(
        harness.query_by_label("£140").is_some(),
        "the NPV is unchanged"
    );
    leave_field(&mut harness);
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        entered
    );
    assert_eq!(
        input(&harness, "Line 2 2027/28")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("4OO,000"),
        "the text stays in the field"
    );
    assert!(
        harness
            .query_by_label_contains("Line 2 2027/28: '4OO,000' is")
            .is_some(),
        "the status bar names the field and says what is wrong"
    );
    assert!(
        harness
            .query_by_label_contains("figures up to date")
            .is_none()
    );
    // Typed right, digit by digit: the model sees only the whole number, once.
    let revision = harness.state().revision();
    input(&harness, "Line 2 2027/28").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    for digit in ["4", "0", "0"] {
        input(&harness, "Line 2 2027/28").type_text(digit);
        settle(&mut harness);
        assert_eq!(
            harness.state().doc.case.options[0].lines[1].amounts,
            entered
        );
    }
    leave_field(&mut harness);
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("400"), d("600")])
    );
    assert_eq!(
        harness.state().revision(),
        revision + 1,
        "one change, not three"
    );
    // Esc puts the model's value back.
    input(&harness, "Line 2 2027/28").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    input(&harness, "Line 2 2027/28").type_text("999");
    settle(&mut harness);
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("400"), d("600")])
    );
    assert_eq!(
        input(&harness, "Line 2 2027/28")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("400"),
        "the field shows the model's value again"
    );
}

#[test]
fn a_rename_that_passes_through_another_partner_merges_nothing() {
    let case = sharecase::case::example::case();
    let names: Vec<String> = case.partners.iter().map(|p| p.name.clone()).collect();
    let (mut harness, _dir) = harness(case.clone());
    // The navigator's Partners section (left of the tab of the same name) opens.
    harness
        .get_all_by_label("Partners")
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the Partners section")
        .click();
    settle(&mut harness);
    // Type the second partner's name into the first, then go on typing.
    input(&harness, "Partner 1 name").focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    input(&harness, "Partner 1 name").type_text(&names[1]);
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case,
        case,
        "nothing applied while typing"
    );
    input(&harness, "Partner 1 name").type_text(" Council Two");
    settle(&mut harness);
    leave_field(&mut harness);
    let after = &harness.state().doc.case;
    assert_eq!(after.partners[0].name, format!("{} Council Two", names[1]));
    assert_eq!(after.partners[1].name, names[1]);
    for (basis, before) in after.bases.iter().zip(&case.bases) {
        assert_eq!(
            basis.weights.get(&names[1]),
            before.weights.get(&names[1]),
            "{}: the second partner's weight is its own",
            basis.name
        );
        assert_eq!(basis.weights.len(), before.weights.len());
    }
    // Committing another partner's name is refused, with a message; the model keeps both.
    replace_text(&mut harness, "Partner 1 name", &names[2]);
    leave_field(&mut harness);
    assert!(
        harness
            .query_all_by_label_contains("another partner is already called")
            .next()
            .is_some()
    );
    assert_eq!(
        harness.state().doc.case.partners[0].name,
        format!("{} Council Two", names[1])
    );
    assert_eq!(harness.state().doc.case.partners.len(), 3);
}

#[test]
fn one_broken_option_keeps_the_others_figures_and_says_what_is_wrong() {
    let mut case = sharecase::case::example::case();
    let Amounts::OneOff { phasing, .. } = &mut case.options[1].lines[0].amounts else {
        panic!("the example's first full-option line is one-off");
    };
    *phasing = vec![d("0.5"), d("0.4")];
    let (mut harness, _dir) = harness(case);
    // The do-minimum keeps its figures: NPV as the example opens with.
    assert!(harness.query_by_label("(£1.0m)").is_some());
    assert!(harness.query_by_label_contains("Case valid").is_none());
    // The full option says what is wrong, in percent, with a way to the field.
    harness.state_mut().view.option = 1;
    harness.state_mut().view.tab = Tab::Payback;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("Not shown: Full shared service, until Line 1")
            .is_some()
    );
    harness.state_mut().view.tab = Tab::Yearly;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("the phasing adds up to 90%, not 100%")
            .is_some()
    );
    assert!(harness.query_by_label_contains("amounts.one_off").is_none());
    harness.get_by_label("Go to line 1").click();
    settle(&mut harness);
    assert_eq!(harness.state().view.tab, Tab::Lines);
    assert_eq!(harness.state().view.line, Some(0));
    // Export still works, for the options with figures.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut harness);
    assert!(matches!(
        harness.state().dialog(),
        Some(sharecase::app::Dialog::Export(_))
    ));
}

#[test]
fn the_tabs_stay_put_when_warnings_come_and_go() {
    let (mut harness, _dir) = harness(small_case());
    let tab = |h: &Harness<'static, SharecaseApp>| h.get_by_label("Yearly table").rect();
    let before = tab(&harness);
    // A delay of 24 months moves the second year's saving past the horizon: a warning.
    input(&harness, "Benefit delay").set_value_accesskit(24.0);
    settle(&mut harness);
    assert!(harness.query_by_label_contains("Warning:").is_some());
    assert_eq!(tab(&harness), before, "the tabs do not move");
    // No lines at all: dashes in the same cards, no figures claimed.
    harness.state_mut().doc.case.options[0].lines.clear();
    settle(&mut harness);
    assert_eq!(tab(&harness), before);
    assert!(harness.query_by_label("£0").is_none());
    assert!(harness.query_by_label_contains("immediate").is_none());
    assert!(
        !harness
            .query_all_by_label("nothing entered yet")
            .collect::<Vec<_>>()
            .is_empty()
    );
}

#[test]
fn a_new_option_says_it_has_no_lines_rather_than_pay_back_at_once() {
    let (mut harness, _dir) = harness(small_case());
    harness
        .state_mut()
        .run_command(sharecase::app::Command::AddOption);
    settle(&mut harness);
    harness.state_mut().view.tab = Tab::Sensitivity;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("This option has no lines yet")
            .is_some()
    );
    assert!(harness.query_by_label_contains("of trials").is_none());
    assert!(harness.query_by_label_contains("immediate").is_none());
}

/// Waits, without drawing a frame, until `path` holds `needle`, for up to `seconds`.
fn file_gets(path: &std::path::Path, needle: &str, seconds: u64) -> bool {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while std::time::Instant::now() < until {
        if std::fs::read_to_string(path).is_ok_and(|text| text.contains(needle)) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

#[test]
fn a_change_is_autosaved_without_another_frame_and_recovers_to_its_own_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("small.sharecase.json");
    sharecase::case::save(&file, &small_case()).expect("saved");
    let data = dir.path().join("data");
    let app = SharecaseApp::new(
        Document::opened(small_case(), file.clone()),
        Some(data.clone()),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(sharecase::app::install_theme)
        .build_ui_state(|ui, app: &mut SharecaseApp| app.frame(ui), app);
    harness.run_ok();
    // One change in one frame, then no more frames at all.
    input(&harness, "Benefit delay").set_value_accesskit(7.0);
    harness.step();
    let autosave = data.join("autosave.sharecase.json");
    assert!(
        file_gets(&autosave, "\"benefit_delay_months\": 7", 3),
        "the change is on disk within 3 seconds, with no frame drawn"
    );
    drop(harness);
    // The next start offers it back, and Save writes to the case's own file.
    let app = SharecaseApp::new(Document::unsaved(Case::blank(2026)), Some(data));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(sharecase::app::install_theme)
        .build_ui_state(|ui, app: &mut SharecaseApp| app.frame(ui), app);
    harness.run_ok();
    assert!(harness.query_by_label("Recover unsaved work?").is_some());
    harness.get_by_label("Recover").click();
    harness.run_ok();
    let app = harness.state();
    assert_eq!(app.doc.path(), Some(file.as_path()));
    assert!(app.doc.is_dirty());
    assert_eq!(app.doc.case.options[0].adjustments.benefit_delay_months, 7);
}

#[test]
fn a_line_range_is_edited_in_its_details() {
    let (mut harness, _dir) = harness(small_case());
    harness.state_mut().view.tab = Tab::Lines;
    harness.state_mut().view.line = Some(1);
    settle(&mut harness);
    input(&harness, "own range").click();
    settle(&mut harness);
    let range = harness.state().doc.case.options[0].lines[1]
        .range
        .clone()
        .expect("a range");
    assert_eq!(
        (range.low, range.high),
        (d("-0.2"), d("0.2")),
        "+/-20% to start"
    );
    replace_text(&mut harness, "Range low", "-50");
    leave_field(&mut harness);
    let range = harness.state().doc.case.options[0].lines[1]
        .range
        .clone()
        .expect("a range");
    assert_eq!(range.low, d("-0.5"));
}

fn copied(harness: &Harness<'static, SharecaseApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn copy_table_puts_the_yearly_table_on_the_clipboard_as_shown() {
    let (mut harness, _dir) = harness(small_case());
    harness.state_mut().view.tab = Tab::Yearly;
    harness.state_mut().view.money = sharecase::format::MoneyStyle::Pence;
    settle(&mut harness);
    harness.get_by_label("Copy table").click();
    harness.step();
    let text = copied(&harness).expect("the table was copied");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    // Header, three years, total; every row as wide as the header.
    assert_eq!(rows.len(), 5, "{text}");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{text}");
    assert_eq!(rows[1][0], "2026/27");
    assert_eq!(rows[1][1], "£1,000.00");
    assert_eq!(rows[4][0], "Total");
    // The NPV, as the engine gives it: 600/1.035 + 600/1.035^2 - 1000.
    assert_eq!(
        rows[4][8], "£139.82",
        "under Present value, whose total it is"
    );
}

#[test]
fn the_export_dialog_writes_the_chosen_formats_into_the_folder() {
    let (mut harness, dir) = harness(small_case());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Export for the committee paper")
            .is_some()
    );
    for format in sharecase::export::Format::ALL {
        if format != sharecase::export::Format::Csv {
            harness.get_by_label(format.label()).click();
        }
    }
    settle(&mut harness);
    let out = dir.path().join("paper");
    replace_text(&mut harness, "Export folder", &out.display().to_string());
    harness.get_by_label("Export").click();
    for _ in 0..400 {
        harness.step();
        if harness
            .state()
            .dialog()
            .is_some_and(|d| matches!(d, sharecase::app::Dialog::Exported(_)))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    settle(&mut harness);
    // Said in the dialog's heading and in the status bar, with each file and its size.
    assert!(harness.query_by_label("Exported 2 files").is_some());
    assert!(
        harness
            .query_by_label_contains(&format!("Exported 2 files to {}", out.display()))
            .is_some()
    );
    let Some(sharecase::app::Dialog::Exported(done)) = harness.state().dialog() else {
        panic!("the export dialog should list what was written");
    };
    let names: Vec<&str> = done.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["small-case-lines.csv", "small-case-yearly.csv"]);
    let on_disk = std::fs::metadata(out.join("small-case-yearly.csv")).expect("written");
    assert_eq!(u64::try_from(done.files[1].1).ok(), Some(on_disk.len()));
    assert!(harness.query_by_label("small-case-yearly.csv").is_some());
    let yearly = std::fs::read_to_string(out.join("small-case-yearly.csv")).expect("written");
    assert!(yearly.contains("Shared service,All partners,0,2026/27,1000.00,1000.00,0.00,-1000.00"));
    assert!(out.join("small-case-lines.csv").exists());
    assert!(!out.join("small-case.pdf").exists(), "PDF was not ticked");
}

#[test]
fn imported_lines_are_previewed_then_applied_and_undone() {
    let (mut harness, dir) = harness(small_case());
    let file = dir.path().join("lines.csv");
    std::fs::write(
        &file,
        "name,kind,2026/27,2027/28,2028/29\nShared printing,Saving,0,200,200\n",
    )
    .expect("written");
    harness.state_mut().import_from(file.clone());
    for _ in 0..400 {
        harness.step();
        if matches!(
            harness.state().dialog(),
            Some(sharecase::app::Dialog::Import(_))
        ) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Import lines into \"Shared service\"")
            .is_some()
    );
    assert!(harness.query_by_label("Shared printing").is_some());
    assert_eq!(
        harness.state().doc.case.options[0].lines.len(),
        2,
        "not yet applied"
    );
    harness.get_by_label("Apply").click();
    settle(&mut harness);
    let case = &harness.state().doc.case;
    assert_eq!(case.options[0].lines.len(), 3);
    // £400 more saved in years 1 and 2: NPV 139.82 + 200/1.035 + 200/1.035^2 = £519.76.
    let npv = harness.state().analysis.results().expect("valid").options[0]
        .figures
        .measures
        .npv;
    assert_eq!(sharecase::format::penny(npv), d("519.76"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.options[0].lines.len(), 2, "undone");

    // A file with a bad cell shows the problem and offers nothing to apply.
    std::fs::write(&file, "name,kind,2026/27\nX,Saving,abc\n").expect("written");
    harness.state_mut().import_from(file);
    for _ in 0..400 {
        harness.step();
        if matches!(harness.state().dialog(), Some(sharecase::app::Dialog::Import(p)) if p.read.is_err())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("row 2, column 2026/27: 'abc' is not an amount")
            .is_some()
    );
    assert!(harness.query_by_label("Apply").is_none());
}

/// Reads `file` into the import window and waits for it.
fn import_window(harness: &mut Harness<'static, SharecaseApp>, file: std::path::PathBuf) {
    harness.state_mut().import_from(file);
    for _ in 0..400 {
        harness.step();
        if matches!(
            harness.state().dialog(),
            Some(sharecase::app::Dialog::Import(_))
        ) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    settle(harness);
}

#[test]
fn the_import_window_reads_amounts_in_the_prices_chosen() {
    use sharecase::case::PriceBasis;
    const CASH: &str = "Cash prices (as published: the sums paid in each year)";
    const YEAR0: &str = "Year-0 prices (indexed by Sharecase)";
    let (mut harness, dir) = harness(small_case());
    let file = dir.path().join("lines.csv");
    std::fs::write(
        &file,
        "name,kind,FY26/27,FY 27/28\nShared printing,Saving,,200\n",
    )
    .expect("written");
    import_window(&mut harness, file.clone());
    assert!(harness.query_by_label(CASH).is_some());
    assert!(
        harness
            .query_by_label(
                "Amounts read in year-0 prices (2026/27 price levels, indexed by Sharecase), as the case is."
            )
            .is_some(),
        "the case's prices by default"
    );
    harness.get_by_label(CASH).click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label(
                "Amounts read in cash prices (as councils publish them); the case is in year-0 prices."
            )
            .is_some()
    );
    harness.get_by_label("Apply").click();
    settle(&mut harness);
    let line = harness.state().doc.case.options[0]
        .lines
        .last()
        .expect("imported")
        .clone();
    assert_eq!(line.name, "Shared printing");
    assert_eq!(line.prices, Some(PriceBasis::Cash));
    assert_eq!(line.amounts, Amounts::ByYear(vec![d("0"), d("200")]));
    // No inflation, so £200 cash in 2027/28 is £200 real: NPV 139.82 + 200/1.035 = £333.05.
    let npv = harness.state().analysis.results().expect("valid").options[0]
        .figures
        .measures
        .npv;
    assert_eq!(sharecase::format::penny(npv), d("333.05"));

    // An indexation rate is a problem for amounts in cash prices, and not in year-0 prices.
    std::fs::write(
        &file,
        "name,kind,indexation,2026/27,2027/28\nShared post,Saving,2%,,100\n",
    )
    .expect("written");
    import_window(&mut harness, file);
    harness.get_by_label(CASH).click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains(
                "row 2, column indexation: is 2%, but the amounts are read in cash prices"
            )
            .is_some()
    );
    assert!(harness.query_by_label("Apply").is_none());
    harness.get_by_label(YEAR0).click();
    settle(&mut harness);
    harness.get_by_label("Apply").click();
    settle(&mut harness);
    let line = harness.state().doc.case.options[0]
        .lines
        .last()
        .expect("imported")
        .clone();
    assert_eq!(line.name, "Shared post");
    assert_eq!(line.prices, None, "in the case's prices");
    assert_eq!(line.indexation, Some(d("0.02")));
}

#[test]
fn a_shorter_horizon_keeps_every_figure_and_the_target_year_within_it() {
    let mut case = small_case();
    case.horizon = 5;
    case.risk.target_year = Some(4);
    let (mut harness, _dir) = harness(case);
    replace_text(&mut harness, "Horizon", "3");
    leave_field(&mut harness);
    let app = harness.state();
    assert_eq!(app.doc.case.horizon, 3);
    assert_eq!(
        app.doc.case.risk.target_year,
        Some(2),
        "the last year of the horizon"
    );
    assert!(app.analysis.problems().is_empty());
    assert!(harness.query_by_label("£140").is_some());
}

#[test]
fn a_target_year_past_the_horizon_stops_only_the_risk_analysis() {
    // As a file could hold it: the risk settings have a problem, every other figure stands.
    let mut case = small_case();
    case.risk.target_year = Some(7);
    let (mut harness, _dir) = harness(case);
    assert!(harness.query_by_label("£140").is_some(), "the NPV card");
    harness.state_mut().view.tab = Tab::Sensitivity;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains(
                "the target year, 2033/34 (year 7), is after the horizon's last year, 2028/29"
            )
            .is_some()
    );
    assert!(harness.query_by_label_contains("Tornado: NPV").is_none());
}

#[test]
fn undo_while_typing_in_a_cell_leaves_other_edits_alone_and_each_cell_is_a_step() {
    let (mut harness, _dir) = harness(small_case());
    harness.state_mut().view.tab = Tab::Lines;
    settle(&mut harness);
    // Two cells, committed one after the other with Tab: two undo steps.
    replace_text(&mut harness, "Line 2 2027/28", "700");
    harness.key_press(egui::Key::Tab);
    settle(&mut harness);
    replace_text(&mut harness, "Line 2 2028/29", "800");
    harness.key_press(egui::Key::Tab);
    settle(&mut harness);
    let both = Amounts::ByYear(vec![d("0"), d("700"), d("800")]);
    assert_eq!(harness.state().doc.case.options[0].lines[1].amounts, both);
    // Ctrl+Z while typing in a cell is the cell's own: the case keeps both edits.
    input(&harness, "Line 2 2027/28").focus();
    settle(&mut harness);
    input(&harness, "Line 2 2027/28").type_text("9");
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.options[0].lines[1].amounts, both);
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    // Out of the cell, undo steps back one cell at a time.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("700"), d("600")])
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("600"), d("600")])
    );
}

#[test]
fn an_option_whose_lines_have_no_amounts_claims_no_figures() {
    let mut case = small_case();
    case.options[0].lines.truncate(1);
    case.options[0].lines[0].amounts = Amounts::ByYear(vec![d("0")]);
    let (harness, _dir) = harness(case);
    assert!(harness.query_by_label("£0").is_none());
    assert!(harness.query_by_label_contains("immediate").is_none());
    assert!(
        harness
            .query_all_by_label("nothing entered yet")
            .next()
            .is_some()
    );
}

/// The combo box named `name`: clicked open.
fn open_combo(harness: &mut Harness<'static, SharecaseApp>, name: &str) {
    harness
        .get_all_by_label(name)
        .find(|node| node.accesskit_node().role() == Role::ComboBox)
        .unwrap_or_else(|| panic!("no combo box named {name}"))
        .click();
    settle(harness);
}

fn npv_of(harness: &Harness<'static, SharecaseApp>, option: usize) -> Decimal {
    sharecase::format::penny(
        harness.state().analysis.results().expect("figures").options[option]
            .figures
            .measures
            .npv,
    )
}

#[test]
fn a_new_case_asks_which_prices_its_amounts_are_in() {
    use sharecase::case::PriceBasis;
    let (mut harness, _dir) = harness(small_case());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Which prices are your amounts in?")
            .is_some()
    );
    harness
        .get_by_label_contains("Cash prices: as published")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.prices, PriceBasis::Cash);
    assert!(harness.state().dialog().is_none());
    // Case settings say so.
    let combo = harness
        .get_all_by_label("Case prices")
        .find(|node| node.accesskit_node().role() == Role::ComboBox)
        .expect("combo");
    assert_eq!(
        combo.accesskit_node().value().as_deref(),
        Some("Cash prices")
    );
}

#[test]
fn changing_the_prices_asks_and_converting_keeps_the_figures() {
    use sharecase::case::PriceBasis;
    // The small case at 2% inflation: £600 saved in years 1 and 2 in year-0 prices is £612
    // and £624.24 in cash, £600 real: NPV still -1,000 + 600/1.035 + 600/1.035^2 = £139.82.
    let mut case = small_case();
    case.inflation = d("0.02");
    let (mut harness, _dir) = harness(case);
    assert_eq!(npv_of(&harness, 0), d("139.82"));
    open_combo(&mut harness, "Case prices");
    harness.get_by_label("Cash prices").click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Change the case to cash prices?")
            .is_some()
    );
    harness.get_by_label("Convert the amounts").click();
    settle(&mut harness);
    let case = &harness.state().doc.case;
    assert_eq!(case.prices, PriceBasis::Cash);
    assert_eq!(
        case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("612.00"), d("624.24")])
    );
    assert_eq!(npv_of(&harness, 0), d("139.82"));
    assert!(harness.query_by_label("£140").is_some(), "the NPV card");

    // Undo, and keep the amounts as typed instead: £600 cash is 600/1.02 and 600/1.0404 real,
    // NPV = -1,000 + 588.2353/1.035 + 576.7013/1.071225 = £106.70.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.prices, PriceBasis::Year0);
    open_combo(&mut harness, "Case prices");
    harness.get_by_label("Cash prices").click();
    settle(&mut harness);
    harness.get_by_label("Keep the amounts as typed").click();
    settle(&mut harness);
    assert_eq!(npv_of(&harness, 0), d("106.70"));
    assert!(harness.query_by_label("£107").is_some(), "the NPV card");
}

#[test]
fn a_baseline_chosen_in_the_settings_shows_each_option_against_it() {
    let mut case = sharecase::case::example::case();
    case.baseline = None;
    let (mut harness, _dir) = harness(case);
    harness.state_mut().view.tab = Tab::Compare;
    settle(&mut harness);
    assert!(harness.query_by_label_contains("Options against").is_none());
    open_combo(&mut harness, "Baseline");
    // The popup lists None, then the options by name.
    harness
        .get_all_by_label("Do minimum")
        .find(|node| node.accesskit_node().role() != Role::ComboBox)
        .expect("the choice")
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.baseline.as_deref(),
        Some("Do minimum")
    );
    assert!(
        harness
            .query_by_label("Options against Do minimum")
            .is_some()
    );
    // The figure against the baseline is the difference of the two options' NPVs.
    let difference = npv_of(&harness, 1) - npv_of(&harness, 0);
    let shown = sharecase::format::money(difference, sharecase::format::MoneyStyle::Pounds);
    assert!(
        harness.query_all_by_label(&shown).next().is_some(),
        "{shown} in Options against Do minimum"
    );
    // The full option's cards, against the baseline, say so.
    harness.state_mut().view.option = 1;
    harness.state_mut().view.tab = Tab::Payback;
    settle(&mut harness);
    input(&harness, "Against Do minimum").click();
    settle(&mut harness);
    assert!(harness.state().view.against);
    assert!(
        harness
            .query_all_by_label("against Do minimum")
            .next()
            .is_some()
    );
    let card =
        sharecase::format::money(difference, sharecase::format::MoneyStyle::Pounds.for_axis());
    assert!(harness.query_by_label(&card).is_some(), "NPV card {card}");
    // Renaming the baseline keeps it the baseline.
    harness
        .state_mut()
        .doc
        .case
        .rename_option(0, "Business as usual")
        .expect("no clash");
    settle(&mut harness);
    assert!(
        harness
            .query_all_by_label("Against Business as usual")
            .next()
            .is_some()
    );
}

#[test]
fn the_scenario_switch_puts_every_figure_under_the_scenario_chosen() {
    let case = sharecase::case::example::case();
    let prudent = sharecase::engine::compute_under(&case, Some(0)).expect("valid");
    let (mut harness, _dir) = harness(case);
    harness.state_mut().view.option = 1;
    settle(&mut harness);
    open_combo(&mut harness, "Scenario");
    harness
        .get_all_by_label("Prudent")
        .find(|node| node.accesskit_node().role() != Role::ComboBox)
        .expect("the choice")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().view.scenario.as_deref(), Some("Prudent"));
    assert_eq!(harness.state().analysis.scenario_name(), "Prudent");
    // The NPV card is the Prudent scenario's, rounded as a card rounds it.
    let npv = prudent.options[1].figures.measures.npv;
    let card = sharecase::format::money(npv, sharecase::format::MoneyStyle::Pounds.for_axis());
    assert!(harness.query_by_label(&card).is_some(), "NPV card {card}");
    // Showing another scenario is not an edit.
    assert!(!harness.state().doc.is_dirty());
    // The Scenarios tab lists every option under every scenario.
    harness.state_mut().view.tab = Tab::Scenarios;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Options under each scenario")
            .is_some()
    );
    let shown = sharecase::format::money(npv, sharecase::format::MoneyStyle::Pounds);
    assert!(
        harness.query_all_by_label(&shown).next().is_some(),
        "{shown}"
    );
    // Deleting the scenario shown goes back to the central one.
    harness.state_mut().doc.case.remove_scenario(0);
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.scenarios.len(), 1);
    assert_eq!(harness.state().view.scenario, None);
    assert_eq!(harness.state().analysis.scenario_name(), "Central");
}

#[test]
fn the_budget_tab_follows_the_funding_chosen() {
    use sharecase::case::Funding;
    // The small case, borrowing at 5%: £1,000 of capital in year 0 is borrowed over 5 years
    // in equal instalments: MRP £200 a year from 2027/28, interest £50 in 2027/28.
    let mut case = small_case();
    case.borrowing_rate = d("0.05");
    let (mut harness, _dir) = harness(case);
    harness.state_mut().view.tab = Tab::Budget;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("Budget: cash in the prices")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Shared service: All partners")
            .is_some()
    );
    let b = harness.state().analysis.budget(0).expect("a budget");
    assert_eq!(sharecase::format::penny(b.all.years[1].mrp), d("200.00"));
    assert_eq!(
        sharecase::format::penny(b.all.years[1].interest),
        d("50.00")
    );
    assert!(harness.query_all_by_label("£200").next().is_some());
    // Fund all capital from reserves: no MRP, and a call on reserves of £1,000.
    harness.state_mut().view.tab = Tab::Lines;
    settle(&mut harness);
    harness.get_by_label("Fund all capital").click();
    settle(&mut harness);
    harness.get_by_label("from reserves").click();
    settle(&mut harness);
    harness.state_mut().view.tab = Tab::Budget;
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.options[0].lines[0].funding,
        Some(Funding::Reserves)
    );
    let b = harness.state().analysis.budget(0).expect("a budget");
    assert!(b.all.years.iter().all(|y| y.mrp.is_zero()));
    assert_eq!(
        sharecase::format::penny(b.all.years[0].reserves_used),
        d("1000.00")
    );
    assert!(harness.query_all_by_label("£1,000").next().is_some());
}

/// The Paper section: the preferred option and the status are chosen from lists, and a
/// preferred option that is deleted is no longer preferred.
#[test]
fn the_paper_section_sets_the_preferred_option_and_the_status() {
    let mut case = sharecase::case::example::case();
    case.preferred_option = None;
    let (mut harness, _dir) = harness(case);
    settle(&mut harness);
    // Case settings folded, so the Paper section is in view.
    harness.get_by_label("Case settings").click();
    settle(&mut harness);
    harness.get_by_label("Paper").click();
    settle(&mut harness);
    open_combo(&mut harness, "Preferred option");
    harness
        .get_all_by_label("Do minimum")
        .rfind(|node| node.accesskit_node().role() != Role::ComboBox)
        .expect("the choice")
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.preferred_option.as_deref(),
        Some("Do minimum")
    );
    open_combo(&mut harness, "Status");
    harness
        .get_all_by_label("Final")
        .rfind(|node| node.accesskit_node().role() != Role::ComboBox)
        .expect("the choice")
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().doc.case.status,
        sharecase::case::DocumentStatus::Final
    );
    // Deleting the preferred option leaves none preferred.
    harness.state_mut().view.option = 0;
    harness.get_by_label("Delete").click();
    settle(&mut harness);
    assert_eq!(harness.state().doc.case.options.len(), 1);
    assert_eq!(harness.state().doc.case.preferred_option, None);
}

// The lines grid, as a spreadsheet.

fn focused(harness: &Harness<'static, SharecaseApp>, label: &str) -> bool {
    input(harness, label).is_focused()
}

/// Presses `key` and lets the fields commit.
fn press(harness: &mut Harness<'static, SharecaseApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    settle(harness);
}

#[test]
fn the_lines_grid_moves_as_a_spreadsheet_does() {
    use egui::{Key, Modifiers};
    let (mut harness, _dir) = harness(small_case());
    harness.state_mut().view.tab = Tab::Lines;
    settle(&mut harness);
    input(&harness, "Line 2 2026/27").focus();
    settle(&mut harness);
    // Tab commits and moves right; the cell reached has its text selected, so typing
    // replaces it.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(focused(&harness, "Line 2 2027/28"));
    input(&harness, "Line 2 2027/28").type_text("900");
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(focused(&harness, "Line 2 2028/29"));
    assert_eq!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::ByYear(vec![d("0"), d("900"), d("600")])
    );
    // 900/1.035 + 600/1.035^2 - 1000 = 429.67
    assert!(harness.query_by_label("£430").is_some(), "NPV follows");
    // Shift+Tab left; arrows move between cells while nothing is typed.
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&harness, "Line 2 2027/28"));
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(focused(&harness, "Line 2 2026/27"));
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(focused(&harness, "Line 1 2026/27"));
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(focused(&harness, "Line 1 2027/28"));
    // Enter commits and moves down.
    input(&harness, "Line 1 2027/28").type_text("50");
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(focused(&harness, "Line 2 2027/28"));
    assert_eq!(
        harness.state().doc.case.options[0].lines[0].amounts,
        Amounts::ByYear(vec![d("1000"), d("50")])
    );
    // Shift+Tab from the first year goes to the amount, then the name; from the name, to
    // the previous line's last year.
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&harness, "Line 2 amount"));
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&harness, "Line 2 name"));
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&harness, "Line 1 2028/29"));
    // Once typing has started, the arrow keys move within the text, not between cells.
    input(&harness, "Line 1 2028/29").type_text("7");
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(focused(&harness, "Line 1 2028/29"));
    input(&harness, "Line 1 2028/29").type_text("2");
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        harness.state().doc.case.options[0].lines[0].amounts,
        Amounts::ByYear(vec![d("1000"), d("50"), d("27")])
    );
}

#[test]
fn one_off_and_recurring_amounts_are_typed_in_the_grid() {
    use egui::{Key, Modifiers};
    let mut case = small_case();
    case.options[0].lines[0].amounts = Amounts::OneOff {
        amount: d("1000"),
        year: 0,
        phasing: Vec::new(),
    };
    case.options[0].lines[1].amounts = Amounts::Recurring {
        annual: d("600"),
        from_year: 1,
        to_year: None,
        ramp_up: Vec::new(),
    };
    let (mut harness, _dir) = harness(case);
    harness.state_mut().view.tab = Tab::Lines;
    settle(&mut harness);
    assert!(harness.query_by_label("£140").is_some());
    input(&harness, "Line 1 name").focus();
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(focused(&harness, "Line 1 amount"));
    input(&harness, "Line 1 amount").type_text("1,100");
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(focused(&harness, "Line 2 amount"));
    input(&harness, "Line 2 amount").type_text("700");
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let lines = &harness.state().doc.case.options[0].lines;
    assert!(matches!(lines[0].amounts, Amounts::OneOff { amount, .. } if amount == d("1100")));
    assert!(matches!(lines[1].amounts, Amounts::Recurring { annual, .. } if annual == d("700")));
    // 700/1.035 + 700/1.035^2 - 1100 = 229.79; the years show the pattern's amounts.
    assert!(harness.query_by_label("£230").is_some(), "NPV follows");
    assert_eq!(
        input(&harness, "Line 2 2028/29")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("700")
    );
    // A year worked out from the pattern cannot be typed over, but the keyboard stops on it.
    input(&harness, "Line 2 amount").focus();
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(focused(&harness, "Line 2 2026/27"));
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(focused(&harness, "Line 2 2028/29"));
    input(&harness, "Line 2 2028/29").type_text("5");
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(matches!(
        harness.state().doc.case.options[0].lines[1].amounts,
        Amounts::Recurring { annual, .. } if annual == d("700")
    ));
}

// ---------------------------------------------------------------------------------------------
// Charts and the Sensitivity tab: readable on a laptop and a projector.
// ---------------------------------------------------------------------------------------------

#[test]
fn sensitivity_puts_the_headline_first_and_switching_names_beside_their_figures() {
    let mut case = with_a_range(small_case());
    case.risk.trials = 500;
    let (mut harness, _dir) = harness(case);
    harness.set_size(egui::vec2(1366.0, 768.0));
    harness.state_mut().view.tab = Tab::Sensitivity;
    wait_for_trials(&mut harness).expect("the run finished");
    settle(&mut harness);
    let headline = harness
        .get_by_label_contains("pays back within 3 years in 100% of trials")
        .rect();
    let trials = harness.get_by_label("Trials").rect();
    assert!(
        headline.bottom() <= trials.top(),
        "the headline {headline:?} above the settings {trials:?}"
    );
    // The switching table's columns side by side, the last one inside the window.
    let name = harness
        .get_all_by_label("Staff saving")
        .next()
        .expect("a row")
        .rect();
    let change = harness.get_by_label("Change").rect();
    let pounds = harness.get_by_label("Change in £ (year-0 prices)").rect();
    assert!(name.right() <= change.left(), "{name:?} then {change:?}");
    assert!(change.right() <= pounds.left());
    assert!(pounds.right() <= 1366.0, "{pounds:?} is cut off");
}

#[test]
fn every_chart_tab_draws_at_a_laptop_size_and_a_projector_size() {
    for size in [egui::vec2(1366.0, 768.0), egui::vec2(1920.0, 1080.0)] {
        let (mut harness, _dir) = harness(sharecase::case::example::case());
        harness.set_size(size);
        for tab in [
            Tab::Payback,
            Tab::Flows,
            Tab::Partners,
            Tab::Scenarios,
            Tab::Budget,
        ] {
            harness.state_mut().view.tab = tab;
            settle(&mut harness);
        }
        // The legend is drawn below the plot, not egui_plot's own over the curves, which
        // would be a checkbox for each series.
        harness.state_mut().view.tab = Tab::Payback;
        settle(&mut harness);
        assert!(
            harness
                .query_all_by_label_contains("Full shared service")
                .all(|node| node.accesskit_node().role() != Role::CheckBox)
        );
    }
}

#[test]
fn the_presentation_says_each_partners_payback_and_what_is_in_the_figures_in_one_unit() {
    let (mut harness, _dir) = harness(sharecase::case::example::case());
    harness.key_press(egui::Key::F5);
    settle(&mut harness);
    assert!(harness.state().view.presentation);
    // The example's shared service carries a 10% cost uplift and a 5% benefit shortfall.
    assert!(
        harness
            .query_by_label(
                "Includes a 10% cost uplift and a 5% benefit shortfall, under the Central scenario."
            )
            .is_some()
    );
    for partner in ["Northvale", "Eastbrook", "Southmere"] {
        assert_eq!(
            harness
                .query_all_by_label_contains(&format!("{partner}: payback"))
                .count(),
            2,
            "{partner}'s payback is shown under each option"
        );
    }
    // Millions throughout: the do-minimum's £996,957 shortfall is said as £1.0m.
    assert!(
        harness
            .query_by_label_contains("not within 10 years (£1.0m short)")
            .is_some()
    );
    assert!(harness.query_by_label_contains("£996,957").is_none());
}

#[test]
fn the_money_setting_reaches_the_warnings() {
    let (mut harness, _dir) = harness(sharecase::case::example::case());
    assert!(
        harness
            .query_by_label_contains("still £996,957 short")
            .is_some()
    );
    harness.state_mut().view.money = sharecase::format::MoneyStyle::Thousands;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("still £997k short")
            .is_some()
    );
}

#[test]
fn on_a_laptop_screen_the_header_keeps_to_a_quarter_and_the_status_bar_shows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = SharecaseApp::on_example(Some(dir.path().to_owned()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(sharecase::app::install_theme)
        .build_ui_state(|ui, app: &mut SharecaseApp| app.frame(ui), app);
    harness.run_ok();
    let menu = harness.get_by_label("File").rect().bottom();
    let tabs = harness.get_by_label("Yearly table").rect().bottom();
    // The header: from under the menu to the foot of the tabs.
    assert!(
        tabs - menu <= 768.0 / 4.0,
        "header {} points high",
        tabs - menu
    );
    let status = harness
        .get_by_label("Case valid: figures up to date")
        .rect();
    assert!(status.bottom() <= 768.0, "status bar at {status:?}");
}

#[test]
fn ctrl_and_a_number_opens_that_tab() {
    let (mut harness, _dir) = harness(small_case());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num8);
    settle(&mut harness);
    assert_eq!(harness.state().view.tab, Tab::Yearly);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    settle(&mut harness);
    assert_eq!(harness.state().view.tab, Tab::Lines);
}

#[test]
fn the_payback_chart_says_which_options_carry_a_what_if() {
    let (mut harness, _dir) = harness(sharecase::case::example::case());
    harness.state_mut().view.tab = Tab::Payback;
    settle(&mut harness);
    // The example's do-minimum carries a 5% cost uplift; its shared service 10% and 5%.
    assert!(
        harness
            .query_by_label_contains(
                "Do minimum includes a 5% cost uplift; Full shared service includes a 10% cost uplift and a 5% benefit shortfall."
            )
            .is_some()
    );
}
