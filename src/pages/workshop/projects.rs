//! A workshop's first page: what it is (name, dates, place, facilitators), how projects
//! join it, and the cohort dashboard.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::cohort::CohortTable;
use super::use_workshop;
use crate::browser;
use crate::components::{offer, ConfirmBox, FieldSource, TextField, WorkshopImport};
use crate::export::workshop_file;
use crate::i18n::{DisplayName, Key};
use crate::model::Touched;
use crate::routes::Page;
use crate::state::{use_app, Undo};

#[component]
pub fn WorkshopProjectsPage() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let title = move || {
        let lang = app.lang.get();
        workshop.with(|w| w.display_name(lang)).unwrap_or_default()
    };
    view! {
        <h1>{title}</h1>
        <WorkshopDetails/>
        <section aria-labelledby="add-projects-title" class="card no-print">
            <h2 id="add-projects-title">{move || app.t(Key::AddProjectsTitle)}</h2>
            <p class="hint">{move || app.t(Key::AddProjectsHelp)}</p>
            <WorkshopImport
                into=Some(workshop.id())
                id_prefix="workshop-import"
                files_label=Key::WorkshopFilesLabel
            />
            <PickProjects/>
        </section>
        <CohortTable/>
    }
}

#[component]
fn WorkshopDetails() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let navigate = use_navigate();
    let export = move |_| {
        let file = app.with_workspace_untracked(|w| {
            workshop_file(w, workshop.id(), &browser::iso_today(), browser::now_ms())
        });
        if let Some(file) = file {
            offer(app, file);
        }
    };
    let confirming = RwSignal::new(false);
    let delete = Callback::new(move |()| {
        confirming.set(false);
        let lang = app.lang.get_untracked();
        let name = workshop
            .with_untracked(|w| w.display_name(lang))
            .unwrap_or_default();
        let id = workshop.id();
        let removed = app.change(Touched::Workshop(id), |w| {
            let at = w.workshops.iter().position(|ws| ws.id == id)?;
            Some((at, w.workshops.remove(at)))
        });
        let Some(Some((at, removed))) = removed else {
            return;
        };
        let undo: Undo = Arc::new(move || {
            let removed = removed.clone();
            app.change(Touched::Workshop(removed.id), |w| {
                if w.workshop(removed.id).is_none() {
                    w.workshops.insert(at.min(w.workshops.len()), removed);
                }
            });
        });
        navigate(&Page::Workshops.href(), Default::default());
        app.offer_undo(Key::WorkshopDeleted.fill(lang, &[("name", &name)]), undo);
    });
    view! {
        <section aria-labelledby="workshop-details-title" class="card">
            <h2 id="workshop-details-title">{move || app.t(Key::WorkshopDetails)}</h2>
            <div class="form-grid">
                <TextField
                    id="workshop-name".into()
                    label=Key::WorkshopName
                    value=workshop.text(|w| &w.name)
                    on_input=workshop.set_text(|w, v| w.name = v)
                />
                <TextField
                    id="workshop-starts".into()
                    label=Key::WorkshopStarts
                    input_type="date"
                    value=workshop.text(|w| &w.starts_on)
                    on_input=workshop.set_text(|w, v| w.starts_on = v)
                />
                <TextField
                    id="workshop-ends".into()
                    label=Key::WorkshopEnds
                    input_type="date"
                    value=workshop.text(|w| &w.ends_on)
                    on_input=workshop.set_text(|w, v| w.ends_on = v)
                />
                <TextField
                    id="workshop-place".into()
                    label=Key::WorkshopPlace
                    value=workshop.text(|w| &w.place)
                    on_input=workshop.set_text(|w, v| w.place = v)
                />
                <TextField
                    id="workshop-facilitators".into()
                    label=Key::WorkshopFacilitators
                    value=workshop.text(|w| &w.facilitators)
                    on_input=workshop.set_text(|w, v| w.facilitators = v)
                />
            </div>
            <p class="hint no-print" id="export-workshop-help">{move || app.t(Key::ExportWorkshopHelp)}</p>
            <p class="actions no-print">
                <button type="button" aria-describedby="export-workshop-help" on:click=export>
                    {move || app.t(Key::ExportWorkshop)}
                </button>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        confirming.set(true);
                        browser::focus_later("delete-workshop-no".into());
                    }
                >
                    {move || app.t(Key::DeleteWorkshop)}
                </button>
            </p>
            <Show when=move || confirming.get()>
                <ConfirmBox
                    question=Signal::derive(move || {
                        let lang = app.lang.get();
                        let name = workshop.with(|w| w.display_name(lang)).unwrap_or_default();
                        Key::ConfirmDeleteWorkshop.fill(lang, &[("name", &name)])
                    })
                    yes=Key::YesDelete
                    yes_id="delete-workshop-yes".into()
                    on_yes=delete
                    on_cancel=Callback::new(move |()| confirming.set(false))
                    cancel_id="delete-workshop-no".into()
                    danger=true
                />
            </Show>
        </section>
    }
}

/// Projects already in this browser, ticked to join the workshop.
#[component]
fn PickProjects() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let candidates = Memo::new(move |_| {
        let lang = app.lang.get();
        app.with_workspace(|w| {
            let Some(ws) = w.workshop(workshop.id()) else {
                return Vec::new();
            };
            w.projects
                .iter()
                .filter(|p| !ws.has(p.id))
                .map(|p| (p.id, p.display_name(lang)))
                .collect::<Vec<_>>()
        })
    });
    let ticked = RwSignal::new(Vec::<Uuid>::new());
    let add = move |_| {
        let ids = ticked.get_untracked();
        let added = workshop
            .edit(|w| ids.iter().filter(|id| w.add_project(**id)).count())
            .unwrap_or(0);
        ticked.set(Vec::new());
        let lang = app.lang.get_untracked();
        app.show_toast(
            Key::ProjectsAdded.fill(lang, &[("count", &added.to_string())]),
            None,
        );
    };
    view! {
        <h3>{move || app.t(Key::PickProjectsTitle)}</h3>
        <Show
            when=move || !candidates.with(Vec::is_empty)
            fallback=move || view! { <p>{move || app.t(Key::NothingToPick)}</p> }
        >
            <fieldset class="pick-projects">
                <legend>{move || app.t(Key::PickProjectsHelp)}</legend>
                <For each=move || candidates.get() key=|c| c.clone() let:candidate>
                    {
                        let (id, name) = candidate;
                        let box_id = format!("pick-{id}");
                        view! {
                            <div class="field checkbox">
                                <input
                                    type="checkbox"
                                    id=box_id.clone()
                                    prop:checked=move || ticked.with(|t| t.contains(&id))
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        ticked.update(|t| {
                                            t.retain(|x| *x != id);
                                            if on {
                                                t.push(id);
                                            }
                                        });
                                    }
                                />
                                <label for=box_id>{name}</label>
                            </div>
                        }
                    }
                </For>
            </fieldset>
            <button type="button" class="secondary" on:click=add disabled=move || ticked.with(Vec::is_empty)>
                {move || app.t(Key::AddPicked)}
            </button>
        </Show>
    }
}
