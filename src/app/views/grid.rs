//! Moving about a table of fields as in a spreadsheet: Enter commits and moves down, Tab
//! right, Shift+Tab left; the arrow keys move between cells until the user types or presses
//! F2; a cell reached by the keyboard has its text selected, so typing replaces it.
//!
//! The fields commit themselves when they lose the focus (see `fields`), so a move is only a
//! change of focus: the cell left takes what was typed, or keeps it on screen with a message
//! when it does not read.

use super::super::fields;
use egui::{Context, EventFilter, Id, Key, Modifiers};

/// A table of `rows` by `cols` cells whose fields have ids made by [`Grid::cell`].
#[derive(Clone, Copy)]
pub struct Grid {
    base: Id,
    rows: usize,
    cols: usize,
}

/// Where the keyboard is in a grid, kept between frames.
#[derive(Clone, Copy, Default)]
struct At {
    cell: Option<(usize, usize)>,
    /// Reached by the keyboard and not typed in yet: the arrow keys move between cells.
    moving: bool,
}

impl Grid {
    /// A grid named `base` (unique in the window).
    #[must_use]
    pub fn new(base: Id, rows: usize, cols: usize) -> Self {
        Self { base, rows, cols }
    }

    /// The id of the cell in row `row`, column `col`.
    #[must_use]
    pub fn cell(&self, row: usize, col: usize) -> Id {
        self.base.with((row, col))
    }

    fn at(&self, ctx: &Context) -> At {
        ctx.data(|d| d.get_temp::<At>(self.base.with("at")))
            .unwrap_or_default()
    }

    fn set_at(&self, ctx: &Context, at: At) {
        ctx.data_mut(|d| d.insert_temp(self.base.with("at"), at));
    }

    /// The cell with the keyboard focus, if any.
    #[must_use]
    pub fn focused(&self, ctx: &Context) -> Option<(usize, usize)> {
        self.at(ctx)
            .cell
            .filter(|&(r, c)| ctx.memory(|m| m.has_focus(fields::edit_id(self.cell(r, c)))))
    }

    /// Handles this frame's keys for the focused cell, before any cell is drawn; returns the
    /// row moved to, so the caller can bring it into view before drawing.
    pub fn keys(&self, ctx: &Context) -> Option<usize> {
        let (r, c) = self.focused(ctx)?;
        let mut at = self.at(ctx);
        if ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if !t.is_empty()))
        }) {
            at.moving = false;
        }
        let pressed = |modifiers, key| ctx.input_mut(|i| i.consume_key(modifiers, key));
        let (last_row, last_col) = (self.rows.saturating_sub(1), self.cols.saturating_sub(1));
        // Enter and Tab with nowhere further to go leave the grid; an arrow key stays.
        let mut leaves = true;
        let target = if pressed(Modifiers::NONE, Key::F2) {
            at.moving = false;
            None
        } else if pressed(Modifiers::SHIFT, Key::Tab) {
            Some(if c > 0 {
                (r, c - 1)
            } else if r > 0 {
                (r - 1, last_col)
            } else {
                (r, c)
            })
        } else if pressed(Modifiers::NONE, Key::Tab) {
            Some(if c < last_col {
                (r, c + 1)
            } else if r < last_row {
                (r + 1, 0)
            } else {
                (r, c)
            })
        } else if pressed(Modifiers::SHIFT, Key::Enter) {
            Some((r.saturating_sub(1), c))
        } else if pressed(Modifiers::NONE, Key::Enter) {
            Some(((r + 1).min(last_row), c))
        } else if pressed(Modifiers::NONE, Key::ArrowUp) {
            leaves = false;
            Some((r.saturating_sub(1), c))
        } else if pressed(Modifiers::NONE, Key::ArrowDown) {
            leaves = false;
            Some(((r + 1).min(last_row), c))
        } else if at.moving && pressed(Modifiers::NONE, Key::ArrowLeft) {
            leaves = false;
            Some((r, c.saturating_sub(1)))
        } else if at.moving && pressed(Modifiers::NONE, Key::ArrowRight) {
            leaves = false;
            Some((r, (c + 1).min(last_col)))
        } else {
            None
        };
        let Some(target) = target else {
            self.set_at(ctx, at);
            return None;
        };
        let id = self.cell(target.0, target.1);
        // A key that comes in the frame after a move finds the window about to move the focus
        // its own way (the cell's filter is not in place yet): the grid's move stands instead.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        if target == (r, c) {
            if !leaves {
                return None;
            }
            // Nowhere further to go: the cell takes what was typed, as in a spreadsheet.
            ctx.memory_mut(|m| m.surrender_focus(fields::edit_id(id)));
            self.set_at(ctx, At::default());
            return None;
        }
        ctx.memory_mut(|m| m.request_focus(fields::edit_id(id)));
        fields::select_all_when_shown(ctx, id);
        self.set_at(
            ctx,
            At {
                cell: Some(target),
                moving: true,
            },
        );
        Some(target.0)
    }

    /// After the cell (`row`, `col`) is drawn: keeps the keys the grid handles away from the
    /// window's own focus moves, remembers a cell clicked into, and scrolls a cell reached by
    /// the keyboard into view.
    pub fn drawn(&self, ui: &egui::Ui, row: usize, col: usize) {
        let edit = fields::edit_id(self.cell(row, col));
        let ctx = ui.ctx();
        if !ctx.memory(|m| m.has_focus(edit)) {
            return;
        }
        if !ctx.memory(|m| m.had_focus_last_frame(edit)) {
            // The window takes the filter below only from a widget that had the focus the
            // frame before: draw one more frame now, before the next key comes.
            ctx.request_repaint();
        }
        ctx.memory_mut(|m| {
            m.set_focus_lock_filter(
                edit,
                EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: false,
                },
            );
        });
        let mut at = self.at(ctx);
        if at.cell != Some((row, col)) {
            // Clicked into: the arrow keys move the caret, as when editing a cell.
            at = At {
                cell: Some((row, col)),
                moving: false,
            };
            self.set_at(ctx, at);
        }
        if !ctx.memory(|m| m.had_focus_last_frame(edit))
            && let Some(rect) = ctx.read_response(edit).map(|r| r.rect)
        {
            ui.scroll_to_rect(rect, None);
            ctx.data_mut(|d| d.insert_temp(self.base.with("reveal"), Some(rect)));
        }
    }

    /// Scrolls a sideways scroll area to show the cell reached by the keyboard. Call it inside
    /// that area, after the vertical one holding the cells: a scroll area that moves one way
    /// only drops a request to move the other way, so this one is made again outside it.
    pub fn reveal_sideways(&self, ui: &egui::Ui) {
        let key = self.base.with("reveal");
        if let Some(rect) = ui
            .ctx()
            .data_mut(|d| d.remove_temp::<Option<egui::Rect>>(key))
            .flatten()
        {
            ui.scroll_to_rect(rect, None);
        }
    }
}

/// One vertical scroll position shared by a grid's frozen columns and the columns that
/// scroll sideways, which are two scroll areas side by side: whichever the user moved, the
/// other follows, and a row reached by the keyboard is brought into view in both.
pub struct Scroll {
    id: Id,
    offset: f32,
    force: bool,
}

impl Scroll {
    /// The shared position of the grid `salt`, moved if needed to show row `moved_to` in a
    /// view `height` high whose rows are `step` apart.
    pub fn of(
        ctx: &Context,
        salt: impl std::hash::Hash + std::fmt::Debug,
        moved_to: Option<usize>,
        step: f32,
        height: f32,
    ) -> Self {
        let id = Id::unique(("grid-scroll", salt));
        let (mut offset, mut force) = ctx
            .data(|d| d.get_temp::<(f32, bool)>(id))
            .unwrap_or((0.0, false));
        if let Some(row) = moved_to {
            #[allow(clippy::cast_precision_loss)]
            let top = row as f32 * step;
            let bottom = top + step;
            if top < offset {
                offset = top;
                force = true;
            } else if bottom > offset + height {
                offset = bottom - height;
                force = true;
            }
        }
        Self { id, offset, force }
    }

    /// A vertical scroll area `height` high at the shared position.
    pub fn area(&self, salt: &str, height: f32) -> egui::ScrollArea {
        let area = egui::ScrollArea::vertical()
            .id_salt(salt)
            .max_height(height);
        if self.force {
            area.vertical_scroll_offset(self.offset)
        } else {
            area
        }
    }

    /// Takes the positions the two areas ended at: the one the user moved leads.
    pub fn follow(self, ctx: &Context, frozen: f32, scrolled: f32) {
        let moved = |at: f32| (at - self.offset).abs() > 0.5;
        let next = if moved(frozen) {
            (frozen, true)
        } else if moved(scrolled) {
            (scrolled, true)
        } else {
            (self.offset, false)
        };
        if next.1 {
            ctx.request_repaint();
        }
        ctx.data_mut(|d| d.insert_temp(self.id, next));
    }
}
