//! Monte Carlo off the UI thread: one run at a time, for one revision of the case, cancelled
//! and restarted when the revision changes, with progress the view can show. A finished run
//! is kept with the revision it was made from, and offered only to that revision's views.

use crate::analysis::Analysis;
use crate::engine::risk::RiskResults;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};

struct Job {
    revision: u64,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicU64>,
    /// Trials over every option.
    trials: u64,
    result: Receiver<Option<RiskResults>>,
}

/// The risk analysis of one revision of the case.
#[derive(Default)]
pub struct RiskRun {
    for_revision: Option<u64>,
    job: Option<Job>,
    /// The last finished run, and the revision it is of.
    finished: Option<(u64, RiskResults)>,
}

impl RiskRun {
    /// Collects a finished run, and starts one for `analysis` if none is under way or done
    /// for its revision (cancelling a run for an older one).
    pub fn keep_up(&mut self, ctx: &egui::Context, analysis: &Analysis) {
        if let Some(job) = &self.job {
            match job.result.try_recv() {
                Ok(result) => {
                    self.finished = result.map(|r| (job.revision, r));
                    self.job = None;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.job = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        let revision = analysis.revision();
        if self.for_revision == Some(revision) {
            return;
        }
        self.cancel();
        self.for_revision = Some(revision);
        let Some((case, _)) = analysis.computed() else {
            return;
        };
        if analysis.risk_problems().next().is_some() {
            return;
        }
        let trials = u64::from(case.risk.trials);
        let total = trials * case.options.len() as u64;
        let (cancel, done) = (
            Arc::new(AtomicBool::new(false)),
            Arc::new(AtomicU64::new(0)),
        );
        let (sender, receiver) = channel();
        let (case, seed) = (case.clone(), case.risk.seed);
        let (c, d, ctx) = (cancel.clone(), done.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = crate::engine::risk::run(&case, trials, seed, &d, &c);
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        self.job = Some(Job {
            revision,
            cancel,
            done,
            trials: total,
            result: receiver,
        });
    }

    /// The finished run of `revision`, if there is one: never a run of another revision.
    #[must_use]
    pub fn results(&self, revision: u64) -> Option<&RiskResults> {
        self.finished
            .as_ref()
            .filter(|(r, _)| *r == revision)
            .map(|(_, results)| results)
    }

    /// The share of the running job done, if one is running.
    #[must_use]
    pub fn progress(&self) -> Option<f32> {
        self.job.as_ref().map(|job| {
            #[allow(clippy::cast_precision_loss)]
            let share = job.done.load(Ordering::Relaxed) as f32 / job.trials.max(1) as f32;
            share.min(1.0)
        })
    }

    /// Stops the running job; the next change of the case starts another.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Runs again from scratch (after a cancel).
    pub fn restart(&mut self) {
        self.cancel();
        self.for_revision = None;
    }
}

/// The tornado and switching values of one option, worked out off the UI thread for one
/// revision: a view shows them only for the revision, option and grouping they are of.
#[derive(Default)]
pub struct SensitivityRun {
    wanted: Option<(u64, usize, bool)>,
    job: Option<Receiver<crate::analysis::Sensitivity>>,
    done: Option<((u64, usize, bool), crate::analysis::Sensitivity)>,
}

impl SensitivityRun {
    /// The tornado and switching values of `option` for the analysis' revision, once worked
    /// out; starts the work (dropping any for another revision) when it is not under way.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        analysis: &Analysis,
        option: usize,
        by_category: bool,
    ) -> Option<&crate::analysis::Sensitivity> {
        let key = (analysis.revision(), option, by_category);
        if let Some(job) = &self.job
            && let Ok(made) = job.try_recv()
        {
            if self.wanted == Some(key) {
                self.done = Some((key, made));
            }
            self.job = None;
        }
        if self.done.as_ref().is_some_and(|(k, _)| *k == key) {
            return self.done.as_ref().map(|(_, s)| s);
        }
        if self.wanted != Some(key) || self.job.is_none() {
            self.wanted = Some(key);
            self.job = analysis.sensitivity_work(option, by_category).map(|work| {
                let (sender, receiver) = channel();
                let ctx = ctx.clone();
                std::thread::spawn(move || {
                    let _ = sender.send(work());
                    ctx.request_repaint();
                });
                receiver
            });
        }
        None
    }
}
