//! The lines of the selected option: an editable table with the entered amounts by year
//! (year-0 prices), the details of the selected line, and totals by kind from the engine.

use super::super::Command;
use super::super::fields::{self, Kind};
use super::super::theme::Palette;
use super::Ctx;
use super::grid::{Grid, Scroll};
use super::problems_for;
use crate::analysis::{Analysis, OptionState};
use crate::case::{Amounts, Line, LineKind, PriceBasis, STANDARD_CATEGORIES, Sharing};
use crate::format::{MoneyStyle, money, money_cell, percent_short};
use rust_decimal::Decimal;

/// Wide enough for £99,999,999 in the grid's figures, narrow enough that six years show
/// beside the names on a 1366-pixel screen.
const YEAR_WIDTH: f32 = 80.0;

/// What a row needs to know of the case, gathered once a frame (not a clone of the case).
struct Context {
    years: Vec<String>,
    sharing: Vec<Sharing>,
    /// The case's prices, which a line follows unless it says otherwise.
    prices: PriceBasis,
}

const ROW_HEIGHT: f32 = 26.0;
/// The columns that stay put while the years scroll: number, name and kind.
const FROZEN: [(&str, f32); 3] = [("", 34.0), ("Line", 182.0), ("Kind", 150.0)];
/// The headline amount of a one-off or recurring line, before the years.
const AMOUNT: (&str, f32) = ("Amount", 96.0);
/// The columns after the years.
const TAIL: [(&str, f32); 5] = [
    ("Category", 156.0),
    ("Pattern", 104.0),
    ("Prices", 70.0),
    ("Shared", 184.0),
    ("", 64.0),
];
/// The grid's columns the keyboard moves over: the name, the amount, then each year.
const NAME_COL: usize = 0;
const AMOUNT_COL: usize = 1;
const FIRST_YEAR_COL: usize = 2;

/// A cell of fixed width, so rows line up without a grid.
fn cell<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ROW_HEIGHT),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(width);
            add(ui)
        },
    )
    .inner
}

/// A column title, right-aligned over figures.
fn title(ui: &mut egui::Ui, width: f32, text: &str, figures: bool) {
    if figures {
        ui.allocate_ui_with_layout(
            egui::vec2(width, ROW_HEIGHT),
            egui::Layout::right_to_left(egui::Align::Center),
            |ui| {
                ui.set_width(width);
                ui.add_space(4.0);
                ui.strong(text);
            },
        );
    } else {
        cell(ui, width, |ui| ui.strong(text));
    }
}

/// The lines tab.
pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let index = cx.view.option;
    let problems = cx.analysis.problems().to_vec();
    let prices = match cx.case.prices {
        PriceBasis::Cash => "Amounts are in cash prices (the sums paid in each year)".to_owned(),
        PriceBasis::Year0 => format!(
            "Amounts are in {} prices (indexed into cash)",
            cx.case.year_label(0)
        ),
    };
    ui.horizontal(|ui| {
        if ui.button("Add line").on_hover_text("Ctrl+L").clicked() {
            cx.commands.push(Command::AddLine);
        }
        ui.menu_button("Fund all capital", |ui| {
            for (source, label) in [
                (crate::case::Funding::Borrowing, "by borrowing"),
                (crate::case::Funding::Reserves, "from reserves"),
                (crate::case::Funding::RevenueBudget, "from the revenue budget"),
                (crate::case::Funding::CapitalReceipts, "from capital receipts"),
                (crate::case::Funding::Grant, "by grant"),
            ] {
                if ui.button(label).clicked() {
                    cx.commands.push(Command::FundCapital(source));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("Set how every capital investment line of this option is funded");
        ui.label(
            egui::RichText::new(format!("{prices} unless a line says otherwise (Prices column), as positive figures; the kind gives the direction."))
                .small()
                .color(Palette::of(ui).muted),
        );
    });
    if !matches!(
        cx.analysis.option_state(index),
        OptionState::Figures(_) | OptionState::NoLines
    ) {
        super::option_figures(ui, cx.analysis, index, cx.commands);
    }
    let style = cx.view.money;
    let case = &*cx.case;
    let context = Context {
        years: (0..usize::from(case.horizon))
            .map(|t| case.year_label(t))
            .collect(),
        sharing: std::iter::once(Sharing::Equal)
            .chain(case.bases.iter().map(|b| Sharing::Basis(b.name.clone())))
            .chain(
                case.partners
                    .iter()
                    .map(|p| Sharing::Partner(p.name.clone())),
            )
            .collect(),
        prices: case.prices,
    };
    let (horizon, inflation) = (case.horizon, case.inflation);
    let Some(option) = cx.case.options.get_mut(index) else {
        return;
    };
    let mut delete = None;
    let available = ui.available_height();
    let rows = option.lines.len();
    let years = context.years.len();
    let grid = Grid::new(
        egui::Id::unique(("lines-grid", index)),
        rows,
        FIRST_YEAR_COL + years,
    );
    let moved_to = grid.keys(ui.ctx());
    // The grid takes what the totals leave, less when a line's details are open below it.
    let height = if cx.view.line.is_some() {
        (available * 0.45).max(180.0)
    } else {
        (available - 230.0).max(180.0)
    };
    let step = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let scroll = Scroll::of(ui.ctx(), index, moved_to, step, height);
    let (frozen, scrolled) = ui
        .horizontal_top(|ui| {
            // Close columns, so that more years show beside the names.
            ui.spacing_mut().item_spacing.x = 4.0;
            let frozen = ui
                .vertical(|ui| {
                    ui.horizontal(|ui| {
                        for (text, width) in FROZEN {
                            title(ui, width, text, false);
                        }
                    });
                    scroll
                        .area("lines-frozen", height)
                        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                        .auto_shrink([true, true])
                        .show_rows(ui, ROW_HEIGHT, rows, |ui, range| {
                            for l in range {
                                let flagged = problems
                                    .iter()
                                    .any(|p| p.option == Some(index) && p.line == Some(l));
                                let line = &mut option.lines[l];
                                ui.horizontal(|ui| {
                                    frozen_row(ui, &grid, line, l, flagged, &mut cx.view.line);
                                });
                            }
                        })
                        .state
                        .clamped_offset()
                        .y
                })
                .inner;
            let scrolled = egui::ScrollArea::horizontal()
                .id_salt("lines-h")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            title(ui, AMOUNT.1, AMOUNT.0, true);
                            for year in &context.years {
                                title(ui, YEAR_WIDTH, year, true);
                            }
                            for (text, width) in TAIL {
                                title(ui, width, text, false);
                            }
                        });
                        let offset = scroll
                            .area("lines-v", height)
                            .auto_shrink([false, true])
                            .show_rows(ui, ROW_HEIGHT, rows, |ui, range| {
                                for l in range {
                                    let line = &mut option.lines[l];
                                    let asked =
                                        ui.horizontal(|ui| row(ui, &grid, &context, line, l)).inner;
                                    if asked {
                                        delete = Some(l);
                                    }
                                }
                            })
                            .state
                            .clamped_offset()
                            .y;
                        grid.reveal_sideways(ui);
                        offset
                    })
                    .inner
                })
                .inner;
            (frozen, scrolled)
        })
        .inner;
    scroll.follow(ui.ctx(), frozen, scrolled);
    if let Some(l) = delete {
        cx.commands.push(Command::DeleteLine(l));
    }
    if option.lines.is_empty() {
        ui.label("This option has no lines yet: add one to enter its costs and savings.");
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("lines-below")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(l) = cx.view.line
                && let Some(line) = option.lines.get_mut(l)
            {
                let problems = problems_for(&problems, index, Some(l), "");
                details(ui, &context, horizon, inflation, line, l, &problems);
                ui.separator();
            }
            totals(cx.analysis, index, ui, style);
        });
}

/// The frozen part of a row: number, name and kind.
fn frozen_row(
    ui: &mut egui::Ui,
    grid: &Grid,
    line: &mut Line,
    l: usize,
    flagged: bool,
    selected: &mut Option<usize>,
) {
    let palette = Palette::of(ui);
    let number = if flagged {
        egui::RichText::new(format!("{} !", l + 1)).color(palette.error)
    } else {
        egui::RichText::new(format!("{}", l + 1))
    };
    let open = *selected == Some(l);
    cell(ui, FROZEN[0].1, |ui| {
        if ui
            .selectable_label(open, number)
            .on_hover_text("Show this line's details")
            .clicked()
        {
            *selected = if open { None } else { Some(l) };
        }
    });
    cell(ui, FROZEN[1].1, |ui| {
        fields::text_cell(
            ui,
            grid.cell(l, NAME_COL),
            &format!("Line {} name", l + 1),
            &mut line.name,
            FROZEN[1].1 - 6.0,
        );
        grid.drawn(ui, l, NAME_COL);
    });
    cell(ui, FROZEN[2].1, |ui| kind_combo(ui, line, l));
}

/// The figures in a grid cell: whole pounds, no sign of the unit (the header says it).
fn figure(value: Decimal) -> String {
    if value.is_zero() {
        "0".to_owned()
    } else {
        money(value, MoneyStyle::Pounds)
            .trim_start_matches('£')
            .to_owned()
    }
}

/// The part of a row that scrolls: amount, years and the rest; returns true when the user
/// asked to delete the line.
fn row(ui: &mut egui::Ui, grid: &Grid, context: &Context, line: &mut Line, l: usize) -> bool {
    let years = context.years.len();
    cell(ui, AMOUNT.1, |ui| {
        let id = grid.cell(l, AMOUNT_COL);
        let name = format!("Line {} amount", l + 1);
        match &mut line.amounts {
            Amounts::OneOff { amount, .. } => {
                fields::decimal_cell(ui, id, &name, amount, Kind::Money, AMOUNT.1 - 6.0);
            }
            Amounts::Recurring { annual, .. } => {
                fields::decimal_cell(ui, id, &name, annual, Kind::Money, AMOUNT.1 - 6.0);
            }
            Amounts::ByYear(values) => {
                let total: Decimal = values.iter().take(years).sum();
                fields::shown_cell(
                    ui,
                    id,
                    &name,
                    &figure(total),
                    AMOUNT.1 - 6.0,
                    "The line's total over the horizon: type its amounts in the years",
                );
            }
        }
        grid.drawn(ui, l, AMOUNT_COL);
    });
    if let Amounts::ByYear(values) = &mut line.amounts {
        // Edit a padded copy, so that showing the row never changes the model.
        let mut padded = values.clone();
        padded.resize(padded.len().max(years), Decimal::ZERO);
        let mut changed = false;
        for (t, value) in padded.iter_mut().take(years).enumerate() {
            changed |= cell(ui, YEAR_WIDTH, |ui| {
                let edited = fields::decimal_cell(
                    ui,
                    grid.cell(l, FIRST_YEAR_COL + t),
                    &format!("Line {} {}", l + 1, context.years[t]),
                    value,
                    Kind::Money,
                    YEAR_WIDTH - 6.0,
                );
                grid.drawn(ui, l, FIRST_YEAR_COL + t);
                edited.changed()
            });
        }
        if changed {
            while padded.len() > 1 && padded.last().is_some_and(Decimal::is_zero) {
                padded.pop();
            }
            *values = padded;
        }
    } else {
        let hover = match line.amounts {
            Amounts::OneOff { .. } => {
                "Worked out from the amount, year and phasing: type the amount in the Amount column, the rest in the line's details"
            }
            _ => {
                "Worked out from the yearly amount, years and ramp-up: type the amount in the Amount column, the rest in the line's details"
            }
        };
        for (t, value) in line.amounts.by_year(years).into_iter().enumerate() {
            cell(ui, YEAR_WIDTH, |ui| {
                fields::shown_cell(
                    ui,
                    grid.cell(l, FIRST_YEAR_COL + t),
                    &format!("Line {} {}", l + 1, context.years[t]),
                    &figure(value),
                    YEAR_WIDTH - 6.0,
                    hover,
                );
                grid.drawn(ui, l, FIRST_YEAR_COL + t);
            });
        }
    }
    cell(ui, TAIL[0].1, |ui| category_combo(ui, line, l));
    cell(ui, TAIL[1].1, |ui| pattern_combo(ui, line, l, years));
    cell(ui, TAIL[2].1, |ui| {
        let prices = line.prices.unwrap_or(context.prices);
        let (text, hover) = match prices {
            PriceBasis::Cash => (
                "cash".to_owned(),
                "Cash prices: the sums paid in each year, not indexed".to_owned(),
            ),
            PriceBasis::Year0 => match line.indexation {
                Some(rate) => (
                    percent_short(rate),
                    format!("Year-0 prices, indexed at {} a year", percent_short(rate)),
                ),
                None => (
                    "general".to_owned(),
                    "Year-0 prices, indexed at general inflation".to_owned(),
                ),
            },
        };
        // A line whose prices differ from the case's says so, in bold.
        let differs = line.prices.is_some_and(|p| p != context.prices);
        let text = if differs {
            egui::RichText::new(format!("{text}*")).strong()
        } else {
            egui::RichText::new(text)
        };
        let hover = if differs {
            format!(
                "{hover}. This line's prices differ from the case's ({}).",
                context.prices
            )
        } else {
            hover
        };
        ui.label(text).on_hover_text(hover);
    });
    cell(ui, TAIL[3].1, |ui| sharing_combo(ui, context, line, l));
    cell(ui, TAIL[4].1, |ui| {
        ui.button("Delete")
            .on_hover_text("Delete this line (Undo brings it back)")
            .clicked()
    })
}

fn kind_combo(ui: &mut egui::Ui, line: &mut Line, l: usize) {
    egui::ComboBox::from_id_salt(("kind", l))
        .selected_text(line.kind.label())
        .width(FROZEN[2].1 - 8.0)
        .truncate()
        .show_ui(ui, |ui| {
            for kind in LineKind::ALL {
                ui.selectable_value(&mut line.kind, kind, kind.label());
            }
        })
        .response
        .accessible_name(format!("Line {} kind", l + 1));
}

fn category_combo(ui: &mut egui::Ui, line: &mut Line, l: usize) {
    egui::ComboBox::from_id_salt(("category", l))
        .selected_text(line.category.as_str())
        .width(146.0)
        .truncate()
        .show_ui(ui, |ui| {
            for category in STANDARD_CATEGORIES {
                ui.selectable_value(&mut line.category, (*category).to_owned(), *category);
            }
        })
        .response
        .accessible_name(format!("Line {} category", l + 1));
}

fn pattern_combo(ui: &mut egui::Ui, line: &mut Line, l: usize, years: usize) {
    let current = line.amounts.pattern_name();
    let mut chosen = current;
    egui::ComboBox::from_id_salt(("pattern", l))
        .selected_text(current)
        .width(94.0)
        .truncate()
        .show_ui(ui, |ui| {
            for name in ["One-off", "Recurring", "By year"] {
                ui.selectable_value(&mut chosen, name, name);
            }
        })
        .response
        .accessible_name(format!("Line {} pattern", l + 1));
    if chosen != current {
        line.amounts = convert(&line.amounts, chosen, years);
    }
}

/// The same money in another pattern, as near as the pattern allows.
fn convert(amounts: &Amounts, pattern: &str, years: usize) -> Amounts {
    let by_year = amounts.by_year(years);
    let first = by_year.iter().position(|v| !v.is_zero()).unwrap_or(0);
    let year = u32::try_from(first).unwrap_or(0);
    match pattern {
        "One-off" => Amounts::OneOff {
            amount: by_year.iter().copied().max().unwrap_or_default(),
            year,
            phasing: Vec::new(),
        },
        "Recurring" => Amounts::Recurring {
            annual: by_year.iter().copied().max().unwrap_or_default(),
            from_year: year,
            to_year: None,
            ramp_up: Vec::new(),
        },
        _ => Amounts::ByYear(by_year),
    }
}

fn sharing_combo(ui: &mut egui::Ui, context: &Context, line: &mut Line, l: usize) {
    egui::ComboBox::from_id_salt(("sharing", l))
        .selected_text(line.sharing.to_string())
        .width(174.0)
        .truncate()
        .show_ui(ui, |ui| {
            for choice in &context.sharing {
                let label = choice.to_string();
                ui.selectable_value(&mut line.sharing, choice.clone(), label);
            }
        })
        .response
        .accessible_name(format!("Line {} sharing", l + 1));
}

fn year_combo(ui: &mut egui::Ui, context: &Context, id: (&str, usize), name: &str, year: &mut u32) {
    let label = |t: u32| {
        context
            .years
            .get(t as usize)
            .map_or_else(|| format!("year {t}"), |y| format!("{y} (year {t})"))
    };
    egui::ComboBox::from_id_salt(id)
        .selected_text(label(*year))
        .show_ui(ui, |ui| {
            for t in 0..u32::try_from(context.years.len()).unwrap_or(0) {
                ui.selectable_value(year, t, label(t));
            }
        })
        .response
        .accessible_name(name.to_owned());
}

fn details(
    ui: &mut egui::Ui,
    context: &Context,
    horizon: u8,
    inflation: Decimal,
    line: &mut Line,
    l: usize,
    problems: &[String],
) {
    ui.strong(format!("Line {}: {}", l + 1, line.name));
    egui::Grid::new("line-details")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            match &mut line.amounts {
                Amounts::OneOff {
                    amount,
                    year,
                    phasing,
                } => {
                    ui.label("Amount");
                    fields::decimal(
                        ui,
                        ("one-off", l),
                        "One-off amount",
                        amount,
                        Kind::Money,
                        120.0,
                    );
                    ui.end_row();
                    ui.label("In (or from)");
                    year_combo(ui, context, ("one-off-year", l), "One-off year", year);
                    ui.end_row();
                    ui.label("Phasing %");
                    ui.horizontal(|ui| {
                        fields::percent_list(
                            ui,
                            ("phasing", l),
                            "Phasing percentages",
                            phasing,
                            160.0,
                        );
                        ui.label("e.g. 60, 40 over two years; empty for all in one year");
                    });
                    ui.end_row();
                }
                Amounts::Recurring {
                    annual,
                    from_year,
                    to_year,
                    ramp_up,
                } => {
                    ui.label("Each year");
                    fields::decimal(
                        ui,
                        ("annual", l),
                        "Annual amount",
                        annual,
                        Kind::Money,
                        120.0,
                    );
                    ui.end_row();
                    ui.label("From");
                    year_combo(ui, context, ("from", l), "First year", from_year);
                    ui.end_row();
                    ui.label("Until");
                    ui.horizontal(|ui| {
                        let mut to_end = to_year.is_none();
                        if ui.checkbox(&mut to_end, "end of the horizon").changed() {
                            *to_year = if to_end {
                                None
                            } else {
                                Some(u32::from(horizon) - 1)
                            };
                        }
                        if let Some(to) = to_year {
                            year_combo(ui, context, ("to", l), "Last year", to);
                        }
                    });
                    ui.end_row();
                    ramp_up_editor(ui, ramp_up, l);
                }
                Amounts::ByYear(_) => {
                    ui.label("Amounts");
                    ui.label("entered year by year in the table above");
                    ui.end_row();
                }
            }
            ui.label("Prices");
            prices_combo(ui, context.prices, line, l);
            ui.end_row();
            if line.kind.is_investment() {
                funding(ui, line, l);
            }
            ui.label("Indexation");
            ui.horizontal(|ui| {
                if line.prices.unwrap_or(context.prices) == PriceBasis::Cash {
                    if line.indexation.is_some() {
                        if ui
                            .button("Remove indexation")
                            .on_hover_text("A line in cash prices is not indexed")
                            .clicked()
                        {
                            line.indexation = None;
                        }
                    } else {
                        ui.label("none: cash prices are the sums paid in each year");
                    }
                    return;
                }
                let mut own = line.indexation.is_some();
                if ui.checkbox(&mut own, "own rate").changed() {
                    line.indexation = if own { Some(inflation) } else { None };
                }
                match &mut line.indexation {
                    Some(rate) => {
                        fields::decimal(
                            ui,
                            ("index", l),
                            "Indexation rate",
                            rate,
                            Kind::Percent,
                            50.0,
                        );
                        ui.label("% a year");
                    }
                    None => {
                        ui.label(format!("general inflation, {}", percent_short(inflation)));
                    }
                }
            });
            ui.end_row();
            ui.label("Range for risk");
            range_editor(ui, line, l);
            ui.end_row();
            ui.label("Category");
            fields::text(
                ui,
                ("line-category", l),
                "Category",
                &mut line.category,
                200.0,
                false,
            );
            ui.end_row();
            ui.label("Source");
            fields::text(
                ui,
                ("line-source", l),
                "Source",
                &mut line.source,
                360.0,
                false,
            );
            ui.end_row();
        });
    fields::problems(ui, problems);
}

fn totals(analysis: &Analysis, option: usize, ui: &mut egui::Ui, style: MoneyStyle) {
    let (Some(results), Some(option)) = (analysis.results(), analysis.option(option)) else {
        return;
    };
    let unit = match style {
        MoneyStyle::Thousands => ", £000",
        _ => "",
    };
    ui.strong(format!(
        "Totals by kind: cash, after adjustments and indexation{unit}"
    ));
    // In thousands the column says so once, rather than a `k` on every figure.
    let shown = |value: Decimal, strong: bool| {
        let text = match style {
            MoneyStyle::Thousands => crate::format::in_thousands(value),
            _ => money_cell(value, style),
        };
        if strong {
            egui::RichText::new(text).strong()
        } else {
            egui::RichText::new(text)
        }
    };
    let right = |ui: &mut egui::Ui, text: egui::RichText| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(text);
        });
    };
    egui::ScrollArea::horizontal()
        .id_salt("totals")
        .show(ui, |ui| {
            egui::Grid::new("kind-totals")
                .striped(true)
                .spacing([14.0, 4.0])
                .min_col_width(YEAR_WIDTH - 14.0)
                .show(ui, |ui| {
                    ui.label("");
                    for year in &results.years {
                        right(ui, egui::RichText::new(year).strong());
                    }
                    ui.end_row();
                    for kind in &option.figures.by_kind {
                        if kind.cash.iter().all(Decimal::is_zero) {
                            continue;
                        }
                        ui.label(kind.kind.label());
                        for value in &kind.cash {
                            right(ui, shown(*value, false));
                        }
                        ui.end_row();
                    }
                    ui.strong("Net");
                    for year in &option.figures.years {
                        right(ui, shown(year.net_cash, true));
                    }
                    ui.end_row();
                });
        });
}

/// The line's range for sensitivity and risk: low, most likely and high, in percent changes
/// (or in pounds when the file says so), and the shape of the distribution.
fn range_editor(ui: &mut egui::Ui, line: &mut Line, l: usize) {
    use crate::case::{Distribution, Range, RangeUnit};
    ui.horizontal(|ui| {
        let mut has = line.range.is_some();
        if ui.checkbox(&mut has, "own range").changed() {
            line.range = has.then(|| Range {
                low: Decimal::new(-2, 1),
                most_likely: Decimal::ZERO,
                high: Decimal::new(2, 1),
                unit: RangeUnit::Percent,
                distribution: Distribution::Triangular,
            });
        }
        let Some(range) = &mut line.range else {
            ui.label("the tornado uses the case's swing; Monte Carlo keeps the line as entered");
            return;
        };
        let (kind, unit) = match range.unit {
            RangeUnit::Percent => (Kind::Percent, "% change"),
            RangeUnit::Pounds => (Kind::Money, "£ headline amount"),
        };
        for (name, value) in [
            ("low", &mut range.low),
            ("most likely", &mut range.most_likely),
            ("high", &mut range.high),
        ] {
            ui.label(name);
            fields::decimal(
                ui,
                ("range", name, l),
                &format!("Range {name}"),
                value,
                kind,
                64.0,
            );
        }
        ui.label(unit);
        egui::ComboBox::from_id_salt(("distribution", l))
            .selected_text(match range.distribution {
                Distribution::Triangular => "Triangular",
                Distribution::Pert => "PERT",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut range.distribution,
                    Distribution::Triangular,
                    "Triangular",
                );
                ui.selectable_value(&mut range.distribution, Distribution::Pert, "PERT");
            })
            .response
            .accessible_name("Range distribution");
    });
}

/// The line's prices: the case's (the default), or its own.
fn prices_combo(ui: &mut egui::Ui, case: PriceBasis, line: &mut Line, l: usize) {
    let follow = format!("As the case ({case})");
    let shown = match line.prices {
        None => follow.clone(),
        Some(p) => capitalise(p.label()),
    };
    let before = line.prices;
    egui::ComboBox::from_id_salt(("line-prices", l))
        .selected_text(shown)
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut line.prices, None, follow);
            for basis in PriceBasis::ALL {
                ui.selectable_value(&mut line.prices, Some(basis), capitalise(basis.label()));
            }
        })
        .response
        .accessible_name("Line prices".to_owned())
        .on_hover_text("Cash: the sums paid in each year, as published (not indexed). Year-0 prices: the first year's price levels, indexed into cash.");
    if line.prices != before && line.prices.unwrap_or(case) == PriceBasis::Cash {
        // A line in cash prices is not indexed.
        line.indexation = None;
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Ramp-up typed as levels (the share of the full amount reached each year, as the file
/// stores it) or as yearly steps (the share added each year, as plans print it: 10, 40, 40,
/// 10); the label says which, and the other form is shown beside it.
fn ramp_up_editor(ui: &mut egui::Ui, ramp_up: &mut Vec<Decimal>, l: usize) {
    let id = egui::Id::unique("ramp-up-as-steps");
    let mut steps = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    ui.label(if steps {
        "Ramp-up, yearly steps %"
    } else {
        "Ramp-up, levels %"
    });
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            if steps {
                let mut increments = to_steps(ramp_up);
                if fields::percent_list(
                    ui,
                    ("ramp-steps", l),
                    "Ramp-up yearly steps",
                    &mut increments,
                    160.0,
                )
                .changed()
                {
                    *ramp_up = to_levels(&increments);
                }
                ui.label("e.g. 10, 40, 40, 10: the share of the full amount added each year");
            } else {
                fields::percent_list(ui, ("ramp", l), "Ramp-up percentages", ramp_up, 160.0);
                ui.label("e.g. 25, 75: then 100% from the third year");
            }
        });
        ui.horizontal(|ui| {
            let switch = if steps {
                "Type as levels instead"
            } else {
                "Type as yearly steps instead"
            };
            if ui.small_button(switch).clicked() {
                steps = !steps;
                ui.data_mut(|d| d.insert_temp(id, steps));
            }
            if !ramp_up.is_empty() {
                let other = if steps {
                    format!("levels: {}, then 100%", percent_words(ramp_up))
                } else {
                    format!("yearly steps: {}", percent_words(&to_steps(ramp_up)))
                };
                ui.label(egui::RichText::new(other).small());
            }
        });
    });
    ui.end_row();
}

fn percent_words(values: &[Decimal]) -> String {
    values
        .iter()
        .map(|v| percent_short(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Yearly steps from levels: the first level, then each level less the one before.
fn to_steps(levels: &[Decimal]) -> Vec<Decimal> {
    let mut before = Decimal::ZERO;
    levels
        .iter()
        .map(|level| {
            let step = *level - before;
            before = *level;
            step
        })
        .collect()
}

/// Levels from yearly steps: their running totals.
fn to_levels(steps: &[Decimal]) -> Vec<Decimal> {
    let mut total = Decimal::ZERO;
    steps
        .iter()
        .map(|step| {
            total += *step;
            total
        })
        .collect()
}

/// How a one-off line is paid for: the source (its kind's default unless chosen) and, for
/// borrowing, the asset life and how it is repaid.
fn funding(ui: &mut egui::Ui, line: &mut Line, l: usize) {
    use crate::case::{DEFAULT_ASSET_LIFE, Funding, MAX_ASSET_LIFE, Mrp};
    ui.label("Funded by");
    ui.horizontal(|ui| {
        let current = line.funding_source();
        let default = match line.kind {
            LineKind::CapitalInvestment => Funding::Borrowing,
            _ => Funding::Reserves,
        };
        egui::ComboBox::from_id_salt(("funding", l))
            .selected_text(current.map_or("", Funding::label))
            .width(170.0)
            .show_ui(ui, |ui| {
                for source in Funding::ALL {
                    if source == Funding::Borrowing && line.kind != LineKind::CapitalInvestment {
                        continue;
                    }
                    let label = if source == default {
                        format!("{} (the default)", source.label())
                    } else {
                        source.label().to_owned()
                    };
                    if ui.selectable_label(current == Some(source), label).clicked() {
                        line.funding = (source != default).then_some(source);
                    }
                }
            })
            .response
            .accessible_name("Funded by".to_owned());
        if current == Some(Funding::Borrowing) {
            ui.label("over");
            let life = line.asset_life_years.unwrap_or(DEFAULT_ASSET_LIFE);
            if let Some(years) = fields::whole(
                ui,
                ("asset-life", l),
                "Asset life",
                i64::from(life),
                (1, i64::from(MAX_ASSET_LIFE)),
                36.0,
            ) && let Ok(years) = u32::try_from(years)
            {
                line.asset_life_years = (years != DEFAULT_ASSET_LIFE).then_some(years);
            }
            ui.label("years,");
            let method = line.mrp.unwrap_or_default();
            egui::ComboBox::from_id_salt(("mrp", l))
                .selected_text(method.label())
                .show_ui(ui, |ui| {
                    for m in Mrp::ALL {
                        if ui.selectable_label(method == m, m.label()).clicked() {
                            line.mrp = (m != Mrp::Equal).then_some(m);
                        }
                    }
                })
                .response
                .accessible_name("MRP method".to_owned())
                .on_hover_text("Minimum revenue provision: equal instalments, or an annuity (MRP and interest together the same each year)");
        }
    });
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::{to_levels, to_steps};
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn plans_printed_as_steps_are_stored_as_levels() {
        // 10% / 40% / 40% / 10% of the savings, as a published plan phases them.
        let steps = [d("0.1"), d("0.4"), d("0.4"), d("0.1")];
        assert_eq!(to_levels(&steps), [d("0.1"), d("0.5"), d("0.9"), d("1.0")]);
        assert_eq!(to_steps(&to_levels(&steps)), steps);
        assert_eq!(to_steps(&[d("0.25"), d("0.75")]), [d("0.25"), d("0.5")]);
    }
}
