//! The merge of two tabs' versions of a project: examples, and properties over any two edit
//! sequences from one base (`strategies::any_edits`).

use std::collections::BTreeMap;

use proptest::prelude::*;
use uuid::Uuid;

use super::strategies::{any_edits, any_workspace, apply_edits, Edit, Side};
use super::*;

fn base() -> Project {
    let mut project = Project::new(Uuid::from_u128(1), "Vélos", 10);
    for n in 2..5 {
        let mut dataset = WantedDataset::new(Uuid::from_u128(n));
        dataset.name = format!("dataset {n}");
        project.wanted.push(dataset);
    }
    project
}

fn names(project: &Project) -> Vec<&str> {
    project.wanted.iter().map(|w| w.name.as_str()).collect()
}

#[test]
fn different_fields_are_both_kept_without_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.holder = "Ville".into();
    ours.wanted[0].use_case = "comptages".into();
    let mut theirs = base.clone();
    theirs.description = "Pistes".into();
    theirs.wanted[0].producer = "Métropole".into();
    let merged = merge_projects(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, 0);
    assert_eq!(merged.value.holder, "Ville");
    assert_eq!(merged.value.description, "Pistes");
    assert_eq!(merged.value.wanted[0].use_case, "comptages");
    assert_eq!(merged.value.wanted[0].producer, "Métropole");
}

#[test]
fn the_same_field_changed_twice_keeps_theirs_and_counts_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.holder = "ours".into();
    let mut theirs = base.clone();
    theirs.holder = "theirs".into();
    let merged = merge_projects(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, 1);
    assert_eq!(merged.value.holder, "theirs");
    // The same change on both sides is no conflict.
    let merged = merge_projects(&base, &theirs, &theirs);
    assert_eq!(merged.conflicts, 0);
}

#[test]
fn items_added_on_both_sides_are_all_kept_in_place() {
    let base = base();
    let mut ours = base.clone();
    let mut mine = WantedDataset::new(Uuid::from_u128(10));
    mine.name = "ours".into();
    ours.wanted.insert(1, mine);
    let mut theirs = base.clone();
    let mut other = WantedDataset::new(Uuid::from_u128(11));
    other.name = "theirs".into();
    theirs.wanted.push(other);
    let merged = merge_projects(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, 0);
    assert_eq!(
        names(&merged.value),
        ["dataset 2", "ours", "dataset 3", "dataset 4", "theirs"]
    );
}

#[test]
fn a_removal_stands_only_if_the_other_side_left_the_item_alone() {
    let base = base();
    let mut ours = base.clone();
    ours.wanted.remove(0);
    ours.wanted.remove(0);
    let mut theirs = base.clone();
    theirs.wanted[1].use_case = "still needed".into();
    let merged = merge_projects(&base, &ours, &theirs);
    assert_eq!(names(&merged.value), ["dataset 3", "dataset 4"]);
    assert_eq!(merged.value.wanted[0].use_case, "still needed");
    assert_eq!(merged.conflicts, 0);
}

#[test]
fn a_move_on_one_side_is_kept() {
    let base = base();
    let mut ours = base.clone();
    ours.wanted.rotate_left(1);
    let mut theirs = base.clone();
    theirs.wanted[2].theme = "mobilité".into();
    let merged = merge_projects(&base, &ours, &theirs);
    assert_eq!(
        names(&merged.value),
        ["dataset 3", "dataset 4", "dataset 2"]
    );
    assert_eq!(merged.value.wanted[1].theme, "mobilité");
    // Moved on their side only: their order.
    let merged = merge_projects(&base, &theirs, &ours);
    assert_eq!(
        names(&merged.value),
        ["dataset 3", "dataset 4", "dataset 2"]
    );
}

#[test]
fn times_and_counts_take_the_larger_value_without_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.updated_at = 30;
    ours.backup.edits_since_export = 4;
    let mut theirs = base.clone();
    theirs.updated_at = 20;
    theirs.backup.edits_since_export = 9;
    let merged = merge_projects(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, 0);
    assert_eq!(merged.value.updated_at, 30);
    assert_eq!(merged.value.backup.edits_since_export, 9);
}

#[test]
fn project_ids_merge_as_a_list() {
    let id = Uuid::from_u128;
    let base = [id(1), id(2), id(3)];
    let ours = [id(1), id(3), id(4)];
    let theirs = [id(5), id(1), id(2), id(3)];
    assert_eq!(
        merge_ids(&base, &ours, &theirs),
        [id(5), id(1), id(3), id(4)]
    );
}

/// Every value in a project, by a path that names list items by id, so that a value is
/// found wherever its item moved. Times and counts (largest wins) are left out, and so are
/// empty lists (the merge may hold items the other side added).
pub(crate) fn leaves(project: &Project) -> BTreeMap<String, serde_json::Value> {
    fn walk(
        value: &serde_json::Value,
        path: String,
        out: &mut BTreeMap<String, serde_json::Value>,
    ) {
        use serde_json::Value as Json;
        match value {
            Json::Object(map) => {
                for (key, value) in map {
                    if !["updated_at", "backup", "snapshots"].contains(&key.as_str()) {
                        walk(value, format!("{path}/{key}"), out);
                    }
                }
            }
            // A list of items holds no value of its own; an empty list is taken for one.
            Json::Array(items) if items.iter().all(|i| i.get("id").is_some()) => {
                for item in items {
                    walk(item, format!("{path}[{}]", item["id"]), out);
                }
            }
            _ => {
                out.insert(path, value.clone());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &serde_json::to_value(project).unwrap(),
        String::new(),
        &mut out,
    );
    out
}

/// The values a side wrote: those that differ from the base.
pub(crate) fn written(base: &Project, side: &Project) -> BTreeMap<String, serde_json::Value> {
    let before = leaves(base);
    leaves(side)
        .into_iter()
        .filter(|(path, value)| before.get(path) != Some(value))
        .collect()
}

fn a_project() -> impl Strategy<Value = Project> {
    any_workspace().prop_map(|w| {
        w.projects
            .into_iter()
            .next()
            .unwrap_or_else(|| Project::new(Uuid::from_u128(1), "", 0))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn theirs_always_survives_and_ours_unless_a_conflict_is_counted(
        base in a_project(),
        ours_edits in any_edits(Side::Any),
        theirs_edits in any_edits(Side::Any),
    ) {
        let ours = apply_edits(&base, &ours_edits, 1_000);
        let theirs = apply_edits(&base, &theirs_edits, 2_000);
        let merged = merge_projects(&base, &ours, &theirs);
        let result = leaves(&merged.value);
        for (path, value) in written(&base, &theirs) {
            prop_assert_eq!(result.get(&path), Some(&value), "theirs at {}", path);
        }
        if merged.conflicts == 0 {
            for (path, value) in written(&base, &ours) {
                prop_assert_eq!(result.get(&path), Some(&value), "ours at {}", path);
            }
        }
    }

    #[test]
    fn edits_to_different_fields_and_items_never_conflict(
        base in a_project(),
        ours_edits in any_edits(Side::Even),
        theirs_edits in any_edits(Side::Odd),
    ) {
        let ours = apply_edits(&base, &ours_edits, 1_000);
        let theirs = apply_edits(&base, &theirs_edits, 2_000);
        let merged = merge_projects(&base, &ours, &theirs);
        prop_assert_eq!(merged.conflicts, 0);
        let result = leaves(&merged.value);
        for (path, value) in written(&base, &ours).into_iter().chain(written(&base, &theirs)) {
            prop_assert_eq!(result.get(&path), Some(&value), "at {}", path);
        }
    }
}

#[test]
fn an_edit_list_is_not_empty_by_construction() {
    // Guards the generators: a property over no edits would prove nothing.
    let edits: Vec<Edit> = vec![Edit::ProjectText(0, "x".into())];
    let base = base();
    assert_ne!(apply_edits(&base, &edits, 0), base);
}
