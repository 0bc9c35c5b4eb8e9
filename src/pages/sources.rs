//! Phase 2 — collect and evaluate: every wanted dataset with its sources and verdict.

use leptos::prelude::*;
use uuid::Uuid;

use super::use_project;
use crate::components::{column_headers, ScoringHelp, StepNav, VerdictBadge};
use crate::i18n::{DisplayName, Key, Lang};
use crate::model::{Phase, Project, Verdict};
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle};

/// One line of the overview table: a pursued dataset, its sources and its verdict.
#[derive(Clone, PartialEq)]
struct EvaluationLine {
    id: Uuid,
    name: String,
    sources: usize,
    best: Option<String>,
    verdict: Option<Verdict>,
}

fn lines(project: &Project, lang: Lang) -> Vec<EvaluationLine> {
    project
        .active_wanted()
        .map(|d| EvaluationLine {
            id: d.id,
            name: d.display_name(lang),
            sources: d.sources.len(),
            best: d.best_source().map(|(s, _)| s.display_name(lang)),
            verdict: d.final_verdict(),
        })
        .collect()
}

#[component]
pub fn SourcesPage() -> impl IntoView {
    let app = use_app();
    let project = use_project();
    let lines = Memo::new(move |_| {
        let lang = app.lang.get();
        project.with(|p| lines(p, lang)).unwrap_or_default()
    });
    let row = move |line: EvaluationLine| {
        let EvaluationLine {
            id,
            name,
            sources,
            best,
            verdict,
        } = line;
        view! {
            <tr>
                <th scope="row">{name.clone()}</th>
                <td>{sources}</td>
                <td>{best.unwrap_or_else(|| "—".to_string())}</td>
                <td><VerdictBadge verdict=Signal::derive(move || verdict)/></td>
                <td>
                    <a href=project.href(ProjectPage::WantedSources(id))>
                        {move || app.t(Key::Evaluate)}
                        <span class="visually-hidden">" " {name}</span>
                    </a>
                </td>
            </tr>
        }
    };
    let empty = move || {
        view! {
            <p>
                {move || app.t(Key::NoWantedForSources)} " "
                <a href=project.href(ProjectPage::WantedList)>{move || app.t(Key::GoToWantedList)}</a>
            </p>
        }
    };
    view! {
        <h1>{move || app.t(Key::PhaseCollect)}</h1>
        <StepNav project current=Phase::CollectEvaluate/>
        <p class="hint">{move || app.t(Key::SourcesIntro)}</p>
        <ScoringHelp/>
        <Show when=move || !lines.with(Vec::is_empty) fallback=empty>
            <div class="table-wrap">
                <table class="overview">
                    <caption>{move || app.t(Key::SourcesTableCaption)}</caption>
                    <thead>
                        <tr>
                            {column_headers(&[Key::ColWanted, Key::ColSources, Key::ColBest, Key::ColVerdict])}
                            <th scope="col"><span class="visually-hidden">{move || app.t(Key::Evaluate)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{move || lines.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}
