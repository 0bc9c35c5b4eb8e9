//! The evaluation sheet's two scores: on one dataset's page (with the quick quality
//! judgements of high-value data), and for the whole list at once ("score the list").

use leptos::prelude::*;

use super::{column_headers, ChoiceSelect, FieldSource};
use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{Availability, Origin, WantedDataset};
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle, ProjectHandle, WantedHandle};

/// Where the availability in force comes from, in words.
pub fn availability_hint(d: &WantedDataset, lang: Lang) -> String {
    match d.availability_in_force() {
        Some((_, Origin::Holder)) => Key::AvailabilityHolders.text(lang).to_string(),
        Some((level, Origin::Suggested)) => {
            Key::AvailabilitySuggested.fill(lang, &[("level", level.label().text(lang))])
        }
        None => Key::AvailabilityNoSuggestion.text(lang).to_string(),
    }
}

/// Value and availability of one dataset, and for high-value data the quality judgements.
#[component]
pub fn ScoreCard(dataset: WantedHandle) -> impl IntoView {
    let app = use_app();
    let id = dataset.id();
    let hint = move || dataset.with(|d| availability_hint(d, app.lang.get()));
    let judged = move || {
        dataset
            .with(WantedDataset::needs_quality_judgements)
            .unwrap_or(false)
    };
    view! {
        <section class="card scores" aria-labelledby="scores-title">
            <h2 id="scores-title">{move || app.t(Key::ScoresTitle)}</h2>
            <div class="form-grid">
                <ChoiceSelect id=format!("score-value-{id}") label=Key::ValueLabel value=dataset.choice(|d| d.value) on_change=dataset.set_choice(|d, v| d.value = v)/>
                <ChoiceSelect id=format!("score-availability-{id}") label=Key::AvailabilityLabel value=dataset.choice(|d| d.availability) on_change=dataset.set_choice(|d, v| d.availability = v)/>
            </div>
            <p class="hint" data-testid="availability-hint">{hint}</p>
            <details class="availability-rule">
                <summary>{move || app.t(Key::AvailabilityRuleTitle)}</summary>
                <p>{move || app.t(Key::AvailabilityRule)}</p>
            </details>
            <Show when=judged>
                <fieldset class="judgements">
                    <legend>{move || app.t(Key::QualityJudgementsTitle)}</legend>
                    <p class="help">{move || app.t(Key::QualityJudgementsHint)}</p>
                    <div class="form-grid">
                        <ChoiceSelect id=format!("judge-accuracy-{id}") label=Key::JudgeAccuracy value=dataset.choice(|d| d.quality.accuracy) on_change=dataset.set_choice(|d, v| d.quality.accuracy = v)/>
                        <ChoiceSelect id=format!("judge-freshness-{id}") label=Key::JudgeFreshness value=dataset.choice(|d| d.quality.freshness) on_change=dataset.set_choice(|d, v| d.quality.freshness = v)/>
                        <ChoiceSelect id=format!("judge-granularity-{id}") label=Key::JudgeGranularity value=dataset.choice(|d| d.quality.granularity) on_change=dataset.set_choice(|d, v| d.quality.granularity = v)/>
                    </div>
                </fieldset>
            </Show>
        </section>
    }
}

/// Every pursued dataset with its two scores, two selects a row: how a group scores the
/// list quickly, and the way a screen reader moves the points of the map.
#[component]
pub fn ScoreTable(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let ids = project.active_wanted_ids();
    view! {
        <section aria-labelledby="score-table-title">
            <h2 id="score-table-title">{move || app.t(Key::ScoreTableTitle)}</h2>
            <div class="table-wrap">
                <table class="score-table">
                    <caption>{move || app.t(Key::ScoreTableCaption)}</caption>
                    <thead>
                        <tr>{column_headers(&[Key::ColPosition, Key::ColWanted, Key::ValueLabel, Key::AvailabilityLabel])}</tr>
                    </thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| *id let:id>
                            <ScoreRow dataset=project.wanted(id)/>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ScoreRow(dataset: WantedHandle) -> impl IntoView {
    let app = use_app();
    let id = dataset.id();
    let project = dataset.project();
    let number = move || {
        project
            .with(|p| p.wanted_index(id).map(|i| i + 1))
            .flatten()
            .unwrap_or(0)
    };
    let name = move || dataset.display_name();
    let hint = move || {
        let lang = app.lang.get();
        dataset.with(|d| {
            (d.availability == Availability::Unscored).then(|| availability_hint(d, lang))
        })
    };
    let value_id = format!("table-value-{id}");
    let availability_id = format!("table-availability-{id}");
    view! {
        <tr>
            <td>{number}</td>
            <th scope="row">
                <a href=project.href(ProjectPage::WantedSources(id))>{name}</a>
            </th>
            <td>
                <ChoiceSelect id=value_id label=Key::ValueLabel value=dataset.choice(|d| d.value) on_change=dataset.set_choice(|d, v| d.value = v)/>
            </td>
            <td>
                <ChoiceSelect id=availability_id label=Key::AvailabilityLabel value=dataset.choice(|d| d.availability) on_change=dataset.set_choice(|d, v| d.availability = v)/>
                <p class="help">{hint}</p>
            </td>
        </tr>
    }
}

/// The datasets not on the map yet, each with a link to score it.
#[component]
pub fn UnscoredList(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let unscored = move || {
        let lang = app.lang.get();
        project
            .with(|p| {
                p.data_map()
                    .unscored
                    .into_iter()
                    .filter_map(|id| p.wanted(id).map(|d| (id, d.display_name(lang))))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let items = move || {
        unscored()
            .into_iter()
            .map(|(id, name)| {
                let href = project.href(ProjectPage::WantedSources(id));
                view! {
                    <li>
                        {name.clone()} " — "
                        <a href=href>
                            {move || app.t(Key::ScoreIt)}
                            <span class="visually-hidden">" " {name.clone()}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !unscored().is_empty()>
            <section class="card unscored" aria-labelledby="unscored-title">
                <h2 id="unscored-title">{move || app.t(Key::MapUnscoredTitle)}</h2>
                <p>{move || app.t(Key::MapUnscoredHint)}</p>
                <ul>{items}</ul>
            </section>
        </Show>
    }
}
