//! One project of the home screen's list: what it is, and open, rename, duplicate, delete.

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser;
use crate::components::{naming, ConfirmBox, FieldSource, TextField};
use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{Domain, Project, Touched};
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle, ProjectHandle, Undo};

/// What the card shows of its project, under its name.
struct ProjectSummary {
    holder: String,
    domain: Domain,
    wanted: usize,
    updated_at: i64,
}

impl ProjectSummary {
    fn of(p: &Project) -> Self {
        ProjectSummary {
            holder: p.holder.trim().to_string(),
            domain: p.domain,
            wanted: p.wanted.len(),
            updated_at: p.updated_at,
        }
    }

    /// "Holder · Domain · Wanted datasets: 3 · Last change: …".
    fn details(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if !self.holder.is_empty() {
            parts.push(self.holder.clone());
        }
        parts.push(self.domain.label().text(lang).to_string());
        parts.push(Key::WantedCount.fill(lang, &[("count", &self.wanted.to_string())]));
        let date = browser::format_date_time(self.updated_at, lang);
        parts.push(Key::LastChange.fill(lang, &[("date", &date)]));
        parts.join(" · ")
    }
}

#[component]
pub(super) fn ProjectCard(id: Uuid) -> impl IntoView {
    let app = use_app();
    let project = app.project(id);
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let name = Signal::derive(move || project.display_name());
    let details = move || project.with(|p| ProjectSummary::of(p).details(app.lang.get()));
    view! {
        <li class="project-card card">
            <h3>
                <a href=project.href(ProjectPage::Overview)>{name}</a>
            </h3>
            <p class="meta">{details}</p>
            <Show when=move || renaming.get()>
                <Rename project renaming/>
            </Show>
            <Show when=move || confirming.get() fallback=move || view! { <CardActions project name renaming confirming/> }>
                <ConfirmDelete project name confirming/>
            </Show>
        </li>
    }
}

#[component]
fn CardActions(
    project: ProjectHandle,
    name: Signal<String>,
    renaming: RwSignal<bool>,
    confirming: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let id = project.id();
    let duplicate = move |_| {
        let lang = app.lang.get_untracked();
        let now = browser::now_ms();
        app.change(Touched::Everything, |w| {
            if let Some(original) = w.project(id) {
                let copy_name = Key::CopyName.fill(lang, &[("name", &original.display_name(lang))]);
                let copy = original.duplicate(copy_name, now, Uuid::new_v4);
                w.add_project(copy);
            }
        });
    };
    view! {
        <p class="actions">
            <a href=project.href(ProjectPage::Overview) class="button">{naming(Key::Open, name)}</a>
            <button type="button" class="secondary" id=format!("rename-button-{id}") on:click=move |_| {
                renaming.set(true);
                browser::focus_later(format!("rename-{id}"));
            }>
                {naming(Key::Rename, name)}
            </button>
            <button type="button" class="secondary" on:click=duplicate>
                {naming(Key::Duplicate, name)}
            </button>
            <button type="button" class="danger" on:click=move |_| {
                confirming.set(true);
                browser::focus_later(format!("cancel-delete-{id}"));
            }>
                {naming(Key::Delete, name)}
            </button>
        </p>
    }
}

#[component]
fn Rename(project: ProjectHandle, renaming: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let id = project.id();
    view! {
        <div class="inline-edit">
            <TextField id=format!("rename-{id}") label=Key::NewName value=project.text(|p| &p.name) on_input=project.set_text(|p, v| p.name = v)/>
            <button type="button" on:click=move |_| {
                renaming.set(false);
                browser::focus_later(format!("rename-button-{id}"));
            }>
                {move || app.t(Key::Done)}
            </button>
        </div>
    }
}

/// "Delete … and all its data?", then the deletion with an undo.
#[component]
fn ConfirmDelete(
    project: ProjectHandle,
    name: Signal<String>,
    confirming: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let id = project.id();
    let delete = Callback::new(move |_| {
        let Some((index, removed)) = app
            .change(Touched::Everything, |w| w.remove_project(id))
            .flatten()
        else {
            return;
        };
        let lang = app.lang.get_untracked();
        let text = Key::ProjectDeleted.fill(lang, &[("name", &removed.display_name(lang))]);
        let undo: Undo = Arc::new(move || {
            let project = removed.clone();
            app.change(Touched::Everything, |w| w.restore_project(index, project));
        });
        app.offer_undo(text, undo);
    });
    view! {
        <ConfirmBox
            question=Signal::derive(move || Key::ConfirmDeleteProject.fill(app.lang.get(), &[("name", &name.get())]))
            yes=Key::YesDelete
            yes_id=format!("confirm-delete-{id}")
            cancel_id=format!("cancel-delete-{id}")
            danger=true
            on_yes=delete
            on_cancel=Callback::new(move |_| confirming.set(false))
        />
    }
}
