//! Phase 3 — the open-data roadmap: how each wanted dataset will be obtained, by whom, by when.

use serde::{Deserialize, Serialize};
use time::macros::format_description;
use time::Date;
use uuid::Uuid;

use super::choice::choice;
use super::{Project, WantedDataset};

choice! {
    /// How the dataset will be sourced: the method's five options, then the two the French
    /// context adds (schema 4's routes migrate: produce → collect, ask the producer → request
    /// its opening, partnership → partner).
    #[derive(Default)]
    pub enum Route {
        /// Make sure a critical dataset will not degrade or stop being supplied.
        Secure = "secure",
        /// Invest in its quality or detail.
        Augment = "augment",
        /// Set up the collection of data that is missing or scarce (crowdsourcing too).
        Collect = "collect",
        /// Agreements with third parties, data exchanged between partners.
        Partner = "partner",
        /// From a data broker.
        Buy = "buy",
        /// An open dataset that serves as it is.
        #[default]
        ReuseAsIs = "reuse",
        /// Ask a body with a public-service mission to open it (CRPA; madada.fr).
        RequestOpening = "request_opening",
        Other = "other",
    }
}

choice! {
    /// When an action is to be done: the method's three horizons.
    pub enum Horizon {
        Now = "now",
        ThreeMonths = "three_months",
        Year = "year",
    }
}

choice! {
    /// The horizon an action was given: one of the three, or worked out from its due date.
    #[derive(Default)]
    pub enum HorizonSetting {
        #[default]
        FromDueDate = "from_due_date",
        Now = "now",
        ThreeMonths = "three_months",
        Year = "year",
    }
}

choice! {
    #[derive(Default)]
    pub enum ActionStatus {
        #[default]
        ToDo = "to_do",
        InProgress = "in_progress",
        Done = "done",
        Blocked = "blocked",
    }
}

/// One step of the roadmap for a wanted dataset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapAction {
    pub id: Uuid,
    pub route: Route,
    pub description: String,
    pub owner: String,
    /// `YYYY-MM-DD` as a date input gives it, or empty; anything else counts as no date.
    pub due: String,
    pub status: ActionStatus,
    pub next_step: String,
    pub horizon: HorizonSetting,
    /// For a request to open data: when it was sent, `YYYY-MM-DD` or empty (schema 7).
    pub request_sent: String,
    /// When to follow the request up, `YYYY-MM-DD` or empty (schema 7).
    pub follow_up: String,
}

impl Default for RoadmapAction {
    fn default() -> Self {
        RoadmapAction::new(Uuid::nil(), Route::default())
    }
}

/// Parses a `YYYY-MM-DD` date; `None` for empty or invalid text.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), format_description!("[year]-[month]-[day]")).ok()
}

/// A calendar month, the unit of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month() as u8,
        }
    }
}

impl RoadmapAction {
    pub fn new(id: Uuid, route: Route) -> Self {
        RoadmapAction {
            id,
            route,
            description: String::new(),
            owner: String::new(),
            due: String::new(),
            status: ActionStatus::default(),
            next_step: String::new(),
            horizon: HorizonSetting::default(),
            request_sent: String::new(),
            follow_up: String::new(),
        }
    }

    pub fn due_date(&self) -> Option<Date> {
        parse_date(&self.due)
    }

    /// Due before today and not done.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != ActionStatus::Done && self.due_date().is_some_and(|due| due < today)
    }

    /// The horizon in force: the one set, or else the one its due date gives today (so that
    /// an action moves forward as time passes); `None` with neither.
    pub fn horizon(&self, today: Date) -> Option<Horizon> {
        match self.horizon {
            HorizonSetting::Now => Some(Horizon::Now),
            HorizonSetting::ThreeMonths => Some(Horizon::ThreeMonths),
            HorizonSetting::Year => Some(Horizon::Year),
            HorizonSetting::FromDueDate => self.due_date().map(|due| horizon_of(due, today)),
        }
    }
}

/// Overdue or due within a month (31 days) → now; within three months (92 days) → within
/// three months; later → within a year.
pub fn horizon_of(due: Date, today: Date) -> Horizon {
    match (due - today).whole_days() {
        ..=31 => Horizon::Now,
        32..=92 => Horizon::ThreeMonths,
        _ => Horizon::Year,
    }
}

/// The number of actions the method asks a project to write.
pub const ACTIONS_ASKED: usize = 10;

/// Which actions a timeline shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub status: Option<ActionStatus>,
    /// Compared trimmed and case-insensitively.
    pub owner: Option<String>,
}

impl ActionFilter {
    pub fn keeps(&self, action: &RoadmapAction) -> bool {
        let status = self.status.is_none_or(|s| s == action.status);
        let owner = self
            .owner
            .as_ref()
            .is_none_or(|o| o.trim().to_lowercase() == action.owner.trim().to_lowercase());
        status && owner
    }
}

/// An action with the wanted dataset it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct PlannedAction<'a> {
    pub wanted: &'a WantedDataset,
    pub action: &'a RoadmapAction,
}

/// The roadmap laid out by month of due date, earliest first, then the undated actions.
#[derive(Debug, Default)]
pub struct Timeline<'a> {
    pub months: Vec<(Month, Vec<PlannedAction<'a>>)>,
    pub undated: Vec<PlannedAction<'a>>,
}

impl Project {
    /// An action of any of the project's datasets.
    pub fn action(&self, id: Uuid) -> Option<&RoadmapAction> {
        self.wanted.iter().find_map(|d| d.action(id))
    }

    /// Every action of the project, in list order.
    pub fn planned_actions(&self) -> impl Iterator<Item = PlannedAction<'_>> {
        self.wanted.iter().flat_map(|wanted| {
            wanted
                .actions
                .iter()
                .map(move |action| PlannedAction { wanted, action })
        })
    }

    /// The distinct owners named in the roadmap, sorted, for the owner filter.
    pub fn owners(&self) -> Vec<String> {
        let mut owners: Vec<String> = self
            .planned_actions()
            .map(|p| p.action.owner.trim().to_string())
            .filter(|o| !o.is_empty())
            .collect();
        owners.sort_by_key(|o| o.to_lowercase());
        owners.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
        owners
    }

    pub fn timeline(&self, filter: &ActionFilter) -> Timeline<'_> {
        let mut timeline = Timeline::default();
        let mut dated: Vec<(Date, PlannedAction)> = Vec::new();
        for planned in self.planned_actions().filter(|p| filter.keeps(p.action)) {
            match planned.action.due_date() {
                Some(date) => dated.push((date, planned)),
                None => timeline.undated.push(planned),
            }
        }
        dated.sort_by_key(|(date, _)| *date);
        for (date, planned) in dated {
            let month = Month::of(date);
            match timeline.months.last_mut() {
                Some((last, actions)) if *last == month => actions.push(planned),
                _ => timeline.months.push((month, vec![planned])),
            }
        }
        timeline
    }

    pub fn overdue_actions(&self, today: Date) -> impl Iterator<Item = PlannedAction<'_>> {
        self.planned_actions()
            .filter(move |p| p.action.is_overdue(today))
    }
}
