//! The Scenarios tab: the scenarios to edit, every option under each, the selected option's
//! payback under every scenario at once, and the option's optimism-bias assessment.

use super::super::fields::{self, Kind};
use super::super::theme::Palette;
use super::Ctx;
use super::charts::{Look, basis_switch, draw_payback};
use super::tables::{Shown, notes, show_table};
use crate::case::{InvestmentType, OptimismBias, RunningCostType, STANDARD_CATEGORIES, Scenario};
use crate::format::percent;
use crate::report::{self, words};
use rust_decimal::Decimal;

/// The tab.
pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical()
        .id_salt("scenarios-tab")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt("scenario-editor-scroll")
                .show(ui, |ui| editor(cx, ui));
            ui.separator();
            matrix(cx, ui);
            ui.separator();
            optimism_bias(cx, ui);
        });
}

fn editor(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let palette = Palette::of(ui);
    ui.heading("Scenarios");
    ui.label(
        egui::RichText::new("Each scenario changes every option the same way, on top of the option's own adjustments and optimism bias. Choose one beside What if to see every figure under it.")
            .small()
            .color(palette.muted),
    );
    let problems = cx.analysis.problems().to_vec();
    let case = &mut *cx.case;
    // A scenario's own inflation starts from the case's.
    let start = case.inflation;
    let mut remove = None;
    let mut duplicate = None;
    egui::Grid::new("scenario-editor")
        .num_columns(8)
        .striped(true)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for title in [
                "Scenario",
                "What it stands for",
                "Costs +%",
                "Savings -%",
                "Months late",
                "Inflation %",
                "By category",
                "",
            ] {
                ui.strong(title);
            }
            ui.end_row();
            let central = case.central_scenario.clone();
            fields::name(
                ui,
                "scenario-central",
                "Central scenario name",
                &central,
                130.0,
                |name| case.rename_scenario(None, &name),
            );
            ui.label(egui::RichText::new("the case as entered").color(palette.muted));
            for _ in 0..4 {
                ui.label(egui::RichText::new("-").color(palette.muted));
            }
            ui.label(egui::RichText::new("-").color(palette.muted));
            show_button(ui, &mut cx.view.scenario, None);
            ui.end_row();
            for i in 0..case.scenarios.len() {
                let current = case.scenarios[i].name.clone();
                fields::name(
                    ui,
                    ("scenario-name", i),
                    &format!("Scenario {} name", i + 2),
                    &current,
                    130.0,
                    |name| {
                        case.rename_scenario(Some(i), &name)?;
                        // The scenario shown keeps being shown under its new name.
                        if cx.view.scenario.as_deref() == Some(current.as_str()) {
                            cx.view.scenario = Some(name.trim().to_owned());
                        }
                        Ok(())
                    },
                );
                let s = &mut case.scenarios[i];
                fields::text(
                    ui,
                    ("scenario-description", i),
                    &format!("{} description", s.name),
                    &mut s.description,
                    220.0,
                    false,
                );
                fields::decimal(
                    ui,
                    ("scenario-uplift", i),
                    &format!("{} cost uplift", s.name),
                    &mut s.cost_uplift,
                    Kind::Percent,
                    50.0,
                );
                fields::decimal(
                    ui,
                    ("scenario-shortfall", i),
                    &format!("{} benefit shortfall", s.name),
                    &mut s.benefit_shortfall,
                    Kind::Percent,
                    50.0,
                );
                if let Some(months) = fields::whole(
                    ui,
                    ("scenario-delay", i),
                    &format!("{} benefit delay", s.name),
                    i64::from(s.benefit_delay_months),
                    (0, i64::from(crate::case::MAX_BENEFIT_DELAY_MONTHS)),
                    40.0,
                ) && let Ok(months) = u32::try_from(months)
                {
                    s.benefit_delay_months = months;
                }
                inflation(ui, s, i, start);
                categories(ui, s, i);
                ui.horizontal(|ui| {
                    show_button(ui, &mut cx.view.scenario, Some(s.name.clone()));
                    if ui.small_button("Duplicate").clicked() {
                        duplicate = Some(i);
                    }
                    if ui
                        .small_button("Delete")
                        .on_hover_text("Delete this scenario (Undo brings it back)")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                ui.end_row();
            }
        });
    if let Some(i) = duplicate {
        case.duplicate_scenario(i);
    }
    if let Some(i) = remove {
        case.remove_scenario(i);
    }
    if ui.button("Add scenario").clicked() {
        case.add_scenario();
    }
    fields::problems(ui, &super::case_problems(&problems, "scenarios"));
    fields::problems(ui, &super::case_problems(&problems, "central_scenario"));
}

fn show_button(ui: &mut egui::Ui, chosen: &mut Option<String>, this: Option<String>) {
    let shown = chosen.as_deref() == this.as_deref();
    if ui
        .add_enabled(
            !shown,
            egui::Button::new(if shown { "Shown" } else { "Show" }).small(),
        )
        .on_hover_text("Show every figure under this scenario")
        .clicked()
    {
        *chosen = this;
    }
}

fn inflation(ui: &mut egui::Ui, s: &mut Scenario, i: usize, start: Decimal) {
    ui.horizontal(|ui| {
        let mut own = s.inflation.is_some();
        if ui
            .checkbox(&mut own, "")
            .on_hover_text("Replace general inflation in this scenario")
            .changed()
        {
            s.inflation = own.then_some(start);
        }
        match &mut s.inflation {
            Some(rate) => {
                fields::decimal(
                    ui,
                    ("scenario-inflation", i),
                    &format!("{} inflation", s.name),
                    rate,
                    Kind::Percent,
                    44.0,
                );
            }
            None => {
                ui.label(egui::RichText::new("as case").small());
            }
        }
    });
}

fn categories(ui: &mut egui::Ui, s: &mut Scenario, i: usize) {
    let title = match s.categories.len() {
        0 => "none".to_owned(),
        _ => s
            .categories
            .iter()
            .map(|(name, change)| {
                format!(
                    "{name} {}{}",
                    if change.is_sign_negative() { "" } else { "+" },
                    crate::format::percent_short(*change)
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    ui.menu_button(title, |ui| {
        ui.label(
            "A fraction added to every line of the category: Staff -20% puts staff lines at 80%.",
        );
        let mut rename: Option<(String, String)> = None;
        let mut drop = None;
        let names: Vec<String> = s.categories.keys().cloned().collect();
        for (k, name) in names.iter().enumerate() {
            ui.horizontal(|ui| {
                let mut text = name.clone();
                if fields::text(
                    ui,
                    ("scenario-category", i, k),
                    "Category",
                    &mut text,
                    150.0,
                    false,
                )
                .changed()
                    && text != *name
                {
                    rename = Some((name.clone(), text));
                }
                if let Some(change) = s.categories.get_mut(name) {
                    fields::decimal(
                        ui,
                        ("scenario-category-change", i, k),
                        &format!("{name} change"),
                        change,
                        Kind::Percent,
                        50.0,
                    );
                }
                ui.label("%");
                if ui.small_button("Remove").clicked() {
                    drop = Some(name.clone());
                }
            });
        }
        if let Some((old, new)) = rename
            && !s.categories.contains_key(&new)
            && let Some(change) = s.categories.remove(&old)
        {
            s.categories.insert(new, change);
        }
        if let Some(name) = drop {
            s.categories.remove(&name);
        }
        ui.menu_button("Add a category", |ui| {
            for name in STANDARD_CATEGORIES {
                if !s.categories.contains_key(*name) && ui.button(*name).clicked() {
                    s.categories.insert((*name).to_owned(), Decimal::ZERO);
                }
            }
        });
    });
}

fn matrix(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some((case, _)) = cx.analysis.computed() else {
        super::case_problem_list(ui, cx.analysis, cx.commands);
        return;
    };
    let rate = case.discount_rate;
    let runs = cx.analysis.matrix();
    let table = report::scenarios::table(runs, rate, cx.view.money);
    ui.strong(&table.title);
    // Wide with many scenarios: the table scrolls sideways on its own, the chart below stays
    // the width of the window.
    egui::ScrollArea::horizontal()
        .id_salt("scenario-matrix-scroll")
        .show(ui, |ui| {
            show_table(ui, &Shown::of("scenario-matrix", &table));
        });
    notes(ui, &table);
    ui.add_space(8.0);
    basis_switch(ui, &mut cx.view.basis);
    let Some(at) = cx.analysis.computed_index(cx.view.option) else {
        ui.label("The selected option has no figures yet.");
        return;
    };
    if let Some(chart) = report::chart::scenarios_payback(runs, at, cx.view.basis, rate)
        .map(|chart| chart.in_money(cx.view.money))
    {
        ui.strong(&chart.title);
        ui.label(
            egui::RichText::new(&chart.basis_label)
                .small()
                .color(Palette::of(ui).muted),
        );
        ui.allocate_ui(egui::vec2(ui.available_width(), 380.0), |ui| {
            draw_payback(
                ui,
                "scenarios-plot",
                &chart,
                &Look {
                    money: cx.view.money,
                    label_size: 13.0,
                    width: 2.5,
                },
            );
        });
    }
}

fn optimism_bias(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let index = cx.view.option;
    let problems = cx.analysis.problems().to_vec();
    let Some(option) = cx.case.options.get_mut(index) else {
        return;
    };
    ui.heading(format!("Optimism bias: {}", option.name));
    ui.label(
        egui::RichText::new("HM Treasury's supplementary Green Book guidance: start from the upper bound for the project type, and lower it only as far as risks are shown to be mitigated. Optimism bias is not contingency: a contingency is a line of its own.")
            .small()
            .color(Palette::of(ui).muted),
    );
    let mut assessed = option.optimism_bias.is_some();
    if ui
        .checkbox(&mut assessed, "Apply optimism bias to this option")
        .changed()
    {
        option.optimism_bias = assessed.then(OptimismBias::new);
    }
    guidance_table(ui, option.optimism_bias.as_ref());
    let Some(bias) = &mut option.optimism_bias else {
        return;
    };
    egui::Grid::new("optimism-bias")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("Investment type");
            egui::ComboBox::from_id_salt("ob-investment")
                .selected_text(bias.investment_type.label())
                .width(220.0)
                .show_ui(ui, |ui| {
                    for t in InvestmentType::ALL {
                        ui.selectable_value(&mut bias.investment_type, t, t.label());
                    }
                });
            ui.end_row();
            ui.label("Running costs");
            egui::ComboBox::from_id_salt("ob-running")
                .selected_text(
                    bias.running_cost_type
                        .map_or("No optimism bias", RunningCostType::label),
                )
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut bias.running_cost_type, None, "No optimism bias");
                    ui.selectable_value(
                        &mut bias.running_cost_type,
                        Some(RunningCostType::Outsourcing),
                        "Outsourcing",
                    );
                });
            ui.end_row();
            ui.label("Risk mitigated");
            ui.horizontal(|ui| {
                fields::decimal(
                    ui,
                    "ob-mitigated",
                    "Risk mitigated",
                    &mut bias.mitigated,
                    Kind::Percent,
                    50.0,
                );
                ui.label("% of the way from the upper bound to none");
            });
            ui.end_row();
            ui.label("Why");
            fields::text(
                ui,
                "ob-reason",
                "Reason for the mitigation",
                &mut bias.reason,
                360.0,
                false,
            );
            ui.end_row();
            ui.label("Implementation");
            ui.horizontal(|ui| {
                if let Some(months) = fields::whole(
                    ui,
                    "ob-months",
                    "Implementation months",
                    i64::from(bias.implementation_months),
                    (
                        0,
                        i64::from(crate::case::validate::MAX_IMPLEMENTATION_MONTHS),
                    ),
                    44.0,
                ) && let Ok(months) = u32::try_from(months)
                {
                    bias.implementation_months = months;
                }
                ui.label("months");
            });
            ui.end_row();
        });
    ui.label(format!("Applied: {}.", words::optimism_bias(bias)));
    let palette = Palette::of(ui);
    for below in bias.below_lower_bounds() {
        let warning = crate::engine::Warning::OptimismBiasBelowLowerBound { below };
        ui.colored_label(
            palette.warning,
            format!("Warning: {}", words::warning(&warning, &[])),
        );
    }
    fields::problems(
        ui,
        &super::problems_for(&problems, index, None, "optimism_bias"),
    );
}

/// The guidance's bounds, the chosen type's row in bold.
fn guidance_table(ui: &mut egui::Ui, bias: Option<&OptimismBias>) {
    let row = |ui: &mut egui::Ui, cells: [String; 5], strong: bool| {
        for cell in cells {
            if strong {
                ui.strong(cell);
            } else {
                ui.label(cell);
            }
        }
        ui.end_row();
    };
    egui::CollapsingHeader::new("The Green Book's bounds")
        .default_open(bias.is_some())
        .show(ui, |ui| {
            egui::Grid::new("ob-bounds").striped(true).show(ui, |ui| {
                row(
                    ui,
                    [
                        "Project type".into(),
                        "Works duration, upper".into(),
                        "lower".into(),
                        "Capital or operating cost, upper".into(),
                        "lower".into(),
                    ],
                    true,
                );
                for t in InvestmentType::ALL {
                    let (d, c) = (t.duration(), t.capital());
                    row(
                        ui,
                        [
                            t.label().into(),
                            percent(d.upper, 0),
                            percent(d.lower, 0),
                            percent(c.upper, 0),
                            percent(c.lower, 0),
                        ],
                        bias.is_some_and(|b| b.investment_type == t),
                    );
                }
                let o = RunningCostType::Outsourcing.operating();
                row(
                    ui,
                    [
                        "Outsourcing (operating costs)".into(),
                        "-".into(),
                        "-".into(),
                        percent(o.upper, 0),
                        percent(o.lower, 0),
                    ],
                    bias.is_some_and(|b| b.running_cost_type.is_some()),
                );
            });
        });
}
