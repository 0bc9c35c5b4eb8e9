//! The translation layer: every visible string, in every language the app speaks.
//!
//! Languages are declared once (`languages!` below); strings are a table with one column per
//! language (`strings.rs`). A row with a missing column does not compile, an empty cell or a
//! placeholder missing from one language fails a native test, and in debug builds
//! [`Key::fill`] checks that it is given exactly the template's placeholders.

use crate::model::{
    Access, ActionStatus, Answer, Availability, CoverageMatch, Criterion, Domain, Format,
    Frequency, Granularity, Horizon, HorizonSetting, Licence, PersonalData, Phase, Problem,
    Quadrant, Rating, Route, Value, Verdict, WantedStatus, WorkFlag,
};

/// Declares [`Lang`] from `Variant = "tag", "native name";` lines, in the order of the
/// columns of the string table.
macro_rules! languages {
    ($($variant:ident = $tag:literal, $name:literal;)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Lang { $($variant,)+ }

        impl Lang {
            pub const COUNT: usize = [$($tag),+].len();
            pub const ALL: [Lang; Lang::COUNT] = [$(Lang::$variant,)+];

            /// The BCP 47 tag, for `<html lang>` and date formatting.
            pub fn tag(self) -> &'static str {
                match self { $(Lang::$variant => $tag,)+ }
            }

            /// The language's own name, shown in the switch whatever the current language.
            pub fn native_name(self) -> &'static str {
                match self { $(Lang::$variant => $name,)+ }
            }
        }
    };
}

// Adding a language: a line here, then a column in `strings.rs`. Italian and Spanish are next
// (the programme's partners were in Italy, Spain, Greece, Croatia, Slovenia and Montenegro).
languages! {
    Fr = "fr", "Français";
    En = "en", "English";
}

impl Lang {
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.tag() == primary)
    }

    /// The first of the browser's preferred languages that the app speaks; French otherwise,
    /// the language of the workshops.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::Fr)
    }
}

/// Declares [`Key`] from a table of `Key => "français", "English";` lines, one text per
/// language in [`Lang::ALL`] order.
macro_rules! strings {
    ($($key:ident => $($text:literal),+;)+) => {
        /// One visible string of the app.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key,)+ }

        /// One row per key, one column per language: a row with a column missing is a type
        /// error. Read at compile time only, into each language's pack (`packs.rs`).
        pub(super) const ROWS: &[[&str; Lang::COUNT]] = &[$([$($text),+],)+];

        impl Key {
            #[cfg(test)]
            pub(crate) const ALL: &'static [Key] = &[$(Key::$key,)+];

            pub fn text(self, lang: Lang) -> &'static str {
                super::packs::text(self as usize, lang)
            }
        }
    };
}

mod names;
mod packs;
mod reasons;
mod strings;
pub use names::{name_or, DisplayName};
pub use packs::{load, load_all, start_failure, StartFailure};
pub use reasons::{import_error_message, load_error_reason, megabytes, share_error_message};
pub use strings::Key;

impl Key {
    /// The string with each `{name}` placeholder replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let template = self.text(lang);
        #[cfg(debug_assertions)]
        {
            let mut given: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
            given.sort_unstable();
            assert_eq!(
                given,
                placeholders(template),
                "{self:?} is filled with other names than its placeholders"
            );
        }
        let mut text = template.to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

/// The names of a template's `{placeholders}`, sorted and without repeats.
#[cfg(any(debug_assertions, test))]
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// What each route of the roadmap means, in the method's order (all but "other").
pub const ROUTE_HELP: [Key; 7] = [
    Key::RouteSecureHelp,
    Key::RouteAugmentHelp,
    Key::RouteCollectHelp,
    Key::RoutePartnerHelp,
    Key::RouteBuyHelp,
    Key::RouteReuseHelp,
    Key::RouteRequestHelp,
];

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
    Answer {
        WillOpen => AnswerWillOpen,
        WillImprove => AnswerWillImprove,
        Refused => AnswerRefused,
        FollowUp => AnswerFollowUp,
    }
    Problem {
        NoOpenLicence => ProblemNoOpenLicence,
        NotMachineReadable => ProblemNotMachineReadable,
        NotUpdated => ProblemNotUpdated,
        NoDocumentation => ProblemNoDocumentation,
        PersonalData => ProblemPersonalData,
        AccessOnRequest => ProblemAccessOnRequest,
    }
    Domain {
        GreenEconomy => DomainGreen,
        BlueEconomy => DomainBlue,
        CreativeIndustries => DomainCreative,
        Other => DomainOther,
    }
    Value {
        Unscored => ValueUnscored,
        NiceToHave => Value1,
        Improves => Value2,
        Essential => Value3,
        Critical => Value4,
    }
    Availability {
        Unscored => AvailabilityUnscored,
        Unobtainable => Availability1,
        WithInvestment => Availability2,
        NotGoodEnough => Availability3,
        Available => Availability4,
    }
    Quadrant {
        HighValueAvailable => QuadrantHighAvailable,
        HighValueHardToGet => QuadrantHighHard,
        LowValueAvailable => QuadrantLowAvailable,
        LowValueHardToGet => QuadrantLowHard,
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
        Secure => RouteSecure,
        Augment => RouteAugment,
        Collect => RouteCollect,
        Partner => RoutePartner,
        Buy => RouteBuy,
        ReuseAsIs => RouteReuse,
        RequestOpening => RouteRequest,
        Other => RouteOther,
    }
    Horizon {
        Now => HorizonNow,
        ThreeMonths => HorizonThreeMonths,
        Year => HorizonYear,
    }
    HorizonSetting {
        FromDueDate => HorizonFromDue,
        Now => HorizonNow,
        ThreeMonths => HorizonThreeMonths,
        Year => HorizonYear,
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
    Criterion {
        Licence => LicenceLabel,
        Format => FormatsLabel,
        Access => AccessLabel,
        Freshness => UpdateFrequency,
        SpatialCoverage => SpatialMatch,
        TemporalCoverage => TemporalMatch,
        Quality => QualityLabel,
        Documentation => DocumentationLabel,
        PersonalData => PersonalDataLabel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated_with_the_same_placeholders() {
        for &key in Key::ALL {
            let english = key.text(Lang::En);
            for lang in Lang::ALL {
                let text = key.text(lang);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
                assert_eq!(
                    placeholders(text),
                    placeholders(english),
                    "{key:?} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn french_punctuation_has_its_space() {
        // French puts a (non-breaking or plain) space before : ; ! ? and inside « ».
        for &key in Key::ALL {
            let text = key.text(Lang::Fr);
            let chars: Vec<char> = text.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let in_url = c == ':' && after == Some('/');
                if matches!(c, ':' | ';' | '!' | '?') && i > 0 && !in_url {
                    assert!(
                        before.is_some_and(char::is_whitespace),
                        "{key:?}: no space before {c:?} in {text:?}"
                    );
                }
                if c == '«' {
                    assert!(
                        after.is_some_and(char::is_whitespace),
                        "{key:?}: « without a space"
                    );
                }
                if c == '»' {
                    assert!(
                        before.is_some_and(char::is_whitespace),
                        "{key:?}: » without a space"
                    );
                }
            }
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = Key::StepDescribed.fill(Lang::En, &[("done", "2"), ("total", "3")]);
        assert_eq!(text, "2 of 3 described");
    }

    #[test]
    #[should_panic(expected = "other names than its placeholders")]
    fn fill_refuses_a_name_the_template_does_not_have() {
        let _ = Key::StepDescribed.fill(Lang::En, &[("done", "2"), ("count", "3")]);
    }

    #[test]
    #[should_panic(expected = "other names than its placeholders")]
    fn fill_refuses_a_missing_name() {
        let _ = Key::StepDescribed.fill(Lang::Fr, &[("done", "2")]);
    }

    #[test]
    fn the_browser_language_picks_the_first_known_one() {
        assert_eq!(Lang::negotiate(["de-DE", "en-GB", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate(["fr-CA"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["es"]), Lang::Fr);
        assert_eq!(Lang::negotiate([]), Lang::Fr);
        assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
    }

    #[test]
    fn every_criterion_has_its_own_label() {
        let labels: Vec<&str> = Criterion::ALL
            .iter()
            .map(|c| c.label().text(Lang::En))
            .collect();
        let mut distinct = labels.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), labels.len(), "{labels:?}");
        assert_eq!(labels[0], "Licence");
    }

    #[test]
    fn every_language_has_its_own_tag() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
