//! Labelled form fields. Each edit is handed to a callback at once; saving is the autosave's job.

use leptos::prelude::*;

use crate::i18n::{Key, Label};
use crate::model::Choice;
use crate::state::use_app;

/// A labelled one-line input, or a text area when `multiline`.
#[component]
pub fn TextField(
    id: String,
    label: Key,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let app = use_app();
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="3"
                required=required
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=id.clone()
                required=required
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || app.t(label)}</label>
            {control}
        </div>
    }
}

/// A labelled `<select>` over one of the model's closed lists.
#[component]
pub fn ChoiceSelect<T>(
    id: String,
    label: Key,
    #[prop(into)] value: Signal<T>,
    on_change: Callback<T>,
) -> impl IntoView
where
    T: Choice + Label + Send + Sync,
{
    let app = use_app();
    let options = T::ALL
        .iter()
        .map(|&choice| {
            view! {
                <option value=choice.slug() prop:selected=move || value.get() == choice>
                    {move || app.t(choice.label())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{move || app.t(label)}</label>
            <select
                id=id
                on:change:target=move |ev| {
                    if let Some(choice) = T::from_slug(&ev.target().value()) {
                        on_change.run(choice);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}

/// A checkbox with its label after it.
#[component]
pub fn CheckboxField(
    id: String,
    label: Key,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="checkbox">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || checked.get()
                on:change:target=move |ev| on_change.run(ev.target().checked())
            />
            <label for=id>{move || app.t(label)}</label>
        </div>
    }
}
