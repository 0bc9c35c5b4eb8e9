//! Import, snapshots and the backup reminder: the paths a file or a link takes into the
//! workspace must accept every export and refuse everything else with a reason.

use proptest::prelude::*;
use uuid::Uuid;

use super::strategies::any_workspace;
use super::*;
use crate::i18n::{import_error_message, Lang};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn project_with(n: u128, name: &str, wanted: &[&str]) -> Project {
    let mut project = Project::new(id(n), name, 1_000);
    for (i, w) in wanted.iter().enumerate() {
        project.add_wanted(WantedDataset {
            name: w.to_string(),
            ..WantedDataset::new(id(n * 100 + i as u128))
        });
    }
    project
}

fn labels() -> ImportLabels {
    ImportLabels {
        replaced: "Before import".into(),
        copy_name: "Copy".into(),
    }
}

fn counter(start: u128) -> impl FnMut() -> Uuid {
    let mut next = start;
    move || {
        next += 1;
        id(next)
    }
}

fn export_of(project: Project) -> String {
    Workspace {
        projects: vec![project],
        ..Workspace::default()
    }
    .to_export_json(5_000)
}

#[test]
fn an_exported_file_is_marked_dated_and_readable() {
    let text = export_of(project_with(1, "Coast", &["Tides"]));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], FILE_FORMAT);
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    assert_eq!(value["exported_at"], 5_000);
    let back = parse_import(&text).unwrap();
    assert_eq!(back.projects[0].wanted[0].name, "Tides");
}

#[test]
fn a_truncated_file_says_it_was_cut_and_where() {
    let text = export_of(project_with(1, "Coast", &["Tides"]));
    let cut = &text[..text.len() / 2];
    match parse_import(cut) {
        Err(ImportError::Unreadable(LoadError::CutShort { line, .. })) => assert!(line > 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_wrong_value_is_located_by_its_path() {
    let export = export_of(project_with(1, "Coast", &["Tides", "Winds"]));
    let text = export.replacen("\"to_find\"", "\"urgent\"", 2);
    match parse_import(&text) {
        Err(ImportError::Unreadable(LoadError::Invalid { path, detail })) => {
            assert_eq!(path, "projects[0].wanted[0].status");
            assert!(detail.contains("urgent"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
    let text = export.replacen("\"value\": null", "\"value\": 9", 1);
    match parse_import(&text) {
        Err(ImportError::Unreadable(LoadError::Invalid { path, detail })) => {
            assert_eq!(path, "projects[0].wanted[0].value");
            assert!(detail.contains("from 1 to 4"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_older_file_with_a_priority_of_its_own_invention_is_refused_where_it_stands() {
    let v4 = include_str!("../../tests/fixtures/workspace-v4.json");
    let text = v4.replacen("\"nice_to_have\"", "\"urgent\"", 1);
    match parse_import(&text) {
        Err(ImportError::Unreadable(LoadError::Invalid { path, detail })) => {
            assert_eq!(path, "projects[0].wanted[1].priority");
            assert!(detail.starts_with("unknown variant `urgent`"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn files_that_are_not_ours_too_new_empty_or_too_big_are_refused() {
    assert_eq!(parse_import("  \n"), Err(ImportError::Empty));
    assert_eq!(
        parse_import(r#"{"format":"other-app","schema_version":1,"projects":[]}"#),
        Err(ImportError::Unreadable(LoadError::NotAWorkspace))
    );
    assert_eq!(
        parse_import(r#"{"format":"data-roadmap","schema_version":99,"projects":[]}"#),
        Err(ImportError::Unreadable(LoadError::TooNew { found: 99 }))
    );
    assert_eq!(
        parse_import(r#"{"schema_version":4,"projects":[]}"#),
        Err(ImportError::NoProjects)
    );
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        parse_import(&huge),
        Err(ImportError::TooLarge {
            size: MAX_IMPORT_BYTES + 1,
            limit: MAX_IMPORT_BYTES
        })
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(parse_import(&deep).is_err());
}

#[test]
fn two_rows_with_one_id_are_refused_with_the_second_ones_path() {
    let mut project = project_with(1, "Coast", &["Tides", "Winds"]);
    project.wanted[1].id = project.wanted[0].id;
    assert_eq!(
        parse_import(&export_of(project)),
        Err(ImportError::DuplicateId {
            path: "projects[0].wanted[1].id".into()
        })
    );
}

#[test]
fn an_older_version_migrates_on_import() {
    let text = include_str!("../../tests/fixtures/workspace-v1.json");
    let workspace = parse_import(text).unwrap();
    assert!(workspace.projects[0].snapshots.is_empty());
    assert!(workspace.projects[0].wanted[0].actions.is_empty());
}

#[test]
fn importing_a_new_project_adds_it_as_it_is() {
    let mut workspace = Workspace::default();
    let project = project_with(1, "Coast", &["Tides"]);
    let got = workspace.import_project(
        project.clone(),
        Resolution::KeepBoth,
        9,
        labels(),
        counter(50),
    );
    assert_eq!(got, id(1));
    assert_eq!(workspace.projects, vec![project]);
}

#[test]
fn replacing_keeps_the_replaced_project_as_a_snapshot() {
    let mut workspace = Workspace {
        projects: vec![
            project_with(7, "Other", &[]),
            project_with(1, "Mine", &["Old"]),
        ],
        ..Workspace::default()
    };
    let incoming = project_with(1, "Theirs", &["New"]);
    workspace.import_project(incoming, Resolution::Replace, 9, labels(), counter(50));
    assert_eq!(workspace.projects.len(), 2);
    let replaced = &workspace.projects[1];
    assert_eq!(replaced.name, "Theirs");
    assert_eq!(replaced.snapshots[0].label, "Before import");
    assert_eq!(replaced.snapshots[0].content.name, "Mine");
    assert_eq!(replaced.snapshots[0].content.wanted[0].name, "Old");
}

#[test]
fn keeping_both_adds_a_copy_with_fresh_ids() {
    let original = project_with(1, "Mine", &["Tides"]);
    let mut workspace = Workspace {
        projects: vec![original.clone()],
        ..Workspace::default()
    };
    let got = workspace.import_project(
        original.clone(),
        Resolution::KeepBoth,
        9,
        labels(),
        counter(50),
    );
    assert_eq!(workspace.projects.len(), 2);
    assert_eq!(workspace.projects[0], original);
    let copy = workspace.project(got).unwrap();
    assert_eq!(copy.name, "Copy");
    assert_ne!(copy.id, original.id);
    assert_ne!(copy.wanted[0].id, original.wanted[0].id);
    assert_eq!(copy.wanted[0].name, "Tides");
}

#[test]
fn a_batch_import_can_be_undone_to_the_workspace_before_it() {
    let mut workspace = Workspace {
        projects: vec![
            project_with(1, "Coast", &["Tides"]),
            project_with(2, "Forest", &[]),
        ],
        ..Workspace::default()
    };
    let before = workspace.clone();
    let mut newer_coast = project_with(1, "Coast, from the file", &["Tides", "Waves"]);
    newer_coast.updated_at = 9_000;
    let incoming = vec![
        (newer_coast, Resolution::Replace),
        (project_with(2, "Forest", &["Trees"]), Resolution::KeepBoth),
        (project_with(3, "Festival", &[]), Resolution::KeepBoth),
    ];
    let outcome = workspace.import_projects(
        incoming,
        5_000,
        |p| ImportLabels {
            replaced: format!("Before {}", p.name),
            copy_name: format!("{} (copy)", p.name),
        },
        counter(500),
    );
    assert_eq!(outcome.ids.len(), 3);
    assert_eq!(outcome.ids[0], id(1));
    assert_eq!(outcome.ids[2], id(3));
    assert_eq!(outcome.added, outcome.ids[1..]);
    assert_eq!(outcome.replaced, vec![before.projects[0].clone()]);
    assert_eq!(outcome.single_project(), None);
    let names: Vec<&str> = workspace.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Coast, from the file",
            "Forest",
            "Forest (copy)",
            "Festival"
        ]
    );
    assert_eq!(
        workspace.projects[0].snapshots[0].label,
        "Before Coast, from the file"
    );

    workspace.undo_import(&outcome);
    assert_eq!(workspace, before);
}

#[test]
fn an_undo_keeps_what_was_edited_since_the_import() {
    let mut workspace = Workspace {
        projects: vec![project_with(1, "Coast", &["Tides"])],
        ..Workspace::default()
    };
    let incoming = vec![
        (project_with(1, "Coast, newer", &[]), Resolution::Replace),
        (project_with(2, "Forest", &[]), Resolution::KeepBoth),
        (project_with(3, "Festival", &[]), Resolution::KeepBoth),
    ];
    let outcome = workspace.import_projects(incoming, 5_000, |_| labels(), counter(600));
    workspace.edit_project(id(2), 6_000, |p| p.name = "Forest, worked on".into());
    workspace.edit_project(id(1), 6_000, |p| p.holder = "Someone".into());
    let report = workspace.undo_import(&outcome);
    assert_eq!(report.undone, 1, "only the untouched festival goes");
    assert_eq!(report.kept, [id(2), id(1)]);
    let names: Vec<&str> = workspace.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Coast, newer", "Forest, worked on"]);
    assert_eq!(
        workspace.projects[0].snapshots[0].content.wanted[0].name, "Tides",
        "the replaced project is still among the kept one's versions"
    );
}

#[test]
fn files_with_too_many_projects_or_datasets_are_refused_before_reading_them_all() {
    let many = format!(
        r#"{{"format":"data-roadmap","schema_version":5,"projects":[{}]}}"#,
        vec!["{}"; MAX_IMPORT_PROJECTS + 1].join(",")
    );
    assert_eq!(
        parse_import(&many),
        Err(ImportError::TooManyProjects {
            count: MAX_IMPORT_PROJECTS + 1,
            limit: MAX_IMPORT_PROJECTS
        })
    );
    let long = format!(
        r#"{{"format":"data-roadmap","schema_version":5,"projects":[{{}},{{"wanted":[{}]}}]}}"#,
        vec!["{}"; MAX_IMPORT_WANTED + 1].join(",")
    );
    match parse_import(&long) {
        Err(ImportError::TooManyWanted { path, count, .. }) => {
            assert_eq!(
                (path.as_str(), count),
                ("projects[1]", MAX_IMPORT_WANTED + 1)
            );
        }
        other => panic!("{other:?}"),
    }
    for lang in Lang::ALL {
        let error = parse_import(&many).unwrap_err();
        assert!(import_error_message(&error, lang).contains("1000"));
    }
}

#[test]
fn a_single_import_opens_the_project_it_made() {
    let mut workspace = Workspace {
        projects: vec![project_with(1, "Coast", &[])],
        ..Workspace::default()
    };
    let outcome = workspace.import_projects(
        vec![(project_with(1, "Coast", &[]), Resolution::KeepBoth)],
        5_000,
        |_| labels(),
        counter(700),
    );
    let copy = outcome.single_project().unwrap();
    assert_ne!(copy, id(1));
    assert_eq!(workspace.project(copy).unwrap().name, "Copy");
    let outcome = workspace.import_projects(
        vec![(project_with(1, "Coast", &[]), Resolution::Replace)],
        6_000,
        |_| labels(),
        counter(800),
    );
    assert_eq!(outcome.single_project(), Some(id(1)));
}

#[test]
fn restoring_a_snapshot_first_keeps_the_current_state() {
    let mut project = project_with(1, "Coast", &["Tides"]);
    project.take_snapshot(id(90), "Workshop 1".into(), 2_000);
    project.wanted[0].name = "Changed".into();
    project.add_wanted(WantedDataset::new(id(91)));
    assert!(project.restore_snapshot(id(90), "Before restoring".into(), 3_000, id(92)));
    assert_eq!(project.wanted.len(), 1);
    assert_eq!(project.wanted[0].name, "Tides");
    assert_eq!(project.id, id(1));
    assert_eq!(project.updated_at, 3_000);
    let labels: Vec<&str> = project.snapshots.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Before restoring", "Workshop 1"]);
    assert_eq!(project.snapshots[0].content.wanted[0].name, "Changed");
    assert!(project.snapshots[0].content.snapshots.is_empty());
    assert!(!project.restore_snapshot(id(404), "x".into(), 4_000, id(93)));
}

#[test]
fn a_deleted_snapshot_comes_back_in_its_place_once() {
    let mut project = project_with(1, "Coast", &[]);
    for (n, label) in [(90, "First"), (91, "Second"), (92, "Third")] {
        project.take_snapshot(id(n), label.into(), 2_000);
    }
    let (index, snapshot) = project.delete_snapshot(id(91)).unwrap();
    assert_eq!((index, snapshot.label.as_str()), (1, "Second"));
    project.restore_deleted_snapshot(index, snapshot.clone());
    project.restore_deleted_snapshot(index, snapshot);
    let labels: Vec<&str> = project.snapshots.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Third", "Second", "First"]);
}

#[test]
fn the_backup_reminder_also_comes_after_a_week_once_there_is_data() {
    const DAY: i64 = 24 * 60 * 60 * 1000;
    let mut project = project_with(1, "Coast", &[]);
    project.created_at = 0;
    assert_eq!(project.backup_due(30 * DAY), None, "an empty project");
    project.add_wanted(WantedDataset::new(id(5)));
    assert_eq!(project.backup_due(6 * DAY), None);
    assert_eq!(project.backup_due(7 * DAY), Some(BackupDue::Days));
    project.backup.exported(7 * DAY);
    assert_eq!(project.backup_due(13 * DAY), None);
    assert_eq!(project.backup_due(14 * DAY), Some(BackupDue::Days));
    project.backup.snooze(14 * DAY);
    assert_eq!(
        project.backup_due(20 * DAY),
        None,
        "remind me later waits a week more"
    );
    assert_eq!(project.backup_due(21 * DAY), Some(BackupDue::Days));
}

#[test]
fn the_backup_reminder_comes_after_many_edits_and_goes_with_an_export() {
    let mut workspace = Workspace {
        projects: vec![project_with(1, "Coast", &[])],
        ..Workspace::default()
    };
    for _ in 0..BACKUP_REMINDER_EDITS - 1 {
        workspace.edit_project(id(1), 10, |p| p.name.push('x'));
    }
    assert!(!workspace.projects[0].backup.reminder_due());
    workspace.edit_project(id(1), 10, |p| p.name.push('x'));
    assert!(workspace.projects[0].backup.reminder_due());
    workspace.projects[0].backup.snooze(15);
    assert!(!workspace.projects[0].backup.reminder_due());
    workspace.projects[0].backup.exported(20);
    let backup = &workspace.projects[0].backup;
    assert_eq!(
        (backup.last_export_at, backup.edits_since_export),
        (Some(20), 0)
    );
}

/// Changes a valid export the way damage and tampering do.
#[derive(Clone, Debug)]
enum Mutation {
    Truncate(usize),
    Replace(usize, u8),
    Delete(usize, usize),
    Insert(usize, String),
}

fn any_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (
            any::<usize>(),
            prop_oneof![
                Just("\"".to_string()),
                Just(",".to_string()),
                Just("{\"id\":null}".to_string()),
                Just("99".to_string()),
                Just("[".to_string()),
                any::<String>()
            ]
        )
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for mutation in mutations {
        let at = |i: usize| if bytes.is_empty() { 0 } else { i % bytes.len() };
        match mutation {
            Mutation::Truncate(i) => bytes.truncate(at(*i)),
            Mutation::Replace(i, b) if !bytes.is_empty() => {
                let i = at(*i);
                bytes[i] = *b;
            }
            Mutation::Replace(..) => {}
            Mutation::Delete(i, n) => {
                let start = at(*i);
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Insert(i, s) => {
                let i = at(*i);
                bytes.splice(i..i, s.bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn assert_explained(result: &Result<Workspace, ImportError>) {
    if let Err(error) = result {
        for lang in Lang::ALL {
            let message = import_error_message(error, lang);
            assert!(message.len() > 10, "{message}");
            for placeholder in [
                "{reason}", "{path}", "{detail}", "{line}", "{size}", "{found}",
            ] {
                assert!(!message.contains(placeholder), "{message}");
            }
        }
    }
}

proptest! {
    #[test]
    fn any_workspace_survives_an_export_and_an_import(workspace in any_workspace(), now in any::<i64>()) {
        let result = parse_import(&workspace.to_export_json(now));
        if workspace.projects.is_empty() {
            prop_assert_eq!(result, Err(ImportError::NoProjects));
        } else {
            prop_assert_eq!(result, Ok(workspace));
        }
    }

    #[test]
    fn random_bytes_never_panic_and_always_say_why(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let result = parse_import(&String::from_utf8_lossy(&bytes));
        prop_assert!(result.is_err());
        assert_explained(&result);
    }

    #[test]
    fn a_damaged_export_never_panics_and_is_either_valid_or_explained(
        workspace in any_workspace(),
        mutations in proptest::collection::vec(any_mutation(), 1..4),
    ) {
        let text = mutate(&workspace.to_export_json(1), &mutations);
        let result = parse_import(&text);
        assert_explained(&result);
        if let Ok(imported) = result {
            // Whatever got through is a whole workspace that exports again as itself.
            prop_assert_eq!(parse_import(&imported.to_export_json(1)), Ok(imported));
        }
    }
}
