//! The stored form of a workspace: versioned JSON, and the migrations that read older versions.

use serde::Serialize;
use serde_json::Value;

use super::{Project, Workshop, Workspace};

/// Bump this, and add a step to `migrate`, whenever the stored shape changes.
pub const SCHEMA_VERSION: u64 = 9;

/// Marks an exported file as ours, so a stray JSON file is told apart from a damaged one.
pub const FILE_FORMAT: &str = "data-roadmap";

/// Why a stored or imported text could not be read as a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all.
    Syntax { line: usize, column: usize },
    /// JSON that stops before its end: a truncated file or link.
    CutShort { line: usize, column: usize },
    /// JSON, but not something this app wrote (no schema version).
    NotAWorkspace,
    /// Written by a newer version of the app than this one.
    TooNew { found: u64 },
    /// The right kind of document, but a value in it has the wrong shape.
    /// `path` says where, as in `projects[0].wanted[2].value`.
    Invalid { path: String, detail: String },
}

#[derive(Serialize)]
struct Document<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    schema_version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<i64>,
    projects: &'a [Project],
    /// Left out when there are none: a participant's file stays as it was.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    workshops: &'a [Workshop],
}

impl Workspace {
    /// The text kept in storage: always the current schema version.
    pub fn to_json(&self) -> String {
        let document = Document {
            format: None,
            schema_version: SCHEMA_VERSION,
            exported_at: None,
            projects: &self.projects,
            workshops: &self.workshops,
        };
        serde_json::to_string(&document).expect("a workspace always serialises")
    }

    /// The text of an exported file: the stored form, marked as ours and dated, indented for
    /// people who open it. `from_json` reads it back.
    pub fn to_export_json(&self, exported_at: i64) -> String {
        let document = Document {
            format: Some(FILE_FORMAT),
            schema_version: SCHEMA_VERSION,
            exported_at: Some(exported_at),
            projects: &self.projects,
            workshops: &self.workshops,
        };
        serde_json::to_string_pretty(&document).expect("a workspace always serialises")
    }

    /// Reads any version this app has ever written, migrating it to the current one.
    pub fn from_json(text: &str) -> Result<Workspace, LoadError> {
        Workspace::from_document(read_document(text)?)
    }

    /// The typed workspace of a document `read_document` accepted.
    pub fn from_document(value: Value) -> Result<Workspace, LoadError> {
        super::json_path::read_typed(&value)
    }
}

/// Parses a stored or exported document and migrates it to the current version, without
/// building the typed workspace yet (so that its size can be checked first).
pub fn read_document(text: &str) -> Result<Value, LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        if e.is_eof() {
            LoadError::CutShort { line, column }
        } else {
            LoadError::Syntax { line, column }
        }
    })?;
    migrate_document(value)
}

/// Checks a parsed document is ours and not newer, and migrates it to the current version.
pub(super) fn migrate_document(value: Value) -> Result<Value, LoadError> {
    if value
        .get("format")
        .is_some_and(|format| format != FILE_FORMAT)
    {
        return Err(LoadError::NotAWorkspace);
    }
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(LoadError::NotAWorkspace)?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::TooNew { found: version });
    }
    migrate(value, version)
}

/// Brings a document of `version` up to `SCHEMA_VERSION`, one version at a time.
fn migrate(mut value: Value, version: u64) -> Result<Value, LoadError> {
    if version < 2 {
        value = add_to_every_wanted(value, "sources")?;
    }
    if version < 3 {
        value = add_to_every_wanted(value, "actions")?;
    }
    // Version 4 added snapshots and the backup record to projects: both start empty, which
    // serde's defaults give, so there is nothing to rewrite.
    if version < 5 {
        value = to_the_workshop_scores(value)?;
    }
    // Version 6 added when the backup reminder was snoozed, version 7 when a request to open
    // data was sent and when to follow it up, version 8 workshops (a facilitator's cohorts,
    // beside the projects), version 9 the catalogue record a source was filled from: none
    // yet, which serde's defaults give.
    Ok(value)
}

/// Version 5 took the workshops' own instrument: the three-level priority became the value
/// score (nice to have → 1, important → 2, essential → 3; 4, critical, is the holder's to
/// give), and the routes became the method's (produce → collect, ask the producer → request
/// its opening, partnership → partner, reuse an open dataset → reuse as it is). Snapshots hold
/// projects too, and are migrated alike. The new fields start empty.
fn to_the_workshop_scores(mut value: Value) -> Result<Value, LoadError> {
    /// A priority that was none of the three is refused where it stands, as serde would.
    fn dataset(dataset: &mut serde_json::Map<String, Value>, at: &str) -> Result<(), LoadError> {
        let score = match dataset.remove("priority") {
            None => 2,
            Some(priority) => match priority.as_str() {
                Some("nice_to_have") => 1,
                Some("important") => 2,
                Some("essential") => 3,
                _ => {
                    return Err(LoadError::Invalid {
                        path: format!("{at}.priority"),
                        detail: format!(
                            "unknown variant `{}`, expected one of `essential`, `important`, `nice_to_have`",
                            priority.as_str().map_or_else(|| priority.to_string(), str::to_string)
                        ),
                    })
                }
            },
        };
        dataset.insert("value".into(), Value::from(score));
        let Some(Value::Array(actions)) = dataset.get_mut("actions") else {
            return Ok(());
        };
        for action in actions.iter_mut().filter_map(Value::as_object_mut) {
            let Some(Value::String(route)) = action.get_mut("route") else {
                continue;
            };
            let new = match route.as_str() {
                "reuse_open" => "reuse",
                "ask_producer" => "request_opening",
                "partnership" => "partner",
                "produce" => "collect",
                other => other,
            };
            *route = new.to_string();
        }
        Ok(())
    }
    fn project(value: &mut Value, at: &str) -> Result<(), LoadError> {
        if let Some(Value::Array(wanted)) = value.get_mut("wanted") {
            for (i, item) in wanted.iter_mut().enumerate() {
                if let Some(item) = item.as_object_mut() {
                    dataset(item, &format!("{at}.wanted[{i}]"))?;
                }
            }
        }
        if let Some(Value::Array(snapshots)) = value.get_mut("snapshots") {
            for (i, snapshot) in snapshots.iter_mut().enumerate() {
                if let Some(content) = snapshot.get_mut("content") {
                    project(content, &format!("{at}.snapshots[{i}].content"))?;
                }
            }
        }
        Ok(())
    }
    match value.get_mut("projects") {
        None => {}
        Some(Value::Array(projects)) => {
            for (i, item) in projects.iter_mut().enumerate() {
                project(item, &format!("projects[{i}]"))?;
            }
        }
        Some(_) => {
            return Err(LoadError::Invalid {
                path: "projects".to_string(),
                detail: "expected a list".to_string(),
            })
        }
    }
    Ok(value)
}

/// Version 2 added candidate sources (phase 2) to every wanted dataset, version 3 roadmap
/// actions (phase 3): each migration adds the empty list. The version is bumped although
/// serde's defaults would fill the gap, so that an older app refuses a newer document
/// instead of saving it back without what it does not know.
fn add_to_every_wanted(mut value: Value, field: &str) -> Result<Value, LoadError> {
    let invalid = |detail: &str| LoadError::Invalid {
        path: "projects".to_string(),
        detail: detail.to_string(),
    };
    let projects = match value.get_mut("projects") {
        None => return Ok(value),
        Some(Value::Array(projects)) => projects,
        Some(_) => return Err(invalid("expected a list")),
    };
    for project in projects.iter_mut() {
        let Some(Value::Array(wanted)) = project.get_mut("wanted") else {
            continue;
        };
        for dataset in wanted.iter_mut().filter_map(Value::as_object_mut) {
            dataset
                .entry(field)
                .or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    Ok(value)
}
