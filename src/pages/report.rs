//! The printable report: what a holder presents at the end of the workshop cycle. A print
//! stylesheet drops the navigation; the browser's print dialog makes the PDF. Its content
//! is `export::project_report`, which the Markdown export shows too.

use leptos::prelude::*;

use super::use_project;
use crate::browser;
use crate::components::{DataMapChart, VerdictBadge};
use crate::export::{project_report, Cell, Report, ReportSection, MAP_SECTION};
use crate::i18n::{Key, Lang};
use crate::state::{use_app, Handle};

#[component]
pub fn ReportPage() -> impl IntoView {
    let today = browser::today();
    let (app, project) = (use_app(), use_project());
    let made_on = move || {
        let lang = app.lang.get();
        let date = browser::format_day(today, lang);
        Key::ReportGenerated.fill(lang, &[("date", &date)])
    };
    let content = move || {
        let lang = app.lang.get();
        project.with(|p| report_view(project_report(p, lang, today), lang, 1))
    };
    view! {
        <div class="report">
            <p class="no-print">
                <button type="button" on:click=move |_| browser::print()>
                    {move || app.t(Key::PrintReport)}
                </button>
            </p>
            <p class="context">{made_on}</p>
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

/// The report, its title at heading level `top` (1 on the report page, 2 where a page shows
/// it under its own title, as a saved version does).
pub(super) fn report_view(report: Report, lang: Lang, top: u8) -> impl IntoView {
    let profile = report
        .profile
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    let progress = report
        .progress
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    let map = report.map;
    let sections = report
        .sections
        .into_iter()
        .map(|section| {
            let chart = (section.id == MAP_SECTION && !section.rows.is_empty()).then(|| {
                let map = map.clone();
                view! { <DataMapChart map=Signal::derive(move || map.clone())/> }
            });
            section_view(section, lang, top + 1, chart)
        })
        .collect_view();
    view! {
        {heading(top, None, report.title)}
        <section aria-labelledby="report-profile">
            {heading(top + 1, Some("report-profile"), Key::ReportProfile.text(lang).to_string())}
            <dl class="profile">{profile}</dl>
            <ul>{progress}</ul>
        </section>
        {sections}
    }
}

/// A section of the report: its heading, a chart if it has one, then its table.
fn section_view(
    section: ReportSection,
    lang: Lang,
    level: u8,
    chart: Option<impl IntoView>,
) -> impl IntoView {
    let ReportSection {
        id,
        heading: title,
        headers,
        row_header,
        rows,
    } = section;
    let table = if rows.is_empty() {
        view! { <p>{Key::NoneYet.text(lang)}</p> }.into_any()
    } else {
        let headers = headers
            .into_iter()
            .map(|h| view! { <th scope="col">{h}</th> })
            .collect_view();
        let rows = rows
            .into_iter()
            .map(|row| {
                let cells = row
                    .into_iter()
                    .enumerate()
                    .map(|(i, cell)| cell_view(cell, i == row_header, lang))
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <table>
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=id>
            {heading(level, Some(id), title.to_string())}
            {chart}
            {table}
        </section>
    }
}

fn cell_view(cell: Cell, row_header: bool, lang: Lang) -> AnyView {
    let content = match cell {
        Cell::Text(text) => text.into_any(),
        Cell::Verdict(verdict) => {
            view! { <VerdictBadge verdict=Signal::derive(move || verdict)/> }.into_any()
        }
        Cell::Date(Some(date)) => browser::format_day(date, lang).into_any(),
        Cell::Date(None) => "—".into_any(),
    };
    if row_header {
        view! { <th scope="row">{content}</th> }.into_any()
    } else {
        view! { <td>{content}</td> }.into_any()
    }
}
