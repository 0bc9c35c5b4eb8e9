//! The project report as data: what the printed report and the Markdown file both show,
//! built once here so the two cannot drift apart. Each renders the cells its own way (a
//! coloured verdict badge and a local date on screen, words and ISO dates in Markdown).

use time::Date;

use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{DataMap, Origin, Phase, Project, Verdict, WantedDataset};

/// Everything the report says about a project.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The project's name, or "Untitled project".
    pub title: String,
    /// Label and value of each profile field; a dash for an empty one.
    pub profile: Vec<(&'static str, String)>,
    /// One line per phase: "Phase: done / total".
    pub progress: Vec<String>,
    /// The Wanted Data List, the evaluations, the data map (as a table), the roadmap.
    pub sections: Vec<ReportSection>,
    /// The data map, for the printed report to draw above its table.
    pub map: DataMap,
}

/// A titled table of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportSection {
    /// A stable id for the heading, so the section can be labelled by it.
    pub id: &'static str,
    pub heading: &'static str,
    pub headers: Vec<&'static str>,
    /// Which column names its row (a row header for screen readers).
    pub row_header: usize,
    /// No rows: the section says "Nothing yet".
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a report table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text as typed or as labelled; a dash when there is nothing.
    Text(String),
    Verdict(Option<Verdict>),
    /// A due date; `None` when none was given (or it is not a date).
    Date(Option<Date>),
}

fn text(value: &str) -> Cell {
    Cell::Text(or_dash(value).to_string())
}

/// Text for a cell that may be empty.
pub(super) fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "—"
    } else {
        text
    }
}

/// The report of `p`; `today` places the actions whose horizon follows their due date.
pub fn project_report(p: &Project, lang: Lang, today: Date) -> Report {
    let t = |key: Key| key.text(lang);
    let profile = [
        (Key::Holder, p.holder.as_str()),
        (Key::DomainLabel, t(p.domain.label())),
        (Key::ShortDescription, &p.description),
        (Key::Objectives, &p.objectives),
        (Key::Partners, &p.partners),
        (Key::Audiences, &p.audiences),
        (Key::DataWork, &p.data_work),
    ]
    .into_iter()
    .map(|(key, value)| (t(key), or_dash(value).to_string()))
    .collect();
    let progress = Phase::ALL
        .iter()
        .map(|&phase| {
            let progress = p.progress(phase);
            Key::PhaseDone.fill(
                lang,
                &[
                    ("phase", t(phase.label())),
                    ("done", &progress.done.to_string()),
                    ("total", &progress.total.to_string()),
                ],
            )
        })
        .collect();
    Report {
        title: p.display_name(lang),
        profile,
        progress,
        sections: vec![
            wanted_section(p, lang),
            evaluations_section(p, lang),
            map_section(p, lang),
            roadmap_section(p, lang, today),
        ],
        map: p.data_map(),
    }
}

fn wanted_section(p: &Project, lang: Lang) -> ReportSection {
    let t = |key: Key| key.text(lang);
    let rows = p
        .wanted
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let flags: Vec<&str> = d.flags.iter().map(|f| t(f.label())).collect();
            vec![
                Cell::Text((i + 1).to_string()),
                text(&d.name),
                text(&d.use_case),
                score(d.value.number(), None, lang),
                availability(d, lang),
                Cell::Text(t(d.status.label()).into()),
                text(&flags.join(", ")),
            ]
        })
        .collect();
    ReportSection {
        id: "report-wanted",
        heading: t(Key::PhaseWantedList),
        headers: [
            Key::ColPosition,
            Key::ColWanted,
            Key::ColUseCase,
            Key::ColValue,
            Key::ColAvailability,
            Key::ColStatus,
            Key::ColFlags,
        ]
        .map(t)
        .to_vec(),
        row_header: 1,
        rows,
    }
}

fn evaluations_section(p: &Project, lang: Lang) -> ReportSection {
    let t = |key: Key| key.text(lang);
    let rows = p
        .wanted
        .iter()
        .flat_map(|d| {
            d.assessments().map(move |(s, a)| {
                vec![
                    text(&d.name),
                    Cell::Text(s.display_name(lang)),
                    Cell::Text(format!("{}/100", a.score)),
                    Cell::Verdict(a.verdict),
                    text(s.override_reason(a.overridden)),
                ]
            })
        })
        .collect();
    ReportSection {
        id: "report-evaluations",
        heading: t(Key::ReportEvaluations),
        headers: [
            Key::ColWanted,
            Key::ColSource,
            Key::ColScore,
            Key::ColVerdict,
            Key::ColOverride,
        ]
        .map(t)
        .to_vec(),
        row_header: 0,
        rows,
    }
}

/// "3", "4 (suggested)", or a dash when not scored.
pub(super) fn score(number: Option<u8>, origin: Option<Origin>, lang: Lang) -> Cell {
    Cell::Text(match (number, origin) {
        (None, _) => "—".to_string(),
        (Some(n), Some(Origin::Suggested)) => format!("{n} ({})", Key::Suggested.text(lang)),
        (Some(n), _) => n.to_string(),
    })
}

pub(super) fn availability(d: &WantedDataset, lang: Lang) -> Cell {
    match d.availability_in_force() {
        Some((a, origin)) => score(a.number(), Some(origin), lang),
        None => score(None, None, lang),
    }
}

/// The id of the data map's section, which the printed report draws as a chart too.
pub const MAP_SECTION: &str = "report-map";

/// The data map as a table: each scored dataset, in the roadmap's order, with its quarter.
fn map_section(p: &Project, lang: Lang) -> ReportSection {
    let t = |key: Key| key.text(lang);
    let rows = p
        .roadmap_order()
        .into_iter()
        .filter_map(|d| {
            let place = d.map_place()?;
            Some(vec![
                text(&d.name),
                score(Some(place.value), None, lang),
                score(Some(place.availability), Some(place.origin), lang),
                Cell::Text(t(place.quadrant().label()).into()),
            ])
        })
        .collect();
    ReportSection {
        id: MAP_SECTION,
        heading: t(Key::DataMapTitle),
        headers: [
            Key::ColWanted,
            Key::ColValue,
            Key::ColAvailability,
            Key::ColQuadrant,
        ]
        .map(t)
        .to_vec(),
        row_header: 0,
        rows,
    }
}

fn roadmap_section(p: &Project, lang: Lang, today: Date) -> ReportSection {
    let t = |key: Key| key.text(lang);
    let rows = p
        .planned_actions()
        .map(|planned| {
            let a = planned.action;
            vec![
                text(&planned.wanted.name),
                Cell::Text(t(a.route.label()).into()),
                text(&a.description),
                text(&a.owner),
                Cell::Date(a.due_date()),
                Cell::Text(a.horizon(today).map_or("—", |h| t(h.label())).into()),
                Cell::Text(t(a.status.label()).into()),
                text(&a.next_step),
            ]
        })
        .collect();
    ReportSection {
        id: "report-roadmap",
        heading: t(Key::ReportRoadmap),
        headers: [
            Key::ColWanted,
            Key::ColRoute,
            Key::ColAction,
            Key::ColOwner,
            Key::ColDue,
            Key::ColHorizon,
            Key::ColStatus,
            Key::ColNextStep,
        ]
        .map(t)
        .to_vec(),
        row_header: 0,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    use crate::model::{RoadmapAction, Route, WantedDataset};

    #[test]
    fn every_row_has_a_cell_per_header_and_empty_text_reads_as_a_dash() {
        let mut project = Project::new(Uuid::from_u128(1), "", 0);
        let mut dataset = WantedDataset::new(Uuid::from_u128(2));
        dataset.actions.push(RoadmapAction {
            due: "2026-03-31".into(),
            ..RoadmapAction::new(Uuid::from_u128(3), Route::Buy)
        });
        project.add_wanted(dataset);
        let today = Date::from_calendar_date(2026, time::Month::March, 1).unwrap();
        let report = project_report(&project, Lang::Fr, today);
        assert_eq!(report.title, "Projet sans nom");
        assert_eq!(report.progress[0], "Liste des données recherchées : 0 / 1");
        for section in &report.sections {
            for row in &section.rows {
                assert_eq!(row.len(), section.headers.len(), "{}", section.id);
            }
        }
        let roadmap = &report.sections[3].rows[0];
        assert_eq!(roadmap[0], Cell::Text("—".into()));
        assert_eq!(
            roadmap[4],
            Cell::Date(Some(
                Date::from_calendar_date(2026, time::Month::March, 31).unwrap()
            ))
        );
        assert_eq!(
            roadmap[5],
            Cell::Text("Maintenant".into()),
            "due within a month"
        );
        assert!(report.sections[1].rows.is_empty());
        assert!(
            report.sections[2].rows.is_empty(),
            "nothing scored, nothing on the map"
        );
    }
}
