//! Each scoring rule on its own, then properties that must hold for any source.

use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::model::{Choice, VerdictOverride, WantedStatus};

/// A source that passes every criterion: the reference the tests take away from.
fn ideal() -> CandidateSource {
    CandidateSource {
        licence: Licence::Etalab2,
        formats: vec![Format::Csv],
        access: Access::DirectDownload,
        update_frequency: Frequency::Monthly,
        spatial_coverage: CoverageMatch::Matches,
        temporal_coverage: CoverageMatch::Matches,
        quality: Rating::Good,
        documentation: Rating::Good,
        personal_data: PersonalData::No,
        ..CandidateSource::new(Uuid::from_u128(1))
    }
}

fn wanted() -> WantedDataset {
    WantedDataset {
        freshness: Frequency::Monthly,
        ..WantedDataset::new(Uuid::from_u128(100))
    }
}

fn verdict_of(source: &CandidateSource) -> Option<Verdict> {
    assess(source, &wanted()).verdict
}

#[test]
fn the_points_add_up_to_one_hundred() {
    assert_eq!(points::MAX, 100);
    // The scoring help says quality and documentation score alike.
    assert_eq!(
        (points::QUALITY, points::QUALITY_FAIR),
        (points::DOCUMENTATION, points::DOCUMENTATION_FAIR)
    );
    let total: u32 = Criterion::ALL.iter().map(|c| c.max_points()).sum();
    assert_eq!(total, points::MAX);
    let best = assess(&ideal(), &wanted());
    assert_eq!(
        (best.score, best.stars, best.computed),
        (100, 3, Some(Verdict::Green))
    );
}

#[test]
fn nothing_assessed_scores_zero_with_no_verdict() {
    let blank = assess(&CandidateSource::new(Uuid::nil()), &wanted());
    assert_eq!(
        (blank.score, blank.assessed_count(), blank.verdict),
        (0, 0, None)
    );
}

#[test]
fn a_verdict_needs_every_criterion() {
    let mut source = ideal();
    source.personal_data = PersonalData::NotAssessed;
    let assessment = assess(&source, &wanted());
    assert_eq!(assessment.assessed_count(), 8);
    assert_eq!(assessment.verdict, None);
    assert_eq!(assessment.score, 95);
}

#[test]
fn open_licences_score_full_and_others_nothing() {
    for &licence in Licence::ALL {
        let points = assess(&CandidateSource { licence, ..ideal() }, &wanted())
            .points_for(Criterion::Licence);
        let expected = match licence {
            Licence::NotAssessed => None,
            l if l.is_open() => Some(points::LICENCE),
            _ => Some(0),
        };
        assert_eq!(points, expected, "{licence:?}");
    }
}

#[test]
fn stars_follow_licence_and_best_format() {
    assert_eq!(stars(Licence::Odbl, &[Format::Pdf]), 1);
    assert_eq!(stars(Licence::Odbl, &[Format::Pdf, Format::Spreadsheet]), 2);
    assert_eq!(
        stars(Licence::Odbl, &[Format::Spreadsheet, Format::GeoJson]),
        3
    );
    assert_eq!(stars(Licence::Restrictive, &[Format::Csv]), 0);
    assert_eq!(stars(Licence::Unknown, &[Format::Csv]), 0);
    assert_eq!(stars(Licence::Cc0, &[]), 0);
}

#[test]
fn access_points_fall_with_each_hurdle() {
    let points = |access| {
        assess(&CandidateSource { access, ..ideal() }, &wanted()).points_for(Criterion::Access)
    };
    assert_eq!(points(Access::Api), Some(points::ACCESS));
    assert_eq!(points(Access::OnRequest), Some(points::ACCESS_ON_REQUEST));
    assert_eq!(points(Access::Restricted), Some(points::ACCESS_RESTRICTED));
    assert_eq!(points(Access::NotAvailable), Some(0));
}

#[test]
fn freshness_is_judged_against_what_the_project_wants() {
    let points = |update_frequency, freshness| {
        let wanted = WantedDataset {
            freshness,
            ..wanted()
        };
        assess(
            &CandidateSource {
                update_frequency,
                ..ideal()
            },
            &wanted,
        )
        .points_for(Criterion::Freshness)
    };
    assert_eq!(
        points(Frequency::Daily, Frequency::Monthly),
        Some(points::FRESHNESS)
    );
    assert_eq!(
        points(Frequency::Annual, Frequency::Monthly),
        Some(points::FRESHNESS_LESS_OFTEN)
    );
    assert_eq!(
        points(Frequency::Annual, Frequency::Unspecified),
        Some(points::FRESHNESS)
    );
    assert_eq!(
        points(Frequency::Irregular, Frequency::Monthly),
        Some(points::FRESHNESS_IRREGULAR)
    );
    assert_eq!(
        points(Frequency::Unknown, Frequency::Monthly),
        Some(points::FRESHNESS_UNKNOWN)
    );
    assert_eq!(points(Frequency::Unspecified, Frequency::Monthly), None);
}

#[test]
fn coverage_quality_documentation_and_personal_data_points() {
    let a = assess(
        &CandidateSource {
            spatial_coverage: CoverageMatch::Partly,
            temporal_coverage: CoverageMatch::No,
            quality: Rating::Fair,
            documentation: Rating::Poor,
            personal_data: PersonalData::Possible,
            ..ideal()
        },
        &wanted(),
    );
    assert_eq!(
        a.points_for(Criterion::SpatialCoverage),
        Some(points::SPATIAL_PARTLY)
    );
    assert_eq!(a.points_for(Criterion::TemporalCoverage), Some(0));
    assert_eq!(a.points_for(Criterion::Quality), Some(points::QUALITY_FAIR));
    assert_eq!(a.points_for(Criterion::Documentation), Some(0));
    assert_eq!(
        a.points_for(Criterion::PersonalData),
        Some(points::PERSONAL_DATA_POSSIBLE)
    );
}

#[test]
fn verdict_rules() {
    assert_eq!(verdict_of(&ideal()), Some(Verdict::Green));
    let orange = [
        CandidateSource {
            formats: vec![Format::Pdf],
            ..ideal()
        },
        CandidateSource {
            licence: Licence::Unknown,
            ..ideal()
        },
        CandidateSource {
            access: Access::OnRequest,
            ..ideal()
        },
        CandidateSource {
            spatial_coverage: CoverageMatch::Partly,
            ..ideal()
        },
        CandidateSource {
            quality: Rating::Poor,
            ..ideal()
        },
        CandidateSource {
            personal_data: PersonalData::Yes,
            ..ideal()
        },
    ];
    for source in orange {
        assert_eq!(verdict_of(&source), Some(Verdict::Orange), "{source:?}");
    }
    let red = [
        CandidateSource {
            licence: Licence::Restrictive,
            ..ideal()
        },
        CandidateSource {
            access: Access::Restricted,
            ..ideal()
        },
        CandidateSource {
            spatial_coverage: CoverageMatch::No,
            ..ideal()
        },
        CandidateSource {
            temporal_coverage: CoverageMatch::No,
            ..ideal()
        },
    ];
    for source in red {
        assert_eq!(verdict_of(&source), Some(Verdict::Red), "{source:?}");
    }
    let gone = CandidateSource {
        access: Access::NotAvailable,
        licence: Licence::Restrictive,
        ..ideal()
    };
    assert_eq!(verdict_of(&gone), Some(Verdict::Black));
}

#[test]
fn an_override_applies_only_with_a_reason_and_shows_as_such() {
    let mut source = CandidateSource {
        formats: vec![Format::Pdf],
        ..ideal()
    };
    source.verdict_override = Some(VerdictOverride {
        verdict: Verdict::Green,
        reason: "  ".into(),
    });
    let a = assess(&source, &wanted());
    assert_eq!((a.verdict, a.overridden), (Some(Verdict::Orange), false));
    source.verdict_override = Some(VerdictOverride {
        verdict: Verdict::Green,
        reason: "Producer sends CSV".into(),
    });
    let a = assess(&source, &wanted());
    assert_eq!(
        (a.computed, a.verdict, a.overridden),
        (Some(Verdict::Orange), Some(Verdict::Green), true)
    );
}

#[test]
fn the_best_source_has_the_best_verdict_then_the_best_score() {
    let mut dataset = wanted();
    assert_eq!(dataset.best_source().map(|(s, _)| s.id), None);
    assert_eq!(dataset.final_verdict(), None);
    let orange_high = CandidateSource {
        id: Uuid::from_u128(2),
        access: Access::OnRequest,
        ..ideal()
    };
    let green_low = CandidateSource {
        id: Uuid::from_u128(3),
        update_frequency: Frequency::Annual,
        quality: Rating::Fair,
        ..ideal()
    };
    let green_high = CandidateSource {
        id: Uuid::from_u128(4),
        ..ideal()
    };
    dataset.sources = vec![orange_high, green_low.clone()];
    assert_eq!(
        dataset.best_source().map(|(s, _)| s.id),
        Some(Uuid::from_u128(3))
    );
    dataset.sources.push(green_high);
    assert_eq!(
        dataset.best_source().map(|(s, _)| s.id),
        Some(Uuid::from_u128(4))
    );
    assert_eq!(dataset.final_verdict(), Some(Verdict::Green));
}

#[test]
fn a_dataset_searched_for_and_not_found_is_black() {
    let mut dataset = wanted();
    dataset.status = WantedStatus::NotFound;
    assert_eq!(dataset.final_verdict(), Some(Verdict::Black));
    dataset.status = WantedStatus::Searching;
    dataset.set_flag(WorkFlag::NotFound, true);
    assert_eq!(dataset.final_verdict(), Some(Verdict::Black));
}

#[test]
fn work_flags_are_suggested_from_the_evaluation() {
    let mut dataset = wanted();
    dataset.sources = vec![CandidateSource {
        formats: vec![Format::Pdf],
        quality: Rating::Fair,
        ..ideal()
    }];
    assert_eq!(
        dataset.suggested_flags(),
        [WorkFlag::ToClean, WorkFlag::ToStandardise]
    );
    dataset.set_flag(WorkFlag::ToClean, true);
    assert_eq!(
        dataset.suggested_flags(),
        [WorkFlag::ToStandardise],
        "flags already set are not suggested"
    );

    let partly = CandidateSource {
        spatial_coverage: CoverageMatch::Partly,
        ..ideal()
    };
    dataset.sources = vec![
        partly.clone(),
        CandidateSource {
            id: Uuid::from_u128(9),
            ..partly
        },
    ];
    assert_eq!(
        dataset.suggested_flags(),
        [WorkFlag::ToCompile, WorkFlag::ToComplete]
    );

    dataset.sources = vec![CandidateSource {
        access: Access::NotAvailable,
        ..ideal()
    }];
    assert_eq!(dataset.suggested_flags(), [WorkFlag::NotFound]);
    dataset.sources = vec![ideal()];
    assert!(dataset.suggested_flags().is_empty());
}

#[test]
fn only_http_links_are_safe() {
    let link = |link: &str| {
        CandidateSource {
            link: link.into(),
            ..ideal()
        }
        .safe_link()
        .map(str::to_string)
    };
    assert_eq!(
        link(" https://data.gouv.fr/x "),
        Some("https://data.gouv.fr/x".into())
    );
    assert_eq!(
        link("HTTP://example.org"),
        Some("HTTP://example.org".into())
    );
    for unsafe_link in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "java\tscript:x",
        "https://a b",
        "//evil.org",
        "https://",
        "ftp://x",
        "",
    ] {
        assert_eq!(link(unsafe_link), None, "{unsafe_link:?}");
    }
}

pub(crate) fn any_source() -> impl Strategy<Value = CandidateSource> {
    (
        proptest::sample::select(Licence::ALL),
        proptest::collection::vec(proptest::sample::select(Format::ALL), 0..4),
        proptest::sample::select(Access::ALL),
        proptest::sample::select(Frequency::ALL),
        proptest::sample::select(CoverageMatch::ALL),
        proptest::sample::select(CoverageMatch::ALL),
        proptest::sample::select(Rating::ALL),
        proptest::sample::select(Rating::ALL),
        proptest::sample::select(PersonalData::ALL),
    )
        .prop_map(
            |(
                licence,
                formats,
                access,
                update_frequency,
                spatial,
                temporal,
                quality,
                documentation,
                personal_data,
            )| {
                let mut source = CandidateSource {
                    licence,
                    access,
                    update_frequency,
                    spatial_coverage: spatial,
                    temporal_coverage: temporal,
                    quality,
                    documentation,
                    personal_data,
                    ..CandidateSource::new(Uuid::from_u128(7))
                };
                for format in formats {
                    source.set_format(format, true);
                }
                source
            },
        )
}

proptest! {
    #[test]
    fn a_score_never_leaves_its_range(source in any_source(), freshness in proptest::sample::select(Frequency::ALL)) {
        let wanted = WantedDataset { freshness, ..wanted() };
        let a = assess(&source, &wanted);
        prop_assert!(a.score <= points::MAX);
        prop_assert!(a.stars <= 3);
        for (criterion, points) in Criterion::ALL.iter().zip(a.points) {
            prop_assert!(points.unwrap_or(0) <= criterion.max_points());
        }
        prop_assert_eq!(a.score, a.points.iter().flatten().sum::<u32>());
        prop_assert_eq!(a.verdict.is_some(), a.is_complete());
    }

    #[test]
    fn an_open_licence_never_lowers_the_score_or_the_verdict(source in any_source(), open in proptest::sample::select(&[Licence::Etalab2, Licence::Odbl, Licence::CcBy4, Licence::CcBySa4, Licence::Cc0, Licence::OtherOpen][..])) {
        let before = assess(&source, &wanted());
        let after = assess(&CandidateSource { licence: open, ..source }, &wanted());
        prop_assert!(after.score >= before.score);
        prop_assert!(after.stars >= before.stars);
        if let (Some(b), Some(a)) = (before.verdict, after.verdict) {
            prop_assert!(verdict_rank(a) <= verdict_rank(b));
        }
    }

    #[test]
    fn formats_stay_sorted_unique_and_never_any(formats in proptest::collection::vec((proptest::sample::select(Format::ALL), any::<bool>()), 0..12)) {
        let mut source = ideal();
        for (format, on) in formats {
            source.set_format(format, on);
        }
        let mut sorted = source.formats.clone();
        sorted.sort_by_key(|f| Format::ALL.iter().position(|g| g == f));
        sorted.dedup();
        prop_assert_eq!(&sorted, &source.formats);
        prop_assert!(!source.formats.contains(&Format::Any));
    }
}
