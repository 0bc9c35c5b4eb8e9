//! The pages a first visit does not open — after phase 1, and the workshop mode — fetched
//! when first shown (`components::lazy`; the service worker has them offline).

use leptos::prelude::*;

use crate::components::NotLoaded;

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

    /// The page, once its code is there (`lazily` says if the download fails).
    pub fn page(self) -> impl IntoView {
        #[cfg(feature = "split")]
        {
            crate::components::lazily(move || async move {
                if self.is_workshop_mode() {
                    workshop_mode_page(self).await
                } else {
                    project_page(self).await
                }
            })
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
