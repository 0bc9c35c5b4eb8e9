//! How verdicts and the scoring rules are shown.

use leptos::prelude::*;

use crate::i18n::{Key, Label};
use crate::model::{points, Choice, Verdict};
use crate::state::use_app;

/// A verdict as a coloured chip with its words, so colour is never the only cue.
#[component]
pub fn VerdictBadge(#[prop(into)] verdict: Signal<Option<Verdict>>) -> impl IntoView {
    let app = use_app();
    let class = move || {
        let colour = verdict.get().map_or("none", |v| Choice::slug(v));
        format!("verdict verdict-{colour}")
    };
    let text = move || match verdict.get() {
        Some(v) => app.t(v.label()),
        None => app.t(Key::NoVerdict),
    };
    view! {
        <span class=class>
            <span class="chip" aria-hidden="true"></span>
            {text}
        </span>
    }
}

/// Each scoring rule's text, and the point values it quotes by placeholder.
#[rustfmt::skip]
const RULES: [(Key, &[(&str, u32)]); 7] = {
    use points::*;
    [
        (Key::ScoringLicence, &[("points", LICENCE)]),
        (Key::ScoringFormat, &[("per", PER_STAR), ("max", 3 * PER_STAR)]),
        (Key::ScoringAccess, &[("full", ACCESS), ("request", ACCESS_ON_REQUEST), ("restricted", ACCESS_RESTRICTED)]),
        (Key::ScoringFreshness, &[("full", FRESHNESS), ("less", FRESHNESS_LESS_OFTEN), ("irregular", FRESHNESS_IRREGULAR), ("unknown", FRESHNESS_UNKNOWN)]),
        (Key::ScoringCoverage, &[("spatial", SPATIAL), ("spatial_partly", SPATIAL_PARTLY), ("temporal", TEMPORAL), ("temporal_partly", TEMPORAL_PARTLY)]),
        (Key::ScoringQuality, &[("full", QUALITY), ("fair", QUALITY_FAIR)]),
        (Key::ScoringPersonal, &[("full", PERSONAL_DATA), ("possible", PERSONAL_DATA_POSSIBLE)]),
    ]
};

/// "How is this scored?": the rules in words, quoting the model's own point values.
#[component]
pub fn ScoringHelp() -> impl IntoView {
    let app = use_app();
    let items = RULES
        .iter()
        .map(|&(key, values)| {
            let text = move || {
                let numbers: Vec<String> = values.iter().map(|(_, v)| v.to_string()).collect();
                let filled: Vec<(&str, &str)> = values
                    .iter()
                    .zip(&numbers)
                    .map(|((name, _), n)| (*name, n.as_str()))
                    .collect();
                key.fill(app.lang.get(), &filled)
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <details class="scoring-help">
            <summary>{move || app.t(Key::HowScored)}</summary>
            <ul>{items}</ul>
            <p>{move || app.t(Key::ScoringVerdict)}</p>
        </details>
    }
}
