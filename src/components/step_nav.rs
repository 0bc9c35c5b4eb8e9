//! The three phases of the path as steps, with the project's progress through each.

use leptos::prelude::*;

use crate::i18n::{Key, Label};
use crate::model::{Phase, PhaseProgress, PhaseState};
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle, ProjectHandle};

/// Where a phase's screen lives.
fn phase_page(phase: Phase) -> ProjectPage {
    match phase {
        Phase::WantedList => ProjectPage::WantedList,
        Phase::CollectEvaluate => ProjectPage::Sources,
        Phase::Roadmap => ProjectPage::Roadmap,
    }
}

/// "2 of 3 described · in progress".
fn summary(phase: Phase, progress: PhaseProgress, lang: crate::i18n::Lang) -> String {
    let key = match phase {
        Phase::WantedList => Key::StepDescribed,
        Phase::CollectEvaluate => Key::StepEvaluated,
        Phase::Roadmap => Key::StepPlanned,
    };
    let state = match progress.state() {
        PhaseState::NotStarted => Key::StepNotStarted,
        PhaseState::InProgress => Key::StepInProgress,
        PhaseState::Complete => Key::StepComplete,
    };
    let counts = key.fill(
        lang,
        &[
            ("done", &progress.done.to_string()),
            ("total", &progress.total.to_string()),
        ],
    );
    format!("{counts} · {}", state.text(lang))
}

/// Plain links, as in the project navigation: `aria-current="step"` is set here alone.
#[component]
pub fn StepNav(project: ProjectHandle, #[prop(optional)] current: Option<Phase>) -> impl IntoView {
    let app = use_app();
    let steps = Phase::ALL
        .into_iter()
        .map(|phase| {
            let progress = Memo::new(move |_| project.with(|p| p.progress(phase)));
            let text = move || {
                progress
                    .get()
                    .map(|p| summary(phase, p, app.lang.get()))
                    .unwrap_or_default()
            };
            let title = move || {
                let lang = app.lang.get();
                Key::StepLabel.fill(
                    lang,
                    &[
                        ("number", &phase.number().to_string()),
                        ("phase", phase.label().text(lang)),
                    ],
                )
            };
            let percent = move || progress.get().map(|p| p.percent()).unwrap_or(0);
            let is_current = current == Some(phase);
            view! {
                <li class="step" class:current=is_current>
                    <span class="step-name">
                        <a href=project.href(phase_page(phase)) aria-current=is_current.then_some("step")>
                            {title}
                        </a>
                    </span>
                    <span class="step-progress">{text}</span>
                    <span class="step-bar" aria-hidden="true">
                        <span style:width=move || format!("{}%", percent())></span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="steps" aria-label=move || app.t(Key::StepsLabel)>
            <ol>{steps}</ol>
        </nav>
    }
}
