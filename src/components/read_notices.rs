//! What reading the store found: data that could not be read, data from a newer version,
//! projects held, conflicts with another tab. Only the keeper (`state::keeper`) finds these,
//! so they come in its module, out of the first download.

use leptos::prelude::*;

use super::NotLoaded;
use crate::browser;
use crate::i18n::{load_error_reason, name_or, Key};
use crate::model::HeldProject;
use crate::state::{use_app, StartupProblem};

/// The notices, once there is something to say (the keeper's code is here by then).
#[component]
pub fn ReadNotices() -> impl IntoView {
    let app = use_app();
    let found = Memo::new(move |_| {
        app.startup_problem.with(|p| {
            matches!(
                p,
                Some(StartupProblem::Unreadable { .. } | StartupProblem::Newer)
            )
        }) || app.held_projects.with(|held| !held.is_empty())
            || app.conflicts.with(|lines| !lines.is_empty())
    });
    move || {
        found
            .get()
            .then(|| super::lazy_view!(super::LazyPart::Section, read_notices()))
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(keeper, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn read_notices() -> Result<AnyView, NotLoaded> {
    Ok(view! { <StartupNotice/> <ConflictNotice/> <HeldProjects/> }.into_any())
}

/// A file name for downloaded unreadable data, stamped so that two never collide.
fn unreadable_file_name(at: i64) -> String {
    format!("data-roadmap-unreadable-{at}.json")
}

/// Stored data this version could not read, or that a newer version wrote.
#[component]
fn StartupNotice() -> impl IntoView {
    let app = use_app();
    move || {
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
    }
}

/// Projects where another tab changed the same fields.
#[component]
fn ConflictNotice() -> impl IntoView {
    let app = use_app();
    move || {
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
