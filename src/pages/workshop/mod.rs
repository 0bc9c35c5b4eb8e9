//! The pages of one workshop: its shell (the workshop or "not found", and its navigation,
//! which comes in the workshop mode's module), its projects and cohort dashboard, its
//! producers, its shared needs.

mod cohort;
mod producers;
mod projects;
mod shared;

pub use producers::ProducersPage;
pub use projects::WorkshopProjectsPage;
pub use shared::SharedNeedsPage;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params;

use super::or_not_found;
use crate::components::{lazy_view, LazyPart, NotLoaded};
use crate::i18n::{DisplayName, Key};
use crate::routes::{Page, WorkshopPage, WorkshopParams};
use crate::state::{use_app, WorkshopHandle};

/// The page shown, set by the route table (`app.rs`) through [`in_workshop`].
#[derive(Clone, Copy)]
struct CurrentPage(RwSignal<WorkshopPage>);

/// The workshop page the route table shows as `page` of the workshop navigation.
pub fn in_workshop<V: IntoView>(page: WorkshopPage, view: impl FnOnce() -> V) -> V {
    if let Some(CurrentPage(current)) = use_context() {
        current.set(page);
    }
    view()
}

/// The workshop the page is about; the shell shows pages of a workshop that exists.
pub fn use_workshop() -> WorkshopHandle {
    expect_context()
}

#[component]
pub fn WorkshopShell() -> impl IntoView {
    let app = use_app();
    let params = use_params::<WorkshopParams>();
    let current = RwSignal::new(WorkshopPage::Projects);
    provide_context(CurrentPage(current));
    let found = Memo::new(move |_| {
        let id = params.with(|p| p.as_ref().ok().map(|p| p.workshop))?;
        app.with_workspace(|w| w.workshop(id).is_some())
            .then_some(id)
    });
    or_not_found(found, move |id| {
        let workshop = app.workshop(id);
        provide_context(workshop);
        view! {
            {frame(workshop, current)}
            <Outlet/>
        }
    })
}

fn frame(workshop: WorkshopHandle, current: RwSignal<WorkshopPage>) -> impl IntoView {
    lazy_view!(LazyPart::Frame, workshop_frame(workshop, current))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(workshop_mode, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn workshop_frame(
    workshop: WorkshopHandle,
    current: RwSignal<WorkshopPage>,
) -> Result<AnyView, NotLoaded> {
    Ok(view! { <WorkshopNav workshop current/> }.into_any())
}

/// The workshop's name, then its three pages; `aria-current` on the one shown.
#[component]
fn WorkshopNav(workshop: WorkshopHandle, current: RwSignal<WorkshopPage>) -> impl IntoView {
    let app = use_app();
    let id = workshop.id();
    let name = move || {
        let lang = app.lang.get();
        workshop.with(|w| w.display_name(lang)).unwrap_or_default()
    };
    let example = move || workshop.with(|w| w.example).unwrap_or(false);
    let entries = WorkshopPage::ALL
        .into_iter()
        .map(|page| {
            let here = move || (current.get() == page).then_some("page");
            view! {
                <li>
                    <a href=Page::Workshop(id, page).href() aria-current=here>
                        {move || app.t(page.label())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="project-nav no-print" aria-label=move || app.t(Key::WorkshopNav)>
            <p class="project-nav-name">
                <a href=Page::Workshops.href()>{move || app.t(Key::WorkshopsTitle)}</a>
                " › "
                {name}
                <Show when=example>
                    " " <span class="badge">{move || app.t(Key::ExampleBadge)}</span>
                </Show>
            </p>
            <ul>{entries}</ul>
        </nav>
    }
}
