//! The printable report: what a holder presents at the end of the workshop cycle. A print
//! stylesheet drops the navigation; the browser's print dialog makes the PDF.

use leptos::prelude::*;
use uuid::Uuid;

use super::{use_route_project, NotFound};
use crate::browser;
use crate::components::{source_title, VerdictBadge};
use crate::i18n::{Key, Label, Lang};
use crate::model::{Phase, Project};
use crate::state::use_app;

#[component]
pub fn ReportPage() -> impl IntoView {
    let project = use_route_project();
    move || match project.get() {
        Some(id) => view! { <Report project=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

#[component]
fn Report(project: Uuid) -> impl IntoView {
    let app = use_app();
    let made_on = browser::format_day(browser::today(), app.lang.get_untracked());
    let content = move || {
        let lang = app.lang.get();
        app.workspace
            .with(|w| w.project(project).map(|p| report_body(p, lang, 1)))
    };
    view! {
        <div class="report">
            <p class="no-print">
                <button type="button" on:click=move |_| browser::print()>
                    {move || app.t(Key::PrintReport)}
                </button>
            </p>
            <p class="context">
                {move || Key::ReportGenerated.fill(app.lang.get(), &[("date", &made_on)])}
            </p>
            {content}
        </div>
    }
}

/// A heading of `level` (1 to 3; deeper ones are h4).
fn heading(level: u8, id: Option<&'static str>, text: String) -> AnyView {
    match level {
        1 => view! { <h1 id=id>{text}</h1> }.into_any(),
        2 => view! { <h2 id=id>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id>{text}</h3> }.into_any(),
        _ => view! { <h4 id=id>{text}</h4> }.into_any(),
    }
}

/// The report's content, its title at heading level `top` (1 on the report page, 2 where a
/// page shows it under its own title, as a saved version does).
pub(super) fn report_body(p: &Project, lang: Lang, top: u8) -> impl IntoView {
    let t = |key: Key| key.text(lang);
    let title = if p.name.trim().is_empty() {
        t(Key::UntitledProject).to_string()
    } else {
        p.name.clone()
    };
    let progress = Phase::ALL
        .iter()
        .map(|&phase| {
            let progress = p.progress(phase);
            let text = format!(
                "{}: {} / {}",
                phase.label().text(lang),
                progress.done,
                progress.total
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    let wanted_rows = p
        .wanted
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let flags: Vec<&str> = d.flags.iter().map(|f| f.label().text(lang)).collect();
            view! {
                <tr>
                    <td>{i + 1}</td>
                    <th scope="row">{or_dash(&d.name)}</th>
                    <td>{or_dash(&d.use_case)}</td>
                    <td>{d.priority.label().text(lang)}</td>
                    <td>{d.status.label().text(lang)}</td>
                    <td>{or_dash(&flags.join(", "))}</td>
                </tr>
            }
        })
        .collect_view();
    let evaluation_rows = p
        .wanted
        .iter()
        .flat_map(|d| {
            let name = or_dash(&d.name);
            d.assessments()
                .map(move |(s, a)| {
                    let verdict = a.verdict;
                    let reason = s.override_reason(a.overridden).to_string();
                    view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            <td>{source_title(s, lang)}</td>
                            <td>{format!("{}/100", a.score)}</td>
                            <td><VerdictBadge verdict=Signal::derive(move || verdict)/></td>
                            <td>{or_dash(&reason)}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    let roadmap_rows = p
        .planned_actions()
        .map(|planned| {
            let a = planned.action;
            let due = a
                .due_date()
                .map(|d| browser::format_day(d, lang))
                .unwrap_or_else(|| "—".into());
            view! {
                <tr>
                    <th scope="row">{or_dash(&planned.wanted.name)}</th>
                    <td>{a.route.label().text(lang)}</td>
                    <td>{or_dash(&a.description)}</td>
                    <td>{or_dash(&a.owner)}</td>
                    <td>{due}</td>
                    <td>{a.status.label().text(lang)}</td>
                    <td>{or_dash(&a.next_step)}</td>
                </tr>
            }
        })
        .collect_view();
    let has_sources = p.wanted.iter().any(|d| !d.sources.is_empty());
    let has_actions = p.planned_actions().next().is_some();
    view! {
        {heading(top, None, title)}
        <section aria-labelledby="report-profile">
            {heading(top + 1, Some("report-profile"), t(Key::ReportProfile).to_string())}
            <dl class="profile">
                <dt>{t(Key::Holder)}</dt><dd>{or_dash(&p.holder)}</dd>
                <dt>{t(Key::DomainLabel)}</dt><dd>{p.domain.label().text(lang)}</dd>
                <dt>{t(Key::ShortDescription)}</dt><dd>{or_dash(&p.description)}</dd>
                <dt>{t(Key::Objectives)}</dt><dd>{or_dash(&p.objectives)}</dd>
            </dl>
            <ul>{progress}</ul>
        </section>
        <section aria-labelledby="report-wanted">
            {heading(top + 1, Some("report-wanted"), t(Key::PhaseWantedList).to_string())}
            {if p.wanted.is_empty() {
                view! { <p>{t(Key::NoneYet)}</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead><tr>
                            <th scope="col">"#"</th>
                            <th scope="col">{t(Key::ColWanted)}</th>
                            <th scope="col">{t(Key::ColUseCase)}</th>
                            <th scope="col">{t(Key::ColPriority)}</th>
                            <th scope="col">{t(Key::ColStatus)}</th>
                            <th scope="col">{t(Key::ColFlags)}</th>
                        </tr></thead>
                        <tbody>{wanted_rows}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="report-evaluations">
            {heading(top + 1, Some("report-evaluations"), t(Key::ReportEvaluations).to_string())}
            {if has_sources {
                view! {
                    <table>
                        <thead><tr>
                            <th scope="col">{t(Key::ColWanted)}</th>
                            <th scope="col">{t(Key::ColSource)}</th>
                            <th scope="col">{t(Key::ColScore)}</th>
                            <th scope="col">{t(Key::ColVerdict)}</th>
                            <th scope="col">{t(Key::ColOverride)}</th>
                        </tr></thead>
                        <tbody>{evaluation_rows}</tbody>
                    </table>
                }.into_any()
            } else {
                view! { <p>{t(Key::NoneYet)}</p> }.into_any()
            }}
        </section>
        <section aria-labelledby="report-roadmap">
            {heading(top + 1, Some("report-roadmap"), t(Key::ReportRoadmap).to_string())}
            {if has_actions {
                view! {
                    <table>
                        <thead><tr>
                            <th scope="col">{t(Key::ColWanted)}</th>
                            <th scope="col">{t(Key::ColRoute)}</th>
                            <th scope="col">{t(Key::ColAction)}</th>
                            <th scope="col">{t(Key::ColOwner)}</th>
                            <th scope="col">{t(Key::ColDue)}</th>
                            <th scope="col">{t(Key::ColStatus)}</th>
                            <th scope="col">{t(Key::ColNextStep)}</th>
                        </tr></thead>
                        <tbody>{roadmap_rows}</tbody>
                    </table>
                }.into_any()
            } else {
                view! { <p>{t(Key::NoneYet)}</p> }.into_any()
            }}
        </section>
    }
}
