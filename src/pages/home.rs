//! The home screen: the path in brief, a new project, and every project kept in this browser.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::edit_project;
use crate::browser;
use crate::components::{download_workspace, ImportPanel, SharedLinkOffer, TextField};
use crate::i18n::{Key, Label};
use crate::model::{Phase, Project};
use crate::state::{use_app, Undo};
use crate::storage::{self, SetAside};

#[component]
pub fn HomePage() -> impl IntoView {
    let app = use_app();
    let phases = Phase::ALL
        .into_iter()
        .map(|phase| {
            let help = match phase {
                Phase::WantedList => Key::PhaseWantedListHelp,
                Phase::CollectEvaluate => Key::PhaseCollectHelp,
                Phase::Roadmap => Key::PhaseRoadmapHelp,
            };
            view! {
                <li>
                    <strong>{move || app.t(phase.label())}</strong>
                    " — "
                    {move || app.t(help)}
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{move || app.t(Key::HomeTitle)}</h1>
        <p>{move || app.t(Key::HomeIntro)}</p>
        <ol class="phases">{phases}</ol>
        <SharedLinkOffer/>
        <NewProjectForm/>
        <ProjectList/>
        <ImportPanel/>
        <SetAsidePanel/>
    }
}

#[component]
fn NewProjectForm() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let missing_name = RwSignal::new(false);
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let trimmed = name.get_untracked().trim().to_string();
        if trimmed.is_empty() {
            missing_name.set(true);
            browser::focus_later("new-project-name".into());
            return;
        }
        let id = Uuid::new_v4();
        let project = Project::new(id, trimmed, browser::now_ms());
        app.workspace.update(|w| w.add_project(project));
        navigate(&format!("/project/{id}"), Default::default());
    };
    view! {
        <section aria-labelledby="new-project-title" class="card">
            <h2 id="new-project-title">{move || app.t(Key::NewProject)}</h2>
            <form on:submit=create novalidate>
                <div class="field">
                    <label for="new-project-name">{move || app.t(Key::ProjectName)}</label>
                    <input
                        type="text"
                        id="new-project-name"
                        required
                        aria-invalid=move || missing_name.get().then_some("true")
                        aria-describedby=move || missing_name.get().then_some("new-project-error")
                        prop:value=move || name.get()
                        on:input:target=move |ev| {
                            name.set(ev.target().value());
                            missing_name.set(false);
                        }
                    />
                    <Show when=move || missing_name.get()>
                        <p id="new-project-error" class="error">{move || app.t(Key::NameRequired)}</p>
                    </Show>
                </div>
                <button type="submit">{move || app.t(Key::CreateProject)}</button>
            </form>
        </section>
    }
}

#[component]
fn ProjectList() -> impl IntoView {
    let app = use_app();
    // Which projects exist; changes only when one is added or removed.
    let members = Memo::new(move |_| {
        app.workspace.with(|w| {
            let mut ids: Vec<Uuid> = w.projects.iter().map(|p| p.id).collect();
            ids.sort();
            ids
        })
    });
    // Most recent first, but re-sorted only when the membership changes, so a card being
    // renamed does not jump to the top (and lose focus) at every keystroke.
    let order = Memo::new(move |_| {
        // Read, not just tracked: a memo nobody reads is never computed, so never notified.
        members.with(|_| ());
        app.workspace.with_untracked(|w| {
            w.projects_by_recent()
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="projects-title">
            <h2 id="projects-title">{move || app.t(Key::SavedProjects)}</h2>
            <Show
                when=move || !order.with(Vec::is_empty)
                fallback=move || view! { <p>{move || app.t(Key::NoProjects)}</p> }
            >
                <ul class="project-list">
                    <For each=move || order.get() key=|id| *id let:id>
                        <ProjectCard id/>
                    </For>
                </ul>
                <p class="actions">
                    <button type="button" id="export-workspace" on:click=move |_| download_workspace(app)>
                        {move || app.t(Key::ExportWorkspace)}
                    </button>
                </p>
            </Show>
        </section>
    }
}

#[component]
fn ProjectCard(id: Uuid) -> impl IntoView {
    let app = use_app();
    let summary = Memo::new(move |_| {
        app.workspace.with(|w| {
            w.project(id).map(|p| {
                (
                    p.name.clone(),
                    p.holder.clone(),
                    p.domain,
                    p.wanted.len(),
                    p.updated_at,
                )
            })
        })
    });
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let name = move || {
        let name = summary
            .with(|s| s.as_ref().map(|s| s.0.trim().to_string()))
            .unwrap_or_default();
        if name.is_empty() {
            app.t(Key::UntitledProject).to_string()
        } else {
            name
        }
    };
    let details = move || {
        let lang = app.lang.get();
        summary.get().map(|(_, holder, domain, count, updated_at)| {
            let mut parts = Vec::new();
            if !holder.trim().is_empty() {
                parts.push(holder);
            }
            parts.push(domain.label().text(lang).to_string());
            parts.push(Key::WantedCount.fill(lang, &[("count", &count.to_string())]));
            let date = browser::format_date_time(updated_at, lang);
            parts.push(Key::LastChange.fill(lang, &[("date", &date)]));
            parts.join(" · ")
        })
    };
    let duplicate = move |_| {
        let lang = app.lang.get_untracked();
        let now = browser::now_ms();
        app.workspace.update(|w| {
            if let Some(original) = w.project(id) {
                let copy_name = Key::CopyName.fill(lang, &[("name", &original.name)]);
                let copy = original.duplicate(copy_name, now, Uuid::new_v4);
                w.add_project(copy);
            }
        });
    };
    let delete = move |_| {
        let Some((index, project)) = app.workspace.try_update(|w| w.remove_project(id)).flatten()
        else {
            return;
        };
        let text = Key::ProjectDeleted.fill(app.lang.get_untracked(), &[("name", &project.name)]);
        let undo: Undo = Arc::new(move || {
            let project = project.clone();
            app.workspace.update(|w| w.restore_project(index, project));
        });
        app.show_toast(text, Some(undo));
        browser::focus_later("toast-undo".into());
    };
    let name_value = Signal::derive(move || {
        summary
            .with(|s| s.as_ref().map(|s| s.0.clone()))
            .unwrap_or_default()
    });
    view! {
        <li class="project-card card">
            <h3>
                <A href=format!("/project/{id}")>{name}</A>
            </h3>
            <p class="meta">{details}</p>
            <Show when=move || renaming.get()>
                <div class="inline-edit">
                    <TextField
                        id=format!("rename-{id}")
                        label=Key::NewName
                        value=name_value
                        on_input=Callback::new(move |value: String| edit_project(app, id, |p| p.name = value))
                    />
                    <button
                        type="button"
                        on:click=move |_| {
                            renaming.set(false);
                            browser::focus_later(format!("rename-button-{id}"));
                        }
                    >
                        {move || app.t(Key::Done)}
                    </button>
                </div>
            </Show>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <p class="actions">
                            <A href=format!("/project/{id}") attr:class="button">
                                {move || app.t(Key::Open)}
                                <span class="visually-hidden">" " {name}</span>
                            </A>
                            <button
                                type="button"
                                class="secondary"
                                id=format!("rename-button-{id}")
                                on:click=move |_| {
                                    renaming.set(true);
                                    browser::focus_later(format!("rename-{id}"));
                                }
                            >
                                {move || app.t(Key::Rename)}
                                <span class="visually-hidden">" " {name}</span>
                            </button>
                            <button type="button" class="secondary" on:click=duplicate>
                                {move || app.t(Key::Duplicate)}
                                <span class="visually-hidden">" " {name}</span>
                            </button>
                            <button
                                type="button"
                                class="danger"
                                on:click=move |_| {
                                    confirming.set(true);
                                    browser::focus_later(format!("cancel-delete-{id}"));
                                }
                            >
                                {move || app.t(Key::Delete)}
                                <span class="visually-hidden">" " {name}</span>
                            </button>
                        </p>
                    }
                }
            >
                <div class="confirm" role="group" aria-labelledby=format!("confirm-delete-{id}")>
                    <p id=format!("confirm-delete-{id}")>
                        {move || Key::ConfirmDeleteProject.fill(app.lang.get(), &[("name", &name())])}
                    </p>
                    <p class="actions">
                        <button type="button" class="danger" on:click=delete>
                            {move || app.t(Key::YesDelete)}
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            id=format!("cancel-delete-{id}")
                            on:click=move |_| confirming.set(false)
                        >
                            {move || app.t(Key::Cancel)}
                        </button>
                    </p>
                </div>
            </Show>
        </li>
    }
}

/// Texts that could not be read at load time, kept until the user deletes them.
#[component]
fn SetAsidePanel() -> impl IntoView {
    let app = use_app();
    let entries = RwSignal::new(storage::set_aside_entries());
    let entry_view = move |entry: SetAside| {
        let SetAside { key, at } = entry;
        let download_key = key.clone();
        let download = move |_| {
            if let Some(text) = storage::set_aside_text(&download_key) {
                let _ = browser::download(
                    &format!("data-roadmap-unreadable-{at}.json"),
                    "application/json",
                    &text,
                );
            }
        };
        let delete = move |_| {
            let question = app.t(Key::ConfirmDeleteSetAside);
            if !browser::confirm(question) {
                return;
            }
            storage::delete_set_aside(&key);
            entries.set(storage::set_aside_entries());
        };
        view! {
            <li>
                <span>
                    {move || {
                        let date = browser::format_date_time(at, app.lang.get());
                        Key::SetAsideOn.fill(app.lang.get(), &[("date", &date)])
                    }}
                </span>
                " "
                <button type="button" on:click=download>{move || app.t(Key::Download)}</button>
                " "
                <button type="button" class="danger" on:click=delete>
                    {move || app.t(Key::DeleteForGood)}
                </button>
            </li>
        }
    };
    move || {
        let list = entries.get();
        (!list.is_empty()).then(|| {
            view! {
                <section aria-labelledby="set-aside-title" class="card">
                    <h2 id="set-aside-title">{move || app.t(Key::SetAsideTitle)}</h2>
                    <p>{move || app.t(Key::SetAsideIntro)}</p>
                    <ul class="set-aside">{list.into_iter().map(entry_view).collect_view()}</ul>
                </section>
            }
        })
    }
}
