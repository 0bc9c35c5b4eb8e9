//! What the user must know about their data: load problems, save failures, undo offers.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{load_error_reason, name_or, Key};
use crate::model::HeldProject;
use crate::offline::{self, Persistence};
use crate::state::{use_app, HoldReason, SaveStatus, StartupProblem};
use crate::storage::SaveError;

/// A file name for downloaded unreadable data, stamped so that two never collide.
fn unreadable_file_name(at: i64) -> String {
    format!("data-roadmap-unreadable-{at}.json")
}

/// Banners about storage: the load problem, a failing save, a change from another tab.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let app = use_app();
    let startup = move || {
        let lang = app.lang.get();
        let (error, raw) = match app.startup_problem.get()? {
            StartupProblem::Unreadable { error, raw, .. } => (error, raw),
            StartupProblem::Newer => {
                let body = Key::NewerDataBody.text(lang);
                return Some(
                    view! {
                        <div class="notice notice-error" role="alert" data-testid="newer-data">
                            <p><strong>{Key::NewerDataTitle.text(lang)}</strong></p>
                            <p>{body}</p>
                            <p class="actions">
                                <button type="button" on:click=move |_| browser::reload()>
                                    {Key::ReloadToUpdate.text(lang)}
                                </button>
                            </p>
                        </div>
                    }
                    .into_any(),
                );
            }
            StartupProblem::Unavailable => return None,
        };
        let body = Key::UnreadableBody.fill(lang, &[("reason", &load_error_reason(&error, lang))]);
        let download = move |_| {
            let _ = browser::download(
                &unreadable_file_name(browser::now_ms()),
                "application/json",
                &raw,
            );
        };
        Some(view! {
            <div class="notice notice-error" role="alert" data-testid="unreadable-notice">
                <p><strong>{Key::UnreadableTitle.text(lang)}</strong></p>
                <p>{body}</p>
                <p class="actions">
                    <button type="button" on:click=download>
                        {Key::DownloadUnreadable.text(lang)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| app.startup_problem.set(None)>
                        {Key::Dismiss.text(lang)}
                    </button>
                </p>
            </div>
        }
        .into_any())
    };
    let save_problem = move || {
        let lang = app.lang.get();
        let text = match app.save_status.get() {
            SaveStatus::Failed(SaveError::QuotaExceeded) => Key::SaveQuota.text(lang).to_string(),
            SaveStatus::Failed(SaveError::Unavailable) => {
                Key::SaveUnavailable.text(lang).to_string()
            }
            SaveStatus::Failed(SaveError::Refused(detail)) => {
                Key::SaveFailed.fill(lang, &[("detail", &detail)])
            }
            SaveStatus::Held(HoldReason::UnreadableNotSetAside) => {
                Key::SaveHeld.text(lang).to_string()
            }
            // Said already, by the newer-data notice shown since the page loaded.
            SaveStatus::Held(HoldReason::NewerData)
                if app
                    .startup_problem
                    .with(|p| matches!(p, Some(StartupProblem::Newer))) =>
            {
                return None
            }
            SaveStatus::Held(HoldReason::NewerData) => Key::SaveHeldNewer.text(lang).to_string(),
            SaveStatus::Saved | SaveStatus::Pending => return None,
        };
        Some(view! {
            <div class="notice notice-warning" role="alert" data-testid="save-problem">
                <p>{text}</p>
            </div>
        })
    };
    let other_tab = move || {
        app.other_tab_notice.get().then(|| {
            view! {
                <div class="notice notice-info" role="status">
                    <p>{app.t(Key::OtherTabChanged)}</p>
                    <button type="button" class="secondary" on:click=move |_| app.other_tab_notice.set(false)>
                        {app.t(Key::Dismiss)}
                    </button>
                </div>
            }
        })
    };
    let update = move || {
        app.update_ready.get().then(|| {
            view! {
                <div class="notice notice-info" role="status" data-testid="update-offer">
                    <p>{app.t(Key::UpdateReady)}</p>
                    <button type="button" on:click=move |_| offline::apply_update()>
                        {app.t(Key::ReloadToUpdate)}
                    </button>
                </div>
            }
        })
    };
    let conflicts = move || {
        let lang = app.lang.get();
        let lines = app.conflicts.get();
        (!lines.is_empty()).then(|| {
            let lines = lines
                .into_iter()
                .map(|(name, label)| {
                    let name = name_or(&name, Key::UntitledProject, lang);
                    view! { <p>{Key::ConflictKept.fill(lang, &[("name", &name), ("label", &label)])}</p> }
                })
                .collect_view();
            view! {
                <div class="notice notice-warning" role="status" data-testid="conflict-notice">
                    {lines}
                    <button type="button" class="secondary" on:click=move |_| app.conflicts.set(Vec::new())>
                        {Key::Dismiss.text(lang)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <div class="notices">
            {update} {startup} {save_problem} {conflicts} {other_tab} <HeldProjects />
        </div>
    }
}

/// Projects kept in storage that this version leaves alone, each said once.
#[component]
fn HeldProjects() -> impl IntoView {
    let app = use_app();
    let line = move |held: HeldProject| {
        let lang = app.lang.get();
        match held.found {
            0 => Key::HeldProjectUnreadable.text(lang).to_string(),
            found => {
                let name = name_or(
                    held.name.as_deref().unwrap_or_default(),
                    Key::UntitledProject,
                    lang,
                );
                Key::HeldProject.fill(lang, &[("name", &name), ("found", &found.to_string())])
            }
        }
    };
    move || {
        let held = app.held_projects.get();
        (!held.is_empty()).then(|| {
            let lines = held
                .into_iter()
                .map(|h| view! { <p>{line(h)}</p> })
                .collect_view();
            view! {
                <div class="notice notice-warning" role="status" data-testid="held-projects">
                    {lines}
                    <p class="actions">
                        <button type="button" on:click=move |_| browser::reload()>
                            {app.t(Key::Reload)}
                        </button>
                    </p>
                </div>
            }
        })
    }
}

/// Whether the browser promised to keep the data: the user should know when files matter.
#[component]
pub fn PersistenceNote() -> impl IntoView {
    let app = use_app();
    let text = move || match app.persistence.get() {
        Persistence::Asking => None,
        Persistence::Granted => Some(app.t(Key::StoragePersistent)),
        Persistence::NotGranted => Some(app.t(Key::StorageNotPersistent)),
        Persistence::Unsupported => Some(app.t(Key::StoragePersistenceUnknown)),
    };
    view! { <p data-testid="persistence">{text}</p> }
}

/// A quiet line saying whether the last change is safely stored.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    let text = move || match app.save_status.get() {
        SaveStatus::Saved => app.t(Key::SaveSaved),
        SaveStatus::Pending => app.t(Key::SaveSaving),
        // The banner explains failures; the indicator only repeats that nothing was stored.
        SaveStatus::Failed(_) | SaveStatus::Held(_) => app.t(Key::NotSavedShort),
    };
    view! { <p class="save-indicator" data-testid="save-indicator">{text}</p> }
}

/// The latest toast, with its undo button; announced politely to screen readers.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let app = use_app();
    let content = move || {
        app.toast.get().map(|toast| {
            let undo = toast.undo.map(|undo| {
                view! {
                    <button
                        type="button"
                        id="toast-undo"
                        on:click=move |_| {
                            // Cleared first: an undo may have something of its own to say.
                            app.toast.set(None);
                            undo();
                        }
                    >
                        {app.t(Key::Undo)}
                    </button>
                }
            });
            view! {
                <p>{toast.text}</p>
                {undo}
                <button type="button" class="secondary" on:click=move |_| app.toast.set(None)>
                    {app.t(Key::Dismiss)}
                </button>
            }
        })
    };
    view! {
        <div class="toast" role="status" aria-live="polite" class:empty=move || app.toast.with(Option::is_none)>
            {content}
        </div>
    }
}
