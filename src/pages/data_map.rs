//! The data map: every scored dataset placed by its value and availability, moved with the
//! mouse or the keyboard; beside it, what is not scored yet, and the list to score.

use leptos::prelude::*;

use super::use_project;
use crate::components::{DataMapChart, ScoreTable, StepNav, UnscoredList};
use crate::i18n::Key;
use crate::model::Phase;
use crate::state::{use_app, Handle};

#[component]
pub fn DataMapPage() -> impl IntoView {
    let app = use_app();
    let project = use_project();
    let map = Memo::new(move |_| project.with(|p| p.data_map()).unwrap_or_default());
    let empty = move || map.with(|m| m.points.is_empty() && m.overflows.is_empty());
    view! {
        <h1>{move || app.t(Key::DataMapTitle)}</h1>
        <StepNav project current=Phase::CollectEvaluate/>
        <p class="hint">{move || app.t(Key::DataMapIntro)}</p>
        <p class="hint" id="map-how-to">{move || app.t(Key::MapHowTo)}</p>
        <Show when=empty>
            <p>{move || app.t(Key::MapEmpty)}</p>
        </Show>
        <figure class="map-figure" aria-describedby="map-how-to">
            <DataMapChart map edit=project/>
            <figcaption>{move || app.t(Key::MapLegend)}</figcaption>
        </figure>
        <UnscoredList project/>
        <ScoreTable project/>
    }
}
