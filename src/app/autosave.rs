//! Autosave on a thread of its own: every change reaches the disk within about a second,
//! whether or not the window is drawing (a drop-down change, then no more frames, then a
//! crash, loses nothing). The case's own file name is kept beside it, so recovered work
//! saves back to the file it came from.

use crate::case::{self, Case};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// Work found in the autosave folder: the case, and the file it belonged to, if any.
#[derive(Debug, Clone)]
pub struct Recovered {
    /// The unsaved case.
    pub case: Case,
    /// The file it was opened from or saved to.
    pub path: Option<PathBuf>,
}

#[derive(Default)]
struct Slot {
    pending: Option<(Case, Option<PathBuf>)>,
    /// Grows with every clear, so a write that started before a clear is thrown away.
    generation: u64,
}

/// The autosave files in one folder, written by a background thread.
pub struct Autosaver {
    dir: PathBuf,
    shared: Arc<(Mutex<Slot>, Condvar)>,
}

/// The longest wait between a change and the next one written.
const SETTLE: Duration = Duration::from_millis(500);

fn lock(slot: &Mutex<Slot>) -> MutexGuard<'_, Slot> {
    slot.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Autosaver {
    /// An autosaver writing into `dir`; its thread ends with the process.
    #[must_use]
    pub fn new(dir: PathBuf) -> Self {
        let shared = Arc::new((Mutex::new(Slot::default()), Condvar::new()));
        let (thread_shared, thread_dir) = (shared.clone(), dir.clone());
        std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || writer(&thread_dir, &thread_shared))
            .ok();
        Self { dir, shared }
    }

    fn case_path(dir: &Path) -> PathBuf {
        dir.join("autosave.sharecase.json")
    }

    fn origin_path(dir: &Path) -> PathBuf {
        dir.join("autosave.origin")
    }

    /// Hands the case as it stands to the writer; only the newest one waiting is written.
    pub fn save(&self, case: &Case, path: Option<&Path>) {
        let (slot, ready) = &*self.shared;
        lock(slot).pending = Some((case.clone(), path.map(Path::to_owned)));
        ready.notify_one();
    }

    /// Removes the autosave files now, and drops any write waiting or under way.
    pub fn clear(&self) {
        let (slot, _) = &*self.shared;
        let mut slot = lock(slot);
        slot.pending = None;
        slot.generation += 1;
        let _ = std::fs::remove_file(Self::case_path(&self.dir));
        let _ = std::fs::remove_file(Self::origin_path(&self.dir));
    }

    /// Work left by a session that did not end cleanly, if any.
    #[must_use]
    pub fn recoverable(&self) -> Option<Recovered> {
        let case = case::load(&Self::case_path(&self.dir)).ok()?;
        let path = std::fs::read_to_string(Self::origin_path(&self.dir))
            .ok()
            .map(|text| text.trim_end_matches('\n').to_owned())
            .filter(|text| !text.is_empty())
            .map(PathBuf::from);
        Some(Recovered { case, path })
    }
}

/// Writes each case handed over, newest first, into a temporary file renamed into place
/// only if no clear came in meanwhile.
fn writer(dir: &Path, shared: &(Mutex<Slot>, Condvar)) {
    let (slot, ready) = shared;
    loop {
        let (case, origin, generation) = {
            let mut guard = lock(slot);
            while guard.pending.is_none() {
                guard = ready.wait(guard).unwrap_or_else(PoisonError::into_inner);
            }
            let Some((case, origin)) = guard.pending.take() else {
                continue;
            };
            (case, origin, guard.generation)
        };
        let _ = std::fs::create_dir_all(dir);
        let Ok(text) = case::to_json(&case) else {
            continue;
        };
        let temp_case = dir.join("autosave.sharecase.json.tmp");
        let temp_origin = dir.join("autosave.origin.tmp");
        let origin_text = origin.map(|p| p.display().to_string()).unwrap_or_default();
        let written = std::fs::write(&temp_case, text).is_ok()
            && std::fs::write(&temp_origin, origin_text).is_ok();
        let guard = lock(slot);
        if written && guard.generation == generation {
            let _ = std::fs::rename(&temp_origin, Autosaver::origin_path(dir));
            let _ = std::fs::rename(&temp_case, Autosaver::case_path(dir));
        } else {
            let _ = std::fs::remove_file(&temp_case);
            let _ = std::fs::remove_file(&temp_origin);
        }
        drop(guard);
        std::thread::sleep(SETTLE);
    }
}
