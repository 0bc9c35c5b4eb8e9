//! The two ways a project arrives: a JSON file (picked or dropped) and a share link. Both are
//! read and checked completely, then shown for review; nothing changes before the user says so.

use leptos::prelude::*;

use super::ImportReviewLater;
use crate::browser;
use crate::export::decode_share_link;
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

/// A project shared by link (`#share=…`), offered for import on the home screen.
#[component]
pub fn SharedLinkOffer() -> impl IntoView {
    let app = use_app();
    let offer = RwSignal::new(decode_share_link(&browser::location_hash()));
    let close = move || {
        browser::clear_location_hash();
        offer.set(None);
    };
    move || {
        let decoded = offer.get()?;
        let body = match decoded {
            Ok(workspace) => view! {
                <p>{move || app.t(Key::SharedIntro)}</p>
                <ImportReviewLater
                    incoming=workspace
                    id_prefix="share-import"
                    on_done=Callback::new(move |_| close())
                />
            }
            .into_any(),
            Err(error) => {
                let text = move || share_error_message(&error, app.lang.get());
                view! {
                    <div class="notice notice-error" role="alert" data-testid="share-error">
                        <p>{text}</p>
                        <p>{move || app.t(Key::NothingChanged)}</p>
                        <button type="button" on:click=move |_| close()>
                            {move || app.t(Key::Dismiss)}
                        </button>
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
