//! Workshops in the store: each under a key of its own with a revision, caught up with and
//! merged like projects (compare the stored revision with the one this tab last read), but
//! simpler: no saved versions, no index (the keys say which there are). On a conflict the
//! other tab's value stays and this tab's whole workshop is set aside, never dropped.

use uuid::Uuid;

use super::super::layout::{
    read_workshop, workshop_body_json, workshop_key, workshop_record_json, KeyKind,
};
use super::super::workshop::merge_workshops;
use super::super::{LoadError, Workshop, Workspace};
use super::{set_aside, LoadReport, Replica, SaveError, Store, SyncContext, Synced, Unreadable};

/// What this tab last read or wrote of a workshop.
#[derive(Clone, Debug)]
pub(super) struct WorkshopBase {
    revision: u64,
    body: String,
}

fn stored_workshops(store: &dyn Store) -> Vec<Uuid> {
    store
        .keys()
        .iter()
        .filter_map(|key| match KeyKind::of(key) {
            Some(KeyKind::Workshop(id)) => Some(id),
            _ => None,
        })
        .collect()
}

impl Replica {
    pub(super) fn load_workshops(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        report: &mut LoadReport,
        now: i64,
    ) {
        let mut found = Vec::new();
        for id in stored_workshops(store) {
            let key = workshop_key(id);
            let Some(text) = store.get(&key) else {
                continue;
            };
            match read_workshop(&text) {
                Ok((revision, workshop, body)) => {
                    self.workshop_bases
                        .insert(id, WorkshopBase { revision, body });
                    found.push(workshop);
                }
                Err(LoadError::TooNew { .. }) => self.held_workshops.push(id),
                Err(error) => {
                    let set_aside_key = set_aside(store, &text, now);
                    match set_aside_key {
                        Some(_) => store.remove(&key),
                        None => self.held_workshops.push(id),
                    }
                    report.unreadable.get_or_insert(Unreadable {
                        error,
                        raw: text,
                        set_aside_key,
                    });
                }
            }
        }
        // The single key may have held some (read before): the stored key is the newer.
        for workshop in found {
            workspace.workshops.retain(|w| w.id != workshop.id);
            workspace.workshops.push(workshop);
        }
        workspace.workshops.sort_by_key(|w| (w.created_at, w.id));
    }

    /// A workshop this tab holds that is not stored yet.
    pub(super) fn unstored_workshop(&self, workspace: &Workspace) -> bool {
        workspace
            .workshops
            .iter()
            .any(|w| !self.workshop_bases.contains_key(&w.id))
    }

    /// Catches up with every stored workshop, including ones other tabs created.
    pub(super) fn catch_up_workshops(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        ctx: &SyncContext,
        synced: &mut Synced,
    ) {
        let mut ids: Vec<Uuid> = workspace.workshops.iter().map(|w| w.id).collect();
        for id in stored_workshops(store) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        for id in ids {
            self.catch_up_workshop(store, workspace, id, ctx, synced);
        }
    }

    /// Brings one workshop up to its stored record: adopted when this tab has not changed
    /// it, merged otherwise.
    pub(super) fn catch_up_workshop(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        id: Uuid,
        ctx: &SyncContext,
        synced: &mut Synced,
    ) {
        if self.held_workshops.contains(&id) {
            return;
        }
        let position = workspace.workshops.iter().position(|w| w.id == id);
        let base = self.workshop_bases.get(&id).cloned();
        let pending = |w: &Workshop| {
            base.as_ref()
                .is_none_or(|b| b.body != workshop_body_json(w))
        };
        let Some(text) = store.get(&workshop_key(id)) else {
            // Removed by another tab: kept if this tab changed it since.
            if let (Some(at), Some(_)) = (position, &base) {
                if !pending(&workspace.workshops[at]) {
                    workspace.workshops.remove(at);
                    synced.changed = true;
                }
            }
            self.workshop_bases.remove(&id);
            return;
        };
        let (revision, theirs, body) = match read_workshop(&text) {
            Ok(read) => read,
            Err(LoadError::TooNew { .. }) => {
                if let Some(at) = position {
                    let ours = workspace.workshops.remove(at);
                    if pending(&ours) {
                        set_aside_workshop(store, ours, ctx.now);
                    }
                    synced.changed = true;
                }
                self.workshop_bases.remove(&id);
                self.held_workshops.push(id);
                return;
            }
            // Unreadable: set aside, and this tab's next write replaces it.
            Err(_) => {
                if set_aside(store, &text, ctx.now).is_some() {
                    store.remove(&workshop_key(id));
                }
                return;
            }
        };
        if base.as_ref().is_some_and(|b| b.revision == revision) {
            return;
        }
        let merged = match position {
            // Removed here since: the next write removes it from the store too.
            None if base.is_some() => return,
            None => theirs,
            Some(at) => {
                let ours = &workspace.workshops[at];
                if !pending(ours) {
                    theirs
                } else {
                    let base = base
                        .as_ref()
                        .and_then(|b| serde_json::from_str(&b.body).ok());
                    let merged = merge_workshops(base.as_ref(), ours, &theirs);
                    if merged.conflicts > 0 {
                        set_aside_workshop(store, ours.clone(), ctx.now);
                    }
                    merged.value
                }
            }
        };
        self.workshop_bases
            .insert(id, WorkshopBase { revision, body });
        match position {
            Some(at) if workspace.workshops[at] == merged => {}
            Some(at) => {
                workspace.workshops[at] = merged;
                synced.changed = true;
            }
            None => {
                workspace.workshops.push(merged);
                synced.changed = true;
            }
        }
    }

    /// Writes the workshops that changed, and removes the ones removed here.
    pub(super) fn write_workshops(
        &mut self,
        store: &mut dyn Store,
        workspace: &mut Workspace,
        ctx: &SyncContext,
        synced: &mut Synced,
    ) -> Result<(), SaveError> {
        let ids: Vec<Uuid> = workspace.workshops.iter().map(|w| w.id).collect();
        for id in ids {
            self.catch_up_workshop(store, workspace, id, ctx, synced);
            let Some(workshop) = workspace.workshop(id) else {
                continue;
            };
            let body = workshop_body_json(workshop);
            let base = self.workshop_bases.get(&id);
            if base.is_some_and(|b| b.body == body) {
                continue;
            }
            let revision = base.map_or(0, |b| b.revision) + 1;
            store.set(&workshop_key(id), &workshop_record_json(revision, &body))?;
            self.workshop_bases
                .insert(id, WorkshopBase { revision, body });
        }
        let gone: Vec<Uuid> = self
            .workshop_bases
            .keys()
            .filter(|id| workspace.workshop(**id).is_none())
            .copied()
            .collect();
        for id in gone {
            store.remove(&workshop_key(id));
            self.workshop_bases.remove(&id);
        }
        Ok(())
    }
}

/// Keeps this tab's version of a workshop where the set-aside texts are listed.
fn set_aside_workshop(store: &mut dyn Store, workshop: Workshop, now: i64) {
    let document = Workspace {
        workshops: vec![workshop],
        ..Workspace::default()
    };
    set_aside(store, &document.to_json(), now);
}
