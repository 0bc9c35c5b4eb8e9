//! The shell: header, notices, routes and footer.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::path;

use crate::components::{LangSwitch, PersistenceNote, SaveIndicator, StorageNotices, ToastRegion};
use crate::i18n::Key;
use crate::pages::{
    in_workshop, under, DashboardPage, DataMapPage, FilesPage, HomePage, LetterPage, MethodPage,
    NotFound, OverviewPage, ProducersPage, ProjectShell, ReportPage, RoadmapPage, SharedNeedsPage,
    SourcesPage, VersionPage, WantedListPage, WantedSourcesPage, WorkshopProjectsPage,
    WorkshopShell, WorkshopsPage,
};
use crate::routes::{NavItem, WorkshopPage};
use crate::state::provide_app_state;

#[component]
pub fn App() -> impl IntoView {
    let app = provide_app_state();
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
                // (`routes::NavItem`); `routes::Page::href` builds the addresses below.
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/method") view=MethodPage/>
                    <Route path=path!("/workshops") view=WorkshopsPage/>
                    <ParentRoute path=path!("/workshop/:workshop") view=WorkshopShell>
                        <Route
                            path=path!("")
                            view=|| in_workshop(WorkshopPage::Projects, WorkshopProjectsPage)
                        />
                        <Route
                            path=path!("producers")
                            view=|| in_workshop(WorkshopPage::Producers, ProducersPage)
                        />
                        <Route
                            path=path!("shared")
                            view=|| in_workshop(WorkshopPage::SharedNeeds, SharedNeedsPage)
                        />
                    </ParentRoute>
                    <ParentRoute path=path!("/project/:id") view=ProjectShell>
                        <Route path=path!("") view=|| under(NavItem::Overview, OverviewPage)/>
                        <Route path=path!("wanted") view=|| under(NavItem::Phase1, WantedListPage)/>
                        <Route path=path!("sources") view=|| under(NavItem::Phase2, SourcesPage)/>
                        <Route
                            path=path!("wanted/:wanted/sources")
                            view=|| under(NavItem::Phase2, WantedSourcesPage)
                        />
                        <Route path=path!("map") view=|| under(NavItem::DataMap, DataMapPage)/>
                        <Route path=path!("roadmap") view=|| under(NavItem::Phase3, RoadmapPage)/>
                        <Route
                            path=path!("roadmap/:action/letter")
                            view=|| under(NavItem::Phase3, LetterPage)
                        />
                        <Route
                            path=path!("dashboard")
                            view=|| under(NavItem::Dashboard, DashboardPage)
                        />
                        <Route path=path!("report") view=|| under(NavItem::Report, ReportPage)/>
                        <Route path=path!("files") view=|| under(NavItem::Files, FilesPage)/>
                        <Route
                            path=path!("versions/:version")
                            view=|| under(NavItem::Files, VersionPage)
                        />
                    </ParentRoute>
                </Routes>
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
