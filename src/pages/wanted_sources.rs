//! Phase 2 for one wanted dataset: its candidate sources, their evaluation, the verdict.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{edit_project, use_route_project, NotFound};
use crate::browser;
use crate::components::{source_title, ScoringHelp, SourceCard, SourcePath, StepNav, VerdictBadge};
use crate::i18n::{Key, Label};
use crate::model::{assess, CandidateSource, Criterion, Frequency, Phase, WantedDataset};
use crate::state::use_app;

#[component]
pub fn WantedSourcesPage() -> impl IntoView {
    let app = use_app();
    let project = use_route_project();
    let params = use_params_map();
    let found = Memo::new(move |_| {
        let project = project.get()?;
        let wanted = params.with(|p| p.get("wanted").and_then(|id| Uuid::parse_str(&id).ok()))?;
        app.workspace.with(|w| {
            w.project(project)?
                .wanted(wanted)
                .map(|_| (project, wanted))
        })
    });
    move || match found.get() {
        Some((project, wanted)) => view! { <WantedSources project wanted/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn WantedSources(project: Uuid, wanted: Uuid) -> impl IntoView {
    let app = use_app();
    let dataset = Memo::new(move |_| {
        app.workspace
            .with(|w| w.project(project).and_then(|p| p.wanted(wanted)).cloned())
    });
    let order = Memo::new(move |_| {
        dataset
            .with(|d| {
                d.as_ref()
                    .map(|d| d.sources.iter().map(|s| s.id).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    let name = move || {
        dataset
            .with(|d| d.as_ref().map(|d| d.name.trim().to_string()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| app.t(Key::UntitledWanted).to_string())
    };
    let project_name = move || {
        app.workspace
            .with(|w| w.project(project).map(|p| p.name.clone()))
            .unwrap_or_default()
    };
    let asked = move || {
        let lang = app.lang.get();
        dataset.with(|d| {
            let d = d.as_ref()?;
            let or_not_stated = |text: &str| {
                let text = text.trim();
                if text.is_empty() {
                    Key::NotStated.text(lang).to_string()
                } else {
                    text.to_string()
                }
            };
            let freshness = if d.freshness == Frequency::Unspecified {
                Key::NotStated.text(lang)
            } else {
                d.freshness.label().text(lang)
            };
            Some(Key::WhatWasAsked.fill(
                lang,
                &[
                    ("coverage", &or_not_stated(&d.spatial_coverage)),
                    ("period", &or_not_stated(&d.period)),
                    ("freshness", freshness),
                ],
            ))
        })
    };
    let add = move |_| {
        let id = Uuid::new_v4();
        edit_project(app, project, |p| {
            if let Some(d) = p.wanted_mut(wanted) {
                d.sources.push(CandidateSource::new(id));
            }
        });
        browser::focus_later(format!("source-title-{id}"));
    };
    view! {
        <p class="context">{project_name}</p>
        <h1>{move || Key::SourcesFor.fill(app.lang.get(), &[("name", &name())])}</h1>
        <StepNav project current=Phase::CollectEvaluate/>
        <p>
            <A href=format!("/project/{project}/sources")>{move || app.t(Key::BackToSources)}</A>
        </p>
        <p class="hint">{asked}</p>
        <Summary project wanted dataset/>
        <ScoringHelp/>
        <Show when=move || order.with(Vec::is_empty)>
            <p>{move || app.t(Key::NoSources)}</p>
        </Show>
        <ol class="source-list">
            <For each=move || order.get() key=|id| *id let:source>
                <SourceCard path=SourcePath { project, wanted, source }/>
            </For>
        </ol>
        <p>
            <button type="button" on:click=add>{move || app.t(Key::AddSource)}</button>
        </p>
        <Show when=move || { order.with(|o| o.len() >= 2) }>
            <Comparison dataset/>
        </Show>
    }
}

/// The dataset's verdict, its best source, and the work flags the evaluation suggests.
#[component]
fn Summary(project: Uuid, wanted: Uuid, dataset: Memo<Option<WantedDataset>>) -> impl IntoView {
    let app = use_app();
    let verdict =
        Signal::derive(move || dataset.with(|d| d.as_ref().and_then(|d| d.final_verdict())));
    let best = move || {
        let lang = app.lang.get();
        dataset.with(|d| {
            d.as_ref()
                .and_then(|d| d.best_source().map(|(s, _)| source_title(s, lang)))
                .map(|title| Key::BestSource.fill(lang, &[("title", &title)]))
                .unwrap_or_else(|| Key::NoBestSource.text(lang).to_string())
        })
    };
    let suggested = Memo::new(move |_| {
        dataset.with(|d| d.as_ref().map(|d| d.suggested_flags()).unwrap_or_default())
    });
    let suggestion = move || {
        let flags = suggested.get();
        (!flags.is_empty()).then(|| {
            let lang = app.lang.get();
            let names: Vec<&str> = flags.iter().map(|f| f.label().text(lang)).collect();
            let apply = move |_| {
                let flags = suggested.get_untracked();
                edit_project(app, project, |p| {
                    if let Some(d) = p.wanted_mut(wanted) {
                        for flag in flags {
                            d.set_flag(flag, true);
                        }
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

/// Sources side by side: criteria in rows, sources in columns.
#[component]
fn Comparison(dataset: Memo<Option<WantedDataset>>) -> impl IntoView {
    let app = use_app();
    let criterion_label = |criterion: Criterion| match criterion {
        Criterion::Licence => Key::LicenceLabel,
        Criterion::Format => Key::FormatsLabel,
        Criterion::Access => Key::AccessLabel,
        Criterion::Freshness => Key::UpdateFrequency,
        Criterion::SpatialCoverage => Key::SpatialMatch,
        Criterion::TemporalCoverage => Key::TemporalMatch,
        Criterion::Quality => Key::QualityLabel,
        Criterion::Documentation => Key::DocumentationLabel,
        Criterion::PersonalData => Key::PersonalDataLabel,
    };
    let table = move || {
        let lang = app.lang.get();
        dataset.with(|d| {
            let d = d.as_ref()?;
            let columns: Vec<_> = d.sources.iter().map(|s| (source_title(s, lang), assess(s, d))).collect();
            let head = columns.iter().map(|(title, _)| view! { <th scope="col">{title.clone()}</th> }).collect_view();
            let cell = |points: Option<u32>, max: u32| match points {
                Some(points) => Key::PointsOf.fill(lang, &[("points", &points.to_string()), ("max", &max.to_string())]),
                None => Key::NotAssessed.text(lang).to_string(),
            };
            let rows = Criterion::ALL
                .iter()
                .map(|&criterion| {
                    let cells = columns
                        .iter()
                        .map(|(_, a)| view! { <td>{cell(a.points_for(criterion), criterion.max_points())}</td> })
                        .collect_view();
                    view! { <tr><th scope="row">{criterion_label(criterion).text(lang)}</th>{cells}</tr> }
                })
                .collect_view();
            let stars = columns.iter().map(|(_, a)| view! { <td>{format!("{} / 5", a.stars)}</td> }).collect_view();
            let scores = columns.iter().map(|(_, a)| view! { <td>{format!("{} / 100", a.score)}</td> }).collect_view();
            let verdicts = columns
                .iter()
                .map(|(_, a)| {
                    let verdict = a.verdict;
                    view! { <td><VerdictBadge verdict=Signal::derive(move || verdict)/></td> }
                })
                .collect_view();
            Some(view! {
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
            })
        })
    };
    view! {
        <details class="compare">
            <summary>{move || app.t(Key::Compare)}</summary>
            {table}
        </details>
    }
}
