//! The shell: header, notices, routes and footer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::{LangSwitch, PersistenceNote, SaveIndicator, StorageNotices, ToastRegion};
use crate::i18n::Key;
use crate::pages::{
    DashboardPage, FilesPage, HomePage, NotFound, ProjectPage, ReportPage, RoadmapPage,
    SourcesPage, VersionPage, WantedListPage, WantedSourcesPage,
};
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
                </nav>
                <LangSwitch/>
            </header>
            <StorageNotices/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/project/:id") view=ProjectPage/>
                    <Route path=path!("/project/:id/wanted") view=WantedListPage/>
                    <Route path=path!("/project/:id/sources") view=SourcesPage/>
                    <Route path=path!("/project/:id/roadmap") view=RoadmapPage/>
                    <Route path=path!("/project/:id/dashboard") view=DashboardPage/>
                    <Route path=path!("/project/:id/report") view=ReportPage/>
                    <Route path=path!("/project/:id/files") view=FilesPage/>
                    <Route path=path!("/project/:id/versions/:version") view=VersionPage/>
                    <Route
                        path=path!("/project/:id/wanted/:wanted/sources")
                        view=WantedSourcesPage
                    />
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
