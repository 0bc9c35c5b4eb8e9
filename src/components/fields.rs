//! Labelled form fields, and how they bind to what they edit. Each edit is handed on at once;
//! saving is the autosave's job.

use leptos::prelude::*;

use crate::i18n::{Key, Label};
use crate::model::Choice;
use crate::state::{use_app, Handle};

/// Where a form's fields read their values and send their edits: a handle alone (one item
/// on a page), or a list row ([`RowOf`]).
pub trait FieldSource: Copy + Send + Sync + 'static {
    type Item: 'static;

    fn read<R>(self, read: impl FnOnce(&Self::Item) -> R) -> Option<R>;
    fn write(self, write: impl FnOnce(&mut Self::Item));

    /// One text of the item, for a [`TextField`]'s `value`.
    fn text(self, get: fn(&Self::Item) -> &String) -> Signal<String> {
        Signal::derive(move || self.read(|item| get(item).clone()).unwrap_or_default())
    }

    /// Writes one text of the item, for a [`TextField`]'s `on_input`.
    fn set_text(self, set: fn(&mut Self::Item, String)) -> Callback<String> {
        Callback::new(move |value| self.write(|item| set(item, value)))
    }

    /// One value of a closed list, for a [`ChoiceSelect`].
    fn choice<C>(self, get: fn(&Self::Item) -> C) -> Signal<C>
    where
        C: Default + Send + Sync + 'static,
    {
        Signal::derive(move || self.read(get).unwrap_or_default())
    }

    fn set_choice<C: Send + Sync + 'static>(self, set: fn(&mut Self::Item, C)) -> Callback<C> {
        Callback::new(move |value| self.write(|item| set(item, value)))
    }

    /// A yes/no of the item, for a [`CheckboxField`].
    fn flag(self, get: impl Fn(&Self::Item) -> bool + Send + Sync + 'static) -> Signal<bool> {
        Signal::derive(move || self.read(&get).unwrap_or(false))
    }

    fn set_flag(
        self,
        set: impl Fn(&mut Self::Item, bool) + Send + Sync + 'static,
    ) -> Callback<bool> {
        Callback::new(move |on| self.write(|item| set(item, on)))
    }
}

impl<H: Handle> FieldSource for H {
    type Item = H::Item;

    fn read<R>(self, read: impl FnOnce(&H::Item) -> R) -> Option<R> {
        self.with(read)
    }

    fn write(self, write: impl FnOnce(&mut H::Item)) {
        self.edit(write);
    }
}

/// A row of a long list: read from its own signal (which wakes this row alone, see
/// `state::RowSignals`) and edited through its handle. `item` finds the edited item in the
/// row's view model.
pub struct RowOf<H: Handle, V: Send + Sync + 'static> {
    pub handle: H,
    pub row: ReadSignal<Option<V>>,
    pub item: fn(&V) -> &H::Item,
}

impl<H: Handle, V: Send + Sync + 'static> Clone for RowOf<H, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<H: Handle, V: Send + Sync + 'static> Copy for RowOf<H, V> {}

impl<H: Handle> RowOf<H, H::Item>
where
    H::Item: Send + Sync,
{
    /// A row whose signal holds the item itself.
    pub fn new(handle: H, row: ReadSignal<Option<H::Item>>) -> Self {
        RowOf {
            handle,
            row,
            item: |item| item,
        }
    }
}

impl<H: Handle, V: Send + Sync + 'static> FieldSource for RowOf<H, V> {
    type Item = H::Item;

    fn read<R>(self, read: impl FnOnce(&H::Item) -> R) -> Option<R> {
        let item = self.item;
        self.row.with(|row| row.as_ref().map(|v| read(item(v))))
    }

    fn write(self, write: impl FnOnce(&mut H::Item)) {
        self.handle.edit(write);
    }
}

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
    /// Where a prefilled value came from ("from data.gouv.fr on …"), empty if typed.
    #[prop(optional, into)]
    mark: Option<Signal<String>>,
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
            {prefilled(mark)}
            {help_text(help, help_id)}
            {control}
        </div>
    }
}

/// Where a prefilled value came from, under the field's label.
pub fn prefilled(mark: Option<Signal<String>>) -> impl IntoView {
    mark.map(|mark| {
        move || {
            let text = mark.get();
            (!text.is_empty()).then(|| view! { <p class="prefilled">{text}</p> })
        }
    })
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
    /// Where a prefilled value came from, empty if chosen by the holder.
    #[prop(optional, into)]
    mark: Option<Signal<String>>,
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
            {prefilled(mark)}
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

/// The header row of a table: one column header per key.
pub fn column_headers(keys: &'static [Key]) -> impl IntoView {
    let app = use_app();
    keys.iter()
        .map(|&key| view! { <th scope="col">{move || app.t(key)}</th> })
        .collect_view()
}

/// A link that looks like a button: "go to" actions beside real buttons.
#[component]
pub fn ButtonLink(href: String, label: Key, #[prop(optional)] secondary: bool) -> impl IntoView {
    let app = use_app();
    view! { <a href=href class="button" class:secondary=secondary>{move || app.t(label)}</a> }
}

/// A button's words followed by the name of the row it acts on, heard by screen readers
/// only ("Remove" → "Remove Bathymetry"), so that every "Remove" of a list is told apart.
pub fn naming(key: Key, name: Signal<String>) -> impl IntoView {
    let app = use_app();
    view! { {move || app.t(key)} <span class="visually-hidden">" " {name}</span> }
}

/// One checkbox per value of a closed list (work flags, formats), in a labelled group.
pub fn flag_boxes<S, C>(
    source: S,
    id_of: impl Fn(&'static str) -> String,
    values: impl Iterator<Item = C>,
    has: fn(&S::Item, C) -> bool,
    set: fn(&mut S::Item, C, bool),
) -> impl IntoView
where
    S: FieldSource,
    C: Choice + Label + Send + Sync + 'static,
{
    values
        .map(|value| {
            view! {
                <CheckboxField
                    id=id_of(value.slug())
                    label=value.label()
                    checked=source.flag(move |item| has(item, value))
                    on_change=source.set_flag(move |item, on| set(item, value, on))
                />
            }
        })
        .collect_view()
}
