//! "The name, or Untitled": what a heading or a list shows for something not named yet.
//! Written once here, so every screen and every export says it the same way.

use super::{Key, Lang};
use crate::model::{CandidateSource, Project, WantedDataset, Workshop};

pub trait DisplayName {
    /// The name as typed (trimmed), or the "untitled" text of its kind.
    fn display_name(&self, lang: Lang) -> String;
}

/// The name as typed (trimmed), or `untitled` when it is blank: for a view model that keeps
/// a name apart from its item.
pub fn name_or(name: &str, untitled: Key, lang: Lang) -> String {
    match name.trim() {
        "" => untitled.text(lang).to_string(),
        name => name.to_string(),
    }
}

macro_rules! display_names {
    ($($type:ty: $field:ident or $untitled:ident;)+) => {
        $(impl DisplayName for $type {
            fn display_name(&self, lang: Lang) -> String {
                name_or(&self.$field, Key::$untitled, lang)
            }
        })+
    };
}

display_names! {
    Project: name or UntitledProject;
    WantedDataset: name or UntitledWanted;
    CandidateSource: title or UntitledSource;
    Workshop: name or UntitledWorkshop;
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn a_blank_name_reads_untitled_and_a_name_is_trimmed() {
        let mut project = Project::new(Uuid::nil(), "  \t ", 0);
        assert_eq!(project.display_name(Lang::En), "Untitled project");
        assert_eq!(project.display_name(Lang::Fr), "Projet sans nom");
        project.name = "  Trame verte ".into();
        assert_eq!(project.display_name(Lang::En), "Trame verte");
        let source = CandidateSource::new(Uuid::nil());
        assert_eq!(source.display_name(Lang::En), "Untitled source");
        let dataset = WantedDataset::new(Uuid::nil());
        assert_eq!(dataset.display_name(Lang::Fr), "Donnée sans nom");
    }
}
