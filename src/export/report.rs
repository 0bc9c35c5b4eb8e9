//! The project report as data: what the printed report and the Markdown file both show,
//! built once here so the two cannot drift apart. Each renders the cells its own way (a
//! coloured verdict badge and a local date on screen, words and ISO dates in Markdown).

use time::Date;

use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{Phase, Project, Verdict};

/// Everything the report says about a project.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The project's name, or "Untitled project".
    pub title: String,
    /// Label and value of each profile field; a dash for an empty one.
    pub profile: Vec<(&'static str, String)>,
    /// One line per phase: "Phase: done / total".
    pub progress: Vec<String>,
    /// The Wanted Data List, the evaluations, the roadmap.
    pub sections: Vec<ReportSection>,
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

pub fn project_report(p: &Project, lang: Lang) -> Report {
    let t = |key: Key| key.text(lang);
    let profile = vec![
        (t(Key::Holder), or_dash(&p.holder).to_string()),
        (t(Key::DomainLabel), t(p.domain.label()).to_string()),
        (
            t(Key::ShortDescription),
            or_dash(&p.description).to_string(),
        ),
        (t(Key::Objectives), or_dash(&p.objectives).to_string()),
    ];
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
            roadmap_section(p, lang),
        ],
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
                Cell::Text(t(d.priority.label()).into()),
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
            Key::ColPriority,
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

fn roadmap_section(p: &Project, lang: Lang) -> ReportSection {
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
        let report = project_report(&project, Lang::Fr);
        assert_eq!(report.title, "Projet sans nom");
        assert_eq!(report.progress[0], "Liste des données recherchées : 0 / 1");
        for section in &report.sections {
            for row in &section.rows {
                assert_eq!(row.len(), section.headers.len(), "{}", section.id);
            }
        }
        let roadmap = &report.sections[2].rows[0];
        assert_eq!(roadmap[0], Cell::Text("—".into()));
        assert_eq!(
            roadmap[4],
            Cell::Date(Some(
                Date::from_calendar_date(2026, time::Month::March, 31).unwrap()
            ))
        );
        assert!(report.sections[1].rows.is_empty());
    }
}
