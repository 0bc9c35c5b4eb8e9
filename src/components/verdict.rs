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

/// "How is this scored?": the rules in words, quoting the model's own point values.
#[component]
pub fn ScoringHelp() -> impl IntoView {
    use points::*;
    let app = use_app();
    let n = |value: u32| value.to_string();
    let rules: Vec<(Key, Vec<(&'static str, String)>)> = vec![
        (Key::ScoringLicence, vec![("points", n(LICENCE))]),
        (
            Key::ScoringFormat,
            vec![("per", n(PER_STAR)), ("max", n(3 * PER_STAR))],
        ),
        (
            Key::ScoringAccess,
            vec![
                ("full", n(ACCESS)),
                ("request", n(ACCESS_ON_REQUEST)),
                ("restricted", n(ACCESS_RESTRICTED)),
            ],
        ),
        (
            Key::ScoringFreshness,
            vec![
                ("full", n(FRESHNESS)),
                ("less", n(FRESHNESS_LESS_OFTEN)),
                ("irregular", n(FRESHNESS_IRREGULAR)),
                ("unknown", n(FRESHNESS_UNKNOWN)),
            ],
        ),
        (
            Key::ScoringCoverage,
            vec![
                ("spatial", n(SPATIAL)),
                ("spatial_partly", n(SPATIAL_PARTLY)),
                ("temporal", n(TEMPORAL)),
                ("temporal_partly", n(TEMPORAL_PARTLY)),
            ],
        ),
        (
            Key::ScoringQuality,
            vec![("full", n(QUALITY)), ("fair", n(QUALITY_FAIR))],
        ),
        (
            Key::ScoringPersonal,
            vec![
                ("full", n(PERSONAL_DATA)),
                ("possible", n(PERSONAL_DATA_POSSIBLE)),
            ],
        ),
    ];
    let items = rules
        .into_iter()
        .map(|(key, values)| {
            let text = move || {
                let values: Vec<(&str, &str)> =
                    values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                key.fill(app.lang.get(), &values)
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
