//! Phase 1 — the Wanted Data List: every dataset the project needs, in order of preference.

use leptos::prelude::*;
use uuid::Uuid;

use super::use_project;
use crate::browser;
use crate::components::{
    flag_boxes, naming, progressively, ChoiceSelect, FieldSource, RowOf, StepNav, TextField,
};
use crate::i18n::{DisplayName, Key};
use crate::model::{Choice, Direction, Phase, WantedDataset, WorkFlag};
use crate::state::{use_app, Handle, WantedHandle};

type WantedFields = RowOf<WantedHandle, WantedDataset>;

#[component]
pub fn WantedListPage() -> impl IntoView {
    let app = use_app();
    let project = use_project();
    let order = project.wanted_ids();
    let rows = project.rows(move |w, id| project.wanted(id).in_workspace(w).cloned());
    let built = progressively(order);
    let add = move |_| {
        let dataset = project.add_wanted();
        browser::focus_later(format!("wanted-name-{}", dataset.id()));
    };
    view! {
        <h1>{move || app.t(Key::PhaseWantedList)}</h1>
        <StepNav project current=Phase::WantedList/>
        <p class="hint">{move || app.t(Key::WantedIntro)}</p>
        <WantedGuide/>
        <p class="hint">{move || app.t(Key::AutoSaveHint)}</p>
        <Show when=move || order.with(Vec::is_empty)>
            <p>{move || app.t(Key::NoWanted)}</p>
        </Show>
        <ol class="wanted-list">
            <For each=move || built.get() key=|id| *id let:id>
                <WantedRow fields=RowOf::new(project.wanted(id), rows.row(id)) order/>
            </For>
        </ol>
        <p>
            <button type="button" on:click=add data-testid="add-wanted">
                {move || app.t(Key::AddWanted)}
            </button>
        </p>
    }
}

/// How to describe a wanted dataset, and prompts so that none is forgotten.
#[component]
fn WantedGuide() -> impl IntoView {
    let app = use_app();
    let line = move |key: Key| view! { <li>{move || app.t(key)}</li> };
    view! {
        <details class="guidance">
            <summary>{move || app.t(Key::WantedGuideTitle)}</summary>
            <p>{move || app.t(Key::WantedGuideNature)}</p>
            <ul>{[Key::WantedGuideGood, Key::WantedGuideBad].map(line).collect_view()}</ul>
            <p>{move || app.t(Key::WantedGuidePrompts)}</p>
            <ul>{PROMPTS.map(line).collect_view()}</ul>
            <p>{move || app.t(Key::WantedGuideNoLimit)}</p>
        </details>
    }
}

/// The workshops' brainstorming prompts.
const PROMPTS: [Key; 7] = [
    Key::PromptInternal,
    Key::PromptPublic,
    Key::PromptStructured,
    Key::PromptTime,
    Key::PromptHot,
    Key::PromptHuman,
    Key::PromptSpace,
];

#[component]
fn WantedRow(
    /// The dataset, read from its own row signal.
    fields: WantedFields,
    /// The list's order, which changes only when rows are added, removed or moved.
    order: Memo<Vec<Uuid>>,
) -> impl IntoView {
    let app = use_app();
    let id = fields.handle.id();
    let expanded = RwSignal::new(false);
    let name = Signal::derive(move || {
        let lang = app.lang.get();
        fields.read(|d| d.display_name(lang)).unwrap_or_default()
    });
    let number = move || order.with(|o| o.iter().position(|other| *other == id).unwrap_or(0) + 1);
    let position =
        move || Key::WantedPosition.fill(app.lang.get(), &[("number", &number().to_string())]);
    view! {
        <li class="wanted-row card" id=format!("wanted-{id}")>
            <div class="row-head">
                <h2 class="row-title">
                    <span class="position">{position}</span>
                    " "
                    <span class="row-name">{name}</span>
                </h2>
                <RowButtons dataset=fields.handle name order expanded/>
            </div>
            <div class="form-grid">
                <TextField id=format!("wanted-name-{id}") label=Key::WantedName value=fields.text(|d| &d.name) on_input=fields.set_text(|d, v| d.name = v)/>
                <ChoiceSelect id=format!("wanted-value-{id}") label=Key::ValueLabel value=fields.choice(|d| d.value) on_change=fields.set_choice(|d, v| d.value = v)/>
                <ChoiceSelect id=format!("wanted-status-{id}") label=Key::StatusLabel value=fields.choice(|d| d.status) on_change=fields.set_choice(|d, v| d.status = v)/>
            </div>
            <TextField id=format!("wanted-use-case-{id}") label=Key::UseCase multiline=true value=fields.text(|d| &d.use_case) on_input=fields.set_text(|d, v| d.use_case = v)/>
            <div class="row-details" id=format!("wanted-details-{id}") hidden=move || !expanded.get()>
                // Built only when opened: a long list renders several times faster without them.
                {move || expanded.get().then(|| view! { <WantedDetails fields/> })}
            </div>
        </li>
    }
}

/// Move up, move down, details, remove: each names the row for screen readers.
#[component]
fn RowButtons(
    dataset: WantedHandle,
    name: Signal<String>,
    order: Memo<Vec<Uuid>>,
    expanded: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let id = dataset.id();
    let place = Memo::new(move |_| {
        order.with(|order| {
            let index = order.iter().position(|other| *other == id).unwrap_or(0);
            (index, order.len())
        })
    });
    let move_row = move |direction: Direction| {
        dataset.move_by(direction);
        // Keep focus on the button pressed, or on its twin once the row reaches an end
        // (where the pressed one is now disabled).
        let (index, len) = place.get_untracked();
        let stays = match direction {
            Direction::Up => index > 0,
            Direction::Down => index + 1 < len,
        };
        let up = (direction == Direction::Up) == stays;
        browser::focus_later(format!("move-{}-{id}", if up { "up" } else { "down" }));
    };
    let remove = move |_| {
        if let Some((removed, undo)) = dataset.remove() {
            let lang = app.lang.get_untracked();
            let text = Key::WantedRemoved.fill(lang, &[("name", &removed.display_name(lang))]);
            app.offer_undo(text, undo);
        }
    };
    view! {
        <div class="row-actions">
            <button type="button" class="secondary" id=format!("move-up-{id}") disabled=move || place.get().0 == 0 on:click=move |_| move_row(Direction::Up)>
                {naming(Key::MoveUp, name)}
            </button>
            <button type="button" class="secondary" id=format!("move-down-{id}") disabled=move || { let (i, len) = place.get(); i + 1 >= len } on:click=move |_| move_row(Direction::Down)>
                {naming(Key::MoveDown, name)}
            </button>
            <button type="button" class="secondary" aria-expanded=move || expanded.get().to_string() aria-controls=format!("wanted-details-{id}") on:click=move |_| expanded.update(|e| *e = !*e)>
                {naming(Key::ShowDetails, name)}
            </button>
            <button type="button" class="danger" on:click=remove>
                {naming(Key::Remove, name)}
            </button>
        </div>
    }
}

/// Everything else a row holds, shown on demand.
#[component]
fn WantedDetails(fields: WantedFields) -> impl IntoView {
    let app = use_app();
    let id = fields.handle.id();
    view! {
        <TextField id=format!("wanted-description-{id}") label=Key::Description multiline=true value=fields.text(|d| &d.description) on_input=fields.set_text(|d, v| d.description = v)/>
        <div class="form-grid">
            <TextField id=format!("wanted-theme-{id}") label=Key::Theme value=fields.text(|d| &d.theme) on_input=fields.set_text(|d, v| d.theme = v)/>
            <TextField id=format!("wanted-coverage-{id}") label=Key::SpatialCoverage value=fields.text(|d| &d.spatial_coverage) on_input=fields.set_text(|d, v| d.spatial_coverage = v)/>
            <ChoiceSelect id=format!("wanted-granularity-{id}") label=Key::GranularityLabel value=fields.choice(|d| d.granularity) on_change=fields.set_choice(|d, v| d.granularity = v)/>
            <TextField id=format!("wanted-period-{id}") label=Key::Period value=fields.text(|d| &d.period) on_input=fields.set_text(|d, v| d.period = v)/>
            <ChoiceSelect id=format!("wanted-freshness-{id}") label=Key::Freshness value=fields.choice(|d| d.freshness) on_change=fields.set_choice(|d, v| d.freshness = v)/>
            <ChoiceSelect id=format!("wanted-format-{id}") label=Key::PreferredFormat value=fields.choice(|d| d.preferred_format) on_change=fields.set_choice(|d, v| d.preferred_format = v)/>
            <TextField id=format!("wanted-producer-{id}") label=Key::Producer value=fields.text(|d| &d.producer) on_input=fields.set_text(|d, v| d.producer = v)/>
            <TextField id=format!("wanted-contact-{id}") label=Key::Contact value=fields.text(|d| &d.contact) on_input=fields.set_text(|d, v| d.contact = v)/>
        </div>
        <fieldset class="flags">
            <legend>{move || app.t(Key::FlagsLabel)}</legend>
            {flag_boxes(fields, move |slug| format!("wanted-flag-{slug}-{id}"), WorkFlag::ALL.iter().copied(), WantedDataset::has_flag, WantedDataset::set_flag)}
        </fieldset>
    }
}
