//! The pages a first visit does not open — after phase 1, and the workshop mode — loaded on
//! first use. With the `split` feature (Trunk builds) each group is a `wasm_split` function
//! (what Leptos' `#[lazy]` expands to, plus `fallible`, which `#[lazy]` does not pass): the
//! build cuts its code out of the first download (scripts/split-wasm.mjs) and the browser
//! fetches it when the page is first shown (the service worker has it offline). Without the
//! feature (tests) the pages are plain calls.

use leptos::prelude::*;

use super::{
    DashboardPage, DataMapPage, FilesPage, LetterPage, MethodPage, ProducersPage, ReportPage,
    RoadmapPage, SharedNeedsPage, SourcesPage, VersionPage, WantedSourcesPage,
    WorkshopProjectsPage, WorkshopsPage,
};

/// A page loaded on first use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Later {
    Method,
    Sources,
    WantedSources,
    DataMap,
    Roadmap,
    Letter,
    Dashboard,
    Report,
    Files,
    Version,
    Workshops,
    WorkshopProjects,
    Producers,
    SharedNeeds,
}

impl Later {
    /// The workshop mode is a facilitator's: its own download, apart from the project pages.
    fn is_workshop_mode(self) -> bool {
        matches!(
            self,
            Later::Workshops | Later::WorkshopProjects | Later::Producers | Later::SharedNeeds
        )
    }

    /// The page, once its code is there. A download that fails (the venue's Wi-Fi drops
    /// before the service worker has the module) says so and offers to try again, instead of
    /// stopping the app.
    pub fn page(self) -> impl IntoView {
        #[cfg(feature = "split")]
        {
            let attempt = RwSignal::new(0u32);
            move || {
                attempt.track();
                let load = async move {
                    let loaded = if self.is_workshop_mode() {
                        workshop_mode_page(self).await
                    } else {
                        project_page(self).await
                    };
                    loaded.unwrap_or_else(|NotLoaded| {
                        view! { <LoadFailed retry=move || attempt.update(|n| *n += 1)/> }.into_any()
                    })
                };
                view! { <Suspense fallback=Loading>{Suspend::new(load)}</Suspense> }
            }
        }
        #[cfg(not(feature = "split"))]
        {
            let loaded = if self.is_workshop_mode() {
                workshop_mode_page(self)
            } else {
                project_page(self)
            };
            loaded.unwrap_or_else(|NotLoaded| ().into_any())
        }
    }
}

/// A page's code could not be downloaded; the next attempt starts afresh.
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Shown while a page's code arrives (a moment, once; then from the cache).
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

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(project_pages, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn project_page(page: Later) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Later::Method => view! { <MethodPage/> }.into_any(),
        Later::Sources => view! { <SourcesPage/> }.into_any(),
        Later::WantedSources => view! { <WantedSourcesPage/> }.into_any(),
        Later::DataMap => view! { <DataMapPage/> }.into_any(),
        Later::Roadmap => view! { <RoadmapPage/> }.into_any(),
        Later::Letter => view! { <LetterPage/> }.into_any(),
        Later::Dashboard => view! { <DashboardPage/> }.into_any(),
        Later::Report => view! { <ReportPage/> }.into_any(),
        Later::Files => view! { <FilesPage/> }.into_any(),
        Later::Version => view! { <VersionPage/> }.into_any(),
        _ => ().into_any(),
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(workshop_mode, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn workshop_mode_page(page: Later) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Later::Workshops => view! { <WorkshopsPage/> }.into_any(),
        Later::WorkshopProjects => view! { <WorkshopProjectsPage/> }.into_any(),
        Later::Producers => view! { <ProducersPage/> }.into_any(),
        Later::SharedNeeds => view! { <SharedNeedsPage/> }.into_any(),
        _ => ().into_any(),
    })
}
