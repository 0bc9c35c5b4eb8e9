//! Widgets shared by several pages.

mod fields;
mod lang_switch;
mod notices;
mod source_card;
mod step_nav;
mod timeline;
mod verdict;

pub use fields::{CheckboxField, ChoiceSelect, TextField};
pub use lang_switch::LangSwitch;
pub use notices::{SaveIndicator, StorageNotices, ToastRegion};
pub use source_card::{source_title, SourceCard, SourcePath};
pub use step_nav::StepNav;
pub use timeline::Timeline;
pub use verdict::{ScoringHelp, VerdictBadge};
