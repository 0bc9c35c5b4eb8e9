//! Projects arriving in a workshop: several files at once (picked or dropped), or a share
//! link. Each file is read and checked whole; a project already here shows what changed
//! and replaces nothing until the facilitator says so, and a file that does not look newer
//! is left unticked. Workshop files bring their workshop too (merged with one of the same id).

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser;
use crate::export::decode_share_link;
use crate::i18n::{import_error_message, share_error_message, DisplayName, Key, Lang};
use crate::model::{
    looks_newer, parse_import, ImportError, ImportLabels, Project, ProjectChanges, Resolution,
    Touched, Workshop, Workspace, MAX_IMPORT_BYTES,
};
use crate::state::{use_app, Undo};

/// One project of the files, as the review shows it.
#[derive(Clone)]
struct Arrival {
    project: Project,
    /// What changed since the copy here; `None` for a new project.
    changes: Option<ProjectChanges>,
    /// The copy here's last change, when the file does not look newer.
    older_than: Option<i64>,
    replace: RwSignal<bool>,
}

/// `into`: the workshop the projects join (none on the list of workshops, where files bring
/// their own).
#[component]
pub fn WorkshopImport(
    into: Option<Uuid>,
    id_prefix: &'static str,
    /// The file field's label: participants' files, or a workshop file.
    files_label: Key,
) -> impl IntoView {
    let app = use_app();
    // (file name, or none for a link; why it was not read)
    let problems = RwSignal::new(Vec::<(Option<String>, String)>::new());
    let arrivals = RwSignal::new(Vec::<Arrival>::new());
    let workshops = RwSignal::new(Vec::<Workshop>::new());
    let dragging = RwSignal::new(false);
    let link = RwSignal::new(String::new());

    let take = move |name: Option<String>, read: Result<Workspace, String>| match read {
        Ok(file) => {
            app.with_workspace_untracked(|here| {
                arrivals.update(|list| {
                    for project in file.projects {
                        list.retain(|a| a.project.id != project.id);
                        list.push(arrival(here, project));
                    }
                })
            });
            workshops.update(|list| list.extend(file.workshops));
        }
        Err(reason) => problems.update(|p| p.push((name, reason))),
    };
    let take_files = move |files: web_sys::FileList| {
        problems.set(Vec::new());
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let name = file.name();
            let lang = app.lang.get_untracked();
            let size = file.size() as usize;
            if size > MAX_IMPORT_BYTES {
                let error = ImportError::TooLarge {
                    size,
                    limit: MAX_IMPORT_BYTES,
                };
                take(Some(name), Err(import_error_message(&error, lang)));
                continue;
            }
            leptos::task::spawn_local(async move {
                let read = match browser::read_file(file).await {
                    Ok(text) => parse_import(&text).map_err(|e| import_error_message(&e, lang)),
                    Err(_) => Err(Key::ImportCouldNotRead.text(lang).to_string()),
                };
                take(Some(name), read);
            });
        }
    };
    let read_link = move |_| {
        problems.set(Vec::new());
        let text = link.get_untracked();
        let fragment = text.split_once('#').map_or(text.as_str(), |(_, f)| f);
        let lang = app.lang.get_untracked();
        let read = match decode_share_link(fragment.trim()) {
            Some(Ok(file)) => Ok(file),
            Some(Err(error)) => Err(share_error_message(&error, lang)),
            None => Err(share_error_message(
                &crate::export::ShareError::Damaged,
                lang,
            )),
        };
        if read.is_ok() {
            link.set(String::new());
        }
        take(None, read);
    };
    let clear = move || {
        arrivals.set(Vec::new());
        workshops.set(Vec::new());
    };
    let apply = move |_| {
        let chosen: Vec<Project> = arrivals.with_untracked(|list| {
            list.iter()
                .filter(|a| a.changes.is_none() || a.replace.get_untracked())
                .map(|a| a.project.clone())
                .collect()
        });
        let members: Vec<Uuid> =
            arrivals.with_untracked(|l| l.iter().map(|a| a.project.id).collect());
        let files_workshops = workshops.get_untracked();
        let lang = app.lang.get_untracked();
        let now = browser::now_ms();
        let date = browser::format_date_time(now, lang);
        let labels = |project: &Project| ImportLabels {
            replaced: Key::SnapshotBeforeImport.fill(lang, &[("date", &date)]),
            copy_name: project.display_name(lang),
        };
        let updated = arrivals.with_untracked(|list| {
            list.iter()
                .filter(|a| a.changes.is_some() && a.replace.get_untracked())
                .count()
        });
        let workshop_count = files_workshops.len();
        let project_count = chosen.len();
        let mut joined = Vec::new();
        let outcome = app.change(Touched::Everything, |w| {
            let incoming = chosen
                .into_iter()
                .map(|p| (p, Resolution::Replace))
                .collect();
            let outcome = w.import_projects(incoming, now, labels, Uuid::new_v4);
            for workshop in files_workshops {
                w.import_workshop(workshop, now);
            }
            if let Some(target) = into {
                w.edit_workshop(target, now, |ws| {
                    joined = members
                        .iter()
                        .copied()
                        .filter(|id| ws.add_project(*id))
                        .collect();
                });
            }
            outcome
        });
        let added = joined.len();
        clear();
        // Projects and memberships can be taken back; a workshop merged from a file cannot
        // (it lost nothing), so that import offers no undo.
        let undo: Option<Undo> = outcome.filter(|_| workshop_count == 0).map(|outcome| {
            Arc::new(move || {
                app.change(Touched::Everything, |w| {
                    w.undo_import(&outcome);
                    if let Some(target) = into {
                        w.edit_workshop(target, browser::now_ms(), |ws| {
                            for id in &joined {
                                ws.remove_project(*id);
                            }
                        });
                    }
                });
            }) as Undo
        });
        let text = match into {
            Some(_) => Key::FilesImported.fill(
                lang,
                &[
                    ("count", &added.to_string()),
                    ("updated", &updated.to_string()),
                ],
            ),
            None => Key::WorkshopFileImported.fill(
                lang,
                &[
                    ("workshops", &workshop_count.to_string()),
                    ("projects", &project_count.to_string()),
                ],
            ),
        };
        match undo {
            Some(undo) => app.offer_undo(text, undo),
            None => app.show_toast(text, None),
        }
    };

    let file_id = format!("{id_prefix}-files");
    let link_id = format!("{id_prefix}-link");
    let review = move || {
        let list = arrivals.get();
        let names = workshops.with(|w| {
            w.iter()
                .map(|w| w.display_name(app.lang.get()))
                .collect::<Vec<_>>()
        });
        if list.is_empty() && names.is_empty() {
            return None;
        }
        let items = list
            .into_iter()
            .enumerate()
            .map(|(i, a)| view! { <ArrivalItem arrival=a id=format!("{id_prefix}-replace-{i}")/> })
            .collect_view();
        let workshop_lines = names
            .into_iter()
            .map(|name| {
                let text = move || Key::WorkshopFileMerged.fill(app.lang.get(), &[("name", &name)]);
                view! { <li>{text}</li> }
            })
            .collect_view();
        Some(view! {
            <div class="import-review" data-testid="workshop-review">
                <h3>{move || app.t(Key::ReviewTitle)}</h3>
                <ul class="import-list">{workshop_lines} {items}</ul>
                <p class="actions">
                    <button type="button" on:click=apply>{move || app.t(Key::ApplyImport)}</button>
                    <button type="button" class="secondary" on:click=move |_| clear()>{move || app.t(Key::Cancel)}</button>
                </p>
            </div>
        })
    };
    let problem_list = move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let lang = app.lang.get();
            let items = list
                .into_iter()
                .map(|(name, reason)| {
                    view! {
                        <li>
                            {name.map(|name| view! {
                                <strong>{Key::ImportFileNamed.fill(lang, &[("name", &name)])}</strong> " "
                            })}
                            {reason}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="notice notice-error" role="alert" data-testid="import-error">
                    <ul>{items}</ul>
                    <p>{Key::NothingChanged.text(lang)}</p>
                </div>
            }
        })
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                    take_files(files);
                }
            }
        >
            <div class="field">
                <label for=file_id.clone()>{move || app.t(files_label)}</label>
                <input
                    type="file"
                    id=file_id
                    multiple
                    accept=".json,application/json"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(files) = input.files() {
                            take_files(files);
                        }
                        input.set_value("");
                    }
                />
            </div>
            <div class="field inline-field">
                <label for=link_id.clone()>{move || app.t(Key::PasteShareLink)}</label>
                <input
                    type="url"
                    id=link_id
                    prop:value=move || link.get()
                    on:input:target=move |ev| link.set(ev.target().value())
                />
                <button type="button" class="secondary" on:click=read_link>{move || app.t(Key::ReadShareLink)}</button>
            </div>
            {problem_list}
            {review}
        </div>
    }
}

fn arrival(here: &Workspace, project: Project) -> Arrival {
    let held = here.project(project.id);
    let changes = held.map(|held| ProjectChanges::between(held, &project));
    let newer = held.is_none_or(|held| looks_newer(held, &project));
    Arrival {
        older_than: held.filter(|_| !newer).map(|h| h.updated_at),
        changes,
        replace: RwSignal::new(newer),
        project,
    }
}

#[component]
fn ArrivalItem(arrival: Arrival, id: String) -> impl IntoView {
    let app = use_app();
    let name = {
        let project = arrival.project.clone();
        move || project.display_name(app.lang.get())
    };
    let file_time = arrival.project.updated_at;
    let status = match arrival.changes {
        None => view! { <p>{move || app.t(Key::ReviewNew)}</p> }.into_any(),
        Some(changes) => {
            let older = arrival.older_than.map(|here| {
                move || {
                    let lang = app.lang.get();
                    Key::ReviewOlder.fill(
                        lang,
                        &[
                            ("file", &browser::format_date_time(file_time, lang)),
                            ("here", &browser::format_date_time(here, lang)),
                        ],
                    )
                }
            });
            let replace = arrival.replace;
            view! {
                {change_summary(changes, app.lang)}
                {older.map(|o| view! { <p class="notice notice-warning">{o}</p> })}
                <div class="field checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || replace.get()
                        on:change:target=move |ev| replace.set(ev.target().checked())
                    />
                    <label for=id>{move || app.t(Key::ReviewReplace)}</label>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <li class="card" data-testid="arrival">
            <h4>{name}</h4>
            {status}
        </li>
    }
}

/// What a re-import changes, one line per kind of change.
fn change_summary(changes: ProjectChanges, lang: RwSignal<Lang>) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p>{move || Key::ReviewSame.text(lang.get())}</p> }.into_any();
    }
    let names = |list: Vec<String>| list.join(", ");
    let mut lines: Vec<(Key, String, &'static str)> = Vec::new();
    let mut names_of = |key, list: Vec<String>| {
        if !list.is_empty() {
            lines.push((key, names(list), "names"));
        }
    };
    names_of(
        Key::ChangeAdded,
        changes.added.iter().map(|d| d.name.clone()).collect(),
    );
    names_of(
        Key::ChangeRemoved,
        changes.removed.iter().map(|d| d.name.clone()).collect(),
    );
    names_of(
        Key::ChangeRescored,
        changes
            .rescored
            .iter()
            .map(|r| r.dataset.name.clone())
            .collect(),
    );
    for (key, count) in [
        (Key::ChangeEvaluated, changes.sources_evaluated.len()),
        (Key::ChangeActionsAdded, changes.actions_added.len()),
        (Key::ChangeActionsDone, changes.actions_done.len()),
    ] {
        if count > 0 {
            lines.push((key, count.to_string(), "count"));
        }
    }
    let items = lines
        .into_iter()
        .map(|(key, value, name)| view! { <li>{move || key.fill(lang.get(), &[(name, &value)])}</li> })
        .collect_view();
    view! {
        <p>{move || Key::ReviewChanged.text(lang.get())}</p>
        <ul data-testid="changes">{items}</ul>
    }
    .into_any()
}
