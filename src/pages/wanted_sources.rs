//! Phase 2 for one wanted dataset: its candidate sources, their evaluation, the verdict.

use leptos::prelude::*;

use super::{found_in_project, or_not_found, use_project};
use crate::browser;
use crate::components::{
    CatalogueSearch, ScoreCard, ScoringHelp, SourceCard, SourceRow, StepNav, VerdictBadge,
};
use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{
    assess, Assessment, Criterion, Frequency, Phase, Verdict, WantedDataset, WorkFlag,
};
use crate::routes::{ProjectPage, WantedParams};
use crate::state::{use_app, Handle, WantedHandle};

#[component]
pub fn WantedSourcesPage() -> impl IntoView {
    let project = use_project();
    let found = found_in_project::<WantedParams>(|p| p.wanted, |p, id| p.wanted(id).is_some());
    or_not_found(
        found,
        move |id| view! { <WantedSources dataset=project.wanted(id)/> },
    )
}

/// "Asked for: coverage … · period … · freshness …", from the Wanted Data List.
fn asked(d: &WantedDataset, lang: Lang) -> String {
    let or_not_stated = |text: &str| match text.trim() {
        "" => Key::NotStated.text(lang).to_string(),
        text => text.to_string(),
    };
    let freshness = if d.freshness == Frequency::Unspecified {
        Key::NotStated.text(lang)
    } else {
        d.freshness.label().text(lang)
    };
    Key::WhatWasAsked.fill(
        lang,
        &[
            ("coverage", &or_not_stated(&d.spatial_coverage)),
            ("period", &or_not_stated(&d.period)),
            ("freshness", freshness),
        ],
    )
}

#[component]
fn WantedSources(dataset: WantedHandle) -> impl IntoView {
    let app = use_app();
    let project = dataset.project();
    let order = dataset.source_ids();
    let rows = dataset.source_rows(move |w, id| SourceRow::read(dataset, w, id));
    let number = move |id| {
        Signal::derive(move || order.with(|o| o.iter().position(|s| *s == id).unwrap_or(0) + 1))
    };
    let heading =
        move || Key::SourcesFor.fill(app.lang.get(), &[("name", &dataset.display_name())]);
    let add = move |_| {
        let source = dataset.add_source();
        browser::focus_later(format!("source-title-{}", source.id()));
    };
    view! {
        <h1>{heading}</h1>
        <StepNav project current=Phase::CollectEvaluate/>
        <p>
            <a href=project.href(ProjectPage::Sources)>{move || app.t(Key::BackToSources)}</a>
        </p>
        <p class="hint">{move || dataset.with(|d| asked(d, app.lang.get()))}</p>
        <Summary dataset/>
        <ScoreCard dataset/>
        <ScoringHelp/>
        <Show when=move || order.with(Vec::is_empty)>
            <p>{move || app.t(Key::NoSources)}</p>
        </Show>
        <ol class="source-list">
            <For each=move || order.get() key=|id| *id let:id>
                <SourceCard source=dataset.source(id) row=rows.row(id) number=number(id)/>
            </For>
        </ol>
        <p>
            <button type="button" on:click=add>{move || app.t(Key::AddSource)}</button>
        </p>
        <CatalogueSearch dataset/>
        <Show when=move || order.with(|o| o.len() >= 2)>
            <Comparison dataset/>
        </Show>
    }
}

/// The dataset's verdict, its best source, and the work flags the evaluation suggests.
#[derive(Clone, PartialEq)]
struct DatasetSummary {
    verdict: Option<Verdict>,
    best: Option<String>,
    suggested: Vec<WorkFlag>,
}

#[component]
fn Summary(dataset: WantedHandle) -> impl IntoView {
    let app = use_app();
    let summary = Memo::new(move |_| {
        let lang = app.lang.get();
        dataset.with(|d| DatasetSummary {
            verdict: d.final_verdict(),
            best: d.best_source().map(|(s, _)| s.display_name(lang)),
            suggested: d.suggested_flags(),
        })
    });
    let verdict = Signal::derive(move || summary.with(|s| s.as_ref().and_then(|s| s.verdict)));
    let best = move || {
        let lang = app.lang.get();
        match summary.with(|s| s.as_ref().and_then(|s| s.best.clone())) {
            Some(title) => Key::BestSource.fill(lang, &[("title", &title)]),
            None => Key::NoBestSource.text(lang).to_string(),
        }
    };
    let suggestion = move || {
        let flags = summary.with(|s| s.as_ref().map(|s| s.suggested.clone()))?;
        (!flags.is_empty()).then(|| {
            let lang = app.lang.get();
            let names: Vec<&str> = flags.iter().map(|f| f.label().text(lang)).collect();
            let apply = move |_| {
                dataset.edit(|d| {
                    for &flag in &flags {
                        d.set_flag(flag, true);
                    }
                });
            };
            view! {
                <p>
                    {Key::SuggestedFlags.fill(lang, &[("flags", &names.join(", "))])} " "
                    <button type="button" class="secondary" on:click=apply>{app.t(Key::ApplySuggested)}</button>
                </p>
            }
        })
    };
    view! {
        <section class="summary card" aria-labelledby="summary-title">
            <h2 id="summary-title">{move || app.t(Key::FinalVerdict)}</h2>
            <p><VerdictBadge verdict/></p>
            <p>{best}</p>
            {suggestion}
        </section>
    }
}

/// Sources side by side: criteria in rows, sources in columns. Built only while open, as it
/// follows every keystroke in every source.
#[component]
fn Comparison(dataset: WantedHandle) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    view! {
        <details class="compare" on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary>{move || app.t(Key::Compare)}</summary>
            {move || open.get().then(|| view! { <ComparisonTable dataset/> })}
        </details>
    }
}

#[component]
fn ComparisonTable(dataset: WantedHandle) -> impl IntoView {
    let app = use_app();
    move || {
        let lang = app.lang.get();
        let columns = dataset
            .with(|d| {
                d.sources
                    .iter()
                    .map(|s| (s.display_name(lang), assess(s, d)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let cells = |cell: &dyn Fn(&Assessment) -> String| {
            columns
                .iter()
                .map(|(_, a)| view! { <td>{cell(a)}</td> })
                .collect_view()
        };
        let head = columns
            .iter()
            .map(|(title, _)| view! { <th scope="col">{title.clone()}</th> })
            .collect_view();
        let rows = Criterion::ALL
            .iter()
            .map(|&criterion| {
                let points = cells(&|a| match a.points_for(criterion) {
                    Some(points) => Key::PointsOf.fill(
                        lang,
                        &[
                            ("points", &points.to_string()),
                            ("max", &criterion.max_points().to_string()),
                        ],
                    ),
                    None => Key::NotAssessed.text(lang).to_string(),
                });
                view! { <tr><th scope="row">{criterion.label().text(lang)}</th>{points}</tr> }
            })
            .collect_view();
        let stars = cells(&|a| format!("{} / 5", a.stars));
        let scores = cells(&|a| format!("{} / 100", a.score));
        let verdicts = columns
            .iter()
            .map(|(_, a)| {
                let verdict = a.verdict;
                view! { <td><VerdictBadge verdict=Signal::derive(move || verdict)/></td> }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="comparison">
                    <caption>{Key::CompareCaption.text(lang)}</caption>
                    <thead><tr><th scope="col">{Key::CriterionCol.text(lang)}</th>{head}</tr></thead>
                    <tbody>
                        {rows}
                        <tr><th scope="row">{Key::StarsRow.text(lang)}</th>{stars}</tr>
                        <tr><th scope="row">{Key::ScoreRow.text(lang)}</th>{scores}</tr>
                        <tr><th scope="row">{Key::ColVerdict.text(lang)}</th>{verdicts}</tr>
                    </tbody>
                </table>
            </div>
        }
    }
}
