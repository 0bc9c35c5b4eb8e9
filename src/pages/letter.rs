//! Phase 3: the letter that asks a producer to open a wanted dataset, drafted from the
//! project, and the follow-up of the request (when it was sent, when to follow it up).

use leptos::prelude::*;

use super::{found_in_project, or_not_found, use_project};
use crate::browser;
use crate::components::{offer, ButtonLink, FieldSource, TextField};
use crate::export::{letter_file, letter_gaps, request_letter};
use crate::i18n::{name_or, Key, Lang};
use crate::routes::{ActionParams, ProjectPage};
use crate::state::{use_app, ActionHandle, Handle, ProjectHandle};

/// The public service that sends requests for administrative documents and follows them.
pub const MADADA: &str = "https://madada.fr/";

#[component]
pub fn LetterPage() -> impl IntoView {
    let project = use_project();
    let found = found_in_project::<ActionParams>(|p| p.action, |p, id| p.action(id).is_some());
    or_not_found(found, move |action| {
        let wanted = project
            .with_untracked(|p| p.dataset_of_action(action).map(|d| d.id))
            .flatten()
            .unwrap_or_default();
        view! { <Letter project action=project.wanted(wanted).action(action)/> }
    })
}

#[component]
fn Letter(project: ProjectHandle, action: ActionHandle) -> impl IntoView {
    let app = use_app();
    // The letter's language is the producer's, not the screen's: French unless chosen.
    let letter_lang = RwSignal::new(Lang::Fr);
    let text = Memo::new(move |_| {
        let lang = letter_lang.get();
        let date = browser::format_day(browser::today(), lang);
        project
            .with(|p| {
                let dataset = p.dataset_of_action(action.id())?;
                Some(request_letter(p, dataset, lang, &date))
            })
            .flatten()
            .unwrap_or_default()
    });
    let heading = move || {
        let lang = app.lang.get();
        let (name, number) = project
            .with(|p| {
                let dataset = p.dataset_of_action(action.id())?;
                let number = dataset.actions.iter().position(|a| a.id == action.id())?;
                Some((dataset.name.clone(), number + 1))
            })
            .flatten()
            .unwrap_or_default();
        Key::LetterFor.fill(
            lang,
            &[
                ("wanted", &name_or(&name, Key::UntitledWanted, lang)),
                ("number", &number.to_string()),
            ],
        )
    };
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        copied.set(None);
        browser::copy_text(text.get_untracked(), move |ok| copied.set(Some(ok)));
    };
    let download = move |_| {
        let file = project
            .with_untracked(|p| letter_file(p, &text.get_untracked(), &browser::iso_today()));
        if let Some(file) = file {
            offer(app, file);
        }
    };
    view! {
        <h1 class="letter-page-title">{move || app.t(Key::LetterTitle)}</h1>
        <p class="meta letter-page-meta">{heading}</p>
        <p class="hint no-print">{move || app.t(Key::LetterIntro)}</p>
        <Gaps project action/>
        <div class="field no-print">
            <label for="letter-language">{move || app.t(Key::LetterLanguage)}</label>
            <p class="help" id="letter-language-help">{move || app.t(Key::LetterLanguageHelp)}</p>
            <select
                id="letter-language"
                aria-describedby="letter-language-help"
                on:change:target=move |ev| {
                    if let Some(lang) = Lang::from_tag(&ev.target().value()) {
                        letter_lang.set(lang);
                    }
                }
            >
                {Lang::ALL
                    .map(|lang| {
                        view! {
                            <option value=lang.tag() selected=move || letter_lang.get() == lang>
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <p class="actions no-print">
            <button type="button" on:click=copy>{move || app.t(Key::CopyLetter)}</button>
            <button type="button" class="secondary" on:click=move |_| browser::print()>
                {move || app.t(Key::PrintLetter)}
            </button>
            <button type="button" class="secondary" on:click=download>
                {move || app.t(Key::DownloadLetter)}
            </button>
        </p>
        <p class="no-print" role="status">
            {move || {
                copied
                    .get()
                    .map(|ok| app.t(if ok { Key::LetterCopied } else { Key::LetterCopyFailed }))
            }}
        </p>
        <article class="letter" data-testid="letter" lang=move || letter_lang.get().tag()>
            {move || text.with(|t| paragraphs(t))}
        </article>
        <Tracking action/>
        <p class="no-print">
            <ButtonLink href=project.href(ProjectPage::Roadmap) label=Key::BackToRoadmap secondary=true/>
        </p>
    }
}

/// The letter's paragraphs, each line a text node: user text is never markup.
fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(|paragraph| {
            let lines = paragraph
                .split('\n')
                .enumerate()
                .map(|(i, line)| {
                    let line = line.to_string();
                    view! { {(i > 0).then(|| view! { <br/> })} {line} }
                })
                .collect_view();
            view! { <p>{lines}</p> }
        })
        .collect_view()
}

/// What the project does not say yet, which the letter shows as placeholders.
#[component]
fn Gaps(project: ProjectHandle, action: ActionHandle) -> impl IntoView {
    let app = use_app();
    let gaps = Memo::new(move |_| {
        project
            .with(|p| {
                p.dataset_of_action(action.id())
                    .map(|dataset| letter_gaps(p, dataset))
            })
            .flatten()
            .unwrap_or_default()
    });
    move || {
        let lang = app.lang.get();
        gaps.with(|gaps| {
            (!gaps.is_empty()).then(|| {
                let fields = gaps
                    .iter()
                    .map(|gap| gap.label().text(lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <div class="notice notice-warning no-print" data-testid="letter-gaps">
                        <p>{Key::LetterMissing.fill(lang, &[("fields", &fields)])}</p>
                    </div>
                }
            })
        })
    }
}

/// When the request was sent, when to follow it up, and what the law makes of silence.
#[component]
fn Tracking(action: ActionHandle) -> impl IntoView {
    let app = use_app();
    let id = action.id();
    let deadlines = move || {
        let lang = app.lang.get();
        let deadlines = action.with(|a| a.request_deadlines()).flatten()?;
        Some(Key::RequestDeadlines.fill(
            lang,
            &[
                (
                    "refused",
                    &browser::format_day(deadlines.refused_from, lang),
                ),
                ("cada", &browser::format_day(deadlines.cada_until, lang)),
            ],
        ))
    };
    let suggestion = move || {
        let lang = app.lang.get();
        let date = action.with(|a| a.suggested_follow_up()).flatten()?;
        let label =
            Key::UseSuggestedFollowUp.fill(lang, &[("date", &browser::format_day(date, lang))]);
        let set = move |_| {
            action.edit(|a| a.follow_up = date.to_string());
        };
        Some(view! { <button type="button" class="secondary" on:click=set>{label}</button> })
    };
    view! {
        <section class="no-print" aria-labelledby="tracking-title">
            <h2 id="tracking-title">{move || app.t(Key::LetterTracking)}</h2>
            <div class="form-grid">
                <TextField id=format!("request-sent-{id}") label=Key::RequestSent input_type="date" value=action.text(|a| &a.request_sent) on_input=action.set_text(|a, v| a.request_sent = v)/>
                <TextField id=format!("follow-up-{id}") label=Key::FollowUp input_type="date" value=action.text(|a| &a.follow_up) on_input=action.set_text(|a, v| a.follow_up = v)/>
            </div>
            <p data-testid="request-deadlines">{deadlines}</p>
            <p>{suggestion}</p>
            <p class="help">
                <a href=MADADA target="_blank" rel="noopener noreferrer">
                    {move || app.t(Key::MadadaLink)} " " <span class="visually-hidden">{move || app.t(Key::NewTab)}</span>
                </a>
            </p>
        </section>
    }
}
