//! Code fetched on first use (the `split` feature, on for Trunk builds; scripts/split-wasm.mjs
//! cuts it out of the first download). Each group is a `wasm_split` function — what Leptos'
//! `#[lazy]` expands to, plus `fallible`, which `#[lazy]` does not pass — so that a download
//! that fails (the venue's Wi-Fi drops before the service worker has the module) says so and
//! offers to try again instead of stopping the app. Without the feature (tests) the groups
//! are plain calls.

#[cfg(feature = "split")]
use {leptos::prelude::*, std::future::Future, std::sync::Arc};

/// A group's code could not be downloaded; the next attempt starts afresh.
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What a lazy view is, for its "Loading…" and failure messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyPart {
    /// A whole page.
    Page,
    /// A section of a page that is already there.
    Section,
    /// What frames a page (its navigation): nothing while it arrives, as the page below
    /// says it is loading; the section's message if it cannot be downloaded.
    Frame,
}

/// The view of a lazy group's function (`$group(args)`, a `wasm_split` function): through
/// [`lazily`] with the `split` feature; a plain call without it (tests), where the code is
/// always there.
macro_rules! lazy_view {
    ($part:expr, $group:ident($($arg:expr),*)) => {{
        #[cfg(feature = "split")]
        {
            $crate::components::lazily($part, move || async move { $group($($arg),*).await })
        }
        #[cfg(not(feature = "split"))]
        {
            let _: $crate::components::LazyPart = $part;
            $group($($arg),*).unwrap_or_else(|$crate::components::NotLoaded| ().into_any())
        }
    }};
}
pub(crate) use lazy_view;

/// The view `load` gives once its code is there: "Loading…" meanwhile, a message and
/// "Try again" if the download fails.
#[cfg(feature = "split")]
pub fn lazily<Load, Loaded>(part: LazyPart, load: Load) -> impl IntoView
where
    Load: Fn() -> Loaded + Send + Sync + 'static,
    Loaded: Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    lazily_boxed(part, Arc::new(move || Box::pin(load()) as LoadFuture))
}

#[cfg(feature = "split")]
type LoadFuture = std::pin::Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>> + Send>>;

/// The body of [`lazily`], with the loader boxed: one copy of the suspense and its messages
/// serves every lazy part. Generic, it was compiled once per call site: 2.6 KB of the first
/// load (gzip).
#[cfg(feature = "split")]
fn lazily_boxed(part: LazyPart, load: Arc<dyn Fn() -> LoadFuture + Send + Sync>) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let loaded = load();
        let view = async move {
            loaded.await.unwrap_or_else(|NotLoaded| {
                view! { <LoadFailed part retry=move || attempt.update(|n| *n += 1)/> }.into_any()
            })
        };
        view! { <Suspense fallback=move || view! { <Loading part/> }>{Suspend::new(view)}</Suspense> }
    }
}

/// Shown while the code arrives (a moment, once; then from the cache).
#[cfg(feature = "split")]
#[component]
fn Loading(part: LazyPart) -> impl IntoView {
    use crate::i18n::Key;
    let app = crate::state::use_app();
    let key = match part {
        LazyPart::Page => Key::LoadingPage,
        LazyPart::Section => Key::LoadingSection,
        LazyPart::Frame => return None,
    };
    Some(view! { <p class="hint" role="status">{move || app.t(key)}</p> })
}

#[cfg(feature = "split")]
#[component]
fn LoadFailed(part: LazyPart, retry: impl Fn() + 'static) -> impl IntoView {
    use crate::i18n::Key;
    let app = crate::state::use_app();
    let key = match part {
        LazyPart::Page => Key::PageNotLoaded,
        LazyPart::Section | LazyPart::Frame => Key::SectionNotLoaded,
    };
    view! {
        <div class="notice notice-error" role="alert">
            <p>{move || app.t(key)}</p>
            <button type="button" on:click=move |_| retry()>{move || app.t(Key::TryAgain)}</button>
        </div>
    }
}
