//! Files, sharing and saved versions of one project: everything that makes a copy of it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use uuid::Uuid;

use super::use_project;
use crate::browser;
use crate::components::{download_project, project_counts, ButtonLink, ExportButtons};
use crate::export::{encode_share_link, ProjectExport, ShareError};
use crate::i18n::{share_error_message, Key, Lang};
use crate::model::Project;
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle, ProjectHandle};

#[component]
pub fn FilesPage() -> impl IntoView {
    let app = use_app();
    let project = use_project();
    let title = move || Key::FilesTitle.fill(app.lang.get(), &[("name", &project.display_name())]);
    let last_export = move || {
        let lang = app.lang.get();
        match project.with(|p| p.backup.last_export_at).flatten() {
            Some(at) => {
                Key::LastExport.fill(lang, &[("date", &browser::format_date_time(at, lang))])
            }
            None => Key::NeverExported.text(lang).to_string(),
        }
    };
    view! {
        <h1>{title}</h1>
        <section aria-labelledby="export-title">
            <h2 id="export-title">{move || app.t(Key::ExportTitle)}</h2>
            <p>{move || app.t(Key::ExportHelp)}</p>
            <p data-testid="last-export">{last_export}</p>
            <ExportButtons project/>
        </section>
        <ShareLink project/>
        <Versions project/>
    }
}

#[component]
fn ShareLink(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let link = RwSignal::new(None::<Result<String, ShareError>>);
    let copied = RwSignal::new(None::<bool>);
    let make = move |_| {
        copied.set(None);
        let encoded = project.with_untracked(encode_share_link);
        link.set(encoded.map(|r| r.map(|fragment| format!("{}/#{fragment}", browser::origin()))));
        browser::focus_later("share-link".into());
    };
    let result = move || {
        link.get().map(|result| match result {
            Ok(url) => view! { <ShareLinkText url copied/> }.into_any(),
            Err(error) => view! {
                <div class="notice notice-warning" role="alert" data-testid="share-too-large">
                    <p>{move || share_error_message(&error, app.lang.get())}</p>
                    <button type="button" on:click=move |_| download_project(project, ProjectExport::Json)>
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

/// The link made, selected on focus, with a copy button.
#[component]
fn ShareLinkText(url: String, copied: RwSignal<Option<bool>>) -> impl IntoView {
    let app = use_app();
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
}

/// One saved version as the list shows it.
#[derive(Clone, PartialEq)]
struct VersionLine {
    id: Uuid,
    label: String,
    saved: String,
}

fn version_lines(p: &Project, lang: Lang) -> Vec<VersionLine> {
    p.snapshots
        .iter()
        .map(|s| {
            let date = browser::format_date_time(s.taken_at, lang);
            let saved = Key::SavedOn.fill(lang, &[("date", &date)]);
            VersionLine {
                id: s.id,
                label: s.label.clone(),
                saved: format!("{saved} · {}", project_counts(&s.content, lang)),
            }
        })
        .collect()
}

#[component]
fn Versions(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let label = RwSignal::new(String::new());
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let now = browser::now_ms();
        let lang = app.lang.get_untracked();
        let text = match label.get_untracked().trim() {
            "" => Key::VersionOf.fill(lang, &[("date", &browser::format_date_time(now, lang))]),
            typed => typed.to_string(),
        };
        project.edit(|p| p.take_snapshot(Uuid::new_v4(), text.clone(), now));
        label.set(String::new());
        app.show_toast(Key::VersionSaved.fill(lang, &[("label", &text)]), None);
    };
    let list = move || {
        let lang = app.lang.get();
        let lines = project.with(|p| version_lines(p, lang)).unwrap_or_default();
        if lines.is_empty() {
            return view! { <p>{app.t(Key::NoVersions)}</p> }.into_any();
        }
        let items = lines
            .into_iter()
            .map(|line| view! { <VersionItem project line/> })
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

#[component]
fn VersionItem(project: ProjectHandle, line: VersionLine) -> impl IntoView {
    let app = use_app();
    let VersionLine { id, label, saved } = line;
    let remove = move |_| {
        if let Some((removed, undo)) = project.delete_snapshot(id) {
            let lang = app.lang.get_untracked();
            let text = Key::VersionDeleted.fill(lang, &[("label", &removed.label)]);
            app.show_toast(text, Some(undo));
        }
    };
    view! {
        <li class="card version">
            <h3>{label}</h3>
            <p>{saved}</p>
            <p class="actions">
                <ButtonLink href=project.href(ProjectPage::Version(id)) label=Key::ViewVersion/>
                <button type="button" class="secondary" on:click=remove>
                    {move || app.t(Key::Delete)}
                </button>
            </p>
        </li>
    }
}
