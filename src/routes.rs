//! The app's pages as a type: every link is built from [`Page::href`], and route parameters
//! are read with leptos_router's `Params` derive. The route table itself is in `app.rs`;
//! it also says which navigation entry each page belongs to. A browser test opens every
//! page's `href` and checks that the route table answers it.

use leptos::Params;
use leptos_router::params::Params;
use uuid::Uuid;

use crate::i18n::Key;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    /// About the method: the workshops' instrument, and its credits.
    Method,
    /// The facilitator's workshops (cohorts).
    Workshops,
    Workshop(Uuid, WorkshopPage),
    Project(Uuid, ProjectPage),
}

/// A page below a workshop, in the order of its navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkshopPage {
    /// Its details, its projects and the cohort dashboard.
    Projects,
    /// The producers its projects name, with a meeting sheet each.
    Producers,
    SharedNeeds,
}

impl WorkshopPage {
    pub const ALL: [WorkshopPage; 3] = [
        WorkshopPage::Projects,
        WorkshopPage::Producers,
        WorkshopPage::SharedNeeds,
    ];

    pub fn label(self) -> Key {
        match self {
            WorkshopPage::Projects => Key::WorkshopProjects,
            WorkshopPage::Producers => Key::WorkshopProducers,
            WorkshopPage::SharedNeeds => Key::SharedNeeds,
        }
    }
}

/// A page below a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectPage {
    Overview,
    WantedList,
    /// Phase 2's overview of every wanted dataset.
    Sources,
    /// Phase 2 for one wanted dataset: its candidate sources.
    WantedSources(Uuid),
    /// Every dataset placed by its value and availability.
    DataMap,
    Roadmap,
    /// The letter that asks a producer to open data, for one roadmap action.
    Letter(Uuid),
    Dashboard,
    Report,
    Files,
    /// One saved version (snapshot), read-only.
    Version(Uuid),
}

impl Page {
    pub fn href(self) -> String {
        let (id, page) = match self {
            Page::Home => return "/".into(),
            Page::Method => return "/method".into(),
            Page::Workshops => return "/workshops".into(),
            Page::Workshop(id, page) => {
                let base = format!("/workshop/{id}");
                return match page {
                    WorkshopPage::Projects => base,
                    WorkshopPage::Producers => format!("{base}/producers"),
                    WorkshopPage::SharedNeeds => format!("{base}/shared"),
                };
            }
            Page::Project(id, page) => (id, page),
        };
        let base = format!("/project/{id}");
        match page {
            ProjectPage::Overview => base,
            ProjectPage::WantedList => format!("{base}/wanted"),
            ProjectPage::Sources => format!("{base}/sources"),
            ProjectPage::WantedSources(wanted) => format!("{base}/wanted/{wanted}/sources"),
            ProjectPage::DataMap => format!("{base}/map"),
            ProjectPage::Roadmap => format!("{base}/roadmap"),
            ProjectPage::Letter(action) => format!("{base}/roadmap/{action}/letter"),
            ProjectPage::Dashboard => format!("{base}/dashboard"),
            ProjectPage::Report => format!("{base}/report"),
            ProjectPage::Files => format!("{base}/files"),
            ProjectPage::Version(version) => format!("{base}/versions/{version}"),
        }
    }
}

/// The entries of the project navigation, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavItem {
    Overview,
    Phase1,
    Phase2,
    DataMap,
    Phase3,
    Dashboard,
    Report,
    Files,
}

impl NavItem {
    pub const ALL: [NavItem; 8] = [
        NavItem::Overview,
        NavItem::Phase1,
        NavItem::Phase2,
        NavItem::DataMap,
        NavItem::Phase3,
        NavItem::Dashboard,
        NavItem::Report,
        NavItem::Files,
    ];

    /// The page the entry leads to.
    pub fn page(self) -> ProjectPage {
        match self {
            NavItem::Overview => ProjectPage::Overview,
            NavItem::Phase1 => ProjectPage::WantedList,
            NavItem::Phase2 => ProjectPage::Sources,
            NavItem::DataMap => ProjectPage::DataMap,
            NavItem::Phase3 => ProjectPage::Roadmap,
            NavItem::Dashboard => ProjectPage::Dashboard,
            NavItem::Report => ProjectPage::Report,
            NavItem::Files => ProjectPage::Files,
        }
    }

    pub fn label(self) -> Key {
        match self {
            NavItem::Overview => Key::NavOverview,
            NavItem::Phase1 => Key::NavPhase1,
            NavItem::Phase2 => Key::NavPhase2,
            NavItem::DataMap => Key::NavMap,
            NavItem::Phase3 => Key::NavPhase3,
            NavItem::Dashboard => Key::NavDashboard,
            NavItem::Report => Key::NavReport,
            NavItem::Files => Key::NavFiles,
        }
    }
}

/// `/project/:id/…`
#[derive(Params, Clone, Debug, PartialEq)]
pub struct ProjectParams {
    pub id: Uuid,
}

/// `/workshop/:workshop/…`
#[derive(Params, Clone, Debug, PartialEq)]
pub struct WorkshopParams {
    pub workshop: Uuid,
}

/// `/project/:id/wanted/:wanted/sources`
#[derive(Params, Clone, Debug, PartialEq)]
pub struct WantedParams {
    pub wanted: Uuid,
}

/// `/project/:id/roadmap/:action/letter`
#[derive(Params, Clone, Debug, PartialEq)]
pub struct ActionParams {
    pub action: Uuid,
}

/// `/project/:id/versions/:version`
#[derive(Params, Clone, Debug, PartialEq)]
pub struct VersionParams {
    pub version: Uuid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_the_ones_the_route_table_answers() {
        let p = Uuid::from_u128(1);
        let d = Uuid::from_u128(2);
        assert_eq!(Page::Home.href(), "/");
        assert_eq!(Page::Method.href(), "/method");
        assert_eq!(Page::Workshops.href(), "/workshops");
        assert_eq!(
            Page::Workshop(p, WorkshopPage::Projects).href(),
            format!("/workshop/{p}")
        );
        assert_eq!(
            Page::Workshop(p, WorkshopPage::SharedNeeds).href(),
            format!("/workshop/{p}/shared")
        );
        assert_eq!(
            Page::Project(p, ProjectPage::DataMap).href(),
            format!("/project/{p}/map")
        );
        assert_eq!(
            Page::Project(p, ProjectPage::Overview).href(),
            format!("/project/{p}")
        );
        assert_eq!(
            Page::Project(p, ProjectPage::WantedSources(d)).href(),
            format!("/project/{p}/wanted/{d}/sources")
        );
        assert_eq!(
            Page::Project(p, ProjectPage::Letter(d)).href(),
            format!("/project/{p}/roadmap/{d}/letter")
        );
        assert_eq!(
            Page::Project(p, ProjectPage::Version(d)).href(),
            format!("/project/{p}/versions/{d}")
        );
    }
}
