//! Share links: a project deflated and base64url-encoded into the URL fragment. Browsers
//! never send the fragment to the server, so the project goes only where the link is pasted.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::model::{parse_import, ImportError, Project, Workspace, MAX_IMPORT_BYTES};

/// The fragment is `#share=<data>`.
pub const SHARE_PREFIX: &str = "share=";

/// Longest fragment offered as a link. Browsers accept far more, but mail and chat tools
/// cut or refuse long links; beyond this the app offers the file instead.
pub const MAX_SHARE_FRAGMENT: usize = 16_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The project does not fit in a link of `limit` characters.
    TooLarge { length: usize, limit: usize },
    /// The link was cut or altered: the data is not base64 or does not inflate.
    Damaged,
    /// It inflates, but not to a project this app can import.
    Unreadable(ImportError),
}

/// The fragment (without `#`) that carries `project`'s content, without its snapshots.
pub fn encode_share_link(project: &Project) -> Result<String, ShareError> {
    let json = Workspace {
        projects: vec![project.content()],
        ..Workspace::default()
    }
    .to_json();
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    let fragment = format!("{SHARE_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated));
    if fragment.len() > MAX_SHARE_FRAGMENT {
        return Err(ShareError::TooLarge {
            length: fragment.len(),
            limit: MAX_SHARE_FRAGMENT,
        });
    }
    Ok(fragment)
}

/// Whether a fragment (with or without `#`) is a share link, without reading it.
pub fn is_share_link(fragment: &str) -> bool {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .starts_with(SHARE_PREFIX)
}

/// Reads a fragment (with or without `#`); `None` when it is not a share link at all.
pub fn decode_share_link(fragment: &str) -> Option<Result<Workspace, ShareError>> {
    let data = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(SHARE_PREFIX)?;
    Some(decode(data.trim()))
}

fn decode(data: &str) -> Result<Workspace, ShareError> {
    let deflated = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| ShareError::Damaged)?;
    // The limit stops a small link that inflates to gigabytes.
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_IMPORT_BYTES)
        .map_err(|_| ShareError::Damaged)?;
    let text = String::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    parse_import(&text).map_err(ShareError::Unreadable)
}
