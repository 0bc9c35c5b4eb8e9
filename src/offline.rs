//! Offline and installable: the service worker (registered in release builds only), the
//! "reload to update" offer, and persistent storage.
//!
//! The worker itself is `web/sw.js`; `scripts/post-build.mjs` writes its file list at build time.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Whether the browser promised to keep this site's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    Asking,
    Granted,
    /// The browser may clear it under storage pressure (or after a week, in Safari).
    NotGranted,
    Unsupported,
}

fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(object, &JsValue::from_str(name)).unwrap_or(false)
}

/// Asks for persistent storage (once granted, browsers do not evict the data on their own).
pub fn request_persistence(result: RwSignal<Persistence>) {
    let Some(window) = web_sys::window() else {
        return result.set(Persistence::Unsupported);
    };
    let navigator = window.navigator();
    if !has(&navigator, "storage") {
        return result.set(Persistence::Unsupported);
    }
    let storage = navigator.storage();
    leptos::task::spawn_local(async move {
        let granted = async {
            if JsFuture::from(storage.persisted().ok()?)
                .await
                .ok()?
                .as_bool()?
            {
                return Some(true);
            }
            JsFuture::from(storage.persist().ok()?)
                .await
                .ok()?
                .as_bool()
        };
        result.set(match granted.await {
            Some(true) => Persistence::Granted,
            Some(false) => Persistence::NotGranted,
            None => Persistence::Unsupported,
        });
    });
}

/// Registers the service worker, and sets `update_ready` when a new version is installed and
/// waiting. Does nothing in debug builds, which have no `sw.js`.
pub fn register_service_worker(update_ready: RwSignal<bool>) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    // Absent outside secure contexts (plain http on another host than localhost).
    if !has(&window.navigator(), "serviceWorker") {
        return;
    }
    let container = window.navigator().service_worker();
    let registering = container.register("/sw.js");
    leptos::task::spawn_local(async move {
        // Checked, not assumed: a browser that blocks workers may resolve with nothing.
        let registered = JsFuture::from(registering).await.map(JsCast::dyn_into);
        if let Ok(Ok(registration)) = registered {
            watch_for_updates(registration, update_ready);
        }
    });
}

/// A worker is an update (not the first install) when a previous one controls the page.
fn is_update() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
}

fn watch_for_updates(registration: ServiceWorkerRegistration, update_ready: RwSignal<bool>) {
    let when_installed = move |worker: ServiceWorker| {
        let watched = worker.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if watched.state() == ServiceWorkerState::Installed && is_update() {
                update_ready.set(true);
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // The worker lives as long as the page; so does its listener.
        on_state.forget();
    };
    if registration.waiting().is_some() && is_update() {
        update_ready.set(true);
    }
    if let Some(installing) = registration.installing() {
        when_installed(installing);
    }
    let watched = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = watched.installing() {
            when_installed(installing);
        }
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

/// Lets the waiting version take over, and reloads once it has. The autosave's `pagehide`
/// flush runs before the reload; localStorage is not touched by the update itself.
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let reload = Closure::once_into_js(move || {
        let _ = window.location().reload();
    });
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    leptos::task::spawn_local(async move {
        let found = JsFuture::from(container.get_registration()).await;
        let Ok(Ok(registration)) = found.map(JsCast::dyn_into::<ServiceWorkerRegistration>) else {
            return;
        };
        if let Some(waiting) = registration.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
