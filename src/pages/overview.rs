//! A project's overview: its profile, its progress along the path, and what is still missing.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use super::{edit_project, use_route_project, NotFound};
use crate::components::{ChoiceSelect, StepNav, TextField};
use crate::i18n::Key;
use crate::model::{Domain, Project};
use crate::state::{use_app, AppState};

#[component]
pub fn ProjectPage() -> impl IntoView {
    let project = use_route_project();
    move || match project.get() {
        Some(id) => view! { <ProjectOverview id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

/// A text field of the project, read and written through the workspace.
fn project_text(app: AppState, id: Uuid, get: fn(&Project) -> &String) -> Signal<String> {
    Signal::derive(move || {
        app.workspace
            .with(|w| w.project(id).map(|p| get(p).clone()).unwrap_or_default())
    })
}

#[component]
fn ProjectOverview(id: Uuid) -> impl IntoView {
    let app = use_app();
    let title = move || {
        let name = app
            .workspace
            .with(|w| w.project(id).map(|p| p.name.trim().to_string()))
            .unwrap_or_default();
        if name.is_empty() {
            app.t(Key::UntitledProject).to_string()
        } else {
            name
        }
    };
    let text_field = move |field: &str,
                           label: Key,
                           get: fn(&Project) -> &String,
                           set: fn(&mut Project, String),
                           multiline: bool| {
        view! {
            <TextField
                id=format!("project-{field}")
                label
                multiline
                value=project_text(app, id, get)
                on_input=Callback::new(move |value: String| edit_project(app, id, |p| set(p, value)))
            />
        }
    };
    let domain = Signal::derive(move || {
        app.workspace
            .with(|w| w.project(id).map(|p| p.domain))
            .unwrap_or_default()
    });
    // One line per phase that still has work, in the order of the path.
    let missing = move || {
        let lang = app.lang.get();
        app.workspace.with(|w| {
            let Some(project) = w.project(id) else {
                return Vec::new();
            };
            let undescribed = project.undescribed_wanted().count();
            let unevaluated = project.unevaluated_wanted().count();
            let phase1 = if project.wanted.is_empty() {
                Key::MissingNoWanted.text(lang).to_string()
            } else if undescribed > 0 {
                Key::MissingUndescribed.fill(lang, &[("count", &undescribed.to_string())])
            } else {
                Key::NothingMissing.text(lang).to_string()
            };
            let phase2 = if unevaluated > 0 {
                Key::MissingUnevaluated.fill(lang, &[("count", &unevaluated.to_string())])
            } else if project.wanted.is_empty() {
                return vec![phase1];
            } else {
                Key::NothingMissingPhase2.text(lang).to_string()
            };
            vec![phase1, phase2]
        })
    };
    view! {
        <h1>{title}</h1>
        <StepNav project=id/>
        <section aria-labelledby="profile-title">
            <h2 id="profile-title">{move || app.t(Key::ProfileTitle)}</h2>
            <p class="hint">{move || app.t(Key::AutoSaveHint)}</p>
            <div class="form-grid">
                {text_field("name", Key::ProjectName, |p| &p.name, |p, v| p.name = v, false)}
                {text_field("holder", Key::Holder, |p| &p.holder, |p, v| p.holder = v, false)}
                <ChoiceSelect
                    id="project-domain".to_string()
                    label=Key::DomainLabel
                    value=domain
                    on_change=Callback::new(move |d: Domain| edit_project(app, id, |p| p.domain = d))
                />
            </div>
            {text_field("description", Key::ShortDescription, |p| &p.description, |p, v| p.description = v, true)}
            {text_field("objectives", Key::Objectives, |p| &p.objectives, |p, v| p.objectives = v, true)}
        </section>
        <section aria-labelledby="missing-title">
            <h2 id="missing-title">{move || app.t(Key::StillMissing)}</h2>
            <ul data-testid="missing">
                {move || missing().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <p class="actions">
                <A href=format!("/project/{id}/wanted") attr:class="button">
                    {move || app.t(Key::GoToWantedList)}
                </A>
                <A href=format!("/project/{id}/sources") attr:class="button">
                    {move || app.t(Key::GoToSources)}
                </A>
                <A href=format!("/project/{id}/roadmap") attr:class="button">
                    {move || app.t(Key::GoToRoadmap)}
                </A>
                <A href=format!("/project/{id}/dashboard") attr:class="button">
                    {move || app.t(Key::GoToDashboard)}
                </A>
                <A href=format!("/project/{id}/report") attr:class="button">
                    {move || app.t(Key::GoToReport)}
                </A>
                <A href=format!("/project/{id}/files") attr:class="button">
                    {move || app.t(Key::FilesAndVersions)}
                </A>
            </p>
        </section>
    }
}
