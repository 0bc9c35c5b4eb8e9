//! The domain model: plain data and the rules of the data-potential path.
//!
//! Nothing here knows about the browser, signals or the DOM, so all of it is tested natively.
//! Functions that need the time take it (`now`, milliseconds since the epoch) as an argument.

mod catalogue;
mod changes;
mod choice;
mod dashboard;
mod datamap;
mod document;
mod evaluation;
mod import;
mod json_path;
pub mod layout;
mod merge;
mod planning;
mod producers;
mod progress;
mod project;
mod reimport;
mod replica;
mod request;
mod roadmap;
mod scores;
mod snapshot;
mod source;
mod wanted;
mod workshop;

pub use catalogue::{
    europa_format, europa_frequency, europa_licence, udata_format, udata_frequency, udata_licence,
    AnswerError, Catalogue, CatalogueRecord, LicenceTitles, Provenance, SearchPage, SourceField,
    UdataDataset, UdataPage, MAX_CATALOGUE_BYTES, PAGE_SIZE,
};
pub use changes::{ChangeLog, ItemPath, ListScope, Refresh, Touched};
pub use choice::Choice;
pub use dashboard::Dashboard;
pub use datamap::{
    cell_at, cell_origin, DataMap, MapPoint, Overflow, CELL_CAPACITY, CELL_HEIGHT, CELL_WIDTH,
    PLOT_HEIGHT, PLOT_WIDTH, POINT_RADIUS,
};
pub use document::{LoadError, FILE_FORMAT, SCHEMA_VERSION};
pub use evaluation::{assess, format_level, points, stars, Assessment, Criterion};
pub use import::{
    parse_import, ImportError, ImportLabels, ImportOutcome, Resolution, UndoReport,
    MAX_IMPORT_BYTES, MAX_IMPORT_PROJECTS, MAX_IMPORT_WANTED,
};
pub use merge::{merge_ids, merge_projects, Merged};
pub use planning::{RouteAdvice, RouteReason};
pub use producers::{
    normalise_name, producers, shared_needs, significant_words, AgendaItem, Problem, Producer,
    ProducerMerges, ProducerRequest, SharedNeed,
};
pub use progress::{Phase, PhaseProgress, PhaseState, StillToDo};
pub use project::{Direction, Domain, Project};
pub use reimport::{looks_newer, NamedDataset, ProjectChanges, Rescored};
pub use replica::{
    set_aside, HeldProject, LoadReport, Replica, SaveError, Store, SyncContext, Synced, Unreadable,
};
pub use request::{add_months, RequestDeadlines};
pub use roadmap::{
    horizon_of, parse_date, ActionFilter, ActionStatus, Horizon, HorizonSetting, Month,
    PlannedAction, RoadmapAction, Route, Timeline, ACTIONS_ASKED,
};
pub use scores::{Availability, MapPlace, Origin, Quadrant, Value};
pub use snapshot::{
    BackupDue, BackupRecord, Snapshot, BACKUP_REMINDER_DAYS, BACKUP_REMINDER_EDITS,
};
pub use source::{
    Access, CandidateSource, CoverageMatch, Licence, PersonalData, Rating, Verdict, VerdictOverride,
};
pub use wanted::{
    Format, Frequency, Granularity, QualityJudgements, WantedDataset, WantedStatus, WorkFlag,
};
pub use workshop::{
    cohort, merge_workshops, Answer, CohortColumn, CohortRow, Member, NameMerge, NeedDecision,
    ProducerAnswer, RemovedExample, Workshop,
};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Every project kept in one browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub projects: Vec<Project>,
    /// The facilitator's cohorts; their projects are among `projects`.
    pub workshops: Vec<Workshop>,
}

impl Workspace {
    pub fn project(&self, id: Uuid) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    pub fn workshop(&self, id: Uuid) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn edit_workshop<R>(
        &mut self,
        id: Uuid,
        now: i64,
        edit: impl FnOnce(&mut Workshop) -> R,
    ) -> Option<R> {
        let workshop = self.workshops.iter_mut().find(|w| w.id == id)?;
        let result = edit(workshop);
        workshop.updated_at = now;
        Some(result)
    }

    /// The projects of a workshop that are in this browser, in the workshop's order.
    pub fn workshop_projects(&self, id: Uuid) -> Vec<&Project> {
        let Some(workshop) = self.workshop(id) else {
            return Vec::new();
        };
        workshop
            .members
            .iter()
            .filter_map(|m| self.project(m.id))
            .collect()
    }

    pub fn add_project(&mut self, project: Project) {
        self.projects.push(project);
    }

    /// Applies an edit to a project and stamps it as changed (its time, and one more edit
    /// towards the backup reminder); `None` if there is no such project.
    pub fn edit_project<R>(
        &mut self,
        id: Uuid,
        now: i64,
        edit: impl FnOnce(&mut Project) -> R,
    ) -> Option<R> {
        let project = self.projects.iter_mut().find(|p| p.id == id)?;
        let result = edit(project);
        project.updated_at = now;
        project.backup.count_edit();
        Some(result)
    }

    /// Removes a project and returns it with its position, so the deletion can be undone.
    pub fn remove_project(&mut self, id: Uuid) -> Option<(usize, Project)> {
        let index = self.projects.iter().position(|p| p.id == id)?;
        Some((index, self.projects.remove(index)))
    }

    /// Puts a removed project back, unless a project with its id has appeared since.
    pub fn restore_project(&mut self, index: usize, project: Project) {
        if self.project(project.id).is_none() {
            let index = index.min(self.projects.len());
            self.projects.insert(index, project);
        }
    }

    /// Projects, most recently changed first: the order the home screen lists them in.
    pub fn projects_by_recent(&self) -> Vec<&Project> {
        let mut projects: Vec<&Project> = self.projects.iter().collect();
        projects.sort_by_key(|p| std::cmp::Reverse(p.updated_at));
        projects
    }
}

#[cfg(test)]
mod changes_tests;
#[cfg(test)]
mod import_tests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod producers_tests;
#[cfg(test)]
mod roadmap_tests;
#[cfg(test)]
pub(crate) mod strategies;
#[cfg(test)]
mod tests;
