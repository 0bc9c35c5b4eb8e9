//! The handle to one workshop: how workshop pages read and edit it. Its edits touch no
//! project, so no project list refreshes and no project is rewritten.

use uuid::Uuid;

use super::AppState;
use crate::browser;
use crate::components::FieldSource;
use crate::model::{Project, Touched, Workshop, Workspace};

#[derive(Clone, Copy)]
pub struct WorkshopHandle {
    app: AppState,
    id: Uuid,
}

impl WorkshopHandle {
    pub fn new(app: AppState, id: Uuid) -> Self {
        WorkshopHandle { app, id }
    }

    pub fn id(self) -> Uuid {
        self.id
    }

    pub fn app(self) -> AppState {
        self.app
    }

    /// Reads the workshop (`None` once it is gone), tracked.
    pub fn with<R>(self, read: impl FnOnce(&Workshop) -> R) -> Option<R> {
        self.app.with_workspace(|w| w.workshop(self.id).map(read))
    }

    pub fn with_untracked<R>(self, read: impl FnOnce(&Workshop) -> R) -> Option<R> {
        self.app
            .with_workspace_untracked(|w| w.workshop(self.id).map(read))
    }

    /// Reads the workshop with its projects in this browser, in its order, tracked.
    pub fn with_projects<R>(self, read: impl FnOnce(&Workshop, &[&Project]) -> R) -> Option<R> {
        self.app.with_workspace(|w: &Workspace| {
            let workshop = w.workshop(self.id)?;
            Some(read(workshop, &w.workshop_projects(self.id)))
        })
    }

    pub fn edit<R>(self, edit: impl FnOnce(&mut Workshop) -> R) -> Option<R> {
        let now = browser::now_ms();
        self.app
            .change(Touched::Workshop(self.id), |w| {
                w.edit_workshop(self.id, now, edit)
            })
            .flatten()
    }
}

impl FieldSource for WorkshopHandle {
    type Item = Workshop;

    fn read<R>(self, read: impl FnOnce(&Workshop) -> R) -> Option<R> {
        self.with(read)
    }

    fn write(self, write: impl FnOnce(&mut Workshop)) {
        self.edit(write);
    }
}
