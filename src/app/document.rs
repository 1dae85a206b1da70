//! The open case: what is being edited, where it lives, and what was last saved.

use crate::case::Case;
use std::path::{Path, PathBuf};

/// The case being edited, with its file and the copy last saved or opened.
#[derive(Debug, Clone)]
pub struct Document {
    /// The case as it stands, edited directly by the views.
    pub case: Case,
    path: Option<PathBuf>,
    saved: Case,
    /// Whether `case` differs from `saved`, worked out once per change of either.
    dirty: bool,
}

impl Document {
    /// A case with no file yet (the example, or a new case): not "unsaved" until edited.
    #[must_use]
    pub fn unsaved(case: Case) -> Self {
        Self {
            saved: case.clone(),
            case,
            path: None,
            dirty: false,
        }
    }

    /// A case opened from `path`.
    #[must_use]
    pub fn opened(case: Case, path: PathBuf) -> Self {
        Self {
            saved: case.clone(),
            case,
            path: Some(path),
            dirty: false,
        }
    }

    /// Work recovered after a crash: unsaved, and saved back to `path` (its own file) if it
    /// had one.
    #[must_use]
    pub fn recovered(case: Case, path: Option<PathBuf>, saved: Case) -> Self {
        let dirty = case != saved;
        Self {
            case,
            path,
            saved,
            dirty,
        }
    }

    /// The file, if the case has one.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the case differs from what was last saved or opened.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Compares the case with the copy last saved; called once per change of the case.
    pub fn refresh_dirty(&mut self) {
        self.dirty = self.case != self.saved;
    }

    /// Records that `case` was saved to `path` (the case may have changed since).
    pub fn mark_saved(&mut self, case: Case, path: PathBuf) {
        self.saved = case;
        self.path = Some(path);
        self.refresh_dirty();
    }

    /// The file name, or what the case is when it has none.
    #[must_use]
    pub fn name(&self) -> String {
        self.path.as_ref().map_or_else(
            || "Unsaved case".to_owned(),
            |p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            },
        )
    }

    /// The window title: file name, an unsaved-changes marker, and the app.
    #[must_use]
    pub fn window_title(&self) -> String {
        let marker = if self.is_dirty() { " *" } else { "" };
        format!("{}{marker} - {} - Sharecase", self.name(), self.case.title)
    }
}
