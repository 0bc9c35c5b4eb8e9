//! Phase 1 — a row of the Wanted Data List: a dataset the project needs, why, and how badly.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choice::{choice, Choice};
use super::{Availability, CandidateSource, Rating, RoadmapAction, Value};

choice! {
    /// The finest spatial unit the project needs.
    #[derive(Default)]
    pub enum Granularity {
        #[default]
        Unspecified = "unspecified",
        Point = "point",
        Commune = "commune",
        Departement = "departement",
        Region = "region",
        Country = "country",
        Grid = "grid",
        Other = "other",
    }
}

choice! {
    /// Update frequency, after the Dublin Core / EU frequency vocabulary.
    #[derive(Default)]
    pub enum Frequency {
        #[default]
        Unspecified = "unspecified",
        Continuous = "continuous",
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
        Quarterly = "quarterly",
        Annual = "annual",
        Irregular = "irregular",
        Unknown = "unknown",
    }
}

choice! {
    /// File formats and access modes met in the wild; phase 2 rates sources on them.
    #[derive(Default)]
    pub enum Format {
        #[default]
        Any = "any",
        Csv = "csv",
        Json = "json",
        GeoJson = "geojson",
        Xml = "xml",
        Spreadsheet = "xls",
        Pdf = "pdf",
        Shapefile = "shapefile",
        Api = "api",
        Other = "other",
    }
}

choice! {
    /// Where the search for this dataset stands.
    #[derive(Default)]
    pub enum WantedStatus {
        #[default]
        ToFind = "to_find",
        Searching = "searching",
        Found = "found",
        NotFound = "not_found",
        Dropped = "dropped",
    }
}

choice! {
    /// The work flags of Datactivist's Wanted Data List template.
    pub enum WorkFlag {
        NotFound = "not_found",
        ToClean = "to_clean",
        ToCompile = "to_compile",
        ToComplete = "to_complete",
        ToStandardise = "to_standardise",
    }
}

/// Accuracy, freshness and granularity of the data found, judged quickly (good, fair, poor,
/// or not judged yet).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QualityJudgements {
    pub accuracy: Rating,
    pub freshness: Rating,
    pub granularity: Rating,
}

/// One dataset the project would like to have.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WantedDataset {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    /// What the project will do with it: the reason it is on the list.
    pub use_case: String,
    pub theme: String,
    /// How much the project needs it (the evaluation sheet's first score; it replaced the
    /// three-level priority of schema 4).
    pub value: Value,
    /// How available it is, as the holder set it; unscored means "use the suggestion".
    pub availability: Availability,
    /// Quick judgements the method asks for on the most important data.
    pub quality: QualityJudgements,
    pub spatial_coverage: String,
    pub granularity: Granularity,
    pub period: String,
    pub freshness: Frequency,
    pub preferred_format: Format,
    pub producer: String,
    pub contact: String,
    /// Kept sorted and without repeats, so equal lists compare and serialise equal.
    pub flags: Vec<WorkFlag>,
    pub status: WantedStatus,
    /// Phase 2: the candidate sources found for it.
    pub sources: Vec<CandidateSource>,
    /// Phase 3: how it will be obtained.
    pub actions: Vec<RoadmapAction>,
}

impl Default for WantedDataset {
    fn default() -> Self {
        WantedDataset::new(Uuid::nil())
    }
}

impl WantedDataset {
    pub fn new(id: Uuid) -> Self {
        WantedDataset {
            id,
            name: String::new(),
            description: String::new(),
            use_case: String::new(),
            theme: String::new(),
            value: Value::default(),
            availability: Availability::default(),
            quality: QualityJudgements::default(),
            spatial_coverage: String::new(),
            granularity: Granularity::default(),
            period: String::new(),
            freshness: Frequency::default(),
            preferred_format: Format::default(),
            producer: String::new(),
            contact: String::new(),
            flags: Vec::new(),
            status: WantedStatus::default(),
            sources: Vec::new(),
            actions: Vec::new(),
        }
    }

    pub fn has_flag(&self, flag: WorkFlag) -> bool {
        self.flags.contains(&flag)
    }

    pub fn set_flag(&mut self, flag: WorkFlag, on: bool) {
        self.flags.retain(|f| *f != flag);
        if on {
            self.flags.push(flag);
        }
        self.flags
            .sort_by_key(|f| WorkFlag::ALL.iter().position(|g| g == f));
    }

    /// Described enough for phase 1: it is named and the project says what it will do with it.
    pub fn is_described(&self) -> bool {
        !self.name.trim().is_empty() && !self.use_case.trim().is_empty()
    }
}

impl WantedDataset {
    pub fn source(&self, id: Uuid) -> Option<&CandidateSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn source_mut(&mut self, id: Uuid) -> Option<&mut CandidateSource> {
        self.sources.iter_mut().find(|s| s.id == id)
    }

    /// Removes a source and returns it with its position, so the removal can be undone.
    pub fn remove_source(&mut self, id: Uuid) -> Option<(usize, CandidateSource)> {
        let index = self.sources.iter().position(|s| s.id == id)?;
        Some((index, self.sources.remove(index)))
    }

    pub fn restore_source(&mut self, index: usize, source: CandidateSource) {
        if self.source(source.id).is_none() {
            let index = index.min(self.sources.len());
            self.sources.insert(index, source);
        }
    }
}

impl WantedDataset {
    pub fn action(&self, id: Uuid) -> Option<&RoadmapAction> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn action_mut(&mut self, id: Uuid) -> Option<&mut RoadmapAction> {
        self.actions.iter_mut().find(|a| a.id == id)
    }

    /// Removes an action and returns it with its position, so the removal can be undone.
    pub fn remove_action(&mut self, id: Uuid) -> Option<(usize, RoadmapAction)> {
        let index = self.actions.iter().position(|a| a.id == id)?;
        Some((index, self.actions.remove(index)))
    }

    pub fn restore_action(&mut self, index: usize, action: RoadmapAction) {
        if self.actions.iter().all(|a| a.id != action.id) {
            let index = index.min(self.actions.len());
            self.actions.insert(index, action);
        }
    }
}
