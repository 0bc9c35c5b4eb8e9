//! Small `Copy` handles to one project, wanted dataset, candidate source or roadmap action:
//! the one way pages read and edit them. Finding the item, stamping the project as changed
//! and recording what changed are written once, here.

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use super::{AppState, RowSignals, Undo};
use crate::i18n::DisplayName;
use crate::model::{
    CandidateSource, Direction, ItemPath, ListScope, Project, RoadmapAction, Route, Snapshot,
    WantedDataset, Workspace,
};
use crate::routes::{Page, ProjectPage};

/// Reading and editing one item of the workspace through its handle.
pub trait Handle: Copy + Send + Sync + 'static {
    type Item: Clone + 'static;

    fn app(self) -> AppState;
    /// Where the item is: what an edit through this handle touches.
    fn path(self) -> ItemPath;
    fn find(self, project: &Project) -> Option<&Self::Item>;
    fn find_mut(self, project: &mut Project) -> Option<&mut Self::Item>;

    /// Reads the item (`None` once it is gone), and re-runs the caller when the workspace
    /// changes. Lists with many rows read through [`super::RowSignals`] instead.
    fn with<R>(self, read: impl FnOnce(&Self::Item) -> R) -> Option<R> {
        self.app()
            .with_workspace(|w| self.in_workspace(w).map(read))
    }

    fn with_untracked<R>(self, read: impl FnOnce(&Self::Item) -> R) -> Option<R> {
        self.app()
            .with_workspace_untracked(|w| self.in_workspace(w).map(read))
    }

    /// A copy of the item, tracked like [`Handle::with`].
    fn get(self) -> Option<Self::Item> {
        self.with(Self::Item::clone)
    }

    fn in_workspace(self, workspace: &Workspace) -> Option<&Self::Item> {
        self.find(workspace.project(self.path().project)?)
    }

    /// Changes the item; the project is stamped as changed. `None` if the item is gone.
    fn edit<R>(self, edit: impl FnOnce(&mut Self::Item) -> R) -> Option<R> {
        self.app()
            .edit_project(self.path(), |p| self.find_mut(p).map(edit))
            .flatten()
    }

    /// The name as typed, or "Untitled …", in the current language (tracked).
    fn display_name(self) -> String
    where
        Self::Item: DisplayName,
    {
        let lang = self.app().lang.get();
        self.with(|item| item.display_name(lang))
            .unwrap_or_default()
    }
}

#[derive(Clone, Copy)]
pub struct ProjectHandle {
    app: AppState,
    id: Uuid,
}

#[derive(Clone, Copy)]
pub struct WantedHandle {
    project: ProjectHandle,
    id: Uuid,
}

#[derive(Clone, Copy)]
pub struct SourceHandle {
    wanted: WantedHandle,
    id: Uuid,
}

#[derive(Clone, Copy)]
pub struct ActionHandle {
    wanted: WantedHandle,
    id: Uuid,
}

impl Handle for ProjectHandle {
    type Item = Project;

    fn app(self) -> AppState {
        self.app
    }
    fn path(self) -> ItemPath {
        ItemPath::project(self.id)
    }
    fn find(self, project: &Project) -> Option<&Project> {
        Some(project)
    }
    fn find_mut(self, project: &mut Project) -> Option<&mut Project> {
        Some(project)
    }
}

impl Handle for WantedHandle {
    type Item = WantedDataset;

    fn app(self) -> AppState {
        self.project.app
    }
    fn path(self) -> ItemPath {
        ItemPath::wanted(self.project.id, self.id)
    }
    fn find(self, project: &Project) -> Option<&WantedDataset> {
        project.wanted(self.id)
    }
    fn find_mut(self, project: &mut Project) -> Option<&mut WantedDataset> {
        project.wanted_mut(self.id)
    }
}

impl Handle for SourceHandle {
    type Item = CandidateSource;

    fn app(self) -> AppState {
        self.wanted.app()
    }
    fn path(self) -> ItemPath {
        ItemPath::item(self.wanted.project.id, self.wanted.id, self.id)
    }
    fn find(self, project: &Project) -> Option<&CandidateSource> {
        self.wanted.find(project)?.source(self.id)
    }
    fn find_mut(self, project: &mut Project) -> Option<&mut CandidateSource> {
        self.wanted.find_mut(project)?.source_mut(self.id)
    }
}

impl Handle for ActionHandle {
    type Item = RoadmapAction;

    fn app(self) -> AppState {
        self.wanted.app()
    }
    fn path(self) -> ItemPath {
        ItemPath::item(self.wanted.project.id, self.wanted.id, self.id)
    }
    fn find(self, project: &Project) -> Option<&RoadmapAction> {
        self.wanted.find(project)?.action(self.id)
    }
    fn find_mut(self, project: &mut Project) -> Option<&mut RoadmapAction> {
        self.wanted.find_mut(project)?.action_mut(self.id)
    }
}

/// Takes an item out of its parent and returns it with an undo that puts it back where it
/// was (unless an item with its id has come back since). Both are recorded `at` the item
/// removed, so that a list showing it refreshes that row.
fn remove_with_undo<P: Handle, T: Clone + Send + Sync + 'static>(
    parent: P,
    at: ItemPath,
    take: impl FnOnce(&mut P::Item) -> Option<(usize, T)>,
    put_back: fn(&mut P::Item, usize, T),
) -> Option<(T, Undo)> {
    let app = parent.app();
    let (index, item) = app
        .edit_project(at, |p| parent.find_mut(p).and_then(take))
        .flatten()?;
    let kept = item.clone();
    let undo: Undo = Arc::new(move || {
        let item = kept.clone();
        app.edit_project(at, |p| {
            if let Some(parent) = parent.find_mut(p) {
                put_back(parent, index, item);
            }
        });
    });
    Some((item, undo))
}

impl ProjectHandle {
    pub fn new(app: AppState, id: Uuid) -> Self {
        ProjectHandle { app, id }
    }

    pub fn id(self) -> Uuid {
        self.id
    }

    /// The address of one of this project's pages.
    pub fn href(self, page: ProjectPage) -> String {
        Page::Project(self.id, page).href()
    }

    pub fn wanted(self, id: Uuid) -> WantedHandle {
        WantedHandle { project: self, id }
    }

    /// Deletes a saved version; the undo puts it back in its place.
    pub fn delete_snapshot(self, id: Uuid) -> Option<(Snapshot, Undo)> {
        remove_with_undo(
            self,
            self.path(),
            |p| p.delete_snapshot(id),
            Project::restore_deleted_snapshot,
        )
    }

    /// The ids of the Wanted Data List, in order; changes only when rows come, go or move.
    pub fn wanted_ids(self) -> Memo<Vec<Uuid>> {
        Memo::new(move |_| {
            self.with(|p| p.wanted.iter().map(|d| d.id).collect())
                .unwrap_or_default()
        })
    }

    /// The ids of the datasets still pursued (not dropped), in order.
    pub fn active_wanted_ids(self) -> Memo<Vec<Uuid>> {
        Memo::new(move |_| {
            self.with(|p| p.active_wanted().map(|d| d.id).collect())
                .unwrap_or_default()
        })
    }

    /// One signal per row for a list of the project's items (datasets, or actions found by
    /// id); `read` gives a row's view model.
    pub fn rows<T: Clone + PartialEq + Send + Sync + 'static>(
        self,
        read: impl Fn(&Workspace, Uuid) -> Option<T> + Send + Sync + 'static,
    ) -> RowSignals<T> {
        let scope = ListScope {
            project: self.id,
            wanted: None,
        };
        RowSignals::new(self.app, scope, read)
    }

    /// Adds an empty wanted dataset at the end of the list.
    pub fn add_wanted(self) -> WantedHandle {
        let id = Uuid::new_v4();
        self.edit(|p| p.add_wanted(WantedDataset::new(id)));
        self.wanted(id)
    }
}

impl WantedHandle {
    pub fn id(self) -> Uuid {
        self.id
    }

    pub fn project(self) -> ProjectHandle {
        self.project
    }

    pub fn source(self, id: Uuid) -> SourceHandle {
        SourceHandle { wanted: self, id }
    }

    pub fn action(self, id: Uuid) -> ActionHandle {
        ActionHandle { wanted: self, id }
    }

    /// The ids of the dataset's candidate sources, in order.
    pub fn source_ids(self) -> Memo<Vec<Uuid>> {
        Memo::new(move |_| {
            self.with(|d| d.sources.iter().map(|s| s.id).collect())
                .unwrap_or_default()
        })
    }

    /// One signal per source of this dataset; `read` gives a row's view model.
    pub fn source_rows<T: Clone + PartialEq + Send + Sync + 'static>(
        self,
        read: impl Fn(&Workspace, Uuid) -> Option<T> + Send + Sync + 'static,
    ) -> RowSignals<T> {
        let scope = ListScope {
            project: self.project.id,
            wanted: Some(self.id),
        };
        RowSignals::new(self.app(), scope, read)
    }

    pub fn add_source(self) -> SourceHandle {
        let id = Uuid::new_v4();
        self.edit(|d| d.sources.push(CandidateSource::new(id)));
        self.source(id)
    }

    /// Adds a source already filled (from a catalogue record).
    pub fn add_filled_source(self, source: CandidateSource) -> SourceHandle {
        let id = source.id;
        self.edit(|d| d.sources.push(source));
        self.source(id)
    }

    pub fn add_action(self, route: Route) -> ActionHandle {
        let id = Uuid::new_v4();
        self.edit(|d| d.actions.push(RoadmapAction::new(id, route)));
        self.action(id)
    }

    pub fn remove(self) -> Option<(WantedDataset, Undo)> {
        let id = self.id;
        // Recorded at the project: the dataset's sources and actions go with it.
        remove_with_undo(
            self.project,
            self.project.path(),
            |p| p.remove_wanted(id),
            Project::restore_wanted,
        )
    }

    /// Moves the dataset one place in the list; false at an end. Recorded as a change of
    /// this row (the others keep their content), so the list compares one row, not all.
    pub fn move_by(self, direction: Direction) -> bool {
        let id = self.id;
        self.app()
            .edit_project(self.path(), |p| p.move_wanted(id, direction))
            .unwrap_or(false)
    }
}

impl SourceHandle {
    pub fn id(self) -> Uuid {
        self.id
    }

    pub fn remove(self) -> Option<(CandidateSource, Undo)> {
        let id = self.id;
        remove_with_undo(
            self.wanted,
            self.path(),
            |d| d.remove_source(id),
            WantedDataset::restore_source,
        )
    }
}

impl ActionHandle {
    pub fn id(self) -> Uuid {
        self.id
    }

    pub fn project(self) -> ProjectHandle {
        self.wanted.project
    }

    pub fn remove(self) -> Option<(RoadmapAction, Undo)> {
        let id = self.id;
        remove_with_undo(
            self.wanted,
            self.path(),
            |d| d.remove_action(id),
            WantedDataset::restore_action,
        )
    }
}
