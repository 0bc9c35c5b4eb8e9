//! One candidate source: its description, the nine criteria with guidance, its score and
//! verdict, and the holder's override.

use leptos::prelude::*;

use super::{
    flag_boxes, naming, prefilled, CheckboxField, ChoiceSelect, FieldSource, RowOf, TextField,
    VerdictBadge,
};
use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{
    assess, Assessment, CandidateSource, Choice, Format, SourceField, Verdict, VerdictOverride,
    Workspace,
};
use crate::state::{use_app, Handle, SourceHandle, WantedHandle};

/// What a source card shows: the source, and what the rules make of it for its dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    pub source: CandidateSource,
    pub assessment: Assessment,
}

impl SourceRow {
    /// The row of source `id` of the dataset `wanted`, as `RowSignals` reads it.
    pub fn read(wanted: WantedHandle, workspace: &Workspace, id: uuid::Uuid) -> Option<Self> {
        let dataset = wanted.in_workspace(workspace)?;
        let source = dataset.source(id)?;
        Some(SourceRow {
            source: source.clone(),
            assessment: assess(source, dataset),
        })
    }
}

type Fields = RowOf<SourceHandle, SourceRow>;

/// "From data.gouv.fr on 28/11/2026" for a field the catalogue filled, else empty.
fn mark(fields: Fields, field: SourceField) -> Signal<String> {
    let app = use_app();
    Signal::derive(move || {
        fields
            .row
            .with(|r| {
                let provenance = r.as_ref()?.source.prefilled(field)?;
                let lang = app.lang.get();
                Some(Key::PrefilledFrom.fill(
                    lang,
                    &[
                        ("catalogue", provenance.catalogue.map_or("", |c| c.name())),
                        (
                            "date",
                            &crate::browser::format_day_of(provenance.fetched_at, lang),
                        ),
                    ],
                ))
            })
            .unwrap_or_default()
    })
}

#[component]
pub fn SourceCard(
    source: SourceHandle,
    /// This source's row, updated only when it changes.
    row: ReadSignal<Option<SourceRow>>,
    /// Its place in the dataset's list, from 1.
    #[prop(into)]
    number: Signal<usize>,
) -> impl IntoView {
    let app = use_app();
    let id = source.id();
    let fields = RowOf {
        handle: source,
        row,
        item: |r: &SourceRow| &r.source,
    };
    let title = move || {
        let lang = app.lang.get();
        row.with(|r| r.as_ref().map(|r| r.source.display_name(lang)))
            .unwrap_or_default()
    };
    let heading = move || {
        let position =
            Key::SourcePosition.fill(app.lang.get(), &[("number", &number.get().to_string())]);
        format!("{position} — {}", title())
    };
    let remove = move |_| {
        if let Some((removed, undo)) = source.remove() {
            let lang = app.lang.get_untracked();
            let text = Key::SourceRemoved.fill(lang, &[("name", &removed.display_name(lang))]);
            app.offer_undo(text, undo);
        }
    };
    let link = Signal::derive(move || fields.read(LinkState::of).unwrap_or(LinkState::Empty));
    view! {
        <li class="source-card card" id=format!("source-{id}")>
            <div class="row-head">
                <h2 class="row-title">{heading}</h2>
                <button type="button" class="danger" on:click=remove>
                    {naming(Key::Remove, Signal::derive(title))}
                </button>
            </div>
            <Outcome row/>
            <super::catalogue_check::CatalogueCheck source row/>
            <SourceFields fields link/>
            <fieldset class="flags" aria-describedby=format!("source-formats-help-{id}")>
                <legend>{move || app.t(Key::FormatsLabel)}</legend>
                {prefilled(Some(mark(fields, SourceField::Formats)))}
                <p class="help" id=format!("source-formats-help-{id}")>{move || app.t(Key::GuideFormats)}</p>
                {flag_boxes(fields, move |slug| format!("source-format-{slug}-{id}"), Format::ALL.iter().copied().filter(|f| *f != Format::Any), CandidateSource::has_format, CandidateSource::set_format)}
            </fieldset>
            <OverrideEditor fields/>
        </li>
    }
}

/// What the source is (title, link, producer, where it was found), then the criteria, each
/// with its guidance.
#[component]
fn SourceFields(fields: Fields, link: Signal<LinkState>) -> impl IntoView {
    let id = fields.handle.id();
    view! {
        <div class="form-grid">
            <TextField id=format!("source-title-{id}") label=Key::SourceTitle mark=mark(fields, SourceField::Title) value=fields.text(|s| &s.title) on_input=fields.set_text(|s, v| s.title = v)/>
            <TextField id=format!("source-link-{id}") label=Key::Link mark=mark(fields, SourceField::Link) value=fields.text(|s| &s.link) on_input=fields.set_text(|s, v| s.link = v)/>
            <TextField id=format!("source-producer-{id}") label=Key::SourceProducer mark=mark(fields, SourceField::Producer) value=fields.text(|s| &s.producer) on_input=fields.set_text(|s, v| s.producer = v)/>
            <TextField id=format!("source-found-{id}") label=Key::FoundWhere mark=mark(fields, SourceField::FoundWhere) value=fields.text(|s| &s.found_where) on_input=fields.set_text(|s, v| s.found_where = v)/>
        </div>
        <LinkPreview link/>
        <div class="form-grid">
            <ChoiceSelect id=format!("source-licence-{id}") label=Key::LicenceLabel mark=mark(fields, SourceField::Licence) help=Key::GuideLicence value=fields.choice(|s| s.licence) on_change=fields.set_choice(|s, v| s.licence = v)/>
            <ChoiceSelect id=format!("source-access-{id}") label=Key::AccessLabel mark=mark(fields, SourceField::Access) help=Key::GuideAccess value=fields.choice(|s| s.access) on_change=fields.set_choice(|s, v| s.access = v)/>
            <ChoiceSelect id=format!("source-frequency-{id}") label=Key::UpdateFrequency mark=mark(fields, SourceField::UpdateFrequency) help=Key::GuideFreshness value=fields.choice(|s| s.update_frequency) on_change=fields.set_choice(|s, v| s.update_frequency = v)/>
            <TextField id=format!("source-updated-{id}") label=Key::LastUpdate mark=mark(fields, SourceField::LastUpdate) input_type="date" value=fields.text(|s| &s.last_update) on_input=fields.set_text(|s, v| s.last_update = v)/>
            <ChoiceSelect id=format!("source-spatial-{id}") label=Key::SpatialMatch help=Key::GuideCoverage value=fields.choice(|s| s.spatial_coverage) on_change=fields.set_choice(|s, v| s.spatial_coverage = v)/>
            <ChoiceSelect id=format!("source-temporal-{id}") label=Key::TemporalMatch help=Key::GuideCoverage value=fields.choice(|s| s.temporal_coverage) on_change=fields.set_choice(|s, v| s.temporal_coverage = v)/>
            <ChoiceSelect id=format!("source-quality-{id}") label=Key::QualityLabel help=Key::GuideQuality value=fields.choice(|s| s.quality) on_change=fields.set_choice(|s, v| s.quality = v)/>
            <TextField id=format!("source-quality-note-{id}") label=Key::QualityNote value=fields.text(|s| &s.quality_note) on_input=fields.set_text(|s, v| s.quality_note = v)/>
            <ChoiceSelect id=format!("source-documentation-{id}") label=Key::DocumentationLabel mark=mark(fields, SourceField::Documentation) help=Key::GuideDocumentation value=fields.choice(|s| s.documentation) on_change=fields.set_choice(|s, v| s.documentation = v)/>
            <TextField id=format!("source-documentation-note-{id}") label=Key::DocumentationNote value=fields.text(|s| &s.documentation_note) on_input=fields.set_text(|s, v| s.documentation_note = v)/>
            <ChoiceSelect id=format!("source-personal-{id}") label=Key::PersonalDataLabel mark=mark(fields, SourceField::PersonalData) help=Key::GuidePersonalData value=fields.choice(|s| s.personal_data) on_change=fields.set_choice(|s, v| s.personal_data = v)/>
        </div>
    }
}

/// "Score: 95/100 · 3 of 5 open-data stars · Criteria assessed: 9 of 9".
fn score_line(a: &Assessment, lang: Lang) -> String {
    let score = Key::ScoreLine.fill(
        lang,
        &[
            ("score", &a.score.to_string()),
            ("stars", &a.stars.to_string()),
        ],
    );
    let count = Key::CriteriaAssessed.fill(lang, &[("count", &a.assessed_count().to_string())]);
    format!("{score} · {count}")
}

/// "set by the holder: <reason> (computed verdict: …)", when the holder overrode it.
fn override_line(row: &SourceRow, lang: Lang) -> Option<String> {
    let a = &row.assessment;
    if !a.overridden {
        return None;
    }
    let computed = a.computed.map_or(Key::NoVerdict, |v| v.label()).text(lang);
    let reason = row.source.override_reason(true).trim();
    Some(Key::OverriddenBy.fill(lang, &[("reason", reason), ("computed", computed)]))
}

/// Score, stars, criteria assessed and verdict of a source; an override says so.
#[component]
fn Outcome(row: ReadSignal<Option<SourceRow>>) -> impl IntoView {
    let app = use_app();
    let line = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| score_line(&r.assessment, app.lang.get()))
        })
    };
    let verdict =
        Signal::derive(move || row.with(|r| r.as_ref().and_then(|r| r.assessment.verdict)));
    let overridden =
        move || row.with(|r| r.as_ref().and_then(|r| override_line(r, app.lang.get())));
    view! {
        <div class="outcome">
            <p class="score">{line}</p>
            <p>
                <strong>{move || app.t(Key::VerdictIs)}</strong>
                " "
                <VerdictBadge verdict/>
                {move || overridden().map(|text| view! { <span class="overridden">" — " {text}</span> })}
            </p>
        </div>
    }
}

/// What the typed link allows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum LinkState {
    Empty,
    /// An http(s) address, safe to make clickable.
    Clickable(String),
    NotClickable,
}

impl LinkState {
    fn of(source: &CandidateSource) -> Self {
        match source.safe_link() {
            Some(href) => LinkState::Clickable(href.to_string()),
            None if source.link.trim().is_empty() => LinkState::Empty,
            None => LinkState::NotClickable,
        }
    }
}

/// Shows the link as a link when it is http(s); otherwise says why it is not clickable.
#[component]
fn LinkPreview(link: Signal<LinkState>) -> impl IntoView {
    let app = use_app();
    move || match link.get() {
        LinkState::Clickable(href) => view! {
            <p>
                <a href=href target="_blank" rel="noopener noreferrer nofollow">
                    {move || app.t(Key::OpenLink)}
                    " "
                    <span class="visually-hidden">{move || app.t(Key::NewTab)}</span>
                </a>
            </p>
        }
        .into_any(),
        LinkState::NotClickable => {
            view! { <p class="help">{move || app.t(Key::LinkNotClickable)}</p> }.into_any()
        }
        LinkState::Empty => ().into_any(),
    }
}

/// The holder's own verdict, which applies once a reason is given.
#[component]
fn OverrideEditor(fields: Fields) -> impl IntoView {
    let id = fields.handle.id();
    let current = Memo::new(move |_| fields.read(|s| s.verdict_override.clone()).flatten());
    let enabled = Signal::derive(move || current.with(Option::is_some));
    let toggle = fields.set_flag(|s, on| {
        s.verdict_override = on.then(|| VerdictOverride {
            verdict: Verdict::Orange,
            reason: String::new(),
        });
    });
    let verdict = Signal::derive(move || current.get().map_or(Verdict::Orange, |o| o.verdict));
    let reason = Signal::derive(move || current.get().map(|o| o.reason).unwrap_or_default());
    let set_verdict = fields.set_choice(|s, v: Verdict| {
        if let Some(o) = s.verdict_override.as_mut() {
            o.verdict = v;
        }
    });
    let set_reason = fields.set_text(|s, v| {
        if let Some(o) = s.verdict_override.as_mut() {
            o.reason = v;
        }
    });
    view! {
        <div class="override">
            <CheckboxField id=format!("override-{id}") label=Key::OverrideToggle checked=enabled on_change=toggle/>
            <Show when=move || enabled.get()>
                <div class="form-grid">
                    <ChoiceSelect id=format!("override-verdict-{id}") label=Key::OverrideVerdict value=verdict on_change=set_verdict/>
                    <TextField id=format!("override-reason-{id}") label=Key::OverrideReason help=Key::OverrideNeedsReason value=reason on_input=set_reason/>
                </div>
            </Show>
        </div>
    }
}
