//! The selected option: its name, the headline figures as cards, the what-if sliders, and
//! the engine's warnings.

use super::super::SharecaseApp;
use super::super::fields;
use super::super::theme::{Palette, strong_family};
use super::problems_for;
use crate::engine::OptionResults;
use crate::format::MoneyStyle;
use crate::report::measures::{self, Measure};
use crate::report::words;
use rust_decimal::Decimal;

/// The header of the central panel.
pub fn show(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    let index = app.view.option;
    let problems = app.results.problems().to_vec();
    let Some(option) = app.doc.case.options.get_mut(index) else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(egui::RichText::new("Option").color(Palette::of(ui).muted));
        ui.add(
            egui::TextEdit::singleline(&mut option.name)
                .font(egui::FontId::new(20.0, strong_family()))
                .desired_width(380.0),
        )
        .labelled_by(label.id);
    });
    fields::problems(ui, &problems_for(&problems, index, None, "name"));
    if let Some(results) = app.results.get()
        && let Some(figures) = results.options.get(index)
    {
        cards(
            ui,
            figures,
            &results.years,
            app.doc.case.discount_rate,
            app.view.money,
        );
    }
    what_if(app, ui);
}

fn card(ui: &mut egui::Ui, title: &str, value: &str, note: &str, colour: Option<egui::Color32>) {
    let palette = Palette::of(ui);
    egui::Frame::new()
        .fill(palette.card)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_min_width(128.0);
            ui.vertical(|ui| {
                ui.label(egui::RichText::new(title).color(palette.muted).small());
                let mut text =
                    egui::RichText::new(value).font(egui::FontId::new(22.0, strong_family()));
                if let Some(colour) = colour {
                    text = text.color(colour);
                }
                ui.label(text);
                if !note.is_empty() {
                    ui.label(egui::RichText::new(note).color(palette.muted).small());
                }
            });
        });
}

fn cards(
    ui: &mut egui::Ui,
    option: &OptionResults,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
) {
    let palette = Palette::of(ui);
    let m = &option.figures.measures;
    let sign = |d: Decimal| {
        if d >= Decimal::ZERO {
            palette.good
        } else {
            palette.bad
        }
    };
    ui.horizontal_wrapped(|ui| {
        for (measure, cell) in measures::cards(&option.figures, years, rate, style) {
            let colour = (measure == Measure::Npv).then(|| sign(m.npv));
            card(ui, measure.short_label(), &cell.short, &cell.note, colour);
        }
    });
    for warning in &option.figures.warnings {
        ui.colored_label(palette.warning, words::warning_line(warning, years, None));
    }
}

fn what_if(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    let index = app.view.option;
    let Some(option) = app.doc.case.options.get_mut(index) else {
        return;
    };
    let a = &mut option.adjustments;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("What if").font(egui::FontId::new(15.0, strong_family())));
        percent_slider(ui, "Cost uplift", &mut a.cost_uplift, 100);
        percent_slider(ui, "Benefit shortfall", &mut a.benefit_shortfall, 100);
        let mut months = a.benefit_delay_months.min(36);
        let label = ui.label("Benefit delay");
        if ui
            .add(egui::Slider::new(&mut months, 0..=36).suffix(" months"))
            .labelled_by(label.id)
            .changed()
        {
            a.benefit_delay_months = months;
        }
        if !a.is_neutral()
            && ui
                .button("Reset")
                .on_hover_text("No uplift, shortfall or delay")
                .clicked()
        {
            *a = crate::case::Adjustments::default();
        }
    });
}

/// A slider in whole percent over a fraction; the model changes only when it moves.
fn percent_slider(ui: &mut egui::Ui, name: &str, value: &mut Decimal, max: i64) {
    let label = ui.label(name);
    let mut whole: i64 = (*value * Decimal::ONE_HUNDRED)
        .round()
        .try_into()
        .unwrap_or(0);
    let clamped = whole.clamp(0, max);
    whole = clamped;
    if ui
        .add(egui::Slider::new(&mut whole, 0..=max).suffix("%"))
        .labelled_by(label.id)
        .changed()
    {
        *value = Decimal::new(whole, 2);
    }
}
