//! The project dashboard: progress, the data potential, action statuses, what is missing.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use super::{use_route_project, NotFound};
use crate::browser;
use crate::components::{source_title, StepNav, VerdictBadge};
use crate::i18n::{Key, Label};
use crate::model::Choice;
use crate::state::use_app;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let project = use_route_project();
    move || match project.get() {
        Some(id) => view! { <Dashboard project=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn Dashboard(project: Uuid) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let data = Memo::new(move |_| {
        app.workspace
            .with(|w| w.project(project).map(|p| p.dashboard(today)))
            .unwrap_or_default()
    });
    let project_name = move || {
        app.workspace
            .with(|w| w.project(project).map(|p| p.name.clone()))
            .unwrap_or_default()
    };
    // Names for the "missing" lists, looked up when they are drawn.
    let wanted_name = move |id: Uuid| {
        app.workspace
            .with(|w| {
                w.project(project)?
                    .wanted(id)
                    .map(|d| d.name.trim().to_string())
            })
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| app.t(Key::UntitledWanted).to_string())
    };
    let sources_link = move |wanted: Uuid| format!("/project/{project}/wanted/{wanted}/sources");

    let potential = move || {
        let d = data.get();
        let total: usize = d.verdicts.iter().map(|(_, n)| n).sum::<usize>() + d.no_verdict;
        let share = |n: usize| {
            if total == 0 {
                0.0
            } else {
                n as f64 * 100.0 / total as f64
            }
        };
        let segments = d
            .verdicts
            .iter()
            .map(|&(v, n)| (Some(v), n))
            .chain(std::iter::once((None, d.no_verdict)))
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| {
                let class = format!("segment verdict-{}", v.map_or("none", Choice::slug));
                view! { <span class=class style:width=format!("{:.1}%", share(n))></span> }
            })
            .collect_view();
        let rows = d
            .verdicts
            .iter()
            .map(|&(v, n)| (Some(v), n))
            .chain(std::iter::once((None, d.no_verdict)))
            .map(|(v, n)| {
                view! {
                    <tr>
                        <th scope="row"><VerdictBadge verdict=Signal::derive(move || v)/></th>
                        <td>{n}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="potential-bar" aria-hidden="true">{segments}</div>
            <table class="counts">
                <caption>{app.t(Key::PotentialCaption)}</caption>
                <thead><tr><th scope="col">{app.t(Key::ColVerdict)}</th><th scope="col">{app.t(Key::CountCol)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    let statuses = move || {
        let d = data.get();
        let lang = app.lang.get();
        let rows = d
            .statuses
            .iter()
            .map(|&(s, n)| view! { <tr><th scope="row">{s.label().text(lang)}</th><td>{n}</td></tr> })
            .collect_view();
        view! {
            <table class="counts">
                <caption>{Key::StatusCounts.text(lang)}</caption>
                <thead><tr><th scope="col">{Key::ActionStatusLabel.text(lang)}</th><th scope="col">{Key::CountCol.text(lang)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="overdue-count">{Key::OverdueCount.fill(lang, &[("count", &d.overdue.to_string())])}</p>
        }
    };
    let missing = move || {
        let d = data.get();
        let lang = app.lang.get();
        let no_wanted = app
            .workspace
            .with(|w| w.project(project).is_none_or(|p| p.wanted.is_empty()));
        if no_wanted {
            return view! { <p>{Key::MissingNoWanted.text(lang)}</p> }.into_any();
        }
        if d.is_complete() {
            return view! { <p>{Key::NothingMissingAll.text(lang)}</p> }.into_any();
        }
        let list = |title: Key, items: Vec<(String, String)>| {
            (!items.is_empty()).then(|| {
                view! {
                    <h3>{title.text(lang)}</h3>
                    <ul>
                        {items.into_iter().map(|(text, href)| view! { <li><A href=href>{text}</A></li> }).collect_view()}
                    </ul>
                }
            })
        };
        let without_source = d
            .without_source
            .iter()
            .map(|&id| (wanted_name(id), sources_link(id)))
            .collect();
        let not_evaluated = d
            .sources_not_evaluated
            .iter()
            .map(|&(wanted, source)| {
                let title = app
                    .workspace
                    .with(|w| {
                        w.project(project)?
                            .wanted(wanted)?
                            .source(source)
                            .map(|s| source_title(s, lang))
                    })
                    .unwrap_or_default();
                (
                    Key::SourceOf.fill(
                        lang,
                        &[("source", &title), ("wanted", &wanted_name(wanted))],
                    ),
                    sources_link(wanted),
                )
            })
            .collect();
        let without_action = d
            .without_action
            .iter()
            .map(|&id| (wanted_name(id), format!("/project/{project}/roadmap")))
            .collect();
        view! {
            {list(Key::MissingSources, without_source)}
            {list(Key::MissingEvaluations, not_evaluated)}
            {list(Key::MissingActions, without_action)}
        }
        .into_any()
    };
    view! {
        <p class="context">{project_name}</p>
        <h1>{move || app.t(Key::DashboardTitle)}</h1>
        <section aria-labelledby="progress-title">
            <h2 id="progress-title">{move || app.t(Key::DashboardProgress)}</h2>
            <StepNav project/>
        </section>
        <div class="dashboard-grid">
            <section aria-labelledby="potential-title" class="card">
                <h2 id="potential-title">{move || app.t(Key::PotentialTitle)}</h2>
                {potential}
            </section>
            <section aria-labelledby="statuses-title" class="card">
                <h2 id="statuses-title">{move || app.t(Key::ReportRoadmap)}</h2>
                {statuses}
            </section>
        </div>
        <section aria-labelledby="missing-title" class="card">
            <h2 id="missing-title">{move || app.t(Key::MissingTitle)}</h2>
            {missing}
        </section>
    }
}
