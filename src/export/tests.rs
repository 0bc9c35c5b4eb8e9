//! Exports read back the way their readers read them: CSV by a CSV parser, share links by
//! the app itself.

use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::i18n::{share_error_message, DisplayName};
use crate::model::strategies::any_workspace;
use crate::model::{
    CandidateSource, Catalogue, ImportError, Licence, Project, Provenance, RoadmapAction, Route,
    Snapshot, SourceField, WantedDataset,
};

fn sample() -> Project {
    let mut project = Project::new(Uuid::from_u128(1), "Côte d'Opale: plan", 1_000);
    project.holder = "<b>Asso</b> | Mer".into();
    let mut dataset = WantedDataset {
        name: "Marées; \"hautes\"".into(),
        use_case: "Line one\nline two".into(),
        ..WantedDataset::new(Uuid::from_u128(2))
    };
    dataset.sources.push(CandidateSource {
        title: "=HYPERLINK(\"http://evil\")".into(),
        licence: Licence::Etalab2,
        // Filled from a catalogue: where from travels with the source.
        provenance: Some(Provenance {
            catalogue: Some(Catalogue::DataGouv),
            record: "https://www.data.gouv.fr/api/1/datasets/5de8/".into(),
            fetched_at: 1_800_000_000_000,
            prefilled: vec![SourceField::Licence],
        }),
        ..CandidateSource::new(Uuid::from_u128(3))
    });
    dataset.actions.push(RoadmapAction {
        owner: "Léa".into(),
        due: "2026-03-31".into(),
        ..RoadmapAction::new(Uuid::from_u128(4), Route::RequestOpening)
    });
    project.add_wanted(dataset);
    project.add_wanted(WantedDataset::new(Uuid::from_u128(5)));
    project
}

fn read_csv(bytes: &[u8], lang: Lang) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    let delimiter = if lang == Lang::Fr { b';' } else { b',' };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn file_names_carry_the_project_and_the_date() {
    assert_eq!(
        file_stem("Côte d'Opale: plan", "2026-11-27"),
        "côte-d-opale-plan-2026-11-27"
    );
    assert_eq!(file_stem("  ../../etc  ", "2026-11-27"), "etc-2026-11-27");
    assert_eq!(file_stem("", "2026-11-27"), "data-roadmap-2026-11-27");
    assert!(file_stem(&"x".repeat(500), "d").len() < 70);
    let names: Vec<String> = ProjectExport::ALL
        .iter()
        .map(|&kind| export_project(&sample(), kind, Lang::En, "2026-11-27", 0).name)
        .collect();
    assert_eq!(
        names,
        [
            "côte-d-opale-plan-2026-11-27.json",
            "côte-d-opale-plan-2026-11-27.md",
            "côte-d-opale-plan-2026-11-27-wanted-datasets.csv",
            "côte-d-opale-plan-2026-11-27-sources.csv",
            "côte-d-opale-plan-2026-11-27-roadmap.csv",
        ]
    );
}

#[test]
fn the_json_export_imports_back_identical() {
    let file = export_project(&sample(), ProjectExport::Json, Lang::Fr, "2026-11-27", 7);
    let text = String::from_utf8(file.bytes).unwrap();
    let back = crate::model::parse_import(&text).unwrap();
    assert_eq!(back.projects, vec![sample()]);
}

#[test]
fn csv_tables_parse_back_with_one_row_per_item() {
    for lang in Lang::ALL {
        let wanted = read_csv(&wanted_csv(&sample(), lang), lang);
        assert_eq!(wanted.len(), 3, "header + 2 datasets");
        assert_eq!(wanted[0][1], Key::WantedName.text(lang));
        assert_eq!(wanted[1][1], "Marées; \"hautes\"");
        assert_eq!(wanted[1][3], "Line one\nline two");
        assert!(wanted.iter().all(|row| row.len() == wanted[0].len()));

        let sources = read_csv(&sources_csv(&sample(), lang), lang);
        assert_eq!(sources.len(), 2);
        assert_eq!(
            sources[1][2], "'=HYPERLINK(\"http://evil\")",
            "formula defused"
        );
        assert_eq!(sources[1][6], Key::LicenceEtalab.text(lang));

        let today = time::Date::from_calendar_date(2026, time::Month::March, 1).unwrap();
        let actions = read_csv(&actions_csv(&sample(), lang, today), lang);
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[1][4], "Léa");
        assert_eq!(actions[1][5], "2026-03-31");
        assert_eq!(actions[1][6], Key::HorizonNow.text(lang));
    }
}

#[test]
fn the_markdown_report_escapes_user_text() {
    let md = project_markdown(&sample(), Lang::En, "2026-11-27");
    assert!(md.starts_with("# Côte d'Opale: plan\n"));
    assert!(md.contains("\\<b\\>Asso\\</b\\> \\| Mer"), "{md}");
    assert!(!md.contains("<b>"));
    assert!(md.contains("## Wanted Data List"));
    assert!(md.contains("| 1 | Marées; \"hautes\" | Line one line two |"));
    assert!(md.contains("| — |"), "empty cells get a dash");
    let empty = project_markdown(&Project::new(Uuid::nil(), "", 0), Lang::Fr, "2026-11-27");
    assert!(empty.starts_with("# Projet sans nom"));
    assert!(empty.contains("Rien pour l'instant."));
}

#[test]
fn a_share_link_carries_the_content_without_the_history() {
    let mut project = sample();
    project.snapshots.push(Snapshot::default());
    project.backup.edits_since_export = 12;
    let fragment = encode_share_link(&project).unwrap();
    assert!(fragment.starts_with(SHARE_PREFIX));
    assert!(fragment
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b)));
    let back = decode_share_link(&format!("#{fragment}")).unwrap().unwrap();
    assert_eq!(back.projects, vec![project.content()]);
    let source = &back.projects[0].wanted[0].sources[0];
    assert!(
        source.prefilled(SourceField::Licence).is_some(),
        "provenance kept"
    );
    assert_eq!(decode_share_link("#/project/1"), None);
    // The home screen tells a share link apart before fetching the code that reads it.
    assert!(is_share_link(&format!("#{fragment}")) && is_share_link(&fragment));
    assert!(!is_share_link("#/project/1") && !is_share_link("") && !is_share_link("#"));
}

#[test]
fn a_project_too_large_for_a_link_is_refused_with_figures() {
    let mut project = sample();
    // Text that does not compress: a pseudo-random walk.
    let mut seed = 1u64;
    project.description = (0..40_000)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            char::from(b'a' + (seed >> 59) as u8)
        })
        .collect();
    match encode_share_link(&project) {
        Err(ShareError::TooLarge { length, limit }) => {
            assert!(length > limit);
            assert_eq!(limit, MAX_SHARE_FRAGMENT);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_cut_or_hostile_link_is_explained() {
    let fragment = encode_share_link(&sample()).unwrap();
    let cut = &fragment[..fragment.len() - 10];
    let error = decode_share_link(cut).unwrap().unwrap_err();
    assert_eq!(error, ShareError::Damaged);
    assert!(share_error_message(&error, Lang::Fr).contains("abîmé"));
    // A tiny link that would inflate to far more than any project.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 64 * 1024 * 1024], 9);
    let link = format!("{SHARE_PREFIX}{}", URL_SAFE.encode(bomb));
    assert_eq!(
        decode_share_link(&link),
        Some(Err(ShareError::Damaged)),
        "inflating stops at the limit"
    );
    let not_ours = miniz_oxide::deflate::compress_to_vec(b"{\"hello\":1}", 9);
    let link = format!("{SHARE_PREFIX}{}", URL_SAFE.encode(not_ours));
    assert!(matches!(
        decode_share_link(&link),
        Some(Err(ShareError::Unreadable(ImportError::Unreadable(_))))
    ));
}

use base64::engine::general_purpose::URL_SAFE_NO_PAD as URL_SAFE;
use base64::Engine;

proptest! {
    #[test]
    fn every_project_shares_and_comes_back(workspace in any_workspace()) {
        for project in &workspace.projects {
            match encode_share_link(project) {
                Ok(fragment) => {
                    let back = decode_share_link(&fragment).unwrap();
                    prop_assert_eq!(back, Ok(Workspace { projects: vec![project.content()], ..Workspace::default() }));
                }
                Err(ShareError::TooLarge { .. }) => {}
                Err(other) => prop_assert!(false, "{other:?}"),
            }
        }
    }

    #[test]
    fn any_fragment_never_panics_and_is_explained(text in "#?share=[A-Za-z0-9_=-]{0,300}|.{0,300}") {
        // What the home screen checks first is exactly what the reader then accepts.
        prop_assert_eq!(is_share_link(&text), decode_share_link(&text).is_some());
        if let Some(Err(error)) = decode_share_link(&text) {
            prop_assert!(!share_error_message(&error, Lang::En).is_empty());
        }
    }

    #[test]
    fn csv_exports_always_parse_back(workspace in any_workspace()) {
        for project in &workspace.projects {
            let rows = read_csv(&sources_csv(project, Lang::Fr), Lang::Fr);
            let count: usize = project.wanted.iter().map(|d| d.sources.len()).sum();
            prop_assert_eq!(rows.len(), count + 1);
        }
    }
}

/// The v7 fixture's first project and its first wanted dataset (a request to Ifremer).
fn posidonia() -> (Project, WantedDataset) {
    let text = include_str!("../../tests/fixtures/workspace-v7.json");
    let project = crate::model::Workspace::from_json(text)
        .unwrap()
        .projects
        .remove(0);
    let wanted = project.wanted[0].clone();
    (project, wanted)
}

#[test]
fn the_french_letter_names_who_asks_what_for_what_and_on_which_articles() {
    let (project, wanted) = posidonia();
    let letter = request_letter(&project, &wanted, Lang::Fr, "12 janv. 2026");
    for expected in [
        "Association Mer Vivante\nObservatoire des herbiers de posidonie",
        "À l'attention de : Ifremer",
        "Le 12 janv. 2026",
        "Objet : demande de communication et de publication des données « Cartographie des herbiers »",
        "Il s'agit de : Contours des herbiers de posidonie.",
        "Ces données serviront à : Fond de carte de l'observatoire.",
        "(article L300-2 du code des relations entre le public et l'administration)",
        "(article L311-1)",
        "GeoJSON",
        "l'article L311-9",
        "(article L312-1-1)",
        "(article L321-1)",
        "(article R311-13)",
        "(article R343-1)",
    ] {
        assert!(letter.contains(expected), "{expected:?} missing from:\n{letter}");
    }
    assert!(letter.ends_with("\n\nAssociation Mer Vivante"), "signed");
    assert!(letter_gaps(&project, &wanted).is_empty());
}

#[test]
fn the_english_letter_invokes_the_directive_and_claims_no_right_of_access() {
    let (project, wanted) = posidonia();
    let letter = request_letter(&project, &wanted, Lang::En, "12 Jan 2026");
    assert!(letter.contains("Directive (EU) 2019/1024"));
    assert!(letter.contains("It does not itself create a right of access"));
    assert!(letter.contains("To: Ifremer"));
    for french_law in ["L311-1", "CADA", "R311-13", "code des relations"] {
        assert!(
            !letter.contains(french_law),
            "{french_law} in the English letter"
        );
    }
    assert!(
        !letter.to_lowercase().contains("you must"),
        "a request, not a demand"
    );
}

#[test]
fn a_letter_with_blanks_reads_whole_and_says_what_is_missing() {
    let project = Project::new(Uuid::from_u128(1), "", 0);
    let wanted = WantedDataset::new(Uuid::from_u128(2));
    assert_eq!(
        letter_gaps(&project, &wanted),
        [LetterGap::Holder, LetterGap::Producer, LetterGap::Use]
    );
    let letter = request_letter(&project, &wanted, Lang::Fr, "1 févr. 2026");
    assert!(letter.contains("À l'attention de : [producteur de la donnée]"));
    assert!(letter.starts_with("[votre organisation]\n"));
    assert!(!letter.contains("serviront à"), "no empty use sentence");
    assert!(!letter.contains("Il s'agit de"), "no empty description");
    assert!(letter.contains("CSV, JSON ou tout autre format ouvert"));
    let file = letter_file(&project, &letter, "2026-02-01");
    assert_eq!(file.name, "data-roadmap-2026-02-01-request.txt");
    assert_eq!(file.bytes, letter.as_bytes());
}

proptest! {
    #[test]
    fn any_project_gets_a_whole_letter_in_both_languages(workspace in any_workspace()) {
        for project in &workspace.projects {
            for wanted in &project.wanted {
                for lang in Lang::ALL {
                    let letter = request_letter(project, wanted, lang, "date");
                    // `Key::fill` checks every placeholder is given, in this debug build.
                    prop_assert!(letter.contains(wanted.display_name(lang).as_str()));
                    prop_assert!(letter.split("\n\n").count() >= 10, "every paragraph");
                }
            }
        }
    }
}

#[test]
fn a_meeting_sheet_groups_requests_by_dataset_and_escapes_what_was_typed() {
    use crate::model::{producers, Access, ProducerMerges};
    let (project, mut wanted) = posidonia();
    wanted.sources[0].access = Access::OnRequest;
    let mut other = Project::new(Uuid::from_u128(9), "[Festival](http://evil)", 0);
    other.wanted.push(WantedDataset {
        name: "cartographie des HERBIERS".into(),
        producer: "IFREMER".into(),
        ..WantedDataset::new(Uuid::from_u128(10))
    });
    let mut first = project.clone();
    first.wanted = vec![wanted];
    let list = producers(&[&first, &other], &ProducerMerges::default());
    let ifremer = list.iter().find(|p| p.key == "ifremer").unwrap();
    let sheet = meeting_sheet_markdown(ifremer, Lang::En, "2026-11-28");
    assert!(sheet.starts_with("# Meeting sheet — Ifremer\n"), "{sheet}");
    assert_eq!(
        sheet.matches("\n## ").count(),
        1,
        "one dataset, two projects:\n{sheet}"
    );
    assert!(
        sheet.contains(
            "Requested by: Observatoire des herbiers de posidonie, \\[Festival\\]\\(http://evil\\)"
        ),
        "{sheet}"
    );
    assert!(sheet.contains("  - A direct download or an API, with no request needed"));
    assert!(sheet.contains("- Producer's answer:"));
}
