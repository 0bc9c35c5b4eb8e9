//! The facilitator's workshops: the list, a new one, a workshop file to import, and the
//! worked example.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::browser;
use crate::components::{ExampleWorkshop, WorkshopImport};
use crate::i18n::{DisplayName, Key};
use crate::model::{Touched, Workshop};
use crate::routes::{Page, WorkshopPage};
use crate::state::use_app;

#[component]
pub fn WorkshopsPage() -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        let lang = app.lang.get();
        app.with_workspace(|w| {
            w.workshops
                .iter()
                .map(|ws| Line::of(ws, lang))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h1>{move || app.t(Key::WorkshopsTitle)}</h1>
        <p>{move || app.t(Key::WorkshopsIntro)}</p>
        <section aria-labelledby="workshop-list-title">
            <h2 id="workshop-list-title" class="visually-hidden">{move || app.t(Key::WorkshopsTitle)}</h2>
            <Show
                when=move || !list.with(Vec::is_empty)
                fallback=move || view! { <p>{move || app.t(Key::NoWorkshops)}</p> }
            >
                <ul class="project-list" data-testid="workshop-list">
                    <For each=move || list.get() key=|line| line.clone() let:line>
                        <WorkshopCard line/>
                    </For>
                </ul>
            </Show>
        </section>
        <NewWorkshopForm/>
        <section aria-labelledby="import-workshop-title" class="card">
            <h2 id="import-workshop-title">{move || app.t(Key::ImportWorkshopTitle)}</h2>
            <p class="hint">{move || app.t(Key::ImportWorkshopHelp)}</p>
            <WorkshopImport into=None id_prefix="workshop-file" files_label=Key::WorkshopFileLabel/>
        </section>
        <ExampleWorkshop/>
    }
}

/// What the list shows of one workshop.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Line {
    id: Uuid,
    name: String,
    dates: Option<(String, String)>,
    place: String,
    projects: usize,
    example: bool,
}

impl Line {
    fn of(workshop: &Workshop, lang: crate::i18n::Lang) -> Line {
        let dates = (!workshop.starts_on.is_empty() || !workshop.ends_on.is_empty())
            .then(|| (workshop.starts_on.clone(), workshop.ends_on.clone()));
        Line {
            id: workshop.id,
            name: workshop.display_name(lang),
            dates,
            place: workshop.place.trim().to_string(),
            projects: workshop.members.len(),
            example: workshop.example,
        }
    }
}

#[component]
fn WorkshopCard(line: Line) -> impl IntoView {
    let app = use_app();
    let count = line.projects.to_string();
    let summary = move || Key::WorkshopSummary.fill(app.lang.get(), &[("count", &count)]);
    let dates = line.dates.map(|(start, end)| {
        move || {
            let lang = app.lang.get();
            let day = |d: &str| {
                crate::model::parse_date(d)
                    .map_or_else(|| d.to_string(), |d| browser::format_day(d, lang))
            };
            Key::WorkshopDates.fill(lang, &[("start", &day(&start)), ("end", &day(&end))])
        }
    });
    let place = (!line.place.is_empty()).then_some(line.place);
    view! {
        <li class="card project-card" data-testid="workshop-card">
            <h3>
                <a href=Page::Workshop(line.id, WorkshopPage::Projects).href()>{line.name}</a>
                {line.example.then(|| view! { " " <span class="badge">{move || app.t(Key::ExampleBadge)}</span> })}
            </h3>
            <p class="meta">
                {summary}
                {dates.map(|d| view! { " · " {d} })}
                {place.map(|p| view! { " · " {p} })}
            </p>
        </li>
    }
}

#[component]
fn NewWorkshopForm() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let trimmed = name.get_untracked().trim().to_string();
        if trimmed.is_empty() {
            missing.set(true);
            browser::focus_later("new-workshop-name".into());
            return;
        }
        let id = Uuid::new_v4();
        let workshop = Workshop::new(id, trimmed, browser::now_ms());
        app.change(Touched::Workshop(id), |w| w.workshops.push(workshop));
        navigate(
            &Page::Workshop(id, WorkshopPage::Projects).href(),
            Default::default(),
        );
    };
    view! {
        <section aria-labelledby="new-workshop-title" class="card">
            <h2 id="new-workshop-title">{move || app.t(Key::NewWorkshop)}</h2>
            <form on:submit=create novalidate>
                <div class="field">
                    <label for="new-workshop-name">{move || app.t(Key::WorkshopName)}</label>
                    <input
                        type="text"
                        id="new-workshop-name"
                        required
                        aria-invalid=move || missing.get().then_some("true")
                        aria-describedby=move || missing.get().then_some("new-workshop-error")
                        prop:value=move || name.get()
                        on:input:target=move |ev| {
                            name.set(ev.target().value());
                            missing.set(false);
                        }
                    />
                    <Show when=move || missing.get()>
                        <p id="new-workshop-error" class="error">{move || app.t(Key::WorkshopNameRequired)}</p>
                    </Show>
                </div>
                <button type="submit">{move || app.t(Key::CreateWorkshop)}</button>
            </form>
        </section>
    }
}
