//! One signal per row of a long list: the unit of per-row reactivity.
//!
//! A memo per row over the whole workspace re-runs every row at every keystroke (40 ms per
//! keystroke at 500 rows). Here one effect per list asks the change log which rows the
//! changes since its last run touched, reads those rows again, and sets a row's signal only
//! when its value really changed: a keystroke wakes one row. Changes it cannot place (an
//! import, another tab, an edit to the list's parent) make it compare every row.
//!
//! The signals belong to the list, not to the row components, so a row removed and brought
//! back by "undo" finds its signal alive. Used by the Wanted Data List, the source cards
//! and the roadmap's action editors.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use super::AppState;
use crate::model::{ListScope, Refresh, Workspace};

type ReadRow<T> = Arc<dyn Fn(&Workspace, Uuid) -> Option<T> + Send + Sync>;

pub struct RowSignals<T: Send + Sync + 'static> {
    rows: StoredValue<HashMap<Uuid, RwSignal<Option<T>>>>,
    owner: StoredValue<Owner>,
    read: StoredValue<ReadRow<T>>,
    app: AppState,
}

impl<T: Send + Sync + 'static> Clone for RowSignals<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for RowSignals<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> RowSignals<T> {
    /// The rows of a list under `scope`; `read` finds one row's value (the view model a row
    /// component shows) in the workspace, or `None` once it is gone.
    pub fn new(
        app: AppState,
        scope: ListScope,
        read: impl Fn(&Workspace, Uuid) -> Option<T> + Send + Sync + 'static,
    ) -> Self {
        let list = RowSignals {
            rows: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current().expect("a list is built inside a component")),
            read: StoredValue::new(Arc::new(read) as ReadRow<T>),
            app,
        };
        follow_changes(
            app,
            scope,
            Arc::new(move |id| list.rows.with_value(|rows| rows.contains_key(&id))),
            Arc::new(move |refresh| list.sync(refresh)),
        );
        list
    }

    /// The signal of one row, made on first use.
    pub fn row(self, id: Uuid) -> ReadSignal<Option<T>> {
        if let Some(row) = self.rows.with_value(|rows| rows.get(&id).copied()) {
            return row.read_only();
        }
        let read = self.read.get_value();
        let current = self.app.with_workspace_untracked(|w| read(w, id));
        let row = self
            .owner
            .with_value(|owner| owner.with(|| RwSignal::new(current)));
        self.rows.update_value(|rows| {
            rows.insert(id, row);
        });
        row.read_only()
    }

    fn sync(self, refresh: Refresh) {
        let ids: Vec<Uuid> = match refresh {
            Refresh::All => self.rows.with_value(|rows| rows.keys().copied().collect()),
            Refresh::Rows(ids) => ids,
        };
        if ids.is_empty() {
            return;
        }
        let read = self.read.get_value();
        let changed: Vec<(RwSignal<Option<T>>, Option<T>)> =
            self.app.with_workspace_untracked(|w| {
                self.rows.with_value(|rows| {
                    ids.iter()
                        .filter_map(|id| {
                            let row = *rows.get(id)?;
                            let value = read(w, *id);
                            row.with_untracked(|current| *current != value)
                                .then_some((row, value))
                        })
                        .collect()
                })
            });
        // Set outside the reads above: setting wakes views, which may read the workspace.
        for (row, value) in changed {
            row.set(value);
        }
    }
}

/// The effect behind every [`RowSignals`], written once rather than once per row type:
/// after each change to the workspace, hands `sync` the rows the new changes touched.
fn follow_changes(
    app: AppState,
    scope: ListScope,
    is_row: Arc<dyn Fn(Uuid) -> bool + Send + Sync>,
    sync: Arc<dyn Fn(Refresh) + Send + Sync>,
) {
    let seen = StoredValue::new(app.changes.with_value(|log| log.last()));
    Effect::new(move |_| {
        app.workspace.track();
        let refresh = app.changes.with_value(|log| {
            let refresh = log.refresh(seen.get_value(), scope, &*is_row);
            seen.set_value(log.last());
            refresh
        });
        sync(refresh);
    });
}
