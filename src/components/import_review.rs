//! What an import will do, shown before it does it: each incoming project, and for one whose
//! id is already here, the choice between keeping both and replacing (after confirmation).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::browser;
use crate::i18n::{Key, Lang};
use crate::model::{ImportLabels, Project, Resolution, Workspace};
use crate::state::use_app;

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

fn display_name(project: &Project, lang: Lang) -> String {
    if project.name.trim().is_empty() {
        Key::UntitledProject.text(lang).to_string()
    } else {
        project.name.clone()
    }
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
    let choices: Vec<RwSignal<Resolution>> = projects
        .iter()
        .map(|_| RwSignal::new(Resolution::KeepBoth))
        .collect();
    let confirming = RwSignal::new(false);

    let rows = projects
        .iter()
        .enumerate()
        .map(|(i, project)| {
            let choice = choices[i];
            let id = project.id;
            let title = {
                let project = project.clone();
                move || display_name(&project, app.lang.get())
            };
            let counts = {
                let project = project.clone();
                move || project_counts(&project, app.lang.get())
            };
            let existing = move || {
                app.workspace.with(|w| {
                    w.project(id)
                        .map(|p| (display_name(p, app.lang.get()), p.updated_at))
                })
            };
            let conflict = move || {
                existing().map(|(existing_name, updated)| {
                    let lang = app.lang.get();
                    let legend = Key::ImportConflict.fill(
                        lang,
                        &[
                            ("name", &existing_name),
                            ("date", &browser::format_date_time(updated, lang)),
                        ],
                    );
                    let keep_id = format!("{id_prefix}-{i}-keep");
                    let replace_id = format!("{id_prefix}-{i}-replace");
                    let group = format!("{id_prefix}-{i}-resolution");
                    view! {
                        <fieldset class="conflict">
                            <legend>{legend}</legend>
                            <div class="radio">
                                <input
                                    type="radio"
                                    id=keep_id.clone()
                                    name=group.clone()
                                    prop:checked=move || choice.get() == Resolution::KeepBoth
                                    on:change=move |_| {
                                        choice.set(Resolution::KeepBoth);
                                        confirming.set(false);
                                    }
                                />
                                <label for=keep_id>{app.t(Key::ImportKeepBoth)}</label>
                            </div>
                            <div class="radio">
                                <input
                                    type="radio"
                                    id=replace_id.clone()
                                    name=group
                                    prop:checked=move || choice.get() == Resolution::Replace
                                    on:change=move |_| choice.set(Resolution::Replace)
                                />
                                <label for=replace_id>{app.t(Key::ImportReplace)}</label>
                            </div>
                        </fieldset>
                    }
                })
            };
            view! {
                <li class="card import-item">
                    <h3>{title}</h3>
                    <p>{counts}</p>
                    {conflict}
                </li>
            }
        })
        .collect_view();

    let apply = {
        let projects = Arc::clone(&projects);
        let choices = choices.clone();
        move || {
            let lang = app.lang.get_untracked();
            let now = browser::now_ms();
            let date = browser::format_date_time(now, lang);
            let mut added = Vec::new();
            let mut replaced = Vec::new();
            app.workspace.update(|w| {
                for (project, choice) in projects.iter().zip(&choices) {
                    let resolution = choice.get_untracked();
                    let before = w.project(project.id).cloned();
                    let labels = ImportLabels {
                        replaced: Key::SnapshotBeforeImport.fill(lang, &[("date", &date)]),
                        copy_name: Key::CopyName
                            .fill(lang, &[("name", &display_name(project, lang))]),
                    };
                    let id =
                        w.import_project(project.clone(), resolution, now, labels, Uuid::new_v4);
                    match (before, resolution) {
                        (Some(old), Resolution::Replace) => replaced.push(old),
                        _ => added.push(id),
                    }
                }
            });
            let count = projects.len();
            let only = (count == 1).then(|| added.first().copied().unwrap_or(projects[0].id));
            let workspace = app.workspace;
            let undo: crate::state::Undo = Arc::new(move || {
                workspace.update(|w| {
                    w.projects.retain(|p| !added.contains(&p.id));
                    for old in &replaced {
                        if let Some(slot) = w.projects.iter_mut().find(|p| p.id == old.id) {
                            *slot = old.clone();
                        }
                    }
                });
            });
            app.show_toast(
                Key::Imported.fill(lang, &[("count", &count.to_string())]),
                Some(undo),
            );
            only
        }
    };
    let apply = StoredValue::new(apply);
    // Navigate before `on_done`, which may remove this review (and its owner) from the page.
    let finish = move || {
        if let Some(id) = apply.with_value(|apply| apply()) {
            navigate(&format!("/project/{id}"), Default::default());
        }
        on_done.run(());
    };
    let finish = StoredValue::new(finish);
    let choices_for_click = choices.clone();
    let on_import = move |_| {
        let replacing = choices_for_click
            .iter()
            .any(|c| c.get_untracked() == Resolution::Replace);
        if replacing && !confirming.get_untracked() {
            confirming.set(true);
            browser::focus_later(format!("{id_prefix}-confirm"));
            return;
        }
        finish.with_value(|f| f());
    };
    let count = projects.len();
    let confirm = move || {
        confirming.get().then(|| {
            view! {
                <div class="notice notice-warning" role="alert">
                    <p>{app.t(Key::ConfirmReplace)}</p>
                    <p class="actions">
                        <button
                            type="button"
                            id=format!("{id_prefix}-confirm")
                            on:click=move |_| finish.with_value(|f| f())
                        >
                            {app.t(Key::YesReplace)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                            {app.t(Key::Cancel)}
                        </button>
                    </p>
                </div>
            }
        })
    };
    view! {
        <div class="import-review" data-testid="import-review">
            <ul class="import-list">{rows}</ul>
            {confirm}
            <p class="actions">
                <button type="button" id=format!("{id_prefix}-import") on:click=on_import>
                    {move || Key::ImportProjects.fill(app.lang.get(), &[("count", &count.to_string())])}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>
                    {move || app.t(Key::Cancel)}
                </button>
            </p>
        </div>
    }
}
