//! One module per screen, and what the project pages share: the project shell (navigation,
//! "project or not found") and the way a page finds the project it is about.

mod dashboard;
mod data_map;
mod files;
mod home;
mod later;
mod letter;
mod method;
mod not_found;
mod overview;
mod project_shell;
mod report;
mod roadmap;
mod sources;
mod version;
mod wanted_list;
mod wanted_sources;
mod workshop;
mod workshops;

pub use dashboard::DashboardPage;
pub use data_map::DataMapPage;
pub use files::FilesPage;
pub use home::HomePage;
pub use later::{prefetch_phase_one, Later};
pub use letter::LetterPage;
pub use method::MethodPage;
pub use not_found::NotFound;
pub use overview::OverviewPage;
pub use project_shell::{under, use_project, ProjectShell};
pub use report::ReportPage;
pub use roadmap::RoadmapPage;
pub use sources::SourcesPage;
pub use version::VersionPage;
pub use wanted_list::WantedListPage;
pub use wanted_sources::WantedSourcesPage;
pub use workshop::{
    in_workshop, ProducersPage, SharedNeedsPage, WorkshopProjectsPage, WorkshopShell,
};
pub use workshops::WorkshopsPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use uuid::Uuid;

use crate::model::Project;
use crate::state::Handle;

/// The id a route parameter names (`P`, read by `id_of`), while the page's project `holds`
/// such an item: a dataset's sources, a saved version.
fn found_in_project<P>(
    id_of: fn(&P) -> Uuid,
    holds: fn(&Project, Uuid) -> bool,
) -> Memo<Option<Uuid>>
where
    P: Params + PartialEq + Send + Sync + 'static,
{
    let project = use_project();
    let params = use_params::<P>();
    Memo::new(move |_| {
        let id = params.with(|p| p.as_ref().ok().map(id_of))?;
        project.with(|p| holds(p, id))?.then_some(id)
    })
}

/// Shows `show(item)` while `found` holds an item, and the not-found page once it does not
/// (a bad address, or the project, dataset or version deleted meanwhile). `found` changes
/// only when the item appears or disappears, so the page is not rebuilt while typing.
fn or_not_found<T, V>(
    found: Memo<Option<T>>,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match found.get() {
        Some(item) => show(item).into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}
