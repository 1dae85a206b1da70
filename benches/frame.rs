//! The app's frame time on a large case (10 options x 200 lines x 10 years x 5 partners):
//! a frame after an edit (which recomputes) must take under 16 ms, and an idle frame must
//! not recompute. Frames run headless through the same harness as the behaviour tests.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use rust_decimal::Decimal;
use sharecase::app::{Document, SharecaseApp, Tab};

fn harness(tab: Tab) -> Harness<'static, SharecaseApp> {
    let case = sharecase::case::example::sized(10, 200);
    let mut app = SharecaseApp::new(Document::unsaved(case), None);
    app.view.tab = tab;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_accessibility_check(false)
        .with_context_setup(sharecase::app::install_theme)
        .build_ui_state(|ui, app: &mut SharecaseApp| app.frame(ui), app);
    harness.run_steps(3);
    harness
}

fn frames(c: &mut Criterion) {
    for tab in [Tab::Payback, Tab::Lines, Tab::Sensitivity] {
        let mut idle = harness(tab);
        let before = idle.state().computations();
        c.bench_function(&format!("idle frame, {} tab", tab.label()), |b| {
            b.iter(|| idle.step());
        });
        assert_eq!(
            idle.state().computations(),
            before,
            "an idle frame recomputed"
        );

        let mut edited = harness(tab);
        let mut amount = 1_000_i64;
        c.bench_function(&format!("frame after an edit, {} tab", tab.label()), |b| {
            b.iter(|| {
                amount += 1;
                if let Some(line) = edited.state_mut().doc.case.options[0].lines.first_mut() {
                    line.amounts = sharecase::case::Amounts::ByYear(vec![Decimal::from(amount)]);
                }
                edited.step();
            });
        });
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
