//! Phase 3 — the open-data roadmap: actions per wanted dataset, then the timeline.

use std::time::Duration;

use leptos::prelude::*;
use uuid::Uuid;

use super::letter::MADADA;
use super::use_project;
use crate::browser;
use crate::components::{naming, ChoiceSelect, FieldSource, RowOf, StepNav, TextField, Timeline};
use crate::i18n::{name_or, Key, Label, Lang, ROUTE_HELP};
use crate::model::{
    MapPlace, Origin, Phase, RoadmapAction, Route, RouteAdvice, RouteReason, ACTIONS_ASKED,
};
use crate::routes::ProjectPage;
use crate::state::{use_app, ActionHandle, Handle, ProjectHandle, RowSignals, WantedHandle};

/// What a dataset's block of the roadmap shows above its actions.
#[derive(Clone, Debug, PartialEq)]
struct ActionGroup {
    /// The dataset's name as typed (the block shows "Untitled" for a blank one).
    name: String,
    place: Option<MapPlace>,
    advice: RouteAdvice,
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
    // The data map's order. Scores do not change on this page, so the order follows the
    // workspace once typing pauses rather than at every keystroke.
    let settled = app.settled(Duration::from_millis(150));
    let order = Memo::new(move |_| {
        settled.track();
        project
            .with_untracked(|p| p.roadmap_order().iter().map(|d| d.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let rows = RoadmapRows {
        groups: project.rows(move |w, id| {
            project.wanted(id).in_workspace(w).map(|d| ActionGroup {
                name: d.name.clone(),
                place: d.map_place(),
                advice: d.route_advice(),
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
        <TenActions project/>
        <p class="hint">{move || app.t(Key::HorizonHelp)}</p>
        <SourcingOptions/>
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{move || app.t(Key::ActionsTitle)}</h2>
            <Show when=move || order.with(Vec::is_empty)>
                <p>{move || app.t(Key::NoWantedForSources)}</p>
            </Show>
            <For each=move || order.get() key=|id| *id let:id>
                <WantedActions dataset=project.wanted(id) rows/>
            </For>
        </section>
        <Timeline project/>
    }
}

/// "7 of the 10 actions the method suggests are planned": guidance, never a limit.
#[component]
fn TenActions(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let count = Memo::new(move |_| project.with(|p| p.planned_actions().count()).unwrap_or(0));
    let text = move || {
        let count = count.get();
        let key = if count > ACTIONS_ASKED {
            Key::MoreThanTen
        } else {
            Key::TenActions
        };
        key.fill(app.lang.get(), &[("count", &count.to_string())])
    };
    view! { <p class="ten-actions" data-testid="ten-actions">{text}</p> }
}

/// What each route means, for the holder choosing one.
#[component]
fn SourcingOptions() -> impl IntoView {
    let app = use_app();
    let items = ROUTE_HELP
        .iter()
        .map(|&key| view! { <li>{move || app.t(key)}</li> })
        .collect_view();
    view! {
        <details class="sourcing-options">
            <summary>{move || app.t(Key::SourcingOptionsTitle)}</summary>
            <ul>{items}</ul>
        </details>
    }
}

fn reason_text(reason: RouteReason) -> Key {
    match reason {
        RouteReason::NotScored => Key::ReasonNotScored,
        RouteReason::NotAPriority => Key::ReasonNotAPriority,
        RouteReason::CriticalAndAvailable => Key::ReasonCritical,
        RouteReason::Available => Key::ReasonAvailable,
        RouteReason::NotGoodEnough => Key::ReasonNotGoodEnough,
        RouteReason::WithInvestment => Key::ReasonWithInvestment,
        RouteReason::Unobtainable => Key::ReasonUnobtainable,
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
                <ChoiceSelect id=format!("action-horizon-{id}") label=Key::HorizonLabel value=fields.choice(|a| a.horizon) on_change=fields.set_choice(|a, v| a.horizon = v)/>
            </div>
            <Show when=move || fields.read(|a| a.route == Route::RequestOpening).unwrap_or(false)>
                <p class="help">
                    {move || app.t(Key::RouteRequestHelp)} " "
                    <a href=MADADA target="_blank" rel="noopener noreferrer">
                        {move || app.t(Key::MadadaLink)} " " <span class="visually-hidden">{move || app.t(Key::NewTab)}</span>
                    </a>
                </p>
                <p>
                    <a href=fields.handle.project().href(ProjectPage::Letter(id)) class="button secondary">
                        {naming(Key::DraftLetter, Signal::derive(move || format!("{} {}", title(), dataset_name.get())))}
                    </a>
                </p>
            </Show>
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
    let advice = move || group.with(|g| g.as_ref().map(|g| g.advice));
    let actions = Memo::new(move |_| {
        group
            .with(|g| g.as_ref().map(|g| g.actions.clone()))
            .unwrap_or_default()
    });
    let scores = move || {
        let lang = app.lang.get();
        group.with(|g| {
            g.as_ref()
                .and_then(|g| g.place)
                .map(|place| place_text(place, lang))
        })
    };
    let suggestion = move || {
        let lang = app.lang.get();
        let advice = advice()?;
        let reason = reason_text(advice.reason).text(lang);
        Some(match advice.route {
            Some(route) => format!(
                "{} {reason}",
                Key::SuggestedRoute.fill(lang, &[("route", route.label().text(lang))])
            ),
            None => reason.to_string(),
        })
    };
    let add = move |_| {
        let route = advice().and_then(|a| a.route).unwrap_or_default();
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
            <p class="meta">{scores}</p>
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

/// "Value 3 · Availability 4 (suggested) · High value, available".
fn place_text(place: MapPlace, lang: Lang) -> String {
    let availability = match place.origin {
        Origin::Holder => place.availability.to_string(),
        Origin::Suggested => format!("{} ({})", place.availability, Key::Suggested.text(lang)),
    };
    format!(
        "{} · {} · {}",
        Key::LabelValue.fill(
            lang,
            &[
                ("label", Key::ColValue.text(lang)),
                ("value", &place.value.to_string())
            ]
        ),
        Key::LabelValue.fill(
            lang,
            &[
                ("label", Key::ColAvailability.text(lang)),
                ("value", &availability)
            ]
        ),
        place.quadrant().label().text(lang),
    )
}
