//! "Are you sure?" before something that replaces or deletes: the question, a button that
//! does it, and one that does not.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// Announced as it appears (`role="alert"`), so a screen reader hears the question.
#[component]
pub fn ConfirmBox(
    #[prop(into)] question: Signal<String>,
    yes: Key,
    /// The id of the "yes" button, for focus and tests.
    yes_id: String,
    on_yes: Callback<()>,
    on_cancel: Callback<()>,
    /// The id of the "cancel" button, which takes the focus when given.
    #[prop(optional)]
    cancel_id: Option<String>,
    /// A destructive "yes" (deleting) is shown as such.
    #[prop(optional)]
    danger: bool,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notice notice-warning confirm" role="alert">
            <p>{move || question.get()}</p>
            <p class="actions">
                <button type="button" id=yes_id class:danger=danger on:click=move |_| on_yes.run(())>
                    {move || app.t(yes)}
                </button>
                <button type="button" class="secondary" id=cancel_id on:click=move |_| on_cancel.run(())>
                    {move || app.t(Key::Cancel)}
                </button>
            </p>
        </div>
    }
}
