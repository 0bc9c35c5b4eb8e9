//! Phase 2 — a candidate source found for a wanted dataset, and what the holder noted of it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choice::choice;
use super::{Format, Frequency};

choice! {
    /// The terms the data is published under.
    #[derive(Default)]
    pub enum Licence {
        #[default]
        NotAssessed = "not_assessed",
        Etalab2 = "etalab_2_0",
        Odbl = "odbl",
        CcBy4 = "cc_by_4_0",
        CcBySa4 = "cc_by_sa_4_0",
        Cc0 = "cc0",
        OtherOpen = "other_open",
        Restrictive = "restrictive",
        Unknown = "unknown",
    }
}

impl Licence {
    /// Conformant with the Open Definition: free to reuse, redistribute and modify.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Licence::Etalab2
                | Licence::Odbl
                | Licence::CcBy4
                | Licence::CcBySa4
                | Licence::Cc0
                | Licence::OtherOpen
        )
    }
}

choice! {
    /// How the data can be obtained.
    #[derive(Default)]
    pub enum Access {
        #[default]
        NotAssessed = "not_assessed",
        DirectDownload = "direct_download",
        Api = "api",
        OnRequest = "on_request",
        Restricted = "restricted",
        NotAvailable = "not_available",
    }
}

choice! {
    /// How well the source covers what the wanted dataset asked for.
    #[derive(Default)]
    pub enum CoverageMatch {
        #[default]
        NotAssessed = "not_assessed",
        Matches = "matches",
        Partly = "partly",
        No = "no",
    }
}

choice! {
    /// A rating for quality or documentation.
    #[derive(Default)]
    pub enum Rating {
        #[default]
        NotAssessed = "not_assessed",
        Good = "good",
        Fair = "fair",
        Poor = "poor",
    }
}

choice! {
    /// Whether the data holds personal data (GDPR).
    #[derive(Default)]
    pub enum PersonalData {
        #[default]
        NotAssessed = "not_assessed",
        No = "none",
        Possible = "possible",
        Yes = "yes",
    }
}

choice! {
    /// The colours of Datactivist's template.
    pub enum Verdict {
        /// Usable as is.
        Green = "green",
        /// Usable with work.
        Orange = "orange",
        /// Not usable now.
        Red = "red",
        /// Does not exist, or was not found.
        Black = "black",
    }
}

/// A verdict the holder set instead of the computed one, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictOverride {
    pub verdict: Verdict,
    pub reason: String,
}

/// One place a wanted dataset might come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CandidateSource {
    pub id: Uuid,
    pub title: String,
    /// As typed; shown as a link only when it is http(s).
    pub link: String,
    pub producer: String,
    /// Where it was found: a portal, a search, a person.
    pub found_where: String,
    pub licence: Licence,
    /// Kept in the order of `Format::ALL`, without repeats; never `Format::Any`.
    pub formats: Vec<Format>,
    pub access: Access,
    pub update_frequency: Frequency,
    /// `YYYY-MM-DD`, as a date input gives it, or empty.
    pub last_update: String,
    pub spatial_coverage: CoverageMatch,
    pub temporal_coverage: CoverageMatch,
    pub quality: Rating,
    pub quality_note: String,
    pub documentation: Rating,
    pub documentation_note: String,
    pub personal_data: PersonalData,
    pub verdict_override: Option<VerdictOverride>,
    /// The catalogue record the source was filled from, if any. Left out of the JSON when
    /// there is none, so a source typed by hand is written as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<super::Provenance>,
}

impl Default for CandidateSource {
    fn default() -> Self {
        CandidateSource::new(Uuid::nil())
    }
}

impl CandidateSource {
    /// The holder's reason for their verdict, when that verdict is the one in force
    /// (`overridden`, from the assessment); empty otherwise.
    pub fn override_reason(&self, overridden: bool) -> &str {
        self.verdict_override
            .as_ref()
            .filter(|_| overridden)
            .map_or("", |o| o.reason.as_str())
    }

    pub fn new(id: Uuid) -> Self {
        CandidateSource {
            id,
            title: String::new(),
            link: String::new(),
            producer: String::new(),
            found_where: String::new(),
            licence: Licence::default(),
            formats: Vec::new(),
            access: Access::default(),
            update_frequency: Frequency::default(),
            last_update: String::new(),
            spatial_coverage: CoverageMatch::default(),
            temporal_coverage: CoverageMatch::default(),
            quality: Rating::default(),
            quality_note: String::new(),
            documentation: Rating::default(),
            documentation_note: String::new(),
            personal_data: PersonalData::default(),
            verdict_override: None,
            provenance: None,
        }
    }

    pub fn has_format(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }

    pub fn set_format(&mut self, format: Format, on: bool) {
        self.formats.retain(|f| *f != format && *f != Format::Any);
        if on && format != Format::Any {
            self.formats.push(format);
        }
        self.formats
            .sort_by_key(|f| <Format as super::Choice>::ALL.iter().position(|g| g == f));
    }

    /// The link, if it is safe to make clickable: an absolute http(s) address with no
    /// spaces or control characters (which browsers would strip, changing its meaning).
    pub fn safe_link(&self) -> Option<&str> {
        let link = self.link.trim();
        let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
        let web = lower.starts_with("http://") || lower.starts_with("https://");
        let clean = !link.chars().any(|c| c.is_whitespace() || c.is_control());
        (web && clean && link.len() > lower.find("//").unwrap_or(0) + 2).then_some(link)
    }
}
