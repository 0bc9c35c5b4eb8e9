//! Typed reading of a document that says where a wrong value stands
//! (`projects[0].wanted[2].value`), for the import and load messages.
//!
//! serde_json stops at the byte where a value does not fit; scanning the text up to there
//! tells which keys and indices lead to it. Reading always goes through text, so each
//! document type has one deserialiser in the wasm (a path-tracking wrapper around a second,
//! `Value`-based one cost about 9 % of the code).

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::LoadError;

/// Reads a parsed (and migrated) document as `T`.
pub(super) fn read_typed<T: DeserializeOwned>(value: &Value) -> Result<T, LoadError> {
    let text = value.to_string();
    serde_json::from_str(&text).map_err(|error| {
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = error.to_string();
        let object_closed = message.starts_with("missing field");
        LoadError::Invalid {
            path: path_at(&text, error.column(), object_closed),
            detail: message
                .strip_suffix(&position)
                .unwrap_or(&message)
                .to_string(),
        }
    })
}

enum Frame {
    /// An object, and the key whose value is being read (none between a `{` or `,` and a key).
    Object(Option<String>),
    /// An array, and the index of the element being read.
    Array(usize),
}

/// The path of the value being read after the first `read` bytes of compact JSON `text`.
/// serde_json may count one byte past the value it refuses (a `,` `}` or `]` it looked at to
/// end a number, or to report a refusal from a type's own `Deserialize`): that byte is not
/// taken as leaving the value, unless `object_closed` — a missing field is reported once
/// the object's `}` is read, and the path is the object's.
fn path_at(text: &str, read: usize, object_closed: bool) -> String {
    let bytes = &text.as_bytes()[..read.min(text.len())];
    let mut frames: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < bytes.len() {
        let last = i + 1 == bytes.len();
        match bytes[i] {
            b'}' if last && object_closed => {
                if let Some(Frame::Object(key)) = frames.last_mut() {
                    *key = None;
                }
            }
            // Only looked at, to end the value before it.
            b'}' | b']' | b',' if last => {}
            b'{' => {
                frames.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => frames.push(Frame::Array(0)),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    let raw = text
                        .get(start..(i + 1).min(bytes.len()))
                        .unwrap_or_default();
                    if let Some(Frame::Object(key)) = frames.last_mut() {
                        *key = Some(serde_json::from_str(raw).unwrap_or_else(|_| raw.to_string()));
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        level: u8,
        tags: Vec<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Open,
        Closed,
    }

    fn error_of(json: &str) -> (String, String) {
        let value: Value = serde_json::from_str(json).unwrap();
        match read_typed::<Doc>(&value) {
            Err(LoadError::Invalid { path, detail }) => (path, detail),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_wrong_value_is_located_by_keys_and_indices() {
        let (path, detail) = error_of(
            r#"{"items":[{"name":"a","level":1,"tags":[]},{"name":"b","level":300,"tags":[]}]}"#,
        );
        assert_eq!(path, "items[1].level");
        assert!(
            detail.starts_with("invalid value: integer `300`"),
            "{detail}"
        );
        assert!(!detail.contains("column"), "{detail}");
    }

    #[test]
    fn an_unknown_variant_deep_in_arrays_is_located() {
        let (path, detail) =
            error_of(r#"{"items":[{"name":"a, \"b\" [c]","level":1,"tags":["open","ajar"]}]}"#);
        assert_eq!(path, "items[0].tags[1]");
        assert!(detail.starts_with("unknown variant `ajar`"), "{detail}");
    }

    #[test]
    fn a_missing_field_is_located_at_its_object() {
        let (path, detail) = error_of(r#"{"items":[{"name":"a","tags":[]}]}"#);
        assert_eq!(path, "items[0]");
        assert_eq!(detail, "missing field `level`");
    }

    #[test]
    fn text_beyond_ascii_before_the_error_does_not_shift_the_path() {
        let (path, _) = error_of(
            r#"{"items":[{"name":"Qualité de l’air — “été”","level":1,"tags":[]},{"name":"b","level":"x","tags":[]}]}"#,
        );
        assert_eq!(path, "items[1].level");
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_position_give_a_path_without_panicking(text in ".{0,40}", read in 0usize..60) {
            path_at(&text, read, read % 2 == 0);
        }
    }

    #[test]
    fn keys_with_escapes_are_decoded() {
        let (path, _) = error_of(r#"{"items":[{"name":"x","level":1,"tags":[],"é\"":1}]}"#);
        assert_eq!(path, "items[0].é\"");
    }

    #[test]
    fn a_refusal_one_byte_late_stays_on_its_value() {
        // serde_json reads one byte past a number; `Kind`'s refusal here comes from serde's
        // derive, a field's own `Deserialize` refuses the same way.
        let (path, _) = error_of(r#"{"items":[{"name":"a","tags":[],"level":300}]}"#);
        assert_eq!(path, "items[0].level");
        assert_eq!(path_at(r#"{"a":[{"b":9},"#, 13, false), "a[0].b");
        assert_eq!(path_at(r#"{"a":[{"b":9}"#, 13, false), "a[0].b");
        assert_eq!(path_at(r#"{"a":[1,"#, 8, false), "a[0]");
    }

    #[test]
    fn a_container_of_the_wrong_kind_is_located_where_it_stands() {
        let (path, detail) = error_of(r#"{"items":[{"name":"a","level":1,"tags":{}}]}"#);
        assert_eq!(path, "items[0].tags");
        assert!(detail.starts_with("invalid type: map"), "{detail}");
        let (path, _) = error_of(r#""just text""#);
        assert_eq!(path, "");
    }

    #[test]
    fn a_fitting_document_is_read() {
        let value = serde_json::json!({"items": [{"name": "a", "level": 2, "tags": ["closed"]}]});
        let doc: Doc = read_typed(&value).unwrap();
        assert_eq!(doc.items[0].level, 2);
    }
}
