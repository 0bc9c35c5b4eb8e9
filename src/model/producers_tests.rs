//! Producers across projects: folding names, merging them, ranking, problems, shared needs.

use proptest::prelude::*;
use uuid::Uuid;

use super::strategies::{any_text, any_workspace};
use super::*;

fn project(n: u128, name: &str, wanted: Vec<WantedDataset>) -> Project {
    let mut project = Project::new(Uuid::from_u128(n), name, 0);
    project.wanted = wanted;
    project
}

fn wanted(n: u128, name: &str, producer: &str) -> WantedDataset {
    WantedDataset {
        name: name.into(),
        producer: producer.into(),
        ..WantedDataset::new(Uuid::from_u128(n))
    }
}

#[test]
fn spellings_of_one_name_fold_to_one() {
    for spelling in [
        "Région Sud",
        "REGION SUD",
        "Region  Sud",
        " région-sud ",
        "Re\u{301}gion, Sud.",
        "RÉGION SUD",
    ] {
        assert_eq!(normalise_name(spelling), "region sud", "{spelling:?}");
    }
    assert_eq!(normalise_name("Œuvre d'Art"), "oeuvre d art");
    assert_eq!(normalise_name("Straße Łódź"), "strasse lodz");
    // Other scripts are lowered and kept (their accents too).
    assert_eq!(normalise_name("Ελληνική ΑΡΧΗ"), "ελληνική αρχη");
    assert_eq!(normalise_name("  ;;; "), "");
}

#[test]
fn producers_gather_every_request_and_rank_the_most_asked_first() {
    let mut herbiers = wanted(11, "Cartographie des herbiers", "Ifremer");
    herbiers.value = Value::Critical;
    herbiers.sources.push(CandidateSource {
        producer: "IFREMER".into(),
        licence: Licence::Restrictive,
        formats: vec![Format::Pdf],
        access: Access::OnRequest,
        personal_data: PersonalData::No,
        documentation: Rating::Poor,
        ..CandidateSource::new(Uuid::from_u128(12))
    });
    let a = project(
        1,
        "Observatoire",
        vec![herbiers, wanted(13, "Trafic maritime", "Région Sud")],
    );
    let b = project(
        2,
        "Festival",
        vec![wanted(21, "Lieux culturels", "REGION SUD")],
    );
    let c = project(
        3,
        "Ports",
        vec![wanted(31, "Escales", "Region  Sud"), wanted(32, "", "")],
    );
    let list = producers(&[&a, &b, &c], &ProducerMerges::default());
    assert_eq!(
        list.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(),
        ["region sud", "ifremer"]
    );
    let region = &list[0];
    assert_eq!(region.requests.len(), 3);
    assert_eq!(region.project_count(), 3);
    assert_eq!(region.names.len(), 3, "every spelling kept");
    let ifremer = &list[1];
    assert_eq!(
        ifremer.requests.len(),
        1,
        "a dataset and its source: one request"
    );
    let request = &ifremer.requests[0];
    assert_eq!(
        (request.project, request.wanted),
        (a.id, Uuid::from_u128(11))
    );
    assert_eq!(request.value, Some(4));
    assert_eq!(
        request.problems.iter().copied().collect::<Vec<_>>(),
        [
            Problem::NoOpenLicence,
            Problem::NotMachineReadable,
            Problem::NoDocumentation,
            Problem::AccessOnRequest
        ]
    );
}

#[test]
fn a_merge_the_facilitator_makes_joins_two_names_and_is_kept() {
    let a = project(1, "A", vec![wanted(11, "Bathymétrie", "Ifremer")]);
    let b = project(
        2,
        "B",
        vec![wanted(
            21,
            "Bathymétrie côtière",
            "Institut français de recherche pour l'exploitation de la mer",
        )],
    );
    let mut merges = ProducerMerges::default();
    assert_eq!(producers(&[&a, &b], &merges).len(), 2);
    merges.merge(
        "IFREMER",
        "Institut Français de Recherche pour l'Exploitation de la Mer",
    );
    let list = producers(&[&a, &b], &merges);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].requests.len(), 2);
    assert_eq!(merges.pairs().len(), 1);
    let needs = shared_needs(&[&a, &b], &merges);
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].words.iter().collect::<Vec<_>>(), ["bathymetrie"]);
}

#[test]
fn shared_needs_need_one_producer_and_a_shared_word_across_projects() {
    let a = project(
        1,
        "A",
        vec![
            wanted(11, "Cartographie des herbiers", "Ifremer"),
            wanted(12, "Herbiers de posidonie", "Ifremer"),
        ],
    );
    let b = project(
        2,
        "B",
        vec![
            wanted(21, "Carte des herbiers marins", "IFREMER"),
            wanted(22, "Herbiers", "Office français de la biodiversité"),
            wanted(23, "Données des ports", "Ifremer"),
        ],
    );
    let needs = shared_needs(&[&a, &b], &ProducerMerges::default());
    let pairs: Vec<_> = needs.iter().map(|n| (n.first.1, n.second.1)).collect();
    let id = Uuid::from_u128;
    assert_eq!(pairs, [(id(11), id(21)), (id(12), id(21))], "{needs:#?}");
    assert!(needs.iter().all(|n| n.words.contains("herbiers")));
    assert_eq!(
        significant_words("Données des ports"),
        ["ports".to_string()].into()
    );
}

/// A name with its case changed, accents added, punctuation and spaces inserted.
fn spelled_otherwise(words: Vec<String>) -> impl Strategy<Value = (String, String)> {
    let plain = words.join(" ");
    let n = plain.chars().count();
    (
        proptest::collection::vec(any::<bool>(), n),
        proptest::collection::vec(any::<bool>(), n),
        proptest::collection::vec(
            prop_oneof![Just(" "), Just("  "), Just("-"), Just(", "), Just(". ")],
            words.len(),
        ),
    )
        .prop_map(move |(upper, accent, separators)| {
            let mut other = String::new();
            let mut word = 0;
            for (i, c) in plain.chars().enumerate() {
                if c == ' ' {
                    other.push_str(separators[word]);
                    word += 1;
                    continue;
                }
                let c = match (c, accent[i]) {
                    ('e', true) => 'é',
                    ('a', true) => 'à',
                    ('o', true) => 'ô',
                    ('c', true) => 'ç',
                    (c, _) => c,
                };
                if upper[i] {
                    other.extend(c.to_uppercase());
                } else {
                    other.push(c);
                }
            }
            (plain.clone(), other)
        })
}

proptest! {
    #[test]
    fn folding_is_idempotent(name in any_text()) {
        let once = normalise_name(&name);
        prop_assert_eq!(normalise_name(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
    }

    #[test]
    fn case_accents_punctuation_and_spacing_fold_away(
        (plain, other) in proptest::collection::vec("[a-z0-9]{1,8}", 1..4).prop_flat_map(spelled_otherwise)
    ) {
        prop_assert_eq!(normalise_name(&other), plain);
    }

    #[test]
    fn merging_names_never_loses_a_request(
        workspace in any_workspace(),
        picks in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..6),
    ) {
        let projects: Vec<&Project> = workspace.projects.iter().collect();
        let requested = |list: &[Producer]| {
            list.iter()
                .flat_map(|p| p.requests.iter().map(|r| (r.project, r.wanted)))
                .collect::<std::collections::BTreeSet<_>>()
        };
        let before = producers(&projects, &ProducerMerges::default());
        let names: Vec<String> = before.iter().flat_map(|p| p.names.iter().cloned()).collect();
        let mut merges = ProducerMerges::default();
        if !names.is_empty() {
            for (a, b) in picks {
                merges.merge(&names[a.index(names.len())], &names[b.index(names.len())]);
            }
        }
        let after = producers(&projects, &merges);
        prop_assert_eq!(requested(&after), requested(&before));
        prop_assert!(after.len() <= before.len());
        let spellings = |list: &[Producer]| list.iter().map(|p| p.names.len()).sum::<usize>();
        prop_assert!(spellings(&after) <= spellings(&before));
        for need in shared_needs(&projects, &merges) {
            prop_assert!(need.first < need.second);
            prop_assert!(need.first.0 != need.second.0, "never within one project");
        }
    }
}
