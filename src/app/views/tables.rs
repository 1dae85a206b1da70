//! Tables of figures from the engine: partners, options side by side, the yearly table.
//! Money is rounded for display only; partners are rounded so that they add up.

use super::super::SharecaseApp;
use super::super::fields;
use super::charts::{Look, basis_switch, draw_payback};
use crate::engine::{Figures, Measures};
use crate::format::{MoneyStyle, money, money_cell, number, percent};
use crate::report::{chart, partners::apportioned, words};

fn no_results(app: &SharecaseApp, ui: &mut egui::Ui) {
    let messages: Vec<String> = app
        .results
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect();
    ui.label("Fix these problems to see the figures:");
    fields::problems(ui, &messages);
}

/// Payback for a table cell: `4y 5m, 2030/31`, `immediate`, `none (£416,707 short)`.
fn payback_cell(p: &crate::engine::Payback, years: &[String], style: MoneyStyle) -> String {
    match p {
        crate::engine::Payback::After { year, .. } => format!(
            "{}, {}",
            words::payback_short(p),
            years.get(*year).map_or("", String::as_str)
        ),
        crate::engine::Payback::Immediate => "immediate".into(),
        crate::engine::Payback::NotWithinHorizon { shortfall } => {
            format!("none ({} short)", money(*shortfall, style))
        }
    }
}

fn measure_rows(m: &Measures, years: &[String], style: MoneyStyle) -> Vec<(&'static str, String)> {
    vec![
        ("Net present value (real, discounted)", money(m.npv, style)),
        ("Payback (cash)", payback_cell(&m.payback, years, style)),
        (
            "Discounted payback (real)",
            payback_cell(&m.discounted_payback, years, style),
        ),
        ("IRR (real)", words::irr(&m.irr)),
        (
            "Benefit-cost ratio (PV)",
            m.bcr.map_or_else(|| "none".into(), |b| number(b, 2)),
        ),
        (
            "Return on investment (cash)",
            m.roi.map_or_else(|| "none".into(), |r| percent(r, 1)),
        ),
        ("Investment (cash)", money(m.totals.investment_cash, style)),
        ("All costs (cash)", money(m.totals.costs_cash, style)),
        ("Benefits (cash)", money(m.totals.benefits_cash, style)),
        ("Net (cash)", money(m.totals.net_cash, style)),
        (
            "Investment (present value)",
            money(m.totals.investment_pv, style),
        ),
    ]
}

/// The partners tab: each partner's payback curve and headline figures for the option.
pub fn partners_tab(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    basis_switch(ui, &mut app.view.basis);
    let Some(results) = app.results.get() else {
        no_results(app, ui);
        return;
    };
    let Some(option) = results.options.get(app.view.option) else {
        return;
    };
    let style = app.view.money;
    let chart =
        chart::partners_payback(results, option, app.view.basis, app.doc.case.discount_rate);
    ui.strong(&chart.title);
    ui.label(
        egui::RichText::new(&chart.basis_label)
            .small()
            .color(super::super::theme::Palette::of(ui).muted),
    );
    let height = (ui.available_height() * 0.5).max(220.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
        let look = Look {
            money: style,
            label_size: 13.0,
            width: 2.5,
        };
        draw_payback(ui, "partners-plot", &chart, &look);
    });
    let rounded = apportioned(option);
    egui::ScrollArea::both()
        .id_salt("partners-scroll")
        .show(ui, |ui| {
            egui::Grid::new("partners-table")
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("");
                    for partner in &option.partners {
                        ui.strong(&partner.name);
                    }
                    ui.strong("All partners");
                    ui.end_row();
                    let all = measure_rows(&option.figures.measures, &results.years, style);
                    let each: Vec<Vec<(&str, String)>> = rounded
                        .iter()
                        .map(|f: &Figures| measure_rows(&f.measures, &results.years, style))
                        .collect();
                    for (r, (title, total)) in all.iter().enumerate() {
                        ui.label(*title);
                        for rows in &each {
                            ui.label(&rows[r].1);
                        }
                        ui.strong(total);
                        ui.end_row();
                    }
                });
            let palette = super::super::theme::Palette::of(ui);
            for partner in &option.partners {
                for w in &partner.figures.warnings {
                    ui.colored_label(palette.warning, format!("{}: {}", partner.name, w.message));
                }
            }
        });
}

/// Options side by side.
pub fn compare_tab(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    let Some(results) = app.results.get() else {
        no_results(app, ui);
        return;
    };
    let style = app.view.money;
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("compare-table")
            .striped(true)
            .spacing([18.0, 5.0])
            .show(ui, |ui| {
                ui.strong("");
                for option in &results.options {
                    ui.strong(&option.name);
                }
                ui.end_row();
                let rows: Vec<Vec<(&str, String)>> = results
                    .options
                    .iter()
                    .map(|o| measure_rows(&o.figures.measures, &results.years, style))
                    .collect();
                if let Some(first) = rows.first() {
                    for (r, (title, _)) in first.iter().enumerate() {
                        ui.label(*title);
                        for option_rows in &rows {
                            ui.label(&option_rows[r].1);
                        }
                        ui.end_row();
                    }
                }
            });
    });
}

/// The yearly table of the selected option.
pub fn yearly_tab(app: &mut SharecaseApp, ui: &mut egui::Ui) {
    let Some(results) = app.results.get() else {
        no_results(app, ui);
        return;
    };
    let Some(option) = results.options.get(app.view.option) else {
        return;
    };
    let style = app.view.money;
    ui.label("Cash is in the prices of each year; real terms in the first year's prices.");
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("yearly-table")
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for title in words::YEARLY_COLUMNS {
                    ui.strong(title);
                }
                ui.end_row();
                for y in &option.figures.years {
                    ui.label(&y.label);
                    for value in [
                        y.investment_cash,
                        y.costs_cash,
                        y.benefits_cash,
                        y.net_cash,
                        y.cumulative_cash,
                        y.net_real,
                    ] {
                        ui.label(money_cell(value, style));
                    }
                    ui.label(number(y.discount_factor, 4));
                    ui.label(money(y.present_value, style));
                    ui.label(money(y.cumulative_pv, style));
                    ui.end_row();
                }
                let t = &option.figures.measures.totals;
                ui.strong("Total");
                for value in [t.investment_cash, t.costs_cash, t.benefits_cash, t.net_cash] {
                    ui.strong(money(value, style));
                }
                ui.label("");
                ui.strong(money(t.net_real, style));
                ui.label("");
                ui.strong(money(option.figures.measures.npv, style));
                ui.end_row();
            });
    });
}
