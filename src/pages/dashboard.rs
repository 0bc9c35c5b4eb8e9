//! The project dashboard: progress, the data potential, action statuses, what is missing.

use leptos::prelude::*;
use uuid::Uuid;

use super::use_project;
use crate::browser;
use crate::components::{DataMapChart, StepNav, VerdictBadge};
use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{Choice, Dashboard, Project, Verdict};
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle, ProjectHandle};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let app = use_app();
    let project = use_project();
    let today = browser::today();
    let data = Memo::new(move |_| project.with(|p| p.dashboard(today)).unwrap_or_default());
    view! {
        <h1>{move || app.t(Key::DashboardTitle)}</h1>
        <section aria-labelledby="progress-title">
            <h2 id="progress-title">{move || app.t(Key::DashboardProgress)}</h2>
            <StepNav project/>
        </section>
        <div class="dashboard-grid">
            <section aria-labelledby="potential-title" class="card">
                <h2 id="potential-title">{move || app.t(Key::PotentialTitle)}</h2>
                {move || potential(&data.get(), app.lang.get())}
            </section>
            <section aria-labelledby="statuses-title" class="card">
                <h2 id="statuses-title">{move || app.t(Key::ReportRoadmap)}</h2>
                {move || statuses(&data.get(), app.lang.get())}
            </section>
        </div>
        <section aria-labelledby="map-title" class="card">
            <h2 id="map-title">
                <a href=project.href(ProjectPage::DataMap)>{move || app.t(Key::DataMapTitle)}</a>
            </h2>
            <DataMapChart map=Signal::derive(move || project.with(|p| p.data_map()).unwrap_or_default()) compact=true/>
        </section>
        <section aria-labelledby="missing-title" class="card">
            <h2 id="missing-title">{move || app.t(Key::MissingTitle)}</h2>
            <Missing project data/>
        </section>
    }
}

/// The final verdicts as a bar (for the eye) and a table (for everyone).
fn potential(d: &Dashboard, lang: Lang) -> impl IntoView {
    let counts: Vec<(Option<Verdict>, usize)> = d
        .verdicts
        .iter()
        .map(|&(v, n)| (Some(v), n))
        .chain(std::iter::once((None, d.no_verdict)))
        .collect();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let segments = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|&(v, n)| {
            let class = format!("segment verdict-{}", v.map_or("none", Choice::slug));
            let width = format!("{:.1}%", n as f64 * 100.0 / total as f64);
            view! { <span class=class style:width=width></span> }
        })
        .collect_view();
    let rows = counts
        .into_iter()
        .map(|(v, n)| {
            view! {
                <tr>
                    <th scope="row"><VerdictBadge verdict=Signal::derive(move || v)/></th>
                    <td>{n}</td>
                </tr>
            }
        })
        .collect_view();
    let t = |key: Key| key.text(lang);
    view! {
        <div class="potential-bar" aria-hidden="true">{segments}</div>
        <table class="counts">
            <caption>{t(Key::PotentialCaption)}</caption>
            <thead><tr><th scope="col">{t(Key::ColVerdict)}</th><th scope="col">{t(Key::CountCol)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A table of counts: what is counted (a caption, a column name) and each line's count.
fn counts(lang: Lang, caption: Key, what: Key, lines: Vec<(Key, usize)>) -> impl IntoView {
    let t = |key: Key| key.text(lang);
    let rows = lines
        .into_iter()
        .map(|(name, n)| view! { <tr><th scope="row">{t(name)}</th><td>{n}</td></tr> })
        .collect_view();
    view! {
        <table class="counts">
            <caption>{t(caption)}</caption>
            <thead><tr><th scope="col">{t(what)}</th><th scope="col">{t(Key::CountCol)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Actions by status and by horizon (the open ones: what the ten actions look like now),
/// and how many are overdue.
fn statuses(d: &Dashboard, lang: Lang) -> impl IntoView {
    let by_status = d.statuses.iter().map(|&(s, n)| (s.label(), n)).collect();
    let by_horizon = d
        .horizons
        .iter()
        .map(|&(h, n)| (h.map_or(Key::HorizonNone, |h| h.label()), n))
        .collect();
    view! {
        {counts(lang, Key::StatusCounts, Key::ActionStatusLabel, by_status)}
        <p class="overdue-count">{Key::OverdueCount.fill(lang, &[("count", &d.overdue.to_string())])}</p>
        {counts(lang, Key::HorizonCounts, Key::HorizonLabel, by_horizon)}
    }
}

/// A link to something still to do.
#[derive(Clone, Debug, PartialEq)]
struct MissingItem {
    text: String,
    href: String,
}

/// The three "still missing" lists, each item a link to where it is done.
fn missing_lists(
    p: &Project,
    d: &Dashboard,
    project: ProjectHandle,
    lang: Lang,
) -> Vec<(Key, Vec<MissingItem>)> {
    let name = |id: Uuid| {
        p.wanted(id)
            .map(|w| w.display_name(lang))
            .unwrap_or_default()
    };
    let sources = |wanted: Uuid| project.href(ProjectPage::WantedSources(wanted));
    let without_source = d
        .without_source
        .iter()
        .map(|&id| MissingItem {
            text: name(id),
            href: sources(id),
        })
        .collect();
    let not_evaluated = d
        .sources_not_evaluated
        .iter()
        .map(|&(wanted, source)| {
            let title = p
                .wanted(wanted)
                .and_then(|w| w.source(source))
                .map(|s| s.display_name(lang))
                .unwrap_or_default();
            MissingItem {
                text: Key::SourceOf.fill(lang, &[("source", &title), ("wanted", &name(wanted))]),
                href: sources(wanted),
            }
        })
        .collect();
    let without_action = d
        .without_action
        .iter()
        .map(|&id| MissingItem {
            text: name(id),
            href: project.href(ProjectPage::Roadmap),
        })
        .collect();
    vec![
        (Key::MissingSources, without_source),
        (Key::MissingEvaluations, not_evaluated),
        (Key::MissingActions, without_action),
    ]
}

#[component]
fn Missing(project: ProjectHandle, data: Memo<Dashboard>) -> impl IntoView {
    let app = use_app();
    move || {
        let lang = app.lang.get();
        if project.with(|p| p.wanted.is_empty()).unwrap_or(true) {
            return view! { <p>{Key::MissingNoWanted.text(lang)}</p> }.into_any();
        }
        if data.with(Dashboard::is_complete) {
            return view! { <p>{Key::NothingMissingAll.text(lang)}</p> }.into_any();
        }
        let lists = data
            .with(|d| project.with(|p| missing_lists(p, d, project, lang)))
            .unwrap_or_default();
        lists
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(title, items)| {
                let links = items
                    .into_iter()
                    .map(|item| view! { <li><a href=item.href>{item.text}</a></li> })
                    .collect_view();
                view! {
                    <h3>{title.text(lang)}</h3>
                    <ul>{links}</ul>
                }
            })
            .collect_view()
            .into_any()
    }
}
