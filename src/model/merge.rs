//! Combining two tabs' versions of a project against the version both started from: field
//! by field, and lists item by item (by id: added, removed, moved, edited). A field both
//! changed to different values is a conflict: the other tab's value stays, and the caller
//! keeps this tab's whole version as a saved version, so that nothing is dropped silently.
//!
//! Works on the JSON form of the data, so that every field of every item is covered without
//! a line per field, and new fields are merged the day they are added.

use serde_json::{Map, Value};
use uuid::Uuid;

use super::layout::project_from_document;
use super::Project;

/// Fields where the larger number is the truth on both sides (a time, a count), never a
/// conflict.
const LARGEST_WINS: [&str; 5] = [
    "updated_at",
    "last_export_at",
    "edits_since_export",
    "snoozed_at_edits",
    "snoozed_at",
];

/// A merge's result: the merged value, and how many fields both sides changed differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged<T> {
    pub value: T,
    pub conflicts: usize,
}

/// Merges two versions of a project that started from `base`. `ours` is this tab's,
/// `theirs` what another tab stored; on a conflict theirs stays.
pub fn merge_projects(base: &Project, ours: &Project, theirs: &Project) -> Merged<Project> {
    // Through text rather than `serde_json::to_value`: the code that writes and reads
    // projects is already in the bundle, a second copy for `Value` would not be.
    let json = |p: &Project| {
        let text = serde_json::to_string(p).expect("a project always serialises");
        serde_json::from_str::<Value>(&text).expect("and reads back")
    };
    let mut conflicts = 0;
    let value = merge_values(&json(base), &json(ours), &json(theirs), "", &mut conflicts);
    let document = Map::from_iter([("projects".to_string(), Value::Array(vec![value]))]);
    let value = project_from_document(Value::Object(document)).unwrap_or_else(|_| theirs.clone());
    Merged { value, conflicts }
}

/// Merges a list of ids (the order of the projects) as items of a list.
pub fn merge_ids(base: &[Uuid], ours: &[Uuid], theirs: &[Uuid]) -> Vec<Uuid> {
    let as_items = |ids: &[Uuid]| {
        Value::Array(
            ids.iter()
                .map(|id| Value::Object(Map::from_iter([("id".into(), id.to_string().into())])))
                .collect(),
        )
    };
    let mut conflicts = 0;
    let merged = merge_values(
        &as_items(base),
        &as_items(ours),
        &as_items(theirs),
        "",
        &mut conflicts,
    );
    merged
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item.get("id")?.as_str()?.parse().ok())
        .collect()
}

pub(super) fn merge_values(
    base: &Value,
    ours: &Value,
    theirs: &Value,
    key: &str,
    conflicts: &mut usize,
) -> Value {
    if ours == theirs || theirs == base {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    if LARGEST_WINS.contains(&key) {
        return match (ours.as_i64(), theirs.as_i64()) {
            (Some(a), Some(b)) => Value::from(a.max(b)),
            (Some(_), None) => ours.clone(),
            _ => theirs.clone(),
        };
    }
    match (ours, theirs) {
        (Value::Object(o), Value::Object(t)) => {
            let empty = Map::new();
            Value::Object(merge_objects(
                base.as_object().unwrap_or(&empty),
                o,
                t,
                conflicts,
            ))
        }
        (Value::Array(o), Value::Array(t)) if is_list_of_items(o) && is_list_of_items(t) => {
            let empty = Vec::new();
            let b = base
                .as_array()
                .filter(|b| is_list_of_items(b))
                .unwrap_or(&empty);
            Value::Array(merge_items(b, o, t, conflicts))
        }
        _ => {
            *conflicts += 1;
            theirs.clone()
        }
    }
}

fn merge_objects(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    conflicts: &mut usize,
) -> Map<String, Value> {
    let mut merged = theirs.clone();
    for (key, o) in ours {
        let b = base.get(key).unwrap_or(&Value::Null);
        let t = theirs.get(key).unwrap_or(&Value::Null);
        merged.insert(key.clone(), merge_values(b, o, t, key, conflicts));
    }
    merged
}

/// A list whose every element is an object with an `id`: merged item by item.
fn is_list_of_items(list: &[Value]) -> bool {
    list.iter()
        .all(|item| item.get("id").is_some_and(Value::is_string))
}

fn id_of(item: &Value) -> &str {
    item.get("id").and_then(Value::as_str).unwrap_or_default()
}

fn find<'a>(list: &'a [Value], id: &str) -> Option<&'a Value> {
    list.iter().find(|item| id_of(item) == id)
}

/// The order of the ids two lists share.
fn common_order<'a>(list: &'a [Value], other: &[Value]) -> Vec<&'a str> {
    list.iter()
        .map(id_of)
        .filter(|id| find(other, id).is_some())
        .collect()
}

fn merge_items(
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    conflicts: &mut usize,
) -> Vec<Value> {
    // The item in the merge, or none: removed on one side and left as it was on the other.
    let merged_item = |id: &str, conflicts: &mut usize| -> Option<Value> {
        match (find(base, id), find(ours, id), find(theirs, id)) {
            (_, Some(o), Some(t)) => {
                let b = find(base, id).unwrap_or(&Value::Null);
                Some(merge_values(b, o, t, "", conflicts))
            }
            (Some(b), Some(o), None) => (o != b).then(|| o.clone()),
            (Some(b), None, Some(t)) => (t != b).then(|| t.clone()),
            (None, Some(item), None) | (None, None, Some(item)) => Some(item.clone()),
            _ => None,
        }
    };
    // The order: theirs, unless only ours moved items.
    let theirs_moved = common_order(theirs, base) != common_order(base, theirs);
    let (primary, secondary) = if theirs_moved {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut order: Vec<&str> = primary.iter().map(id_of).collect();
    for (i, item) in secondary.iter().enumerate() {
        let id = id_of(item);
        if order.contains(&id) {
            continue;
        }
        // After the item it followed on its side, or first.
        let after = secondary[..i]
            .iter()
            .rev()
            .find_map(|prev| order.iter().position(|o| *o == id_of(prev)));
        order.insert(after.map_or(0, |p| p + 1), id);
    }
    order
        .into_iter()
        .filter_map(|id| merged_item(id, conflicts))
        .collect()
}
