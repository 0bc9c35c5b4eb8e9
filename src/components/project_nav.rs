//! The project navigation, first in every project page: the project's name (a link to its
//! overview), then each of its pages, the current one marked.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::routes::{NavItem, ProjectPage};
use crate::state::{use_app, Handle, ProjectHandle};

/// Plain links rather than the router's `<A>`, which would also mark the phase 1 entry as
/// current on a dataset's sources page (its address starts with phase 1's); the router
/// still handles the clicks.
#[component]
pub fn ProjectNav(project: ProjectHandle, current: RwSignal<NavItem>) -> impl IntoView {
    let app = use_app();
    let entries = NavItem::ALL.map(|item| view! { <NavEntry project item current/> });
    view! {
        <nav class="project-nav no-print" aria-label=move || app.t(Key::ProjectNav)>
            <a class="project-nav-name" href=project.href(ProjectPage::Overview)>
                {move || project.display_name()}
            </a>
            <ul>{entries.collect_view()}</ul>
        </nav>
    }
}

#[component]
fn NavEntry(project: ProjectHandle, item: NavItem, current: RwSignal<NavItem>) -> impl IntoView {
    let app = use_app();
    let is_current = move || current.get() == item;
    view! {
        <li>
            <a href=project.href(item.page()) aria-current=move || is_current().then_some("page")>
                {move || app.t(item.label())}
            </a>
        </li>
    }
}
