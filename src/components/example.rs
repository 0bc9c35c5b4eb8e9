//! The worked example workshop: loaded from the JSON file shipped beside the app (in the
//! language of the screen; precached by the service worker, so it loads offline too), and
//! removed in one click.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::ConfirmBox;
use crate::browser;
use crate::i18n::{import_error_message, Key, Lang};
use crate::model::{parse_import, Touched};
use crate::routes::{Page, WorkshopPage};
use crate::state::{use_app, Undo};

fn example_url(lang: Lang) -> String {
    format!("/examples/workshop-{}.json", lang.tag())
}

#[component]
pub fn ExampleWorkshop() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let loaded = Memo::new(move |_| app.with_workspace(|w| w.example_workshop().map(|ws| ws.id)));
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let load = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let lang = app.lang.get_untracked();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let read = browser::fetch_text(&example_url(lang))
                .await
                .and_then(|text| parse_import(&text).map_err(|e| import_error_message(&e, lang)));
            busy.set(false);
            match read {
                Ok(file) => {
                    let now = browser::now_ms();
                    let id = app
                        .change(Touched::Everything, |w| w.load_example(file, now))
                        .flatten();
                    match id {
                        Some(id) => {
                            app.show_toast(Key::ExampleLoaded.text(lang).to_string(), None);
                            navigate(
                                &Page::Workshop(id, WorkshopPage::Projects).href(),
                                Default::default(),
                            );
                        }
                        None => {
                            app.show_toast(Key::ExampleAlreadyHere.text(lang).to_string(), None)
                        }
                    }
                }
                Err(reason) => problem.set(Some(
                    Key::ExampleUnavailable.fill(lang, &[("reason", &reason)]),
                )),
            }
        });
    });
    let confirming = RwSignal::new(false);
    let remove_now = move || {
        confirming.set(false);
        let Some(id) = loaded.get_untracked() else {
            return;
        };
        let lang = app.lang.get_untracked();
        let Some(Some(removed)) = app.change(Touched::Everything, |w| w.remove_example(id)) else {
            return;
        };
        let undo: Undo = Arc::new(move || {
            let removed = removed.clone();
            app.change(Touched::Everything, |w| w.restore_example(removed));
        });
        app.offer_undo(Key::ExampleRemoved.text(lang).to_string(), undo);
    };
    // Edited since it was loaded: asked first, as the undo is the only way back.
    let remove = move |_| {
        let edited = loaded
            .get_untracked()
            .is_some_and(|id| app.with_workspace_untracked(|w| w.example_edited(id)));
        if edited {
            confirming.set(true);
            browser::focus_later("remove-example-yes".into());
        } else {
            remove_now();
        }
    };
    view! {
        <section aria-labelledby="example-title" class="card example-offer no-print" data-testid="example-workshop">
            <h2 id="example-title">{move || app.t(Key::ExampleTitle)}</h2>
            <p id="example-help">{move || app.t(Key::LoadExampleHelp)}</p>
            {move || match loaded.get() {
                None => view! {
                    <button type="button" aria-describedby="example-help" on:click=move |_| load.run(()) disabled=move || busy.get()>
                        {move || app.t(Key::LoadExample)}
                    </button>
                }
                .into_any(),
                Some(id) => view! {
                    <p class="actions">
                        <a class="button" href=Page::Workshop(id, WorkshopPage::Projects).href()>
                            {move || app.t(Key::OpenExample)}
                        </a>
                        <button type="button" class="secondary" on:click=remove>{move || app.t(Key::RemoveExample)}</button>
                    </p>
                }
                .into_any(),
            }}
            <Show when=move || confirming.get()>
                <ConfirmBox
                    question=Signal::derive(move || app.t(Key::ConfirmRemoveExample).to_string())
                    yes=Key::RemoveExample
                    yes_id="remove-example-yes".into()
                    on_yes=Callback::new(move |()| remove_now())
                    on_cancel=Callback::new(move |()| confirming.set(false))
                    danger=true
                />
            </Show>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </section>
    }
}
