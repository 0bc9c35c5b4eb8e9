//! Widgets shared by several pages.

mod catalogue_check;
mod catalogue_search;
mod confirm;
mod data_map;
mod example;
mod exports;
mod fields;
mod import_panel;
mod import_review;
mod lang_switch;
mod lazy;
mod notices;
mod progressive;
mod project_nav;
mod read_notices;
mod scores;
mod source_card;
mod step_nav;
mod timeline;
mod verdict;
mod workshop_import;

pub use catalogue_search::CatalogueSearch;
pub use confirm::ConfirmBox;
pub use data_map::{point_name, DataMapChart};
pub use example::ExampleWorkshop;
pub use exports::{download_project, download_workspace, offer, BackupReminder, ExportButtons};
pub use fields::{
    column_headers, flag_boxes, naming, prefilled, ButtonLink, CheckboxField, ChoiceSelect,
    FieldSource, RowOf, TextField,
};
pub use import_panel::{ImportPanel, SharedLinkOffer};
pub use import_review::{project_counts, ImportReview, ImportReviewLater};
pub use lang_switch::LangSwitch;
#[cfg(feature = "split")]
pub use lazy::lazily;
pub(crate) use lazy::lazy_view;
pub use lazy::{LazyPart, NotLoaded};
pub use notices::{OpeningNotice, PersistenceNote, SaveIndicator, StorageNotices, ToastRegion};
pub use progressive::progressively;
pub use project_nav::ProjectNav;
use read_notices::ReadNotices;
pub use scores::{availability_hint, ScoreCard, ScoreTable, UnscoredList};
pub use source_card::{SourceCard, SourceRow};
pub use step_nav::StepNav;
pub use timeline::Timeline;
pub use verdict::{ScoringHelp, VerdictBadge};
pub use workshop_import::WorkshopImport;
