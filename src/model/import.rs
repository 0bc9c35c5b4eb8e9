//! Reading a file or link someone hands the app, and adding its projects to the workspace.
//!
//! Everything is checked before anything is touched: `parse_import` either returns a whole,
//! valid workspace or says what is wrong and where.

use std::collections::HashSet;

use uuid::Uuid;

use super::{LoadError, Project, Snapshot, Workspace};

/// Larger than any real project (a 500-dataset project is about 1 MB) and small enough that
/// reading it never stalls the page.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// More projects than a workshop cohort and its archive hold: past it, a file is refused
/// before any review is built.
pub const MAX_IMPORT_PROJECTS: usize = 1_000;

/// Ten times the biggest list a workshop produced (85 datasets for 7 projects).
pub const MAX_IMPORT_WANTED: usize = 5_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        size: usize,
        limit: usize,
    },
    Unreadable(LoadError),
    /// A valid document with nothing to import.
    NoProjects,
    /// Two things in the file claim the same identity; `path` is the second one.
    DuplicateId {
        path: String,
    },
    TooManyProjects {
        count: usize,
        limit: usize,
    },
    /// `path` is the project with too long a Wanted Data List.
    TooManyWanted {
        path: String,
        count: usize,
        limit: usize,
    },
}

impl From<LoadError> for ImportError {
    fn from(error: LoadError) -> Self {
        ImportError::Unreadable(error)
    }
}

/// What to do with an imported project whose id is already in the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Put it in place of the existing one, which is kept as a snapshot of the new one.
    Replace,
    /// Add it beside the existing one, with fresh ids.
    KeepBoth,
}

/// Reads an exported file (or a stored workspace), migrating older versions.
pub fn parse_import(text: &str) -> Result<Workspace, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let document = super::document::read_document(text)?;
    check_counts(&document)?;
    let workspace = Workspace::from_document(document)?;
    if workspace.projects.is_empty() && workspace.workshops.is_empty() {
        return Err(ImportError::NoProjects);
    }
    check_ids(&workspace)?;
    Ok(workspace)
}

/// Counted on the raw document, before the typed workspace (let alone a review) is built.
fn check_counts(document: &serde_json::Value) -> Result<(), ImportError> {
    let Some(projects) = document.get("projects").and_then(|p| p.as_array()) else {
        return Ok(());
    };
    if projects.len() > MAX_IMPORT_PROJECTS {
        return Err(ImportError::TooManyProjects {
            count: projects.len(),
            limit: MAX_IMPORT_PROJECTS,
        });
    }
    for (i, project) in projects.iter().enumerate() {
        let count = project
            .get("wanted")
            .and_then(|w| w.as_array())
            .map_or(0, Vec::len);
        if count > MAX_IMPORT_WANTED {
            return Err(ImportError::TooManyWanted {
                path: format!("projects[{i}]"),
                count,
                limit: MAX_IMPORT_WANTED,
            });
        }
    }
    Ok(())
}

/// Pages find rows by id, so a file where two rows share one would make edits land on the
/// wrong row. Ids need only be unique among siblings; snapshots repeat them on purpose.
fn check_ids(workspace: &Workspace) -> Result<(), ImportError> {
    fn unique<T>(
        items: &[T],
        id: impl Fn(&T) -> Uuid,
        path: impl Fn(usize) -> String,
    ) -> Result<(), ImportError> {
        let mut seen = HashSet::new();
        match items.iter().position(|item| !seen.insert(id(item))) {
            Some(i) => Err(ImportError::DuplicateId { path: path(i) }),
            None => Ok(()),
        }
    }
    unique(
        &workspace.projects,
        |p| p.id,
        |i| format!("projects[{i}].id"),
    )?;
    unique(
        &workspace.workshops,
        |w| w.id,
        |i| format!("workshops[{i}].id"),
    )?;
    for (p, project) in workspace.projects.iter().enumerate() {
        let at = format!("projects[{p}]");
        unique(
            &project.wanted,
            |d| d.id,
            |i| format!("{at}.wanted[{i}].id"),
        )?;
        unique(
            &project.snapshots,
            |s| s.id,
            |i| format!("{at}.snapshots[{i}].id"),
        )?;
        for (w, dataset) in project.wanted.iter().enumerate() {
            let at = format!("{at}.wanted[{w}]");
            unique(
                &dataset.sources,
                |s| s.id,
                |i| format!("{at}.sources[{i}].id"),
            )?;
            unique(
                &dataset.actions,
                |a| a.id,
                |i| format!("{at}.actions[{i}].id"),
            )?;
        }
    }
    Ok(())
}

impl Workspace {
    /// Adds an imported project. `Replace` keeps the project it replaces as a snapshot
    /// labelled `replaced_label`; `KeepBoth` (or no conflict) adds it, as a copy named
    /// `copy_name` when its id is taken. Returns the id the project ends up with.
    pub fn import_project(
        &mut self,
        project: Project,
        resolution: Resolution,
        now: i64,
        labels: ImportLabels,
        mut new_id: impl FnMut() -> Uuid,
    ) -> Uuid {
        let existing = self.projects.iter().position(|p| p.id == project.id);
        match (existing, resolution) {
            (None, _) => {
                let id = project.id;
                self.projects.push(project);
                id
            }
            (Some(index), Resolution::Replace) => {
                let old = std::mem::take(&mut self.projects[index]);
                let mut project = project;
                let kept = Snapshot {
                    id: new_id(),
                    label: labels.replaced,
                    taken_at: now,
                    content: old.content(),
                };
                project.snapshots.insert(0, kept);
                for snapshot in old.snapshots {
                    if project.snapshot(snapshot.id).is_none() {
                        project.snapshots.push(snapshot);
                    }
                }
                let id = project.id;
                self.projects[index] = project;
                id
            }
            (Some(_), Resolution::KeepBoth) => {
                let copy = project.duplicate(labels.copy_name, now, &mut new_id);
                let id = copy.id;
                self.projects.push(copy);
                id
            }
        }
    }
}

/// What an import did, kept so that it can be undone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOutcome {
    /// The id each imported project ended up with, in the file's order.
    pub ids: Vec<Uuid>,
    /// Projects the import added (as themselves or as copies).
    pub added: Vec<Uuid>,
    /// Projects the import replaced, as they were before.
    pub replaced: Vec<Project>,
    /// Every project as the import left it: an undo only touches what is still so.
    pub imported: Vec<Project>,
}

/// What an undo did: projects edited since the import are kept, never erased.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UndoReport {
    pub undone: usize,
    /// Edited since the import, so left as they are.
    pub kept: Vec<Uuid>,
}

impl ImportOutcome {
    /// The project to open afterwards: the imported one, when there was only one.
    pub fn single_project(&self) -> Option<Uuid> {
        match self.ids.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }
}

impl Workspace {
    /// Imports each project with the resolution chosen for it. `labels` gives the words
    /// written into the data for one incoming project.
    pub fn import_projects(
        &mut self,
        incoming: Vec<(Project, Resolution)>,
        now: i64,
        labels: impl Fn(&Project) -> ImportLabels,
        mut new_id: impl FnMut() -> Uuid,
    ) -> ImportOutcome {
        let mut outcome = ImportOutcome::default();
        for (project, resolution) in incoming {
            let before = match resolution {
                Resolution::Replace => self.project(project.id).cloned(),
                Resolution::KeepBoth => None,
            };
            let words = labels(&project);
            let id = self.import_project(project, resolution, now, words, &mut new_id);
            match before {
                Some(old) => outcome.replaced.push(old),
                None => outcome.added.push(id),
            }
            outcome.ids.push(id);
            if let Some(project) = self.project(id) {
                outcome.imported.push(project.clone());
            }
        }
        outcome
    }

    /// Takes an import back, for the projects still as the import left them: removes what
    /// it added, puts back what it replaced. A project edited since is kept as it is (a
    /// replaced one still holds its predecessor among its saved versions).
    pub fn undo_import(&mut self, outcome: &ImportOutcome) -> UndoReport {
        let mut report = UndoReport::default();
        let untouched = |w: &Workspace, id: Uuid| {
            let imported = outcome.imported.iter().find(|p| p.id == id);
            w.project(id).is_some_and(|p| Some(p) == imported)
        };
        for &id in &outcome.added {
            if untouched(self, id) {
                self.projects.retain(|p| p.id != id);
                report.undone += 1;
            } else if self.project(id).is_some() {
                report.kept.push(id);
            }
        }
        for old in &outcome.replaced {
            if untouched(self, old.id) {
                if let Some(slot) = self.projects.iter_mut().find(|p| p.id == old.id) {
                    *slot = old.clone();
                    report.undone += 1;
                }
            } else if self.project(old.id).is_some() {
                report.kept.push(old.id);
            }
        }
        report
    }
}

/// The translated words an import writes into the data.
pub struct ImportLabels {
    /// Label of the snapshot that keeps a replaced project.
    pub replaced: String,
    /// Name of a project imported beside one with the same id.
    pub copy_name: String,
}
