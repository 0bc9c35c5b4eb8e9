//! One candidate source: its description, the nine criteria with guidance, its score and
//! verdict, and the holder's override.

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use super::{CheckboxField, ChoiceSelect, TextField, VerdictBadge};
use crate::browser;
use crate::i18n::{Key, Label};
use crate::model::{
    assess, Assessment, CandidateSource, Choice, Format, Verdict, VerdictOverride, WantedDataset,
};
use crate::state::{use_app, AppState, Undo};

/// Where a source lives: project, wanted dataset, source.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SourcePath {
    pub project: Uuid,
    pub wanted: Uuid,
    pub source: Uuid,
}

impl SourcePath {
    /// Applies an edit to the source, stamping the project as changed.
    pub fn edit(self, app: AppState, edit: impl FnOnce(&mut CandidateSource)) {
        let now = browser::now_ms();
        app.workspace.update(|w| {
            w.edit_project(self.project, now, |p| {
                if let Some(source) = p
                    .wanted_mut(self.wanted)
                    .and_then(|d| d.source_mut(self.source))
                {
                    edit(source);
                }
            });
        });
    }

    fn edit_wanted(self, app: AppState, edit: impl FnOnce(&mut WantedDataset)) {
        let now = browser::now_ms();
        app.workspace.update(|w| {
            w.edit_project(self.project, now, |p| {
                if let Some(dataset) = p.wanted_mut(self.wanted) {
                    edit(dataset);
                }
            });
        });
    }
}

/// The title to show: the one typed, or "Untitled source".
pub fn source_title(source: &CandidateSource, lang: crate::i18n::Lang) -> String {
    let title = source.title.trim();
    if title.is_empty() {
        Key::UntitledSource.text(lang).to_string()
    } else {
        title.to_string()
    }
}

#[component]
pub fn SourceCard(path: SourcePath) -> impl IntoView {
    let app = use_app();
    let id = path.source;
    let row = Memo::new(move |_| {
        app.workspace.with(|w| {
            let dataset = w.project(path.project)?.wanted(path.wanted)?;
            let source = dataset.source(id)?;
            let index = dataset.sources.iter().position(|s| s.id == id)?;
            Some((source.clone(), assess(source, dataset), index))
        })
    });
    let source = move || row.with(|r| r.as_ref().map(|(s, _, _)| s.clone()));
    let assessment = move || row.with(|r| r.as_ref().map(|(_, a, _)| a.clone()));
    let title = move || {
        row.with(|r| r.as_ref().map(|(s, _, _)| source_title(s, app.lang.get())))
            .unwrap_or_default()
    };

    let text = move |field: &str,
                     label: Key,
                     get: fn(&CandidateSource) -> &String,
                     set: fn(&mut CandidateSource, String)| {
        view! {
            <TextField
                id=format!("source-{field}-{id}")
                label
                value=Signal::derive(move || row.with(|r| r.as_ref().map(|(s, _, _)| get(s).clone()).unwrap_or_default()))
                on_input=Callback::new(move |value: String| path.edit(app, |s| set(s, value)))
            />
        }
    };
    let heading = move || {
        let number = row.with(|r| r.as_ref().map(|(_, _, i)| i + 1)).unwrap_or(0);
        format!(
            "{} — {}",
            Key::SourcePosition.fill(app.lang.get(), &[("number", &number.to_string())]),
            title()
        )
    };
    let remove = move |_| {
        let mut removed = None;
        path.edit_wanted(app, |d| removed = d.remove_source(id));
        let Some((index, source)) = removed else {
            return;
        };
        let label = source_title(&source, app.lang.get_untracked());
        let undo: Undo = Arc::new(move || {
            let source = source.clone();
            path.edit_wanted(app, |d| d.restore_source(index, source));
        });
        app.show_toast(
            Key::SourceRemoved.fill(app.lang.get_untracked(), &[("name", &label)]),
            Some(undo),
        );
        browser::focus_later("toast-undo".into());
    };

    view! {
        <li class="source-card card" id=format!("source-{id}")>
            <div class="row-head">
                <h2 class="row-title">{heading}</h2>
                <button type="button" class="danger" on:click=remove>
                    {move || app.t(Key::Remove)}
                    <span class="visually-hidden">" " {title}</span>
                </button>
            </div>
            <Outcome
                assessment=Signal::derive(assessment)
                reason=Signal::derive(move || source().and_then(|s| s.verdict_override).map(|o| o.reason))
            />
            <div class="form-grid">
                {text("title", Key::SourceTitle, |s| &s.title, |s, v| s.title = v)}
                {text("link", Key::Link, |s| &s.link, |s, v| s.link = v)}
                {text("producer", Key::SourceProducer, |s| &s.producer, |s, v| s.producer = v)}
                {text("found", Key::FoundWhere, |s| &s.found_where, |s, v| s.found_where = v)}
            </div>
            <LinkPreview link=Signal::derive(move || source().map(|s| (s.safe_link().map(str::to_string), !s.link.trim().is_empty())))/>
            <div class="form-grid">
                {choice(path, row, Key::LicenceLabel, Key::GuideLicence, "licence", |s| s.licence, |s, v| s.licence = v)}
                {choice(path, row, Key::AccessLabel, Key::GuideAccess, "access", |s| s.access, |s, v| s.access = v)}
                {choice(path, row, Key::UpdateFrequency, Key::GuideFreshness, "frequency", |s| s.update_frequency, |s, v| s.update_frequency = v)}
                <TextField
                    id=format!("source-updated-{id}")
                    label=Key::LastUpdate
                    input_type="date"
                    value=Signal::derive(move || source().map(|s| s.last_update).unwrap_or_default())
                    on_input=Callback::new(move |v: String| path.edit(app, |s| s.last_update = v))
                />
                {choice(path, row, Key::SpatialMatch, Key::GuideCoverage, "spatial", |s| s.spatial_coverage, |s, v| s.spatial_coverage = v)}
                {choice(path, row, Key::TemporalMatch, Key::GuideCoverage, "temporal", |s| s.temporal_coverage, |s, v| s.temporal_coverage = v)}
                {choice(path, row, Key::QualityLabel, Key::GuideQuality, "quality", |s| s.quality, |s, v| s.quality = v)}
                {text("quality-note", Key::QualityNote, |s| &s.quality_note, |s, v| s.quality_note = v)}
                {choice(path, row, Key::DocumentationLabel, Key::GuideDocumentation, "documentation", |s| s.documentation, |s, v| s.documentation = v)}
                {text("documentation-note", Key::DocumentationNote, |s| &s.documentation_note, |s, v| s.documentation_note = v)}
                {choice(path, row, Key::PersonalDataLabel, Key::GuidePersonalData, "personal", |s| s.personal_data, |s, v| s.personal_data = v)}
            </div>
            <fieldset class="flags" aria-describedby=format!("source-formats-help-{id}")>
                <legend>{move || app.t(Key::FormatsLabel)}</legend>
                <p class="help" id=format!("source-formats-help-{id}")>{move || app.t(Key::GuideFormats)}</p>
                {Format::ALL
                    .iter()
                    .filter(|f| **f != Format::Any)
                    .map(|&format| {
                        view! {
                            <CheckboxField
                                id=format!("source-format-{}-{id}", format.slug())
                                label=format.label()
                                checked=Signal::derive(move || source().is_some_and(|s| s.has_format(format)))
                                on_change=Callback::new(move |on: bool| path.edit(app, |s| s.set_format(format, on)))
                            />
                        }
                    })
                    .collect_view()}
            </fieldset>
            <OverrideEditor path row=Memo::new(move |_| source().and_then(|s| s.verdict_override))/>
        </li>
    }
}

/// A select for one criterion of a source, with its guidance.
fn choice<T>(
    path: SourcePath,
    row: Memo<Option<(CandidateSource, Assessment, usize)>>,
    label: Key,
    help: Key,
    field: &'static str,
    get: fn(&CandidateSource) -> T,
    set: fn(&mut CandidateSource, T),
) -> impl IntoView
where
    T: Choice + Label + Default + Send + Sync,
{
    let app = use_app();
    view! {
        <ChoiceSelect
            id=format!("source-{field}-{}", path.source)
            label
            help
            value=Signal::derive(move || row.with(|r| r.as_ref().map(|(s, _, _)| get(s)).unwrap_or_default()))
            on_change=Callback::new(move |v: T| path.edit(app, |s| set(s, v)))
        />
    }
}

/// Score, stars, criteria assessed and verdict of a source; an override says so.
#[component]
fn Outcome(
    #[prop(into)] assessment: Signal<Option<Assessment>>,
    #[prop(into)] reason: Signal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let line = move || {
        let lang = app.lang.get();
        assessment.get().map(|a| {
            let score = Key::ScoreLine.fill(
                lang,
                &[
                    ("score", &a.score.to_string()),
                    ("stars", &a.stars.to_string()),
                ],
            );
            let count =
                Key::CriteriaAssessed.fill(lang, &[("count", &a.assessed_count().to_string())]);
            format!("{score} · {count}")
        })
    };
    let overridden = move || {
        let lang = app.lang.get();
        let a = assessment.get().filter(|a| a.overridden)?;
        let computed = a.computed.map_or(Key::NoVerdict, |v| v.label()).text(lang);
        let reason = reason.get().unwrap_or_default();
        Some(Key::OverriddenBy.fill(lang, &[("reason", reason.trim()), ("computed", computed)]))
    };
    view! {
        <div class="outcome">
            <p class="score">{line}</p>
            <p>
                <strong>{move || app.t(Key::VerdictIs)}</strong>
                " "
                <VerdictBadge verdict=Signal::derive(move || assessment.get().and_then(|a| a.verdict))/>
                {move || overridden().map(|text| view! { <span class="overridden">" — " {text}</span> })}
            </p>
        </div>
    }
}

/// Shows the link as a link when it is http(s); otherwise says why it is not clickable.
#[component]
fn LinkPreview(#[prop(into)] link: Signal<Option<(Option<String>, bool)>>) -> impl IntoView {
    let app = use_app();
    move || match link.get() {
        Some((Some(href), _)) => view! {
            <p>
                <a href=href target="_blank" rel="noopener noreferrer nofollow">
                    {move || app.t(Key::OpenLink)}
                    " "
                    <span class="visually-hidden">{move || app.t(Key::NewTab)}</span>
                </a>
            </p>
        }
        .into_any(),
        Some((None, true)) => {
            view! { <p class="help">{move || app.t(Key::LinkNotClickable)}</p> }.into_any()
        }
        _ => ().into_any(),
    }
}

/// The holder's own verdict, which applies once a reason is given.
#[component]
fn OverrideEditor(path: SourcePath, row: Memo<Option<VerdictOverride>>) -> impl IntoView {
    let app = use_app();
    let id = path.source;
    let enabled = move || row.with(Option::is_some);
    let toggle = Callback::new(move |on: bool| {
        path.edit(app, |s| {
            s.verdict_override = on.then(|| VerdictOverride {
                verdict: Verdict::Orange,
                reason: String::new(),
            });
        })
    });
    view! {
        <div class="override">
            <CheckboxField id=format!("override-{id}") label=Key::OverrideToggle checked=Signal::derive(enabled) on_change=toggle/>
            <Show when=enabled>
                <div class="form-grid">
                    <ChoiceSelect
                        id=format!("override-verdict-{id}")
                        label=Key::OverrideVerdict
                        value=Signal::derive(move || row.get().map_or(Verdict::Orange, |o| o.verdict))
                        on_change=Callback::new(move |v: Verdict| path.edit(app, |s| {
                            if let Some(o) = s.verdict_override.as_mut() {
                                o.verdict = v;
                            }
                        }))
                    />
                    <TextField
                        id=format!("override-reason-{id}")
                        label=Key::OverrideReason
                        help=Key::OverrideNeedsReason
                        value=Signal::derive(move || row.get().map(|o| o.reason).unwrap_or_default())
                        on_input=Callback::new(move |v: String| path.edit(app, |s| {
                            if let Some(o) = s.verdict_override.as_mut() {
                                o.reason = v;
                            }
                        }))
                    />
                </div>
            </Show>
        </div>
    }
}
