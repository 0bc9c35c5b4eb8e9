//! One saved version of a project, read-only, with the way back to it: restore.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use uuid::Uuid;

use super::report::report_body;
use super::{edit_project, use_route_project, NotFound};
use crate::browser;
use crate::i18n::Key;
use crate::state::use_app;

#[component]
pub fn VersionPage() -> impl IntoView {
    let app = use_app();
    let project = use_route_project();
    let params = use_params_map();
    let found = Memo::new(move |_| {
        let id = project.get()?;
        let sid = params.with(|p| p.get("version").and_then(|v| Uuid::parse_str(&v).ok()))?;
        app.workspace
            .with(|w| w.project(id)?.snapshot(sid).map(|_| (id, sid)))
    });
    move || match found.get() {
        Some((id, sid)) => view! { <Version id sid/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn Version(id: Uuid, sid: Uuid) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let heading = move || {
        let lang = app.lang.get();
        app.workspace.with(|w| {
            w.project(id).and_then(|p| p.snapshot(sid)).map(|s| {
                Key::VersionHeading.fill(
                    lang,
                    &[
                        ("label", &s.label),
                        ("date", &browser::format_date_time(s.taken_at, lang)),
                    ],
                )
            })
        })
    };
    let restore = move |_| {
        let lang = app.lang.get_untracked();
        let now = browser::now_ms();
        let label = Key::SnapshotBeforeRestore
            .fill(lang, &[("date", &browser::format_date_time(now, lang))]);
        edit_project(app, id, |p| {
            p.restore_snapshot(sid, label, now, Uuid::new_v4());
        });
        app.show_toast(app.t(Key::VersionRestored).to_string(), None);
        navigate(&format!("/project/{id}"), Default::default());
    };
    let content = move || {
        let lang = app.lang.get();
        app.workspace.with(|w| {
            w.project(id)
                .and_then(|p| p.snapshot(sid))
                .map(|s| report_body(&s.content, lang, 2))
        })
    };
    view! {
        <h1>{heading}</h1>
        <div class="notice notice-info" role="note">
            <p>{move || app.t(Key::VersionReadOnly)}</p>
            <p class="actions">
                <button type="button" on:click=move |_| confirming.set(true)>
                    {move || app.t(Key::RestoreVersion)}
                </button>
                <A href=format!("/project/{id}/files") attr:class="button secondary">
                    {move || app.t(Key::FilesAndVersions)}
                </A>
            </p>
            {move || confirming.get().then(|| view! {
                <div role="alert" class="notice notice-warning">
                    <p>{app.t(Key::ConfirmRestore)}</p>
                    <p class="actions">
                        <button type="button" id="confirm-restore" on:click=restore.clone()>
                            {app.t(Key::YesRestore)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                            {app.t(Key::Cancel)}
                        </button>
                    </p>
                </div>
            })}
        </div>
        <div class="report version-content">{content}</div>
    }
}
