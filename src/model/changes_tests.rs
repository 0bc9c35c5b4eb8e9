//! The refresh rule never leaves a row stale: lists that keep a copy of each row and
//! refresh only what the change log says stay equal to the workspace after any edits.

use std::collections::HashMap;

use proptest::prelude::*;
use uuid::Uuid;

use super::strategies::any_workspace;
use super::*;

/// An edit as the pages make it, with the place they record it at.
#[derive(Clone, Debug)]
enum Edit {
    DatasetName(usize, String),
    /// The wanted freshness changes the score of every source of the dataset.
    DatasetFreshness(usize, bool),
    Move(usize, bool),
    RemoveDataset(usize),
    AddDataset,
    SourceLicence(usize, usize, bool),
    AddSource(usize),
    RemoveSource(usize, usize),
    ActionOwner(usize, usize, String),
    AddAction(usize),
    RemoveAction(usize, usize),
    ProjectName(String),
    /// Another tab, an import: nothing to point at.
    Replace,
}

fn any_edit() -> impl Strategy<Value = Edit> {
    let i = 0usize..6;
    prop_oneof![
        (i.clone(), "[a-z]{0,3}").prop_map(|(i, s)| Edit::DatasetName(i, s)),
        (i.clone(), any::<bool>()).prop_map(|(i, b)| Edit::DatasetFreshness(i, b)),
        (i.clone(), any::<bool>()).prop_map(|(i, b)| Edit::Move(i, b)),
        i.clone().prop_map(Edit::RemoveDataset),
        Just(Edit::AddDataset),
        (i.clone(), i.clone(), any::<bool>()).prop_map(|(i, j, b)| Edit::SourceLicence(i, j, b)),
        i.clone().prop_map(Edit::AddSource),
        (i.clone(), i.clone()).prop_map(|(i, j)| Edit::RemoveSource(i, j)),
        (i.clone(), i.clone(), "[a-z]{0,3}").prop_map(|(i, j, s)| Edit::ActionOwner(i, j, s)),
        i.clone().prop_map(Edit::AddAction),
        (i.clone(), i).prop_map(|(i, j)| Edit::RemoveAction(i, j)),
        "[a-z]{0,3}".prop_map(Edit::ProjectName),
        Just(Edit::Replace),
    ]
}

/// Applies `edit` to the first project, as the app would; returns what it records.
fn apply(edit: &Edit, w: &mut Workspace, next: &mut u128) -> Option<Touched> {
    let mut fresh = || {
        *next += 1;
        Uuid::from_u128(1_000_000 + *next)
    };
    let p = w.projects.first_mut()?;
    let pid = p.id;
    let dataset = |p: &Project, i: usize| p.wanted.get(i % p.wanted.len().max(1)).map(|d| d.id);
    let at = |path| Some(Touched::At(path));
    match edit {
        Edit::DatasetName(i, name) => {
            let d = dataset(p, *i)?;
            p.wanted_mut(d)?.name = name.clone();
            at(ItemPath::wanted(pid, d))
        }
        Edit::DatasetFreshness(i, often) => {
            let d = dataset(p, *i)?;
            p.wanted_mut(d)?.freshness = if *often {
                Frequency::Daily
            } else {
                Frequency::Annual
            };
            at(ItemPath::wanted(pid, d))
        }
        Edit::Move(i, up) => {
            let d = dataset(p, *i)?;
            p.move_wanted(d, if *up { Direction::Up } else { Direction::Down });
            at(ItemPath::wanted(pid, d))
        }
        Edit::RemoveDataset(i) => {
            let d = dataset(p, *i)?;
            p.remove_wanted(d);
            at(ItemPath::project(pid))
        }
        Edit::AddDataset => {
            p.add_wanted(WantedDataset::new(fresh()));
            at(ItemPath::project(pid))
        }
        Edit::SourceLicence(i, j, open) => {
            let d = dataset(p, *i)?;
            let dataset = p.wanted_mut(d)?;
            let s = dataset.sources.get(j % dataset.sources.len().max(1))?.id;
            dataset.source_mut(s)?.licence = if *open {
                Licence::Cc0
            } else {
                Licence::Restrictive
            };
            at(ItemPath::item(pid, d, s))
        }
        Edit::AddSource(i) => {
            let d = dataset(p, *i)?;
            p.wanted_mut(d)?.sources.push(CandidateSource::new(fresh()));
            at(ItemPath::wanted(pid, d))
        }
        Edit::RemoveSource(i, j) => {
            let d = dataset(p, *i)?;
            let dataset = p.wanted_mut(d)?;
            let s = dataset.sources.get(j % dataset.sources.len().max(1))?.id;
            dataset.remove_source(s);
            at(ItemPath::item(pid, d, s))
        }
        Edit::ActionOwner(i, j, owner) => {
            let d = dataset(p, *i)?;
            let dataset = p.wanted_mut(d)?;
            let a = dataset.actions.get(j % dataset.actions.len().max(1))?.id;
            dataset.action_mut(a)?.owner = owner.clone();
            at(ItemPath::item(pid, d, a))
        }
        Edit::AddAction(i) => {
            let d = dataset(p, *i)?;
            p.wanted_mut(d)?
                .actions
                .push(RoadmapAction::new(fresh(), Route::Buy));
            at(ItemPath::wanted(pid, d))
        }
        Edit::RemoveAction(i, j) => {
            let d = dataset(p, *i)?;
            let dataset = p.wanted_mut(d)?;
            let a = dataset.actions.get(j % dataset.actions.len().max(1))?.id;
            dataset.remove_action(a);
            at(ItemPath::item(pid, d, a))
        }
        Edit::ProjectName(name) => {
            p.name = name.clone();
            at(ItemPath::project(pid))
        }
        Edit::Replace => {
            p.wanted.reverse();
            Some(Touched::Everything)
        }
    }
}

/// What the pages' rows hold: a dataset, a source with its assessment, an action, a
/// dataset's block of the roadmap.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    Dataset(Box<WantedDataset>),
    Source(Box<CandidateSource>, Box<Assessment>),
    Action(RoadmapAction),
    Group(String, Option<Verdict>, Vec<Uuid>),
}

/// A list that keeps a copy of each row it has shown, like `state::RowSignals`.
struct List {
    scope: ListScope,
    read: fn(&Project, Option<Uuid>, Uuid) -> Option<Row>,
    rows: HashMap<Uuid, Option<Row>>,
    seen: u64,
}

impl List {
    fn new(
        w: &Workspace,
        scope: ListScope,
        ids: Vec<Uuid>,
        read: fn(&Project, Option<Uuid>, Uuid) -> Option<Row>,
    ) -> Self {
        let p = &w.projects[0];
        let rows = ids
            .into_iter()
            .map(|id| (id, read(p, scope.wanted, id)))
            .collect();
        List {
            scope,
            read,
            rows,
            seen: 0,
        }
    }

    fn follow(&mut self, log: &ChangeLog, w: &Workspace) {
        let refresh = log.refresh(self.seen, self.scope, &|id| self.rows.contains_key(&id));
        self.seen = log.last();
        let ids: Vec<Uuid> = match refresh {
            Refresh::All => self.rows.keys().copied().collect(),
            Refresh::Rows(ids) => ids,
        };
        for id in ids {
            let value = (self.read)(&w.projects[0], self.scope.wanted, id);
            self.rows.insert(id, value);
        }
    }

    fn is_current(&self, w: &Workspace) -> bool {
        let p = &w.projects[0];
        self.rows
            .iter()
            .all(|(id, row)| *row == (self.read)(p, self.scope.wanted, *id))
    }
}

fn dataset_row(p: &Project, _: Option<Uuid>, id: Uuid) -> Option<Row> {
    p.wanted(id).map(|d| Row::Dataset(Box::new(d.clone())))
}

fn source_row(p: &Project, wanted: Option<Uuid>, id: Uuid) -> Option<Row> {
    let d = p.wanted(wanted?)?;
    let s = d.source(id)?;
    Some(Row::Source(Box::new(s.clone()), Box::new(assess(s, d))))
}

fn action_row(p: &Project, _: Option<Uuid>, id: Uuid) -> Option<Row> {
    p.action(id).cloned().map(Row::Action)
}

fn group_row(p: &Project, _: Option<Uuid>, id: Uuid) -> Option<Row> {
    let d = p.wanted(id)?;
    let actions = d.actions.iter().map(|a| a.id).collect();
    Some(Row::Group(d.name.clone(), d.final_verdict(), actions))
}

proptest! {
    #[test]
    fn rows_refreshed_as_the_log_says_match_the_workspace(
        workspace in any_workspace(),
        edits in proptest::collection::vec(any_edit(), 1..25),
        batch in 1usize..4,
    ) {
        let mut w = workspace;
        prop_assume!(!w.projects.is_empty());
        let p = &w.projects[0];
        let whole = ListScope { project: p.id, wanted: None };
        let datasets: Vec<Uuid> = p.wanted.iter().map(|d| d.id).collect();
        let actions: Vec<Uuid> = p.wanted.iter().flat_map(|d| d.actions.iter().map(|a| a.id)).collect();
        let mut lists = vec![
            List::new(&w, whole, datasets.clone(), dataset_row),
            List::new(&w, whole, actions, action_row),
            List::new(&w, whole, datasets.clone(), group_row),
        ];
        for d in &p.wanted {
            let scope = ListScope { project: p.id, wanted: Some(d.id) };
            lists.push(List::new(&w, scope, d.sources.iter().map(|s| s.id).collect(), source_row));
        }
        let mut log = ChangeLog::default();
        let mut next = 0;
        // Several edits may land between two runs of a list's effect.
        for chunk in edits.chunks(batch) {
            for edit in chunk {
                if let Some(touched) = apply(edit, &mut w, &mut next) {
                    log.record(touched);
                }
            }
            for list in &mut lists {
                list.follow(&log, &w);
                prop_assert!(list.is_current(&w), "a row is stale after {:?}", chunk);
            }
        }
    }
}
