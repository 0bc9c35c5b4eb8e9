//! "Check against the catalogue" on a source a catalogue filled: its record is read again
//! (only when the holder asks, only from that catalogue), the fields whose value changed are
//! listed side by side, and the holder takes the ones they tick. Undo puts the source back.

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use super::catalogue_search::{failure_notice, get, Failure};
use super::source_card::SourceRow;
use crate::browser;
use crate::i18n::{Key, Label, Lang};
use crate::model::{CandidateSource, Catalogue, Choice, SourceField};
use crate::state::{use_app, Handle, SourceHandle, Undo};

#[derive(Clone, Debug, PartialEq)]
enum CheckState {
    Idle,
    Checking,
    /// Nothing differs; the values are confirmed as of this date.
    Unchanged(i64),
    /// Today's record as a source, and the fields that differ.
    Changed(Box<CandidateSource>, Vec<SourceField>),
    Failed(Failure),
}

#[component]
pub fn CatalogueCheck(source: SourceHandle, row: ReadSignal<Option<SourceRow>>) -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(CheckState::Idle);
    // The catalogue and record to read again, when the stored address is one of its own.
    let target = Memo::new(move |_| {
        row.with(|r| {
            let provenance = r.as_ref()?.source.provenance.as_ref()?;
            let (catalogue, url) = provenance.checkable()?;
            Some((catalogue, url.to_string(), provenance.fetched_at))
        })
    });
    let check = move |_| {
        let Some((catalogue, url, _)) = target.get_untracked() else {
            return;
        };
        state.set(CheckState::Checking);
        let lang = app.lang.get_untracked().tag();
        leptos::task::spawn_local(async move {
            let read = get(url, true)
                .await
                .and_then(|t| catalogue.read_record(&t, lang).map_err(Failure::Answer));
            let now = browser::now_ms();
            let next = match read {
                Err(failure) => CheckState::Failed(failure),
                Ok(record) => {
                    let fresh = CandidateSource::from_record(Uuid::nil(), &record, catalogue, now);
                    let changes = source
                        .with_untracked(|s| s.catalogue_changes(&fresh))
                        .unwrap_or_default();
                    if changes.is_empty() {
                        source.edit(|s| s.take_from_catalogue(&fresh, &[]));
                        CheckState::Unchanged(now)
                    } else {
                        CheckState::Changed(Box::new(fresh), changes)
                    }
                }
            };
            state.try_set(next);
        });
    };
    let id = source.id();
    move || {
        let (catalogue, _, fetched_at) = target.get()?;
        let help = move || {
            let lang = app.lang.get();
            Key::CheckCatalogueHelp.fill(
                lang,
                &[
                    ("host", catalogue.host()),
                    ("date", &browser::format_day_of(fetched_at, lang)),
                ],
            )
        };
        let outcome = move || {
            match state.get() {
            CheckState::Idle => None,
            CheckState::Checking => {
                Some(view! { <p role="status">{move || app.t(Key::Checking)}</p> }.into_any())
            }
            CheckState::Unchanged(at) => Some(
                view! {
                    <p role="status">
                        {move || {
                            let lang = app.lang.get();
                            Key::CatalogueUnchanged.fill(
                                lang,
                                &[("catalogue", catalogue.name()), ("date", &browser::format_day_of(at, lang))],
                            )
                        }}
                    </p>
                }
                .into_any(),
            ),
            CheckState::Failed(failure) => {
                let title = source.with_untracked(|s| s.title.clone()).unwrap_or_default();
                Some(failure_notice(failure, catalogue, title).into_any())
            }
            CheckState::Changed(fresh, fields) => {
                Some(changes_form(source, catalogue, *fresh, fields, state).into_any())
            }
        }
        };
        Some(view! {
            <div class="catalogue-check" data-testid="catalogue-check">
                <p class="hint" id=format!("check-help-{id}")>{help}</p>
                <button
                    type="button"
                    class="secondary"
                    aria-describedby=format!("check-help-{id}")
                    disabled=move || state.with(|s| *s == CheckState::Checking)
                    on:click=check
                >
                    {move || Key::CheckCatalogue.fill(app.lang.get(), &[("catalogue", catalogue.name())])}
                </button>
                <div aria-live="polite">{outcome}</div>
            </div>
        })
    }
}

/// The changed fields, each ticked, with both values; the holder takes the ticked ones.
fn changes_form(
    source: SourceHandle,
    catalogue: Catalogue,
    fresh: CandidateSource,
    fields: Vec<SourceField>,
    state: RwSignal<CheckState>,
) -> impl IntoView {
    let app = use_app();
    let ticked = RwSignal::new(fields.clone());
    let here = source.get().unwrap_or_else(|| fresh.clone());
    let id = source.id();
    let lines = fields
        .into_iter()
        .map(|field| {
            let (mine, theirs) = (here.clone(), fresh.clone());
            let line = move || {
                let lang = app.lang.get();
                Key::CatalogueChangeLine.fill(
                    lang,
                    &[
                        ("field", field_label(field).text(lang)),
                        ("here", &field_text(&mine, field, lang)),
                        ("fresh", &field_text(&theirs, field, lang)),
                        ("catalogue", catalogue.name()),
                    ],
                )
            };
            let box_id = format!("check-{}-{id}", field.slug());
            view! {
                <li class="checkbox">
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        prop:checked=move || ticked.with(|t| t.contains(&field))
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            ticked.update(|t| {
                                t.retain(|f| *f != field);
                                if on {
                                    t.push(field);
                                }
                            });
                        }
                    />
                    <label for=box_id>{line}</label>
                </li>
            }
        })
        .collect_view();
    let take = move |_| {
        let chosen = ticked.get_untracked();
        let before = source.get();
        source.edit(|s| s.take_from_catalogue(&fresh, &chosen));
        state.set(CheckState::Idle);
        let lang = app.lang.get_untracked();
        let text = Key::ChangesTaken.fill(
            lang,
            &[
                ("count", &chosen.len().to_string()),
                ("catalogue", catalogue.name()),
            ],
        );
        match before {
            Some(before) => {
                let undo: Undo = Arc::new(move || {
                    let kept = before.clone();
                    source.edit(move |s| *s = kept);
                });
                app.offer_undo(text, undo);
            }
            None => app.show_toast(text, None),
        }
    };
    view! {
        <fieldset class="catalogue-changes">
            <legend>{move || Key::CatalogueChangesTitle.fill(app.lang.get(), &[("catalogue", catalogue.name())])}</legend>
            <ul>{lines}</ul>
            <p class="actions">
                <button type="button" on:click=take disabled=move || ticked.with(Vec::is_empty)>
                    {move || app.t(Key::TakeChanges)}
                </button>
                <button type="button" class="secondary" on:click=move |_| state.set(CheckState::Idle)>
                    {move || app.t(Key::KeepMine)}
                </button>
            </p>
        </fieldset>
    }
}

/// The card's label of a field the catalogue fills.
fn field_label(field: SourceField) -> Key {
    match field {
        SourceField::Title => Key::SourceTitle,
        SourceField::Link => Key::Link,
        SourceField::Producer => Key::SourceProducer,
        SourceField::FoundWhere => Key::FoundWhere,
        SourceField::Licence => Key::LicenceLabel,
        SourceField::Formats => Key::FormatsLabel,
        SourceField::Access => Key::AccessLabel,
        SourceField::UpdateFrequency => Key::UpdateFrequency,
        SourceField::LastUpdate => Key::LastUpdate,
        SourceField::Documentation => Key::DocumentationLabel,
        SourceField::PersonalData => Key::PersonalDataLabel,
    }
}

/// A field's value as text, "not stated" when empty.
fn field_text(source: &CandidateSource, field: SourceField, lang: Lang) -> String {
    let text = match field {
        SourceField::Title => source.title.clone(),
        SourceField::Link => source.link.clone(),
        SourceField::Producer => source.producer.clone(),
        SourceField::FoundWhere => source.found_where.clone(),
        SourceField::Licence => source.licence.label().text(lang).to_string(),
        SourceField::Formats => source
            .formats
            .iter()
            .map(|f| f.label().text(lang))
            .collect::<Vec<_>>()
            .join(", "),
        SourceField::Access => source.access.label().text(lang).to_string(),
        SourceField::UpdateFrequency => source.update_frequency.label().text(lang).to_string(),
        SourceField::LastUpdate => source.last_update.clone(),
        SourceField::Documentation => source.documentation.label().text(lang).to_string(),
        SourceField::PersonalData => source.personal_data.label().text(lang).to_string(),
    };
    if text.trim().is_empty() {
        Key::NotSaid.text(lang).to_string()
    } else {
        text
    }
}
