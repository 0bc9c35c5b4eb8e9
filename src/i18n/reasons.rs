//! Sentences that explain why something could not be read: stored data, an imported file,
//! a share link. Kept here, away from the components, so native tests check every case.

use super::{Key, Lang};
use crate::export::ShareError;
use crate::model::{ImportError, LoadError, SCHEMA_VERSION};

/// Why a text is not a workspace, as a clause ("it is not valid JSON (line 2, column 12)").
pub fn load_error_reason(error: &LoadError, lang: Lang) -> String {
    let at =
        |line: &usize, column: &usize| [("line", line.to_string()), ("column", column.to_string())];
    match error {
        LoadError::Syntax { line, column } => {
            let [l, c] = at(line, column);
            Key::ReasonSyntax.fill(lang, &[(l.0, &l.1), (c.0, &c.1)])
        }
        LoadError::CutShort { line, column } => {
            let [l, c] = at(line, column);
            Key::ReasonCutShort.fill(lang, &[(l.0, &l.1), (c.0, &c.1)])
        }
        LoadError::NotAWorkspace => Key::ReasonNotOurs.text(lang).to_string(),
        LoadError::TooNew { found } => Key::ReasonTooNew.fill(
            lang,
            &[
                ("found", &found.to_string()),
                ("supported", &SCHEMA_VERSION.to_string()),
            ],
        ),
        LoadError::Invalid { path, detail } if path.is_empty() || path == "." => {
            Key::ReasonInvalid.fill(lang, &[("detail", &shortened(detail))])
        }
        LoadError::Invalid { path, detail } => Key::ReasonInvalidAt.fill(
            lang,
            &[("path", &shortened(path)), ("detail", &shortened(detail))],
        ),
    }
}

/// Serde quotes the offending value, which a hostile file can make megabytes long.
fn shortened(text: &str) -> String {
    const MAX: usize = 160;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// What is wrong with an imported file, as a full sentence.
pub fn import_error_message(error: &ImportError, lang: Lang) -> String {
    match error {
        ImportError::Empty => Key::ImportEmpty.text(lang).to_string(),
        ImportError::TooLarge { size, limit } => Key::ImportTooLarge.fill(
            lang,
            &[
                ("size", &megabytes(*size, lang)),
                ("limit", &megabytes(*limit, lang)),
            ],
        ),
        ImportError::Unreadable(error) => {
            Key::ImportUnreadable.fill(lang, &[("reason", &load_error_reason(error, lang))])
        }
        ImportError::NoProjects => Key::ImportNoProjects.text(lang).to_string(),
        ImportError::DuplicateId { path } => Key::ImportDuplicateId.fill(lang, &[("path", path)]),
        ImportError::TooManyProjects { count, limit } => Key::ImportTooManyProjects.fill(
            lang,
            &[("count", &count.to_string()), ("limit", &limit.to_string())],
        ),
        ImportError::TooManyWanted { path, count, limit } => Key::ImportTooManyWanted.fill(
            lang,
            &[
                ("path", path),
                ("count", &count.to_string()),
                ("limit", &limit.to_string()),
            ],
        ),
    }
}

/// What is wrong with a share link, as a full sentence.
pub fn share_error_message(error: &ShareError, lang: Lang) -> String {
    match error {
        ShareError::TooLarge { length, limit } => Key::ShareTooLarge.fill(
            lang,
            &[
                ("length", &length.to_string()),
                ("limit", &limit.to_string()),
            ],
        ),
        ShareError::Damaged => Key::ShareDamaged.text(lang).to_string(),
        ShareError::Unreadable(error) => import_error_message(error, lang),
    }
}

/// `8388608` → `8 MB` / `8 Mo`, one decimal below 10.
pub fn megabytes(bytes: usize, lang: Lang) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let number = if mb < 10.0 {
        format!("{mb:.1}")
    } else {
        format!("{mb:.0}")
    };
    let number = number.replace('.', Key::DecimalSeparator.text(lang));
    Key::Megabytes.fill(lang, &[("number", &number)])
}
