//! The two ways a project arrives: a JSON file (picked or dropped) and a share link. Both are
//! read and checked completely, then shown for review; nothing changes before the user says so.

use leptos::prelude::*;

use super::{ImportReviewLater, NotLoaded};
use crate::browser;
use crate::export::{decode_share_link, is_share_link, ShareError};
use crate::i18n::{import_error_message, share_error_message, Key};
use crate::model::{parse_import, ImportError, Workspace, MAX_IMPORT_BYTES};
use crate::state::use_app;

/// Why a file was not offered for import.
#[derive(Clone, Debug, PartialEq)]
enum FileProblem {
    Invalid(ImportError),
    /// The browser could not read the file (removed, or not a file).
    CouldNotRead,
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<(String, FileProblem)>);
    let incoming = RwSignal::new(None::<Workspace>);
    let dragging = RwSignal::new(false);

    let take_file = move |file: web_sys::File| {
        problem.set(None);
        incoming.set(None);
        let name = file.name();
        // Refused before reading: a huge file would stall the page.
        let size = file.size() as usize;
        if size > MAX_IMPORT_BYTES {
            let error = ImportError::TooLarge {
                size,
                limit: MAX_IMPORT_BYTES,
            };
            problem.set(Some((name, FileProblem::Invalid(error))));
            return;
        }
        leptos::task::spawn_local(async move {
            match browser::read_file(file).await {
                Ok(text) => match parse_import(&text) {
                    Ok(workspace) => incoming.set(Some(workspace)),
                    Err(error) => problem.set(Some((name, FileProblem::Invalid(error)))),
                },
                Err(_) => problem.set(Some((name, FileProblem::CouldNotRead))),
            }
        });
    };

    let message = move || {
        problem.get().map(|(name, problem)| {
            let lang = app.lang.get();
            let reason = match &problem {
                FileProblem::Invalid(error) => import_error_message(error, lang),
                FileProblem::CouldNotRead => Key::ImportCouldNotRead.text(lang).to_string(),
            };
            view! {
                <div class="notice notice-error" role="alert" data-testid="import-error">
                    <p><strong>{Key::ImportFileNamed.fill(lang, &[("name", &name)])}</strong></p>
                    <p>{reason}</p>
                    <p>{Key::NothingChanged.text(lang)}</p>
                </div>
            }
        })
    };
    let review = move || {
        incoming.get().map(|workspace| {
            view! {
                <ImportReviewLater
                    incoming=workspace
                    id_prefix="file-import"
                    on_done=Callback::new(move |_| incoming.set(None))
                />
            }
        })
    };

    view! {
        <section
            aria-labelledby="import-title"
            class="card drop-zone"
            class:dragging=move || dragging.get()
            data-testid="import-panel"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
                if let Some(file) = file {
                    take_file(file);
                }
            }
        >
            <h2 id="import-title">{move || app.t(Key::ImportTitle)}</h2>
            <p id="import-help">{move || app.t(Key::ImportHelp)}</p>
            <div class="field">
                <label for="import-file">{move || app.t(Key::ImportFileLabel)}</label>
                <input
                    type="file"
                    id="import-file"
                    accept=".json,application/json"
                    aria-describedby="import-help"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            take_file(file);
                        }
                        // The same file chosen again must trigger a new read.
                        input.set_value("");
                    }
                />
            </div>
            {message}
            {review}
        </section>
    }
}

/// What became of the share link in the address bar.
#[derive(Clone)]
enum SharedLink {
    Reading,
    Read(Result<Workspace, ShareError>),
    /// The code that reads links could not be downloaded.
    NotLoaded,
}

/// A project shared by link (`#share=…`), offered for import on the home screen.
#[component]
pub fn SharedLinkOffer() -> impl IntoView {
    let app = use_app();
    let fragment = StoredValue::new(browser::location_hash());
    let offer = RwSignal::new(None::<SharedLink>);
    let read = move || {
        offer.set(Some(SharedLink::Reading));
        let fragment = fragment.get_value();
        leptos::task::spawn_local(async move {
            #[cfg(feature = "split")]
            let read = read_share_link(fragment).await;
            #[cfg(not(feature = "split"))]
            let read = read_share_link(fragment);
            offer.try_set(match read {
                Ok(decoded) => decoded.map(SharedLink::Read),
                Err(NotLoaded) => Some(SharedLink::NotLoaded),
            });
        });
    };
    if fragment.with_value(|f| is_share_link(f)) {
        read();
    }
    let close = move || {
        browser::clear_location_hash();
        offer.set(None);
    };
    let dismiss = move || {
        view! {
            <button type="button" on:click=move |_| close()>
                {move || app.t(Key::Dismiss)}
            </button>
        }
    };
    move || {
        let body = match offer.get()? {
            SharedLink::Reading => {
                view! { <p class="hint" role="status">{move || app.t(Key::SharedLinkReading)}</p> }
                    .into_any()
            }
            SharedLink::NotLoaded => view! {
                <div class="notice notice-error" role="alert" data-testid="share-error">
                    <p>{move || app.t(Key::SharedLinkNotLoaded)}</p>
                    <button type="button" on:click=move |_| read()>{move || app.t(Key::TryAgain)}</button>
                    " "
                    {dismiss()}
                </div>
            }
            .into_any(),
            SharedLink::Read(Ok(workspace)) => view! {
                <p>{move || app.t(Key::SharedIntro)}</p>
                <ImportReviewLater
                    incoming=workspace
                    id_prefix="share-import"
                    on_done=Callback::new(move |_| close())
                />
            }
            .into_any(),
            SharedLink::Read(Err(error)) => {
                let text = move || share_error_message(&error, app.lang.get());
                view! {
                    <div class="notice notice-error" role="alert" data-testid="share-error">
                        <p>{text}</p>
                        <p>{move || app.t(Key::NothingChanged)}</p>
                        {dismiss()}
                    </div>
                }
                .into_any()
            }
        };
        Some(view! {
            <section aria-labelledby="shared-title" class="card shared-offer" data-testid="shared-offer">
                <h2 id="shared-title">{move || app.t(Key::SharedTitle)}</h2>
                {body}
            </section>
        })
    }
}

/// Inflating and checking a link comes with the import review's code, which shows it next.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(import_review, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn read_share_link(fragment: String) -> Result<Option<Result<Workspace, ShareError>>, NotLoaded> {
    Ok(decode_share_link(&fragment))
}
