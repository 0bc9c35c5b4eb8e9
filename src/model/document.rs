//! The stored form of a workspace: versioned JSON, and the migrations that read older versions.

use serde::Serialize;
use serde_json::Value;

use super::{Project, Workspace};

/// Bump this, and add a step to `migrate`, whenever the stored shape changes.
pub const SCHEMA_VERSION: u64 = 4;

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
    /// `path` says where, as in `projects[0].wanted[2].priority`.
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
}

impl Workspace {
    /// The text kept in storage: always the current schema version.
    pub fn to_json(&self) -> String {
        let document = Document {
            format: None,
            schema_version: SCHEMA_VERSION,
            exported_at: None,
            projects: &self.projects,
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
        };
        serde_json::to_string_pretty(&document).expect("a workspace always serialises")
    }

    /// Reads any version this app has ever written, migrating it to the current one.
    pub fn from_json(text: &str) -> Result<Workspace, LoadError> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            let (line, column) = (e.line(), e.column());
            if e.is_eof() {
                LoadError::CutShort { line, column }
            } else {
                LoadError::Syntax { line, column }
            }
        })?;
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
        let value = migrate(value, version)?;
        serde_path_to_error::deserialize(value).map_err(|e| LoadError::Invalid {
            path: e.path().to_string(),
            detail: e.into_inner().to_string(),
        })
    }
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
