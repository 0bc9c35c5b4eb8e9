//! Texts that could not be read at load time, kept until the user deletes them. Rare: the
//! panel's code comes with the keeper's (`state::keeper`), which is what sets texts aside.

use leptos::prelude::*;

use crate::browser;
use crate::components::{lazy_view, LazyPart, NotLoaded};
use crate::i18n::Key;
use crate::state::use_app;
use crate::storage::{self, SetAside};

/// Texts that could not be read at load time, kept until the user deletes them.
#[component]
pub(super) fn SetAsidePanel() -> impl IntoView {
    let entries = RwSignal::new(storage::set_aside_entries());
    let any = Memo::new(move |_| entries.with(|list| !list.is_empty()));
    move || {
        any.get()
            .then(|| lazy_view!(LazyPart::Section, set_aside_list(entries)))
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(keeper, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn set_aside_list(entries: RwSignal<Vec<SetAside>>) -> Result<AnyView, NotLoaded> {
    let app = use_app();
    let entry_view = move |entry: SetAside| {
        let SetAside { key, at } = entry;
        let download_key = key.clone();
        let download = move |_| {
            if let Some(text) = storage::set_aside_text(&download_key) {
                let _ = browser::download(
                    &format!("data-roadmap-unreadable-{at}.json"),
                    "application/json",
                    &text,
                );
            }
        };
        let delete = move |_| {
            let question = app.t(Key::ConfirmDeleteSetAside);
            if !browser::confirm(question) {
                return;
            }
            storage::delete_set_aside(&key);
            entries.set(storage::set_aside_entries());
        };
        view! {
            <li>
                <span>
                    {move || {
                        let date = browser::format_date_time(at, app.lang.get());
                        Key::SetAsideOn.fill(app.lang.get(), &[("date", &date)])
                    }}
                </span>
                " "
                <button type="button" on:click=download>{move || app.t(Key::Download)}</button>
                " "
                <button type="button" class="danger" on:click=delete>
                    {move || app.t(Key::DeleteForGood)}
                </button>
            </li>
        }
    };
    let list = move || entries.get().into_iter().map(entry_view).collect_view();
    Ok(view! {
        <section aria-labelledby="set-aside-title" class="card">
            <h2 id="set-aside-title">{move || app.t(Key::SetAsideTitle)}</h2>
            <p>{move || app.t(Key::SetAsideIntro)}</p>
            <ul class="set-aside">{list}</ul>
        </section>
    }
    .into_any())
}
