//! The data producers named across a workshop's projects, for the facilitator who brings
//! producers and project holders together: who is asked for what, most requested first,
//! names to merge, and a meeting sheet per producer where the answers are recorded.

use leptos::prelude::*;

use super::use_workshop;
use crate::browser;
use crate::components::offer;
use crate::export::meeting_sheet_file;
use crate::i18n::{Key, Label, Lang};
use crate::model::{producers, Answer, Choice, Producer, ProducerRequest};
use crate::state::{use_app, WorkshopHandle};

#[component]
pub fn ProducersPage() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let list = Memo::new(move |_| {
        workshop
            .with_projects(|ws, projects| producers(projects, &ws.producer_merges()))
            .unwrap_or_default()
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
                <ProducerCard producer sheet list/>
            </For>
        }
        .into_any(),
    }
}

#[component]
fn ProducerCard(
    producer: Producer,
    sheet: RwSignal<Option<String>>,
    list: Memo<Vec<Producer>>,
) -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let merge = merge_form(&producer, list, workshop);
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
        .map(|request| request_row(request, producer.key.clone(), workshop))
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
                            <th scope="col">{move || app.t(Key::AnswerLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{move || app.t(Key::ImprovementsTitle)}</h3>
            {improvements}
            {merge}
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

/// "Same producer as …": merges this producer with another the normalisation kept apart;
/// a producer made of merged names can be split again.
fn merge_form(
    producer: &Producer,
    list: Memo<Vec<Producer>>,
    workshop: WorkshopHandle,
) -> impl IntoView {
    let app = use_app();
    let key = producer.key.clone();
    let others = {
        let key = key.clone();
        move || {
            list.with(|l| {
                l.iter()
                    .filter(|p| p.key != key)
                    .map(|p| (p.key.clone(), p.display_name().to_string()))
                    .collect::<Vec<_>>()
            })
        }
    };
    let chosen = RwSignal::new(String::new());
    let select_id = format!("merge-{}", key.replace(' ', "-"));
    let names: Vec<String> = producer.names.iter().cloned().collect();
    let merged_here = workshop
        .with_untracked(|w| {
            let folded: Vec<String> = names
                .iter()
                .map(|n| crate::model::normalise_name(n))
                .collect();
            w.merged_names
                .iter()
                .any(|m| folded.contains(&m.a) || folded.contains(&m.b))
        })
        .unwrap_or(false);
    let shown = producer.display_name().to_string();
    let shown_name = shown.clone();
    let do_merge = move |_| {
        let other = chosen.get_untracked();
        if other.is_empty() {
            return;
        }
        let other_name = list.with_untracked(|l| {
            l.iter()
                .find(|p| p.key == other)
                .map(|p| p.display_name().to_string())
        });
        let key = key.clone();
        workshop.edit(|w| w.merge_names(&key, &other));
        let lang = app.lang.get_untracked();
        let b = other_name.unwrap_or(other);
        app.show_toast(Key::Merged.fill(lang, &[("a", &shown), ("b", &b)]), None);
    };
    let split = move |_| {
        let names = names.clone();
        workshop.edit(|w| w.split_names(&names));
    };
    view! {
        <div class="merge-producer no-print">
            <div class="field inline-field">
                <label for=select_id.clone()>{move || app.t(Key::MergeWith)}</label>
                <select id=select_id on:change:target=move |ev| chosen.set(ev.target().value())>
                    <option value="" selected=true>{move || app.t(Key::MergeChoose)}</option>
                    {move || {
                        others()
                            .into_iter()
                            .map(|(k, name)| view! { <option value=k>{name}</option> })
                            .collect_view()
                    }}
                </select>
                <button type="button" class="secondary" on:click=do_merge>
                    {move || app.t(Key::MergeButton)}
                    <span class="visually-hidden">" " {shown_name.clone()}</span>
                </button>
            </div>
            {merged_here.then(|| view! {
                <button type="button" class="secondary" on:click=split>{move || app.t(Key::SplitProducer)}</button>
            })}
        </div>
    }
}

fn request_row(
    request: ProducerRequest,
    producer: String,
    workshop: WorkshopHandle,
) -> impl IntoView {
    let app = use_app();
    let number = |n: Option<u8>| n.map_or_else(|| "—".to_string(), |n| n.to_string());
    let verdict = request.verdict;
    let (project, wanted) = (request.project, request.wanted);
    let answer = move || {
        workshop
            .with(|w| w.answer(&producer, project, wanted).and_then(|a| a.answer))
            .flatten()
            .map_or("—", |a| a.label().text(app.lang.get()))
    };
    view! {
        <tr>
            <td>{request.project_name}</td>
            <td>{request.wanted_name}</td>
            <td>{number(request.value)}</td>
            <td>{number(request.availability)}</td>
            <td>{move || verdict.map_or("—", |v| v.label().text(app.lang.get()))}</td>
            <td>{answer}</td>
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
    let agenda = agenda(&producer, app.lang, use_workshop());
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

fn agenda(producer: &Producer, lang: RwSignal<Lang>, workshop: WorkshopHandle) -> impl IntoView {
    let key = producer.key.clone();
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
            let answers = item
                .requests
                .iter()
                .map(|r| answer_fields(r, key.clone(), workshop))
                .collect_view();
            view! {
                <section class="agenda-item">
                    <h2>{item.dataset.to_string()}</h2>
                    <p>{requested}</p>
                    <h3>{move || Key::ImprovementsTitle.text(lang.get())}</h3>
                    {improvements}
                    <p class="answer"><strong>{move || Key::MeetingAnswer.text(lang.get())}</strong></p>
                    {answers}
                </section>
            }
        })
        .collect_view()
}

/// The producer's answer about one request, recorded after the meeting (empty on paper).
fn answer_fields(
    request: &ProducerRequest,
    producer: String,
    workshop: WorkshopHandle,
) -> impl IntoView {
    let app = use_app();
    let (project, wanted) = (request.project, request.wanted);
    let base = format!("answer-{project}-{wanted}");
    let (select_id, note_id) = (format!("{base}-choice"), format!("{base}-note"));
    let read = {
        let producer = producer.clone();
        move || {
            workshop
                .with(|w| w.answer(&producer, project, wanted).cloned())
                .flatten()
                .unwrap_or_default()
        }
    };
    let read_note = read.clone();
    let read_none = read.clone();
    let (set_producer, note_producer) = (producer.clone(), producer);
    let project_name = request.project_name.clone();
    view! {
        <fieldset class="answer-fields">
            <legend>{project_name}</legend>
            <div class="field">
                <label for=select_id.clone()>{move || app.t(Key::AnswerLabel)}</label>
                <select
                    id=select_id
                    on:change:target=move |ev| {
                        let answer = Answer::from_slug(&ev.target().value());
                        workshop.edit(|w| w.set_answer(&set_producer, project, wanted, answer));
                    }
                >
                    <option value="" selected=move || read_none().answer.is_none()>{move || app.t(Key::AnswerNotYet)}</option>
                    {Answer::ALL
                        .iter()
                        .map(|&a| {
                            let read = read.clone();
                            view! {
                                <option value=a.slug() selected=move || read().answer == Some(a)>
                                    {move || app.t(a.label())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=note_id.clone()>{move || app.t(Key::AnswerNote)}</label>
                <input
                    type="text"
                    id=note_id
                    prop:value=move || read_note().note
                    on:input:target=move |ev| {
                        let note = ev.target().value();
                        workshop.edit(|w| w.set_answer_note(&note_producer, project, wanted, note));
                    }
                />
            </div>
        </fieldset>
    }
}
