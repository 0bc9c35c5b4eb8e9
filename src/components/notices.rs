//! What the user must know about their data: load problems, save failures, undo offers.

use leptos::prelude::*;

use super::ReadNotices;

use crate::i18n::Key;
use crate::offline::{self, Persistence};
use crate::state::{use_app, HoldReason, Opening, SaveStatus, StartupProblem};
use crate::storage::SaveError;

/// Banners about storage: the load problem, a failing save, a change from another tab.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let app = use_app();
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
            SaveStatus::KeeperNotLoaded => Key::SaveKeeperNotLoaded.text(lang).to_string(),
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
    view! {
        <div class="notices">
            {update} <ReadNotices/> {save_problem} {other_tab}
        </div>
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

/// Stands in for the pages while the stored projects are read, or says why they cannot be.
#[component]
pub fn OpeningNotice() -> impl IntoView {
    let app = use_app();
    move || match app.opening.get() {
        Opening::Open => None,
        Opening::Reading => Some(
            view! { <p class="hint" role="status">{move || app.t(Key::OpeningProjects)}</p> }
                .into_any(),
        ),
        Opening::NotLoaded => Some(
            view! {
                <div class="notice notice-error" role="alert" data-testid="opening-failed">
                    <h1>{move || app.t(Key::OpeningFailedTitle)}</h1>
                    <p>{move || app.t(Key::OpeningFailed)}</p>
                    <button type="button" on:click=move |_| app.open_stored()>
                        {move || app.t(Key::TryAgain)}
                    </button>
                </div>
            }
            .into_any(),
        ),
    }
}

/// A quiet line saying whether the last change is safely stored.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    let text = move || match app.save_status.get() {
        SaveStatus::Saved => app.t(Key::SaveSaved),
        SaveStatus::Pending => app.t(Key::SaveSaving),
        // The banner explains failures; the indicator only repeats that nothing was stored.
        SaveStatus::Failed(_) | SaveStatus::KeeperNotLoaded | SaveStatus::Held(_) => {
            app.t(Key::NotSavedShort)
        }
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
