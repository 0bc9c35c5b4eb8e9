//! The app's reactive state, and the effects that keep it in step with storage.
//!
//! Pages read and edit the workspace through [`AppState`]; only the autosave here writes it
//! back, debounced, so typing never waits on serialisation or on localStorage.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{Key, Lang};
use crate::model::Workspace;
use crate::offline::{self, Persistence};
use crate::storage::{self, SaveError, StartupProblem};

/// A save (serialising and writing) shows in the browser's performance timeline under this
/// name: in the DevTools profiler, and in `scripts/bench`.
const SAVE_MEASURE: &str = "data-roadmap:save";
const SAVE_MARK: &str = "data-roadmap:save-start";

/// How long typing must pause before the workspace is written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed(SaveError),
    /// Saving is off so as not to overwrite data this tab could not read.
    Held(HoldReason),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoldReason {
    UnreadableNotSetAside,
    NewerVersionInOtherTab,
}

/// Puts back what an action removed. A plain closure rather than a `Callback`: the component
/// that offered the undo (a deleted row) is gone, with its reactive owner, by the time it runs.
pub type Undo = Arc<dyn Fn() + Send + Sync>;

/// A short message with an optional undo, shown until dismissed or replaced.
#[derive(Clone)]
pub struct Toast {
    pub text: String,
    pub undo: Option<Undo>,
}

/// Everything the pages share. All fields are `Copy` signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub lang: RwSignal<Lang>,
    pub save_status: RwSignal<SaveStatus>,
    /// What went wrong at load time, until the user dismisses it.
    pub startup_problem: RwSignal<Option<StartupProblem>>,
    pub toast: RwSignal<Option<Toast>>,
    pub other_tab_notice: RwSignal<bool>,
    /// A new version of the app is installed and waits for "reload to update".
    pub update_ready: RwSignal<bool>,
    pub persistence: RwSignal<Persistence>,
}

impl AppState {
    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.lang.get())
    }

    pub fn show_toast(&self, text: String, undo: Option<Undo>) {
        self.toast.set(Some(Toast { text, undo }));
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Loads what is stored, provides [`AppState`] and starts the effects that save it.
pub fn provide_app_state() -> AppState {
    let startup = storage::load(browser::now_ms());
    let lang = storage::load_lang().unwrap_or_else(|| {
        let tags = browser::preferred_languages();
        Lang::negotiate(tags.iter().map(String::as_str))
    });
    let initial_status = match &startup.problem {
        Some(StartupProblem::Unavailable) => SaveStatus::Failed(SaveError::Unavailable),
        Some(StartupProblem::Unreadable {
            set_aside_key: None,
            ..
        }) => SaveStatus::Held(HoldReason::UnreadableNotSetAside),
        _ => SaveStatus::Saved,
    };
    let state = AppState {
        workspace: RwSignal::new(startup.workspace),
        lang: RwSignal::new(lang),
        save_status: RwSignal::new(initial_status),
        startup_problem: RwSignal::new(startup.problem),
        toast: RwSignal::new(None),
        other_tab_notice: RwSignal::new(false),
        update_ready: RwSignal::new(false),
        persistence: RwSignal::new(Persistence::Asking),
    };
    provide_context(state);

    Effect::new(move |_| {
        let lang = state.lang.get();
        browser::set_document_lang(lang);
        storage::save_lang(lang);
    });
    start_autosave(state);
    offline::register_service_worker(state.update_ready);
    offline::request_persistence(state.persistence);
    state
}

fn start_autosave(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // The text last written or read, so an unchanged workspace is never written again.
    let last_written = StoredValue::new(state.workspace.with_untracked(Workspace::to_json));

    let flush = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        if matches!(state.save_status.get_untracked(), SaveStatus::Held(_)) {
            return;
        }
        browser::mark(SAVE_MARK);
        let json = state.workspace.with_untracked(Workspace::to_json);
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
                state.workspace.set(workspace);
                state.other_tab_notice.set(true);
            }
            Some(Err(_)) => state
                .save_status
                .set(SaveStatus::Held(HoldReason::NewerVersionInOtherTab)),
        }
    });
    on_cleanup(move || handle.remove());
}
