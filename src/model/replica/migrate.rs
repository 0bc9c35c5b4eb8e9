//! Layout 1, the whole workspace under one key: migrating it, and merging in what a tab still
//! running the previous version writes there afterwards.

use super::super::layout::{
    index_json, project_body_json, project_key, record_json, versions_json, versions_key,
    INDEX_KEY, LEGACY_KEY, RETIRED_KEY,
};
use super::super::{LoadError, Workspace};
use super::{
    set_aside, LoadReport, Mode, Replica, SaveError, Store, SyncContext, Synced, Unreadable,
};

impl Replica {
    /// Layout 1: read the single key and migrate it at once.
    pub(super) fn load_single_key(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        report: &mut LoadReport,
        now: i64,
    ) {
        let Some(raw) = store.get(LEGACY_KEY) else {
            return;
        };
        match Workspace::from_json(&raw) {
            Ok(stored) => {
                *workspace = stored;
                if let Err(error) = self.migrate(store, workspace, &raw) {
                    // What an older tab writes there meanwhile is merged in before retrying.
                    self.mode = Mode::Unmigrated;
                    self.retired = Some(workspace.clone());
                    self.absorbed = Some(raw);
                    report.migration = Some(error);
                }
            }
            Err(LoadError::TooNew { found }) => {
                self.mode = Mode::ReadOnly;
                report.newer = Some(found);
            }
            Err(error) => {
                let set_aside_key = set_aside(store, &raw, now);
                match set_aside_key {
                    Some(_) => store.remove(LEGACY_KEY),
                    None => self.mode = Mode::ReadOnly,
                }
                report.unreadable = Some(Unreadable {
                    error,
                    raw,
                    set_aside_key,
                });
            }
        }
    }

    /// Writes every project and the index, reads them back, and only then retires the single
    /// key (kept aside until the next successful load). A failure leaves the single key as
    /// it was, so the next attempt starts again from it.
    pub(super) fn migrate(
        &mut self,
        store: &mut dyn Store,
        workspace: &Workspace,
        single_key_text: &str,
    ) -> Result<(), SaveError> {
        let bodies: Vec<String> = workspace.projects.iter().map(project_body_json).collect();
        let mut written = Vec::new();
        for (project, body) in workspace.projects.iter().zip(&bodies) {
            if !project.snapshots.is_empty() {
                written.push((versions_key(project.id), versions_json(&project.snapshots)));
            }
            written.push((project_key(project.id), record_json(1, body)));
        }
        written.push((INDEX_KEY.to_string(), index_json(&self.ids(workspace))));
        let result = written.iter().try_for_each(|(key, text)| {
            store.set(key, text)?;
            match store.get(key) {
                Some(back) if back == *text => Ok(()),
                _ => Err(SaveError::Refused(format!("{key} did not read back"))),
            }
        });
        if let Err(error) = result {
            // Without the index the single key stays the truth; the rest is rewritten.
            store.remove(INDEX_KEY);
            return Err(error);
        }
        for (project, body) in workspace.projects.iter().zip(bodies) {
            self.remember(1, body, project);
        }
        self.index = self.ids(workspace);
        self.mode = Mode::Layout;
        // The base for what an older tab writes next: what the single key held (set when it
        // was read, or merged in since).
        if self.retired.is_none() {
            self.retired = Some(workspace.clone());
        }
        self.absorbed = None;
        // If the copy does not fit, the single key stays: merging it in later changes nothing.
        if store.set(RETIRED_KEY, single_key_text).is_ok() {
            store.remove(LEGACY_KEY);
        }
        Ok(())
    }

    /// Merges in the single key a tab still running the previous version wrote, as another
    /// tab's write: its base is what that key held when last migrated or merged.
    pub(super) fn absorb_single_key(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        ctx: &SyncContext,
        synced: &mut Synced,
    ) {
        let Some(text) = store.get(LEGACY_KEY) else {
            return;
        };
        if self.absorbed.as_deref() == Some(&text) {
            return;
        }
        let Ok(theirs) = Workspace::from_json(&text) else {
            if set_aside(store, &text, ctx.now).is_some() {
                store.remove(LEGACY_KEY);
            }
            return;
        };
        for project in &theirs.projects {
            if self.held.iter().any(|h| h.id == project.id) {
                continue;
            }
            let base = self.retired.as_ref().and_then(|w| w.project(project.id));
            match workspace.projects.iter().position(|p| p.id == project.id) {
                Some(at) => {
                    let merged = self.merge(base, &workspace.projects[at], project, ctx, synced);
                    synced.changed |= workspace.projects[at] != merged;
                    workspace.projects[at] = merged;
                }
                // Unchanged there and removed here: it stays removed.
                None if base == Some(project) => {}
                None => {
                    workspace.projects.push(project.clone());
                    synced.changed = true;
                }
            }
        }
        self.retired = Some(theirs);
        self.absorbed = Some(text);
    }
}
