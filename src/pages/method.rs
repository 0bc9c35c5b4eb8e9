//! About the method: the data-potential path of the Dat'accélère workshops as the app
//! carries it, with the credit its materials ask for (CC BY-SA 4.0, Datactivist).

use leptos::prelude::*;

use crate::i18n::{Key, Label, ROUTE_HELP};
use crate::model::{Availability, Choice, Value};
use crate::state::use_app;

/// The workshop materials, where they are published.
const MATERIALS: &str = "https://github.com/datactivist/odeon";

/// A titled part of the page: its heading and its paragraphs (or list).
fn part(id: &'static str, title: Key, body: impl IntoView) -> impl IntoView {
    let app = use_app();
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{move || app.t(title)}</h2>
            {body}
        </section>
    }
}

fn items(keys: impl IntoIterator<Item = Key>) -> impl IntoView {
    let app = use_app();
    keys.into_iter()
        .map(|key| view! { <li>{move || app.t(key)}</li> })
        .collect_view()
}

#[component]
pub fn MethodPage() -> impl IntoView {
    let app = use_app();
    let text = move |key: Key| view! { <p>{move || app.t(key)}</p> };
    let levels = |labels: Vec<Key>| view! { <ul class="levels">{items(labels)}</ul> };
    let values = Value::ALL.iter().skip(1).map(|v| v.label()).collect();
    let availabilities = Availability::ALL
        .iter()
        .skip(1)
        .map(|a| a.label())
        .collect();
    view! {
        <h1>{move || app.t(Key::MethodTitle)}</h1>
        {text(Key::MethodIntro)}
        {part("method-phases", Key::MethodPhasesTitle, view! {
            <ol>{items([Key::MethodPhase1, Key::MethodPhase2, Key::MethodPhase3])}</ol>
        })}
        {part("method-scores", Key::MethodScoresTitle, view! {
            {text(Key::MethodScores)}
            <h3>{move || app.t(Key::ValueLabel)}</h3>
            {levels(values)}
            <h3>{move || app.t(Key::AvailabilityLabel)}</h3>
            {levels(availabilities)}
        })}
        {part("method-map", Key::MethodMapTitle, text(Key::MethodMap))}
        {part("method-options", Key::MethodOptionsTitle, view! {
            {text(Key::MethodOptions)}
            <ul>{items(ROUTE_HELP)}</ul>
        })}
        {part("method-actions", Key::MethodActionsTitle, text(Key::MethodActions))}
        <p class="credit">{move || app.t(Key::MethodCredit)}</p>
        <p>
            <a href=MATERIALS target="_blank" rel="noopener noreferrer">{move || app.t(Key::MethodSource)}</a>
        </p>
    }
}
