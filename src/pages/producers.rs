//! The data producers named across the projects in this browser, for the facilitator who
//! gathers participants' files and brings producers and project holders together: who is
//! asked for what, most requested first, and a meeting sheet per producer.

use leptos::prelude::*;

use crate::browser;
use crate::components::offer;
use crate::export::meeting_sheet_file;
use crate::i18n::{Key, Label, Lang};
use crate::model::{producers, Producer, ProducerMerges, ProducerRequest};
use crate::state::use_app;

#[component]
pub fn ProducersPage() -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        app.with_workspace(|w| {
            let projects: Vec<_> = w.projects.iter().collect();
            producers(&projects, &ProducerMerges::default())
        })
    });
    // The producer whose meeting sheet is open; the list is hidden meanwhile, so that the
    // sheet prints alone.
    let sheet = RwSignal::new(None::<String>);
    let open = move || {
        let key = sheet.get()?;
        list.with(|l| l.iter().find(|p| p.key == key).cloned())
    };
    move || match open() {
        Some(producer) => view! { <MeetingSheet producer sheet/> }.into_any(),
        None => view! {
            <h1>{move || app.t(Key::ProducersTitle)}</h1>
            <p class="hint">{move || app.t(Key::ProducersIntro)}</p>
            <Show when=move || list.with(Vec::is_empty)>
                <p>{move || app.t(Key::NoProducers)}</p>
            </Show>
            // Keyed by content: a card follows its producer when another tab or an import
            // changes its requests.
            <For each=move || list.get() key=|p| p.clone() let:producer>
                <ProducerCard producer sheet/>
            </For>
        }
        .into_any(),
    }
}

#[component]
fn ProducerCard(producer: Producer, sheet: RwSignal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let id = format!("producer-{}", producer.key.replace(' ', "-"));
    let labelled_by = id.clone();
    let key = producer.key.clone();
    let counts = counts(&producer);
    let spellings = (producer.names.len() > 1).then(|| {
        let shown = producer.display_name();
        let names = producer
            .names
            .iter()
            .filter(|n| *n != shown)
            .cloned()
            .collect::<Vec<_>>();
        move || Key::ProducerSpellings.fill(app.lang.get(), &[("names", &names.join(", "))])
    });
    let rows = producer
        .requests
        .iter()
        .cloned()
        .map(request_row)
        .collect_view();
    let improvements = improvements(producer.problems().into_iter().collect());
    view! {
        <article class="card producer" aria-labelledby=labelled_by data-testid="producer">
            <h2 id=id>{producer.display_name().to_string()}</h2>
            <p class="meta">{counts} {spellings.map(|s| view! { <br/> {s} })}</p>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t(Key::ColProject)}</th>
                            <th scope="col">{move || app.t(Key::ColWanted)}</th>
                            <th scope="col">{move || app.t(Key::ColValue)}</th>
                            <th scope="col">{move || app.t(Key::ColAvailability)}</th>
                            <th scope="col">{move || app.t(Key::ColVerdict)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{move || app.t(Key::ImprovementsTitle)}</h3>
            {improvements}
            <p>
                <button type="button" class="secondary" on:click=move |_| sheet.set(Some(key.clone()))>
                    {move || app.t(Key::OpenMeetingSheet)}
                    <span class="visually-hidden">" " {producer.display_name().to_string()}</span>
                </button>
            </p>
        </article>
    }
}

fn counts(producer: &Producer) -> impl Fn() -> String + use<> {
    let app = use_app();
    let (requests, projects) = (producer.requests.len(), producer.project_count());
    move || {
        Key::ProducerCounts.fill(
            app.lang.get(),
            &[
                ("requests", &requests.to_string()),
                ("projects", &projects.to_string()),
            ],
        )
    }
}

fn request_row(request: ProducerRequest) -> impl IntoView {
    let app = use_app();
    let number = |n: Option<u8>| n.map_or_else(|| "—".to_string(), |n| n.to_string());
    let verdict = request.verdict;
    view! {
        <tr>
            <td>{request.project_name}</td>
            <td>{request.wanted_name}</td>
            <td>{number(request.value)}</td>
            <td>{number(request.availability)}</td>
            <td>{move || verdict.map_or("—", |v| v.label().text(app.lang.get()))}</td>
        </tr>
    }
}

fn improvements(problems: Vec<crate::model::Problem>) -> impl IntoView {
    let app = use_app();
    if problems.is_empty() {
        return view! { <p>{move || app.t(Key::NoImprovement)}</p> }.into_any();
    }
    let items = problems
        .into_iter()
        .map(|p| view! { <li>{move || app.t(p.label())}</li> })
        .collect_view();
    view! { <ul>{items}</ul> }.into_any()
}

/// The agenda of one producer's meeting, printable on A4 and as Markdown.
#[component]
fn MeetingSheet(producer: Producer, sheet: RwSignal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let title = {
        let name = producer.display_name().to_string();
        move || Key::MeetingSheetTitle.fill(app.lang.get(), &[("producer", &name)])
    };
    let download = {
        let producer = producer.clone();
        move |_| {
            let lang = app.lang.get_untracked();
            offer(
                app,
                meeting_sheet_file(&producer, lang, &browser::iso_today()),
            );
        }
    };
    let agenda = agenda(&producer, app.lang);
    view! {
        <h1>{title}</h1>
        <p class="meta">{counts(&producer)}</p>
        <p class="hint no-print">{move || app.t(Key::MeetingIntro)}</p>
        <p class="actions no-print">
            <button type="button" on:click=move |_| browser::print()>{move || app.t(Key::PrintMeetingSheet)}</button>
            <button type="button" class="secondary" on:click=download>{move || app.t(Key::DownloadMeetingSheet)}</button>
            <button type="button" class="secondary" on:click=move |_| sheet.set(None)>{move || app.t(Key::BackToProducers)}</button>
        </p>
        <div class="meeting-sheet" data-testid="meeting-sheet">{agenda}</div>
    }
}

fn agenda(producer: &Producer, lang: RwSignal<Lang>) -> impl IntoView {
    producer
        .agenda()
        .into_iter()
        .map(|item| {
            let projects = item
                .requests
                .iter()
                .map(|r| r.project_name.clone())
                .collect::<Vec<_>>()
                .join(", ");
            let requested = move || Key::MeetingRequestedBy.fill(lang.get(), &[("projects", &projects)]);
            let improvements = improvements(item.problems().into_iter().collect());
            view! {
                <section class="agenda-item">
                    <h2>{item.dataset.to_string()}</h2>
                    <p>{requested}</p>
                    <h3>{move || Key::ImprovementsTitle.text(lang.get())}</h3>
                    {improvements}
                    <p class="answer"><strong>{move || Key::MeetingAnswer.text(lang.get())}</strong></p>
                </section>
            }
        })
        .collect_view()
}
