//! The worked example workshop shipped beside the app: loaded in one click, removed in one
//! click (asking first when it was edited, and with an undo).

use uuid::Uuid;

use super::Workshop;
use crate::model::{Project, Workspace};

/// What removing the example took away, with the places to put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedExample {
    workshop: (usize, Workshop),
    projects: Vec<(usize, Project)>,
}

impl Workspace {
    pub fn example_workshop(&self) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.example)
    }

    /// Adds the example file's workshop, marked as the example and dated `now`, and its
    /// projects (a project already here is kept as it is). `None` if an example is here.
    pub fn load_example(&mut self, file: Workspace, now: i64) -> Option<Uuid> {
        if self.example_workshop().is_some() {
            return None;
        }
        let mut workshop = file.workshops.into_iter().next()?;
        workshop.example = true;
        workshop.created_at = now;
        workshop.updated_at = now;
        for project in file.projects {
            if workshop.has(project.id) && self.project(project.id).is_none() {
                self.projects.push(project);
            }
        }
        let id = workshop.id;
        self.workshops.retain(|w| w.id != id);
        self.workshops.push(workshop);
        Some(id)
    }

    /// Whether the example or one of its projects changed since it was loaded.
    pub fn example_edited(&self, id: Uuid) -> bool {
        let Some(workshop) = self.workshop(id) else {
            return false;
        };
        workshop.updated_at > workshop.created_at
            || self
                .workshop_projects(id)
                .iter()
                .any(|p| p.updated_at > workshop.created_at)
    }

    /// Removes the example workshop and those of its projects no other workshop names.
    pub fn remove_example(&mut self, id: Uuid) -> Option<RemovedExample> {
        let at = self
            .workshops
            .iter()
            .position(|w| w.id == id && w.example)?;
        let workshop = self.workshops.remove(at);
        let mut projects = Vec::new();
        for member in &workshop.members {
            let elsewhere = self.workshops.iter().any(|w| w.has(member.id));
            if !elsewhere {
                if let Some(removed) = self.remove_project(member.id) {
                    projects.push(removed);
                }
            }
        }
        Some(RemovedExample {
            workshop: (at, workshop),
            projects,
        })
    }

    /// Puts back what `remove_example` took (unless loaded again meanwhile).
    pub fn restore_example(&mut self, removed: RemovedExample) {
        for (at, project) in removed.projects.into_iter().rev() {
            self.restore_project(at, project);
        }
        let (at, workshop) = removed.workshop;
        if self.workshop(workshop.id).is_none() && self.example_workshop().is_none() {
            self.workshops
                .insert(at.min(self.workshops.len()), workshop);
        }
    }
}
