//! Data producers across a group of projects, for the facilitators who bring project holders
//! and producers together: who is asked for what, by how many projects, and what to ask them
//! to improve. Names are folded so that "Région Sud", "REGION SUD" and "Region  Sud" are one
//! producer; what folding misses, the facilitator merges by hand ([`ProducerMerges`]).

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::evaluation::updated_less_often_than_needed;
use super::{
    Access, CandidateSource, Format, Licence, PersonalData, Project, Rating, Verdict, WantedDataset,
};

/// A producer's name folded for comparison: lower case, without accents, punctuation as
/// spaces, spaces single, none at the ends. Folding twice changes nothing.
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match unaccented(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// Accents typed as a letter followed by a combining mark (`e` + U+0301).
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The Latin letters of the workshops' languages and their neighbours', without accents. A
/// table rather than Unicode decomposition: a normalisation crate's tables would weigh more
/// than this whole module.
fn unaccented(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("çćĉċč", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("æ", "ae"),
        ("œ", "oe"),
        ("ß", "ss"),
    ];
    TABLE
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map(|(_, plain)| *plain)
}

/// Names the facilitator said are one producer, remembered as pairs of folded names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProducerMerges {
    pairs: Vec<(String, String)>,
}

impl ProducerMerges {
    pub fn merge(&mut self, a: &str, b: &str) {
        let (a, b) = (normalise_name(a), normalise_name(b));
        if a != b && !a.is_empty() && !b.is_empty() {
            self.pairs.push((a, b));
        }
    }

    /// The key of the producer a name stands for, merges applied.
    pub fn key_of(&self, name: &str) -> String {
        self.canonical(&normalise_name(name))
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The name standing for `key`'s group: the smallest folded name of the group, so that
    /// the order merges were made in does not matter.
    fn canonical(&self, key: &str) -> String {
        let mut group: BTreeSet<&str> = BTreeSet::from([key]);
        loop {
            let before = group.len();
            for (a, b) in &self.pairs {
                if group.contains(a.as_str()) || group.contains(b.as_str()) {
                    group.insert(a);
                    group.insert(b);
                }
            }
            if group.len() == before {
                break;
            }
        }
        group.first().map_or_else(String::new, |k| (*k).to_string())
    }
}

/// What phase 2 found wrong with the sources a producer offers for a dataset, each turned into
/// the improvement to ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Problem {
    /// Ask for an open licence.
    NoOpenLicence,
    /// Only as PDF, or in no machine-readable format: ask for a structured, open format.
    NotMachineReadable,
    /// Updated irregularly or less often than the project needs: ask for regular updates.
    NotUpdated,
    /// Documentation rated poor: ask for documentation.
    NoDocumentation,
    /// Personal data possible or present: ask for an anonymised or aggregated version.
    PersonalData,
    /// Access on request, restricted or not available: ask for a direct download or an API.
    AccessOnRequest,
}

impl Problem {
    pub const ALL: [Problem; 6] = [
        Problem::NoOpenLicence,
        Problem::NotMachineReadable,
        Problem::NotUpdated,
        Problem::NoDocumentation,
        Problem::PersonalData,
        Problem::AccessOnRequest,
    ];

    /// The problems one evaluated source of `wanted` shows; criteria not assessed show none.
    pub fn of_source(source: &CandidateSource, wanted: &WantedDataset) -> BTreeSet<Problem> {
        let mut found = BTreeSet::new();
        if matches!(source.licence, Licence::Restrictive | Licence::Unknown) {
            found.insert(Problem::NoOpenLicence);
        }
        let structured = source
            .formats
            .iter()
            .any(|f| !matches!(f, Format::Pdf | Format::Other));
        if !source.formats.is_empty() && !structured {
            found.insert(Problem::NotMachineReadable);
        }
        if updated_less_often_than_needed(source, wanted) {
            found.insert(Problem::NotUpdated);
        }
        if source.documentation == Rating::Poor {
            found.insert(Problem::NoDocumentation);
        }
        if matches!(
            source.personal_data,
            PersonalData::Possible | PersonalData::Yes
        ) {
            found.insert(Problem::PersonalData);
        }
        if matches!(
            source.access,
            Access::OnRequest | Access::Restricted | Access::NotAvailable
        ) {
            found.insert(Problem::AccessOnRequest);
        }
        found
    }
}

/// One project's request to a producer: a wanted dataset that names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ProducerRequest {
    pub project: Uuid,
    pub project_name: String,
    pub wanted: Uuid,
    pub wanted_name: String,
    /// The value score, 1 to 4, if given.
    pub value: Option<u8>,
    /// The best source's verdict, once a source is evaluated.
    pub verdict: Option<Verdict>,
    /// The availability in force (the holder's, or the suggestion), 1 to 4.
    pub availability: Option<u8>,
    /// Found in the dataset's sources from this producer (all its sources if none names one).
    pub problems: BTreeSet<Problem>,
}

/// A producer, the spellings it was given, and every request to it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Producer {
    /// The folded name that stands for the producer (after merges).
    pub key: String,
    /// The names as typed, each once.
    pub names: BTreeSet<String>,
    pub requests: Vec<ProducerRequest>,
}

impl Producer {
    /// The name to show: among the spellings that are not all capitals (case is more often
    /// right there), the one with the most accented letters ("Région Sud" rather than
    /// "Region Sud"), the first on a tie; else the first spelling.
    pub fn display_name(&self) -> &str {
        let shouting = |name: &String| !name.chars().any(char::is_lowercase);
        let accents = |name: &String| name.chars().filter(|c| !c.is_ascii()).count();
        let mut best: Option<&String> = None;
        for name in self.names.iter().filter(|n| !shouting(n)) {
            if best.is_none_or(|b| accents(name) > accents(b)) {
                best = Some(name);
            }
        }
        best.or_else(|| self.names.first())
            .map_or("", String::as_str)
    }

    /// How many projects ask this producer for something.
    pub fn project_count(&self) -> usize {
        self.requests
            .iter()
            .map(|r| r.project)
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// The meeting's agenda: the requests grouped by dataset (names folded alike are one
    /// dataset), the most requested first.
    pub fn agenda(&self) -> Vec<AgendaItem<'_>> {
        let mut items: Vec<AgendaItem> = Vec::new();
        for request in &self.requests {
            let key = normalise_name(&request.wanted_name);
            match items.iter_mut().find(|i| normalise_name(i.dataset) == key) {
                Some(item) => item.requests.push(request),
                None => items.push(AgendaItem {
                    dataset: &request.wanted_name,
                    requests: vec![request],
                }),
            }
        }
        // A stable ranking by insertion: a slice sort would add its own code for this type.
        let mut ranked: Vec<AgendaItem> = Vec::with_capacity(items.len());
        for item in items {
            let at = ranked.partition_point(|r| r.requests.len() >= item.requests.len());
            ranked.insert(at, item);
        }
        ranked
    }

    /// Every problem found across the requests: the improvements to ask for.
    pub fn problems(&self) -> BTreeSet<Problem> {
        self.requests
            .iter()
            .flat_map(|r| r.problems.iter().copied())
            .collect()
    }
}

/// One dataset on a producer's meeting agenda, and the projects that ask for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem<'a> {
    /// The dataset's name as the first project typed it.
    pub dataset: &'a str,
    pub requests: Vec<&'a ProducerRequest>,
}

impl AgendaItem<'_> {
    pub fn problems(&self) -> BTreeSet<Problem> {
        self.requests
            .iter()
            .flat_map(|r| r.problems.iter().copied())
            .collect()
    }
}

/// Every producer the projects' wanted datasets name (and their sources, when the dataset
/// names none), with merges applied, the most requested first: who to invite first.
pub fn producers(projects: &[&Project], merges: &ProducerMerges) -> Vec<Producer> {
    let mut by_key: BTreeMap<String, Producer> = BTreeMap::new();
    for project in projects {
        for wanted in &project.wanted {
            for name in producer_names(wanted) {
                let key = merges.canonical(&normalise_name(&name));
                if key.is_empty() {
                    continue;
                }
                let producer = by_key.entry(key.clone()).or_insert_with(|| Producer {
                    key,
                    names: BTreeSet::new(),
                    requests: Vec::new(),
                });
                producer
                    .names
                    .insert(name.split_whitespace().collect::<Vec<_>>().join(" "));
                let request = request(project, wanted, &producer.key, merges);
                if !producer
                    .requests
                    .iter()
                    .any(|r| r.project == request.project && r.wanted == request.wanted)
                {
                    producer.requests.push(request);
                }
            }
        }
    }
    // Ranked by insertion (the map gives them in key order, which settles ties): a slice
    // sort would add its own code for this type to the wasm.
    let mut list: Vec<Producer> = Vec::with_capacity(by_key.len());
    for producer in by_key.into_values() {
        let rank = (producer.requests.len(), producer.project_count());
        let at = list.partition_point(|p| (p.requests.len(), p.project_count()) >= rank);
        list.insert(at, producer);
    }
    list
}

/// The producers a wanted dataset names: its own field, and its sources' (blank names are
/// skipped by the caller, whose folded key is then empty).
fn producer_names(wanted: &WantedDataset) -> BTreeSet<String> {
    std::iter::once(&wanted.producer)
        .chain(wanted.sources.iter().map(|s| &s.producer))
        .map(|name| name.trim().to_string())
        .collect()
}

fn request(
    project: &Project,
    wanted: &WantedDataset,
    key: &str,
    merges: &ProducerMerges,
) -> ProducerRequest {
    let from_producer: Vec<&CandidateSource> = wanted
        .sources
        .iter()
        .filter(|s| merges.canonical(&normalise_name(&s.producer)) == key)
        .collect();
    let sources: Vec<&CandidateSource> = if from_producer.is_empty() {
        wanted.sources.iter().collect()
    } else {
        from_producer
    };
    ProducerRequest {
        project: project.id,
        project_name: project.name.trim().to_string(),
        wanted: wanted.id,
        wanted_name: wanted.name.trim().to_string(),
        value: wanted.value.number(),
        verdict: wanted.final_verdict(),
        availability: wanted.availability_in_force().and_then(|(a, _)| a.number()),
        problems: sources
            .into_iter()
            .flat_map(|s| Problem::of_source(s, wanted))
            .collect(),
    }
}

/// Two wanted datasets of different projects that look like one need: the same producer and
/// names that share significant words. The facilitator confirms or dismisses each.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedNeed {
    /// The producer's folded name.
    pub producer: String,
    /// (project, wanted dataset), the smaller pair first.
    pub first: (Uuid, Uuid),
    pub second: (Uuid, Uuid),
    /// The significant words both names have.
    pub words: BTreeSet<String>,
}

/// Words that say nothing about what a dataset is, in the workshops' languages.
const STOP_WORDS: &[&str] = &[
    "and", "the", "for", "with", "data", "dataset", "des", "les", "une", "pour", "aux", "sur",
    "dans", "par", "donnees", "donnee", "jeu",
];

/// The words of a name that tell what it is: folded, three letters or more, not a stop word.
pub fn significant_words(name: &str) -> BTreeSet<String> {
    normalise_name(name)
        .split(' ')
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Every shared need among `projects`, ordered; pairs within one project are not proposed.
pub fn shared_needs(projects: &[&Project], merges: &ProducerMerges) -> Vec<SharedNeed> {
    let mut needs = BTreeSet::new();
    for producer in producers(projects, merges) {
        let names: Vec<(&ProducerRequest, BTreeSet<String>)> = producer
            .requests
            .iter()
            .map(|r| (r, significant_words(&r.wanted_name)))
            .collect();
        for (i, (a, words_a)) in names.iter().enumerate() {
            for (b, words_b) in &names[i + 1..] {
                if a.project == b.project {
                    continue;
                }
                let words: BTreeSet<String> = words_a.intersection(words_b).cloned().collect();
                if words.is_empty() {
                    continue;
                }
                let (first, second) = {
                    let (x, y) = ((a.project, a.wanted), (b.project, b.wanted));
                    if x <= y {
                        (x, y)
                    } else {
                        (y, x)
                    }
                };
                needs.insert(SharedNeed {
                    producer: producer.key.clone(),
                    first,
                    second,
                    words,
                });
            }
        }
    }
    needs.into_iter().collect()
}
