//! Phase 3 — the open-data roadmap: actions per wanted dataset, then the timeline.

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use super::{edit_project, use_route_project, NotFound};
use crate::browser;
use crate::components::{ChoiceSelect, StepNav, TextField, Timeline, VerdictBadge};
use crate::i18n::{Key, Label};
use crate::model::{suggested_route, Phase, RoadmapAction, Route, WantedDataset};
use crate::state::{use_app, AppState, Undo};

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let project = use_route_project();
    move || match project.get() {
        Some(id) => view! { <Roadmap project=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn Roadmap(project: Uuid) -> impl IntoView {
    let app = use_app();
    let wanted = Memo::new(move |_| {
        app.workspace.with(|w| {
            w.project(project)
                .map(|p| p.active_wanted().map(|d| d.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let project_name = move || {
        app.workspace
            .with(|w| w.project(project).map(|p| p.name.clone()))
            .unwrap_or_default()
    };
    view! {
        <p class="context">{project_name}</p>
        <h1>{move || app.t(Key::PhaseRoadmap)}</h1>
        <StepNav project current=Phase::Roadmap/>
        <p class="hint">{move || app.t(Key::RoadmapIntro)}</p>
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{move || app.t(Key::ActionsTitle)}</h2>
            <Show when=move || wanted.with(Vec::is_empty)>
                <p>{move || app.t(Key::NoWantedForSources)}</p>
            </Show>
            <For each=move || wanted.get() key=|id| *id let:id>
                <WantedActions project wanted=id/>
            </For>
        </section>
        <Timeline project/>
    }
}

/// Where an action lives.
#[derive(Clone, Copy)]
struct ActionPath {
    project: Uuid,
    wanted: Uuid,
    action: Uuid,
}

impl ActionPath {
    fn edit_wanted(self, app: AppState, edit: impl FnOnce(&mut WantedDataset)) {
        edit_project(app, self.project, |p| {
            if let Some(d) = p.wanted_mut(self.wanted) {
                edit(d);
            }
        });
    }

    fn edit(self, app: AppState, edit: impl FnOnce(&mut RoadmapAction)) {
        self.edit_wanted(app, |d| {
            if let Some(action) = d.action_mut(self.action) {
                edit(action);
            }
        });
    }
}

#[component]
fn WantedActions(project: Uuid, wanted: Uuid) -> impl IntoView {
    let app = use_app();
    let dataset = Memo::new(move |_| {
        app.workspace.with(|w| {
            let d = w.project(project)?.wanted(wanted)?;
            Some((
                d.name.clone(),
                d.final_verdict(),
                d.actions.iter().map(|a| a.id).collect::<Vec<_>>(),
            ))
        })
    });
    let name = move || {
        dataset
            .with(|d| d.as_ref().map(|(n, _, _)| n.trim().to_string()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| app.t(Key::UntitledWanted).to_string())
    };
    let verdict = Signal::derive(move || dataset.with(|d| d.as_ref().and_then(|(_, v, _)| *v)));
    let suggestion = move || {
        let lang = app.lang.get();
        match suggested_route(verdict.get()) {
            Some(route) => Key::SuggestedRoute.fill(lang, &[("route", route.label().text(lang))]),
            None => Key::NoSuggestedRoute.text(lang).to_string(),
        }
    };
    let add = move |_| {
        let id = Uuid::new_v4();
        let route = suggested_route(verdict.get_untracked()).unwrap_or_default();
        edit_project(app, project, |p| {
            if let Some(d) = p.wanted_mut(wanted) {
                d.actions.push(RoadmapAction::new(id, route));
            }
        });
        browser::focus_later(format!("action-description-{id}"));
    };
    let actions =
        move || dataset.with(|d| d.as_ref().map(|(_, _, a)| a.clone()).unwrap_or_default());
    view! {
        <article class="card wanted-actions" aria-labelledby=format!("actions-{wanted}")>
            <h3 id=format!("actions-{wanted}")>{name}</h3>
            <p><VerdictBadge verdict/></p>
            <p class="hint">{suggestion}</p>
            <Show when=move || actions().is_empty()>
                <p>{move || app.t(Key::NoActions)}</p>
            </Show>
            <ol class="action-list">
                <For each=actions key=|id| *id let:action>
                    <ActionEditor path=ActionPath { project, wanted, action } dataset_name=Signal::derive(name)/>
                </For>
            </ol>
            <button type="button" class="secondary" on:click=add>
                {move || app.t(Key::PlanAction)}
                <span class="visually-hidden">" " {name}</span>
            </button>
        </article>
    }
}

#[component]
fn ActionEditor(path: ActionPath, #[prop(into)] dataset_name: Signal<String>) -> impl IntoView {
    let app = use_app();
    let id = path.action;
    let row = Memo::new(move |_| {
        app.workspace.with(|w| {
            let d = w.project(path.project)?.wanted(path.wanted)?;
            let index = d.actions.iter().position(|a| a.id == id)?;
            Some((d.actions[index].clone(), index))
        })
    });
    let text = move |get: fn(&RoadmapAction) -> &String| {
        Signal::derive(move || {
            row.with(|r| r.as_ref().map(|(a, _)| get(a).clone()).unwrap_or_default())
        })
    };
    let title = move || {
        let number = row.with(|r| r.as_ref().map(|(_, i)| i + 1)).unwrap_or(0);
        Key::ActionPosition.fill(app.lang.get(), &[("number", &number.to_string())])
    };
    let remove = move |_| {
        let mut removed = None;
        path.edit_wanted(app, |d| removed = d.remove_action(id));
        let Some((index, action)) = removed else {
            return;
        };
        let undo: Undo = Arc::new(move || {
            let action = action.clone();
            path.edit_wanted(app, |d| d.restore_action(index, action));
        });
        app.show_toast(app.t(Key::ActionRemoved).to_string(), Some(undo));
        browser::focus_later("toast-undo".into());
    };
    view! {
        <li class="action" id=format!("action-{id}")>
            <div class="row-head">
                <h4 class="row-title">{title}</h4>
                <button type="button" class="danger" on:click=remove>
                    {move || app.t(Key::Remove)}
                    <span class="visually-hidden">" " {title} " " {dataset_name}</span>
                </button>
            </div>
            <div class="form-grid">
                <ChoiceSelect
                    id=format!("action-route-{id}")
                    label=Key::RouteLabel
                    value=Signal::derive(move || row.with(|r| r.as_ref().map(|(a, _)| a.route).unwrap_or_default()))
                    on_change=Callback::new(move |v: Route| path.edit(app, |a| a.route = v))
                />
                <ChoiceSelect
                    id=format!("action-status-{id}")
                    label=Key::ActionStatusLabel
                    value=Signal::derive(move || row.with(|r| r.as_ref().map(|(a, _)| a.status).unwrap_or_default()))
                    on_change=Callback::new(move |v| path.edit(app, |a| a.status = v))
                />
                <TextField
                    id=format!("action-description-{id}")
                    label=Key::ActionDescription
                    value=text(|a| &a.description)
                    on_input=Callback::new(move |v: String| path.edit(app, |a| a.description = v))
                />
                <TextField
                    id=format!("action-owner-{id}")
                    label=Key::Owner
                    value=text(|a| &a.owner)
                    on_input=Callback::new(move |v: String| path.edit(app, |a| a.owner = v))
                />
                <TextField
                    id=format!("action-due-{id}")
                    label=Key::DueDate
                    input_type="date"
                    value=text(|a| &a.due)
                    on_input=Callback::new(move |v: String| path.edit(app, |a| a.due = v))
                />
                <TextField
                    id=format!("action-next-{id}")
                    label=Key::NextStep
                    value=text(|a| &a.next_step)
                    on_input=Callback::new(move |v: String| path.edit(app, |a| a.next_step = v))
                />
            </div>
        </li>
    }
}
