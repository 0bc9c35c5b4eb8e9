//! This tab's copy of what is stored: loading (and migrating the single-key layout),
//! catching up with what other tabs wrote, and saving what changed, project by project, as
//! compare-and-write against the revision this tab last read.
//!
//! For each project the replica keeps the revision and content it last read or wrote: the
//! common base when another tab wrote since, so that the two versions merge field by field
//! (`merge`) instead of the last writer winning. Everything here runs against [`Store`], so
//! native tests play several tabs on one shared store.

mod migrate;
mod sync;
#[cfg(test)]
mod tests;
mod workshops;

use std::collections::HashMap;

use uuid::Uuid;

use super::layout::{
    name_in, project_body_json, project_key, read_index, read_project, read_project_body,
    read_versions, versions_key, KeyKind, ProjectRecord, INDEX_KEY, LEGACY_KEY, RETIRED_KEY,
    SET_ASIDE_PREFIX,
};
use super::{LoadError, Project, Snapshot, Workspace};

/// Why a write was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Unavailable,
    QuotaExceeded,
    Refused(String),
}

/// A key-value store with localStorage's semantics (synchronous, strings).
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// The first `chars` characters of a value: enough to read a record's revision without
    /// carrying a whole project across.
    fn head(&self, key: &str, chars: usize) -> Option<String> {
        self.get(key).map(|text| text.chars().take(chars).collect())
    }
}

/// What the replica needs from the outside world during a sync.
pub struct SyncContext<'a> {
    pub now: i64,
    /// The label of a conflict copy ("Conflict copy — <date>"), made only when needed.
    pub conflict_label: &'a dyn Fn() -> String,
    pub new_id: &'a dyn Fn() -> Uuid,
}

/// A project stored but not shown, and never written by this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldProject {
    pub id: Uuid,
    pub name: Option<String>,
    /// The schema version that wrote it.
    pub found: u64,
}

/// Something that could not be read at load time.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub error: LoadError,
    pub raw: String,
    /// Where it was copied; `None` if the copy failed, so nothing may overwrite the original.
    pub set_aside_key: Option<String>,
}

/// What happened at load time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    /// The first text that could not be read (others are set aside the same way).
    pub unreadable: Option<Unreadable>,
    /// Everything stored was written by a newer version (of this schema version).
    pub newer: Option<u64>,
    /// Migrating the single-key layout failed; the old key is intact and it is retried.
    pub migration: Option<SaveError>,
    /// Changes wait to be written (merged from an older tab, or an index to tidy).
    pub pending: bool,
    /// What merging an older tab's write brought.
    pub synced: Synced,
}

/// What a sync did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Synced {
    /// The workspace now holds work from another tab.
    pub changed: bool,
    /// Projects (names) where both tabs changed the same field: the other tab's value was
    /// kept, and this tab's version saved as a version labelled `conflict_label`.
    pub conflicts: Vec<(String, String)>,
    /// Which projects are held, if that changed.
    pub held_changed: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Mode {
    #[default]
    Layout,
    /// The single key is still the truth: the next save migrates.
    Unmigrated,
    /// What is stored cannot be written safely: newer, or unreadable and not set aside.
    ReadOnly,
}

/// What this tab last read or wrote of a project: the common base of a merge. Its text
/// rather than a copy: a save serialises the project anyway, and comparing the two texts
/// tells whether it changed. Saved versions never change once taken, so their ids, times
/// and labels tell whether the list did.
#[derive(Clone, Debug)]
struct Base {
    revision: u64,
    body: String,
    versions: Vec<VersionMark>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct VersionMark {
    id: Uuid,
    taken_at: i64,
    label: String,
}

fn marks(snapshots: &[Snapshot]) -> Vec<VersionMark> {
    snapshots
        .iter()
        .map(|s| VersionMark {
            id: s.id,
            taken_at: s.taken_at,
            label: s.label.clone(),
        })
        .collect()
}

/// This tab's knowledge of the store.
#[derive(Debug, Default)]
pub struct Replica {
    bases: HashMap<Uuid, Base>,
    /// The index as last read or written.
    index: Vec<Uuid>,
    held: Vec<HeldProject>,
    mode: Mode,
    /// The single-key workspace as last migrated or merged in: the base for merging what a
    /// tab still running an older version writes there.
    retired: Option<Workspace>,
    /// The older tab's text merged in, to retire once what it brought is stored.
    absorbed: Option<String>,
    workshop_bases: HashMap<Uuid, workshops::WorkshopBase>,
    /// Workshops stored by a newer version (or unreadable and not set aside): never written.
    held_workshops: Vec<Uuid>,
}

impl Replica {
    pub fn held(&self) -> &[HeldProject] {
        &self.held
    }

    /// True when nothing may be written (the caller says so instead of saving).
    pub fn read_only(&self) -> bool {
        self.mode == Mode::ReadOnly
    }

    /// Whether `store` holds anything [`Replica::load`] reads. A first visit holds nothing,
    /// and starts with an empty workspace without the code that reads and writes projects.
    pub fn needs_reading(store: &dyn Store) -> bool {
        store.keys().iter().any(|key| KeyKind::of(key).is_some())
    }

    /// Reads the store; anything unreadable is set aside before anything else is written.
    pub fn load(store: &mut dyn Store, ctx: &SyncContext) -> (Replica, Workspace, LoadReport) {
        let now = ctx.now;
        let mut replica = Replica::default();
        let mut workspace = Workspace::default();
        let mut report = LoadReport::default();
        let stored = store.get(INDEX_KEY).map(|text| (read_index(&text), text));
        let from_index = stored.is_some();
        match stored {
            Some((Ok(ids), _)) => {
                replica.index = ids.clone();
                replica.load_projects(store, ids, &mut workspace, &mut report, now);
            }
            Some((Err(LoadError::TooNew { found }), _)) => {
                replica.mode = Mode::ReadOnly;
                report.newer = Some(found);
            }
            Some((Err(error), raw)) => {
                // The projects are still in their keys: the index is rebuilt from them.
                let set_aside_key = set_aside(store, &raw, now);
                if set_aside_key.is_none() {
                    replica.mode = Mode::ReadOnly;
                }
                report.unreadable = Some(Unreadable {
                    error,
                    raw,
                    set_aside_key,
                });
                replica.load_projects(store, Vec::new(), &mut workspace, &mut report, now);
            }
            None => replica.load_single_key(store, &mut workspace, &mut report, now),
        }
        if replica.mode == Mode::Layout && from_index {
            match store.get(LEGACY_KEY) {
                Some(_) => {
                    replica.retired = store
                        .get(RETIRED_KEY)
                        .and_then(|text| Workspace::from_json(&text).ok());
                    replica.absorb_single_key(store, &mut workspace, ctx, &mut report.synced);
                }
                // Loaded well from the new layout: the migrated text is no longer needed.
                None if report.unreadable.is_none() => store.remove(RETIRED_KEY),
                None => {}
            }
        }
        if replica.mode != Mode::ReadOnly {
            replica.load_workshops(store, &mut workspace, &mut report, now);
        }
        if replica.mode == Mode::Layout {
            report.pending = replica.absorbed.is_some()
                || replica.index != replica.ids(&workspace)
                || replica.unstored_workshop(&workspace);
        }
        (replica, workspace, report)
    }

    fn load_projects(
        &mut self,
        store: &mut dyn Store,
        mut ids: Vec<Uuid>,
        workspace: &mut Workspace,
        report: &mut LoadReport,
        now: i64,
    ) {
        // A project written without reaching the index (a tab closed between the two) is
        // still a project.
        for key in store.keys() {
            if let Some(KeyKind::Project(id)) = KeyKind::of(&key) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        for id in ids {
            let Some(text) = store.get(&project_key(id)) else {
                continue;
            };
            match self.read_stored(store, id, &text, now, report) {
                Ok(Some(record)) => {
                    self.remember(record.revision, record.body, &record.project);
                    workspace.projects.push(record.project);
                }
                Ok(None) => {}
                Err(held) => self.held.push(held),
            }
        }
    }

    /// A stored project with its versions. `Ok(None)`: unreadable, set aside and removed.
    fn read_stored(
        &mut self,
        store: &mut dyn Store,
        id: Uuid,
        text: &str,
        now: i64,
        report: &mut LoadReport,
    ) -> Result<Option<ProjectRecord>, HeldProject> {
        let held = |found| HeldProject {
            id,
            name: name_in(text),
            found,
        };
        let mut unreadable = |store: &mut dyn Store, error, raw: String, key: &str| {
            let set_aside_key = set_aside(store, &raw, now);
            let kept = set_aside_key.is_some();
            if kept {
                store.remove(key);
            }
            report.unreadable.get_or_insert(Unreadable {
                error,
                raw,
                set_aside_key,
            });
            kept
        };
        let mut record = match read_project(text) {
            Ok(record) => record,
            Err(LoadError::TooNew { found }) => return Err(held(found)),
            Err(error) => {
                return if unreadable(store, error, text.to_string(), &project_key(id)) {
                    Ok(None)
                } else {
                    Err(held(0))
                };
            }
        };
        if let Some(versions) = store.get(&versions_key(id)) {
            match read_versions(&versions) {
                Ok(snapshots) => record.project.snapshots = snapshots,
                Err(LoadError::TooNew { found }) => return Err(held(found)),
                // The project itself is fine: only its saved versions are set aside.
                Err(error) => {
                    if !unreadable(store, error, versions, &versions_key(id)) {
                        return Err(held(0));
                    }
                }
            }
        }
        Ok(Some(record))
    }

    /// Notes what the store holds of `project` (its text is `body`).
    fn remember(&mut self, revision: u64, body: String, project: &Project) {
        let base = Base {
            revision,
            body,
            versions: marks(&project.snapshots),
        };
        self.bases.insert(project.id, base);
    }

    /// Whether this tab changed the project since it last read or wrote it.
    fn is_pending(&self, project: &Project) -> bool {
        self.bases.get(&project.id).is_none_or(|base| {
            base.versions != marks(&project.snapshots) || base.body != project_body_json(project)
        })
    }

    /// The project as this tab last read or wrote it, for a merge. Its saved versions are
    /// found in `ours` or `theirs` by id (they never change once taken).
    fn base_of(&self, ours: &Project, theirs: &Project) -> Option<Project> {
        let base = self.bases.get(&ours.id)?;
        let mut project = read_project_body(&base.body).ok()?;
        project.snapshots = base
            .versions
            .iter()
            .filter_map(|mark| {
                let find = |p: &Project| p.snapshot(mark.id).cloned();
                find(ours).or_else(|| find(theirs))
            })
            .collect();
        Some(project)
    }

    /// The index this tab would write: its projects, and the ones it holds unread where the
    /// stored index had them.
    fn ids(&self, workspace: &Workspace) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = workspace.projects.iter().map(|p| p.id).collect();
        for held in &self.held {
            let stored_at = self.index.iter().position(|id| *id == held.id);
            let after = stored_at.and_then(|at| {
                self.index[..at]
                    .iter()
                    .rev()
                    .find_map(|prev| ids.iter().position(|id| id == prev))
            });
            let at = match (after, stored_at) {
                (Some(prev), _) => prev + 1,
                (None, Some(_)) => 0,
                (None, None) => ids.len(),
            };
            ids.insert(at, held.id);
        }
        ids
    }
}

/// A project with nothing in it: the base when there is no common one, so that every field
/// both sides filled differently is a conflict, and nothing is taken silently.
fn blank(id: Uuid) -> Project {
    Project {
        id,
        ..Project::default()
    }
}

/// Copies a text under a key of its own that no later save will reuse.
pub fn set_aside(store: &mut dyn Store, raw: &str, now: i64) -> Option<String> {
    let mut key = format!("{SET_ASIDE_PREFIX}{now}");
    let mut n = 1;
    while store.get(&key).is_some() {
        key = format!("{SET_ASIDE_PREFIX}{now}-{n}");
        n += 1;
    }
    store.set(&key, raw).ok().map(|()| key)
}
