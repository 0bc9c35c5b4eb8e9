//! The shell: header, notices, routes and footer.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::path;

use crate::components::{
    LangSwitch, NotLoaded, OpeningNotice, PersistenceNote, SaveIndicator, StorageNotices,
    ToastRegion,
};
use crate::i18n::{Key, Lang};
use crate::pages::{in_workshop, under, HomePage, Later, NotFound, ProjectShell, WorkshopShell};
use crate::routes::{NavItem, WorkshopPage};
use crate::state::{provide_app_state, AppState, Opening};

/// Mounts the app once the strings of its language are there (a first visit downloads one
/// language: `i18n::load`); if they cannot be downloaded, says so in that language.
pub async fn start() {
    let lang = crate::state::first_lang();
    match crate::i18n::load(lang).await {
        Ok(()) => leptos::mount::mount_to_body(App),
        Err(NotLoaded) => leptos::mount::mount_to_body(move || view! { <NotStarted lang/> }),
    }
}

/// The page when the app could not start: the only texts the first download carries itself.
#[component]
fn NotStarted(lang: Lang) -> impl IntoView {
    crate::browser::set_document_lang(lang);
    let failure = crate::i18n::start_failure(lang);
    view! {
        <main id="main" class="not-started">
            <p role="alert">{failure.message}</p>
            <button type="button" on:click=|_| crate::browser::reload()>
                {failure.reload}
            </button>
        </main>
    }
}

#[component]
pub fn App() -> impl IntoView {
    let app = provide_app_state();
    after_first_screen(app);
    view! {
        <Router>
            <a class="skip-link" href="#main">{move || app.t(Key::SkipToContent)}</a>
            <header class="site-header no-print">
                <div class="brand">
                    <A href="/" attr:class="brand-name">{move || app.t(Key::AppName)}</A>
                    <span class="tagline">{move || app.t(Key::Tagline)}</span>
                </div>
                <nav aria-label=move || app.t(Key::MainNavLabel)>
                    <A href="/">{move || app.t(Key::NavProjects)}</A>
                    <A href="/workshops">{move || app.t(Key::WorkshopsLink)}</A>
                </nav>
                <LangSwitch/>
            </header>
            <StorageNotices/>
            <main id="main" tabindex="-1">
                // Each project page says which entry of the project navigation it belongs to
                // (`routes::NavItem`); `routes::Page::href` builds the addresses below. The
                // pages wait for the stored projects to be read (`state::Opening`).
                <Show when=move || app.opening.get() == Opening::Open fallback=OpeningNotice>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/method") view=|| Later::Method.page()/>
                    <Route path=path!("/workshops") view=|| Later::Workshops.page()/>
                    <ParentRoute path=path!("/workshop/:workshop") view=WorkshopShell>
                        <Route
                            path=path!("")
                            view=|| in_workshop(WorkshopPage::Projects, || Later::WorkshopProjects.page())
                        />
                        <Route
                            path=path!("producers")
                            view=|| in_workshop(WorkshopPage::Producers, || Later::Producers.page())
                        />
                        <Route
                            path=path!("shared")
                            view=|| in_workshop(WorkshopPage::SharedNeeds, || Later::SharedNeeds.page())
                        />
                    </ParentRoute>
                    <ParentRoute path=path!("/project/:id") view=ProjectShell>
                        <Route path=path!("") view=|| under(NavItem::Overview, || Later::Overview.page())/>
                        <Route path=path!("wanted") view=|| under(NavItem::Phase1, || Later::WantedList.page())/>
                        <Route path=path!("sources") view=|| under(NavItem::Phase2, || Later::Sources.page())/>
                        <Route
                            path=path!("wanted/:wanted/sources")
                            view=|| under(NavItem::Phase2, || Later::WantedSources.page())
                        />
                        <Route path=path!("map") view=|| under(NavItem::DataMap, || Later::DataMap.page())/>
                        <Route path=path!("roadmap") view=|| under(NavItem::Phase3, || Later::Roadmap.page())/>
                        <Route
                            path=path!("roadmap/:action/letter")
                            view=|| under(NavItem::Phase3, || Later::Letter.page())
                        />
                        <Route
                            path=path!("dashboard")
                            view=|| under(NavItem::Dashboard, || Later::Dashboard.page())
                        />
                        <Route path=path!("report") view=|| under(NavItem::Report, || Later::Report.page())/>
                        <Route path=path!("files") view=|| under(NavItem::Files, || Later::Files.page())/>
                        <Route
                            path=path!("versions/:version")
                            view=|| under(NavItem::Files, || Later::Version.page())
                        />
                    </ParentRoute>
                </Routes>
                </Show>
            </main>
            <footer class="site-footer no-print">
                <SaveIndicator/>
                <p>{move || app.t(Key::FooterPrivacy)}</p>
                <PersistenceNote/>
            </footer>
            <ToastRegion/>
        </Router>
    }
}

/// What the first screen does not wait for, once it is painted and the browser is idle, one
/// after the other in the order a slow venue link should carry them: phase 1's pages (what a
/// participant opens next), the keeper (the first save), then the service worker, whose
/// install downloads every other file for offline use, and the request for persistent
/// storage. Registered earlier, the worker's install competed with the first screen; started
/// at once after the paint, the instantiation of phase 1's modules held the main thread.
/// A download that hangs without failing holds the worker back [`OFFLINE_AT_LATEST`] at most.
fn after_first_screen(app: AppState) {
    let started = Rc::new(Cell::new(false));
    let go_offline = move || {
        if !started.replace(true) {
            crate::offline::register_service_worker(app.update_ready);
            crate::offline::request_persistence(app.persistence);
        }
    };
    let at_latest = go_offline.clone();
    crate::browser::when_idle(move || {
        set_timeout(at_latest, OFFLINE_AT_LATEST);
        leptos::task::spawn_local(async move {
            crate::pages::prefetch_phase_one().await;
            crate::state::prefetch_keeper().await;
            go_offline();
        })
    });
}

/// How long after the first screen the service worker is registered at the latest.
const OFFLINE_AT_LATEST: Duration = Duration::from_secs(10);
