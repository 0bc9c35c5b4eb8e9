//! The keeper: the code that reads and writes stored projects — serde's readers and writers
//! for every stored type, the migrations, the merges with other tabs, about a quarter of the
//! app — in a module of its own (`components::lazy`). A first visit has nothing stored: its
//! first screen comes without the keeper, which follows phase 1's module once that screen is
//! painted (`app::after_first_screen`). A visit with projects stored waits for it (from the
//! service worker's cache) before showing them.
//!
//! Once here, [`run`] is synchronous, as a save on `pagehide` must be.

use std::cell::Cell;

use uuid::Uuid;

use crate::components::NotLoaded;
use crate::model::layout::KeyKind;
use crate::model::{LoadReport, Replica, SaveError, SyncContext, Synced, Workspace};
use crate::storage::LocalStore;

/// What the keeper is asked to do.
pub enum Job<'a> {
    /// Read everything stored, in place of what the replica and workspace hold.
    Load,
    /// Write what changed: these projects, or every one when `None`.
    Save { changed: Option<&'a [Uuid]> },
    /// Read what another tab wrote: under one key, or anywhere.
    CatchUp { key: Option<KeyKind> },
}

/// What a [`Job`] gave.
pub enum Outcome {
    Loaded(LoadReport),
    Saved(Result<(), SaveError>),
    CaughtUp,
}

thread_local! {
    /// Without the split (native and browser tests) the keeper is part of the app.
    static HERE: Cell<bool> = const { Cell::new(cfg!(not(feature = "split"))) };
}

/// Whether the keeper's code is loaded, so that [`run`] runs.
pub fn is_here() -> bool {
    HERE.get()
}

/// Fetches the keeper's module; at once when it is already here.
pub async fn fetch() -> Result<(), NotLoaded> {
    #[cfg(feature = "split")]
    if !is_here() {
        fetch_keeper().await?;
        HERE.set(true);
    }
    Ok(())
}

/// Fetches the keeper ahead of the first save; a failure is left to that save, which says
/// so and tries again.
pub async fn prefetch() {
    let _ = fetch().await;
}

/// Runs `job` against the store; `None` while the keeper is not here (see [`fetch`]).
pub fn run(
    job: Job,
    replica: &mut Replica,
    store: &mut LocalStore,
    workspace: &mut Workspace,
    ctx: &SyncContext,
) -> Option<(Synced, Outcome)> {
    if !is_here() {
        return None;
    }
    #[cfg(feature = "split")]
    let done = ready_now(work(job, replica, store, workspace, ctx))?;
    #[cfg(not(feature = "split"))]
    let done = work(job, replica, store, workspace, ctx);
    done.ok()
}

/// The output of a future that needs no waiting: a split function whose module is loaded
/// (its loader answers from its cell on the first poll).
#[cfg(feature = "split")]
fn ready_now<F: std::future::Future>(future: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut cx = Context::from_waker(Waker::noop());
    match std::pin::pin!(future).poll(&mut cx) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// The keeper's one entry: everything that reads or writes the store is reached from here
/// only, so that wasm-split moves it out of the first download.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        keeper,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_keeper)
    )
)]
fn work(
    job: Job<'_>,
    replica: &mut Replica,
    store: &mut LocalStore,
    workspace: &mut Workspace,
    ctx: &SyncContext<'_>,
) -> Result<(Synced, Outcome), NotLoaded> {
    Ok(match job {
        Job::Load => {
            let (loaded, stored, report) = Replica::load(store, ctx);
            *replica = loaded;
            *workspace = stored;
            (Synced::default(), Outcome::Loaded(report))
        }
        Job::Save { changed } => {
            let (synced, result) = replica.save(store, workspace, changed, ctx);
            (synced, Outcome::Saved(result))
        }
        Job::CatchUp { key } => (
            replica.catch_up(store, workspace, key, ctx),
            Outcome::CaughtUp,
        ),
    })
}
