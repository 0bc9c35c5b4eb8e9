//! Phase 3 — the open-data roadmap: actions per wanted dataset, then the timeline.

use leptos::prelude::*;
use uuid::Uuid;

use super::use_project;
use crate::browser;
use crate::components::{
    naming, ChoiceSelect, FieldSource, RowOf, StepNav, TextField, Timeline, VerdictBadge,
};
use crate::i18n::{name_or, Key, Label};
use crate::model::{suggested_route, Phase, RoadmapAction, Verdict};
use crate::state::{use_app, ActionHandle, Handle, RowSignals, WantedHandle};

/// What a dataset's block of the roadmap shows above its actions.
#[derive(Clone, Debug, PartialEq)]
struct ActionGroup {
    /// The dataset's name as typed (the block shows "Untitled" for a blank one).
    name: String,
    verdict: Option<Verdict>,
    actions: Vec<Uuid>,
}

/// The rows of the roadmap page: one per dataset block, one per action (both keyed by id).
#[derive(Clone, Copy)]
struct RoadmapRows {
    groups: RowSignals<ActionGroup>,
    actions: RowSignals<RoadmapAction>,
}

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let app = use_app();
    let project = use_project();
    let wanted = project.active_wanted_ids();
    let rows = RoadmapRows {
        groups: project.rows(move |w, id| {
            project.wanted(id).in_workspace(w).map(|d| ActionGroup {
                name: d.name.clone(),
                verdict: d.final_verdict(),
                actions: d.actions.iter().map(|a| a.id).collect(),
            })
        }),
        // Actions are found by id among all the project's datasets.
        actions: project.rows(move |w, id| project.in_workspace(w)?.action(id).cloned()),
    };
    view! {
        <h1>{move || app.t(Key::PhaseRoadmap)}</h1>
        <StepNav project current=Phase::Roadmap/>
        <p class="hint">{move || app.t(Key::RoadmapIntro)}</p>
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{move || app.t(Key::ActionsTitle)}</h2>
            <Show when=move || wanted.with(Vec::is_empty)>
                <p>{move || app.t(Key::NoWantedForSources)}</p>
            </Show>
            <For each=move || wanted.get() key=|id| *id let:id>
                <WantedActions dataset=project.wanted(id) rows/>
            </For>
        </section>
        <Timeline project/>
    }
}

#[component]
fn ActionEditor(
    fields: RowOf<ActionHandle, RoadmapAction>,
    number: Signal<usize>,
    dataset_name: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let id = fields.handle.id();
    let title =
        move || Key::ActionPosition.fill(app.lang.get(), &[("number", &number.get().to_string())]);
    let remove = move |_| {
        if let Some((_, undo)) = fields.handle.remove() {
            app.offer_undo(app.t(Key::ActionRemoved).to_string(), undo);
        }
    };
    view! {
        <li class="action" id=format!("action-{id}")>
            <div class="row-head">
                <h4 class="row-title">{title}</h4>
                <button type="button" class="danger" on:click=remove>
                    {naming(Key::Remove, Signal::derive(move || format!("{} {}", title(), dataset_name.get())))}
                </button>
            </div>
            <div class="form-grid">
                <ChoiceSelect id=format!("action-route-{id}") label=Key::RouteLabel value=fields.choice(|a| a.route) on_change=fields.set_choice(|a, v| a.route = v)/>
                <ChoiceSelect id=format!("action-status-{id}") label=Key::ActionStatusLabel value=fields.choice(|a| a.status) on_change=fields.set_choice(|a, v| a.status = v)/>
                <TextField id=format!("action-description-{id}") label=Key::ActionDescription value=fields.text(|a| &a.description) on_input=fields.set_text(|a, v| a.description = v)/>
                <TextField id=format!("action-owner-{id}") label=Key::Owner value=fields.text(|a| &a.owner) on_input=fields.set_text(|a, v| a.owner = v)/>
                <TextField id=format!("action-due-{id}") label=Key::DueDate input_type="date" value=fields.text(|a| &a.due) on_input=fields.set_text(|a, v| a.due = v)/>
                <TextField id=format!("action-next-{id}") label=Key::NextStep value=fields.text(|a| &a.next_step) on_input=fields.set_text(|a, v| a.next_step = v)/>
            </div>
        </li>
    }
}

#[component]
fn WantedActions(dataset: WantedHandle, rows: RoadmapRows) -> impl IntoView {
    let app = use_app();
    let id = dataset.id();
    let group = rows.groups.row(id);
    let name = Signal::derive(move || {
        let lang = app.lang.get();
        group.with(|g| {
            let typed = g.as_ref().map_or("", |g| g.name.as_str());
            name_or(typed, Key::UntitledWanted, lang)
        })
    });
    let verdict = Signal::derive(move || group.with(|g| g.as_ref().and_then(|g| g.verdict)));
    let actions = Memo::new(move |_| {
        group
            .with(|g| g.as_ref().map(|g| g.actions.clone()))
            .unwrap_or_default()
    });
    let suggestion = move || {
        let lang = app.lang.get();
        match suggested_route(verdict.get()) {
            Some(route) => Key::SuggestedRoute.fill(lang, &[("route", route.label().text(lang))]),
            None => Key::NoSuggestedRoute.text(lang).to_string(),
        }
    };
    let add = move |_| {
        let route = suggested_route(verdict.get_untracked()).unwrap_or_default();
        let action = dataset.add_action(route);
        browser::focus_later(format!("action-description-{}", action.id()));
    };
    let number = move |action: Uuid| {
        Signal::derive(move || {
            actions.with(|a| a.iter().position(|x| *x == action).unwrap_or(0) + 1)
        })
    };
    view! {
        <article class="card wanted-actions" aria-labelledby=format!("actions-{id}")>
            <h3 id=format!("actions-{id}")>{name}</h3>
            <p><VerdictBadge verdict/></p>
            <p class="hint">{suggestion}</p>
            <Show when=move || actions.with(Vec::is_empty)>
                <p>{move || app.t(Key::NoActions)}</p>
            </Show>
            <ol class="action-list">
                <For each=move || actions.get() key=|id| *id let:action>
                    <ActionEditor fields=RowOf::new(dataset.action(action), rows.actions.row(action)) number=number(action) dataset_name=name/>
                </For>
            </ol>
            <button type="button" class="secondary" on:click=add>
                {naming(Key::PlanAction, name)}
            </button>
        </article>
    }
}
