//! What changed between the copy of a project a facilitator holds and a newer file of the same
//! project (same id) that a participant sends: shown before the file replaces anything
//! (issue 13's re-import). Pure, so that it can be property-tested.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::{assess, ActionStatus, Project, WantedDataset};

/// A wanted dataset named in a summary: its id, and its name as typed in the newer copy (or
/// the older one, for a removed dataset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedDataset {
    pub id: Uuid,
    pub name: String,
}

/// A dataset whose value or availability score moved (numbers 1 to 4, `None` unscored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rescored {
    pub dataset: NamedDataset,
    pub value: (Option<u8>, Option<u8>),
    pub availability: (Option<u8>, Option<u8>),
}

/// The changes from one copy of a project to another, dataset by dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectChanges {
    pub added: Vec<NamedDataset>,
    pub removed: Vec<NamedDataset>,
    pub rescored: Vec<Rescored>,
    /// Sources that have a verdict now and had none (or did not exist): (dataset, source id).
    pub sources_evaluated: Vec<(NamedDataset, Uuid)>,
    /// Actions that did not exist: (dataset, action id).
    pub actions_added: Vec<(NamedDataset, Uuid)>,
    /// Actions marked done since: (dataset, action id).
    pub actions_done: Vec<(NamedDataset, Uuid)>,
}

impl ProjectChanges {
    pub fn between(old: &Project, new: &Project) -> ProjectChanges {
        let before: BTreeMap<Uuid, &WantedDataset> = old.wanted.iter().map(|d| (d.id, d)).collect();
        let mut changes = ProjectChanges::default();
        for dataset in &new.wanted {
            let named = NamedDataset {
                id: dataset.id,
                name: dataset.name.trim().to_string(),
            };
            let Some(previous) = before.get(&dataset.id) else {
                changes.added.push(named.clone());
                changes.note_items(&named, None, dataset);
                continue;
            };
            let value = (previous.value.number(), dataset.value.number());
            let availability = (
                previous.availability.number(),
                dataset.availability.number(),
            );
            if value.0 != value.1 || availability.0 != availability.1 {
                changes.rescored.push(Rescored {
                    dataset: named.clone(),
                    value,
                    availability,
                });
            }
            changes.note_items(&named, Some(previous), dataset);
        }
        let now: BTreeSet<Uuid> = new.wanted.iter().map(|d| d.id).collect();
        changes.removed = old
            .wanted
            .iter()
            .filter(|d| !now.contains(&d.id))
            .map(|d| NamedDataset {
                id: d.id,
                name: d.name.trim().to_string(),
            })
            .collect();
        changes
    }

    pub fn is_empty(&self) -> bool {
        *self == ProjectChanges::default()
    }

    /// Sources newly evaluated, actions added or done, in one dataset.
    fn note_items(
        &mut self,
        named: &NamedDataset,
        previous: Option<&WantedDataset>,
        dataset: &WantedDataset,
    ) {
        for source in &dataset.sources {
            let had_verdict = previous.is_some_and(|p| {
                p.source(source.id)
                    .is_some_and(|s| assess(s, p).verdict.is_some())
            });
            if !had_verdict && assess(source, dataset).verdict.is_some() {
                self.sources_evaluated.push((named.clone(), source.id));
            }
        }
        for action in &dataset.actions {
            match previous.and_then(|p| p.action(action.id)) {
                None => self.actions_added.push((named.clone(), action.id)),
                Some(before) => {
                    if before.status != ActionStatus::Done && action.status == ActionStatus::Done {
                        self.actions_done.push((named.clone(), action.id));
                    }
                }
            }
        }
    }
}

/// Whether a file looks newer than the copy held, by its `updated_at` (the participant's
/// clock: only a hint, so an older or equal file asks before it replaces anything).
pub fn looks_newer(held: &Project, file: &Project) -> bool {
    file.updated_at > held.updated_at
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::strategies::any_workspace;
    use crate::model::{RoadmapAction, Route, Value, Workspace};

    fn posidonia() -> Project {
        let text = include_str!("../../tests/fixtures/workspace-v7.json");
        Workspace::from_json(text).unwrap().projects.remove(0)
    }

    #[test]
    fn a_newer_copy_is_summed_up_dataset_by_dataset() {
        let old = posidonia();
        let mut new = old.clone();
        new.updated_at += 1;
        let gone = new.wanted.remove(1);
        new.wanted.push(WantedDataset {
            name: " Bathymétrie ".into(),
            ..WantedDataset::new(Uuid::from_u128(99))
        });
        let herbiers = &mut new.wanted[0];
        herbiers.value = Value::Improves;
        herbiers.actions[1].status = ActionStatus::Done;
        herbiers
            .actions
            .push(RoadmapAction::new(Uuid::from_u128(98), Route::Buy));
        let changes = ProjectChanges::between(&old, &new);
        assert_eq!(
            changes
                .added
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>(),
            ["Bathymétrie"]
        );
        assert_eq!(
            changes.removed.iter().map(|d| d.id).collect::<Vec<_>>(),
            [gone.id]
        );
        assert_eq!(changes.rescored.len(), 1);
        assert_eq!(changes.rescored[0].value, (Some(4), Some(2)));
        assert_eq!(
            changes
                .actions_added
                .iter()
                .map(|a| a.1)
                .collect::<Vec<_>>(),
            [Uuid::from_u128(98)]
        );
        assert_eq!(changes.actions_done.len(), 1);
        assert!(
            changes.sources_evaluated.is_empty(),
            "the fixture's verdicts were there before"
        );
        assert!(looks_newer(&old, &new));
        assert!(!looks_newer(&new, &old));
        assert!(ProjectChanges::between(&old, &old).is_empty());
        // Against an empty copy, every evaluated source counts as newly evaluated.
        let mut empty = old.clone();
        empty.wanted.clear();
        let all = ProjectChanges::between(&empty, &old);
        assert_eq!(all.added.len(), old.wanted.len());
        assert!(!all.sources_evaluated.is_empty());
    }

    proptest! {
        #[test]
        fn a_summary_names_each_dataset_added_removed_or_rescored(
            workspace in any_workspace(),
            keep in proptest::collection::vec(any::<bool>(), 8),
            rescore in proptest::collection::vec(0u8..5, 8),
            added in 0usize..3,
        ) {
            let Some(old) = workspace.projects.first() else { return Ok(()) };
            let mut new = old.clone();
            new.wanted = old.wanted.iter().enumerate()
                .filter(|(i, _)| keep[i % keep.len()])
                .map(|(i, d)| {
                    let mut d = d.clone();
                    d.value = Value::from_number(rescore[i % rescore.len()]);
                    d
                })
                .collect();
            for n in 0..added {
                new.wanted.push(WantedDataset::new(Uuid::from_u128(1_000_000 + n as u128)));
            }
            let changes = ProjectChanges::between(old, &new);
            let ids = |list: &[NamedDataset]| list.iter().map(|d| d.id).collect::<Vec<_>>();
            let expected_removed: Vec<Uuid> = old.wanted.iter().enumerate()
                .filter(|(i, _)| !keep[i % keep.len()]).map(|(_, d)| d.id).collect();
            prop_assert_eq!(ids(&changes.removed), expected_removed);
            prop_assert_eq!(changes.added.len(), added);
            let expected_rescored: Vec<Uuid> = old.wanted.iter().enumerate()
                .filter(|(i, d)| keep[i % keep.len()]
                    && d.value.number() != Value::from_number(rescore[i % rescore.len()]).number())
                .map(|(_, d)| d.id).collect();
            let rescored: Vec<Uuid> = changes.rescored.iter().map(|r| r.dataset.id).collect();
            prop_assert_eq!(rescored, expected_rescored);
        }
    }
}
