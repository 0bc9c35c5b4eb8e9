//! What every project page has around it: the project or "not found", the project
//! navigation and the backup reminder; the page itself goes in the `<Outlet/>`. The
//! navigation and reminder come in phase 1's module, with the overview's code.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params;

use super::or_not_found;
use crate::components::{lazy_view, BackupReminder, LazyPart, NotLoaded, ProjectNav};
use crate::routes::{NavItem, ProjectParams};
use crate::state::{use_app, ProjectHandle};

/// The navigation entry of the page shown, set by the route table (`app.rs`).
#[derive(Clone, Copy)]
struct CurrentNav(RwSignal<NavItem>);

/// The project page the route table shows under `item` of the project navigation.
pub fn under<V: IntoView>(item: NavItem, page: impl FnOnce() -> V) -> V {
    if let Some(CurrentNav(current)) = use_context() {
        current.set(item);
    }
    page()
}

/// The project the page is about; the shell only shows pages of a project that exists.
pub fn use_project() -> ProjectHandle {
    expect_context()
}

#[component]
pub fn ProjectShell() -> impl IntoView {
    let app = use_app();
    let params = use_params::<ProjectParams>();
    let current = RwSignal::new(NavItem::Overview);
    provide_context(CurrentNav(current));
    let found = Memo::new(move |_| {
        let id = params.with(|p| p.as_ref().ok().map(|p| p.id))?;
        app.with_workspace(|w| w.project(id).is_some())
            .then_some(id)
    });
    or_not_found(found, move |id| {
        let project = app.project(id);
        provide_context(project);
        view! {
            {frame(project, current)}
            <Outlet/>
        }
    })
}

fn frame(project: ProjectHandle, current: RwSignal<NavItem>) -> impl IntoView {
    lazy_view!(LazyPart::Frame, project_frame(project, current))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(phase_one, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn project_frame(project: ProjectHandle, current: RwSignal<NavItem>) -> Result<AnyView, NotLoaded> {
    Ok(view! {
        <ProjectNav project current/>
        <BackupReminder project/>
    }
    .into_any())
}
