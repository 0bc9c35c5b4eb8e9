//! Phase 2 — collect and evaluate: every wanted dataset with its sources and verdict.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use super::{use_route_project, NotFound};
use crate::components::{source_title, ScoringHelp, StepNav, VerdictBadge};
use crate::i18n::Key;
use crate::model::{Phase, Verdict};
use crate::state::use_app;

#[component]
pub fn SourcesPage() -> impl IntoView {
    let project = use_route_project();
    move || match project.get() {
        Some(id) => view! { <SourcesOverview project=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

/// One line of the overview table.
#[derive(Clone, PartialEq)]
struct Line {
    id: Uuid,
    name: String,
    sources: usize,
    best: Option<String>,
    verdict: Option<Verdict>,
}

#[component]
fn SourcesOverview(project: Uuid) -> impl IntoView {
    let app = use_app();
    let lines = Memo::new(move |_| {
        let lang = app.lang.get();
        app.workspace.with(|w| {
            let Some(p) = w.project(project) else {
                return Vec::new();
            };
            p.active_wanted()
                .map(|d| Line {
                    id: d.id,
                    name: if d.name.trim().is_empty() {
                        Key::UntitledWanted.text(lang).to_string()
                    } else {
                        d.name.clone()
                    },
                    sources: d.sources.len(),
                    best: d.best_source().map(|(s, _)| source_title(s, lang)),
                    verdict: d.final_verdict(),
                })
                .collect::<Vec<_>>()
        })
    });
    let project_name = move || {
        app.workspace
            .with(|w| w.project(project).map(|p| p.name.clone()))
            .unwrap_or_default()
    };
    let row = move |line: Line| {
        let Line {
            id,
            name,
            sources,
            best,
            verdict,
        } = line;
        let href = format!("/project/{project}/wanted/{id}/sources");
        view! {
            <tr>
                <th scope="row">{name.clone()}</th>
                <td>{sources}</td>
                <td>{best.unwrap_or_else(|| "—".to_string())}</td>
                <td><VerdictBadge verdict=Signal::derive(move || verdict)/></td>
                <td>
                    <A href=href>
                        {move || app.t(Key::Evaluate)}
                        <span class="visually-hidden">" " {name.clone()}</span>
                    </A>
                </td>
            </tr>
        }
    };
    view! {
        <p class="context">{project_name}</p>
        <h1>{move || app.t(Key::PhaseCollect)}</h1>
        <StepNav project current=Phase::CollectEvaluate/>
        <p class="hint">{move || app.t(Key::SourcesIntro)}</p>
        <ScoringHelp/>
        <Show
            when=move || !lines.with(Vec::is_empty)
            fallback=move || {
                view! {
                    <p>
                        {move || app.t(Key::NoWantedForSources)} " "
                        <A href=format!("/project/{project}/wanted")>{move || app.t(Key::GoToWantedList)}</A>
                    </p>
                }
            }
        >
            <div class="table-wrap">
                <table class="overview">
                    <caption>{move || app.t(Key::SourcesTableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t(Key::ColWanted)}</th>
                            <th scope="col">{move || app.t(Key::ColSources)}</th>
                            <th scope="col">{move || app.t(Key::ColBest)}</th>
                            <th scope="col">{move || app.t(Key::ColVerdict)}</th>
                            <th scope="col"><span class="visually-hidden">{move || app.t(Key::Evaluate)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{move || lines.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}
