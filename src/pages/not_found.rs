use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Key;
use crate::state::use_app;

/// Shown for an unknown address or a project that is not (or no longer) in this browser.
#[component]
pub fn NotFound() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>{move || app.t(Key::NotFoundTitle)}</h1>
        <p>{move || app.t(Key::NotFoundBody)}</p>
        <p>
            <A href="/">{move || app.t(Key::BackToProjects)}</A>
        </p>
    }
}
