//! The letter that asks a producer to open a wanted dataset (an action whose route is
//! "request its opening"), as plain text in the language chosen for it.
//!
//! In French it invokes the Code des relations entre le public et l'administration (CRPA),
//! as summarised here (Légifrance has the text in force):
//! - L300-2: documents produced or received by the State, local authorities and other bodies
//!   with a public-service mission, in that mission, are administrative documents whatever
//!   their form or medium; statistics, databases and source code included.
//! - L311-1: those bodies must communicate the administrative documents they hold to anyone
//!   who asks for them (exceptions in L311-5 and L311-6).
//! - L311-9: access is given, as the requester chooses and as far as technically possible,
//!   by consultation, by a copy, or by e-mail free of charge when the document exists in
//!   electronic form.
//! - L312-1-1: administrations of 50 agents or more publish online, in an open and easily
//!   reusable format, the documents they communicated and their databases.
//! - L321-1: public information in those documents may be reused freely by anyone, for
//!   purposes other than the public-service mission it was produced for.
//! - R311-13: silence kept for one month after the request is received is a refusal.
//! - R343-1: the requester has two months from that refusal to refer it to the CADA.
//!
//! In English (producers outside France) it invokes Directive (EU) 2019/1024's principles:
//! Article 3 (documents accessible under national law are re-usable), Article 5 (open,
//! machine-readable formats where possible). Article 1 says the directive builds on national
//! access regimes and is without prejudice to them: it grants no right of access, so the
//! letter asks and claims nothing.

use super::{file_stem, ExportFile};
use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{Format, Project, WantedDataset};

/// What a letter needs that the project does not say yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterGap {
    Holder,
    Producer,
    Use,
}

impl LetterGap {
    pub fn label(self) -> Key {
        match self {
            LetterGap::Holder => Key::LetterMissingHolder,
            LetterGap::Producer => Key::LetterMissingProducer,
            LetterGap::Use => Key::LetterMissingUse,
        }
    }
}

/// The fields the letter is written from, missing ones listed first.
pub fn letter_gaps(project: &Project, wanted: &WantedDataset) -> Vec<LetterGap> {
    let blank = |text: &str| text.trim().is_empty();
    [
        (blank(&project.holder), LetterGap::Holder),
        (blank(&wanted.producer), LetterGap::Producer),
        (blank(&wanted.use_case), LetterGap::Use),
    ]
    .into_iter()
    .filter_map(|(missing, gap)| missing.then_some(gap))
    .collect()
}

/// The letter's text: paragraphs separated by a blank line. `date` is today's date as the
/// letter shows it (formatted by the caller, in `lang`). Blank fields become bracketed
/// placeholders, so the letter always reads whole and the gap is visible.
pub fn request_letter(project: &Project, wanted: &WantedDataset, lang: Lang, date: &str) -> String {
    let or = |text: &str, placeholder: Key| match text.trim() {
        "" => placeholder.text(lang).to_string(),
        text => text.to_string(),
    };
    let holder = or(&project.holder, Key::LetterPlaceholderHolder);
    let producer = or(&wanted.producer, Key::LetterPlaceholderProducer);
    let project_name = project.display_name(lang);
    let wanted_name = wanted.display_name(lang);
    let format = match wanted.preferred_format {
        Format::Any => Key::LetterAnyFormat.text(lang).to_string(),
        format => format.label().text(lang).to_string(),
    };
    let mut need = Key::LetterNeed.fill(
        lang,
        &[
            ("project", &project_name),
            ("holder", &holder),
            ("wanted", &wanted_name),
        ],
    );
    let description = sentence(&wanted.description);
    if !description.is_empty() {
        need.push(' ');
        need.push_str(&Key::LetterDescription.fill(lang, &[("description", &description)]));
    }
    let mut paragraphs = vec![
        format!("{holder}\n{project_name}"),
        Key::LetterRecipient.fill(lang, &[("producer", &producer)]),
        Key::LetterDate.fill(lang, &[("date", date)]),
        Key::LetterSubject.fill(lang, &[("wanted", &wanted_name)]),
        Key::LetterGreeting.text(lang).to_string(),
        need,
    ];
    let use_case = sentence(&wanted.use_case);
    if !use_case.is_empty() {
        paragraphs.push(Key::LetterUse.fill(lang, &[("use", &use_case)]));
    }
    paragraphs.extend([
        Key::LetterBasis.text(lang).to_string(),
        Key::LetterAsk.fill(lang, &[("format", &format)]),
        Key::LetterAfter.text(lang).to_string(),
        Key::LetterClosing.text(lang).to_string(),
        holder,
    ]);
    paragraphs.join("\n\n")
}

/// Text typed as a phrase, ended as a sentence of the letter.
fn sentence(text: &str) -> String {
    let text = text.trim();
    match text.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?' | '…' | ')' | '»' | '"' | '”') => text.to_string(),
        Some(_) => format!("{text}."),
    }
}

/// The letter as a text file, named after the project and the day.
pub fn letter_file(project: &Project, text: &str, today: &str) -> ExportFile {
    ExportFile {
        name: format!("{}-request.txt", file_stem(&project.name, today)),
        mime: "text/plain;charset=utf-8",
        bytes: text.as_bytes().to_vec(),
    }
}
