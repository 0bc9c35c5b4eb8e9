//! The only code that touches localStorage: load (and migrate), save, and set aside what
//! cannot be read, so that nothing already stored is ever overwritten by a failed load.

use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::model::{LoadError, Workspace};

/// Where the workspace lives; the schema version is inside the value.
pub const WORKSPACE_KEY: &str = "data-roadmap:workspace";
const LANG_KEY: &str = "data-roadmap:lang";
/// Unreadable texts are kept under this prefix plus the time they were found.
const SET_ASIDE_PREFIX: &str = "data-roadmap:set-aside:";

/// What the app starts with, and what went wrong reading it, if anything.
pub struct Startup {
    pub workspace: Workspace,
    pub problem: Option<StartupProblem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StartupProblem {
    /// localStorage cannot be reached at all (blocked, or some private modes).
    Unavailable,
    /// The stored text could not be read. `set_aside_key` says where it was copied; `None`
    /// means the copy failed too, so the app must not save over the original.
    Unreadable {
        error: LoadError,
        raw: String,
        set_aside_key: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Unavailable,
    QuotaExceeded,
    Refused(String),
}

/// A text set aside at load time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    /// When it was set aside, in milliseconds since the epoch.
    pub at: i64,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the workspace; on any problem, keeps what is stored intact and says what happened.
pub fn load(now: i64) -> Startup {
    let Some(storage) = local_storage() else {
        return Startup {
            workspace: Workspace::default(),
            problem: Some(StartupProblem::Unavailable),
        };
    };
    let raw = match storage.get_item(WORKSPACE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Startup {
                workspace: Workspace::default(),
                problem: None,
            }
        }
        Err(_) => {
            return Startup {
                workspace: Workspace::default(),
                problem: Some(StartupProblem::Unavailable),
            }
        }
    };
    match Workspace::from_json(&raw) {
        Ok(workspace) => Startup {
            workspace,
            problem: None,
        },
        Err(error) => {
            let set_aside_key = set_aside(&storage, &raw, now);
            Startup {
                workspace: Workspace::default(),
                problem: Some(StartupProblem::Unreadable {
                    error,
                    raw,
                    set_aside_key,
                }),
            }
        }
    }
}

/// Copies an unreadable text under a key of its own that no later save will reuse.
fn set_aside(storage: &web_sys::Storage, raw: &str, now: i64) -> Option<String> {
    let mut key = format!("{SET_ASIDE_PREFIX}{now}");
    let mut n = 1;
    while storage.get_item(&key).ok().flatten().is_some() {
        key = format!("{SET_ASIDE_PREFIX}{now}-{n}");
        n += 1;
    }
    storage.set_item(&key, raw).ok().map(|()| key)
}

/// Writes the workspace text; on failure what was stored before is left as it was.
pub fn save(json: &str) -> Result<(), SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    storage.set_item(WORKSPACE_KEY, json).map_err(|error| {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        match name.as_str() {
            // Firefox used its own name for the same thing.
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::QuotaExceeded,
            "" => SaveError::Refused(format!("{error:?}")),
            _ => SaveError::Refused(name),
        }
    })
}

/// The workspace another tab just wrote, if a storage event is about it.
pub fn external_change(event: &web_sys::StorageEvent) -> Option<Result<Workspace, LoadError>> {
    if event.key().as_deref() != Some(WORKSPACE_KEY) {
        return None;
    }
    event.new_value().map(|text| Workspace::from_json(&text))
}

/// Every text set aside so far, oldest first.
pub fn set_aside_entries() -> Vec<SetAside> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut entries: Vec<SetAside> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let stamp = key.strip_prefix(SET_ASIDE_PREFIX)?;
            let at = stamp.split('-').next()?.parse().ok()?;
            Some(SetAside { key, at })
        })
        .collect();
    entries.sort_by(|a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));
    entries
}

pub fn set_aside_text(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Deletes a set-aside text; only keys under the set-aside prefix can be deleted this way.
pub fn delete_set_aside(key: &str) {
    if let (true, Some(storage)) = (key.starts_with(SET_ASIDE_PREFIX), local_storage()) {
        let _ = storage.remove_item(key);
    }
}

pub fn load_lang() -> Option<Lang> {
    let tag = local_storage()?.get_item(LANG_KEY).ok().flatten()?;
    Lang::from_tag(&tag)
}

/// Remembers the language choice; losing it is harmless, so failures are ignored.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}
