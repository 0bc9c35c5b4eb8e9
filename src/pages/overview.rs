//! A project's overview: its profile, its progress along the path, and what is still missing.

use leptos::prelude::*;

use super::use_project;
use crate::components::{ButtonLink, ChoiceSelect, FieldSource, StepNav, TextField};
use crate::i18n::{Key, Lang};
use crate::model::StillToDo;
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle, ProjectHandle};

#[component]
pub fn OverviewPage() -> impl IntoView {
    let app = use_app();
    let project = use_project();
    let lines = move || {
        let lang = app.lang.get();
        project
            .with(|p| p.still_to_do())
            .unwrap_or_default()
            .into_iter()
            .map(|item| view! { <li>{still_to_do_text(item, lang)}</li> })
            .collect_view()
    };
    view! {
        <h1>{move || project.display_name()}</h1>
        <StepNav project/>
        <Profile project/>
        <section aria-labelledby="missing-title">
            <h2 id="missing-title">{move || app.t(Key::StillMissing)}</h2>
            <ul data-testid="missing">{lines}</ul>
            <p class="actions">
                <ButtonLink href=project.href(ProjectPage::WantedList) label=Key::GoToWantedList/>
                <ButtonLink href=project.href(ProjectPage::Sources) label=Key::GoToSources/>
                <ButtonLink href=project.href(ProjectPage::Roadmap) label=Key::GoToRoadmap/>
            </p>
        </section>
    }
}

fn still_to_do_text(item: StillToDo, lang: Lang) -> String {
    let count = |key: Key, n: usize| key.fill(lang, &[("count", &n.to_string())]);
    match item {
        StillToDo::NoWantedYet => Key::MissingNoWanted.text(lang).to_string(),
        StillToDo::Undescribed(n) => count(Key::MissingUndescribed, n),
        StillToDo::PhaseOneComplete => Key::NothingMissing.text(lang).to_string(),
        StillToDo::Unevaluated(n) => count(Key::MissingUnevaluated, n),
        StillToDo::PhaseTwoComplete => Key::NothingMissingPhase2.text(lang).to_string(),
    }
}

/// Who carries the project, in which domain, to do what.
#[component]
fn Profile(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    view! {
        <section aria-labelledby="profile-title">
            <h2 id="profile-title">{move || app.t(Key::ProfileTitle)}</h2>
            <p class="hint">{move || app.t(Key::AutoSaveHint)}</p>
            <div class="form-grid">
                <TextField id="project-name".into() label=Key::ProjectName value=project.text(|p| &p.name) on_input=project.set_text(|p, v| p.name = v)/>
                <TextField id="project-holder".into() label=Key::Holder value=project.text(|p| &p.holder) on_input=project.set_text(|p, v| p.holder = v)/>
                <ChoiceSelect id="project-domain".into() label=Key::DomainLabel value=project.choice(|p| p.domain) on_change=project.set_choice(|p, v| p.domain = v)/>
            </div>
            <TextField id="project-description".into() label=Key::ShortDescription multiline=true value=project.text(|p| &p.description) on_input=project.set_text(|p, v| p.description = v)/>
            <TextField id="project-objectives".into() label=Key::Objectives multiline=true value=project.text(|p| &p.objectives) on_input=project.set_text(|p, v| p.objectives = v)/>
            <TextField id="project-partners".into() label=Key::Partners help=Key::GuidePartners multiline=true value=project.text(|p| &p.partners) on_input=project.set_text(|p, v| p.partners = v)/>
            <TextField id="project-audiences".into() label=Key::Audiences help=Key::GuideAudiences multiline=true value=project.text(|p| &p.audiences) on_input=project.set_text(|p, v| p.audiences = v)/>
            <TextField id="project-data-work".into() label=Key::DataWork help=Key::GuideDataWork multiline=true value=project.text(|p| &p.data_work) on_input=project.set_text(|p, v| p.data_work = v)/>
        </section>
    }
}
