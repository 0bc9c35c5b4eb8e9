//! "Search the catalogues" on a dataset's sources page: data.gouv.fr or data.europa.eu. The
//! query goes to the catalogue the screen names, only when the holder presses Search; a result becomes a candidate source
//! with the criteria its metadata answers filled and marked. Answers are cached for the
//! session, and every failure says what happened and how to go on by hand.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::{self, FetchProblem};
use crate::i18n::{Key, Label};
use crate::model::{
    AnswerError, CandidateSource, Catalogue, CatalogueRecord, Choice, Format, Frequency,
    LicenceTitles, SearchPage,
};
use crate::state::{use_app, Handle, WantedHandle};

/// How long a catalogue has to answer.
const TIMEOUT_MS: i32 = 10_000;

thread_local! {
    /// Answers already received this session, by address.
    static ANSWERS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// data.gouv.fr's licence titles, once read this session.
    static LICENCE_TITLES: RefCell<Option<LicenceTitles>> = const { RefCell::new(None) };
}

/// Why a search or a record gave nothing.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Failure {
    Fetch(FetchProblem),
    Answer(AnswerError),
}

/// The answer at `url`, from this session's cache unless `fresh` is asked for.
pub(super) async fn get(url: String, fresh: bool) -> Result<String, Failure> {
    if let Some(text) = ANSWERS
        .with(|a| a.borrow().get(&url).cloned())
        .filter(|_| !fresh)
    {
        return Ok(text);
    }
    let text = browser::fetch_elsewhere(&url, TIMEOUT_MS)
        .await
        .map_err(Failure::Fetch)?;
    ANSWERS.with(|a| a.borrow_mut().insert(url, text.clone()));
    Ok(text)
}

#[derive(Clone, Debug, PartialEq)]
enum SearchState {
    Idle,
    Searching,
    Found(SearchPage),
    Failed(Failure),
}

#[component]
pub fn CatalogueSearch(dataset: WantedHandle) -> impl IntoView {
    let app = use_app();
    let catalogue = RwSignal::new(Catalogue::DataGouv);
    let query = RwSignal::new(
        dataset
            .with_untracked(|d| d.name.trim().to_string())
            .unwrap_or_default(),
    );
    let state = RwSignal::new(SearchState::Idle);
    let titles = RwSignal::new(
        LICENCE_TITLES
            .with(|t| t.borrow().clone())
            .unwrap_or_default(),
    );
    // After a "wait" answer, no search before this time (ms).
    let wait_until = RwSignal::new(0_i64);
    let id = dataset.id();
    let search = move |page: u32| {
        let text = query.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        // Still asked to wait: said again, with the seconds left, rather than ignored.
        let left = wait_until.get_untracked() - browser::now_ms();
        if left > 0 {
            let seconds = u32::try_from((left + 999) / 1_000).unwrap_or(u32::MAX);
            state.set(SearchState::Failed(Failure::Fetch(FetchProblem::Busy(
                seconds,
            ))));
            return;
        }
        state.set(SearchState::Searching);
        let catalogue = catalogue.get_untracked();
        let lang = app.lang.get_untracked().tag();
        fetch_licence_titles(catalogue, titles);
        leptos::task::spawn_local(async move {
            let answer = get(catalogue.search_url(&text, page), false).await;
            let read =
                answer.and_then(|t| catalogue.read_page(&t, page, lang).map_err(Failure::Answer));
            if let Err(Failure::Fetch(FetchProblem::Busy(seconds))) = &read {
                wait_until.try_set(browser::now_ms() + i64::from(*seconds) * 1_000);
            }
            // `try_set`: the holder may have left the page before the answer came.
            state.try_set(match read {
                Ok(page) => SearchState::Found(page),
                Err(failure) => SearchState::Failed(failure),
            });
        });
    };
    let help =
        move || Key::CatalogueSearchHelp.fill(app.lang.get(), &[("host", catalogue.get().host())]);
    let query_id = format!("catalogue-query-{id}");
    let help_id = format!("catalogue-help-{id}");
    let results = move || match state.get() {
        SearchState::Idle => None,
        SearchState::Searching => {
            Some(view! { <p role="status">{move || app.t(Key::Searching)}</p> }.into_any())
        }
        SearchState::Failed(failure) => Some(
            failure_notice(failure, catalogue.get_untracked(), query.get_untracked()).into_any(),
        ),
        SearchState::Found(page) => {
            Some(results_view(page, catalogue.get_untracked(), dataset, titles, search).into_any())
        }
    };
    view! {
        <section class="card catalogue-search no-print" aria-labelledby=format!("catalogue-title-{id}") data-testid="catalogue-search">
            <h2 id=format!("catalogue-title-{id}")>{move || app.t(Key::CatalogueSearchTitle)}</h2>
            <p class="hint" id=help_id.clone()>{help}</p>
            <form
                class="inline-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    search(1);
                }
            >
                <div class="field">
                    <label for=query_id.clone()>{move || app.t(Key::CatalogueQuery)}</label>
                    <input
                        type="search"
                        id=query_id
                        aria-describedby=help_id
                        prop:value=move || query.get()
                        on:input:target=move |ev| query.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for=format!("catalogue-choice-{id}")>{move || app.t(Key::CatalogueLabel)}</label>
                    <select
                        id=format!("catalogue-choice-{id}")
                        on:change:target=move |ev| {
                            if let Some(chosen) = Catalogue::from_slug(&ev.target().value()) {
                                catalogue.set(chosen);
                                state.set(SearchState::Idle);
                            }
                        }
                    >
                        {Catalogue::ALL
                            .iter()
                            .map(|&c| view! {
                                <option value=c.slug() selected=move || catalogue.get() == c>{c.name()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" disabled=move || state.with(|s| *s == SearchState::Searching)>
                    {move || app.t(Key::SearchButton)}
                </button>
            </form>
            <div aria-live="polite">{results}</div>
        </section>
    }
}

/// With a search on data.gouv.fr, its licence list is read once a session, so that the
/// results name licences the app's table does not know; until then, or offline, the titles
/// shipped with the app.
fn fetch_licence_titles(catalogue: Catalogue, titles: RwSignal<LicenceTitles>) {
    let Some(url) = catalogue.licences_url() else {
        return;
    };
    if LICENCE_TITLES.with(|t| t.borrow().is_some()) {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut read = LicenceTitles::default();
        if let Ok(()) = get(url.to_string(), false)
            .await
            .and_then(|text| read.read_udata(&text).map_err(Failure::Answer))
        {
            LICENCE_TITLES.with(|t| *t.borrow_mut() = Some(read.clone()));
            titles.try_set(read);
        }
    });
}

pub(super) fn failure_notice(
    failure: Failure,
    catalogue: Catalogue,
    query: String,
) -> impl IntoView {
    let app = use_app();
    let name = catalogue.name();
    let message = move || {
        let lang = app.lang.get();
        let with = |key: Key| key.fill(lang, &[("catalogue", name)]);
        match &failure {
            Failure::Fetch(FetchProblem::Offline) => with(Key::CatalogueOffline),
            Failure::Fetch(FetchProblem::Network) => with(Key::CatalogueNetwork),
            Failure::Fetch(FetchProblem::Timeout) => with(Key::CatalogueTimeout),
            Failure::Fetch(FetchProblem::Busy(seconds)) => Key::CatalogueBusy.fill(
                lang,
                &[("catalogue", name), ("seconds", &seconds.to_string())],
            ),
            Failure::Fetch(FetchProblem::Http(status)) => Key::CatalogueHttp.fill(
                lang,
                &[("catalogue", name), ("status", &status.to_string())],
            ),
            Failure::Answer(_) => with(Key::CatalogueUnexpected),
        }
    };
    let site = catalogue.site_search_url(&query);
    view! {
        <div class="notice notice-error" role="alert" data-testid="catalogue-error">
            <p>{message}</p>
            <p>
                <a href=site target="_blank" rel="noopener noreferrer">
                    {move || Key::SearchOnSite.fill(app.lang.get(), &[("catalogue", name)])}
                </a>
            </p>
        </div>
    }
}

fn results_view(
    page: SearchPage,
    catalogue: Catalogue,
    dataset: WantedHandle,
    titles: RwSignal<LicenceTitles>,
    search: impl Fn(u32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let (number, total, has_next) = (page.page, page.total, page.has_next);
    let summary = move || {
        Key::CatalogueResults.fill(
            app.lang.get(),
            &[
                ("total", &total.to_string()),
                ("catalogue", catalogue.name()),
                ("page", &number.to_string()),
            ],
        )
    };
    if page.records.is_empty() {
        return view! { <p>{move || app.t(Key::NoCatalogueResults)}</p> }.into_any();
    }
    let items = page
        .records
        .into_iter()
        .map(|record| view! { <ResultItem record catalogue dataset titles/> })
        .collect_view();
    view! {
        <p>{summary}</p>
        <ul class="catalogue-results" data-testid="catalogue-results">{items}</ul>
        <p class="actions">
            <Show when=move || { number > 1 }>
                <button type="button" class="secondary" on:click=move |_| search(number - 1)>
                    {move || app.t(Key::PreviousPage)}
                </button>
            </Show>
            <Show when=move || has_next>
                <button type="button" class="secondary" on:click=move |_| search(number + 1)>
                    {move || app.t(Key::NextPage)}
                </button>
            </Show>
        </p>
    }
    .into_any()
}

#[component]
fn ResultItem(
    record: CatalogueRecord,
    catalogue: Catalogue,
    dataset: WantedHandle,
    titles: RwSignal<LicenceTitles>,
) -> impl IntoView {
    let app = use_app();
    let failure = RwSignal::new(None::<Failure>);
    let busy = RwSignal::new(false);
    let meta = {
        let record = record.clone();
        move || {
            let lang = app.lang.get();
            let not_said = Key::NotSaid.text(lang);
            let or = |text: &str| {
                if text.is_empty() {
                    not_said.to_string()
                } else {
                    text.to_string()
                }
            };
            let formats: Vec<&str> = record
                .formats
                .iter()
                .map(|f: &Format| f.label().text(lang))
                .collect();
            let frequency = match record.frequency {
                Frequency::Unspecified => not_said,
                f => f.label().text(lang),
            };
            Key::ResultMeta.fill(
                lang,
                &[
                    ("producer", &or(&record.producer)),
                    ("licence", &titles.with(|t| or(record.licence_title(t)))),
                    ("formats", &or(&formats.join(", "))),
                    ("updated", &or(&record.last_update)),
                    ("frequency", frequency),
                ],
            )
        }
    };
    let coverage = [record.spatial.clone(), record.temporal.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let coverage = (!coverage.is_empty())
        .then_some(move || Key::ResultCoverage.fill(app.lang.get(), &[("coverage", &coverage)]));
    let score = record
        .quality_score
        .map(|s| move || Key::ResultQuality.fill(app.lang.get(), &[("score", &s.to_string())]));
    let link = (!record.page.is_empty()).then(|| {
        let page = record.page.clone();
        view! {
            <a href=page target="_blank" rel="noopener noreferrer">
                {move || Key::SeeOnCatalogue.fill(app.lang.get(), &[("catalogue", catalogue.name())])}
            </a>
        }
    });
    let title = record.title.clone();
    let add = {
        let catalogue_id = record.catalogue_id.clone();
        move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            failure.set(None);
            let url = catalogue.record_url(&catalogue_id);
            leptos::task::spawn_local(async move {
                let lang = app.lang.get_untracked().tag();
                let read = get(url, false)
                    .await
                    .and_then(|t| catalogue.read_record(&t, lang).map_err(Failure::Answer));
                busy.try_set(false);
                match read {
                    Ok(record) => {
                        let source = CandidateSource::from_record(
                            Uuid::new_v4(),
                            &record,
                            catalogue,
                            browser::now_ms(),
                        );
                        let added = dataset.add_filled_source(source);
                        let lang = app.lang.get_untracked();
                        app.show_toast(
                            Key::AddedFromCatalogue.fill(
                                lang,
                                &[("title", &record.title), ("catalogue", catalogue.name())],
                            ),
                            None,
                        );
                        browser::focus_later(format!("source-title-{}", added.id()));
                    }
                    Err(f) => {
                        failure.try_set(Some(f));
                    }
                }
            });
        }
    };
    view! {
        <li class="card" data-testid="catalogue-result">
            <h3>{title.clone()}</h3>
            <p class="meta">{meta}</p>
            {coverage.map(|c| view! { <p class="meta">{c}</p> })}
            {score.map(|s| view! { <p class="meta">{s}</p> })}
            <p class="actions">
                <button type="button" on:click=add disabled=move || busy.get()>
                    {move || app.t(Key::AddFromCatalogue)}
                    <span class="visually-hidden">" " {title}</span>
                </button>
                {link}
            </p>
            {move || failure.get().map(|f| failure_notice(f, catalogue, String::new()))}
        </li>
    }
}
