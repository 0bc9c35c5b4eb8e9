//! The app's reactive state: the workspace, and everything the pages share about it.
//!
//! Pages read through [`AppState::with_workspace`] or a handle ([`ProjectHandle`] and its
//! kin) and change things only through [`AppState::change`] or a handle's `edit`, which
//! records what each change touched (see `model::changes`). Only the autosave writes to
//! storage, debounced, so typing never waits on serialisation or on localStorage.

mod autosave;
mod handles;
mod keeper;
mod rows;
mod workshop;

pub use handles::{ActionHandle, Handle, ProjectHandle, SourceHandle, WantedHandle};
pub use keeper::prefetch as prefetch_keeper;
pub use rows::RowSignals;
pub use workshop::WorkshopHandle;

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::browser;
use crate::components::NotLoaded;
use crate::i18n::{Key, Lang};
use crate::model::{
    ChangeLog, HeldProject, ItemPath, LoadError, Project, Replica, SyncContext, Synced, Touched,
    Workspace,
};
use crate::offline::Persistence;
use crate::storage::{self, LocalStore, SaveError};

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed(SaveError),
    /// A first visit's edits wait for the keeper, whose download failed (retried shortly).
    KeeperNotLoaded,
    /// Saving is off so as not to overwrite data this tab could not read.
    Held(HoldReason),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoldReason {
    UnreadableNotSetAside,
    /// What is stored was written by a newer version; this one does not write over it.
    NewerData,
}

/// Whether the stored projects have been read: the pages wait for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    Open,
    /// The keeper is on its way (from the service worker's cache: a moment).
    Reading,
    /// The keeper's download failed: nothing was read, and nothing is written.
    NotLoaded,
}

/// What went wrong reading the stored data, shown until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum StartupProblem {
    /// localStorage cannot be reached at all (blocked, or some private modes).
    Unavailable,
    /// A stored text could not be read. `set_aside_key` says where it was copied; `None`
    /// means the copy failed too, so the app must not save over the original.
    Unreadable {
        error: LoadError,
        raw: String,
        set_aside_key: Option<String>,
    },
    /// Everything stored was written by a newer version (a newer format, or keys laid out in
    /// a newer way: the notice names neither, one number would not tell the user anything).
    Newer,
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

/// Everything the pages share. All fields are `Copy` signals or stored values.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Private: every change goes through [`AppState::change`], which records it.
    workspace: RwSignal<Workspace>,
    changes: StoredValue<ChangeLog>,
    pub lang: RwSignal<Lang>,
    pub save_status: RwSignal<SaveStatus>,
    /// What went wrong at load time, until the user dismisses it.
    pub startup_problem: RwSignal<Option<StartupProblem>>,
    pub toast: RwSignal<Option<Toast>>,
    pub other_tab_notice: RwSignal<bool>,
    /// Projects where another tab changed the same fields: (name, label of the copy kept).
    pub conflicts: RwSignal<Vec<(String, String)>>,
    /// Stored projects this version cannot show (newer, or unreadable and not set aside).
    pub held_projects: RwSignal<Vec<HeldProject>>,
    replica: StoredValue<Replica>,
    /// A new version of the app is installed and waits for "reload to update".
    pub update_ready: RwSignal<bool>,
    pub persistence: RwSignal<Persistence>,
    pub opening: RwSignal<Opening>,
    autosave: autosave::Autosave,
}

impl AppState {
    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.lang.get())
    }

    pub fn show_toast(&self, text: String, undo: Option<Undo>) {
        self.toast.set(Some(Toast { text, undo }));
    }

    /// Says what was removed and offers to put it back; the keyboard lands on "Undo".
    pub fn offer_undo(&self, text: String, undo: Undo) {
        self.show_toast(text, Some(undo));
        browser::focus_later("toast-undo".into());
    }

    /// Reads the workspace, and re-runs the caller when it changes.
    pub fn with_workspace<R>(&self, read: impl FnOnce(&Workspace) -> R) -> R {
        let mut read = Some(read);
        let mut result = None;
        // Behind a `dyn`: the signal read is compiled once, not once per call site.
        self.read_workspace(&mut |w| result = read.take().map(|read| read(w)));
        result.expect("the read ran")
    }

    fn read_workspace(&self, read: &mut dyn FnMut(&Workspace)) {
        self.workspace.with(|w| read(w));
    }

    pub fn with_workspace_untracked<R>(&self, read: impl FnOnce(&Workspace) -> R) -> R {
        self.workspace.with_untracked(read)
    }

    /// The one way to change the workspace. `touched` says where the change happened, so
    /// that lists refresh only the rows concerned; it is recorded before anything reacts.
    pub fn change<R>(
        &self,
        touched: Touched,
        change: impl FnOnce(&mut Workspace) -> R,
    ) -> Option<R> {
        self.changes.update_value(|log| {
            log.record(touched);
        });
        self.workspace.try_update(change)
    }

    /// An edit inside one project, stamped with the time and counted towards the backup
    /// reminder. `at` is the project, dataset or item the edit is about.
    pub fn edit_project<R>(&self, at: ItemPath, edit: impl FnOnce(&mut Project) -> R) -> Option<R> {
        let now = browser::now_ms();
        self.change(Touched::At(at), |w| w.edit_project(at.project, now, edit))
            .flatten()
    }

    /// A counter that moves once the workspace has stayed unchanged for `delay`: for views
    /// that sum up many rows (the timeline) and need not follow every keystroke. Read the
    /// workspace untracked after tracking it.
    pub fn settled(&self, delay: Duration) -> ReadSignal<u64> {
        let count = RwSignal::new(0);
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let workspace = self.workspace;
        Effect::new(move |ran_before: Option<()>| {
            workspace.track();
            if ran_before.is_none() {
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let bump = move || {
                count.try_update(|c| *c += 1);
            };
            pending.set_value(set_timeout_with_handle(bump, delay).ok());
        });
        on_cleanup(move || {
            if let Some(handle) = pending.try_get_value().flatten() {
                handle.clear();
            }
        });
        count.read_only()
    }

    pub fn project(&self, id: Uuid) -> ProjectHandle {
        ProjectHandle::new(*self, id)
    }

    pub fn workshop(&self, id: Uuid) -> WorkshopHandle {
        WorkshopHandle::new(*self, id)
    }

    /// Has the keeper run `job` against the store and the workspace; what it brought from
    /// other tabs is then shown, and announced. `None` while the keeper is not here.
    fn sync(&self, store: &mut LocalStore, job: keeper::Job) -> Option<keeper::Outcome> {
        let lang = self.lang.get_untracked();
        let now = browser::now_ms();
        let label = move || {
            Key::ConflictCopyLabel.fill(lang, &[("date", &browser::format_date_time(now, lang))])
        };
        let ctx = SyncContext {
            now,
            conflict_label: &label,
            new_id: &Uuid::new_v4,
        };
        let mut out = None;
        self.replica.update_value(|replica| {
            self.workspace
                .update_untracked(|w| out = keeper::run(job, replica, store, w, &ctx));
        });
        let (synced, outcome) = out?;
        self.announce(synced);
        Some(outcome)
    }

    /// Reads what is stored before the pages show it: at once when nothing is stored or the
    /// keeper is here, otherwise once it has arrived (meanwhile [`Opening::Reading`]).
    pub fn open_stored(self) {
        let Some(store) = LocalStore::open() else {
            self.startup_problem.set(Some(StartupProblem::Unavailable));
            self.save_status
                .set(SaveStatus::Failed(SaveError::Unavailable));
            return;
        };
        if !Replica::needs_reading(&store) {
            // A first visit: nothing to read. The keeper comes after phase 1's module
            // (`app::after_first_screen`), unless a save asks for it first.
        } else if keeper::is_here() {
            self.read_stored(store);
        } else {
            self.opening.set(Opening::Reading);
            spawn_local(async move {
                match keeper::fetch().await {
                    Ok(()) => {
                        if let Some(store) = LocalStore::open() {
                            self.read_stored(store);
                        }
                        self.workspace.notify();
                        self.opening.set(Opening::Open);
                    }
                    Err(NotLoaded) => self.opening.set(Opening::NotLoaded),
                }
            });
        }
    }

    /// Reads what is stored into the state; what must be written back (merged from an older
    /// tab, or tidied) is saved soon.
    fn read_stored(self, mut store: LocalStore) {
        let Some(keeper::Outcome::Loaded(report)) = self.sync(&mut store, keeper::Job::Load) else {
            return;
        };
        self.held_projects
            .set(self.replica.with_value(|r| r.held().to_vec()));
        if !report.synced.conflicts.is_empty() {
            self.conflicts.set(report.synced.conflicts);
        }
        let problem = match (report.newer, report.unreadable) {
            (Some(_), _) => Some(StartupProblem::Newer),
            (None, Some(unreadable)) => Some(StartupProblem::Unreadable {
                error: unreadable.error,
                raw: unreadable.raw,
                set_aside_key: unreadable.set_aside_key,
            }),
            (None, None) => None,
        };
        let status = match (&problem, report.migration) {
            (Some(StartupProblem::Newer), _) => SaveStatus::Held(HoldReason::NewerData),
            (
                Some(StartupProblem::Unreadable {
                    set_aside_key: None,
                    ..
                }),
                _,
            ) => SaveStatus::Held(HoldReason::UnreadableNotSetAside),
            (_, Some(error)) => SaveStatus::Failed(error),
            _ => SaveStatus::Saved,
        };
        let held = matches!(status, SaveStatus::Held(_));
        self.startup_problem.set(problem);
        self.save_status.set(status);
        if report.pending && !held {
            self.autosave.soon(self);
        }
    }

    fn announce(&self, synced: Synced) {
        if synced.held_changed {
            self.held_projects
                .set(self.replica.with_value(|r| r.held().to_vec()));
        }
        if synced.changed {
            self.changes.update_value(|log| {
                log.record(Touched::Everything);
            });
            self.workspace.notify();
            self.other_tab_notice.set(synced.conflicts.is_empty());
        }
        if !synced.conflicts.is_empty() {
            self.conflicts.update(|c| c.extend(synced.conflicts));
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The language the app opens in: the one chosen last time, or the browser's.
pub fn first_lang() -> Lang {
    storage::load_lang().unwrap_or_else(|| {
        let tags = browser::preferred_languages();
        Lang::negotiate(tags.iter().map(String::as_str))
    })
}

/// Loads what is stored, provides [`AppState`] and starts the effects that save it.
pub fn provide_app_state() -> AppState {
    let lang = first_lang();
    let state = AppState {
        workspace: RwSignal::new(Workspace::default()),
        changes: StoredValue::new(ChangeLog::default()),
        lang: RwSignal::new(lang),
        save_status: RwSignal::new(SaveStatus::Saved),
        startup_problem: RwSignal::new(None),
        toast: RwSignal::new(None),
        other_tab_notice: RwSignal::new(false),
        conflicts: RwSignal::new(Vec::new()),
        held_projects: RwSignal::new(Vec::new()),
        replica: StoredValue::new(Replica::default()),
        update_ready: RwSignal::new(false),
        persistence: RwSignal::new(Persistence::Asking),
        opening: RwSignal::new(Opening::Open),
        autosave: autosave::Autosave::new(),
    };
    provide_context(state);
    state.open_stored();

    Effect::new(move |_| {
        let lang = state.lang.get();
        browser::set_document_lang(lang);
        storage::save_lang(lang);
    });
    autosave::start(state);
    state
}
