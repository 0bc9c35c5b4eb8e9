//! data.europa.eu, the EU's portal (the programme's partner countries: Italy, Spain, Greece,
//! Croatia, Slovenia…), through its search service, piveau hub-search. Field names follow its
//! OpenAPI description (version 5.3.11, `openapi/eu-open-data-portal-hub-search-openapi.yaml`
//! in api-evangelist/eu-open-data-portal): `GET /search?q=…&filter=dataset&limit=…&page=…`
//! answers `{success, result: {count, results}}`, `GET /datasets/{id}` `{success, result}`.
//! Records are DCAT-AP: texts keyed by language, and the EU Publications Office vocabularies
//! for licences, file types and frequencies, mapped here by their codes.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{
    date_part, encode, is_web, AnswerError, CatalogueRecord, SearchPage, MAX_CATALOGUE_BYTES,
    PAGE_SIZE,
};
use crate::model::{Access, Format, Frequency, Licence, PersonalData, Rating};

/// A text in several languages: `{"it": "…", "en": "…"}`.
type Texts = BTreeMap<String, String>;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SearchAnswer {
    result: SearchResult,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SearchResult {
    count: u64,
    results: Vec<EuropaDataset>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RecordAnswer {
    result: Option<EuropaDataset>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EuropaDataset {
    id: String,
    title: Texts,
    description: Texts,
    publisher: Option<Named>,
    catalog: Option<Catalog>,
    country: Option<Labelled>,
    distributions: Vec<Distribution>,
    accrual_periodicity: Option<Coded>,
    /// When the data was last modified, as the publisher says.
    modified: Option<String>,
    temporal: Vec<Period>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Named {
    name: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Catalog {
    title: Texts,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Labelled {
    label: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Coded {
    id: String,
    resource: String,
    /// The vocabulary's label (English), present on licences.
    label: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Distribution {
    format: Option<Coded>,
    license: Option<Coded>,
    download_url: Vec<String>,
    access_url: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Period {
    gte: Option<String>,
    lte: Option<String>,
}

/// Licence codes of the EU table (`…/authority/licence/{CODE}`), and the SPDX identifiers the
/// portal puts in `resource` for them, → the app's choices.
const LICENCES: &[(&str, &str, Licence)] = &[
    ("ETALAB_2_0", "etalab-2.0", Licence::Etalab2),
    ("ODC_BL", "ODbL-1.0", Licence::Odbl),
    ("CC_BY_4_0", "CC-BY-4.0", Licence::CcBy4),
    ("CC_BYSA_4_0", "CC-BY-SA-4.0", Licence::CcBySa4),
    ("CC0", "CC0-1.0", Licence::Cc0),
    ("CC_BY_3_0", "CC-BY-3.0", Licence::OtherOpen),
    ("ODC_BY", "ODC-By-1.0", Licence::OtherOpen),
    ("ODC_PDDL", "PDDL-1.0", Licence::OtherOpen),
    ("IODL_1_0", "", Licence::OtherOpen),
    ("IODL_2_0", "", Licence::OtherOpen),
    ("DLDE_BY_2_0", "", Licence::OtherOpen),
    ("DLDE_ZERO_2_0", "", Licence::OtherOpen),
    ("OGL_3_0", "", Licence::OtherOpen),
    ("NLOD_2_0", "", Licence::OtherOpen),
    ("CC_PDM_1_0", "", Licence::OtherOpen),
    ("COM_REUSE", "", Licence::OtherOpen),
    ("CC_BYNC_4_0", "CC-BY-NC-4.0", Licence::Restrictive),
    ("CC_BYND_4_0", "CC-BY-ND-4.0", Licence::Restrictive),
];

pub fn europa_licence(code: &str, resource: &str) -> Licence {
    let spdx = resource
        .strip_prefix("http://spdx.org/licenses/")
        .or_else(|| resource.strip_prefix("https://spdx.org/licenses/"));
    let by_uri = resource.rsplit('/').next().unwrap_or_default();
    LICENCES
        .iter()
        .find(|(known, known_spdx, _)| {
            *known == code
                || (!known_spdx.is_empty() && spdx == Some(known_spdx))
                || (resource.contains("/authority/licence/") && *known == by_uri)
        })
        .map_or(Licence::Unknown, |(_, _, licence)| *licence)
}

/// File-type codes of the EU table (`…/authority/file-type/{CODE}`) → the app's formats.
const FORMATS: &[(&str, Format)] = &[
    ("CSV", Format::Csv),
    ("TSV", Format::Csv),
    ("JSON", Format::Json),
    ("JSON_LD", Format::Json),
    ("GEOJSON", Format::GeoJson),
    ("XML", Format::Xml),
    ("RDF_XML", Format::Xml),
    ("GML", Format::Xml),
    ("KML", Format::Xml),
    ("XLS", Format::Spreadsheet),
    ("XLSX", Format::Spreadsheet),
    ("ODS", Format::Spreadsheet),
    ("PDF", Format::Pdf),
    ("SHP", Format::Shapefile),
    ("WMS_SRVC", Format::Api),
    ("WFS_SRVC", Format::Api),
];

pub fn europa_format(code: &str) -> Option<Format> {
    if code.trim().is_empty() {
        return None;
    }
    Some(
        FORMATS
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(code.trim()))
            .map_or(Format::Other, |(_, format)| *format),
    )
}

/// Frequency codes of the EU table (`…/authority/frequency/{CODE}`) → the app's, rounded to
/// the nearest it offers.
const FREQUENCIES: &[(&str, Frequency)] = &[
    ("CONT", Frequency::Continuous),
    ("UPDATE_CONT", Frequency::Continuous),
    ("1MIN", Frequency::Continuous),
    ("5MIN", Frequency::Continuous),
    ("10MIN", Frequency::Continuous),
    ("15MIN", Frequency::Continuous),
    ("30MIN", Frequency::Continuous),
    ("HOURLY", Frequency::Continuous),
    ("BIHOURLY", Frequency::Continuous),
    ("TRIHOURLY", Frequency::Continuous),
    ("12HRS", Frequency::Daily),
    ("DAILY", Frequency::Daily),
    ("DAILY_2", Frequency::Daily),
    ("WEEKLY", Frequency::Weekly),
    ("WEEKLY_2", Frequency::Weekly),
    ("WEEKLY_3", Frequency::Weekly),
    ("WEEKLY_5", Frequency::Weekly),
    ("BIWEEKLY", Frequency::Monthly),
    ("MONTHLY", Frequency::Monthly),
    ("MONTHLY_2", Frequency::Monthly),
    ("MONTHLY_3", Frequency::Monthly),
    ("BIMONTHLY", Frequency::Quarterly),
    ("QUARTERLY", Frequency::Quarterly),
    ("ANNUAL_3", Frequency::Quarterly),
    ("ANNUAL_2", Frequency::Annual),
    ("ANNUAL", Frequency::Annual),
    ("BIENNIAL", Frequency::Irregular),
    ("TRIENNIAL", Frequency::Irregular),
    ("QUADRENNIAL", Frequency::Irregular),
    ("QUINQUENNIAL", Frequency::Irregular),
    ("DECENNIAL", Frequency::Irregular),
    ("IRREG", Frequency::Irregular),
    ("AS_NEEDED", Frequency::Irregular),
    ("NEVER", Frequency::Irregular),
    ("NOT_PLANNED", Frequency::Irregular),
    ("UNKNOWN", Frequency::Unknown),
];

pub fn europa_frequency(resource: &str) -> Frequency {
    let code = resource.rsplit('/').next().unwrap_or_default();
    FREQUENCIES
        .iter()
        .find(|(known, _)| *known == code)
        .map_or(Frequency::Unknown, |(_, frequency)| *frequency)
}

/// The text in `lang`, else English, else the first there is.
fn pick(texts: &Texts, lang: &str) -> String {
    texts
        .get(lang)
        .or_else(|| texts.get("en"))
        .or_else(|| texts.values().find(|t| !t.trim().is_empty()))
        .map_or_else(String::new, |t| t.trim().to_string())
}

pub fn read_page(text: &str, page: u32, lang: &str) -> Result<SearchPage, AnswerError> {
    if text.len() > MAX_CATALOGUE_BYTES {
        return Err(AnswerError::TooLarge);
    }
    let answer: SearchAnswer = serde_json::from_str(text).map_err(|_| AnswerError::Unexpected)?;
    let result = answer.result;
    Ok(SearchPage {
        records: result.results.iter().map(|d| d.record(lang)).collect(),
        total: result.count,
        page,
        has_next: u64::from(page) * u64::from(PAGE_SIZE) < result.count,
    })
}

pub fn read_record(text: &str, lang: &str) -> Result<CatalogueRecord, AnswerError> {
    if text.len() > MAX_CATALOGUE_BYTES {
        return Err(AnswerError::TooLarge);
    }
    let answer: RecordAnswer = serde_json::from_str(text).map_err(|_| AnswerError::Unexpected)?;
    match answer.result {
        Some(dataset) if !dataset.id.is_empty() => Ok(dataset.record(lang)),
        _ => Err(AnswerError::Unexpected),
    }
}

impl EuropaDataset {
    fn record(&self, lang: &str) -> CatalogueRecord {
        let producer = self
            .publisher
            .as_ref()
            .map(|p| p.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .or_else(|| self.catalog.as_ref().map(|c| pick(&c.title, lang)))
            .unwrap_or_default();
        let mut formats = Vec::new();
        for format in self
            .distributions
            .iter()
            .filter_map(|d| d.format.as_ref().and_then(|f| europa_format(&f.id)))
        {
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        let licence = self
            .distributions
            .iter()
            .filter_map(|d| d.license.as_ref())
            .next();
        let access = if self
            .distributions
            .iter()
            .any(|d| d.download_url.iter().any(|u| is_web(u)))
        {
            Access::DirectDownload
        } else {
            Access::NotAssessed
        };
        let described = pick(&self.description, lang).chars().count();
        let temporal = self.temporal.first().map_or_else(String::new, |t| {
            let day = |d: &Option<String>| d.as_deref().map(date_part).unwrap_or_default();
            format!("{} – {}", day(&t.gte), day(&t.lte))
        });
        CatalogueRecord {
            catalogue_id: self.id.clone(),
            title: pick(&self.title, lang),
            producer,
            page: format!(
                "https://data.europa.eu/data/datasets/{}?locale={}",
                encode(&self.id),
                encode(lang)
            ),
            licence: licence.map_or(Licence::NotAssessed, |l| europa_licence(&l.id, &l.resource)),
            licence_id: licence.map(|l| l.id.clone()).unwrap_or_default(),
            licence_label: licence
                .map(|l| l.label.trim().to_string())
                .unwrap_or_default(),
            formats,
            access,
            frequency: self
                .accrual_periodicity
                .as_ref()
                .map_or(Frequency::Unspecified, |f| europa_frequency(&f.resource)),
            last_update: self.modified.as_deref().map(date_part).unwrap_or_default(),
            spatial: self
                .country
                .as_ref()
                .map_or_else(String::new, |c| c.label.clone()),
            temporal,
            // A hint only: the portal keeps no documentation resources apart.
            documentation: if described >= 200 {
                Rating::Fair
            } else {
                Rating::Poor
            },
            documentation_note: String::new(),
            personal_data: PersonalData::NotAssessed,
            // The portal's metadata score has a scale its documentation does not settle.
            quality_score: None,
        }
    }
}
