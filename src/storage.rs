//! The only code that touches localStorage. What to read and write, and in which order, is
//! the replica's (`model::Replica`, tested natively); this module lends it the browser's
//! storage, runs every write under a Web Lock shared by all tabs, and lists what was set
//! aside.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::model::layout::{KeyKind, SET_ASIDE_PREFIX};
pub use crate::model::SaveError;
use crate::model::Store;

const LANG_KEY: &str = "data-roadmap:lang";
/// The Web Lock every tab of this app saves and catches up under.
const LOCK_NAME: &str = "data-roadmap:storage";

/// localStorage, as the replica's [`Store`].
pub struct LocalStore(web_sys::Storage);

impl LocalStore {
    /// `None` when localStorage cannot be reached (blocked, or some private modes).
    pub fn open() -> Option<LocalStore> {
        local_storage().map(LocalStore)
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0.set_item(key, value).map_err(|error| {
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

    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }

    /// Cut on the JavaScript side: the rest of a large project never crosses into Rust.
    fn head(&self, key: &str, chars: usize) -> Option<String> {
        let value = self.0.unchecked_ref::<JsStorage>().get_item(key).ok()?;
        let text = value.dyn_into::<js_sys::JsString>().ok()?;
        let end = u32::try_from(chars).unwrap_or(u32::MAX).min(text.length());
        Some(text.slice(0, end).into())
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[wasm_bindgen]
extern "C" {
    /// `Storage`, for a `getItem` that keeps the value a JavaScript string.
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;

    /// `navigator.locks` (web-sys has it only behind its unstable flag).
    type LockManager;
    #[wasm_bindgen(method)]
    fn request(this: &LockManager, name: &str, callback: &JsValue) -> js_sys::Promise;
}

/// Runs `task` holding the lock all tabs write under, so that no other tab writes between
/// the revision it reads and the write that depends on it. The task runs a little later (the
/// lock is granted asynchronously), or at once where Web Locks are missing.
pub fn with_lock(task: impl FnOnce() + 'static) {
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|locks| !locks.is_undefined() && !locks.is_null());
    match locks {
        Some(locks) => {
            let callback = Closure::once_into_js(task);
            let _ = locks
                .unchecked_into::<LockManager>()
                .request(LOCK_NAME, &callback);
        }
        None => task(),
    }
}

/// What a `storage` event from another tab is about: `Some(None)` for anything (the storage
/// was cleared), `Some(Some(key))` for one key of the layout, `None` if not ours.
pub fn changed_key(event: &web_sys::StorageEvent) -> Option<Option<KeyKind>> {
    let is_local = event
        .storage_area()
        .zip(local_storage())
        .is_some_and(|(area, local)| area == local);
    if !is_local {
        return None;
    }
    match event.key() {
        None => Some(None),
        Some(key) => KeyKind::of(&key).map(Some),
    }
}

/// A text set aside at load time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    /// When it was set aside, in milliseconds since the epoch.
    pub at: i64,
}

/// Every text set aside so far, oldest first.
pub fn set_aside_entries() -> Vec<SetAside> {
    let Some(store) = LocalStore::open() else {
        return Vec::new();
    };
    let mut entries: Vec<SetAside> = store
        .keys()
        .into_iter()
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
