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
    /// Guidance shown under the label and read with the field.
    #[prop(optional)]
    help: Option<Key>,
    /// `text` unless given (e.g. `date`).
    #[prop(optional)]
    input_type: Option<&'static str>,
) -> impl IntoView {
    let app = use_app();
    let help_id = help.map(|_| format!("{id}-help"));
    let described_by = help_id.clone();
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="3"
                aria-describedby=described_by
                required=required
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type=input_type.unwrap_or("text")
                id=id.clone()
                aria-describedby=described_by
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
            {help_text(help, help_id)}
            {control}
        </div>
    }
}

/// The guidance paragraph a field points to with `aria-describedby`.
fn help_text(help: Option<Key>, id: Option<String>) -> impl IntoView {
    let app = use_app();
    help.map(|key| view! { <p class="help" id=id>{move || app.t(key)}</p> })
}

/// A labelled `<select>` over one of the model's closed lists.
#[component]
pub fn ChoiceSelect<T>(
    id: String,
    label: Key,
    #[prop(into)] value: Signal<T>,
    on_change: Callback<T>,
    #[prop(optional)] help: Option<Key>,
) -> impl IntoView
where
    T: Choice + Label + Send + Sync,
{
    let app = use_app();
    let help_id = help.map(|_| format!("{id}-help"));
    let described_by = help_id.clone();
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
            {help_text(help, help_id)}
            <select
                id=id
                aria-describedby=described_by
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
