//! The left panel: case settings, partners and sharing bases, and the list of options.

use super::super::Command;
use super::super::fields::{self, Kind};
use super::super::theme::Palette;
use super::Ctx;
use super::case_problems;
use crate::engine::partner::Shares;
use crate::format::percent;

/// The navigator.
pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        options(cx, ui);
        ui.add_space(6.0);
        egui::CollapsingHeader::new("Case settings")
            .default_open(true)
            .show(ui, |ui| settings(cx, ui));
        egui::CollapsingHeader::new("Paper")
            .default_open(false)
            .show(ui, |ui| paper(cx, ui));
        egui::CollapsingHeader::new("Partners")
            .default_open(false)
            .show(ui, |ui| partners(cx, ui));
        egui::CollapsingHeader::new("Sharing bases")
            .default_open(false)
            .show(ui, |ui| bases(cx, ui));
    });
}

fn options(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.heading("Options");
    let palette = Palette::of(ui);
    let problems = cx.analysis.problems();
    for (i, option) in cx.case.options.iter().enumerate() {
        let flagged = problems.iter().any(|p| p.option == Some(i));
        let label = if flagged {
            format!("{}. {}  (needs attention)", i + 1, option.name)
        } else {
            format!("{}. {}", i + 1, option.name)
        };
        let text = if flagged {
            egui::RichText::new(label).color(palette.error)
        } else {
            egui::RichText::new(label)
        };
        if ui.selectable_label(cx.view.option == i, text).clicked() {
            cx.view.option = i;
            cx.view.line = None;
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (label, command, hint) in [
            ("Add", Command::AddOption, "Add an option"),
            (
                "Duplicate",
                Command::DuplicateOption,
                "Copy the selected option",
            ),
            ("Up", Command::MoveOptionUp, "Move the selected option up"),
            (
                "Down",
                Command::MoveOptionDown,
                "Move the selected option down",
            ),
            (
                "Delete",
                Command::DeleteOption,
                "Delete the selected option (Undo brings it back)",
            ),
        ] {
            if ui.button(label).on_hover_text(hint).clicked() {
                cx.commands.push(command);
            }
        }
    });
}

fn settings(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let problems = cx.analysis.problems().to_vec();
    let case = &mut *cx.case;
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Title");
            fields::text(ui, "case-title", "Title", &mut case.title, 190.0, false);
            ui.end_row();

            ui.label("First year");
            ui.horizontal(|ui| {
                let (low, high) = crate::case::validate::FIRST_YEAR_RANGE;
                if let Some(year) = fields::whole(
                    ui,
                    "first-year",
                    "First year",
                    i64::from(case.first_year),
                    (i64::from(low), i64::from(high)),
                    56.0,
                ) && let Ok(year) = i32::try_from(year)
                {
                    case.first_year = year;
                }
                ui.label(crate::case::financial_year_label(case.first_year, 0));
            });
            ui.end_row();

            ui.label("Horizon");
            ui.horizontal(|ui| {
                if let Some(years) = fields::whole(
                    ui,
                    "horizon",
                    "Horizon",
                    i64::from(case.horizon),
                    (
                        i64::from(crate::case::MIN_HORIZON),
                        i64::from(crate::case::MAX_HORIZON),
                    ),
                    40.0,
                ) && let Ok(years) = u8::try_from(years)
                {
                    case.horizon = years;
                    case.fit_weights_to_horizon();
                    // Keep the Monte Carlo target year within the new horizon.
                    if let Some(target) = case.risk.target_year
                        && target >= u32::from(years)
                    {
                        case.risk.target_year = Some(u32::from(years) - 1);
                    }
                }
                ui.label("years");
            });
            ui.end_row();

            ui.label("Discount rate");
            ui.horizontal(|ui| {
                fields::decimal(
                    ui,
                    "discount",
                    "Discount rate",
                    &mut case.discount_rate,
                    Kind::Percent,
                    50.0,
                );
                ui.label("% real");
            });
            ui.end_row();

            ui.label("General inflation");
            ui.horizontal(|ui| {
                fields::decimal(
                    ui,
                    "inflation",
                    "General inflation",
                    &mut case.inflation,
                    Kind::Percent,
                    50.0,
                );
                ui.label("%");
            });
            ui.end_row();

            ui.label("Prices");
            let mut chosen = case.prices;
            egui::ComboBox::from_id_salt("case-prices")
                .selected_text(capitalised(chosen.label()))
                .show_ui(ui, |ui| {
                    for basis in crate::case::PriceBasis::ALL {
                        ui.selectable_value(&mut chosen, basis, capitalised(basis.label()));
                    }
                })
                .response
                .accessible_name("Case prices".to_owned())
                .on_hover_text("The prices the amounts are entered in. Cash: the sums paid in each year, as councils publish them (not indexed). Year-0 prices: the first year's price levels, indexed into cash by each line's indexation.");
            if chosen != case.prices {
                cx.commands.push(Command::ChangePrices(chosen));
            }
            ui.end_row();

            ui.label("Baseline");
            let none = "None";
            let shown = case.baseline.clone().unwrap_or_else(|| none.to_owned());
            egui::ComboBox::from_id_salt("case-baseline")
                .selected_text(shown)
                .width(180.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut case.baseline, None, none);
                    for option in &case.options {
                        ui.selectable_value(
                            &mut case.baseline,
                            Some(option.name.clone()),
                            &option.name,
                        );
                    }
                })
                .response
                .accessible_name("Baseline".to_owned())
                .on_hover_text("The option the others are measured against (business as usual or do-minimum), as the Green Book appraises them");
            ui.end_row();
        });
    for field in [
        "title",
        "first_year",
        "horizon",
        "discount_rate",
        "inflation",
        "baseline",
    ] {
        fields::problems(ui, &case_problems(&problems, field));
    }
    ui.label("Description");
    let width = ui.available_width();
    fields::text(
        ui,
        "case-description",
        "Case description",
        &mut case.description,
        width,
        true,
    );
}

/// What the committee paper says beside the figures: the preferred option, the
/// recommendation, and the document's status, author and reference.
fn paper(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let problems = cx.analysis.problems().to_vec();
    let case = &mut *cx.case;
    egui::Grid::new("paper")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Preferred option");
            let none = "None yet";
            let shown = case
                .preferred_option
                .clone()
                .unwrap_or_else(|| none.to_owned());
            egui::ComboBox::from_id_salt("case-preferred")
                .selected_text(shown)
                .width(180.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut case.preferred_option, None, none);
                    for option in &case.options {
                        ui.selectable_value(
                            &mut case.preferred_option,
                            Some(option.name.clone()),
                            &option.name,
                        );
                    }
                })
                .response
                .accessible_name("Preferred option".to_owned())
                .on_hover_text(
                    "The option the paper recommends: the report's first page is about it",
                );
            ui.end_row();

            ui.label("Status");
            egui::ComboBox::from_id_salt("case-status")
                .selected_text(case.status.label())
                .show_ui(ui, |ui| {
                    for status in crate::case::DocumentStatus::ALL {
                        ui.selectable_value(&mut case.status, status, status.label());
                    }
                })
                .response
                .accessible_name("Status".to_owned())
                .on_hover_text("Draft until signed off; the report marks a draft on every page");
            ui.end_row();

            ui.label("Author");
            fields::text(ui, "case-author", "Author", &mut case.author, 190.0, false);
            ui.end_row();

            ui.label("Reference");
            let mut reference = case.reference.clone().unwrap_or_default();
            fields::text(
                ui,
                "case-reference",
                "Reference",
                &mut reference,
                190.0,
                false,
            );
            let reference = Some(reference).filter(|r| !r.trim().is_empty());
            if reference != case.reference {
                case.reference = reference;
            }
            ui.end_row();
        });
    fields::problems(ui, &case_problems(&problems, "preferred_option"));
    ui.label("Recommendation");
    let width = ui.available_width();
    fields::text(
        ui,
        "case-recommendation",
        "Recommendation",
        &mut case.recommendation,
        width,
        true,
    );
}

fn partners(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let problems = cx.analysis.problems().to_vec();
    let case = &mut *cx.case;
    let mut remove = None;
    for i in 0..case.partners.len() {
        ui.horizontal(|ui| {
            let current = case.partners[i].name.clone();
            fields::name(
                ui,
                ("partner-name", i),
                &format!("Partner {} name", i + 1),
                &current,
                170.0,
                |name| case.rename_partner(i, &name),
            );
            if ui
                .add_enabled(case.partners.len() > 1, egui::Button::new("Remove"))
                .on_hover_text("Remove this partner; lines given to it are then shared equally")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        case.remove_partner(i);
    }
    if ui.button("Add partner").clicked() {
        case.add_partner();
    }
    fields::problems(ui, &case_problems(&problems, "partners"));
}

/// A basis's weights: one column when the same every year (the default), or a grid of
/// partners by years, with the shares each year gives.
fn weights(case: &mut crate::case::Case, ui: &mut egui::Ui, b: usize, partner_names: &[String]) {
    use crate::case::Weight;
    let years = usize::from(case.horizon).clamp(1, usize::from(crate::case::MAX_HORIZON));
    let by_year = case.bases[b]
        .weights
        .values()
        .any(|w| matches!(w, Weight::ByYear(_)));
    let mut same = !by_year;
    let toggle = ui
        .checkbox(&mut same, "Same every year")
        .on_hover_text(
            "Untick to give weights year by year: a partner that joins in year 2 has weight 0 before it; a split re-based each year on actual volumes. Ticking it again keeps each partner's first-year weight (Undo brings the others back).",
        );
    if toggle.changed() {
        let basis = &mut case.bases[b];
        for partner in partner_names {
            let first = basis.weight(partner, 0);
            let weight = if same {
                Weight::Same(first)
            } else {
                Weight::ByYear(vec![first; years])
            };
            basis.weights.insert(partner.clone(), weight);
        }
    }
    let shares = Shares::by_year(
        case,
        &crate::case::Sharing::Basis(case.bases[b].name.clone()),
    );
    let name = case.bases[b].name.clone();
    if same {
        egui::Grid::new(("weights", b))
            .num_columns(3)
            .show(ui, |ui| {
                for (p, partner) in partner_names.iter().enumerate() {
                    ui.label(partner);
                    let mut weight = case.bases[b].weight(partner, 0);
                    let response = fields::decimal(
                        ui,
                        ("weight", b, p),
                        &format!("{name} weight for {partner}"),
                        &mut weight,
                        Kind::Number,
                        90.0,
                    );
                    if response.changed() {
                        case.bases[b]
                            .weights
                            .insert(partner.clone(), Weight::Same(weight));
                    }
                    let share = shares
                        .first()
                        .and_then(|s| s.shares.get(p))
                        .copied()
                        .unwrap_or_default();
                    ui.label(format!("{} share", percent(share, 1)));
                    ui.end_row();
                }
            });
        return;
    }
    egui::ScrollArea::horizontal()
        .id_salt(("weights-by-year", b))
        .show(ui, |ui| {
            egui::Grid::new(("weights", b))
                .num_columns(years + 1)
                .striped(true)
                .show(ui, |ui| {
                    ui.label("Weight");
                    for t in 0..years {
                        ui.label(egui::RichText::new(case.year_label(t)).strong());
                    }
                    ui.end_row();
                    for (p, partner) in partner_names.iter().enumerate() {
                        ui.label(partner);
                        for t in 0..years {
                            let mut weight = case.bases[b].weight(partner, t);
                            let response = fields::decimal(
                                ui,
                                ("weight", b, p, t),
                                &format!("{name} weight for {partner} in {}", case.year_label(t)),
                                &mut weight,
                                Kind::Number,
                                64.0,
                            );
                            if response.changed() {
                                let entry =
                                    case.bases[b].weights.entry(partner.clone()).or_default();
                                let mut values: Vec<_> =
                                    (0..years).map(|y| entry.in_year(y)).collect();
                                values[t] = weight;
                                *entry = Weight::ByYear(values);
                            }
                        }
                        ui.end_row();
                    }
                    ui.label(egui::RichText::new("Share").strong());
                    ui.end_row();
                    for (p, partner) in partner_names.iter().enumerate() {
                        ui.label(partner);
                        for t in 0..years {
                            let share = shares
                                .get(t)
                                .and_then(|s| s.shares.get(p))
                                .copied()
                                .unwrap_or_default();
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    ui.label(percent(share, 1));
                                },
                            );
                        }
                        ui.end_row();
                    }
                });
        });
}

fn bases(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let problems = cx.analysis.problems().to_vec();
    let case = &mut *cx.case;
    let partner_names: Vec<String> = case.partners.iter().map(|p| p.name.clone()).collect();
    let mut remove = None;
    for b in 0..case.bases.len() {
        ui.group(|ui| {
            ui.horizontal(|ui| {
                let current = case.bases[b].name.clone();
                fields::name(
                    ui,
                    ("basis-name", b),
                    &format!("Basis {} name", b + 1),
                    &current,
                    160.0,
                    |name| case.rename_basis(b, &name),
                );
                if ui
                    .button("Remove")
                    .on_hover_text("Lines on this basis are then shared equally")
                    .clicked()
                {
                    remove = Some(b);
                }
            });
            weights(case, ui, b, &partner_names);
            ui.label("Source");
            fields::text(
                ui,
                ("basis-source", b),
                &format!("Basis {} source", b + 1),
                &mut case.bases[b].source,
                200.0,
                false,
            );
            fields::problems(ui, &case_problems(&problems, &format!("bases[{b}]")));
        });
    }
    if let Some(b) = remove {
        case.remove_basis(b);
    }
    if ui.button("Add sharing basis").clicked() {
        case.add_basis();
    }
}

/// `Year-0 prices` from `year-0 prices`.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
