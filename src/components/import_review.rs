//! What an import will do, shown before it does it: each incoming project, and for one whose
//! id is already here, the choice between keeping both and replacing (after confirmation).
//! The import itself, and its undo, are the model's (`Workspace::import_projects`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::{ConfirmBox, NotLoaded};
use crate::browser;
use crate::i18n::{DisplayName, Key, Lang};
use crate::model::{ImportLabels, Project, Resolution, Touched, Workspace};
use crate::routes::{Page, ProjectPage};
use crate::state::{use_app, AppState, Undo};

/// "3 wanted datasets · 5 sources · 2 actions · 1 saved version".
pub fn project_counts(project: &Project, lang: Lang) -> String {
    let sources: usize = project.wanted.iter().map(|d| d.sources.len()).sum();
    let actions: usize = project.wanted.iter().map(|d| d.actions.len()).sum();
    Key::ProjectCounts.fill(
        lang,
        &[
            ("wanted", &project.wanted.len().to_string()),
            ("sources", &sources.to_string()),
            ("actions", &actions.to_string()),
            ("versions", &project.snapshots.len().to_string()),
        ],
    )
}

/// Imports the projects with the resolutions chosen, offers the undo, and returns the
/// project to open when there was only one.
fn import(app: AppState, incoming: Vec<(Project, Resolution)>) -> Option<Uuid> {
    let lang = app.lang.get_untracked();
    let now = browser::now_ms();
    let date = browser::format_date_time(now, lang);
    let count = incoming.len();
    let labels = |project: &Project| ImportLabels {
        replaced: Key::SnapshotBeforeImport.fill(lang, &[("date", &date)]),
        copy_name: Key::CopyName.fill(lang, &[("name", &project.display_name(lang))]),
    };
    let outcome = app.change(Touched::Everything, |w| {
        w.import_projects(incoming, now, labels, Uuid::new_v4)
    })?;
    let opened = outcome.single_project();
    let undo: Undo = Arc::new(move || {
        let Some(report) = app.change(Touched::Everything, |w| w.undo_import(&outcome)) else {
            return;
        };
        let lang = app.lang.get_untracked();
        let text = match report.kept.len() {
            0 => Key::ImportUndone.text(lang).to_string(),
            kept => Key::ImportUndoneKept.fill(lang, &[("count", &kept.to_string())]),
        };
        app.show_toast(text, None);
    });
    app.show_toast(
        Key::Imported.fill(lang, &[("count", &count.to_string())]),
        Some(undo),
    );
    opened
}

/// The review, fetched when a file or a link first needs it: the home screen of a first
/// visit does without its code.
#[component]
pub fn ImportReviewLater(
    incoming: Workspace,
    id_prefix: &'static str,
    on_done: Callback<()>,
) -> impl IntoView {
    #[cfg(feature = "split")]
    {
        super::lazily(super::LazyPart::Section, move || {
            let request = ReviewRequest {
                incoming: incoming.clone(),
                id_prefix,
                on_done,
            };
            async move { review(request).await }
        })
    }
    #[cfg(not(feature = "split"))]
    {
        review(ReviewRequest {
            incoming,
            id_prefix,
            on_done,
        })
        .unwrap_or_else(|NotLoaded| ().into_any())
    }
}

struct ReviewRequest {
    incoming: Workspace,
    id_prefix: &'static str,
    on_done: Callback<()>,
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(import_review, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn review(request: ReviewRequest) -> Result<AnyView, NotLoaded> {
    let ReviewRequest {
        incoming,
        id_prefix,
        on_done,
    } = request;
    Ok(view! { <ImportReview incoming id_prefix on_done/> }.into_any())
}

/// Lists `incoming`'s projects and imports them when asked. `id_prefix` keeps the ids of two
/// reviews on one page apart; `on_done` runs after an import or a cancel.
#[component]
pub fn ImportReview(
    incoming: Workspace,
    id_prefix: &'static str,
    on_done: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let projects = Arc::new(incoming.projects);
    // A workshop file dropped here: its workshops come along (merged with one of the same id).
    let workshops = incoming.workshops;
    // A long file is reviewed as counts with one choice for every conflict, rather than a
    // card per project.
    let summary = projects.len() > REVIEW_LIST_MAX;
    let shared = RwSignal::new(Resolution::KeepBoth);
    let choices: Arc<Vec<RwSignal<Resolution>>> = Arc::new(
        projects
            .iter()
            .map(|_| {
                if summary {
                    shared
                } else {
                    RwSignal::new(Resolution::KeepBoth)
                }
            })
            .collect(),
    );
    let confirming = RwSignal::new(false);
    let items = if summary {
        let group = format!("{id_prefix}-all");
        view! { <ImportSummary projects=Arc::clone(&projects) choice=shared group confirming/> }
            .into_any()
    } else {
        let items = projects
            .iter()
            .zip(choices.iter())
            .enumerate()
            .map(|(i, (project, &choice))| {
                let group = format!("{id_prefix}-{i}");
                view! { <ImportItem project=project.clone() choice group confirming/> }
            })
            .collect_view();
        view! { <ul class="import-list">{items}</ul> }.into_any()
    };

    // Navigate before `on_done`, which may remove this review (and its owner) from the page.
    let finish = {
        let choices = Arc::clone(&choices);
        move || {
            let incoming = projects
                .iter()
                .cloned()
                .zip(choices.iter().map(|c| c.get_untracked()))
                .collect();
            if !workshops.is_empty() {
                let now = browser::now_ms();
                app.change(Touched::Everything, |w| {
                    for workshop in workshops.iter().cloned() {
                        w.import_workshop(workshop, now);
                    }
                });
            }
            if let Some(id) = import(app, incoming) {
                navigate(
                    &Page::Project(id, ProjectPage::Overview).href(),
                    Default::default(),
                );
            }
            on_done.run(());
        }
    };
    let finish = StoredValue::new(finish);
    let count = choices.len().to_string();
    let on_import = move |_| {
        let replacing = choices
            .iter()
            .any(|c| c.get_untracked() == Resolution::Replace);
        if replacing && !confirming.get_untracked() {
            confirming.set(true);
            browser::focus_later(format!("{id_prefix}-confirm"));
            return;
        }
        finish.with_value(|f| f());
    };
    view! {
        <div class="import-review" data-testid="import-review">
            {items}
            <Show when=move || confirming.get()>
                <ConfirmBox
                    question=Signal::derive(move || app.t(Key::ConfirmReplace).to_string())
                    yes=Key::YesReplace
                    yes_id=format!("{id_prefix}-confirm")
                    on_yes=Callback::new(move |_| finish.with_value(|f| f()))
                    on_cancel=Callback::new(move |_| confirming.set(false))
                />
            </Show>
            <p class="actions">
                <button type="button" id=format!("{id_prefix}-import") on:click=on_import>
                    {move || Key::ImportProjects.fill(app.lang.get(), &[("count", &count)])}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>
                    {move || app.t(Key::Cancel)}
                </button>
            </p>
        </div>
    }
}

/// Past this many projects, the review shows counts instead of a card per project.
const REVIEW_LIST_MAX: usize = 20;

/// A long file: how many projects, how many already here, and one choice for those.
#[component]
fn ImportSummary(
    projects: Arc<Vec<Project>>,
    choice: RwSignal<Resolution>,
    group: String,
    confirming: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let ids: Vec<Uuid> = projects.iter().map(|p| p.id).collect();
    let existing = Memo::new(move |_| {
        app.with_workspace(|w| ids.iter().filter(|id| w.project(**id).is_some()).count())
    });
    let count = projects.len();
    let text = move || {
        let existing = existing.get();
        Key::ImportSummary.fill(
            app.lang.get(),
            &[
                ("count", &count.to_string()),
                ("new", &(count - existing).to_string()),
                ("existing", &existing.to_string()),
            ],
        )
    };
    let legend = move || app.t(Key::ImportConflictAll).to_string();
    view! {
        <p data-testid="import-summary">{text}</p>
        <Show when=move || { existing.get() > 0 }>
            <ConflictChoice legend=legend() choice group=group.clone() confirming/>
        </Show>
    }
}

/// One incoming project: its name, what it holds, and the choice if its id is taken.
#[component]
fn ImportItem(
    project: Project,
    choice: RwSignal<Resolution>,
    /// Unique on the page: names the radio group and its inputs.
    group: String,
    confirming: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let id = project.id;
    let project = Arc::new(project);
    let title = {
        let project = Arc::clone(&project);
        move || project.display_name(app.lang.get())
    };
    let counts = move || project_counts(&project, app.lang.get());
    // The project already here with this id, if any: its name and last change.
    let existing = Memo::new(move |_| {
        let lang = app.lang.get();
        app.with_workspace(|w| {
            w.project(id).map(|p| {
                let date = browser::format_date_time(p.updated_at, lang);
                Key::ImportConflict.fill(lang, &[("name", &p.display_name(lang)), ("date", &date)])
            })
        })
    });
    view! {
        <li class="card import-item">
            <h3>{title}</h3>
            <p>{counts}</p>
            {move || existing.get().map(|legend| view! { <ConflictChoice legend choice group=group.clone() confirming/> })}
        </li>
    }
}

/// Keep both, or replace: the two answers to an id already taken.
#[component]
fn ConflictChoice(
    legend: String,
    choice: RwSignal<Resolution>,
    group: String,
    confirming: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let keep_id = format!("{group}-keep");
    let replace_id = format!("{group}-replace");
    let name = format!("{group}-resolution");
    view! {
        <fieldset class="conflict">
            <legend>{legend}</legend>
            <div class="radio">
                <input
                    type="radio"
                    id=keep_id.clone()
                    name=name.clone()
                    prop:checked=move || choice.get() == Resolution::KeepBoth
                    on:change=move |_| {
                        choice.set(Resolution::KeepBoth);
                        confirming.set(false);
                    }
                />
                <label for=keep_id>{move || app.t(Key::ImportKeepBoth)}</label>
            </div>
            <div class="radio">
                <input
                    type="radio"
                    id=replace_id.clone()
                    name=name
                    prop:checked=move || choice.get() == Resolution::Replace
                    on:change=move |_| choice.set(Resolution::Replace)
                />
                <label for=replace_id>{move || app.t(Key::ImportReplace)}</label>
            </div>
        </fieldset>
    }
}
