//! The debounced autosave, and catching up with other tabs. What is read and written is the
//! replica's; this module decides when: a pause in typing, another tab's `storage` event,
//! the page shown again (`pageshow`, `visibilitychange`), the page going away.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use uuid::Uuid;

use super::{AppState, SaveStatus};
use crate::browser;
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

pub(super) fn start(state: AppState, pending_at_load: bool) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // The change-log number up to which the store holds this tab's changes.
    let saved_up_to = StoredValue::new(state.changes.with_value(ChangeLog::last));
    // A failed save is retried in full: the projects it did not write are still pending.
    let failed = StoredValue::new(false);

    let save_now = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
        }
        if matches!(state.save_status.get_untracked(), SaveStatus::Held(_)) {
            return;
        }
        let Some(mut store) = LocalStore::open() else {
            state
                .save_status
                .set(SaveStatus::Failed(SaveError::Unavailable));
            return;
        };
        browser::mark(SAVE_MARK);
        let seen = saved_up_to.get_value();
        let changed: Option<Vec<Uuid>> = if failed.get_value() {
            None
        } else {
            state.changes.with_value(|log| log.projects_since(seen))
        };
        let result = state.sync(&mut store, |replica, store, workspace, ctx| {
            replica.save(store, workspace, changed.as_deref(), ctx)
        });
        browser::measure_since(SAVE_MEASURE, SAVE_MARK);
        saved_up_to.set_value(state.changes.with_value(ChangeLog::last));
        failed.set_value(result.is_err());
        state.save_status.set(match result {
            _ if state.replica.with_value(|r| r.read_only()) => {
                SaveStatus::Held(super::HoldReason::NewerData)
            }
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        });
    };

    let catch_up = move |key: Option<KeyKind>| {
        if key == Some(KeyKind::Legacy) {
            // A tab of the previous version wrote its whole workspace: merged in and stored
            // at once, so that the old key can be retired.
            storage::with_lock(save_now);
            return;
        }
        storage::with_lock(move || {
            let Some(mut store) = LocalStore::open() else {
                return;
            };
            let nothing_pending =
                saved_up_to.get_value() == state.changes.with_value(ChangeLog::last);
            state.sync(&mut store, |replica, store, workspace, ctx| {
                (replica.catch_up(store, workspace, key, ctx), ())
            });
            if nothing_pending {
                // What came in is what is stored: nothing to write back.
                saved_up_to.set_value(state.changes.with_value(ChangeLog::last));
            }
        });
    };

    Effect::new(move |ran_before: Option<()>| {
        state.workspace.track();
        let unsaved = saved_up_to.get_value() != state.changes.with_value(ChangeLog::last);
        let held = matches!(state.save_status.get_untracked(), SaveStatus::Held(_));
        if held || (ran_before.is_some() && !unsaved) {
            return;
        }
        if ran_before.is_none() && !pending_at_load {
            return;
        }
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        state.save_status.set(SaveStatus::Pending);
        let flush = move || storage::with_lock(save_now);
        timer.set_value(set_timeout_with_handle(flush, SAVE_DELAY).ok());
    });

    // Closing or reloading the tab must not drop the last keystrokes. The lock would be
    // granted too late here, so the save runs at once (still comparing revisions).
    let unsaved = move || timer.get_value().is_some() || failed.get_value();
    let handle = window_event_listener(ev::pagehide, move |_| {
        if unsaved() {
            save_now();
        }
    });
    on_cleanup(move || handle.remove());
    let handle = window_event_listener(ev::beforeunload, move |event| {
        if unsaved() {
            save_now();
        }
        // Only when the edits could not be stored does the browser ask "leave the page?".
        let lost = match state.save_status.get_untracked() {
            SaveStatus::Failed(_) => true,
            SaveStatus::Held(_) => {
                saved_up_to.get_value() != state.changes.with_value(ChangeLog::last)
            }
            SaveStatus::Saved | SaveStatus::Pending => false,
        };
        if lost {
            event.prevent_default();
            event.set_return_value("");
        }
    });
    on_cleanup(move || handle.remove());

    let handle = window_event_listener(ev::storage, move |event| {
        if let Some(key) = storage::changed_key(&event) {
            catch_up(key);
        }
    });
    on_cleanup(move || handle.remove());
    // A page restored from the back-forward cache, or a tab brought back from the background,
    // may have missed storage events.
    let handle = window_event_listener(ev::pageshow, move |event| {
        if event.persisted() {
            catch_up(None);
        }
    });
    on_cleanup(move || handle.remove());
    let handle = window_event_listener(ev::visibilitychange, move |_| {
        if browser::is_visible() {
            catch_up(None);
        }
    });
    on_cleanup(move || handle.remove());
}
