//! Each language's strings in a download of its own: a first visit fetches only the language
//! it shows, the other comes when someone switches (the service worker keeps both offline).
//! The split build (`scripts/split-wasm.mjs`) moves each loader below, with its strings, into
//! `split_strings_<lang>.wasm`; builds without the `split` feature (tests) have them all.
//!
//! `index.html` fetches and compiles the browser's language's module while the main wasm
//! downloads (the language picked as `Lang::negotiate` picks it), and the split's loader
//! takes it from there: otherwise the strings would wait for the wasm to ask for them, a
//! round trip on a slow link and a compile behind the main module's. A language chosen in
//! the app is not looked up there (a returning visitor's files come from the service
//! worker). The build checks that its list of languages is the list of
//! `split_strings_*.wasm` files (`scripts/split-wasm.mjs`).

use super::strings::ROWS;
use super::Lang;
use crate::components::NotLoaded;

/// One language's strings end to end, and where each ends: two bytes per string instead of
/// a pointer and a length (eight bytes that do not compress).
#[derive(Clone, Copy)]
pub struct Pack {
    bytes: &'static [u8],
    ends: &'static [u16],
}

impl Pack {
    fn text(self, key: usize) -> &'static str {
        let start = key.checked_sub(1).map_or(0, |prev| self.ends[prev]);
        let bytes = &self.bytes[usize::from(start)..usize::from(self.ends[key])];
        // Whole strings, copied by `Built::new`: always UTF-8 (every key is read by the tests).
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

/// A language's pack as the compiler writes it, in the static of that language's loader.
struct Built<const BYTES: usize, const KEYS: usize> {
    bytes: [u8; BYTES],
    ends: [u16; KEYS],
}

/// The length of all of a language's texts together.
const fn pack_len(lang: Lang) -> usize {
    let mut total = 0;
    let mut row = 0;
    while row < ROWS.len() {
        total += ROWS[row][lang as usize].len();
        row += 1;
    }
    total
}

impl<const BYTES: usize, const KEYS: usize> Built<BYTES, KEYS> {
    const fn new(lang: Lang) -> Self {
        let mut built = Built {
            bytes: [0; BYTES],
            ends: [0; KEYS],
        };
        let mut at = 0;
        let mut row = 0;
        while row < KEYS {
            let text = ROWS[row][lang as usize].as_bytes();
            let mut i = 0;
            while i < text.len() {
                built.bytes[at] = text[i];
                at += 1;
                i += 1;
            }
            assert!(
                at <= u16::MAX as usize,
                "a language's strings outgrew u16 offsets"
            );
            built.ends[row] = at as u16;
            row += 1;
        }
        built
    }

    fn pack(&'static self) -> Pack {
        Pack {
            bytes: &self.bytes,
            ends: &self.ends,
        }
    }
}

/// Declares each language's loader: a function of its own, so that the split build can give
/// each language its own download.
macro_rules! loaders {
    ($($lang:ident => $loader:ident, $group:ident;)+) => {
        $(
            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split(
                    $group,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible
                )
            )]
            fn $loader() -> Result<Pack, NotLoaded> {
                static BUILT: Built<{ pack_len(Lang::$lang) }, { ROWS.len() }> =
                    Built::new(Lang::$lang);
                Ok(BUILT.pack())
            }
        )+

        /// The pack of `lang`, downloaded.
        #[cfg(feature = "split")]
        async fn fetch(lang: Lang) -> Result<Pack, NotLoaded> {
            match lang {
                $(Lang::$lang => $loader().await,)+
            }
        }

        /// The pack of `lang`, linked in.
        #[cfg(not(feature = "split"))]
        fn built_in(lang: Lang) -> Option<Pack> {
            match lang {
                $(Lang::$lang => $loader().ok(),)+
            }
        }
    };
}

// Adding a language: a line here too (the group names the file: `split_strings_<tag>.wasm`).
loaders! {
    Fr => french, strings_fr;
    En => english, strings_en;
}

/// The packs downloaded so far, by language.
#[cfg(feature = "split")]
static LOADED: [std::sync::OnceLock<Pack>; Lang::COUNT] =
    [const { std::sync::OnceLock::new() }; Lang::COUNT];

/// The pack to read `lang` from. The app shows a language only once [`load`] has brought
/// it; should that ever be skipped, a language already there is better than blank labels.
fn pack(lang: Lang) -> Option<Pack> {
    #[cfg(feature = "split")]
    {
        LOADED[lang as usize]
            .get()
            .or_else(|| LOADED.iter().find_map(|loaded| loaded.get()))
            .copied()
    }
    #[cfg(not(feature = "split"))]
    {
        built_in(lang)
    }
}

pub(super) fn text(key: usize, lang: Lang) -> &'static str {
    pack(lang).map_or("", |pack| pack.text(key))
}

/// Brings `lang`'s strings, once: to await before anything is shown in `lang`.
pub async fn load(lang: Lang) -> Result<(), NotLoaded> {
    #[cfg(feature = "split")]
    if LOADED[lang as usize].get().is_none() {
        let pack = fetch(lang).await?;
        let _ = LOADED[lang as usize].set(pack);
    }
    #[cfg(not(feature = "split"))]
    let _ = lang;
    Ok(())
}

/// Brings every language's strings: for a page that writes in a language of its own (the
/// request letter is in the producer's language, not the screen's).
pub async fn load_all() -> Result<(), NotLoaded> {
    for lang in Lang::ALL {
        load(lang).await?;
    }
    Ok(())
}

/// What the page says when its language's strings cannot be downloaded, so before any pack
/// is there: the only texts of the first download, in every language.
pub struct StartFailure {
    pub message: &'static str,
    pub reload: &'static str,
}

pub fn start_failure(lang: Lang) -> StartFailure {
    match lang {
        Lang::Fr => StartFailure {
            message: "Data Roadmap n'a pas pu finir de se charger. Vérifiez la connexion, puis rechargez la page.",
            reload: "Recharger la page",
        },
        Lang::En => StartFailure {
            message: "Data Roadmap could not finish loading. Check the connection, then reload the page.",
            reload: "Reload the page",
        },
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;

    use super::*;

    #[test]
    fn each_language_is_packed_on_its_own() {
        for lang in Lang::ALL {
            let pack = built_in(lang).unwrap();
            assert_eq!(pack.bytes.len(), pack_len(lang));
            assert_eq!(pack.ends.len(), ROWS.len());
            for (key, row) in ROWS.iter().enumerate() {
                assert_eq!(text(key, lang), row[lang as usize]);
            }
        }
    }

    #[test]
    fn loading_a_language_needs_no_waiting_when_it_is_linked_in() {
        use std::task::{Context, Poll, Waker};
        let mut cx = Context::from_waker(Waker::noop());
        let polled = std::pin::pin!(load_all()).poll(&mut cx);
        assert!(matches!(polled, Poll::Ready(Ok(()))));
    }

    #[test]
    fn the_start_failure_is_said_in_every_language() {
        for lang in Lang::ALL {
            let failure = start_failure(lang);
            assert!(!failure.message.is_empty() && !failure.reload.is_empty());
        }
        assert!(start_failure(Lang::Fr).message.contains("connexion"));
    }
}
