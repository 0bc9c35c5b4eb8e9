//! The home screen: the path in brief, a new project, and every project kept in this browser.

mod project_card;
mod set_aside;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::browser;
use crate::components::{
    download_workspace, lazy_view, ExampleWorkshop, ImportPanel, LazyPart, NotLoaded,
    SharedLinkOffer,
};
use crate::i18n::{Key, Label};
use crate::model::{Phase, Project, Touched};
use crate::routes::{Page, ProjectPage};
use crate::state::use_app;
use project_card::ProjectCard;
use set_aside::SetAsidePanel;

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
        <p>
            <a href=Page::Method.href()>{move || app.t(Key::MethodLink)}</a>
            " · "
            <a href=Page::Workshops.href()>{move || app.t(Key::WorkshopsLink)}</a>
        </p>
        <SharedLinkOffer/>
        <NewProjectForm/>
        <ProjectList/>
        <HomeExtras/>
        <SetAsidePanel/>
    }
}

/// Importing a file and the example workshop sit below the projects: their code comes with
/// phase 1's, fetched once the first screen is painted and the browser is idle
/// (`app::after_first_screen`).
#[component]
fn HomeExtras() -> impl IntoView {
    #[cfg(feature = "split")]
    {
        let idle = RwSignal::new(false);
        browser::when_idle(move || {
            idle.try_set(true);
        });
        move || {
            idle.get()
                .then(|| lazy_view!(LazyPart::Section, home_extras()))
        }
    }
    #[cfg(not(feature = "split"))]
    {
        lazy_view!(LazyPart::Section, home_extras())
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(phase_one, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn home_extras() -> Result<AnyView, NotLoaded> {
    Ok(view! {
        <ImportPanel/>
        <ExampleWorkshop/>
    }
    .into_any())
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
        app.change(Touched::Everything, |w| w.add_project(project));
        navigate(
            &Page::Project(id, ProjectPage::Overview).href(),
            Default::default(),
        );
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
        app.with_workspace(|w| {
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
        app.with_workspace_untracked(|w| {
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
