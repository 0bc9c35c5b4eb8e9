//! Catalogue records to candidate sources: the tables, and records shaped like the real API
//! (`tests/fixtures/catalogues/`, each naming the upstream file it follows).

use uuid::Uuid;

use crate::model::*;

const UDATA_SEARCH: &str = include_str!("../../../tests/fixtures/catalogues/udata-search.json");

#[test]
fn a_udata_search_page_reads_into_records() {
    let page = UdataPage::read(UDATA_SEARCH, 1).unwrap();
    assert_eq!(
        (page.total, page.has_next, page.records.len()),
        (2, false, 2)
    );
    let baignade = &page.records[0];
    assert_eq!(baignade.title, "Qualité des eaux de baignade");
    assert_eq!(
        baignade.producer,
        "Ministère des Solidarités et de la Santé"
    );
    assert_eq!(
        baignade.page,
        "https://www.data.gouv.fr/fr/datasets/qualite-des-eaux-de-baignade/"
    );
    assert_eq!(baignade.licence, Licence::Etalab2);
    assert_eq!(
        baignade.formats,
        [Format::Csv],
        "the documentation PDF is not the data"
    );
    assert_eq!(baignade.access, Access::DirectDownload);
    assert_eq!(baignade.frequency, Frequency::Annual);
    assert_eq!(
        baignade.last_update, "2025-10-01",
        "the data's change, not the metadata's"
    );
    assert_eq!(baignade.spatial, "fr:pays:fr, fr:commune");
    assert_eq!(baignade.temporal, "2013-01-01 – 2025-12-31");
    assert_eq!(baignade.documentation, Rating::Good);
    assert_eq!(baignade.quality_score, Some(89));

    let releves = &page.records[1];
    assert_eq!(releves.producer, "Camille Martin", "a person publishing");
    assert_eq!(releves.licence, Licence::Unknown);
    assert_eq!(releves.formats, [Format::Pdf]);
    assert_eq!(releves.frequency, Frequency::Unknown);
    assert_eq!(releves.documentation, Rating::Poor);
    assert_eq!(releves.spatial, "");
}

#[test]
fn a_record_becomes_a_source_with_its_criteria_prefilled_and_marked() {
    let page = UdataPage::read(UDATA_SEARCH, 1).unwrap();
    let source = CandidateSource::from_record(
        Uuid::from_u128(1),
        &page.records[0],
        Catalogue::DataGouv,
        1_800_000_000_000,
    );
    assert_eq!(source.found_where, "data.gouv.fr");
    assert_eq!(source.licence, Licence::Etalab2);
    let provenance = source.provenance.as_ref().unwrap();
    assert_eq!(
        provenance.record,
        "https://www.data.gouv.fr/api/1/datasets/5de8f397634f4164071119c5/"
    );
    assert_eq!(provenance.fetched_at, 1_800_000_000_000);
    assert!(source.prefilled(SourceField::Licence).is_some());
    assert!(
        source.prefilled(SourceField::PersonalData).is_none(),
        "udata does not say"
    );
    // What metadata cannot answer stays for the holder.
    assert_eq!(source.spatial_coverage, CoverageMatch::NotAssessed);
    assert_eq!(source.quality, Rating::NotAssessed);
    assert_eq!(stars(source.licence, &source.formats), 3);
}

#[test]
fn restricted_access_and_personal_data_come_from_the_access_type() {
    let text = r#"{"id":"x","title":"Registre","access_type":"restricted","access_type_reason_category":"confidentiality_of_personal_data","resources":[{"type":"main","format":"csv","url":"https://example.org/r.csv"}]}"#;
    let record = UdataDataset::read(text).unwrap();
    assert_eq!(record.access, Access::Restricted);
    assert_eq!(record.personal_data, PersonalData::Yes);
    let source = CandidateSource::from_record(Uuid::nil(), &record, Catalogue::DataGouv, 0);
    assert!(source.prefilled(SourceField::PersonalData).is_some());
}

#[test]
fn licence_frequency_and_format_tables() {
    for (id, licence) in [
        ("lov2", Licence::Etalab2),
        ("fr-lo", Licence::Etalab2),
        ("odc-odbl", Licence::Odbl),
        ("cc-by", Licence::CcBy4),
        ("cc-zero", Licence::Cc0),
        ("other-closed", Licence::Restrictive),
        ("notspecified", Licence::Unknown),
        ("something-new", Licence::Unknown),
    ] {
        assert_eq!(udata_licence(id), licence, "{id}");
    }
    assert!(udata_licence("lov2").is_open());
    assert!(!udata_licence("other-closed").is_open());
    assert_eq!(udata_frequency("semiannual"), Frequency::Annual);
    assert_eq!(udata_frequency("weekly"), Frequency::Weekly);
    assert_eq!(udata_frequency("punctual"), Frequency::Irregular);
    assert_eq!(udata_frequency("never-heard"), Frequency::Unknown);
    assert_eq!(udata_format("CSV"), Some(Format::Csv));
    assert_eq!(udata_format("xlsx"), Some(Format::Spreadsheet));
    assert_eq!(udata_format("zip"), Some(Format::Other));
    assert_eq!(udata_format(" "), None);
}

#[test]
fn hostile_or_strange_answers_are_refused_or_kept_as_text() {
    assert_eq!(UdataPage::read("<html>", 1), Err(AnswerError::Unexpected));
    assert_eq!(UdataDataset::read("{}"), Err(AnswerError::Unexpected));
    let big = " ".repeat(MAX_CATALOGUE_BYTES + 1);
    assert_eq!(UdataPage::read(&big, 1), Err(AnswerError::TooLarge));
    let hostile = r#"{"id":"x","title":"<img src=x onerror=alert(1)>","page":"javascript:alert(1)","quality":{"score":7}}"#;
    let record = UdataDataset::read(hostile).unwrap();
    assert_eq!(record.title, "<img src=x onerror=alert(1)>");
    assert_eq!(record.page, "", "only http(s) links are kept");
    assert_eq!(
        record.quality_score, None,
        "a score out of range is dropped"
    );
}

#[test]
fn search_addresses_are_encoded() {
    assert_eq!(
        Catalogue::DataGouv.search_url(" eaux & baignade ", 2),
        "https://www.data.gouv.fr/api/1/datasets/?q=eaux%20%26%20baignade&page=2&page_size=10"
    );
    assert_eq!(
        Catalogue::DataGouv.site_search_url("é"),
        "https://www.data.gouv.fr/fr/datasets/?q=%C3%A9"
    );
}

const EUROPA_SEARCH: &str = include_str!("../../../tests/fixtures/catalogues/europa-search.json");

#[test]
fn a_data_europa_eu_search_page_reads_in_the_interface_language() {
    let page = Catalogue::DataEuropa
        .read_page(EUROPA_SEARCH, 1, "fr")
        .unwrap();
    assert_eq!(
        (page.total, page.has_next, page.records.len()),
        (2, false, 2)
    );
    let population = &page.records[0];
    assert_eq!(
        population.title, "Resident population by municipality - 2023",
        "no French: English"
    );
    assert_eq!(population.producer, "Istituto Nazionale di Statistica");
    assert_eq!(
        population.page,
        "https://data.europa.eu/data/datasets/popolazione-residente-per-comune-2023?locale=fr"
    );
    assert_eq!(population.licence, Licence::CcBy4);
    assert_eq!(population.licence_id, "CC_BY_4_0");
    assert_eq!(
        population.licence_title(&LicenceTitles::default()),
        "Creative Commons Attribution 4.0 International",
        "the record names its licence"
    );
    assert_eq!(population.formats, [Format::Csv]);
    assert_eq!(population.access, Access::DirectDownload);
    assert_eq!(population.frequency, Frequency::Annual);
    assert_eq!(population.last_update, "2024-01-10");
    assert_eq!(population.spatial, "Italy");
    assert_eq!(population.temporal, "2023-01-01 – 2023-12-31");
    let italian = Catalogue::DataEuropa
        .read_page(EUROPA_SEARCH, 1, "it")
        .unwrap();
    assert_eq!(
        italian.records[0].title,
        "Popolazione residente per comune - 2023"
    );

    let memoria = &page.records[1];
    assert!(!memoria.title.is_empty(), "only Spanish: Spanish");
    assert_eq!(memoria.licence, Licence::NotAssessed, "no licence given");
    assert_eq!(memoria.formats, [Format::Pdf]);
    assert_eq!(memoria.frequency, Frequency::Irregular);
    assert_eq!(memoria.access, Access::NotAssessed);
}

#[test]
fn eu_vocabularies_map_by_code_or_uri() {
    assert_eq!(europa_licence("CC_BY_4_0", ""), Licence::CcBy4);
    assert_eq!(
        europa_licence("", "http://spdx.org/licenses/ODbL-1.0"),
        Licence::Odbl
    );
    assert_eq!(
        europa_licence(
            "",
            "http://publications.europa.eu/resource/authority/licence/ETALAB_2_0"
        ),
        Licence::Etalab2
    );
    assert_eq!(europa_licence("IODL_2_0", ""), Licence::OtherOpen);
    assert_eq!(europa_licence("CC_BYNC_4_0", ""), Licence::Restrictive);
    assert_eq!(
        europa_licence(
            "https://example.org/my-licence",
            "https://example.org/my-licence"
        ),
        Licence::Unknown
    );
    assert_eq!(europa_format("GEOJSON"), Some(Format::GeoJson));
    assert_eq!(europa_format("XLSX"), Some(Format::Spreadsheet));
    assert_eq!(europa_format("ZIP"), Some(Format::Other));
    assert_eq!(
        europa_frequency("http://publications.europa.eu/resource/authority/frequency/QUARTERLY"),
        Frequency::Quarterly
    );
    assert_eq!(
        europa_frequency("http://example.org/whenever"),
        Frequency::Unknown
    );
    assert_eq!(
        Catalogue::DataEuropa.search_url("acqua", 2),
        "https://data.europa.eu/api/hub/search/search?q=acqua&filter=dataset&limit=10&page=1"
    );
    let record = r#"{"success":true,"result":{"id":"x","title":{"en":"<b>x</b>"}}}"#;
    assert_eq!(
        Catalogue::DataEuropa
            .read_record(record, "en")
            .unwrap()
            .title,
        "<b>x</b>"
    );
    assert_eq!(
        Catalogue::DataEuropa.read_record("{}", "en"),
        Err(AnswerError::Unexpected)
    );
}

const UDATA_LICENCES: &str = include_str!("../../../tests/fixtures/catalogues/udata-licenses.json");

#[test]
fn licence_titles_ship_with_the_app_and_take_the_catalogues_list() {
    let page = UdataPage::read(UDATA_SEARCH, 1).unwrap();
    let mut titles = LicenceTitles::default();
    assert_eq!(
        page.records[0].licence_title(&titles),
        "Licence Ouverte / Open Licence version 2.0"
    );
    assert_eq!(titles.title("mpl-2-0"), "mpl-2-0", "unknown: the id");

    let fixture: serde_json::Value = serde_json::from_str(UDATA_LICENCES).unwrap();
    titles.read_udata(&fixture["answer"].to_string()).unwrap();
    assert_eq!(titles.title("mpl-2-0"), "Mozilla Public License 2.0");
    assert_eq!(titles.title(""), "", "an entry without an id is skipped");
    assert_eq!(
        udata_licence("mpl-2-0"),
        Licence::Unknown,
        "a title says nothing of openness: the app's table decides"
    );
    assert_eq!(
        titles.title("cc-zero"),
        "Creative Commons CCZero",
        "shipped titles stay"
    );

    let before = titles.clone();
    for hostile in [
        "{}",
        "<html>",
        "[{\"id\": 3}]",
        &"[".repeat(MAX_CATALOGUE_BYTES + 1),
    ] {
        assert!(titles.read_udata(hostile).is_err(), "{hostile:.20}");
    }
    assert_eq!(titles, before, "a bad answer changes nothing");
}

fn baignade_source(fetched_at: i64) -> CandidateSource {
    let page = UdataPage::read(UDATA_SEARCH, 1).unwrap();
    CandidateSource::from_record(
        Uuid::from_u128(1),
        &page.records[0],
        Catalogue::DataGouv,
        fetched_at,
    )
}

#[test]
fn checking_against_the_catalogue_shows_what_changed_and_takes_only_what_is_chosen() {
    let mut source = baignade_source(1_800_000_000_000);
    source.quality = Rating::Good;
    source.producer = "ARS".into(); // the holder's own correction
    let same = baignade_source(1_900_000_000_000);
    assert_eq!(source.catalogue_changes(&same), [SourceField::Producer]);

    let mut record = UdataPage::read(UDATA_SEARCH, 1).unwrap().records.remove(0);
    record.licence = Licence::Odbl;
    record.last_update = "2026-10-01".into();
    record.producer = String::new(); // no longer said: not a change
    let fresh = CandidateSource::from_record(
        Uuid::from_u128(9),
        &record,
        Catalogue::DataGouv,
        1_900_000_000_000,
    );
    assert_eq!(
        source.catalogue_changes(&fresh),
        [SourceField::Licence, SourceField::LastUpdate]
    );

    source.take_from_catalogue(&fresh, &[SourceField::LastUpdate]);
    assert_eq!(source.last_update, "2026-10-01");
    assert_eq!(source.licence, Licence::Etalab2, "not chosen: kept");
    assert_eq!(source.producer, "ARS");
    assert_eq!(
        source.quality,
        Rating::Good,
        "the holder's judgement is never touched"
    );
    assert_eq!(source.id, Uuid::from_u128(1));
    let provenance = source.provenance.as_ref().unwrap();
    assert_eq!(provenance.fetched_at, 1_900_000_000_000, "checked that day");
    assert_eq!(source.catalogue_changes(&fresh), [SourceField::Licence]);

    // A source typed by hand gains a provenance when it takes a catalogue's value.
    let mut typed = CandidateSource::new(Uuid::from_u128(2));
    typed.take_from_catalogue(&fresh, &[SourceField::Licence]);
    let provenance = typed.provenance.unwrap();
    assert_eq!(provenance.prefilled, [SourceField::Licence]);
    assert_eq!(provenance.catalogue, Some(Catalogue::DataGouv));
}

#[test]
fn only_a_catalogues_own_record_address_is_checked_again() {
    let source = baignade_source(1);
    let provenance = source.provenance.clone().unwrap();
    assert_eq!(
        provenance.checkable(),
        Some((
            Catalogue::DataGouv,
            "https://www.data.gouv.fr/api/1/datasets/5de8f397634f4164071119c5/"
        ))
    );
    for record in [
        "https://evil.example/api/1/datasets/5de8/",
        "https://www.data.gouv.fr/api/1/datasets/",
        "https://www.data.gouv.fr/api/1/datasets/../../users/me/",
        "https://www.data.gouv.fr/api/1/datasets/a?b=c",
        "https://data.europa.eu/api/hub/search/datasets/x",
    ] {
        let hostile = Provenance {
            record: record.into(),
            ..provenance.clone()
        };
        assert_eq!(hostile.checkable(), None, "{record}");
    }
    let europa = Provenance {
        catalogue: Some(Catalogue::DataEuropa),
        record: Catalogue::DataEuropa.record_url("popolazione-2023"),
        ..Provenance::default()
    };
    assert!(europa.checkable().is_some());
    assert_eq!(Provenance::default().checkable(), None);
}
