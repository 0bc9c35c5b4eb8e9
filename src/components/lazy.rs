//! Code fetched on first use (the `split` feature, on for Trunk builds; scripts/split-wasm.mjs
//! cuts it out of the first download). Each group is a `wasm_split` function — what Leptos'
//! `#[lazy]` expands to, plus `fallible`, which `#[lazy]` does not pass — so that a download
//! that fails (the venue's Wi-Fi drops before the service worker has the module) says so and
//! offers to try again instead of stopping the app. Without the feature (tests) the groups
//! are plain calls.

#[cfg(feature = "split")]
use {leptos::prelude::*, std::future::Future};

/// A group's code could not be downloaded; the next attempt starts afresh.
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The view `load` gives once its code is there: "Loading…" meanwhile, a message and
/// "Try again" if the download fails.
#[cfg(feature = "split")]
pub fn lazily<Load, Loaded>(load: Load) -> impl IntoView
where
    Load: Fn() -> Loaded + Send + Sync + 'static,
    Loaded: Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let loaded = load();
        let view = async move {
            loaded.await.unwrap_or_else(|NotLoaded| {
                view! { <LoadFailed retry=move || attempt.update(|n| *n += 1)/> }.into_any()
            })
        };
        view! { <Suspense fallback=Loading>{Suspend::new(view)}</Suspense> }
    }
}

/// Shown while the code arrives (a moment, once; then from the cache).
#[cfg(feature = "split")]
#[component]
fn Loading() -> impl IntoView {
    let app = crate::state::use_app();
    view! { <p class="hint" role="status">{move || app.t(crate::i18n::Key::LoadingPage)}</p> }
}

#[cfg(feature = "split")]
#[component]
fn LoadFailed(retry: impl Fn() + 'static) -> impl IntoView {
    use crate::i18n::Key;
    let app = crate::state::use_app();
    view! {
        <div class="notice notice-error" role="alert">
            <p>{move || app.t(Key::PageNotLoaded)}</p>
            <button type="button" on:click=move |_| retry()>{move || app.t(Key::TryAgain)}</button>
        </div>
    }
}
