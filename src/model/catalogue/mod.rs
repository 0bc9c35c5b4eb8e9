//! Open-data catalogues searched from the browser, and how a record of theirs becomes a
//! candidate source with its criteria prefilled. Pure: the pages fetch, this reads what came
//! back (untrusted: size-limited and parsed into typed structures) and maps it through tables
//! a reader can check.

mod europa;
mod refresh;
#[cfg(test)]
mod tests;
mod udata;

pub use europa::{europa_format, europa_frequency, europa_licence};
pub use udata::{
    udata_format, udata_frequency, udata_licence, LicenceTitles, UdataDataset, UdataPage,
};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choice::choice;
use super::{Access, CandidateSource, Format, Frequency, Licence, PersonalData, Rating};

/// Larger than any catalogue answer of one page of results or one record.
pub const MAX_CATALOGUE_BYTES: usize = 2 * 1024 * 1024;

choice! {
    /// The catalogues the app can search.
    pub enum Catalogue {
        DataGouv = "data_gouv_fr",
        DataEuropa = "data_europa_eu",
    }
}

impl Catalogue {
    /// The host that receives the query (what the screen names, and the policy allows).
    pub fn host(self) -> &'static str {
        match self {
            Catalogue::DataGouv => "www.data.gouv.fr",
            Catalogue::DataEuropa => "data.europa.eu",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Catalogue::DataGouv => "data.gouv.fr",
            Catalogue::DataEuropa => "data.europa.eu",
        }
    }

    /// One page of results for `query` (pages from 1).
    pub fn search_url(self, query: &str, page: u32) -> String {
        match self {
            Catalogue::DataGouv => format!(
                "https://www.data.gouv.fr/api/1/datasets/?q={}&page={page}&page_size={PAGE_SIZE}",
                encode(query)
            ),
            // Its pages count from 0.
            Catalogue::DataEuropa => format!(
                "https://data.europa.eu/api/hub/search/search?q={}&filter=dataset&limit={PAGE_SIZE}&page={}",
                encode(query),
                page.saturating_sub(1)
            ),
        }
    }

    /// The same search on the portal's own site, offered when the app's search fails.
    pub fn site_search_url(self, query: &str) -> String {
        match self {
            Catalogue::DataGouv => {
                format!("https://www.data.gouv.fr/fr/datasets/?q={}", encode(query))
            }
            Catalogue::DataEuropa => {
                format!(
                    "https://data.europa.eu/data/datasets?query={}",
                    encode(query)
                )
            }
        }
    }

    /// data.gouv.fr's list of licences (titles for the ids its records carry); the other
    /// catalogues name the licence in the record.
    pub fn licences_url(self) -> Option<&'static str> {
        match self {
            Catalogue::DataGouv => Some("https://www.data.gouv.fr/api/1/datasets/licenses/"),
            Catalogue::DataEuropa => None,
        }
    }

    /// Where its records' API addresses start.
    fn record_prefix(self) -> &'static str {
        match self {
            Catalogue::DataGouv => "https://www.data.gouv.fr/api/1/datasets/",
            Catalogue::DataEuropa => "https://data.europa.eu/api/hub/search/datasets/",
        }
    }

    /// The full record of one result.
    pub fn record_url(self, id: &str) -> String {
        let prefix = self.record_prefix();
        match self {
            Catalogue::DataGouv => format!("{prefix}{}/", encode(id)),
            Catalogue::DataEuropa => format!("{prefix}{}", encode(id)),
        }
    }

    /// A page of results; `lang` picks among a record's languages.
    pub fn read_page(self, text: &str, page: u32, lang: &str) -> Result<SearchPage, AnswerError> {
        match self {
            Catalogue::DataGouv => UdataPage::read(text, page),
            Catalogue::DataEuropa => europa::read_page(text, page, lang),
        }
    }

    /// One full record.
    pub fn read_record(self, text: &str, lang: &str) -> Result<CatalogueRecord, AnswerError> {
        match self {
            Catalogue::DataGouv => UdataDataset::read(text),
            Catalogue::DataEuropa => europa::read_record(text, lang),
        }
    }
}

/// Results per page.
pub const PAGE_SIZE: u32 = 10;

/// A query string component, percent-encoded (RFC 3986 unreserved characters kept).
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.trim().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// One result, as the app shows it and turns it into a source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CatalogueRecord {
    pub catalogue_id: String,
    pub title: String,
    pub producer: String,
    /// The dataset's page on the portal (http(s) only, else empty).
    pub page: String,
    pub licence: Licence,
    /// The catalogue's code for the licence (`lov2`, `CC_BY_4_0`).
    pub licence_id: String,
    /// The catalogue's own name for the licence, when the record carries it.
    pub licence_label: String,
    pub formats: Vec<Format>,
    pub access: Access,
    pub frequency: Frequency,
    /// `YYYY-MM-DD` of the data's last change, or empty.
    pub last_update: String,
    pub spatial: String,
    pub temporal: String,
    pub documentation: Rating,
    pub documentation_note: String,
    pub personal_data: PersonalData,
    /// The catalogue's own quality score, out of 100.
    pub quality_score: Option<u8>,
}

impl CatalogueRecord {
    /// The licence as the results show it: the record's own title, else the catalogue's
    /// title for its id, else the id.
    pub fn licence_title<'a>(&'a self, titles: &'a LicenceTitles) -> &'a str {
        if self.licence_label.is_empty() {
            titles.title(&self.licence_id)
        } else {
            &self.licence_label
        }
    }
}

/// A page of results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchPage {
    pub records: Vec<CatalogueRecord>,
    pub total: u64,
    pub page: u32,
    pub has_next: bool,
}

/// Why an answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    TooLarge,
    /// Not the JSON the catalogue's API documents.
    Unexpected,
}

choice! {
    /// A field of a source the catalogue filled.
    pub enum SourceField {
        Title = "title",
        Link = "link",
        Producer = "producer",
        FoundWhere = "found_where",
        Licence = "licence",
        Formats = "formats",
        Access = "access",
        UpdateFrequency = "update_frequency",
        LastUpdate = "last_update",
        Documentation = "documentation",
        PersonalData = "personal_data",
    }
}

/// Where a source's prefilled values came from, kept so that they can be checked again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Provenance {
    pub catalogue: Option<Catalogue>,
    /// The API address of the record.
    pub record: String,
    pub fetched_at: i64,
    /// The fields the catalogue filled (the holder may have changed them since).
    pub prefilled: Vec<SourceField>,
}

impl Provenance {
    /// The catalogue and record address to check again, only when the address is one of
    /// that catalogue's records: a provenance may come from someone else's file.
    pub fn checkable(&self) -> Option<(Catalogue, &str)> {
        let catalogue = self.catalogue?;
        let id = self.record.strip_prefix(catalogue.record_prefix())?;
        let id = id.strip_suffix('/').unwrap_or(id);
        let plain = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b));
        plain.then_some((catalogue, self.record.as_str()))
    }
}

impl CandidateSource {
    /// A new source filled from a catalogue record; what metadata cannot answer (coverage
    /// against the need, quality) is left for the holder.
    pub fn from_record(
        id: Uuid,
        record: &CatalogueRecord,
        catalogue: Catalogue,
        fetched_at: i64,
    ) -> CandidateSource {
        let mut source = CandidateSource::new(id);
        let mut prefilled = Vec::new();
        let mut mark = |field: SourceField, filled: bool| {
            if filled {
                prefilled.push(field);
            }
        };
        source.title = record.title.clone();
        mark(SourceField::Title, !source.title.is_empty());
        source.link = record.page.clone();
        mark(SourceField::Link, !source.link.is_empty());
        source.producer = record.producer.clone();
        mark(SourceField::Producer, !source.producer.is_empty());
        source.found_where = catalogue.name().to_string();
        mark(SourceField::FoundWhere, true);
        source.licence = record.licence;
        mark(SourceField::Licence, record.licence != Licence::NotAssessed);
        for format in &record.formats {
            source.set_format(*format, true);
        }
        mark(SourceField::Formats, !source.formats.is_empty());
        source.access = record.access;
        mark(SourceField::Access, record.access != Access::NotAssessed);
        source.update_frequency = record.frequency;
        mark(
            SourceField::UpdateFrequency,
            record.frequency != Frequency::Unspecified,
        );
        source.last_update = record.last_update.clone();
        mark(SourceField::LastUpdate, !source.last_update.is_empty());
        source.documentation = record.documentation;
        source.documentation_note = record.documentation_note.clone();
        mark(
            SourceField::Documentation,
            record.documentation != Rating::NotAssessed,
        );
        source.personal_data = record.personal_data;
        mark(
            SourceField::PersonalData,
            record.personal_data != PersonalData::NotAssessed,
        );
        source.provenance = Some(Provenance {
            catalogue: Some(catalogue),
            record: catalogue.record_url(&record.catalogue_id),
            fetched_at,
            prefilled,
        });
        source
    }

    /// Whether the catalogue filled this field.
    pub fn prefilled(&self, field: SourceField) -> Option<&Provenance> {
        self.provenance
            .as_ref()
            .filter(|p| p.prefilled.contains(&field))
    }
}

/// `2024-06-30T12:00:00+00:00` → `2024-06-30` (a date the app's date fields take), or empty.
fn date_part(text: &str) -> String {
    let day = text.get(..10).unwrap_or_default();
    if super::parse_date(day).is_some() {
        day.to_string()
    } else {
        String::new()
    }
}

/// Only http(s) addresses are kept from a catalogue's answer.
fn is_web(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
