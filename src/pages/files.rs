//! Files, sharing and saved versions of one project: everything that makes a copy of it.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use super::{edit_project, use_route_project, NotFound};
use crate::browser;
use crate::components::{download_project, project_counts, ExportButtons, StepNav};
use crate::export::{encode_share_link, ProjectExport, ShareError};
use crate::i18n::{share_error_message, Key};
use crate::state::{use_app, Undo};

#[component]
pub fn FilesPage() -> impl IntoView {
    let project = use_route_project();
    move || match project.get() {
        Some(id) => view! { <Files id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn Files(id: Uuid) -> impl IntoView {
    let app = use_app();
    let title = move || {
        let name = app
            .workspace
            .with(|w| w.project(id).map(|p| p.name.clone()))
            .unwrap_or_default();
        Key::FilesTitle.fill(app.lang.get(), &[("name", name.trim())])
    };
    let last_export = move || {
        let lang = app.lang.get();
        match app
            .workspace
            .with(|w| w.project(id).and_then(|p| p.backup.last_export_at))
        {
            Some(at) => {
                Key::LastExport.fill(lang, &[("date", &browser::format_date_time(at, lang))])
            }
            None => Key::NeverExported.text(lang).to_string(),
        }
    };
    view! {
        <h1>{title}</h1>
        <StepNav project=id/>
        <section aria-labelledby="export-title">
            <h2 id="export-title">{move || app.t(Key::ExportTitle)}</h2>
            <p>{move || app.t(Key::ExportHelp)}</p>
            <p data-testid="last-export">{last_export}</p>
            <ExportButtons project=id/>
        </section>
        <ShareLink id/>
        <Versions id/>
    }
}

#[component]
fn ShareLink(id: Uuid) -> impl IntoView {
    let app = use_app();
    let link = RwSignal::new(None::<Result<String, ShareError>>);
    let copied = RwSignal::new(None::<bool>);
    let make = move |_| {
        copied.set(None);
        let encoded = app
            .workspace
            .with_untracked(|w| w.project(id).map(encode_share_link));
        link.set(encoded.map(|r| r.map(|fragment| format!("{}/#{fragment}", browser::origin()))));
        browser::focus_later("share-link".into());
    };
    let result = move || {
        link.get().map(|result| match result {
            Ok(url) => {
                let for_copy = url.clone();
                view! {
                    <div class="field">
                        <label for="share-link">{move || app.t(Key::ShareLinkLabel)}</label>
                        <textarea id="share-link" readonly rows="4" data-testid="share-link"
                            on:focus=move |ev| {
                                let area: web_sys::HtmlTextAreaElement = event_target(&ev);
                                area.select();
                            }
                        >{url}</textarea>
                    </div>
                    <p class="actions">
                        <button type="button" on:click=move |_| {
                            browser::copy_text(for_copy.clone(), move |ok| copied.set(Some(ok)));
                        }>
                            {move || app.t(Key::CopyLink)}
                        </button>
                    </p>
                    <p role="status">
                        {move || copied.get().map(|ok| app.t(if ok { Key::LinkCopied } else { Key::CopyFailed }))}
                    </p>
                }
                .into_any()
            }
            Err(error) => view! {
                <div class="notice notice-warning" role="alert" data-testid="share-too-large">
                    <p>{move || share_error_message(&error, app.lang.get())}</p>
                    <button
                        type="button"
                        on:click=move |_| download_project(app, id, ProjectExport::Json)
                    >
                        {move || app.t(Key::ExportJson)}
                    </button>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <section aria-labelledby="share-title">
            <h2 id="share-title">{move || app.t(Key::ShareTitle)}</h2>
            <p>{move || app.t(Key::ShareHelp)}</p>
            <p class="actions">
                <button type="button" id="make-share-link" on:click=make>
                    {move || app.t(Key::MakeShareLink)}
                </button>
            </p>
            {result}
        </section>
    }
}

#[component]
fn Versions(id: Uuid) -> impl IntoView {
    let app = use_app();
    let label = RwSignal::new(String::new());
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let now = browser::now_ms();
        let lang = app.lang.get_untracked();
        let typed = label.get_untracked().trim().to_string();
        let text = if typed.is_empty() {
            Key::VersionOf.fill(lang, &[("date", &browser::format_date_time(now, lang))])
        } else {
            typed
        };
        edit_project(app, id, |p| {
            p.take_snapshot(Uuid::new_v4(), text.clone(), now)
        });
        label.set(String::new());
        app.show_toast(Key::VersionSaved.fill(lang, &[("label", &text)]), None);
    };
    let list = move || {
        let lang = app.lang.get();
        let snapshots = app
            .workspace
            .with(|w| w.project(id).map(|p| p.snapshots.clone()))
            .unwrap_or_default();
        if snapshots.is_empty() {
            return view! { <p>{Key::NoVersions.text(lang)}</p> }.into_any();
        }
        let items = snapshots
            .into_iter()
            .map(|snapshot| {
                let sid = snapshot.id;
                let label = snapshot.label.clone();
                let remove = move |_| {
                    let mut removed = None;
                    edit_project(app, id, |p| removed = p.delete_snapshot(sid));
                    if let Some((index, snapshot)) = removed {
                        let workspace = app.workspace;
                        let undo: Undo = Arc::new(move || {
                            let snapshot = snapshot.clone();
                            workspace.update(|w| {
                                w.edit_project(id, browser::now_ms(), |p| {
                                    if p.snapshot(snapshot.id).is_none() {
                                        let index = index.min(p.snapshots.len());
                                        p.snapshots.insert(index, snapshot);
                                    }
                                });
                            });
                        });
                        app.show_toast(
                            Key::VersionDeleted.fill(app.lang.get_untracked(), &[("label", &label)]),
                            Some(undo),
                        );
                    }
                };
                view! {
                    <li class="card version">
                        <h3>{snapshot.label.clone()}</h3>
                        <p>
                            {Key::SavedOn.fill(lang, &[("date", &browser::format_date_time(snapshot.taken_at, lang))])}
                            " · "
                            {project_counts(&snapshot.content, lang)}
                        </p>
                        <p class="actions">
                            <A href=format!("/project/{id}/versions/{sid}") attr:class="button">
                                {Key::ViewVersion.text(lang)}
                            </A>
                            <button type="button" class="secondary" on:click=remove>
                                {Key::Delete.text(lang)}
                            </button>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="versions" data-testid="versions">{items}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="versions-title">
            <h2 id="versions-title">{move || app.t(Key::VersionsTitle)}</h2>
            <p>{move || app.t(Key::VersionsHelp)}</p>
            <form on:submit=save class="inline-form">
                <div class="field">
                    <label for="version-label">{move || app.t(Key::VersionLabel)}</label>
                    <input
                        type="text"
                        id="version-label"
                        prop:value=move || label.get()
                        on:input:target=move |ev| label.set(ev.target().value())
                    />
                </div>
                <button type="submit">{move || app.t(Key::SaveVersion)}</button>
            </form>
            {list}
        </section>
    }
}
