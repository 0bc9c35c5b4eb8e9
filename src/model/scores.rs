//! The evaluation sheet's two scores, from 1 to 4, for every wanted dataset: its value for
//! the project, and how available it is. The availability is suggested from the evaluation
//! of the sources until the holder sets it; a value the holder set is never overridden.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::choice::Choice;
use super::{Verdict, WantedDataset};

/// Declares a four-level scale (plus "not scored yet"), stored as a number from 1 to 4 (or
/// nothing), offered in a select as a closed list.
macro_rules! scale {
    ($(#[$meta:meta])* pub enum $name:ident {
        $(#[$m1:meta])* $one:ident,
        $(#[$m2:meta])* $two:ident,
        $(#[$m3:meta])* $three:ident,
        $(#[$m4:meta])* $four:ident $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            #[default]
            Unscored,
            $(#[$m1])* $one,
            $(#[$m2])* $two,
            $(#[$m3])* $three,
            $(#[$m4])* $four,
        }

        impl $name {
            /// 1 to 4, or `None` when not scored.
            pub fn number(self) -> Option<u8> {
                match self {
                    $name::Unscored => None,
                    $name::$one => Some(1),
                    $name::$two => Some(2),
                    $name::$three => Some(3),
                    $name::$four => Some(4),
                }
            }

            /// The level for 1 to 4; anything else is unscored.
            pub fn from_number(n: u8) -> Self {
                match n {
                    1 => $name::$one,
                    2 => $name::$two,
                    3 => $name::$three,
                    4 => $name::$four,
                    _ => $name::Unscored,
                }
            }
        }

        impl Choice for $name {
            const ALL: &'static [$name] =
                &[$name::Unscored, $name::$one, $name::$two, $name::$three, $name::$four];

            fn slug(self) -> &'static str {
                match self {
                    $name::Unscored => "unscored",
                    $name::$one => "1",
                    $name::$two => "2",
                    $name::$three => "3",
                    $name::$four => "4",
                }
            }

            fn from_slug(slug: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|level| level.slug() == slug)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.number().serialize(serializer)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                match Option::<u8>::deserialize(deserializer)? {
                    None => Ok($name::Unscored),
                    Some(n @ 1..=4) => Ok($name::from_number(n)),
                    Some(n) => Err(serde::de::Error::custom(format!(
                        "a score from 1 to 4, not {n}"
                    ))),
                }
            }
        }
    };
}

scale! {
    /// How much the project needs the dataset.
    pub enum Value {
        /// Nice to have, not critical.
        NiceToHave,
        /// Improves the service to users, but not critical if missing.
        Improves,
        /// Essential: without it the project loses much of its value.
        Essential,
        /// Critical: the project would be very hard to carry out without it.
        Critical,
    }
}

scale! {
    /// How easily the dataset can be had, at the detail and quality the project needs.
    pub enum Availability {
        /// Cannot easily be obtained: does not exist, too costly, legal or technical obstacles.
        Unobtainable,
        /// Can be acquired with extra time and investment.
        WithInvestment,
        /// Available, but not at the detail or quality the project needs.
        NotGoodEnough,
        /// Available with sufficient detail and quality.
        Available,
    }
}

/// Where an availability comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Set by the holder: kept whatever the sources say.
    Holder,
    /// Worked out from the evaluation of the sources, until the holder sets one.
    Suggested,
}

/// The four quadrants of the data map: high is 3 or 4 on a scale, low 1 or 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quadrant {
    /// Where the roadmap starts.
    HighValueAvailable,
    HighValueHardToGet,
    LowValueAvailable,
    LowValueHardToGet,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::HighValueAvailable,
        Quadrant::HighValueHardToGet,
        Quadrant::LowValueAvailable,
        Quadrant::LowValueHardToGet,
    ];

    /// The quadrant of a value and an availability, each from 1 to 4.
    pub fn of(value: u8, availability: u8) -> Quadrant {
        match (value >= 3, availability >= 3) {
            (true, true) => Quadrant::HighValueAvailable,
            (true, false) => Quadrant::HighValueHardToGet,
            (false, true) => Quadrant::LowValueAvailable,
            (false, false) => Quadrant::LowValueHardToGet,
        }
    }
}

/// A dataset's place on the data map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MapPlace {
    /// 1 to 4, across.
    pub value: u8,
    /// 1 to 4, up.
    pub availability: u8,
    pub origin: Origin,
}

impl MapPlace {
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.value, self.availability)
    }
}

impl WantedDataset {
    /// The availability the evaluation of the sources points to, from the dataset's final
    /// verdict: the best source green → 4, orange → 3, red → 2; every evaluated source black,
    /// or none and the dataset marked not found → 1. No evaluated source, no suggestion.
    pub fn suggested_availability(&self) -> Option<Availability> {
        Some(match self.final_verdict()? {
            Verdict::Green => Availability::Available,
            Verdict::Orange => Availability::NotGoodEnough,
            Verdict::Red => Availability::WithInvestment,
            Verdict::Black => Availability::Unobtainable,
        })
    }

    /// The availability in force: the holder's, or else the suggestion.
    pub fn availability_in_force(&self) -> Option<(Availability, Origin)> {
        match self.availability {
            Availability::Unscored => self
                .suggested_availability()
                .map(|a| (a, Origin::Suggested)),
            set => Some((set, Origin::Holder)),
        }
    }

    /// Where the dataset sits on the data map, once it has a value and an availability.
    pub fn map_place(&self) -> Option<MapPlace> {
        let value = self.value.number()?;
        let (availability, origin) = self.availability_in_force()?;
        Some(MapPlace {
            value,
            availability: availability.number()?,
            origin,
        })
    }

    /// Moves the dataset on the map: both scores become the holder's.
    pub fn place_on_map(&mut self, value: u8, availability: u8) {
        self.value = Value::from_number(value.clamp(1, 4));
        self.availability = Availability::from_number(availability.clamp(1, 4));
    }

    /// The quick quality judgements the method asks for on the most important data.
    pub fn needs_quality_judgements(&self) -> bool {
        self.value >= Value::Essential
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Access, CandidateSource, CoverageMatch, Format, Frequency, Licence, PersonalData, Rating,
        VerdictOverride,
    };
    use proptest::prelude::*;
    use uuid::Uuid;

    fn source(verdict: Option<Verdict>) -> CandidateSource {
        let mut source = CandidateSource::new(Uuid::new_v4());
        source.verdict_override = verdict.map(|verdict| VerdictOverride {
            verdict,
            reason: "set".into(),
        });
        source
    }

    fn evaluated_green() -> CandidateSource {
        CandidateSource {
            licence: Licence::Cc0,
            formats: vec![Format::Csv],
            access: Access::DirectDownload,
            update_frequency: Frequency::Daily,
            spatial_coverage: CoverageMatch::Matches,
            temporal_coverage: CoverageMatch::Matches,
            quality: Rating::Good,
            documentation: Rating::Good,
            personal_data: PersonalData::No,
            ..CandidateSource::new(Uuid::new_v4())
        }
    }

    #[test]
    fn the_suggestion_follows_the_best_source_and_needs_an_evaluation() {
        let mut d = WantedDataset::new(Uuid::nil());
        assert_eq!(d.suggested_availability(), None, "no source");
        d.sources.push(source(None));
        assert_eq!(d.suggested_availability(), None, "no evaluated source");
        d.sources.push(source(Some(Verdict::Red)));
        assert_eq!(
            d.suggested_availability(),
            Some(Availability::WithInvestment)
        );
        d.sources.push(source(Some(Verdict::Orange)));
        assert_eq!(
            d.suggested_availability(),
            Some(Availability::NotGoodEnough)
        );
        d.sources.push(evaluated_green());
        assert_eq!(d.suggested_availability(), Some(Availability::Available));
        let mut black = WantedDataset::new(Uuid::nil());
        black.sources = vec![source(Some(Verdict::Black)), source(Some(Verdict::Black))];
        assert_eq!(
            black.suggested_availability(),
            Some(Availability::Unobtainable)
        );
        let mut not_found = WantedDataset::new(Uuid::nil());
        not_found.status = crate::model::WantedStatus::NotFound;
        assert_eq!(
            not_found.suggested_availability(),
            Some(Availability::Unobtainable)
        );
    }

    #[test]
    fn a_dataset_is_on_the_map_once_it_has_both_scores() {
        let mut d = WantedDataset::new(Uuid::nil());
        d.sources.push(evaluated_green());
        assert_eq!(d.map_place(), None, "no value yet");
        d.value = Value::Critical;
        let place = d.map_place().unwrap();
        assert_eq!(
            (place.value, place.availability, place.origin),
            (4, 4, Origin::Suggested)
        );
        assert_eq!(place.quadrant(), Quadrant::HighValueAvailable);
        d.place_on_map(2, 1);
        let place = d.map_place().unwrap();
        assert_eq!(
            (place.value, place.availability, place.origin),
            (2, 1, Origin::Holder)
        );
        assert_eq!(place.quadrant(), Quadrant::LowValueHardToGet);
    }

    #[test]
    fn scores_are_stored_as_numbers_and_refuse_anything_else() {
        let d = WantedDataset {
            value: Value::Essential,
            ..WantedDataset::new(Uuid::nil())
        };
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["value"], 3);
        assert_eq!(json["availability"], serde_json::Value::Null);
        assert!(serde_json::from_value::<Value>(serde_json::json!(5)).is_err());
        assert!(serde_json::from_value::<Value>(serde_json::json!("3")).is_err());
        for level in Value::ALL {
            assert_eq!(Value::from_slug(level.slug()), Some(*level));
        }
    }

    fn any_verdict() -> impl Strategy<Value = Option<Verdict>> {
        prop_oneof![
            Just(None),
            Just(Some(Verdict::Green)),
            Just(Some(Verdict::Orange)),
            Just(Some(Verdict::Red)),
            Just(Some(Verdict::Black)),
        ]
    }

    proptest! {
        #[test]
        fn a_suggestion_never_overrides_the_holders_availability(
            set in 0u8..=4,
            verdicts in proptest::collection::vec(any_verdict(), 0..5),
            not_found in any::<bool>(),
        ) {
            let mut d = WantedDataset::new(Uuid::nil());
            d.availability = Availability::from_number(set);
            d.sources = verdicts.into_iter().map(source).collect();
            if not_found {
                d.status = crate::model::WantedStatus::NotFound;
            }
            match d.availability_in_force() {
                Some((a, Origin::Holder)) => prop_assert_eq!(Some(a), (set >= 1).then(|| Availability::from_number(set))),
                Some((a, Origin::Suggested)) => {
                    prop_assert_eq!(set, 0);
                    prop_assert_eq!(Some(a), d.suggested_availability());
                }
                None => prop_assert!(set == 0 && d.suggested_availability().is_none()),
            }
        }
    }
}
