//! Export buttons and the backup reminder: the glue between `crate::export` (which builds
//! the files) and the browser (which downloads them).

use leptos::prelude::*;

use super::{ButtonLink, NotLoaded};
use crate::browser;
use crate::export::{export_project, export_workspace, ExportFile, ProjectExport};
use crate::i18n::{Key, Lang};
use crate::model::{BackupDue, ItemPath, Project, Touched, Workspace};
use crate::routes::ProjectPage;
use crate::state::{use_app, AppState, Handle, ProjectHandle};

/// Hands a file to the browser; says so when the browser refuses it.
pub fn offer(app: AppState, file: ExportFile) -> bool {
    let text = String::from_utf8_lossy(&file.bytes);
    let done = browser::download(&file.name, file.mime, &text).is_ok();
    if !done {
        app.show_toast(app.t(Key::DownloadFailed).to_string(), None);
    }
    done
}

/// Downloads one export of a project. A JSON file is a backup: it records itself as the
/// last export (so the file and the browser agree), and resets the backup reminder.
pub fn download_project(project: ProjectHandle, kind: ProjectExport) {
    let app = project.app();
    let now = browser::now_ms();
    let Some(mut copy) = project.with_untracked(Clone::clone) else {
        return;
    };
    if kind == ProjectExport::Json {
        copy.backup.exported(now);
    }
    let id = project.id();
    let request = ExportRequest::new(app, Export::Project(Box::new(copy), kind), now);
    leptos::task::spawn_local(async move {
        if download(app, request).await && kind == ProjectExport::Json {
            app.change(Touched::At(ItemPath::project(id)), |w| {
                w.mark_exported(&[id], now)
            });
        }
    });
}

/// Downloads every project as one JSON file.
pub fn download_workspace(app: AppState) {
    let now = browser::now_ms();
    let mut workspace = app.with_workspace_untracked(Clone::clone);
    let ids: Vec<_> = workspace.projects.iter().map(|p| p.id).collect();
    workspace.mark_exported(&ids, now);
    let request = ExportRequest::new(app, Export::Workspace(workspace), now);
    leptos::task::spawn_local(async move {
        if download(app, request).await {
            app.change(Touched::Everything, |w| w.mark_exported(&ids, now));
        }
    });
}

/// What is to be written.
enum Export {
    Project(Box<Project>, ProjectExport),
    Workspace(Workspace),
}

/// A file to write, with what dates and translates it.
struct ExportRequest {
    export: Export,
    lang: Lang,
    today: String,
    now: i64,
}

impl ExportRequest {
    fn new(app: AppState, export: Export, now: i64) -> Self {
        ExportRequest {
            export,
            lang: app.lang.get_untracked(),
            today: browser::iso_today(),
            now,
        }
    }
}

/// Writes the file and hands it to the browser; says why when either fails.
async fn download(app: AppState, request: ExportRequest) -> bool {
    #[cfg(feature = "split")]
    let file = write_file(request).await;
    #[cfg(not(feature = "split"))]
    let file = write_file(request);
    match file {
        Ok(file) => offer(app, file),
        Err(NotLoaded) => {
            app.show_toast(app.t(Key::ExportNotLoaded).to_string(), None);
            false
        }
    }
}

/// The writers (JSON, the Markdown report, the CSV tables) come with the first download
/// (`components::lazy`): the first screen does not need them.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(exports, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn write_file(request: ExportRequest) -> Result<ExportFile, NotLoaded> {
    let ExportRequest {
        export,
        lang,
        today,
        now,
    } = request;
    Ok(match export {
        Export::Project(project, kind) => export_project(&project, kind, lang, &today, now),
        Export::Workspace(workspace) => export_workspace(&workspace, &today, now),
    })
}

fn export_label(kind: ProjectExport) -> Key {
    match kind {
        ProjectExport::Json => Key::ExportJson,
        ProjectExport::Markdown => Key::ExportMarkdown,
        ProjectExport::WantedCsv => Key::ExportWantedCsv,
        ProjectExport::SourcesCsv => Key::ExportSourcesCsv,
        ProjectExport::ActionsCsv => Key::ExportActionsCsv,
    }
}

/// One button per kind of export.
#[component]
pub fn ExportButtons(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let buttons = ProjectExport::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <li>
                    <button type="button" on:click=move |_| download_project(project, kind)>
                        {move || app.t(export_label(kind))}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="export-buttons">{buttons}</ul> }
}

/// Suggests a JSON backup once the project has changed a lot, or a week has gone by, since
/// the last one. Shown on every project page, under the project navigation; never printed.
#[component]
pub fn BackupReminder(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let now = browser::now_ms();
    let due = Memo::new(move |_| {
        project
            .with(|p| p.backup_due(now).map(|due| (due, p.backup.last_export_at)))
            .flatten()
    });
    let snooze = move |_| {
        let id = project.id();
        app.change(Touched::At(ItemPath::project(id)), |w| {
            w.snooze_backup_reminder(id, browser::now_ms())
        });
    };
    move || {
        let (due, last_export) = due.get()?;
        let text = move || {
            let lang = app.lang.get();
            let key = match (due, last_export) {
                (BackupDue::Edits, Some(_)) => Key::BackupReminderSince,
                (BackupDue::Edits, None) => Key::BackupReminderNever,
                (BackupDue::Days, Some(_)) => Key::BackupReminderDays,
                (BackupDue::Days, None) => Key::BackupReminderNeverDays,
            };
            match last_export {
                Some(at) => key.fill(lang, &[("date", &browser::format_date_time(at, lang))]),
                None => key.text(lang).to_string(),
            }
        };
        Some(view! {
            <div class="notice notice-info backup-reminder no-print" role="status" data-testid="backup-reminder">
                <p>{text}</p>
                <p class="actions">
                    <button type="button" on:click=move |_| download_project(project, ProjectExport::Json)>
                        {move || app.t(Key::ExportJson)}
                    </button>
                    <ButtonLink href=project.href(ProjectPage::Files) label=Key::FilesAndVersions secondary=true/>
                    <button type="button" class="secondary" on:click=snooze>
                        {move || app.t(Key::RemindLater)}
                    </button>
                </p>
            </div>
        })
    }
}
