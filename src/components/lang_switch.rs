use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::state::use_app;

/// Picks the interface language; the choice is remembered by the state's effect.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let app = use_app();
    let options = Lang::ALL
        .iter()
        .map(|&lang| {
            view! {
                <option value=lang.tag() lang=lang.tag() prop:selected=move || app.lang.get() == lang>
                    {lang.native_name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch">
            <label for="language">{move || app.t(Key::Language)}</label>
            <select
                id="language"
                on:change:target=move |ev| {
                    if let Some(lang) = Lang::from_tag(&ev.target().value()) {
                        app.lang.set(lang);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}
