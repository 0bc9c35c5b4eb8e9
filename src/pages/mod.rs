//! One module per screen.

mod dashboard;
mod files;
mod home;
mod not_found;
mod project;
mod report;
mod roadmap;
mod sources;
mod version;
mod wanted_list;
mod wanted_sources;

pub use dashboard::DashboardPage;
pub use files::FilesPage;
pub use home::HomePage;
pub use not_found::NotFound;
pub use project::ProjectPage;
pub use report::ReportPage;
pub use roadmap::RoadmapPage;
pub use sources::SourcesPage;
pub use version::VersionPage;
pub use wanted_list::WantedListPage;
pub use wanted_sources::WantedSourcesPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::browser;
use crate::model::Project;
use crate::state::{use_app, AppState};

/// The project named in the route, if it exists in this workspace. Changes only when the
/// project appears or disappears, not on every edit, so pages are not rebuilt while typing.
fn use_route_project() -> Memo<Option<Uuid>> {
    let app = use_app();
    let params = use_params_map();
    Memo::new(move |_| {
        let id = params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok()))?;
        app.workspace
            .with(|w| w.project(id).is_some())
            .then_some(id)
    })
}

/// Applies an edit to a project, stamped with the current time.
fn edit_project(app: AppState, id: Uuid, edit: impl FnOnce(&mut Project)) {
    let now = browser::now_ms();
    app.workspace.update(|w| {
        w.edit_project(id, now, edit);
    });
}
