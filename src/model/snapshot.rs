//! Saved versions of a project ("snapshots"), and the record of its last export that drives
//! the backup reminder.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Project;

/// A labelled copy of a project's content at one moment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub id: Uuid,
    pub label: String,
    pub taken_at: i64,
    /// The project as it was, without its own snapshots (they are kept once, on the project).
    pub content: Project,
}

/// Edits since the last export after which the app suggests exporting again. An edit is one
/// change to a field (a keystroke in a text): a few hundred means several fields rewritten.
pub const BACKUP_REMINDER_EDITS: u32 = 300;

/// Browsers may clear the storage of a site not visited for a week (Safari does): past this
/// long without a file backup, a project with data gets the reminder too.
pub const BACKUP_REMINDER_DAYS: i64 = 7;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Why the backup reminder shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupDue {
    /// Many edits since the last backup.
    Edits,
    /// A week or more since the last backup (or since the project began, if never).
    Days,
}

/// When the project was last exported, and how much it has changed since.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupRecord {
    pub last_export_at: Option<i64>,
    pub edits_since_export: u32,
    /// `edits_since_export` when the user last said "remind me later",
    pub snoozed_at_edits: u32,
    /// and when (schema 6).
    pub snoozed_at: Option<i64>,
}

impl BackupRecord {
    pub fn count_edit(&mut self) {
        self.edits_since_export = self.edits_since_export.saturating_add(1);
    }

    pub fn exported(&mut self, now: i64) {
        *self = BackupRecord {
            last_export_at: Some(now),
            ..BackupRecord::default()
        };
    }

    pub fn snooze(&mut self, now: i64) {
        self.snoozed_at_edits = self.edits_since_export;
        self.snoozed_at = Some(now);
    }

    pub fn reminder_due(&self) -> bool {
        self.edits_since_export
            .saturating_sub(self.snoozed_at_edits)
            >= BACKUP_REMINDER_EDITS
    }
}

impl Project {
    /// Whether to suggest a JSON backup now: after many edits, or after a week without one
    /// once the project holds data; "remind me later" waits for the next of either.
    pub fn backup_due(&self, now: i64) -> Option<BackupDue> {
        let record = &self.backup;
        if record.reminder_due() {
            return Some(BackupDue::Edits);
        }
        let since = record
            .last_export_at
            .unwrap_or(self.created_at)
            .max(record.snoozed_at.unwrap_or(i64::MIN));
        let has_data = !self.wanted.is_empty();
        (has_data && now.saturating_sub(since) >= BACKUP_REMINDER_DAYS * DAY_MS)
            .then_some(BackupDue::Days)
    }
}

impl Project {
    /// The project's content without its history, as a snapshot or share link holds it.
    pub fn content(&self) -> Project {
        Project {
            snapshots: Vec::new(),
            backup: BackupRecord::default(),
            ..self.clone()
        }
    }

    pub fn snapshot(&self, id: Uuid) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    /// Saves the current content under `label`; the newest snapshot comes first.
    pub fn take_snapshot(&mut self, id: Uuid, label: String, now: i64) {
        let content = self.content();
        self.snapshots.insert(
            0,
            Snapshot {
                id,
                label,
                taken_at: now,
                content,
            },
        );
    }

    /// Brings back a snapshot's content. The current content is first saved as a snapshot
    /// labelled `current_label`, so a restore can itself be undone. False if there is no such
    /// snapshot.
    pub fn restore_snapshot(
        &mut self,
        snapshot: Uuid,
        current_label: String,
        now: i64,
        new_id: Uuid,
    ) -> bool {
        let Some(old) = self.snapshot(snapshot).map(|s| s.content.clone()) else {
            return false;
        };
        self.take_snapshot(new_id, current_label, now);
        let snapshots = std::mem::take(&mut self.snapshots);
        let backup = std::mem::take(&mut self.backup);
        *self = Project {
            id: self.id,
            created_at: self.created_at,
            updated_at: now,
            snapshots,
            backup,
            ..old
        };
        true
    }

    pub fn delete_snapshot(&mut self, id: Uuid) -> Option<(usize, Snapshot)> {
        let index = self.snapshots.iter().position(|s| s.id == id)?;
        Some((index, self.snapshots.remove(index)))
    }

    /// Puts a deleted snapshot back where it was, unless one with its id is there already.
    pub fn restore_deleted_snapshot(&mut self, index: usize, snapshot: Snapshot) {
        if self.snapshot(snapshot.id).is_none() {
            let index = index.min(self.snapshots.len());
            self.snapshots.insert(index, snapshot);
        }
    }
}

impl super::Workspace {
    /// Records a JSON export of these projects. Not an edit: the projects' own content and
    /// change date stay as they are.
    pub fn mark_exported(&mut self, ids: &[Uuid], now: i64) {
        for project in self.projects.iter_mut().filter(|p| ids.contains(&p.id)) {
            project.backup.exported(now);
        }
    }

    pub fn snooze_backup_reminder(&mut self, id: Uuid, now: i64) {
        if let Some(project) = self.projects.iter_mut().find(|p| p.id == id) {
            project.backup.snooze(now);
        }
    }
}
