//! CSV tables for spreadsheets. UTF-8 with a byte-order mark so Excel reads accents; `;`
//! between French columns and `,` between English ones, the separator each locale's
//! spreadsheet expects; quoting is the `csv` crate's.

use csv::WriterBuilder;

use super::report::{availability, Cell};
use super::verdict_text;
use crate::i18n::{Key, Label, Lang};
use crate::model::{assess, Project};
use time::Date;

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn cell_text(cell: Cell) -> String {
    match cell {
        Cell::Text(text) if text == "—" => String::new(),
        Cell::Text(text) => text,
        _ => String::new(),
    }
}

/// The wanted datasets, one row each, in the order of the list.
pub fn wanted_csv(p: &Project, lang: Lang) -> Vec<u8> {
    let t = |key: Key| key.text(lang);
    let headers = [
        Key::ColPosition,
        Key::WantedName,
        Key::Description,
        Key::UseCase,
        Key::Theme,
        Key::ValueLabel,
        Key::AvailabilityLabel,
        Key::StatusLabel,
        Key::SpatialCoverage,
        Key::GranularityLabel,
        Key::Period,
        Key::Freshness,
        Key::PreferredFormat,
        Key::Producer,
        Key::Contact,
        Key::FlagsLabel,
        Key::FinalVerdict,
        Key::JudgeAccuracy,
        Key::JudgeFreshness,
        Key::JudgeGranularity,
    ];
    let rows = p.wanted.iter().enumerate().map(|(i, d)| {
        let flags: Vec<&str> = d.flags.iter().map(|f| t(f.label())).collect();
        vec![
            (i + 1).to_string(),
            d.name.clone(),
            d.description.clone(),
            d.use_case.clone(),
            d.theme.clone(),
            d.value.number().map(|n| n.to_string()).unwrap_or_default(),
            cell_text(availability(d, lang)),
            t(d.status.label()).to_string(),
            d.spatial_coverage.clone(),
            t(d.granularity.label()).to_string(),
            d.period.clone(),
            t(d.freshness.label()).to_string(),
            t(d.preferred_format.label()).to_string(),
            d.producer.clone(),
            d.contact.clone(),
            flags.join(", "),
            verdict_text(d.final_verdict(), lang).to_string(),
            t(d.quality.accuracy.label()).to_string(),
            t(d.quality.freshness.label()).to_string(),
            t(d.quality.granularity.label()).to_string(),
        ]
    });
    table(lang, &headers, rows)
}

/// Every candidate source with its assessment, grouped by wanted dataset.
pub fn sources_csv(p: &Project, lang: Lang) -> Vec<u8> {
    let t = |key: Key| key.text(lang);
    let headers = [
        Key::ColPosition,
        Key::ColWanted,
        Key::SourceTitle,
        Key::Link,
        Key::SourceProducer,
        Key::FoundWhere,
        Key::LicenceLabel,
        Key::FormatsLabel,
        Key::AccessLabel,
        Key::UpdateFrequency,
        Key::LastUpdate,
        Key::SpatialMatch,
        Key::TemporalMatch,
        Key::QualityLabel,
        Key::QualityNote,
        Key::DocumentationLabel,
        Key::DocumentationNote,
        Key::PersonalDataLabel,
        Key::ColScore,
        Key::StarsRow,
        Key::ColVerdict,
        Key::ColOverride,
    ];
    let rows = p.wanted.iter().enumerate().flat_map(|(i, d)| {
        d.sources.iter().map(move |s| {
            let a = assess(s, d);
            let formats: Vec<&str> = s.formats.iter().map(|f| t(f.label())).collect();
            let reason = s.override_reason(a.overridden).to_string();
            vec![
                (i + 1).to_string(),
                d.name.clone(),
                s.title.clone(),
                s.link.clone(),
                s.producer.clone(),
                s.found_where.clone(),
                t(s.licence.label()).to_string(),
                formats.join(", "),
                t(s.access.label()).to_string(),
                t(s.update_frequency.label()).to_string(),
                s.last_update.clone(),
                t(s.spatial_coverage.label()).to_string(),
                t(s.temporal_coverage.label()).to_string(),
                t(s.quality.label()).to_string(),
                s.quality_note.clone(),
                t(s.documentation.label()).to_string(),
                s.documentation_note.clone(),
                t(s.personal_data.label()).to_string(),
                a.score.to_string(),
                a.stars.to_string(),
                verdict_text(a.verdict, lang).to_string(),
                reason,
            ]
        })
    });
    table(lang, &headers, rows)
}

/// Every roadmap action, grouped by wanted dataset; `today` places the actions whose horizon
/// follows their due date.
pub fn actions_csv(p: &Project, lang: Lang, today: Date) -> Vec<u8> {
    let t = |key: Key| key.text(lang);
    let headers = [
        Key::ColPosition,
        Key::ColWanted,
        Key::RouteLabel,
        Key::ActionDescription,
        Key::Owner,
        Key::DueDate,
        Key::HorizonLabel,
        Key::ActionStatusLabel,
        Key::NextStep,
    ];
    let rows = p.wanted.iter().enumerate().flat_map(|(i, d)| {
        d.actions.iter().map(move |a| {
            vec![
                (i + 1).to_string(),
                d.name.clone(),
                t(a.route.label()).to_string(),
                a.description.clone(),
                a.owner.clone(),
                a.due.clone(),
                a.horizon(today).map_or("", |h| t(h.label())).to_string(),
                t(a.status.label()).to_string(),
                a.next_step.clone(),
            ]
        })
    });
    table(lang, &headers, rows)
}

pub(super) fn table(
    lang: Lang,
    headers: &[Key],
    rows: impl Iterator<Item = Vec<String>>,
) -> Vec<u8> {
    // What each locale's spreadsheet expects between columns.
    let delimiter = Key::CsvDelimiter.text(lang).as_bytes()[0];
    let mut out = BOM.to_vec();
    {
        let mut writer = WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let header: Vec<&str> = headers.iter().map(|k| k.text(lang)).collect();
        writer
            .write_record(&header)
            .expect("writing to memory cannot fail");
        for row in rows {
            writer
                .write_record(row.iter().map(|cell| defuse(cell).into_owned()))
                .expect("writing to memory cannot fail");
        }
        writer.flush().expect("writing to memory cannot fail");
    }
    out
}

/// A cell starting with `=`, `+`, `-` or `@` would run as a formula in a spreadsheet (CSV
/// injection); a leading apostrophe makes it plain text, as spreadsheets display it.
fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}
