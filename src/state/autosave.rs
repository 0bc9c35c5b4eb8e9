//! The debounced autosave, and catching up with other tabs. What is read and written is the
//! replica's, run by the keeper; this module decides when: a pause in typing, another tab's
//! `storage` event, the page shown again (`pageshow`, `visibilitychange`), the page going
//! away.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::keeper::{self, Job, Outcome};
use super::{AppState, HoldReason, Opening, SaveStatus};
use crate::browser;
use crate::components::NotLoaded;
use crate::model::layout::KeyKind;
use crate::model::{ChangeLog, SaveError};
use crate::storage::{self, LocalStore};

/// A save (reading revisions, serialising and writing the changed projects) shows in the
/// browser's performance timeline under this name: in the DevTools profiler, and in
/// `scripts/bench`.
const SAVE_MEASURE: &str = "data-roadmap:save";
const SAVE_MARK: &str = "data-roadmap:save-start";

/// How long typing must pause before the changes are written.
const SAVE_DELAY: Duration = Duration::from_millis(400);
/// How long to wait before fetching the keeper again when its download failed.
const KEEPER_RETRY: Duration = Duration::from_secs(5);

/// When the changes are written; `Copy`, so that every listener holds its own.
#[derive(Clone, Copy)]
pub(super) struct Autosave {
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The change-log number up to which the store holds this tab's changes.
    saved_up_to: StoredValue<u64>,
    /// A failed save is retried in full: the projects it did not write are still pending.
    failed: StoredValue<bool>,
}

impl Autosave {
    pub(super) fn new() -> Self {
        Autosave {
            timer: StoredValue::new(None),
            saved_up_to: StoredValue::new(0),
            failed: StoredValue::new(false),
        }
    }

    /// Writes once typing has paused.
    pub(super) fn soon(self, state: AppState) {
        self.clear_timer();
        state.save_status.set(SaveStatus::Pending);
        let flush = move || storage::with_lock(move || self.save_now(state));
        self.timer
            .set_value(set_timeout_with_handle(flush, SAVE_DELAY).ok());
    }

    fn clear_timer(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
    }

    fn all_saved(self, state: AppState) -> bool {
        self.saved_up_to.get_value() == state.changes.with_value(ChangeLog::last)
    }

    /// Edits the store does not have yet, written or not.
    fn unsaved(self) -> bool {
        self.timer.get_value().is_some() || self.failed.get_value()
    }

    fn save_now(self, state: AppState) {
        self.clear_timer();
        if matches!(state.save_status.get_untracked(), SaveStatus::Held(_)) {
            return;
        }
        if !keeper::is_here() {
            self.fetch_keeper_then_save(state);
            return;
        }
        let Some(mut store) = LocalStore::open() else {
            state
                .save_status
                .set(SaveStatus::Failed(SaveError::Unavailable));
            return;
        };
        browser::mark(SAVE_MARK);
        let changed: Option<Vec<Uuid>> = if self.failed.get_value() {
            None
        } else {
            let seen = self.saved_up_to.get_value();
            state.changes.with_value(|log| log.projects_since(seen))
        };
        let job = Job::Save {
            changed: changed.as_deref(),
        };
        let Some(Outcome::Saved(result)) = state.sync(&mut store, job) else {
            return;
        };
        browser::measure_since(SAVE_MEASURE, SAVE_MARK);
        self.saved_up_to
            .set_value(state.changes.with_value(ChangeLog::last));
        self.failed.set_value(result.is_err());
        state.save_status.set(match result {
            _ if state.replica.with_value(|r| r.read_only()) => {
                SaveStatus::Held(HoldReason::NewerData)
            }
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        });
    }

    /// A first visit edited before the keeper arrived: it is fetched, then the save runs;
    /// if the download fails, the edits stay pending and it is tried again shortly.
    fn fetch_keeper_then_save(self, state: AppState) {
        self.failed.set_value(true);
        spawn_local(async move {
            match keeper::fetch().await {
                Ok(()) => storage::with_lock(move || self.save_now(state)),
                Err(NotLoaded) => {
                    state.save_status.set(SaveStatus::KeeperNotLoaded);
                    let retry = move || storage::with_lock(move || self.save_now(state));
                    self.timer
                        .set_value(set_timeout_with_handle(retry, KEEPER_RETRY).ok());
                }
            }
        });
    }

    fn catch_up(self, state: AppState, key: Option<KeyKind>) {
        if state.opening.get_untracked() != Opening::Open {
            // The stored projects are not read yet: reading them will see this write too.
            return;
        }
        if !keeper::is_here() {
            spawn_local(async move {
                if keeper::fetch().await.is_ok() {
                    self.catch_up(state, key);
                }
            });
            return;
        }
        if key == Some(KeyKind::Legacy) {
            // A tab of the previous version wrote its whole workspace: merged in and stored
            // at once, so that the old key can be retired.
            storage::with_lock(move || self.save_now(state));
            return;
        }
        storage::with_lock(move || {
            let Some(mut store) = LocalStore::open() else {
                return;
            };
            let nothing_pending = self.all_saved(state);
            state.sync(&mut store, Job::CatchUp { key });
            if nothing_pending {
                // What came in is what is stored: nothing to write back.
                self.saved_up_to
                    .set_value(state.changes.with_value(ChangeLog::last));
            }
        });
    }
}

/// Saves every change after a pause, and catches up with other tabs, from now on.
pub(super) fn start(state: AppState) {
    let autosave = state.autosave;
    autosave
        .saved_up_to
        .set_value(state.changes.with_value(ChangeLog::last));

    Effect::new(move |ran_before: Option<()>| {
        state.workspace.track();
        let held = matches!(state.save_status.get_untracked(), SaveStatus::Held(_));
        if ran_before.is_none() || held || autosave.all_saved(state) {
            return;
        }
        autosave.soon(state);
    });

    // Closing or reloading the tab must not drop the last keystrokes. The lock would be
    // granted too late here, so the save runs at once (still comparing revisions).
    let handle = window_event_listener(ev::pagehide, move |_| {
        if autosave.unsaved() {
            autosave.save_now(state);
        }
    });
    on_cleanup(move || handle.remove());
    let handle = window_event_listener(ev::beforeunload, move |event| {
        if autosave.unsaved() {
            autosave.save_now(state);
        }
        // Only when the edits could not be stored does the browser ask "leave the page?".
        let lost = match state.save_status.get_untracked() {
            SaveStatus::Failed(_) | SaveStatus::KeeperNotLoaded => true,
            SaveStatus::Held(_) => !autosave.all_saved(state),
            // Edits made before the keeper arrived cannot be written yet.
            SaveStatus::Pending => !keeper::is_here(),
            SaveStatus::Saved => false,
        };
        if lost {
            event.prevent_default();
            event.set_return_value("");
        }
    });
    on_cleanup(move || handle.remove());

    let handle = window_event_listener(ev::storage, move |event| {
        if let Some(key) = storage::changed_key(&event) {
            autosave.catch_up(state, key);
        }
    });
    on_cleanup(move || handle.remove());
    // A page restored from the back-forward cache, or a tab brought back from the background,
    // may have missed storage events.
    let handle = window_event_listener(ev::pageshow, move |event| {
        if event.persisted() {
            autosave.catch_up(state, None);
        }
    });
    on_cleanup(move || handle.remove());
    let handle = window_event_listener(ev::visibilitychange, move |_| {
        if browser::is_visible() {
            autosave.catch_up(state, None);
        }
    });
    on_cleanup(move || handle.remove());
}
