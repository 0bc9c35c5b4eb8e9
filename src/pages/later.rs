//! The pages a first visit does not open — after phase 1, and the workshop mode — loaded on
//! first use. With the `split` feature (Trunk builds) each group is a Leptos `#[lazy]`
//! function: the build cuts its code out of the first download (scripts/split-wasm.mjs) and
//! the browser fetches it when the page is first shown (the service worker has it offline).
//! Without the feature (tests) the pages are plain calls.

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

    /// The page, once its code is there.
    pub fn page(self) -> impl IntoView {
        #[cfg(feature = "split")]
        {
            let load = async move {
                if self.is_workshop_mode() {
                    workshop_mode_page(self).await
                } else {
                    project_page(self).await
                }
            };
            view! { <Suspense fallback=Loading>{Suspend::new(load)}</Suspense> }
        }
        #[cfg(not(feature = "split"))]
        {
            if self.is_workshop_mode() {
                workshop_mode_page(self)
            } else {
                project_page(self)
            }
        }
    }
}

/// Shown while a page's code arrives (a moment, once; then from the cache).
#[cfg(feature = "split")]
#[component]
fn Loading() -> impl IntoView {
    let app = crate::state::use_app();
    view! { <p class="hint" role="status">{move || app.t(crate::i18n::Key::LoadingPage)}</p> }
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn project_page(page: Later) -> AnyView {
    match page {
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
    }
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn workshop_mode_page(page: Later) -> AnyView {
    match page {
        Later::Workshops => view! { <WorkshopsPage/> }.into_any(),
        Later::WorkshopProjects => view! { <WorkshopProjectsPage/> }.into_any(),
        Later::Producers => view! { <ProducersPage/> }.into_any(),
        Later::SharedNeeds => view! { <SharedNeedsPage/> }.into_any(),
        _ => ().into_any(),
    }
}
