//! Native tests of the model: editing rules, progress, the stored format and its migration.

use proptest::prelude::*;
use uuid::Uuid;

use super::strategies::any_workspace;
use super::*;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn named(n: u128, name: &str) -> WantedDataset {
    WantedDataset {
        name: name.into(),
        ..WantedDataset::new(id(n))
    }
}

fn names(project: &Project) -> Vec<&str> {
    project.wanted.iter().map(|d| d.name.as_str()).collect()
}

fn sample_project() -> Project {
    let mut project = Project::new(id(1), "Sea temperature app", 1_000);
    for (n, name) in [(10, "A"), (11, "B"), (12, "C")] {
        project.add_wanted(named(n, name));
    }
    project
}

#[test]
fn wanted_rows_are_added_in_order_and_edited_in_place() {
    let mut project = sample_project();
    assert_eq!(names(&project), ["A", "B", "C"]);
    project.wanted_mut(id(11)).unwrap().theme = "Ocean".into();
    assert_eq!(project.wanted(id(11)).unwrap().theme, "Ocean");
    assert!(project.wanted_mut(id(99)).is_none());
}

#[test]
fn wanted_rows_move_up_and_down_but_not_past_the_ends() {
    let mut project = sample_project();
    assert!(project.move_wanted(id(12), Direction::Up));
    assert_eq!(names(&project), ["A", "C", "B"]);
    assert!(project.move_wanted(id(10), Direction::Down));
    assert_eq!(names(&project), ["C", "A", "B"]);
    assert!(!project.move_wanted(id(12), Direction::Up), "already first");
    assert!(
        !project.move_wanted(id(11), Direction::Down),
        "already last"
    );
    assert!(!project.move_wanted(id(99), Direction::Up), "unknown id");
    assert_eq!(names(&project), ["C", "A", "B"]);
}

#[test]
fn a_removed_row_can_be_restored_where_it_was() {
    let mut project = sample_project();
    let (index, removed) = project.remove_wanted(id(11)).unwrap();
    assert_eq!((index, names(&project)), (1, vec!["A", "C"]));
    project.restore_wanted(index, removed.clone());
    assert_eq!(names(&project), ["A", "B", "C"]);
    project.restore_wanted(index, removed);
    assert_eq!(
        project.wanted.len(),
        3,
        "restoring twice does not duplicate"
    );
    assert!(project.remove_wanted(id(99)).is_none());
}

#[test]
fn restoring_into_a_shorter_list_appends() {
    let mut project = sample_project();
    let (index, removed) = project.remove_wanted(id(12)).unwrap();
    project.remove_wanted(id(11));
    project.restore_wanted(index, removed);
    assert_eq!(names(&project), ["A", "C"]);
}

#[test]
fn work_flags_stay_sorted_and_unique() {
    let mut dataset = WantedDataset::new(id(1));
    dataset.set_flag(WorkFlag::ToStandardise, true);
    dataset.set_flag(WorkFlag::NotFound, true);
    dataset.set_flag(WorkFlag::NotFound, true);
    assert_eq!(dataset.flags, [WorkFlag::NotFound, WorkFlag::ToStandardise]);
    dataset.set_flag(WorkFlag::NotFound, false);
    assert!(!dataset.has_flag(WorkFlag::NotFound));
    assert!(dataset.has_flag(WorkFlag::ToStandardise));
}

#[test]
fn editing_a_project_stamps_it_and_unknown_ids_are_refused() {
    let mut workspace = Workspace::default();
    workspace.add_project(sample_project());
    assert!(workspace
        .edit_project(id(1), 5_000, |p| p.holder = "Datactivist".into())
        .is_some());
    let project = workspace.project(id(1)).unwrap();
    assert_eq!(
        (project.holder.as_str(), project.updated_at),
        ("Datactivist", 5_000)
    );
    assert!(workspace
        .edit_project(id(2), 6_000, |_| unreachable!())
        .is_none());
}

#[test]
fn a_deleted_project_can_be_undone_and_the_list_is_most_recent_first() {
    let mut workspace = Workspace::default();
    for (n, at) in [(1, 100), (2, 300), (3, 200)] {
        workspace.add_project(Project::new(id(n), format!("P{n}"), at));
    }
    let order: Vec<_> = workspace
        .projects_by_recent()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(order, [id(2), id(3), id(1)]);
    let (index, removed) = workspace.remove_project(id(2)).unwrap();
    assert!(workspace.project(id(2)).is_none());
    workspace.restore_project(index, removed);
    assert_eq!(workspace.projects[1].id, id(2));
}

#[test]
fn a_duplicate_gets_fresh_ids_and_keeps_the_content() {
    let mut original = sample_project();
    original.wanted[0]
        .sources
        .push(CandidateSource::new(id(60)));
    let mut next = 100;
    let copy = original.duplicate("Copy".into(), 9_000, || {
        next += 1;
        id(next)
    });
    assert_eq!(copy.name, "Copy");
    assert_eq!(copy.id, id(101));
    assert_eq!(names(&copy), names(&original));
    assert!(copy.wanted.iter().all(|d| original.wanted(d.id).is_none()));
    assert_eq!(copy.wanted[0].sources.len(), 1);
    assert_ne!(
        copy.wanted[0].sources[0].id,
        original.wanted[0].sources[0].id
    );
    assert_eq!((copy.created_at, copy.updated_at), (9_000, 9_000));
}

#[test]
fn phase_one_progress_counts_described_datasets() {
    let mut project = Project::new(id(1), "P", 0);
    let empty = project.progress(Phase::WantedList);
    assert_eq!(
        (empty.state(), empty.percent()),
        (PhaseState::NotStarted, 0)
    );

    project.add_wanted(named(10, "Bathymetry"));
    project.add_wanted(named(11, "Buoys"));
    project.wanted_mut(id(10)).unwrap().use_case = "Map depth".into();
    let half = project.progress(Phase::WantedList);
    assert_eq!((half.done, half.total, half.percent()), (1, 2, 50));
    assert_eq!(half.state(), PhaseState::InProgress);
    let missing: Vec<_> = project.undescribed_wanted().map(|d| d.id).collect();
    assert_eq!(missing, [id(11)]);

    project.wanted_mut(id(11)).unwrap().use_case = "Live data".into();
    assert_eq!(
        project.progress(Phase::WantedList).state(),
        PhaseState::Complete
    );
}

#[test]
fn a_blank_name_or_use_case_is_not_described() {
    let mut dataset = named(1, "   ");
    dataset.use_case = "x".into();
    assert!(!dataset.is_described());
}

#[test]
fn later_phases_count_every_dataset_not_dropped_as_still_to_do() {
    let mut project = sample_project();
    project.wanted_mut(id(10)).unwrap().status = WantedStatus::Dropped;
    for phase in [Phase::CollectEvaluate, Phase::Roadmap] {
        assert_eq!(project.progress(phase), PhaseProgress { done: 0, total: 2 });
    }
    project
        .wanted_mut(id(11))
        .unwrap()
        .actions
        .push(RoadmapAction::new(id(70), Route::Buy));
    assert_eq!(
        project.progress(Phase::Roadmap),
        PhaseProgress { done: 1, total: 2 }
    );
}

#[test]
fn phase_two_counts_datasets_with_a_fully_evaluated_source() {
    let mut project = sample_project();
    let evaluated = CandidateSource {
        licence: Licence::Cc0,
        formats: vec![Format::Csv],
        access: Access::Api,
        update_frequency: Frequency::Daily,
        spatial_coverage: CoverageMatch::Matches,
        temporal_coverage: CoverageMatch::Partly,
        quality: Rating::Good,
        documentation: Rating::Fair,
        personal_data: PersonalData::No,
        ..CandidateSource::new(id(50))
    };
    let half_done = CandidateSource {
        licence: Licence::Cc0,
        ..CandidateSource::new(id(51))
    };
    project.wanted_mut(id(10)).unwrap().sources.push(evaluated);
    project.wanted_mut(id(11)).unwrap().sources.push(half_done);
    assert_eq!(
        project.progress(Phase::CollectEvaluate),
        PhaseProgress { done: 1, total: 3 }
    );
    let missing: Vec<_> = project.unevaluated_wanted().map(|d| d.id).collect();
    assert_eq!(missing, [id(11), id(12)]);
}

#[test]
fn still_to_do_follows_the_path_phase_by_phase() {
    let mut project = Project::new(id(1), "Empty", 0);
    assert_eq!(project.still_to_do(), [StillToDo::NoWantedYet]);
    project.add_wanted(named(10, "Bathymetry"));
    project.add_wanted(named(11, ""));
    assert_eq!(
        project.still_to_do(),
        [StillToDo::Undescribed(2), StillToDo::Unevaluated(2)]
    );
    for dataset in &mut project.wanted {
        dataset.name = "Named".into();
        dataset.use_case = "A map".into();
        dataset.status = WantedStatus::Dropped;
    }
    assert_eq!(
        project.still_to_do(),
        [StillToDo::PhaseOneComplete, StillToDo::PhaseTwoComplete]
    );
}

const GOLDEN_V1: &str = include_str!("../../tests/fixtures/workspace-v1.json");
const GOLDEN_V2: &str = include_str!("../../tests/fixtures/workspace-v2.json");
const GOLDEN_V3: &str = include_str!("../../tests/fixtures/workspace-v3.json");
const GOLDEN_V4: &str = include_str!("../../tests/fixtures/workspace-v4.json");
const GOLDEN_V5: &str = include_str!("../../tests/fixtures/workspace-v5.json");
const GOLDEN_V6: &str = include_str!("../../tests/fixtures/workspace-v6.json");
const GOLDEN_V7: &str = include_str!("../../tests/fixtures/workspace-v7.json");
const GOLDEN_V8: &str = include_str!("../../tests/fixtures/workspace-v8.json");
const GOLDEN_V9: &str = include_str!("../../tests/fixtures/workspace-v9.json");

#[test]
fn the_v1_golden_fixture_loads_field_by_field() {
    let workspace = Workspace::from_json(GOLDEN_V1).expect("v1 fixture loads");
    assert_eq!(workspace.projects.len(), 2);
    let project = &workspace.projects[0];
    assert_eq!(project.name, "Observatoire des herbiers de posidonie");
    assert_eq!(project.domain, Domain::BlueEconomy);
    assert_eq!(project.updated_at, 1_700_000_500_000);
    let first = &project.wanted[0];
    assert_eq!(first.value, Value::Essential, "essential migrates to 3");
    assert_eq!(
        project.wanted[1].value,
        Value::NiceToHave,
        "nice to have to 1"
    );
    assert_eq!(first.granularity, Granularity::Grid);
    assert_eq!(first.freshness, Frequency::Annual);
    assert_eq!(first.preferred_format, Format::GeoJson);
    assert_eq!(first.status, WantedStatus::Searching);
    assert_eq!(first.flags, [WorkFlag::ToClean, WorkFlag::ToStandardise]);
    assert!(first.sources.is_empty(), "v1 had no sources");
    assert_eq!(project.wanted[1].name, "<img src=x onerror=alert(1)>");
    assert!(workspace.projects[1].wanted.is_empty());
}

#[test]
fn v1_migrates_to_exactly_the_v2_fixture_minus_its_sources() {
    let migrated = Workspace::from_json(GOLDEN_V1).unwrap();
    let mut v2 = Workspace::from_json(GOLDEN_V2).unwrap();
    v2.projects[0].wanted[0].sources.clear();
    assert_eq!(migrated, v2);
    let saved: serde_json::Value = serde_json::from_str(&migrated.to_json()).unwrap();
    assert_eq!(saved["schema_version"], SCHEMA_VERSION);
    assert_eq!(
        saved["projects"][0]["wanted"][1]["sources"],
        serde_json::json!([])
    );
}

#[test]
fn the_v2_golden_fixture_loads_its_sources() {
    let workspace = Workspace::from_json(GOLDEN_V2).expect("v2 fixture loads");
    let sources = &workspace.projects[0].wanted[0].sources;
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0].licence, Licence::Etalab2);
    assert_eq!(sources[0].formats, [Format::GeoJson, Format::Shapefile]);
    assert_eq!(sources[0].temporal_coverage, CoverageMatch::Partly);
    assert_eq!(sources[0].last_update, "2024-06-30");
    assert_eq!(sources[1].safe_link(), None);
    let chosen = sources[1].verdict_override.as_ref().unwrap();
    assert_eq!(
        (chosen.verdict, chosen.reason.as_str()),
        (Verdict::Red, "Données non vérifiées")
    );
}

#[test]
fn saving_the_current_golden_fixture_gives_it_back_unchanged() {
    // If this fails, the stored shape changed: bump SCHEMA_VERSION, add a migration step and
    // a new fixture, and keep this one as the input the migration is tested on.
    let workspace = Workspace::from_json(GOLDEN_V9).unwrap();
    let expected: serde_json::Value = serde_json::from_str(GOLDEN_V9).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&workspace.to_json()).unwrap();
    assert_eq!(saved, expected);
}

#[test]
fn v8_migrates_to_exactly_the_v9_fixture_minus_the_catalogue_provenance() {
    let migrated = Workspace::from_json(GOLDEN_V8).unwrap();
    let mut v9 = Workspace::from_json(GOLDEN_V9).unwrap();
    let source = &mut v9.projects[0].wanted[0].sources[0];
    let provenance = source
        .provenance
        .take()
        .expect("the v9 fixture's source came from data.gouv.fr");
    assert_eq!(provenance.catalogue, Some(Catalogue::DataGouv));
    assert!(provenance.prefilled.contains(&SourceField::Licence));
    assert_eq!(migrated, v9);
}

#[test]
fn v7_migrates_to_exactly_the_v8_fixture_minus_its_workshop() {
    let migrated = Workspace::from_json(GOLDEN_V7).unwrap();
    let mut v8 = Workspace::from_json(GOLDEN_V8).unwrap();
    let workshop = v8.workshops.pop().expect("the v8 fixture has a workshop");
    assert!(v8.workshops.is_empty());
    assert_eq!(migrated, v8);
    assert_eq!(
        workshop.project_ids(),
        v8.projects.iter().map(|p| p.id).collect::<Vec<_>>()
    );
    assert!(workshop.members[0].flagship);
    assert_eq!(workshop.answers[0].answer, Some(Answer::WillImprove));
    let merges = workshop.producer_merges();
    assert_eq!(
        merges.key_of("Institut français de recherche pour l'exploitation de la mer"),
        "ifremer"
    );
    // A participant's file (no workshop) keeps the shape it had.
    assert!(!migrated.to_json().contains("workshops"));
}

#[test]
fn v6_migrates_to_exactly_the_v7_fixture_minus_the_request_dates() {
    let migrated = Workspace::from_json(GOLDEN_V6).unwrap();
    let mut v7 = Workspace::from_json(GOLDEN_V7).unwrap();
    let request = &mut v7.projects[0].wanted[0].actions[1];
    assert_eq!(request.route, Route::RequestOpening);
    assert_eq!(
        (request.request_sent.as_str(), request.follow_up.as_str()),
        ("2026-01-12", "2026-02-12")
    );
    request.request_sent.clear();
    request.follow_up.clear();
    assert_eq!(migrated, v7);
}

#[test]
fn v5_migrates_to_exactly_the_v6_fixture_minus_the_snooze_time() {
    let migrated = Workspace::from_json(GOLDEN_V5).unwrap();
    let mut v6 = Workspace::from_json(GOLDEN_V6).unwrap();
    assert_eq!(v6.projects[0].backup.snoozed_at, Some(1_700_000_400_000));
    v6.projects[0].backup.snoozed_at = None;
    assert_eq!(migrated, v6);
}

#[test]
fn v4_migrates_to_exactly_the_v5_fixture_minus_what_the_holder_added() {
    let migrated = Workspace::from_json(GOLDEN_V4).unwrap();
    let mut v5 = Workspace::from_json(GOLDEN_V5).unwrap();
    let project = &v5.projects[0];
    assert_eq!(project.wanted[0].value, Value::Critical);
    assert_eq!(project.wanted[1].availability, Availability::WithInvestment);
    assert_eq!(
        project.wanted[0].actions[1].route,
        Route::RequestOpening,
        "ask the producer"
    );
    assert_eq!(
        project.wanted[1].actions[0].route,
        Route::Collect,
        "produce"
    );
    assert_eq!(
        project.snapshots[0].content.wanted[0].value,
        Value::Essential
    );
    let project = &mut v5.projects[0];
    project.partners.clear();
    project.audiences.clear();
    project.data_work.clear();
    project.wanted[0].value = Value::Essential;
    project.wanted[0].quality = QualityJudgements::default();
    project.wanted[1].availability = Availability::Unscored;
    for dataset in &mut project.wanted {
        for action in &mut dataset.actions {
            action.horizon = HorizonSetting::FromDueDate;
        }
    }
    assert_eq!(migrated, v5);
}

#[test]
fn every_route_of_schema_4_maps_to_one_of_the_method() {
    for (old, new) in [
        ("reuse_open", Route::ReuseAsIs),
        ("ask_producer", Route::RequestOpening),
        ("partnership", Route::Partner),
        ("produce", Route::Collect),
        ("buy", Route::Buy),
        ("other", Route::Other),
    ] {
        let text = GOLDEN_V4.replace("\"reuse_open\"", &format!("\"{old}\""));
        let workspace = Workspace::from_json(&text).unwrap();
        assert_eq!(
            workspace.projects[0].wanted[0].actions[0].route, new,
            "{old}"
        );
    }
}

#[test]
fn v3_migrates_to_exactly_the_v4_fixture_minus_its_history() {
    let migrated = Workspace::from_json(GOLDEN_V3).unwrap();
    let mut v4 = Workspace::from_json(GOLDEN_V4).unwrap();
    assert_eq!(v4.projects[0].snapshots[0].label, "Fin de l'atelier 2");
    assert_eq!(v4.projects[0].snapshots[0].content.wanted.len(), 1);
    assert_eq!(v4.projects[0].backup.edits_since_export, 42);
    for project in &mut v4.projects {
        project.snapshots.clear();
        project.backup = BackupRecord::default();
    }
    assert_eq!(migrated, v4);
}

#[test]
fn v2_migrates_to_exactly_the_v3_fixture_minus_its_actions() {
    let migrated = Workspace::from_json(GOLDEN_V2).unwrap();
    let mut v3 = Workspace::from_json(GOLDEN_V3).unwrap();
    for dataset in &mut v3.projects[0].wanted {
        dataset.actions.clear();
    }
    assert_eq!(migrated, v3);
}

#[test]
fn the_v3_golden_fixture_loads_its_actions() {
    let workspace = Workspace::from_json(GOLDEN_V3).unwrap();
    let actions = &workspace.projects[0].wanted[0].actions;
    assert_eq!(actions.len(), 2);
    assert_eq!(
        (actions[1].route, actions[1].status),
        (Route::RequestOpening, ActionStatus::InProgress)
    );
    assert_eq!(actions[1].due_date(), parse_date("2026-03-31"));
    assert_eq!(actions[1].next_step, "Relancer par courriel");
}

#[test]
fn a_malformed_v1_document_is_refused_not_guessed() {
    let bad = r#"{"schema_version":1,"projects":{"not":"a list"}}"#;
    assert!(matches!(
        Workspace::from_json(bad),
        Err(LoadError::Invalid { .. })
    ));
}

#[test]
fn missing_fields_take_their_defaults() {
    let text = r#"{"schema_version":1,"projects":[{"id":"00000000-0000-0000-0000-000000000007","name":"Old","wanted":[{"name":"W"}]}]}"#;
    let workspace = Workspace::from_json(text).unwrap();
    let project = &workspace.projects[0];
    assert_eq!(project.domain, Domain::Other);
    assert_eq!(
        project.wanted[0].value,
        Value::Improves,
        "no priority was important: 2"
    );
}

#[test]
fn unreadable_texts_say_why() {
    assert_eq!(
        Workspace::from_json("{\"schema_version\":1,\n\"projects\":["),
        Err(LoadError::CutShort {
            line: 2,
            column: 12
        })
    );
    assert_eq!(
        Workspace::from_json("{\"schema_version\":1,\n\"projects\":[}"),
        Err(LoadError::Syntax {
            line: 2,
            column: 13
        })
    );
    for not_ours in [
        "[]",
        "{}",
        "\"hello\"",
        "{\"schema_version\":0}",
        "{\"schema_version\":\"1\"}",
    ] {
        assert_eq!(
            Workspace::from_json(not_ours),
            Err(LoadError::NotAWorkspace),
            "{not_ours}"
        );
    }
    assert_eq!(
        Workspace::from_json("{\"schema_version\":99,\"projects\":[]}"),
        Err(LoadError::TooNew { found: 99 })
    );
    let invalid =
        Workspace::from_json("{\"schema_version\":1,\"projects\":[{\"domain\":\"mars\"}]}");
    assert!(
        matches!(invalid, Err(LoadError::Invalid { .. })),
        "{invalid:?}"
    );
}

proptest! {
    #[test]
    fn any_workspace_survives_a_save_and_load(workspace in any_workspace()) {
        prop_assert_eq!(Workspace::from_json(&workspace.to_json()), Ok(workspace));
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in any::<String>()) {
        let _ = Workspace::from_json(&text);
    }

    #[test]
    fn moving_keeps_the_same_rows(moves in proptest::collection::vec((0u128..3, any::<bool>()), 0..20)) {
        let mut project = sample_project();
        for (n, up) in moves {
            let direction = if up { Direction::Up } else { Direction::Down };
            project.move_wanted(id(10 + n), direction);
        }
        let mut sorted = names(&project);
        sorted.sort();
        prop_assert_eq!(sorted, vec!["A", "B", "C"]);
    }
}
