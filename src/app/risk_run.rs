//! Monte Carlo off the UI thread: one run at a time, cancelled and restarted when the case
//! changes, with progress the view can show. Tornado and switching values are cached per
//! case and option, so they are worked out once per change, not every frame.

use crate::case::Case;
use crate::engine::CaseResults;
use crate::engine::risk::RiskResults;
use crate::engine::sensitivity::{SwitchingValues, Tornado, switching_values, tornado};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};

struct Job {
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicU64>,
    /// Trials over every option.
    trials: u64,
    result: Receiver<Option<RiskResults>>,
}

/// The risk analysis of the case as it stands.
#[derive(Default)]
pub struct RiskRun {
    for_case: Option<Case>,
    job: Option<Job>,
    /// The last finished run, for `for_case`.
    pub results: Option<RiskResults>,
    sensitivity: Option<(Case, usize, bool, Tornado, SwitchingValues)>,
}

impl RiskRun {
    /// Starts a run if the case changed since the last one (cancelling any under way), and
    /// collects a finished run.
    pub fn keep_up(&mut self, ctx: &egui::Context, case: &Case) {
        if let Some(job) = &self.job {
            match job.result.try_recv() {
                Ok(result) => {
                    self.results = result;
                    self.job = None;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.job = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        if self.for_case.as_ref() == Some(case) {
            return;
        }
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        self.for_case = Some(case.clone());
        self.results = None;
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
            cancel,
            done,
            trials: total,
            result: receiver,
        });
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

    /// Runs again from scratch (after settings change or a cancel).
    pub fn restart(&mut self) {
        self.cancel();
        self.for_case = None;
    }

    /// The tornado and switching values of option `option`, worked out once per case.
    pub fn sensitivity(
        &mut self,
        case: &Case,
        results: &CaseResults,
        option: usize,
        by_category: bool,
    ) -> (&Tornado, &SwitchingValues) {
        let fresh = self
            .sensitivity
            .as_ref()
            .is_some_and(|(c, o, b, _, _)| c == case && *o == option && *b == by_category);
        if !fresh {
            let t = tornado(case, &results.options[option], option, by_category);
            let s = switching_values(case, &results.options[option], option);
            self.sensitivity = Some((case.clone(), option, by_category, t, s));
        }
        let (_, _, _, t, s) = self.sensitivity.as_ref().expect("just set");
        (t, s)
    }
}
