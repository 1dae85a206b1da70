//! Undo and redo, as snapshots of the case (it is small).
//!
//! A step is recorded only when the user is not mid-interaction, so a whole slider drag or a
//! whole edit of a field is one step.

use crate::case::Case;

/// How many steps are kept.
const MAX_STEPS: usize = 200;

/// Snapshots of the case; `at` is the one the case matches when nothing is pending.
#[derive(Debug, Clone)]
pub struct History {
    steps: Vec<Case>,
    at: usize,
}

impl History {
    /// History starting from `case`, with nothing to undo.
    #[must_use]
    pub fn new(case: &Case) -> Self {
        Self {
            steps: vec![case.clone()],
            at: 0,
        }
    }

    /// Records `case` as a new step if it differs from the current one.
    pub fn record(&mut self, case: &Case) {
        if self.steps[self.at] == *case {
            return;
        }
        self.steps.truncate(self.at + 1);
        self.steps.push(case.clone());
        if self.steps.len() > MAX_STEPS {
            self.steps.remove(0);
        }
        self.at = self.steps.len() - 1;
    }

    /// Steps back: records any pending edit first, then restores the step before.
    pub fn undo(&mut self, case: &mut Case) -> bool {
        self.record(case);
        if self.at == 0 {
            return false;
        }
        self.at -= 1;
        *case = self.steps[self.at].clone();
        true
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, case: &mut Case) -> bool {
        if *case != self.steps[self.at] || self.at + 1 >= self.steps.len() {
            return false;
        }
        self.at += 1;
        *case = self.steps[self.at].clone();
        true
    }

    /// True when there is something to undo (a recorded step, or a pending edit).
    #[must_use]
    pub fn can_undo(&self, case: &Case) -> bool {
        self.at > 0 || self.steps[self.at] != *case
    }

    /// True when there is something to redo.
    #[must_use]
    pub fn can_redo(&self, case: &Case) -> bool {
        self.at + 1 < self.steps.len() && self.steps[self.at] == *case
    }
}
