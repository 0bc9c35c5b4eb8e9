//! The translation layer: every visible string, in French and English.
//!
//! Each entry must give both languages, so a missing translation is a compile error rather
//! than a half-translated screen. Placeholders such as `{name}` are filled by [`Key::fill`].

use crate::model::{
    Access, ActionStatus, CoverageMatch, Domain, Format, Frequency, Granularity, Licence,
    PersonalData, Phase, Priority, Rating, Route, Verdict, WantedStatus, WorkFlag,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and date formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages that the app speaks; French otherwise,
    /// the language of the workshops.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::Fr)
    }

    /// The language's own name, shown in the switch whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
}
/// Declares [`Key`] from a table of `Key => "français", "English";` lines.
macro_rules! strings {
    ($($key:ident => $fr:literal, $en:literal;)+) => {
        /// One visible string of the app.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key,)+ }

        impl Key {
            #[cfg(test)]
            pub(crate) const ALL: &'static [Key] = &[$(Key::$key,)+];

            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Fr => match self { $(Key::$key => $fr,)+ },
                    Lang::En => match self { $(Key::$key => $en,)+ },
                }
            }
        }
    };
}

mod reasons;
mod strings;
pub use reasons::{import_error_message, load_error_reason, megabytes, share_error_message};
pub use strings::Key;

impl Key {
    /// The string with each `{name}` placeholder replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut text = self.text(lang).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

/// The label of each value of the model's closed lists.
pub trait Label {
    fn label(self) -> Key;
}

/// Implements [`Label`] by naming each variant's key.
macro_rules! labels {
    ($($type:ident { $($variant:ident => $key:ident),+ $(,)? })+) => {
        $(impl Label for $type {
            fn label(self) -> Key {
                match self { $($type::$variant => Key::$key,)+ }
            }
        })+
    };
}

labels! {
    Domain {
        GreenEconomy => DomainGreen,
        BlueEconomy => DomainBlue,
        CreativeIndustries => DomainCreative,
        Other => DomainOther,
    }
    Priority {
        Essential => PriorityEssential,
        Important => PriorityImportant,
        NiceToHave => PriorityNiceToHave,
    }
    Granularity {
        Unspecified => GranularityUnspecified,
        Point => GranularityPoint,
        Commune => GranularityCommune,
        Departement => GranularityDepartement,
        Region => GranularityRegion,
        Country => GranularityCountry,
        Grid => GranularityGrid,
        Other => GranularityOther,
    }
    Frequency {
        Unspecified => FrequencyUnspecified,
        Continuous => FrequencyContinuous,
        Daily => FrequencyDaily,
        Weekly => FrequencyWeekly,
        Monthly => FrequencyMonthly,
        Quarterly => FrequencyQuarterly,
        Annual => FrequencyAnnual,
        Irregular => FrequencyIrregular,
        Unknown => FrequencyUnknown,
    }
    Format {
        Any => FormatAny,
        Csv => FormatCsv,
        Json => FormatJson,
        GeoJson => FormatGeoJson,
        Xml => FormatXml,
        Spreadsheet => FormatSpreadsheet,
        Pdf => FormatPdf,
        Shapefile => FormatShapefile,
        Api => FormatApi,
        Other => FormatOther,
    }
    WantedStatus {
        ToFind => StatusToFind,
        Searching => StatusSearching,
        Found => StatusFound,
        NotFound => StatusNotFound,
        Dropped => StatusDropped,
    }
    WorkFlag {
        NotFound => FlagNotFound,
        ToClean => FlagToClean,
        ToCompile => FlagToCompile,
        ToComplete => FlagToComplete,
        ToStandardise => FlagToStandardise,
    }
    Licence {
        NotAssessed => NotAssessed,
        Etalab2 => LicenceEtalab,
        Odbl => LicenceOdbl,
        CcBy4 => LicenceCcBy,
        CcBySa4 => LicenceCcBySa,
        Cc0 => LicenceCc0,
        OtherOpen => LicenceOtherOpen,
        Restrictive => LicenceRestrictive,
        Unknown => LicenceUnknown,
    }
    Access {
        NotAssessed => NotAssessed,
        DirectDownload => AccessDirect,
        Api => AccessApi,
        OnRequest => AccessOnRequest,
        Restricted => AccessRestricted,
        NotAvailable => AccessNotAvailable,
    }
    CoverageMatch {
        NotAssessed => NotAssessed,
        Matches => MatchMatches,
        Partly => MatchPartly,
        No => MatchNo,
    }
    Rating {
        NotAssessed => NotAssessed,
        Good => RatingGood,
        Fair => RatingFair,
        Poor => RatingPoor,
    }
    PersonalData {
        NotAssessed => NotAssessed,
        No => PersonalNone,
        Possible => PersonalPossible,
        Yes => PersonalYes,
    }
    Verdict {
        Green => VerdictGreen,
        Orange => VerdictOrange,
        Red => VerdictRed,
        Black => VerdictBlack,
    }
    Route {
        ReuseOpen => RouteReuse,
        AskProducer => RouteAsk,
        Partnership => RoutePartnership,
        ProduceOurselves => RouteProduce,
        Buy => RouteBuy,
        Other => RouteOther,
    }
    ActionStatus {
        ToDo => ActionToDo,
        InProgress => ActionInProgress,
        Done => ActionDone,
        Blocked => ActionBlocked,
    }
    Phase {
        WantedList => PhaseWantedList,
        CollectEvaluate => PhaseCollect,
        Roadmap => PhaseRoadmap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn every_string_is_translated_with_the_same_placeholders() {
        for &key in Key::ALL {
            let (fr, en) = (key.text(Lang::Fr), key.text(Lang::En));
            assert!(
                !fr.trim().is_empty() && !en.trim().is_empty(),
                "{key:?} is empty"
            );
            assert_eq!(placeholders(fr), placeholders(en), "{key:?}");
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = Key::StepDescribed.fill(Lang::En, &[("done", "2"), ("total", "3")]);
        assert_eq!(text, "2 of 3 described");
    }

    #[test]
    fn the_browser_language_picks_the_first_known_one() {
        assert_eq!(Lang::negotiate(["de-DE", "en-GB", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate(["fr-CA"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["es"]), Lang::Fr);
        assert_eq!(Lang::negotiate([]), Lang::Fr);
        assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
    }
}
