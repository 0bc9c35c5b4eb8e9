//! The debounced autosave, and the other tabs' changes coming in.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::{AppState, HoldReason, SaveStatus};
use crate::browser;
use crate::model::Workspace;
use crate::storage;

/// A save (serialising and writing) shows in the browser's performance timeline under this
/// name: in the DevTools profiler, and in `scripts/bench`.
const SAVE_MEASURE: &str = "data-roadmap:save";
const SAVE_MARK: &str = "data-roadmap:save-start";

/// How long typing must pause before the workspace is written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

pub(super) fn start(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // The text last written or read, so an unchanged workspace is never written again.
    let last_written = StoredValue::new(state.with_workspace_untracked(Workspace::to_json));

    let flush = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        if matches!(state.save_status.get_untracked(), SaveStatus::Held(_)) {
            return;
        }
        browser::mark(SAVE_MARK);
        let json = state.with_workspace_untracked(Workspace::to_json);
        if last_written.with_value(|last| *last == json) {
            state.save_status.set(SaveStatus::Saved);
            return;
        }
        let saved = storage::save(&json);
        browser::measure_since(SAVE_MEASURE, SAVE_MARK);
        match saved {
            Ok(()) => {
                last_written.set_value(json);
                state.save_status.set(SaveStatus::Saved);
            }
            Err(error) => state.save_status.set(SaveStatus::Failed(error)),
        }
    };

    Effect::new(move |ran_before: Option<()>| {
        state.workspace.track();
        if ran_before.is_none() || matches!(state.save_status.get_untracked(), SaveStatus::Held(_))
        {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        state.save_status.set(SaveStatus::Pending);
        pending.set_value(set_timeout_with_handle(flush, SAVE_DELAY).ok());
    });

    // Closing or reloading the tab must not drop the last keystrokes.
    for event in ["pagehide", "beforeunload"] {
        let handle = window_event_listener_untyped(event, move |_| {
            if pending.get_value().is_some() {
                flush();
            }
        });
        on_cleanup(move || handle.remove());
    }

    let handle = window_event_listener(ev::storage, move |event| {
        match storage::external_change(&event) {
            None => {}
            // Our own pending edit will be written next and win; the other tab then adopts it.
            Some(Ok(_)) if pending.get_value().is_some() => {}
            Some(Ok(workspace)) => {
                last_written.set_value(workspace.to_json());
                state.adopt(workspace);
                state.other_tab_notice.set(true);
            }
            Some(Err(_)) => state
                .save_status
                .set(SaveStatus::Held(HoldReason::NewerVersionInOtherTab)),
        }
    });
    on_cleanup(move || handle.remove());
}
