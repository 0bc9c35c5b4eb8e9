use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::state::{use_app, AppState};

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
                        switch_to(app, lang, ev.target());
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}

/// Shows `lang` once its strings are there (the first switch downloads them); if they cannot
/// be downloaded, the screen stays as it was, the switch too, and a message says why.
fn switch_to(app: AppState, lang: Lang, select: web_sys::HtmlSelectElement) {
    leptos::task::spawn_local(async move {
        match crate::i18n::load(lang).await {
            Ok(()) => app.lang.set(lang),
            Err(_) => {
                let shown = app.lang.get_untracked();
                select.set_value(shown.tag());
                let text = Key::LanguageNotLoaded.fill(shown, &[("language", lang.native_name())]);
                app.show_toast(text, None);
            }
        }
    });
}
