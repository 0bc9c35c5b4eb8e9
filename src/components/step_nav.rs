use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use super::BackupReminder;
use crate::i18n::{Key, Label};
use crate::model::{Phase, PhaseState};
use crate::state::use_app;

/// Where a phase's screen lives, once that phase has one.
pub fn phase_path(project: Uuid, phase: Phase) -> Option<String> {
    match phase {
        Phase::WantedList => Some(format!("/project/{project}/wanted")),
        Phase::CollectEvaluate => Some(format!("/project/{project}/sources")),
        Phase::Roadmap => Some(format!("/project/{project}/roadmap")),
    }
}

/// The three phases of the path as steps, with the project's progress through each.
#[component]
pub fn StepNav(project: Uuid, #[prop(optional)] current: Option<Phase>) -> impl IntoView {
    let app = use_app();
    let steps = Phase::ALL
        .into_iter()
        .map(|phase| {
            let progress = Memo::new(move |_| {
                app.workspace
                    .with(|w| w.project(project).map(|p| p.progress(phase)))
            });
            let summary = move || {
                let lang = app.lang.get();
                let Some(progress) = progress.get() else {
                    return String::new();
                };
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
            };
            let title = move || {
                Key::StepLabel.fill(
                    app.lang.get(),
                    &[
                        ("number", &phase.number().to_string()),
                        ("phase", phase.label().text(app.lang.get())),
                    ],
                )
            };
            let percent = move || progress.get().map(|p| p.percent()).unwrap_or(0);
            let is_current = current == Some(phase);
            let name = match phase_path(project, phase) {
                Some(href) => view! {
                    <A href=href attr:aria-current=is_current.then_some("step")>
                        {title}
                    </A>
                }
                .into_any(),
                None => view! { <span>{title}</span> }.into_any(),
            };
            view! {
                <li class="step" class:current=is_current>
                    <span class="step-name">{name}</span>
                    <span class="step-progress">{summary}</span>
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
        <BackupReminder project/>
    }
}
