//! What each change to the workspace touched, so that a list with one view per row updates
//! only the rows a change concerns, and storage can tell which projects changed.
//!
//! Every change is recorded with a sequence number. A reader remembers the last number it
//! has seen and asks what changed since: a keystroke in one row of a 500-row list then wakes
//! that row alone, while a change it cannot place (an import, another tab) refreshes all.

use std::collections::VecDeque;

use uuid::Uuid;

/// Where a change happened: a project, optionally one of its wanted datasets, optionally one
/// item (a candidate source or a roadmap action) of that dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemPath {
    pub project: Uuid,
    pub wanted: Option<Uuid>,
    pub item: Option<Uuid>,
}

impl ItemPath {
    pub fn project(project: Uuid) -> Self {
        ItemPath {
            project,
            wanted: None,
            item: None,
        }
    }

    pub fn wanted(project: Uuid, wanted: Uuid) -> Self {
        ItemPath {
            wanted: Some(wanted),
            ..ItemPath::project(project)
        }
    }

    pub fn item(project: Uuid, wanted: Uuid, item: Uuid) -> Self {
        ItemPath {
            item: Some(item),
            ..ItemPath::wanted(project, wanted)
        }
    }

    /// The ids on the path below the project, outermost first.
    fn ids_below_project(&self) -> impl Iterator<Item = Uuid> {
        self.wanted.into_iter().chain(self.item)
    }
}

/// What one change touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Touched {
    /// Anything anywhere: another tab's write, an import, a project added or removed.
    Everything,
    /// This project, dataset or item, and whatever it contains.
    At(ItemPath),
    /// A workshop's own fields: no project, no row of a project's lists.
    Workshop(Uuid),
}

/// Which rows of a list must be read again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refresh {
    All,
    /// These row ids only (possibly none); each at most once.
    Rows(Vec<Uuid>),
}

/// A list whose rows are items under one parent: a project's wanted datasets (parent: the
/// project), one dataset's sources (parent: the dataset), all the actions of a project
/// (parent: the project; rows are grandchildren, found by id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListScope {
    pub project: Uuid,
    pub wanted: Option<Uuid>,
}

impl ListScope {
    /// What a change means for this list's rows; `is_row` says whether an id is one of them.
    pub fn refresh(&self, touched: &Touched, is_row: &dyn Fn(Uuid) -> bool) -> Refresh {
        let path = match touched {
            Touched::Everything => return Refresh::All,
            Touched::Workshop(_) => return Refresh::Rows(Vec::new()),
            Touched::At(path) if path.project != self.project => return Refresh::Rows(Vec::new()),
            Touched::At(path) => path,
        };
        // A change to the list's parent itself (or above it) may concern every row: a
        // dataset's wanted freshness changes the scores of all its sources.
        let at_or_above_parent = match (path.wanted, self.wanted) {
            (None, _) => true,
            (Some(w), Some(parent)) => w == parent && path.item.is_none(),
            (Some(_), None) => false,
        };
        if at_or_above_parent {
            return Refresh::All;
        }
        Refresh::Rows(path.ids_below_project().filter(|id| is_row(*id)).collect())
    }
}

/// The most recent changes, numbered. Old entries are dropped; a reader that has fallen
/// further behind than what is kept refreshes everything.
#[derive(Clone, Debug, Default)]
pub struct ChangeLog {
    last: u64,
    recent: VecDeque<(u64, Touched)>,
}

impl ChangeLog {
    /// Enough for the changes between two runs of a list's effect (one event's worth).
    const KEPT: usize = 256;

    /// Records a change and returns its number.
    pub fn record(&mut self, touched: Touched) -> u64 {
        self.last += 1;
        if self.recent.len() == Self::KEPT {
            self.recent.pop_front();
        }
        self.recent.push_back((self.last, touched));
        self.last
    }

    /// The number of the latest change (0 before any).
    pub fn last(&self) -> u64 {
        self.last
    }

    /// The changes after `seen`, or `None` if some of them are no longer kept.
    fn since(&self, seen: u64) -> Option<impl Iterator<Item = &Touched>> {
        let oldest_kept = self.recent.front().map_or(self.last + 1, |(n, _)| *n);
        (seen + 1 >= oldest_kept).then(|| {
            self.recent
                .iter()
                .filter(move |(n, _)| *n > seen)
                .map(|(_, touched)| touched)
        })
    }

    /// The projects changed after `seen`, or `None` if that cannot be told (a change
    /// anywhere, or one no longer kept): what a save must look at.
    pub fn projects_since(&self, seen: u64) -> Option<Vec<Uuid>> {
        let mut projects = Vec::new();
        for touched in self.since(seen)? {
            match touched {
                Touched::Everything => return None,
                Touched::At(path) if !projects.contains(&path.project) => {
                    projects.push(path.project)
                }
                Touched::At(_) | Touched::Workshop(_) => {}
            }
        }
        Some(projects)
    }

    /// Which rows of `scope` changed after `seen`.
    pub fn refresh(&self, seen: u64, scope: ListScope, is_row: &dyn Fn(Uuid) -> bool) -> Refresh {
        let Some(changes) = self.since(seen) else {
            return Refresh::All;
        };
        let mut rows: Vec<Uuid> = Vec::new();
        for touched in changes {
            match scope.refresh(touched, is_row) {
                Refresh::All => return Refresh::All,
                Refresh::Rows(ids) => {
                    for id in ids {
                        if !rows.contains(&id) {
                            rows.push(id);
                        }
                    }
                }
            }
        }
        Refresh::Rows(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> (Uuid, Uuid, Uuid, Uuid) {
        (
            Uuid::from_u128(1),
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            Uuid::from_u128(4),
        )
    }

    #[test]
    fn a_save_looks_at_the_projects_changed_since_it_last_ran() {
        let (p, d, _, other) = ids();
        let mut log = ChangeLog::default();
        log.record(Touched::At(ItemPath::project(other)));
        let seen = log.last();
        log.record(Touched::At(ItemPath::wanted(p, d)));
        log.record(Touched::At(ItemPath::project(p)));
        assert_eq!(log.projects_since(seen), Some(vec![p]));
        assert_eq!(log.projects_since(log.last()), Some(vec![]));
        log.record(Touched::Everything);
        assert_eq!(log.projects_since(seen), None);
    }

    #[test]
    fn a_list_of_datasets_refreshes_the_row_an_edit_touched() {
        let (p, d, s, other) = ids();
        let list = ListScope {
            project: p,
            wanted: None,
        };
        let is_row = |id| id == d;
        let rows = |t| list.refresh(&Touched::At(t), &is_row);
        assert_eq!(rows(ItemPath::wanted(p, d)), Refresh::Rows(vec![d]));
        // A dataset holds its sources and actions: editing one changes the row.
        assert_eq!(rows(ItemPath::item(p, d, s)), Refresh::Rows(vec![d]));
        assert_eq!(rows(ItemPath::project(p)), Refresh::All);
        assert_eq!(rows(ItemPath::wanted(other, d)), Refresh::Rows(vec![]));
        assert_eq!(list.refresh(&Touched::Everything, &is_row), Refresh::All);
    }

    #[test]
    fn a_list_of_sources_refreshes_all_when_its_dataset_changes() {
        let (p, d, s, other) = ids();
        let list = ListScope {
            project: p,
            wanted: Some(d),
        };
        let is_row = |id| id == s;
        let rows = |t| list.refresh(&Touched::At(t), &is_row);
        assert_eq!(rows(ItemPath::item(p, d, s)), Refresh::Rows(vec![s]));
        assert_eq!(rows(ItemPath::wanted(p, d)), Refresh::All);
        assert_eq!(rows(ItemPath::wanted(p, other)), Refresh::Rows(vec![]));
        assert_eq!(rows(ItemPath::item(p, other, other)), Refresh::Rows(vec![]));
    }

    #[test]
    fn a_list_of_actions_finds_its_rows_below_the_datasets() {
        let (p, d, a, _) = ids();
        let list = ListScope {
            project: p,
            wanted: None,
        };
        let is_row = |id| id == a;
        let rows = |t| list.refresh(&Touched::At(t), &is_row);
        assert_eq!(rows(ItemPath::item(p, d, a)), Refresh::Rows(vec![a]));
        assert_eq!(rows(ItemPath::wanted(p, d)), Refresh::Rows(vec![]));
    }

    #[test]
    fn the_log_gathers_the_changes_a_reader_has_not_seen() {
        let (p, d, s, _) = ids();
        let list = ListScope {
            project: p,
            wanted: None,
        };
        let mut log = ChangeLog::default();
        assert_eq!(log.refresh(0, list, &|_| true), Refresh::Rows(vec![]));
        log.record(Touched::At(ItemPath::wanted(p, d)));
        let seen = log.last();
        log.record(Touched::At(ItemPath::wanted(p, s)));
        log.record(Touched::At(ItemPath::item(p, s, d)));
        assert_eq!(
            log.refresh(seen, list, &|_| true),
            Refresh::Rows(vec![s, d])
        );
        assert_eq!(
            log.refresh(log.last(), list, &|_| true),
            Refresh::Rows(vec![])
        );
        log.record(Touched::Everything);
        assert_eq!(log.refresh(seen, list, &|_| true), Refresh::All);
    }

    #[test]
    fn a_reader_too_far_behind_refreshes_everything() {
        let (p, d, _, _) = ids();
        let list = ListScope {
            project: p,
            wanted: None,
        };
        let mut log = ChangeLog::default();
        for _ in 0..ChangeLog::KEPT + 1 {
            log.record(Touched::At(ItemPath::wanted(p, d)));
        }
        assert_eq!(log.refresh(0, list, &|_| true), Refresh::All);
        assert_eq!(log.refresh(1, list, &|_| true), Refresh::Rows(vec![d]));
    }
}
