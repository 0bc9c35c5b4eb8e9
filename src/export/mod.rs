//! What leaves the browser as a file or a link: JSON backups (the only format read back),
//! a Markdown report, CSV tables and share links. Pure code over the model, tested natively;
//! the pages only hand the results to `browser::download`.

mod cohort;
mod letter;
mod markdown;
mod meeting;
mod report;
mod share;
mod tables;

pub use cohort::{answers_text, cohort_csv, workshop_file};
pub use letter::{letter_file, letter_gaps, request_letter, LetterGap};
pub use markdown::project_markdown;
pub use meeting::{meeting_sheet_file, meeting_sheet_markdown};
pub use report::{project_report, Cell, Report, ReportSection, MAP_SECTION};
pub use share::{
    decode_share_link, encode_share_link, is_share_link, ShareError, MAX_SHARE_FRAGMENT,
    SHARE_PREFIX,
};
pub use tables::{actions_csv, sources_csv, wanted_csv};

use crate::i18n::{Key, Lang};
use crate::model::{parse_date, Project, Verdict, Workspace};

/// One export: the file's name, media type and content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// The kinds of file a project can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectExport {
    Json,
    Markdown,
    WantedCsv,
    SourcesCsv,
    ActionsCsv,
}

impl ProjectExport {
    pub const ALL: [ProjectExport; 5] = [
        ProjectExport::Json,
        ProjectExport::Markdown,
        ProjectExport::WantedCsv,
        ProjectExport::SourcesCsv,
        ProjectExport::ActionsCsv,
    ];
}

/// Builds one export of `project`. `today` (`YYYY-MM-DD`) dates the file name and the report.
pub fn export_project(
    project: &Project,
    kind: ProjectExport,
    lang: Lang,
    today: &str,
    now: i64,
) -> ExportFile {
    let stem = file_stem(&project.name, today);
    let csv = |suffix: &str, bytes| ExportFile {
        name: format!("{stem}-{suffix}.csv"),
        mime: "text/csv;charset=utf-8",
        bytes,
    };
    match kind {
        ProjectExport::Json => ExportFile {
            name: format!("{stem}.json"),
            mime: "application/json",
            bytes: Workspace {
                projects: vec![project.clone()],
                ..Workspace::default()
            }
            .to_export_json(now)
            .into_bytes(),
        },
        ProjectExport::Markdown => ExportFile {
            name: format!("{stem}.md"),
            mime: "text/markdown;charset=utf-8",
            bytes: project_markdown(project, lang, today).into_bytes(),
        },
        ProjectExport::WantedCsv => {
            csv(Key::FileSuffixWanted.text(lang), wanted_csv(project, lang))
        }
        ProjectExport::SourcesCsv => csv(
            Key::FileSuffixSources.text(lang),
            sources_csv(project, lang),
        ),
        ProjectExport::ActionsCsv => csv(
            Key::FileSuffixRoadmap.text(lang),
            actions_csv(project, lang, parse_date(today).unwrap_or(time::Date::MIN)),
        ),
    }
}

/// The whole workspace as one JSON file.
pub fn export_workspace(workspace: &Workspace, today: &str, now: i64) -> ExportFile {
    ExportFile {
        name: format!("data-roadmap-{today}.json"),
        mime: "application/json",
        bytes: workspace.to_export_json(now).into_bytes(),
    }
}

/// `Mon Projet n°1` on 2026-11-27 → `mon-projet-n-1-2026-11-27`: safe on every file system,
/// still recognisable (accented letters are kept).
pub fn file_stem(name: &str, today: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("data-roadmap-{today}")
    } else {
        format!("{slug}-{today}")
    }
}

fn verdict_text(verdict: Option<Verdict>, lang: Lang) -> &'static str {
    use crate::i18n::Label;
    verdict.map_or(Key::NoVerdict, |v| v.label()).text(lang)
}

#[cfg(test)]
mod tests;
