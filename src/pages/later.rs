//! The pages the home screen does not need, fetched when first shown (`components::lazy`;
//! the service worker has them offline): the overview and phase 1, fetched as soon as the
//! home screen is up (`prefetch_phase_one`; the home screen's import and example sections
//! come in the same module), the later project pages, and the workshop mode.

use leptos::prelude::*;

use crate::components::NotLoaded;

use super::{
    DashboardPage, DataMapPage, FilesPage, LetterPage, MethodPage, OverviewPage, ProducersPage,
    ReportPage, RoadmapPage, SharedNeedsPage, SourcesPage, VersionPage, WantedListPage,
    WantedSourcesPage, WorkshopProjectsPage, WorkshopsPage,
};

/// A page loaded on first use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Later {
    Overview,
    WantedList,
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

/// The downloads the pages come in: what a participant opens first, what comes later, and
/// the facilitator's workshop mode.
enum Group {
    PhaseOne,
    ProjectPages,
    WorkshopMode,
}

impl Later {
    fn group(self) -> Group {
        match self {
            Later::Overview | Later::WantedList => Group::PhaseOne,
            Later::Workshops | Later::WorkshopProjects | Later::Producers | Later::SharedNeeds => {
                Group::WorkshopMode
            }
            _ => Group::ProjectPages,
        }
    }

    /// The page, once its code is there (`lazily` says if the download fails).
    pub fn page(self) -> impl IntoView {
        #[cfg(feature = "split")]
        {
            crate::components::lazily(crate::components::LazyPart::Page, move || async move {
                match self.group() {
                    Group::PhaseOne => phase_one_page(self).await,
                    Group::ProjectPages => {
                        if self == Later::Letter {
                            // Written in the producer's language, whatever the screen's.
                            crate::i18n::load_all().await?;
                        }
                        project_page(self).await
                    }
                    Group::WorkshopMode => workshop_mode_page(self).await,
                }
            })
        }
        #[cfg(not(feature = "split"))]
        {
            let loaded = match self.group() {
                Group::PhaseOne => phase_one_page(self),
                Group::ProjectPages => project_page(self),
                Group::WorkshopMode => workshop_mode_page(self),
            };
            loaded.unwrap_or_else(|NotLoaded| ().into_any())
        }
    }
}

/// Fetches the overview and phase 1, so that creating or opening a project does not wait for
/// them; called once the first screen is painted (`app::after_first_screen`), so that the
/// first screen waits neither for their download nor for their compilation. A failed fetch
/// is tried again when the page is opened. The moment they are there is marked for the
/// benchmark (`PHASE_ONE_MARK`).
pub async fn prefetch_phase_one() {
    #[cfg(feature = "split")]
    if prefetch_phase_one_module().await.is_ok() {
        crate::browser::mark(PHASE_ONE_MARK);
    }
}

/// Read by bench/bench.mjs.
#[cfg(feature = "split")]
const PHASE_ONE_MARK: &str = "data-roadmap:phase-one-ready";

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        phase_one,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(prefetch_phase_one_module)
    )
)]
fn phase_one_page(page: Later) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Later::Overview => view! { <OverviewPage/> }.into_any(),
        Later::WantedList => view! { <WantedListPage/> }.into_any(),
        _ => ().into_any(),
    })
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
