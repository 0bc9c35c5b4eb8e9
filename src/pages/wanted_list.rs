//! Phase 1 — the Wanted Data List: every dataset the project needs, in order of preference.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use super::{edit_project, use_route_project, NotFound};
use crate::browser;
use crate::components::{CheckboxField, ChoiceSelect, StepNav, TextField};
use crate::i18n::{Key, Label};
use crate::model::{Choice, Direction, Phase, WantedDataset, WorkFlag};
use crate::state::{use_app, AppState, Undo};

#[component]
pub fn WantedListPage() -> impl IntoView {
    let project = use_route_project();
    move || match project.get() {
        Some(id) => view! { <WantedList project=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn WantedList(project: Uuid) -> impl IntoView {
    let app = use_app();
    let order = Memo::new(move |_| {
        app.workspace.with(|w| {
            w.project(project)
                .map(|p| p.wanted.iter().map(|d| d.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // One signal per row, kept in step by this one effect: an edit wakes only the row it
    // changed. (A memo per row over the whole workspace re-ran all of them at every keystroke:
    // 40 ms per keystroke at 500 rows.) The signals belong to the list, not to the rows, so a
    // row removed and brought back by "undo" finds its signal still alive.
    let list_owner = Owner::current().expect("a component has an owner");
    let rows = StoredValue::new(HashMap::<Uuid, RwSignal<Option<WantedDataset>>>::new());
    let edited = EditedRows(StoredValue::new(Vec::new()));
    provide_context(edited);
    Effect::new(move |_| {
        // Typing in a row says which row it changed; anything else (undo, another tab) does
        // not, and then every row is compared.
        let only = std::mem::take(&mut *edited.0.write_value());
        app.workspace.with(|w| {
            let Some(p) = w.project(project) else {
                return;
            };
            let candidates = p
                .wanted
                .iter()
                .filter(|d| only.is_empty() || only.contains(&d.id));
            rows.with_value(|rows| {
                for dataset in candidates {
                    if let Some(row) = rows.get(&dataset.id) {
                        if row.with_untracked(|current| current.as_ref() != Some(dataset)) {
                            row.set(Some(dataset.clone()));
                        }
                    }
                }
            });
        });
    });
    let row_signal = move |id: Uuid| {
        if let Some(row) = rows.with_value(|rows| rows.get(&id).copied()) {
            return row;
        }
        let current = app
            .workspace
            .with_untracked(|w| w.project(project).and_then(|p| p.wanted(id)).cloned());
        let row = list_owner.with(|| RwSignal::new(current));
        rows.update_value(|rows| {
            rows.insert(id, row);
        });
        row
    };
    let project_name = move || {
        app.workspace
            .with(|w| w.project(project).map(|p| p.name.clone()))
            .unwrap_or_default()
    };
    let add = move |_| {
        let id = Uuid::new_v4();
        edit_project(app, project, |p| p.add_wanted(WantedDataset::new(id)));
        browser::focus_later(format!("wanted-name-{id}"));
    };
    view! {
        <p class="context">{project_name}</p>
        <h1>{move || app.t(Key::PhaseWantedList)}</h1>
        <StepNav project current=Phase::WantedList/>
        <p class="hint">{move || app.t(Key::WantedIntro)}</p>
        <p class="hint">{move || app.t(Key::AutoSaveHint)}</p>
        <Show when=move || order.with(Vec::is_empty)>
            <p>{move || app.t(Key::NoWanted)}</p>
        </Show>
        <ol class="wanted-list">
            <For each=move || order.get() key=|id| *id let:id>
                <WantedRow project id row=row_signal(id).into() order/>
            </For>
        </ol>
        <p>
            <button type="button" on:click=add data-testid="add-wanted">
                {move || app.t(Key::AddWanted)}
            </button>
        </p>
    }
}

/// The rows the current event edited, for the list's sync effect (which runs right after the
/// event, before any other event can change the workspace).
#[derive(Clone, Copy)]
struct EditedRows(StoredValue<Vec<Uuid>>);

/// Edits one wanted dataset of a project. `edited` is the list's context, read when the
/// row is built (event handlers run outside any reactive owner).
fn edit_wanted(
    app: AppState,
    edited: Option<EditedRows>,
    project: Uuid,
    id: Uuid,
    edit: impl FnOnce(&mut WantedDataset),
) {
    if let Some(edited) = edited {
        edited.0.update_value(|rows| rows.push(id));
    }
    edit_project(app, project, |p| {
        if let Some(dataset) = p.wanted_mut(id) {
            edit(dataset);
        }
    });
}

/// A select for one of a row's closed lists.
fn row_select<T>(
    row: Signal<Option<WantedDataset>>,
    project: Uuid,
    id: Uuid,
    field: &'static str,
    label: Key,
    get: fn(&WantedDataset) -> T,
    set: fn(&mut WantedDataset, T),
) -> impl IntoView
where
    T: Choice + Label + Default + Send + Sync,
{
    let app = use_app();
    let edited = use_context::<EditedRows>();
    view! {
        <ChoiceSelect
            id=format!("wanted-{field}-{id}")
            label
            value=Signal::derive(move || row.with(|r| r.as_ref().map(get).unwrap_or_default()))
            on_change=Callback::new(move |v: T| edit_wanted(app, edited, project, id, |d| set(d, v)))
        />
    }
}

#[component]
fn WantedRow(
    project: Uuid,
    id: Uuid,
    /// This row's dataset, updated by the list only when it changes.
    row: Signal<Option<WantedDataset>>,
    /// The list's order, which changes only when rows are added, removed or moved.
    order: Memo<Vec<Uuid>>,
) -> impl IntoView {
    let app = use_app();
    let edited = use_context::<EditedRows>();
    let place = Memo::new(move |_| {
        order.with(|order| {
            let index = order.iter().position(|other| *other == id).unwrap_or(0);
            (index, order.len())
        })
    });
    let expanded = RwSignal::new(false);

    let text = move |get: fn(&WantedDataset) -> &String| {
        Signal::derive(move || row.with(|r| r.as_ref().map(|d| get(d).clone()).unwrap_or_default()))
    };
    let text_field = move |field: &str,
                           label: Key,
                           get: fn(&WantedDataset) -> &String,
                           set: fn(&mut WantedDataset, String),
                           multiline: bool| {
        view! {
            <TextField
                id=format!("wanted-{field}-{id}")
                label
                multiline
                value=text(get)
                on_input=Callback::new(move |value: String| edit_wanted(app, edited, project, id, |d| set(d, value)))
            />
        }
    };
    let name = move || {
        let name = row
            .with(|r| r.as_ref().map(|d| d.name.trim().to_string()))
            .unwrap_or_default();
        if name.is_empty() {
            app.t(Key::UntitledWanted).to_string()
        } else {
            name
        }
    };
    let position = move || {
        Key::WantedPosition.fill(
            app.lang.get(),
            &[("number", &(place.get().0 + 1).to_string())],
        )
    };
    let move_row = move |direction: Direction| {
        edit_project(app, project, |p| {
            p.move_wanted(id, direction);
        });
        let (index, len) = place.get_untracked();
        // Keep focus on the button pressed, or on its twin once the row reaches an end.
        let stays = match direction {
            Direction::Up => index > 0,
            Direction::Down => index + 1 < len,
        };
        let up = (direction == Direction::Up) == stays;
        browser::focus_later(format!("move-{}-{id}", if up { "up" } else { "down" }));
    };
    let remove = move |_| {
        let mut removed = None;
        edit_project(app, project, |p| removed = p.remove_wanted(id));
        let Some((index, dataset)) = removed else {
            return;
        };
        let label = if dataset.name.trim().is_empty() {
            app.t(Key::UntitledWanted).to_string()
        } else {
            dataset.name.clone()
        };
        let undo: Undo = Arc::new(move || {
            let dataset = dataset.clone();
            edit_project(app, project, |p| p.restore_wanted(index, dataset));
        });
        app.show_toast(
            Key::WantedRemoved.fill(app.lang.get_untracked(), &[("name", &label)]),
            Some(undo),
        );
        browser::focus_later("toast-undo".into());
    };
    let details_id = format!("wanted-details-{id}");
    // Built only when opened: a long list renders several times faster without them.
    let details = move || {
        let flags = WorkFlag::ALL
            .iter()
            .map(|&flag| {
                view! {
                    <CheckboxField
                        id=format!("wanted-flag-{}-{id}", flag.slug())
                        label=flag.label()
                        checked=Signal::derive(move || row.with(|r| r.as_ref().is_some_and(|d| d.has_flag(flag))))
                        on_change=Callback::new(move |on: bool| edit_wanted(app, edited, project, id, |d| d.set_flag(flag, on)))
                    />
                }
            })
            .collect_view();
        view! {
                {text_field("description", Key::Description, |d| &d.description, |d, v| d.description = v, true)}
            <div class="form-grid">
                {text_field("theme", Key::Theme, |d| &d.theme, |d, v| d.theme = v, false)}
                {text_field("coverage", Key::SpatialCoverage, |d| &d.spatial_coverage, |d, v| d.spatial_coverage = v, false)}
                {row_select(row, project, id, "granularity", Key::GranularityLabel, |d| d.granularity, |d, v| d.granularity = v)}
                {text_field("period", Key::Period, |d| &d.period, |d, v| d.period = v, false)}
                {row_select(row, project, id, "freshness", Key::Freshness, |d| d.freshness, |d, v| d.freshness = v)}
                {row_select(row, project, id, "format", Key::PreferredFormat, |d| d.preferred_format, |d, v| d.preferred_format = v)}
                {text_field("producer", Key::Producer, |d| &d.producer, |d, v| d.producer = v, false)}
                {text_field("contact", Key::Contact, |d| &d.contact, |d, v| d.contact = v, false)}
            </div>
            <fieldset class="flags">
                <legend>{move || app.t(Key::FlagsLabel)}</legend>
                {flags}
            </fieldset>
        }
    };

    view! {
        <li class="wanted-row card" id=format!("wanted-{id}")>
            <div class="row-head">
                <h2 class="row-title">
                    <span class="position">{position}</span>
                    " "
                    <span class="row-name">{name}</span>
                </h2>
                <div class="row-actions">
                    <button
                        type="button"
                        class="secondary"
                        id=format!("move-up-{id}")
                        disabled=move || place.get().0 == 0
                        on:click=move |_| move_row(Direction::Up)
                    >
                        {move || app.t(Key::MoveUp)}
                        <span class="visually-hidden">" " {name}</span>
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        id=format!("move-down-{id}")
                        disabled=move || { let (i, len) = place.get(); i + 1 >= len }
                        on:click=move |_| move_row(Direction::Down)
                    >
                        {move || app.t(Key::MoveDown)}
                        <span class="visually-hidden">" " {name}</span>
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        aria-expanded=move || expanded.get().to_string()
                        aria-controls=details_id.clone()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || app.t(Key::ShowDetails)}
                        <span class="visually-hidden">" " {name}</span>
                    </button>
                    <button type="button" class="danger" on:click=remove>
                        {move || app.t(Key::Remove)}
                        <span class="visually-hidden">" " {name}</span>
                    </button>
                </div>
            </div>
            <div class="form-grid">
                {text_field("name", Key::WantedName, |d| &d.name, |d, v| d.name = v, false)}
                {row_select(row, project, id, "priority", Key::PriorityLabel, |d| d.priority, |d, v| d.priority = v)}
                {row_select(row, project, id, "status", Key::StatusLabel, |d| d.status, |d, v| d.status = v)}
            </div>
            {text_field("use-case", Key::UseCase, |d| &d.use_case, |d, v| d.use_case = v, true)}
            <div class="row-details" id=details_id hidden=move || !expanded.get()>
                {move || expanded.get().then(details)}
            </div>
        </li>
    }
}
