//! A workshop's exports: the cohort dashboard as CSV, and the whole workshop (with its
//! projects) as one JSON file another facilitator imports.

use uuid::Uuid;

use super::tables::table;
use super::{file_stem, ExportFile};
use crate::i18n::{Key, Label, Lang};
use crate::model::{Choice, CohortRow, Horizon, Phase, Quadrant, Workspace};

pub fn cohort_csv(rows: &[CohortRow], lang: Lang, date_of: impl Fn(i64) -> String) -> Vec<u8> {
    let t = |key: Key| key.text(lang);
    let mut headers = vec![Key::ColProject, Key::ColHolder, Key::ColDomain];
    headers.extend(Phase::ALL.map(|p| p.label()));
    headers.extend(Quadrant::ALL.map(|q| q.label()));
    headers.push(Key::Unplaced);
    headers.extend(Horizon::ALL.iter().map(|h| h.label()));
    headers.extend([
        Key::ColOverdue,
        Key::ColLastChange,
        Key::ColFlagship,
        Key::FlagshipReasonColumn,
        Key::ColAnswers,
    ]);
    let lines = rows.iter().map(|row| {
        let mut cells = vec![
            row.name.clone(),
            row.holder.clone(),
            t(row.domain.label()).to_string(),
        ];
        cells.extend(
            row.progress
                .iter()
                .map(|p| Key::Percent.fill(lang, &[("n", &p.percent().to_string())])),
        );
        cells.extend(row.quadrants.iter().map(usize::to_string));
        cells.push(row.unplaced.to_string());
        cells.extend(row.horizons.iter().map(usize::to_string));
        cells.push(row.overdue.to_string());
        cells.push(date_of(row.updated_at));
        cells.push(if row.flagship { t(Key::Yes) } else { "" }.to_string());
        cells.push(row.flagship_reason.clone());
        cells.push(answers_text(row, lang));
        cells
    });
    table(lang, &headers, lines)
}

/// "will open: 2, refused: 1", or empty.
pub fn answers_text(row: &CohortRow, lang: Lang) -> String {
    row.answers
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(answer, n)| {
            Key::AnswerCount.fill(
                lang,
                &[
                    ("answer", answer.label().text(lang)),
                    ("count", &n.to_string()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The workshop and the projects of it held here, as one file.
pub fn workshop_file(workspace: &Workspace, id: Uuid, today: &str, now: i64) -> Option<ExportFile> {
    let workshop = workspace.workshop(id)?;
    let document = Workspace {
        projects: workspace
            .workshop_projects(id)
            .into_iter()
            .cloned()
            .collect(),
        workshops: vec![workshop.clone()],
    };
    Some(ExportFile {
        name: format!("{}.json", file_stem(&workshop.name, today)),
        mime: "application/json",
        bytes: document.to_export_json(now).into_bytes(),
    })
}
