//! The stored form of a workspace: versioned JSON, and the migrations that read older versions.

use serde::Serialize;
use serde_json::Value;

use super::{Project, Workspace};

/// Bump this, and add a step to `migrate`, whenever the stored shape changes.
pub const SCHEMA_VERSION: u64 = 1;

/// Why a stored or imported text could not be read as a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all, or cut short.
    Syntax { line: usize, column: usize },
    /// JSON, but not something this app wrote (no schema version).
    NotAWorkspace,
    /// Written by a newer version of the app than this one.
    TooNew { found: u64 },
    /// The right kind of document, but a value in it has the wrong shape.
    Invalid { detail: String },
}

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u64,
    projects: &'a [Project],
}

impl Workspace {
    /// The text kept in storage: always the current schema version.
    pub fn to_json(&self) -> String {
        let document = Document {
            schema_version: SCHEMA_VERSION,
            projects: &self.projects,
        };
        serde_json::to_string(&document).expect("a workspace always serialises")
    }

    /// Reads any version this app has ever written, migrating it to the current one.
    pub fn from_json(text: &str) -> Result<Workspace, LoadError> {
        let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
            line: e.line(),
            column: e.column(),
        })?;
        let version = value
            .get("schema_version")
            .and_then(Value::as_u64)
            .filter(|v| *v >= 1)
            .ok_or(LoadError::NotAWorkspace)?;
        if version > SCHEMA_VERSION {
            return Err(LoadError::TooNew { found: version });
        }
        let value = migrate(value, version)?;
        serde_json::from_value(value).map_err(|e| LoadError::Invalid {
            detail: e.to_string(),
        })
    }
}

/// Brings a document of `version` up to `SCHEMA_VERSION`, one version at a time.
fn migrate(value: Value, version: u64) -> Result<Value, LoadError> {
    // Version 1 is the first stored shape: nothing to migrate yet. A later version adds
    // `if version < 2 { value = v1_to_v2(value)?; }` here, and keeps the v1 golden fixture.
    debug_assert!(version <= SCHEMA_VERSION);
    Ok(value)
}
