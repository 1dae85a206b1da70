//! Form fields for exact numbers and names, which behave as a spreadsheet's cells do: the
//! text being typed is kept apart from the model, which changes only when the field is
//! committed (Enter, Tab, or leaving it) with text that reads; Esc puts the model's value
//! back. Text that does not read stays on screen, outlined, with a message in words, until it
//! is put right. Nothing typed is lost, and no half-typed value ever reaches the figures.

use super::theme::Palette;
use crate::format::{MoneyStyle, money};
use crate::input::{parse_amount, parse_percent, parse_percent_list};
use egui::{TextEdit, Ui};
use rust_decimal::Decimal;

/// What a field holds, which sets how it is shown and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money in pounds: shown `1,050,000`, read as `1050000`, `£1,050,000`...
    Money,
    /// A fraction shown and typed as a percentage: `3.5` means 0.035.
    Percent,
    /// A plain number (weights).
    Number,
}

impl Kind {
    fn show(self, value: Decimal) -> String {
        match self {
            Self::Money => money(value, MoneyStyle::Pence)
                .trim_start_matches('£')
                .trim_end_matches(".00")
                .to_owned(),
            Self::Percent => percent_text(value),
            Self::Number => value.normalize().to_string(),
        }
    }

    fn read(self, text: &str) -> Result<Decimal, String> {
        match self {
            Self::Money | Self::Number => parse_amount(text),
            Self::Percent => parse_percent(text),
        }
    }
}

const UNREAD: &str = "sharecase-fields-unread";

/// The fields drawn since the last call whose text does not read (and so is not in the
/// figures), each as `name: message`; the list starts again empty.
pub fn take_unread(ctx: &egui::Context) -> Vec<String> {
    ctx.data_mut(|d| {
        std::mem::take(d.get_temp_mut_or_default::<Vec<String>>(egui::Id::NULL.with(UNREAD)))
    })
}

/// Fields narrower than this (cells of the lines grid) give their message on hover and in
/// the status bar, so that a message never pushes the grid's columns out of line.
const INLINE_MESSAGE_WIDTH: f32 = 150.0;

/// A fraction as the percentage typed for it; one too large to multiply (from a file that
/// validation will refuse) is shown as the fraction it is.
fn percent_text(value: Decimal) -> String {
    value.checked_mul(Decimal::ONE_HUNDRED).map_or_else(
        || format!("{} (as a fraction)", value.normalize()),
        |p| p.normalize().to_string(),
    )
}

#[derive(Clone, Default)]
struct Draft {
    text: String,
    error: Option<String>,
}

/// What a field did this frame.
pub struct Edited {
    committed: bool,
}

impl Edited {
    /// True in the frame the model took a new value from the field (Enter, Tab, leaving it).
    #[must_use]
    pub fn changed(&self) -> bool {
        self.committed
    }
}

/// A text field for an exact number, named `name` for screen readers and tests. The model
/// changes only when the field is committed (Enter, Tab or leaving it) with text that reads as
/// a number; Esc puts the model's value back.
pub fn decimal(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    value: &mut Decimal,
    kind: Kind,
    width: f32,
) -> Edited {
    let id = ui.make_persistent_id(id_salt);
    decimal_cell(ui, id, name, value, kind, width)
}

/// A field for a list of percentages (`60, 40`), as phasing and ramp-up are typed.
pub fn percent_list(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    values: &mut Vec<Decimal>,
    width: f32,
) -> Edited {
    let shown = values
        .iter()
        .map(|v| percent_text(*v))
        .collect::<Vec<_>>()
        .join(", ");
    let align = egui::Align2::RIGHT_CENTER;
    text_field(
        ui,
        id_salt,
        name,
        &shown,
        width,
        align,
        false,
        parse_percent_list,
        |v| {
            *values = v;
            Ok(())
        },
    )
}

/// A name (of a partner, a sharing basis, an option), committed like a number: `rename` gets
/// the trimmed name once the field is left, and may refuse it (a clash with another name) with
/// a message; the text then stays in the field until it is put right or Esc puts the old
/// name back.
pub fn name(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    current: &str,
    width: f32,
    rename: impl FnOnce(String) -> Result<(), String>,
) -> Edited {
    text_field(
        ui,
        id_salt,
        label,
        current,
        width,
        egui::Align2::LEFT_CENTER,
        false,
        |text| {
            let text = text.trim();
            if text.is_empty() {
                Err("a name cannot be empty".to_owned())
            } else {
                Ok(text.to_owned())
            }
        },
        rename,
    )
}

/// A whole number from `low` to `high` (a year, a horizon), committed like an amount, so that
/// typing `10` never passes through a horizon of 1, nor `2026` through the year 2.
pub fn whole(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    value: i64,
    (low, high): (i64, i64),
    width: f32,
) -> Option<i64> {
    let mut chosen = None;
    text_field(
        ui,
        id_salt,
        name,
        &value.to_string(),
        width,
        egui::Align2::RIGHT_CENTER,
        false,
        |text| {
            text.trim()
                .parse::<i64>()
                .ok()
                .filter(|v| (low..=high).contains(v))
                .ok_or_else(|| {
                    format!(
                        "'{}' is not a whole number from {low} to {high}",
                        text.trim()
                    )
                })
        },
        |v| {
            chosen = Some(v);
            Ok(())
        },
    );
    chosen
}

/// Free text (a title, a source, a description), committed like a number: the case takes
/// it once the field is left, so an undo step is a whole edit, not a keystroke.
pub fn text(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    value: &mut String,
    width: f32,
    multiline: bool,
) -> Edited {
    let shown = value.clone();
    text_field(
        ui,
        id_salt,
        label,
        &shown,
        width,
        egui::Align2::LEFT_TOP,
        multiline,
        |text| Ok(text.to_owned()),
        |text| {
            *value = text;
            Ok(())
        },
    )
}

/// A cell of a grid: an exact number in a field whose id is `id` wherever it is drawn, so
/// that the grid can move the keyboard focus to it (see `views::grid`).
pub fn decimal_cell(
    ui: &mut Ui,
    id: egui::Id,
    name: &str,
    value: &mut Decimal,
    kind: Kind,
    width: f32,
) -> Edited {
    let shown = kind.show(*value);
    text_field_at(
        ui,
        id,
        name,
        &shown,
        width,
        egui::Align2::RIGHT_CENTER,
        false,
        |text| kind.read(text),
        |v| {
            *value = v;
            Ok(())
        },
    )
}

/// A cell of a grid holding free text (a line's name), with a fixed id as
/// [`decimal_cell`].
pub fn text_cell(ui: &mut Ui, id: egui::Id, name: &str, value: &mut String, width: f32) -> Edited {
    let shown = value.clone();
    text_field_at(
        ui,
        id,
        name,
        &shown,
        width,
        egui::Align2::LEFT_CENTER,
        false,
        |text| Ok(text.to_owned()),
        |text| {
            *value = text;
            Ok(())
        },
    )
}

/// A cell of a grid that shows a figure worked out from others (a year of a recurring
/// line): the keyboard can stop on it, as on any cell, but typing does not change it.
pub fn shown_cell(ui: &mut Ui, id: egui::Id, name: &str, shown: &str, width: f32, hover: &str) {
    let mut text: &str = shown;
    let palette = Palette::of(ui);
    let edit = TextEdit::singleline(&mut text)
        .id(edit_id(id))
        .align(egui::Align2::RIGHT_CENTER)
        .frame(egui::Frame::NONE)
        .text_color(palette.muted);
    let response = ui.add_sized([width, 22.0], edit).accessible_name(name);
    if response.has_focus() {
        // No frame of its own, so the keyboard's place is drawn here.
        let stroke = ui.visuals().selection.stroke;
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            3.0,
            stroke,
            egui::StrokeKind::Inside,
        );
        let typed = ui.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if !t.is_empty()))
        });
        let id = response.id.with("typed");
        if typed {
            ui.data_mut(|d| d.insert_temp(id, true));
        }
        if ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false) {
            response.show_tooltip_text(hover);
        }
    } else {
        ui.data_mut(|d| d.remove::<bool>(response.id.with("typed")));
        response.on_hover_text(hover);
    }
}

/// The id of the text field inside the cell `id`, which holds the keyboard focus.
#[must_use]
pub fn edit_id(id: egui::Id) -> egui::Id {
    id.with("edit")
}

/// Asks the field of cell `id` to select its whole text when it is next drawn, so that
/// typing replaces it, as in a spreadsheet.
pub fn select_all_when_shown(ctx: &egui::Context, id: egui::Id) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::NULL.with(SELECT_ALL), Some(edit_id(id))));
}

const SELECT_ALL: &str = "sharecase-fields-select-all";

/// Selects the whole of `text` in the field `edit` if the grid asked for it.
fn select_all_if_asked(ui: &Ui, edit: egui::Id, text: &str) {
    let key = egui::Id::NULL.with(SELECT_ALL);
    let asked = ui.data(|d| d.get_temp::<Option<egui::Id>>(key)).flatten();
    if asked == Some(edit) {
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), edit).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), edit);
        ui.data_mut(|d| d.remove::<Option<egui::Id>>(key));
    }
}

#[allow(clippy::too_many_arguments)]
fn text_field<T>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    shown: &str,
    width: f32,
    align: egui::Align2,
    multiline: bool,
    read: impl Fn(&str) -> Result<T, String>,
    commit: impl FnOnce(T) -> Result<(), String>,
) -> Edited {
    let id = ui.make_persistent_id(id_salt);
    text_field_at(ui, id, name, shown, width, align, multiline, read, commit)
}

#[allow(clippy::too_many_arguments)]
fn text_field_at<T>(
    ui: &mut Ui,
    id: egui::Id,
    name: &str,
    shown: &str,
    width: f32,
    align: egui::Align2,
    multiline: bool,
    read: impl Fn(&str) -> Result<T, String>,
    commit: impl FnOnce(T) -> Result<(), String>,
) -> Edited {
    ui.vertical(|ui| {
        let mut draft: Option<Draft> = ui.data(|d| d.get_temp(id));
        let mut text = draft
            .as_ref()
            .map_or_else(|| shown.to_owned(), |d| d.text.clone());
        select_all_if_asked(ui, edit_id(id), &text);
        let has_error = draft.as_ref().is_some_and(|d| d.error.is_some());
        let palette = Palette::of(ui);
        let mut edit = if multiline {
            TextEdit::multiline(&mut text).desired_rows(3)
        } else {
            TextEdit::singleline(&mut text)
        }
        .id(edit_id(id))
        .align(align);
        if has_error {
            edit = edit.background_color(palette.error.gamma_multiply(0.15));
        }
        let response = if multiline {
            ui.add(edit.desired_width(width)).accessible_name(name)
        } else {
            ui.add_sized([width, 22.0], edit).accessible_name(name)
        };
        if response.changed() {
            // Read as typed, to say at once what will not do; the model waits for the commit.
            let error = read(&text).err();
            draft = Some(Draft { text, error });
        } else if response.has_focus() && draft.is_none() {
            draft = Some(Draft { text, error: None });
        }
        let mut committed = false;
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                draft = None;
            } else if let Some(typed) = draft.take() {
                let outcome = if typed.text == shown {
                    Ok(false)
                } else {
                    read(&typed.text).and_then(|value| commit(value).map(|()| true))
                };
                match outcome {
                    Ok(changed) => committed = changed,
                    Err(error) => {
                        draft = Some(Draft {
                            text: typed.text,
                            error: Some(error),
                        });
                    }
                }
            }
        } else if !response.has_focus() && draft.as_ref().is_some_and(|d| d.error.is_none()) {
            // Left without a commit (the field was hidden): show the model's value again.
            draft = None;
        }
        let message = draft.as_ref().and_then(|d| d.error.clone());
        if let Some(message) = &message {
            let entry = format!("{name}: {message}");
            ui.data_mut(|d| {
                d.get_temp_mut_or_default::<Vec<String>>(egui::Id::NULL.with(UNREAD))
                    .push(entry);
            });
        }
        ui.data_mut(|d| match draft {
            Some(draft) => {
                d.insert_temp(id, draft);
            }
            None => d.remove::<Draft>(id),
        });
        if let Some(message) = message {
            if width >= INLINE_MESSAGE_WIDTH {
                // Under the field and no wider, so a message never widens a panel.
                ui.scope(|ui| {
                    ui.set_max_width(width);
                    ui.add(
                        egui::Label::new(egui::RichText::new(message).color(palette.error)).wrap(),
                    );
                });
            } else {
                response.on_hover_text(message);
            }
        }
        Edited { committed }
    })
    .inner
}

/// Shows each problem in words, in the error colour, where the field is.
pub fn problems(ui: &mut Ui, messages: &[String]) {
    let palette = Palette::of(ui);
    for message in messages {
        ui.colored_label(palette.error, message);
    }
}
