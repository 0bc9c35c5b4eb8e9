//! The project report as Markdown: the printable report's content, for a wiki, an e-mail or
//! a repository. User text is escaped so that it reads as typed and never becomes markup
//! (a link, an image, raw HTML) in whatever renders the file.

use std::fmt::Write;

use super::{or_dash, verdict_text};
use crate::i18n::{Key, Label, Lang};
use crate::model::{Phase, Project};

pub fn project_markdown(p: &Project, lang: Lang, today: &str) -> String {
    let t = |key: Key| key.text(lang);
    let mut out = String::new();
    let title = if p.name.trim().is_empty() {
        t(Key::UntitledProject).to_string()
    } else {
        cell(&p.name)
    };
    // `write!` to a String cannot fail.
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(
        out,
        "{}\n",
        Key::ReportGenerated.fill(lang, &[("date", today)])
    );

    let _ = writeln!(out, "## {}\n", t(Key::ReportProfile));
    for (key, value) in [
        (Key::Holder, p.holder.as_str()),
        (Key::DomainLabel, t(p.domain.label())),
        (Key::ShortDescription, p.description.as_str()),
        (Key::Objectives, p.objectives.as_str()),
    ] {
        let _ = writeln!(out, "- **{}**: {}", t(key), cell(value));
    }
    out.push('\n');
    for phase in Phase::ALL {
        let progress = p.progress(phase);
        let _ = writeln!(
            out,
            "- {}: {} / {}",
            t(phase.label()),
            progress.done,
            progress.total
        );
    }

    let _ = writeln!(out, "\n## {}\n", t(Key::PhaseWantedList));
    let rows: Vec<Vec<String>> = p
        .wanted
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let flags: Vec<&str> = d.flags.iter().map(|f| t(f.label())).collect();
            vec![
                (i + 1).to_string(),
                cell(&d.name),
                cell(&d.use_case),
                t(d.priority.label()).into(),
                t(d.status.label()).into(),
                cell(&flags.join(", ")),
            ]
        })
        .collect();
    let headers = [
        "#",
        t(Key::ColWanted),
        t(Key::ColUseCase),
        t(Key::ColPriority),
        t(Key::ColStatus),
        t(Key::ColFlags),
    ];
    table(&mut out, &headers, &rows, lang);

    let _ = writeln!(out, "\n## {}\n", t(Key::ReportEvaluations));
    let rows: Vec<Vec<String>> = p
        .wanted
        .iter()
        .flat_map(|d| {
            d.assessments().map(move |(s, a)| {
                let reason = s.override_reason(a.overridden);
                let title = if s.title.trim().is_empty() {
                    t(Key::UntitledSource).to_string()
                } else {
                    cell(&s.title)
                };
                vec![
                    cell(&d.name),
                    title,
                    format!("{}/100", a.score),
                    verdict_text(a.verdict, lang).into(),
                    cell(reason),
                ]
            })
        })
        .collect();
    let headers = [
        t(Key::ColWanted),
        t(Key::ColSource),
        t(Key::ColScore),
        t(Key::ColVerdict),
        t(Key::ColOverride),
    ];
    table(&mut out, &headers, &rows, lang);

    let _ = writeln!(out, "\n## {}\n", t(Key::ReportRoadmap));
    let rows: Vec<Vec<String>> = p
        .planned_actions()
        .map(|planned| {
            let a = planned.action;
            vec![
                cell(&planned.wanted.name),
                t(a.route.label()).into(),
                cell(&a.description),
                cell(&a.owner),
                cell(&a.due),
                t(a.status.label()).into(),
                cell(&a.next_step),
            ]
        })
        .collect();
    let headers = [
        t(Key::ColWanted),
        t(Key::ColRoute),
        t(Key::ColAction),
        t(Key::ColOwner),
        t(Key::ColDue),
        t(Key::ColStatus),
        t(Key::ColNextStep),
    ];
    table(&mut out, &headers, &rows, lang);
    out
}

fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>], lang: Lang) {
    if rows.is_empty() {
        let _ = writeln!(out, "{}", Key::NoneYet.text(lang));
        return;
    }
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
}

/// User text for one line or table cell: escaped, line breaks folded, a dash when empty.
fn cell(text: &str) -> String {
    let folded: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    escape(or_dash(&folded.join(" ")))
}

/// Backslash-escapes every character Markdown could read as markup (CommonMark allows a
/// backslash before any ASCII punctuation, and renders it as the character alone).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '|'
                | '#'
                | '!'
                | '~'
                | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
