//! The project report as Markdown: the printable report's content, for a wiki, an e-mail or
//! a repository. User text is escaped so that it reads as typed and never becomes markup
//! (a link, an image, raw HTML) in whatever renders the file.

use std::fmt::Write;

use super::report::{or_dash, project_report, Cell};
use super::verdict_text;
use crate::i18n::{Key, Lang};
use crate::model::{parse_date, Project};
use time::Date;

pub fn project_markdown(p: &Project, lang: Lang, today: &str) -> String {
    let report = project_report(p, lang, parse_date(today).unwrap_or(Date::MIN));
    let mut out = String::new();
    // `write!` to a String cannot fail.
    let _ = writeln!(out, "# {}\n", cell(&report.title));
    let _ = writeln!(
        out,
        "{}\n",
        Key::ReportGenerated.fill(lang, &[("date", today)])
    );

    let _ = writeln!(out, "## {}\n", Key::ReportProfile.text(lang));
    for (label, value) in &report.profile {
        let line = Key::LabelValue.fill(
            lang,
            &[("label", &format!("**{label}**")), ("value", &cell(value))],
        );
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
    for line in &report.progress {
        let _ = writeln!(out, "- {line}");
    }

    for section in &report.sections {
        let _ = writeln!(out, "\n## {}\n", section.heading);
        if section.rows.is_empty() {
            let _ = writeln!(out, "{}", Key::NoneYet.text(lang));
            continue;
        }
        let _ = writeln!(out, "| {} |", section.headers.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(section.headers.len()));
        for row in &section.rows {
            let cells: Vec<String> = row.iter().map(|c| cell_text(c, lang)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }
    out
}

fn cell_text(value: &Cell, lang: Lang) -> String {
    match value {
        Cell::Text(text) => cell(text),
        Cell::Verdict(verdict) => verdict_text(*verdict, lang).to_string(),
        Cell::Date(Some(date)) => date.to_string(),
        Cell::Date(None) => "—".to_string(),
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
pub(super) fn escape(text: &str) -> String {
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
