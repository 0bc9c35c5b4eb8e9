//! Phase 2 rules: how a candidate source is scored, which verdict follows, which work flags
//! it suggests, and which source is best for a wanted dataset.
//!
//! The points are public constants so that the "how is this scored?" text quotes the very
//! numbers the code uses.

use super::{
    Access, CandidateSource, CoverageMatch, Format, Frequency, Licence, PersonalData, Rating,
    Verdict, WantedDataset, WorkFlag,
};

/// Points per criterion; they add up to 100.
pub mod points {
    pub const LICENCE: u32 = 20;
    /// Per star of the 5-star scale, up to three stars (formats alone cannot show four or five).
    pub const PER_STAR: u32 = 5;
    pub const ACCESS: u32 = 15;
    pub const ACCESS_ON_REQUEST: u32 = 7;
    pub const ACCESS_RESTRICTED: u32 = 3;
    pub const FRESHNESS: u32 = 10;
    pub const FRESHNESS_LESS_OFTEN: u32 = 4;
    pub const FRESHNESS_IRREGULAR: u32 = 4;
    pub const FRESHNESS_UNKNOWN: u32 = 2;
    pub const SPATIAL: u32 = 8;
    pub const SPATIAL_PARTLY: u32 = 4;
    pub const TEMPORAL: u32 = 7;
    pub const TEMPORAL_PARTLY: u32 = 3;
    pub const QUALITY: u32 = 10;
    pub const QUALITY_FAIR: u32 = 5;
    pub const DOCUMENTATION: u32 = 10;
    pub const DOCUMENTATION_FAIR: u32 = 5;
    pub const PERSONAL_DATA: u32 = 5;
    pub const PERSONAL_DATA_POSSIBLE: u32 = 2;
    pub const MAX: u32 = LICENCE
        + 3 * PER_STAR
        + ACCESS
        + FRESHNESS
        + SPATIAL
        + TEMPORAL
        + QUALITY
        + DOCUMENTATION
        + PERSONAL_DATA;
}

/// The criteria of phase 2, in the order they are shown and compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Criterion {
    Licence,
    Format,
    Access,
    Freshness,
    SpatialCoverage,
    TemporalCoverage,
    Quality,
    Documentation,
    PersonalData,
}

impl Criterion {
    pub const ALL: [Criterion; 9] = [
        Criterion::Licence,
        Criterion::Format,
        Criterion::Access,
        Criterion::Freshness,
        Criterion::SpatialCoverage,
        Criterion::TemporalCoverage,
        Criterion::Quality,
        Criterion::Documentation,
        Criterion::PersonalData,
    ];

    /// The most points this criterion can give.
    pub fn max_points(self) -> u32 {
        use points::*;
        match self {
            Criterion::Licence => LICENCE,
            Criterion::Format => 3 * PER_STAR,
            Criterion::Access => ACCESS,
            Criterion::Freshness => FRESHNESS,
            Criterion::SpatialCoverage => SPATIAL,
            Criterion::TemporalCoverage => TEMPORAL,
            Criterion::Quality => QUALITY,
            Criterion::Documentation => DOCUMENTATION,
            Criterion::PersonalData => PERSONAL_DATA,
        }
    }
}

/// What the rules make of one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// Points per criterion, in `Criterion::ALL` order; `None` where not assessed yet.
    pub points: [Option<u32>; 9],
    /// Out of `points::MAX` (100); not-assessed criteria count zero.
    pub score: u32,
    /// 0 to 3 on the 5-star open data scale.
    pub stars: u32,
    /// `None` until every criterion is assessed.
    pub computed: Option<Verdict>,
    /// The verdict in force: the holder's override (with a reason) or the computed one.
    pub verdict: Option<Verdict>,
    pub overridden: bool,
}

impl Assessment {
    pub fn assessed_count(&self) -> usize {
        self.points.iter().filter(|p| p.is_some()).count()
    }

    pub fn is_complete(&self) -> bool {
        self.assessed_count() == Criterion::ALL.len()
    }

    pub fn points_for(&self, criterion: Criterion) -> Option<u32> {
        let index = Criterion::ALL.iter().position(|c| *c == criterion)?;
        self.points[index]
    }
}

/// How machine-friendly the formats are, on the format steps of the 5-star scale:
/// 1 = on the web (PDF, other), 2 = structured (spreadsheet), 3 = non-proprietary (CSV, JSON…).
pub fn format_level(formats: &[Format]) -> u32 {
    formats
        .iter()
        .map(|format| match format {
            Format::Csv
            | Format::Json
            | Format::GeoJson
            | Format::Xml
            | Format::Shapefile
            | Format::Api => 3,
            Format::Spreadsheet => 2,
            Format::Pdf | Format::Other | Format::Any => 1,
        })
        .max()
        .unwrap_or(0)
}

/// Stars on Tim Berners-Lee's scale that the licence and formats show: none without an open
/// licence, then the format level. Formats alone cannot show URIs or links (stars 4 and 5).
pub fn stars(licence: Licence, formats: &[Format]) -> u32 {
    if licence.is_open() {
        format_level(formats)
    } else {
        0
    }
}

/// How often a frequency updates: lower is more often; `None` for irregular or unknown.
fn period_rank(frequency: Frequency) -> Option<u8> {
    match frequency {
        Frequency::Continuous => Some(0),
        Frequency::Daily => Some(1),
        Frequency::Weekly => Some(2),
        Frequency::Monthly => Some(3),
        Frequency::Quarterly => Some(4),
        Frequency::Annual => Some(5),
        Frequency::Irregular | Frequency::Unknown | Frequency::Unspecified => None,
    }
}

fn licence_points(licence: Licence) -> Option<u32> {
    match licence {
        Licence::NotAssessed => None,
        l if l.is_open() => Some(points::LICENCE),
        _ => Some(0),
    }
}

fn access_points(access: Access) -> Option<u32> {
    match access {
        Access::NotAssessed => None,
        Access::DirectDownload | Access::Api => Some(points::ACCESS),
        Access::OnRequest => Some(points::ACCESS_ON_REQUEST),
        Access::Restricted => Some(points::ACCESS_RESTRICTED),
        Access::NotAvailable => Some(0),
    }
}

/// Full points when the source is updated at least as often as the project wants.
/// Updated irregularly, at an unknown pace, or less often than the project needs.
pub fn updated_less_often_than_needed(source: &CandidateSource, wanted: &WantedDataset) -> bool {
    freshness_points(source.update_frequency, wanted.freshness)
        .is_some_and(|p| p < points::FRESHNESS)
}

fn freshness_points(source: Frequency, wanted: Frequency) -> Option<u32> {
    match (source, period_rank(source)) {
        (Frequency::Unspecified, _) => None,
        (Frequency::Irregular, _) => Some(points::FRESHNESS_IRREGULAR),
        (_, None) => Some(points::FRESHNESS_UNKNOWN),
        (_, Some(rank)) => match period_rank(wanted) {
            Some(wanted_rank) if rank > wanted_rank => Some(points::FRESHNESS_LESS_OFTEN),
            _ => Some(points::FRESHNESS),
        },
    }
}

fn coverage_points(coverage: CoverageMatch, full: u32, partly: u32) -> Option<u32> {
    match coverage {
        CoverageMatch::NotAssessed => None,
        CoverageMatch::Matches => Some(full),
        CoverageMatch::Partly => Some(partly),
        CoverageMatch::No => Some(0),
    }
}

fn rating_points(rating: Rating, full: u32, fair: u32) -> Option<u32> {
    match rating {
        Rating::NotAssessed => None,
        Rating::Good => Some(full),
        Rating::Fair => Some(fair),
        Rating::Poor => Some(0),
    }
}

fn personal_data_points(personal: PersonalData) -> Option<u32> {
    match personal {
        PersonalData::NotAssessed => None,
        PersonalData::No => Some(points::PERSONAL_DATA),
        PersonalData::Possible => Some(points::PERSONAL_DATA_POSSIBLE),
        PersonalData::Yes => Some(0),
    }
}

/// The verdict of a fully assessed source:
/// black if it is not available at all; red if its licence is restrictive, its access
/// restricted, or it misses the area or period wanted; green if it is open, in an open format,
/// downloadable, covers what is wanted, is not poor in quality or documentation and holds no
/// personal data; orange otherwise (usable with work).
pub fn computed_verdict(source: &CandidateSource) -> Verdict {
    if source.access == Access::NotAvailable {
        return Verdict::Black;
    }
    if source.licence == Licence::Restrictive
        || source.access == Access::Restricted
        || source.spatial_coverage == CoverageMatch::No
        || source.temporal_coverage == CoverageMatch::No
    {
        return Verdict::Red;
    }
    let green = source.licence.is_open()
        && stars(source.licence, &source.formats) >= 3
        && matches!(source.access, Access::DirectDownload | Access::Api)
        && source.spatial_coverage == CoverageMatch::Matches
        && source.temporal_coverage == CoverageMatch::Matches
        && source.quality != Rating::Poor
        && source.documentation != Rating::Poor
        && source.personal_data == PersonalData::No;
    if green {
        Verdict::Green
    } else {
        Verdict::Orange
    }
}

/// Scores a source against the wanted dataset it is a candidate for.
pub fn assess(source: &CandidateSource, wanted: &WantedDataset) -> Assessment {
    let stars = stars(source.licence, &source.formats);
    let points = [
        licence_points(source.licence),
        (!source.formats.is_empty()).then_some(stars * points::PER_STAR),
        access_points(source.access),
        freshness_points(source.update_frequency, wanted.freshness),
        coverage_points(
            source.spatial_coverage,
            points::SPATIAL,
            points::SPATIAL_PARTLY,
        ),
        coverage_points(
            source.temporal_coverage,
            points::TEMPORAL,
            points::TEMPORAL_PARTLY,
        ),
        rating_points(source.quality, points::QUALITY, points::QUALITY_FAIR),
        rating_points(
            source.documentation,
            points::DOCUMENTATION,
            points::DOCUMENTATION_FAIR,
        ),
        personal_data_points(source.personal_data),
    ];
    let score = points.iter().flatten().sum();
    let computed = points
        .iter()
        .all(Option::is_some)
        .then(|| computed_verdict(source));
    let chosen = source
        .verdict_override
        .as_ref()
        .filter(|o| !o.reason.trim().is_empty())
        .map(|o| o.verdict);
    Assessment {
        points,
        score,
        stars,
        computed,
        verdict: chosen.or(computed),
        overridden: chosen.is_some(),
    }
}

/// Green first, black last: the order in which verdicts are preferred.
fn verdict_rank(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Green => 0,
        Verdict::Orange => 1,
        Verdict::Red => 2,
        Verdict::Black => 3,
    }
}

impl WantedDataset {
    /// Each source with its assessment, in the order they were added.
    pub fn assessments(&self) -> impl Iterator<Item = (&CandidateSource, Assessment)> {
        self.sources.iter().map(move |s| (s, assess(s, self)))
    }

    /// The source with the best verdict, then the best score; only sources with a verdict count.
    pub fn best_source(&self) -> Option<(&CandidateSource, Assessment)> {
        self.assessments()
            .filter(|(_, a)| a.verdict.is_some())
            .min_by_key(|(_, a)| (a.verdict.map(verdict_rank), std::cmp::Reverse(a.score)))
    }

    /// The dataset's verdict: its best source's, or black when it was searched for and not found.
    pub fn final_verdict(&self) -> Option<Verdict> {
        match self.best_source() {
            Some((_, assessment)) => assessment.verdict,
            None if self.status == super::WantedStatus::NotFound
                || self.has_flag(WorkFlag::NotFound) =>
            {
                Some(Verdict::Black)
            }
            None => None,
        }
    }

    /// At least one source has every criterion assessed.
    pub fn is_evaluated(&self) -> bool {
        self.assessments().any(|(_, a)| a.is_complete())
    }

    /// Work flags the evaluation points to and that are not set yet.
    pub fn suggested_flags(&self) -> Vec<WorkFlag> {
        let mut suggested = Vec::new();
        let mut add = |flag: WorkFlag| {
            if !suggested.contains(&flag) {
                suggested.push(flag);
            }
        };
        let partial = |c: CoverageMatch| c == CoverageMatch::Partly;
        if let Some((best, assessment)) = self.best_source() {
            if (1..3).contains(&format_level(&best.formats)) {
                add(WorkFlag::ToStandardise);
            }
            if matches!(best.quality, Rating::Fair | Rating::Poor) {
                add(WorkFlag::ToClean);
            }
            if partial(best.spatial_coverage) || partial(best.temporal_coverage) {
                add(WorkFlag::ToComplete);
            }
            if assessment.verdict == Some(Verdict::Black) {
                add(WorkFlag::NotFound);
            }
        }
        let partial_sources = self
            .sources
            .iter()
            .filter(|s| partial(s.spatial_coverage) || partial(s.temporal_coverage))
            .count();
        if partial_sources >= 2 {
            add(WorkFlag::ToCompile);
        }
        suggested.retain(|flag| !self.has_flag(*flag));
        suggested.sort_by_key(|f| <WorkFlag as super::Choice>::ALL.iter().position(|g| g == f));
        suggested
    }
}

#[cfg(test)]
pub(super) mod tests;
