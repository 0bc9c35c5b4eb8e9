//! Widgets shared by several pages.

mod fields;
mod lang_switch;
mod notices;
mod step_nav;

pub use fields::{CheckboxField, ChoiceSelect, TextField};
pub use lang_switch::LangSwitch;
pub use notices::{SaveIndicator, StorageNotices, ToastRegion};
pub use step_nav::StepNav;
