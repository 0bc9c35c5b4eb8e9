//! Long lists built a screenful first, the rest a batch per frame.
//!
//! A row of the Wanted Data List costs about 0.7 ms to build (Leptos creates its elements and
//! effects one at a time), so a 500-row list showed nothing for 450 ms. Here the first rows
//! are built at once and the others a batch per animation frame, with a paint between
//! batches: the page is there and usable at once, and every row follows within about half a
//! second (before the user has scrolled past the first screen).

use leptos::prelude::*;
use uuid::Uuid;

/// Rows built with the page: more than a tall screen holds.
const FIRST: usize = 20;
/// Rows built per frame after that: about 30 ms of work, so typing stays responsive.
const BATCH: usize = 40;

/// The prefix of `order` built so far; it grows to the whole list, then follows it.
pub fn progressively(order: Memo<Vec<Uuid>>) -> Signal<Vec<Uuid>> {
    let shown = RwSignal::new(FIRST);
    grow(shown, order);
    Signal::derive(move || {
        let count = shown.get();
        order.with(|ids| ids.iter().take(count).copied().collect())
    })
}

/// Shows the next batch once the current rows are painted, until every row is there; stops
/// quietly when the page has gone (its signals are disposed).
fn grow(shown: RwSignal<usize>, order: Memo<Vec<Uuid>>) {
    crate::browser::after_next_paint(move || {
        let (Some(count), Some(len)) = (
            shown.try_get_untracked(),
            order.try_with_untracked(Vec::len),
        ) else {
            return;
        };
        if count >= len {
            // From now on rows added by the user show at once.
            shown.try_set(usize::MAX);
        } else {
            shown.try_set(count + BATCH);
            grow(shown, order);
        }
    });
}
