//! One saved version of a project, read-only, with the way back to it: restore.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::report::report_view;
use super::{found_in_project, or_not_found, use_project};
use crate::browser;
use crate::components::{ButtonLink, ConfirmBox};
use crate::export::project_report;
use crate::i18n::Key;
use crate::routes::{ProjectPage, VersionParams};
use crate::state::{use_app, Handle, ProjectHandle};

#[component]
pub fn VersionPage() -> impl IntoView {
    let project = use_project();
    let found = found_in_project::<VersionParams>(|p| p.version, |p, id| p.snapshot(id).is_some());
    or_not_found(found, move |version| view! { <Version project version/> })
}

#[component]
fn Version(project: ProjectHandle, version: Uuid) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let heading = move || {
        let lang = app.lang.get();
        project
            .with(|p| {
                p.snapshot(version).map(|s| {
                    let date = browser::format_date_time(s.taken_at, lang);
                    Key::VersionHeading.fill(lang, &[("label", &s.label), ("date", &date)])
                })
            })
            .flatten()
    };
    let restore = Callback::new(move |_| {
        let lang = app.lang.get_untracked();
        let now = browser::now_ms();
        let label = Key::SnapshotBeforeRestore
            .fill(lang, &[("date", &browser::format_date_time(now, lang))]);
        project.edit(|p| p.restore_snapshot(version, label, now, Uuid::new_v4()));
        app.show_toast(app.t(Key::VersionRestored).to_string(), None);
        navigate(&project.href(ProjectPage::Overview), Default::default());
    });
    let content = move || {
        let lang = app.lang.get();
        project
            .with(|p| {
                p.snapshot(version).map(|s| {
                    report_view(project_report(&s.content, lang, browser::today()), lang, 2)
                })
            })
            .flatten()
    };
    view! {
        <h1>{heading}</h1>
        <div class="notice notice-info" role="note">
            <p>{move || app.t(Key::VersionReadOnly)}</p>
            <p class="actions">
                <button type="button" on:click=move |_| confirming.set(true)>
                    {move || app.t(Key::RestoreVersion)}
                </button>
                <ButtonLink href=project.href(ProjectPage::Files) label=Key::FilesAndVersions secondary=true/>
            </p>
            <Show when=move || confirming.get()>
                <ConfirmBox
                    question=Signal::derive(move || app.t(Key::ConfirmRestore).to_string())
                    yes=Key::YesRestore
                    yes_id="confirm-restore".to_string()
                    on_yes=restore
                    on_cancel=Callback::new(move |_| confirming.set(false))
                />
            </Show>
        </div>
        <div class="report version-content">{content}</div>
    }
}
