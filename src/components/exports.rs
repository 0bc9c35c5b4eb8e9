//! Export buttons and the backup reminder: the glue between `crate::export` (which builds
//! the files) and the browser (which downloads them).

use leptos::prelude::*;

use super::ButtonLink;
use crate::browser;
use crate::export::{export_project, export_workspace, ExportFile, ProjectExport};
use crate::i18n::Key;
use crate::model::{BackupDue, ItemPath, Touched};
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
    let lang = app.lang.get_untracked();
    let Some(mut copy) = project.with_untracked(Clone::clone) else {
        return;
    };
    if kind == ProjectExport::Json {
        copy.backup.exported(now);
    }
    let file = export_project(&copy, kind, lang, &browser::iso_today(), now);
    if offer(app, file) && kind == ProjectExport::Json {
        let id = project.id();
        app.change(Touched::At(ItemPath::project(id)), |w| {
            w.mark_exported(&[id], now)
        });
    }
}

/// Downloads every project as one JSON file.
pub fn download_workspace(app: AppState) {
    let now = browser::now_ms();
    let mut workspace = app.with_workspace_untracked(Clone::clone);
    let ids: Vec<_> = workspace.projects.iter().map(|p| p.id).collect();
    workspace.mark_exported(&ids, now);
    if offer(
        app,
        export_workspace(&workspace, &browser::iso_today(), now),
    ) {
        app.change(Touched::Everything, |w| w.mark_exported(&ids, now));
    }
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
