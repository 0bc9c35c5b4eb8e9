//! data.gouv.fr, whose software is udata (github.com/opendatateam/udata, read at commit
//! 25b5a2ddd43798da1d7594823e5e9c10ddba34a1). The field names below are the v1 API's, as
//! `udata/core/dataset/api_fields.py` declares them (datasets, resources, temporal coverage,
//! quality) with `udata/core/spatial/api_fields.py` (spatial coverage), the page answer of
//! `udata/api/fields.py` (`pager`), and the access types of `udata/core/access_type/`. The
//! API answers any origin (`udata/cors.py`: `*` for every `/api` path): plain GETs, no
//! credentials.
//!
//! Every field is optional here: a missing one leaves its criterion for the holder.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{date_part, is_web, AnswerError, CatalogueRecord, SearchPage, MAX_CATALOGUE_BYTES};
use crate::model::{Access, Format, Frequency, Licence, PersonalData, Rating};

/// `GET /api/1/datasets/?q=…&page=…&page_size=…`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataPage {
    pub data: Vec<UdataDataset>,
    pub page: u32,
    pub page_size: u32,
    pub total: u64,
    pub next_page: Option<String>,
}

/// `GET /api/1/datasets/{id}/`, and each result of a search.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataDataset {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The dataset's page on data.gouv.fr.
    pub page: String,
    pub organization: Option<UdataOrganization>,
    /// A dataset published by a person rather than an organisation.
    pub owner: Option<UdataUser>,
    /// A licence id (`lov2`, `fr-lo`, `odc-odbl`, `cc-by`, `notspecified`…).
    pub license: Option<String>,
    pub frequency: Option<String>,
    /// When the data last changed (not `last_modified`, the metadata's change, nor the
    /// harvest's date).
    pub last_update: Option<String>,
    pub resources: Vec<UdataResource>,
    pub spatial: Option<UdataSpatial>,
    pub temporal_coverage: Option<UdataTemporal>,
    pub quality: Option<UdataQuality>,
    /// `open`, `open_with_account` or `restricted`.
    pub access_type: Option<String>,
    /// Why access is limited: an INSPIRE limitation category, one of which is
    /// `confidentiality_of_personal_data`.
    pub access_type_reason_category: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataOrganization {
    pub name: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataUser {
    pub first_name: String,
    pub last_name: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataResource {
    pub title: String,
    pub format: Option<String>,
    pub url: String,
    /// `main`, `documentation`, `update`, `api`, `code`, `other`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub schema: Option<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataSpatial {
    pub zones: Vec<String>,
    pub granularity: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataTemporal {
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UdataQuality {
    /// From 0 to 1.
    pub score: Option<f64>,
}

/// Licence ids as data.gouv.fr serves them (`/api/1/datasets/licenses/`; udata itself loads
/// the Open Definition list, data.gouv.fr adds `lov2` and `fr-lo`) → the app's licence
/// choices, and the title shown until the catalogue's own list is read. The app's table
/// decides which are open; an unknown id counts as unknown.
const LICENCES: &[(&str, Licence, &str)] = &[
    (
        "lov2",
        Licence::Etalab2,
        "Licence Ouverte / Open Licence version 2.0",
    ),
    ("fr-lo", Licence::Etalab2, "Licence Ouverte / Open Licence"),
    (
        "odc-odbl",
        Licence::Odbl,
        "Open Data Commons Open Database License (ODbL)",
    ),
    ("cc-by", Licence::CcBy4, "Creative Commons Attribution"),
    (
        "cc-by-sa",
        Licence::CcBySa4,
        "Creative Commons Attribution Share-Alike",
    ),
    ("cc-zero", Licence::Cc0, "Creative Commons CCZero"),
    (
        "odc-pddl",
        Licence::Cc0,
        "Open Data Commons Public Domain Dedication and Licence (PDDL)",
    ),
    (
        "odc-by",
        Licence::OtherOpen,
        "Open Data Commons Attribution License",
    ),
    ("other-open", Licence::OtherOpen, "Other (Open)"),
    ("other-at", Licence::OtherOpen, "Other (Attribution)"),
    ("other-pd", Licence::OtherOpen, "Other (Public Domain)"),
    ("other-closed", Licence::Restrictive, "Other (Not Open)"),
    ("notspecified", Licence::Unknown, "License Not Specified"),
];

pub fn udata_licence(id: &str) -> Licence {
    LICENCES
        .iter()
        .find(|(known, _, _)| *known == id)
        .map_or(Licence::Unknown, |(_, licence, _)| *licence)
}

/// One licence of data.gouv.fr's list (`license_fields` in `udata/core/dataset/api_fields.py`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UdataLicence {
    id: String,
    title: String,
}

/// Licence titles by id: the list shipped with the app, then data.gouv.fr's own once it has
/// been read (only when online, once a session), so that a licence the catalogue added
/// since shows its title. Titles only: openness stays the app's table's call.
#[derive(Clone, Debug, PartialEq)]
pub struct LicenceTitles(BTreeMap<String, String>);

impl Default for LicenceTitles {
    fn default() -> Self {
        LicenceTitles(
            LICENCES
                .iter()
                .map(|(id, _, title)| (id.to_string(), title.to_string()))
                .collect(),
        )
    }
}

impl LicenceTitles {
    /// Adds data.gouv.fr's list (the answer of `/api/1/datasets/licenses/`) to these titles.
    pub fn read_udata(&mut self, text: &str) -> Result<(), AnswerError> {
        if text.len() > MAX_CATALOGUE_BYTES {
            return Err(AnswerError::TooLarge);
        }
        let list: Vec<UdataLicence> =
            serde_json::from_str(text).map_err(|_| AnswerError::Unexpected)?;
        for licence in list {
            let (id, title) = (licence.id.trim(), licence.title.trim());
            if !id.is_empty() && !title.is_empty() {
                self.0.insert(id.to_string(), title.to_string());
            }
        }
        Ok(())
    }

    /// The title of licence `id`, else the id itself.
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.0.get(id).map_or(id, String::as_str)
    }
}

/// udata's update frequencies (`udata/core/dataset/constants.py`; newer ids it may add fall
/// to "unknown") → the app's, rounded to the nearest the app offers (less often than
/// yearly counts as irregular).
const FREQUENCIES: &[(&str, Frequency)] = &[
    ("continuous", Frequency::Continuous),
    ("hourly", Frequency::Continuous),
    ("fourTimesADay", Frequency::Daily),
    ("threeTimesADay", Frequency::Daily),
    ("semidaily", Frequency::Daily),
    ("daily", Frequency::Daily),
    ("fourTimesAWeek", Frequency::Weekly),
    ("threeTimesAWeek", Frequency::Weekly),
    ("semiweekly", Frequency::Weekly),
    ("weekly", Frequency::Weekly),
    ("biweekly", Frequency::Monthly),
    ("threeTimesAMonth", Frequency::Monthly),
    ("semimonthly", Frequency::Monthly),
    ("monthly", Frequency::Monthly),
    ("bimonthly", Frequency::Quarterly),
    ("quarterly", Frequency::Quarterly),
    ("threeTimesAYear", Frequency::Quarterly),
    ("semiannual", Frequency::Annual),
    ("annual", Frequency::Annual),
    ("biennial", Frequency::Irregular),
    ("triennial", Frequency::Irregular),
    ("quinquennial", Frequency::Irregular),
    ("punctual", Frequency::Irregular),
    ("irregular", Frequency::Irregular),
    ("unknown", Frequency::Unknown),
];

pub fn udata_frequency(id: &str) -> Frequency {
    FREQUENCIES
        .iter()
        .find(|(known, _)| *known == id)
        .map_or(Frequency::Unknown, |(_, frequency)| *frequency)
}

/// A resource's format as udata stores it (lower-case extension or short name).
pub fn udata_format(format: &str) -> Option<Format> {
    Some(match format.trim().to_ascii_lowercase().as_str() {
        "csv" | "csv.gz" | "tsv" => Format::Csv,
        "json" | "jsonl" => Format::Json,
        "geojson" => Format::GeoJson,
        "xml" | "rdf" | "gml" | "kml" => Format::Xml,
        "xls" | "xlsx" | "ods" => Format::Spreadsheet,
        "pdf" => Format::Pdf,
        "shp" | "shapefile" => Format::Shapefile,
        "api" | "ogc:wms" | "ogc:wfs" | "wms" | "wfs" => Format::Api,
        "" => return None,
        _ => Format::Other,
    })
}

impl UdataPage {
    pub fn read(text: &str, page: u32) -> Result<SearchPage, AnswerError> {
        if text.len() > MAX_CATALOGUE_BYTES {
            return Err(AnswerError::TooLarge);
        }
        let answer: UdataPage = serde_json::from_str(text).map_err(|_| AnswerError::Unexpected)?;
        Ok(SearchPage {
            records: answer.data.iter().map(UdataDataset::record).collect(),
            total: answer.total,
            page,
            has_next: answer.next_page.is_some(),
        })
    }
}

impl UdataDataset {
    pub fn read(text: &str) -> Result<CatalogueRecord, AnswerError> {
        if text.len() > MAX_CATALOGUE_BYTES {
            return Err(AnswerError::TooLarge);
        }
        let dataset: UdataDataset =
            serde_json::from_str(text).map_err(|_| AnswerError::Unexpected)?;
        if dataset.id.is_empty() {
            return Err(AnswerError::Unexpected);
        }
        Ok(dataset.record())
    }

    /// The record as the app reads it: see each field's rule.
    pub fn record(&self) -> CatalogueRecord {
        let producer = match (&self.organization, &self.owner) {
            (Some(org), _) if !org.name.trim().is_empty() => org.name.trim().to_string(),
            (_, Some(user)) => format!("{} {}", user.first_name.trim(), user.last_name.trim())
                .trim()
                .to_string(),
            _ => String::new(),
        };
        let data: Vec<&UdataResource> = self
            .resources
            .iter()
            .filter(|r| r.kind.as_deref() != Some("documentation"))
            .collect();
        let mut formats: Vec<Format> = Vec::new();
        for format in data
            .iter()
            .filter_map(|r| r.format.as_deref().and_then(udata_format))
        {
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        let access = if self.access_type.as_deref() == Some("restricted") {
            Access::Restricted
        } else if self.access_type.as_deref() == Some("open_with_account") {
            Access::OnRequest
        } else if data.iter().any(|r| r.kind.as_deref() == Some("api")) {
            Access::Api
        } else if data.iter().any(|r| is_web(&r.url)) {
            Access::DirectDownload
        } else {
            Access::NotAssessed
        };
        let documented = self
            .resources
            .iter()
            .any(|r| r.kind.as_deref() == Some("documentation"));
        let schema = self
            .resources
            .iter()
            .any(|r| r.schema.as_ref().is_some_and(|s| !s.is_null()));
        let described = self.description.trim().chars().count();
        // A hint, not a judgement: a documentation file or a schema is good, a real
        // description fair, a line or nothing poor.
        let documentation = if documented || schema {
            Rating::Good
        } else if described >= 200 {
            Rating::Fair
        } else {
            Rating::Poor
        };
        let spatial = self.spatial.as_ref().map_or_else(String::new, |s| {
            let mut parts: Vec<String> = s.zones.iter().take(3).cloned().collect();
            if let Some(granularity) = s.granularity.as_deref().filter(|g| !g.is_empty()) {
                parts.push(granularity.to_string());
            }
            parts.join(", ")
        });
        let temporal = self
            .temporal_coverage
            .as_ref()
            .map_or_else(String::new, |t| {
                let day = |d: &Option<String>| d.as_deref().map(date_part).unwrap_or_default();
                match (day(&t.start), day(&t.end)) {
                    (s, e) if s.is_empty() && e.is_empty() => String::new(),
                    (s, e) => format!("{s} – {e}"),
                }
            });
        let licence_id = self.license.clone().unwrap_or_default();
        CatalogueRecord {
            catalogue_id: self.id.clone(),
            title: self.title.trim().to_string(),
            producer,
            page: if is_web(&self.page) {
                self.page.clone()
            } else {
                String::new()
            },
            licence: if licence_id.is_empty() {
                Licence::NotAssessed
            } else {
                udata_licence(&licence_id)
            },
            licence_id,
            // Its records carry only the id: the title comes from `LicenceTitles`.
            licence_label: String::new(),
            formats,
            access,
            frequency: self
                .frequency
                .as_deref()
                .map_or(Frequency::Unspecified, udata_frequency),
            last_update: self
                .last_update
                .as_deref()
                .map(date_part)
                .unwrap_or_default(),
            spatial,
            temporal,
            documentation,
            documentation_note: String::new(),
            // udata says so only when access is limited because of it.
            personal_data: match self.access_type_reason_category.as_deref() {
                Some("confidentiality_of_personal_data") => PersonalData::Yes,
                _ => PersonalData::NotAssessed,
            },
            quality_score: self
                .quality
                .as_ref()
                .and_then(|q| q.score)
                .filter(|s| (0.0..=1.0).contains(s))
                .map(|s| (s * 100.0).round() as u8),
        }
    }
}
