//! How the workspace is laid out in a key-value store (localStorage): one key per project, so
//! that a keystroke rewrites one project and two tabs on two projects never meet; a small
//! index with the order of the projects; and each project's saved versions under a key of
//! their own, read rarely and never re-serialised on a keystroke.
//!
//! The layout is versioned apart from the document format: `SCHEMA_VERSION` says what a
//! project holds, `LAYOUT_VERSION` how the keys are organised.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde::Deserialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::document::migrate_document;
use super::{LoadError, Project, Snapshot, Workshop, Workspace, SCHEMA_VERSION};

/// Bump when the keys or the records change shape (not when a project gains a field).
pub const LAYOUT_VERSION: u64 = 2;

/// Layout 1: the whole workspace in one key. Read to migrate, and merged in when a tab still
/// running an older version writes it.
pub const LEGACY_KEY: &str = "data-roadmap:workspace";
/// Layout 1's text once migrated, kept until the next successful load.
pub const RETIRED_KEY: &str = "data-roadmap:workspace-retired";
pub const INDEX_KEY: &str = "data-roadmap:index";
const PROJECT_PREFIX: &str = "data-roadmap:project:";
const VERSIONS_PREFIX: &str = "data-roadmap:versions:";
/// A workshop per key, found by its prefix (no index: their order is their creation's).
const WORKSHOP_PREFIX: &str = "data-roadmap:workshop:";
/// Unreadable texts are kept under this prefix plus the time they were found.
pub const SET_ASIDE_PREFIX: &str = "data-roadmap:set-aside:";

pub fn project_key(id: Uuid) -> String {
    format!("{PROJECT_PREFIX}{id}")
}

pub fn versions_key(id: Uuid) -> String {
    format!("{VERSIONS_PREFIX}{id}")
}

pub fn workshop_key(id: Uuid) -> String {
    format!("{WORKSHOP_PREFIX}{id}")
}

/// What a key of the layout holds, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    Index,
    Project(Uuid),
    Versions(Uuid),
    Workshop(Uuid),
    Legacy,
}

impl KeyKind {
    pub fn of(key: &str) -> Option<KeyKind> {
        match key {
            INDEX_KEY => return Some(KeyKind::Index),
            LEGACY_KEY => return Some(KeyKind::Legacy),
            _ => {}
        }
        if let Some(id) = key.strip_prefix(PROJECT_PREFIX) {
            return id.parse().ok().map(KeyKind::Project);
        }
        if let Some(id) = key.strip_prefix(WORKSHOP_PREFIX) {
            return id.parse().ok().map(KeyKind::Workshop);
        }
        key.strip_prefix(VERSIONS_PREFIX)?
            .parse()
            .ok()
            .map(KeyKind::Versions)
    }
}

/// The index: which projects there are, in order.
pub fn index_json(ids: &[Uuid]) -> String {
    #[derive(serde::Serialize)]
    struct Index<'a> {
        layout: u64,
        projects: &'a [Uuid],
        schema_version: u64,
    }
    let index = Index {
        layout: LAYOUT_VERSION,
        projects: ids,
        schema_version: SCHEMA_VERSION,
    };
    serde_json::to_string(&index).expect("ids always serialise")
}

pub fn read_index(text: &str) -> Result<Vec<Uuid>, LoadError> {
    #[derive(Deserialize)]
    struct Index {
        layout: u64,
        schema_version: u64,
        projects: Vec<Uuid>,
    }
    let index: Index = parse(text)?;
    if index.layout > LAYOUT_VERSION {
        // A newer way of laying out the keys: nothing here can be read safely.
        return Err(LoadError::TooNew {
            found: index.schema_version.max(SCHEMA_VERSION + 1),
        });
    }
    newer_than_this(index.schema_version)?;
    Ok(index.projects)
}

/// A project as stored, with the revision that grows by one at every write.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectRecord {
    pub revision: u64,
    /// Without its saved versions, which are read from their own key.
    pub project: Project,
    /// The project's text as this version writes it (`project_body_json`).
    pub body: String,
}

/// A project without its saved versions, as its record holds it.
pub fn project_body_json(project: &Project) -> String {
    serde_json::to_string(&Body(project)).expect("a project always serialises")
}

/// A project record's text, from its body. The revision and schema version come first, so
/// that they can be read from the first characters (`RECORD_HEAD`).
pub fn record_json(revision: u64, body: &str) -> String {
    format!("{{\"revision\":{revision},\"schema_version\":{SCHEMA_VERSION},\"project\":{body}}}")
}

pub fn project_json(revision: u64, project: &Project) -> String {
    record_json(revision, &project_body_json(project))
}

/// Enough characters of a record to read its revision and schema version.
pub const RECORD_HEAD: usize = 64;

/// The revision and schema version at the start of a record as this version writes it, if
/// it starts that way.
fn record_head(text: &str) -> Option<(u64, u64)> {
    let rest = text.strip_prefix("{\"revision\":")?;
    let (revision, rest) = rest.split_once(',')?;
    let rest = rest.strip_prefix("\"schema_version\":")?;
    let (version, _) = rest.split_once(',')?;
    Some((revision.parse().ok()?, version.parse().ok()?))
}

/// The revision of a stored project record, without building the project. `text` may be the
/// record's first `RECORD_HEAD` characters; `None` if they are not enough (a record shaped
/// otherwise): read the whole record then.
pub fn read_revision(text: &str) -> Option<Result<u64, LoadError>> {
    #[derive(Deserialize)]
    struct Head {
        revision: u64,
        schema_version: u64,
    }
    let (revision, version) = match record_head(text) {
        Some(head) => head,
        None => match parse::<Head>(text) {
            Ok(head) => (head.revision, head.schema_version),
            Err(LoadError::CutShort { .. }) if text.chars().count() >= RECORD_HEAD => return None,
            Err(error) => return Some(Err(error)),
        },
    };
    Some(newer_than_this(version).map(|()| revision))
}

pub fn read_project(text: &str) -> Result<ProjectRecord, LoadError> {
    #[derive(Deserialize)]
    struct Record {
        revision: u64,
        schema_version: u64,
        project: Value,
    }
    let record: Record = parse(text)?;
    let current = record.schema_version == SCHEMA_VERSION;
    let project = migrated(record.schema_version, record.project)?;
    // Written by this version: its text is the body already, no need to write it again.
    let written = text
        .strip_suffix('}')
        .and_then(|t| t.split_once(",\"project\":"))
        .map(|(head, body)| (record_head(&format!("{head},")), body))
        .filter(|(head, _)| current && head.is_some());
    let body = match written {
        Some((_, body)) => body.to_string(),
        None => project_body_json(&project),
    };
    Ok(ProjectRecord {
        revision: record.revision,
        project,
        body,
    })
}

/// The name a record written by a newer version gives its project, to say which one is held.
pub fn name_in(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text).ok()?;
    Some(value.get("project")?.get("name")?.as_str()?.to_string())
}

pub fn versions_json(snapshots: &[Snapshot]) -> String {
    #[derive(serde::Serialize)]
    struct Versions<'a> {
        schema_version: u64,
        snapshots: &'a [Snapshot],
    }
    let versions = Versions {
        schema_version: SCHEMA_VERSION,
        snapshots,
    };
    serde_json::to_string(&versions).expect("versions always serialise")
}

pub fn read_versions(text: &str) -> Result<Vec<Snapshot>, LoadError> {
    #[derive(Deserialize)]
    struct Versions {
        schema_version: u64,
        snapshots: Value,
    }
    let versions: Versions = parse(text)?;
    let holder = Map::from_iter([("snapshots".to_string(), versions.snapshots)]);
    Ok(migrated(versions.schema_version, Value::Object(holder))?.snapshots)
}

/// A project body this version wrote (`project_body_json`), read back.
pub fn read_project_body(body: &str) -> Result<Project, LoadError> {
    let project: Value = parse(body)?;
    migrated(SCHEMA_VERSION, project)
}

/// Reads a project written at `version`, through the migrations of whole documents.
fn migrated(version: u64, project: Value) -> Result<Project, LoadError> {
    newer_than_this(version)?;
    let document = Map::from_iter([
        ("schema_version".to_string(), Value::from(version)),
        ("projects".to_string(), Value::Array(vec![project])),
    ]);
    project_from_document(migrate_document(Value::Object(document))?)
}

/// The one project of a document holding one (through the same code as any document).
pub(super) fn project_from_document(document: Value) -> Result<Project, LoadError> {
    let mut workspace = Workspace::from_document(document)?;
    workspace.projects.pop().ok_or(LoadError::NotAWorkspace)
}

fn newer_than_this(version: u64) -> Result<(), LoadError> {
    match version {
        0 => Err(LoadError::NotAWorkspace),
        v if v > SCHEMA_VERSION => Err(LoadError::TooNew { found: v }),
        _ => Ok(()),
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        if e.is_eof() {
            LoadError::CutShort { line, column }
        } else if e.is_data() {
            LoadError::Invalid {
                path: String::new(),
                detail: e.to_string(),
            }
        } else {
            LoadError::Syntax { line, column }
        }
    })
}

pub fn workshop_body_json(workshop: &Workshop) -> String {
    serde_json::to_string(workshop).expect("a workshop always serialises")
}

/// A workshop record's text: like a project's, revision first.
pub fn workshop_record_json(revision: u64, body: &str) -> String {
    format!("{{\"revision\":{revision},\"schema_version\":{SCHEMA_VERSION},\"workshop\":{body}}}")
}

/// A stored workshop, its revision, and its body as this version writes it.
pub fn read_workshop(text: &str) -> Result<(u64, Workshop, String), LoadError> {
    #[derive(Deserialize)]
    struct Record {
        revision: u64,
        schema_version: u64,
        workshop: Value,
    }
    let record: Record = parse(text)?;
    newer_than_this(record.schema_version)?;
    // Workshops appeared with version 8: nothing to migrate yet.
    let workshop: Workshop =
        super::json_path::read_typed(&record.workshop).map_err(|error| match error {
            LoadError::Invalid { path, detail } if path.is_empty() => LoadError::Invalid {
                path: "workshop".to_string(),
                detail,
            },
            LoadError::Invalid { path, detail } => LoadError::Invalid {
                path: format!("workshop.{path}"),
                detail,
            },
            other => other,
        })?;
    let body = workshop_body_json(&workshop);
    Ok((record.revision, workshop, body))
}

/// A project without its saved versions, serialised in place (no copy of the project).
struct Body<'a>(&'a Project);

impl Serialize for Body<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Destructured without `..`: a field added to `Project` fails to compile here until
        // it is stored too.
        let Project {
            id,
            name,
            holder,
            domain,
            description,
            objectives,
            partners,
            audiences,
            data_work,
            created_at,
            updated_at,
            wanted,
            snapshots: _,
            backup,
        } = self.0;
        let mut s = serializer.serialize_struct("Project", 13)?;
        s.serialize_field("id", id)?;
        s.serialize_field("name", name)?;
        s.serialize_field("holder", holder)?;
        s.serialize_field("domain", domain)?;
        s.serialize_field("description", description)?;
        s.serialize_field("objectives", objectives)?;
        s.serialize_field("partners", partners)?;
        s.serialize_field("audiences", audiences)?;
        s.serialize_field("data_work", data_work)?;
        s.serialize_field("created_at", created_at)?;
        s.serialize_field("updated_at", updated_at)?;
        s.serialize_field("wanted", wanted)?;
        s.serialize_field("backup", backup)?;
        s.end()
    }
}
