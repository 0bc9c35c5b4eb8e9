//! Widgets shared by several pages.

mod exports;
mod fields;
mod import_panel;
mod import_review;
mod lang_switch;
mod notices;
mod source_card;
mod step_nav;
mod timeline;
mod verdict;

pub use exports::{download_project, download_workspace, BackupReminder, ExportButtons};
pub use fields::{CheckboxField, ChoiceSelect, TextField};
pub use import_panel::{ImportPanel, SharedLinkOffer};
pub use import_review::{project_counts, ImportReview};
pub use lang_switch::LangSwitch;
pub use notices::{PersistenceNote, SaveIndicator, StorageNotices, ToastRegion};
pub use source_card::{source_title, SourceCard, SourcePath};
pub use step_nav::StepNav;
pub use timeline::Timeline;
pub use verdict::{ScoringHelp, VerdictBadge};
