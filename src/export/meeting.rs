//! A producer's meeting sheet as Markdown: the agenda of requests, dataset by dataset, the
//! improvements to ask for, and room for the producer's answers.

use std::fmt::Write;

use super::markdown::escape;
use super::ExportFile;
use crate::i18n::{Key, Label, Lang};
use crate::model::Producer;

pub fn meeting_sheet_markdown(producer: &Producer, lang: Lang, date: &str) -> String {
    let mut out = String::new();
    let title = Key::MeetingSheetTitle.fill(lang, &[("producer", producer.display_name())]);
    // `write!` to a String cannot fail.
    let _ = writeln!(out, "# {}\n", escape(&title));
    let _ = writeln!(
        out,
        "{}\n",
        Key::ReportGenerated.fill(lang, &[("date", date)])
    );
    let counts = Key::ProducerCounts.fill(
        lang,
        &[
            ("requests", &producer.requests.len().to_string()),
            ("projects", &producer.project_count().to_string()),
        ],
    );
    let _ = writeln!(out, "{counts}\n");
    for item in producer.agenda() {
        let _ = writeln!(out, "## {}\n", escape(item.dataset));
        let projects = item
            .requests
            .iter()
            .map(|r| escape(&r.project_name))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "- {}",
            Key::MeetingRequestedBy.fill(lang, &[("projects", &projects)])
        );
        let problems = item.problems();
        let _ = writeln!(out, "- {}", Key::ImprovementsTitle.text(lang));
        if problems.is_empty() {
            let _ = writeln!(out, "  - {}", Key::NoImprovement.text(lang));
        }
        for problem in problems {
            let _ = writeln!(out, "  - {}", problem.label().text(lang));
        }
        let _ = writeln!(out, "- {}\n", Key::MeetingAnswer.text(lang));
    }
    out
}

/// The sheet as a Markdown file, named after the producer and the day.
pub fn meeting_sheet_file(producer: &Producer, lang: Lang, today: &str) -> ExportFile {
    ExportFile {
        name: format!("meeting-{}-{today}.md", producer.key.replace(' ', "-")),
        mime: "text/markdown;charset=utf-8",
        bytes: meeting_sheet_markdown(producer, lang, today).into_bytes(),
    }
}
