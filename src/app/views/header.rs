//! The selected option: its name, the headline figures as cards, the what-if sliders, and
//! the engine's warnings.

use super::super::fields;
use super::super::theme::{Palette, strong_family};
use super::Ctx;
use super::problems_for;
use crate::analysis::OptionState;
use crate::engine::OptionResults;
use crate::format::MoneyStyle;
use crate::report::measures::{self, Measure};
use crate::report::words;
use rust_decimal::Decimal;

/// The header of the central panel. Its height does not depend on the figures: the cards keep
/// their places (a dash where there is no figure) and the warnings sit in a strip of one
/// line, so the tabs and the grid below never move under the user's pointer.
pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    // On a laptop screen (768 high) the header keeps to a quarter of the window: smaller
    // type, tighter cards, and the warnings beside the what-if sliders.
    let compact = ui.ctx().content_rect().height() < COMPACT_BELOW;
    let index = cx.view.option;
    let Some(current) = cx.case.options.get(index).map(|o| o.name.clone()) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Option").color(Palette::of(ui).muted));
        let case = &mut *cx.case;
        ui.scope(|ui| {
            let size = if compact { 16.0 } else { 20.0 };
            ui.style_mut().override_font_id = Some(egui::FontId::new(size, strong_family()));
            fields::name(ui, "option-name", "Option name", &current, 380.0, |name| {
                case.rename_option(index, &name)
            });
        });
        // On the name's row, so the header keeps its height from option to option, and the
        // what-if row its width.
        let names = cx.case.scenario_names();
        if names.len() > 1 {
            ui.add_space(12.0);
            scenario_switch(&names, &mut cx.view.scenario, ui);
        }
        if cx
            .analysis
            .option(index)
            .is_some_and(|o| o.incremental.is_some())
        {
            ui.add_space(12.0);
            super::charts::against_switch(ui, cx.analysis, &mut cx.view.against);
        }
    });
    let problems = cx.analysis.problems().to_vec();
    fields::problems(ui, &problems_for(&problems, index, None, "name"));
    let state = cx.analysis.option_state(index);
    let (figures, note) = match &state {
        OptionState::Figures(figures) => (Some(*figures), None),
        OptionState::NoLines => (None, Some("nothing entered yet")),
        OptionState::Problems(_) | OptionState::CaseProblems => {
            (None, Some("see the problems below"))
        }
    };
    let years = cx
        .analysis
        .results()
        .map(|r| r.years.clone())
        .unwrap_or_default();
    let rate = cx.analysis.case().discount_rate;
    let against = figures
        .and_then(|o| o.incremental.as_ref())
        .filter(|_| cx.view.against);
    cards(
        ui,
        figures,
        against,
        note,
        &years,
        rate,
        cx.view.money,
        compact,
    );
    if compact {
        ui.horizontal(|ui| {
            what_if(cx, ui, true);
            ui.separator();
            warnings_strip(ui, figures, &years, cx.view.money);
        });
    } else {
        warnings_strip(ui, figures, &years, cx.view.money);
        what_if(cx, ui, false);
    }
}

/// Windows shorter than this get the compact header.
const COMPACT_BELOW: f32 = 860.0;

/// One line of warnings, always the same height: the first in full, the rest behind a button.
fn warnings_strip(
    ui: &mut egui::Ui,
    figures: Option<&OptionResults>,
    years: &[String],
    money: MoneyStyle,
) {
    let palette = Palette::of(ui);
    let warnings: Vec<String> = figures
        .map(|f| {
            f.figures
                .warnings
                .iter()
                .map(|w| words::warning_line_in(w, years, None, money))
                .collect()
        })
        .unwrap_or_default();
    let height = 24.0;
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_height(height);
            let Some(first) = warnings.first() else {
                ui.label(egui::RichText::new("No warnings").color(palette.muted));
                return;
            };
            if warnings.len() > 1 {
                ui.menu_button(format!("{} warnings", warnings.len()), |ui| {
                    ui.set_max_width(620.0);
                    for warning in &warnings {
                        ui.colored_label(palette.warning, warning);
                    }
                });
            }
            ui.add(egui::Label::new(egui::RichText::new(first).color(palette.warning)).truncate())
                .on_hover_text(first);
        },
    );
}

/// One card, `width` wide whatever its note: a note too long for it is cut short, in full on
/// hover, so the cards never push the window wider than the screen.
#[allow(clippy::too_many_arguments)]
fn card(
    ui: &mut egui::Ui,
    width: f32,
    title: &str,
    value: &str,
    note: &str,
    against: Option<&str>,
    colour: Option<egui::Color32>,
    compact: bool,
) {
    let palette = Palette::of(ui);
    egui::Frame::new()
        .fill(palette.card)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(12, if compact { 4 } else { 8 }))
        .show(ui, |ui| {
            ui.set_width(width);
            ui.vertical(|ui| {
                if compact {
                    ui.spacing_mut().item_spacing.y = 1.0;
                }
                ui.add(
                    egui::Label::new(egui::RichText::new(title).color(palette.muted).small())
                        .truncate(),
                );
                let size = if compact { 19.0 } else { 22.0 };
                let mut text =
                    egui::RichText::new(value).font(egui::FontId::new(size, strong_family()));
                if let Some(colour) = colour {
                    text = text.color(colour);
                }
                ui.label(text);
                // Always a note line, so every card has the same height.
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(if note.is_empty() { " " } else { note })
                            .color(palette.muted)
                            .small(),
                    )
                    .truncate(),
                )
                .on_hover_text(note);
                if let Some(against) = against {
                    ui.add(
                        egui::Label::new(egui::RichText::new(against).strong().small()).truncate(),
                    );
                }
            });
        });
}

#[allow(clippy::too_many_arguments)]
fn cards(
    ui: &mut egui::Ui,
    option: Option<&OptionResults>,
    against: Option<&crate::engine::Incremental>,
    missing: Option<&str>,
    years: &[String],
    rate: Decimal,
    style: MoneyStyle,
    compact: bool,
) {
    let palette = Palette::of(ui);
    let sign = |d: Decimal| {
        if d >= Decimal::ZERO {
            palette.good
        } else {
            palette.bad
        }
    };
    let dash = "-";
    let missing = missing.unwrap_or("");
    // Six cards share the width: each at least 128 points, at most 210, less its margins.
    let gap = ui.spacing().item_spacing.x;
    let count = measures::CARDS.len() as f32;
    let width = ((ui.available_width() - gap * (count - 1.0)) / count - 24.0).clamp(128.0, 210.0);
    ui.horizontal_wrapped(|ui| {
        let Some(option) = option else {
            for measure in measures::CARDS {
                card(
                    ui,
                    width,
                    measure.short_label(),
                    dash,
                    missing,
                    None,
                    None,
                    compact,
                );
            }
            return;
        };
        let (figures, against) = match against {
            Some(inc) => (&inc.figures, Some(format!("against {}", inc.against))),
            None => (&option.figures, None),
        };
        let m = &figures.measures;
        for (measure, cell) in measures::cards(figures, years, rate, style) {
            let colour = (measure == Measure::Npv).then(|| sign(m.npv));
            // Against the baseline, every card says so on a line of its own.
            card(
                ui,
                width,
                measure.short_label(),
                &cell.short,
                &cell.note,
                against.as_deref(),
                colour,
                compact,
            );
        }
    });
}

/// The scenario every figure is under, beside the what-if row.
fn scenario_switch(names: &[String], scenario: &mut Option<String>, ui: &mut egui::Ui) {
    if names.len() < 2 {
        return;
    }
    ui.label(egui::RichText::new("Scenario").font(egui::FontId::new(15.0, strong_family())));
    let shown = scenario
        .clone()
        .or_else(|| names.first().cloned())
        .unwrap_or_default();
    egui::ComboBox::from_id_salt("scenario-switch")
        .selected_text(shown)
        .truncate()
        .width(130.0)
        .show_ui(ui, |ui| {
            for (i, name) in names.iter().enumerate() {
                ui.selectable_value(scenario, (i > 0).then(|| name.clone()), name);
            }
        })
        .response
        .accessible_name("Scenario".to_owned())
        .on_hover_text("Every figure, chart and table follows the scenario chosen here; the Scenarios tab shows them all side by side");
}

fn what_if(cx: &mut Ctx<'_>, ui: &mut egui::Ui, compact: bool) {
    let index = cx.view.option;
    let Some(option) = cx.case.options.get_mut(index) else {
        return;
    };
    let a = &mut option.adjustments;
    let mut row = |ui: &mut egui::Ui| {
        if compact {
            ui.spacing_mut().slider_width = 70.0;
        }
        ui.label(egui::RichText::new("What if").font(egui::FontId::new(15.0, strong_family())));
        percent_slider(
            ui,
            if compact { "Costs +" } else { "Cost uplift" },
            &mut a.cost_uplift,
            100,
        );
        percent_slider(
            ui,
            if compact {
                "Benefits -"
            } else {
                "Benefit shortfall"
            },
            &mut a.benefit_shortfall,
            100,
        );
        let mut months = a.benefit_delay_months.min(36);
        let label = ui.label(if compact { "Delay" } else { "Benefit delay" });
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
    };
    if compact {
        row(ui);
    } else {
        ui.horizontal_wrapped(row);
    }
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
