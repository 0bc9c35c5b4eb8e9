//! Catching up with other tabs, and saving: per project, compare the stored revision with
//! the one this tab last read; adopt, merge or write accordingly.

use uuid::Uuid;

use super::super::layout::{
    index_json, name_in, project_body_json, project_key, read_index, read_revision, record_json,
    versions_json, versions_key, KeyKind, INDEX_KEY, LEGACY_KEY, RECORD_HEAD, RETIRED_KEY,
};
use super::super::merge::{merge_ids, merge_projects};
use super::super::{LoadError, Project, Workspace};
use super::{
    blank, marks, set_aside, Base, HeldProject, LoadReport, Mode, Replica, SaveError, Store,
    SyncContext, Synced,
};

impl Replica {
    /// Reads what other tabs wrote since this tab last looked, merging it into `workspace`
    /// (without writing anything). `key` narrows it to one stored key, from a `storage`
    /// event; `None` looks at everything (the page shown again, the tab made visible).
    pub fn catch_up(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        key: Option<KeyKind>,
        ctx: &SyncContext,
    ) -> Synced {
        let mut synced = Synced::default();
        if self.mode != Mode::Layout {
            return synced;
        }
        match key {
            Some(KeyKind::Index) => self.catch_up_index(store, workspace, ctx.now, &mut synced),
            Some(KeyKind::Project(id) | KeyKind::Versions(id)) => {
                self.catch_up_project(store, workspace, id, ctx, &mut synced)
            }
            Some(KeyKind::Legacy) => self.absorb_single_key(store, workspace, ctx, &mut synced),
            Some(KeyKind::Workshop(id)) => {
                self.catch_up_workshop(store, workspace, id, ctx, &mut synced)
            }
            None => {
                self.catch_up_workshops(store, workspace, ctx, &mut synced);
                self.absorb_single_key(store, workspace, ctx, &mut synced);
                self.catch_up_index(store, workspace, ctx.now, &mut synced);
                let ids: Vec<Uuid> = workspace.projects.iter().map(|p| p.id).collect();
                for id in ids {
                    self.catch_up_project(store, workspace, id, ctx, &mut synced);
                }
            }
        }
        synced
    }

    /// Writes the projects that changed (`changed`: their ids, or `None` for any), each after
    /// catching up with its stored record, then the index. Stops at the first failure; what
    /// was not written stays pending and is merged, not replaced, by other tabs' writes.
    pub fn save(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        changed: Option<&[Uuid]>,
        ctx: &SyncContext,
    ) -> (Synced, Result<(), SaveError>) {
        let mut synced = Synced::default();
        let result = match self.mode {
            Mode::ReadOnly => Ok(()),
            Mode::Unmigrated => match store.get(LEGACY_KEY) {
                Some(_) => {
                    self.absorb_single_key(store, workspace, ctx, &mut synced);
                    let text = self.absorbed.clone().unwrap_or_default();
                    self.migrate(store, workspace, &text)
                }
                None => {
                    self.mode = Mode::Layout;
                    self.write(store, workspace, None, ctx, &mut synced)
                }
            },
            Mode::Layout => {
                self.absorb_single_key(store, workspace, ctx, &mut synced);
                self.catch_up_index(store, workspace, ctx.now, &mut synced);
                if self.mode == Mode::ReadOnly {
                    return (synced, Ok(()));
                }
                // What came in may need writing back (merged with an older tab's work).
                let changed = changed.filter(|_| !synced.changed && self.absorbed.is_none());
                self.write(store, workspace, changed, ctx, &mut synced)
            }
        };
        // Workshops name projects: written once the projects are.
        let result = match self.mode {
            Mode::ReadOnly => result,
            _ => result.and_then(|()| self.write_workshops(store, workspace, ctx, &mut synced)),
        };
        (synced, result)
    }

    pub(super) fn write(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        changed: Option<&[Uuid]>,
        ctx: &SyncContext,
        synced: &mut Synced,
    ) -> Result<(), SaveError> {
        let ids: Vec<Uuid> = workspace.projects.iter().map(|p| p.id).collect();
        for id in ids {
            if changed.is_some_and(|changed| !changed.contains(&id)) {
                continue;
            }
            self.catch_up_project(store, workspace, id, ctx, synced);
            let Some(project) = workspace.project(id) else {
                continue;
            };
            // Serialised once: to tell whether it changed, and to write it if it did.
            let body = project_body_json(project);
            let versions = marks(&project.snapshots);
            let base = self.bases.get(&id);
            if base.is_some_and(|b| b.body == body && b.versions == versions) {
                continue;
            }
            let revision = base.map_or(0, |b| b.revision) + 1;
            if base.is_none_or(|b| b.versions != versions) {
                // Versions first: a tab that sees the new record finds its versions there.
                if project.snapshots.is_empty() {
                    store.remove(&versions_key(id));
                } else {
                    store.set(&versions_key(id), &versions_json(&project.snapshots))?;
                }
            }
            store.set(&project_key(id), &record_json(revision, &body))?;
            let base = Base {
                revision,
                body,
                versions,
            };
            self.bases.insert(id, base);
        }
        let ids = self.ids(workspace);
        if ids != self.index {
            store.set(INDEX_KEY, &index_json(&ids))?;
            // Removed here since the index was last read: their keys go once the index no
            // longer names them.
            for gone in self.index.iter().filter(|id| !ids.contains(id)) {
                store.remove(&project_key(*gone));
                store.remove(&versions_key(*gone));
                self.bases.remove(gone);
            }
            self.index = ids;
        }
        if let Some(text) = self.absorbed.take() {
            if store.get(LEGACY_KEY).as_deref() == Some(&text) {
                if store.set(RETIRED_KEY, &text).is_ok() {
                    store.remove(LEGACY_KEY);
                }
            } else {
                self.absorbed = Some(text);
            }
        }
        Ok(())
    }

    /// Brings one project up to its stored record: adopted if this tab has no pending edit
    /// to it, merged with those edits otherwise.
    pub(super) fn catch_up_project(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        id: Uuid,
        ctx: &SyncContext,
        synced: &mut Synced,
    ) {
        let Some(position) = workspace.projects.iter().position(|p| p.id == id) else {
            return;
        };
        let known = self.bases.get(&id).map(|b| b.revision);
        let key = project_key(id);
        let Some(head) = store.head(&key, RECORD_HEAD) else {
            // Removed by another tab: edits made here keep it, as a new project.
            if known.is_some() && !self.is_pending(&workspace.projects[position]) {
                workspace.projects.remove(position);
                self.bases.remove(&id);
                synced.changed = true;
            }
            return;
        };
        // Most of the time the revision is the one this tab knows: only the head is read.
        let revision = read_revision(&head);
        if matches!(revision, Some(Ok(revision)) if Some(revision) == known) {
            return;
        }
        let Some(text) = store.get(&key) else {
            return;
        };
        match revision.unwrap_or_else(|| read_revision(&text).expect("a whole record")) {
            Ok(revision) if Some(revision) == known => return,
            Ok(_) => {}
            Err(LoadError::TooNew { found }) => {
                // A newer version took this project over: this tab stops writing it, and
                // keeps its own unsaved edits aside rather than lose them.
                let ours = workspace.projects.remove(position);
                if self.is_pending(&ours) {
                    let document = Workspace {
                        projects: vec![ours],
                        ..Workspace::default()
                    };
                    set_aside(store, &document.to_json(), ctx.now);
                }
                self.bases.remove(&id);
                self.held.push(HeldProject {
                    id,
                    name: name_in(&text),
                    found,
                });
                synced.changed = true;
                synced.held_changed = true;
                return;
            }
            // Unreadable: this tab's next write replaces it, once it is set aside.
            Err(_) => {
                if set_aside(store, &text, ctx.now).is_some() {
                    store.remove(&project_key(id));
                }
                return;
            }
        }
        let mut ignored = LoadReport::default();
        let theirs = match self.read_stored(store, id, &text, ctx.now, &mut ignored) {
            Ok(Some(record)) => record,
            _ => return,
        };
        let ours = &workspace.projects[position];
        let merged = if self.is_pending(ours) {
            let base = self.base_of(ours, &theirs.project);
            self.merge(base.as_ref(), ours, &theirs.project, ctx, synced)
        } else {
            theirs.project.clone()
        };
        self.remember(theirs.revision, theirs.body, &theirs.project);
        if workspace.projects[position] != merged {
            workspace.projects[position] = merged;
            synced.changed = true;
        }
    }

    /// Merges the index other tabs wrote: their new projects come in, the ones they removed
    /// go unless this tab has edits to them.
    pub(super) fn catch_up_index(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        now: i64,
        synced: &mut Synced,
    ) {
        let stored = match store.get(INDEX_KEY).map(|text| read_index(&text)) {
            Some(Ok(stored)) => stored,
            Some(Err(LoadError::TooNew { .. })) => {
                self.mode = Mode::ReadOnly;
                synced.held_changed = true;
                return;
            }
            // Absent or unreadable: this tab's next write restores it.
            _ => return,
        };
        if stored == self.index {
            return;
        }
        let ours = self.ids(workspace);
        let mut merged = merge_ids(&self.index, &ours, &stored);
        for id in &ours {
            let kept = workspace.project(*id).is_some_and(|p| self.is_pending(p));
            if !merged.contains(id) && kept {
                merged.push(*id);
            }
        }
        let mut before = std::mem::take(&mut workspace.projects);
        let mut ignored = LoadReport::default();
        for id in &merged {
            if let Some(at) = before.iter().position(|p| p.id == *id) {
                workspace.projects.push(before.remove(at));
            } else if !self.held.iter().any(|h| h.id == *id) {
                let Some(text) = store.get(&project_key(*id)) else {
                    continue;
                };
                match self.read_stored(store, *id, &text, now, &mut ignored) {
                    Ok(Some(record)) => {
                        self.remember(record.revision, record.body, &record.project);
                        workspace.projects.push(record.project);
                    }
                    Ok(None) => {}
                    Err(held) => {
                        self.held.push(held);
                        synced.held_changed = true;
                    }
                }
            }
        }
        for gone in &before {
            self.bases.remove(&gone.id);
        }
        self.held.retain(|h| merged.contains(&h.id));
        synced.changed |= !before.is_empty() || self.ids(workspace) != ours;
        self.index = stored;
    }

    /// Merges two versions of a project; on a conflict, this tab's whole version is kept as
    /// a saved version of the merged project.
    pub(super) fn merge(
        &self,
        base: Option<&Project>,
        ours: &Project,
        theirs: &Project,
        ctx: &SyncContext,
        synced: &mut Synced,
    ) -> Project {
        let blank = blank(ours.id);
        let merged = merge_projects(base.unwrap_or(&blank), ours, theirs);
        let mut project = merged.value;
        if merged.conflicts > 0 {
            let label = (ctx.conflict_label)();
            let mut copy = ours.clone();
            copy.take_snapshot((ctx.new_id)(), label.clone(), ctx.now);
            let snapshot = copy.snapshots.remove(0);
            project.snapshots.insert(0, snapshot);
            synced.conflicts.push((project.name.clone(), label));
        }
        project
    }
}
