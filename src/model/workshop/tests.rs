//! Workshops: membership, producer merges and answers, shared needs, merging two versions,
//! and the cohort dashboard's rows.

use proptest::prelude::*;
use time::macros::date;
use uuid::Uuid;

use crate::model::*;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn workshop() -> Workshop {
    let mut w = Workshop::new(id(100), "Atelier Marseille".into(), 0);
    for n in 1..=3 {
        w.add_project(id(n));
    }
    w
}

#[test]
fn a_project_joins_once_and_leaves_with_an_undo() {
    let mut w = workshop();
    assert!(!w.add_project(id(2)));
    assert_eq!(w.project_ids(), [id(1), id(2), id(3)]);
    w.set_flagship(id(2), true);
    w.set_flagship_reason(id(2), "Données prêtes".into());
    let (at, member) = w.remove_project(id(2)).unwrap();
    assert_eq!(w.project_ids(), [id(1), id(3)]);
    w.restore_member(at, member);
    assert_eq!(w.project_ids(), [id(1), id(2), id(3)]);
    let member = w.member(id(2)).unwrap();
    assert!(member.flagship);
    assert_eq!(member.flagship_reason, "Données prêtes");
}

#[test]
fn merged_names_are_folded_remembered_once_and_can_be_split() {
    let mut w = workshop();
    assert!(!w.merge_names("Région Sud", "REGION  SUD"), "already one");
    assert!(w.merge_names("Région Sud", "Conseil régional PACA"));
    assert!(
        !w.merge_names("conseil regional paca", "region sud"),
        "known pair"
    );
    assert_eq!(w.merged_names.len(), 1);
    let merges = w.producer_merges();
    assert_eq!(
        merges.key_of("Conseil Régional PACA"),
        merges.key_of("Region Sud")
    );
    w.split_names(&["Région Sud".to_string()]);
    assert!(w.merged_names.is_empty());
}

#[test]
fn an_answer_follows_its_request_through_later_merges() {
    let mut w = workshop();
    w.set_answer("region sud", id(1), id(11), Some(Answer::WillOpen));
    w.set_answer_note("region sud", id(1), id(11), "En juin".into());
    // Merged afterwards with a name that comes first: the producer's key changes.
    w.merge_names("Conseil régional", "Région Sud");
    let key = w.producer_merges().key_of("Région Sud");
    assert_eq!(key, "conseil regional");
    let answer = w.answer(&key, id(1), id(11)).expect("still found");
    assert_eq!(answer.answer, Some(Answer::WillOpen));
    assert_eq!(answer.note, "En juin");
    // Changing it edits the same answer rather than adding one.
    w.set_answer(&key, id(1), id(11), Some(Answer::FollowUp));
    assert_eq!(w.answers.len(), 1);
    assert_eq!(
        w.answers_for(id(1)),
        [
            (Answer::WillOpen, 0),
            (Answer::WillImprove, 0),
            (Answer::Refused, 0),
            (Answer::FollowUp, 1)
        ]
    );
    assert!(w.answer(&key, id(2), id(11)).is_none());
}

#[test]
fn a_shared_need_is_confirmed_dismissed_or_left_open() {
    let mut w = workshop();
    let need = SharedNeed {
        producer: "ifremer".into(),
        first: (id(1), id(11)),
        second: (id(2), id(21)),
        words: ["herbiers".to_string()].into(),
    };
    assert_eq!(w.need_decision(&need), None);
    w.decide_need(&need, Some(true));
    assert_eq!(w.need_decision(&need), Some(true));
    w.decide_need(&need, Some(false));
    assert_eq!(w.need_decision(&need), Some(false));
    assert_eq!(w.shared_needs.len(), 1);
    w.decide_need(&need, None);
    assert_eq!(w.need_decision(&need), None);
}

#[test]
fn two_versions_merge_item_by_item() {
    let base = workshop();
    let mut ours = base.clone();
    ours.add_project(id(4));
    ours.set_flagship(id(1), true);
    ours.merge_names("Ifremer", "Institut français de recherche pour la mer");
    ours.updated_at = 5;
    let mut theirs = base.clone();
    theirs.remove_project(id(3));
    theirs.add_project(id(5));
    theirs.place = "Marseille".into();
    theirs.set_answer("ifremer", id(1), id(11), Some(Answer::Refused));
    theirs.updated_at = 7;
    let merged = merge_workshops(Some(&base), &ours, &theirs);
    assert_eq!(merged.conflicts, 0);
    let w = merged.value;
    // 5 followed 2 on their side (3 is gone), 4 came last on ours.
    assert_eq!(w.project_ids(), [id(1), id(2), id(5), id(4)]);
    assert!(w.member(id(1)).unwrap().flagship);
    assert_eq!(w.place, "Marseille");
    assert_eq!(w.merged_names.len(), 1);
    assert_eq!(w.answers.len(), 1);
    assert_eq!(w.updated_at, 7);
}

#[test]
fn a_field_both_changed_keeps_theirs_and_counts_a_conflict() {
    let base = workshop();
    let mut ours = base.clone();
    ours.name = "Atelier 1".into();
    let mut theirs = base.clone();
    theirs.name = "Atelier A".into();
    let merged = merge_workshops(Some(&base), &ours, &theirs);
    assert_eq!(merged.conflicts, 1);
    assert_eq!(merged.value.name, "Atelier A");
}

#[test]
fn two_facilitators_files_meet_without_a_common_base() {
    // A colleague's file (ours here) merged into the workshop kept in this browser (theirs,
    // which stays where both differ).
    let mut file = workshop();
    file.set_flagship(id(1), true);
    let mut here = Workshop::new(id(100), "Atelier Marseille".into(), 0);
    here.add_project(id(7));
    here.add_project(id(1));
    let merged = merge_workshops(None, &file, &here);
    let w = merged.value;
    for n in [1, 2, 3, 7] {
        assert!(w.has(id(n)), "project {n}");
    }
    assert_eq!(merged.conflicts, 1, "the flagship mark differs");
    assert!(!w.member(id(1)).unwrap().flagship);
}

proptest! {
    /// Whatever the two sides add, the merge holds every project either added, and none
    /// that one removed while the other left it alone.
    #[test]
    fn merging_never_loses_a_project_added_on_either_side(
        ours_add in prop::collection::vec(10u128..20, 0..5),
        theirs_add in prop::collection::vec(15u128..25, 0..5),
        ours_remove in prop::collection::vec(1u128..4, 0..2),
    ) {
        let base = workshop();
        let mut ours = base.clone();
        for n in &ours_add { ours.add_project(id(*n)); }
        for n in &ours_remove { ours.remove_project(id(*n)); }
        let mut theirs = base.clone();
        for n in &theirs_add { theirs.add_project(id(*n)); }
        let merged = merge_workshops(Some(&base), &ours, &theirs).value;
        for n in ours_add.iter().chain(&theirs_add) {
            prop_assert!(merged.has(id(*n)));
        }
        for n in 1..4u128 {
            prop_assert_eq!(merged.has(id(n)), !ours_remove.contains(&n));
        }
        let ids = merged.project_ids();
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        prop_assert_eq!(unique.len(), ids.len());
    }
}

fn member_project(n: u128, name: &str, holder: &str, updated_at: i64) -> Project {
    let mut p = Project::new(id(n), name, 0);
    p.holder = holder.into();
    p.updated_at = updated_at;
    p
}

#[test]
fn the_cohort_has_a_row_per_project_here_and_sorts_by_any_column() {
    let mut herbiers = WantedDataset::new(id(11));
    herbiers.name = "Herbiers".into();
    herbiers.value = Value::Critical;
    herbiers.availability = Availability::from_number(4);
    let mut trafic = WantedDataset::new(id(12));
    trafic.value = Value::from_number(1);
    let mut a = member_project(1, "Observatoire", "Mer Vivante", 30);
    a.wanted = vec![herbiers, trafic];
    let b = member_project(2, "atlas", "Zèbre", 10);
    let c = member_project(3, "Brise", "Alpha", 20);
    let mut w = workshop();
    w.add_project(id(9)); // not in this browser
    w.set_flagship(id(3), true);
    w.set_flagship_reason(id(3), "Prêt".into());
    w.set_answer("ifremer", id(1), id(11), Some(Answer::WillOpen));
    let rows = cohort(&w, &[c, b, a], date!(2026 - 11 - 28));
    let names = |rows: &[CohortRow]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&rows),
        ["Observatoire", "atlas", "Brise"],
        "the workshop's order"
    );
    let first = &rows[0];
    assert_eq!(first.quadrants, [1, 0, 0, 0]);
    assert_eq!(first.unplaced, 1);
    assert_eq!(first.progress[0].total, 2);
    assert_eq!(first.answers[0], (Answer::WillOpen, 1));
    assert!(rows[2].flagship);
    assert_eq!(rows[2].flagship_reason, "Prêt");

    let sorted = |column: CohortColumn, descending: bool| {
        let mut rows = rows.clone();
        column.sort(&mut rows, descending);
        names(&rows)
    };
    assert_eq!(
        sorted(CohortColumn::Name, false),
        ["atlas", "Brise", "Observatoire"]
    );
    assert_eq!(
        sorted(CohortColumn::Holder, true),
        ["atlas", "Observatoire", "Brise"]
    );
    assert_eq!(
        sorted(CohortColumn::LastChange, true),
        ["Observatoire", "Brise", "atlas"]
    );
    assert_eq!(
        sorted(CohortColumn::Flagship, true),
        ["Brise", "Observatoire", "atlas"]
    );
    // Ties keep the workshop's order.
    assert_eq!(
        sorted(CohortColumn::Overdue, false),
        ["Observatoire", "atlas", "Brise"]
    );
    assert_eq!(
        sorted(CohortColumn::Phase(Phase::WantedList), true),
        ["Observatoire", "atlas", "Brise"]
    );
}

#[test]
fn a_workshop_file_is_read_with_its_projects_and_merged_into_the_one_here() {
    let text = include_str!("../../../tests/fixtures/workspace-v8.json");
    let file = parse_import(text).unwrap();
    assert_eq!(file.workshops.len(), 1);
    let mut here = Workspace::default();
    here.import_workshop(file.workshops[0].clone(), 5);
    let id = file.workshops[0].id;
    here.edit_workshop(id, 6, |w| {
        w.remove_project(file.projects[1].id);
        w.place = "Ici".into();
    });
    here.import_workshop(file.workshops[0].clone(), 7);
    let w = here.workshop(id).unwrap();
    assert_eq!(here.workshops.len(), 1);
    assert_eq!(w.place, "Ici", "the one here stays");
    assert_eq!(w.members.len(), 2, "what the file has comes back");
    // Only a workshop, no project: still a file to import.
    let only = Workspace {
        workshops: vec![Workshop::new(id, "Seul".into(), 0)],
        ..Workspace::default()
    };
    assert!(parse_import(&only.to_export_json(0)).is_ok());
    let twice = Workspace {
        workshops: vec![
            Workshop::new(id, "A".into(), 0),
            Workshop::new(id, "B".into(), 0),
        ],
        ..Workspace::default()
    };
    assert_eq!(
        parse_import(&twice.to_export_json(0)),
        Err(ImportError::DuplicateId {
            path: "workshops[1].id".into()
        })
    );
}

const EXAMPLE_FR: &str = include_str!("../../../assets/examples/workshop-fr.json");
const EXAMPLE_EN: &str = include_str!("../../../assets/examples/workshop-en.json");

#[test]
fn the_example_workshop_has_its_producers_and_shared_needs_in_both_languages() {
    for (text, seagrass) in [(EXAMPLE_FR, "herbiers"), (EXAMPLE_EN, "seagrass")] {
        let file = parse_import(text).unwrap();
        let mut here = Workspace::default();
        let id = here.load_example(file.clone(), 10).unwrap();
        assert_eq!(here.projects.len(), 3);
        let domains: Vec<Domain> = here.projects.iter().map(|p| p.domain).collect();
        assert_eq!(
            domains,
            [
                Domain::BlueEconomy,
                Domain::GreenEconomy,
                Domain::CreativeIndustries
            ]
        );
        let projects = here.workshop_projects(id);
        let list = producers(&projects, &ProducerMerges::default());
        let keys: Vec<(&str, usize)> = list
            .iter()
            .map(|p| (p.key.as_str(), p.requests.len()))
            .collect();
        assert_eq!(
            keys,
            [
                ("region sud", 3),
                ("ifremer", 2),
                ("metropole aix marseille provence", 2),
                ("ars paca", 1)
            ]
        );
        assert_eq!(
            list[0].display_name(),
            "Région Sud",
            "the accented spelling"
        );
        let needs = shared_needs(&projects, &ProducerMerges::default());
        let producers_of_needs: Vec<&str> = needs.iter().map(|n| n.producer.as_str()).collect();
        assert_eq!(producers_of_needs.len(), 2);
        assert!(producers_of_needs.contains(&"region sud"));
        assert!(producers_of_needs.contains(&"ifremer"));
        assert!(needs.iter().any(|n| n.words.contains(seagrass)));
        // Every horizon has an action, somewhere in the cohort.
        let rows = cohort(
            here.workshop(id).unwrap(),
            &here.projects,
            date!(2026 - 11 - 28),
        );
        for h in 0..3 {
            assert!(rows.iter().any(|r| r.horizons[h] > 0), "horizon {h}");
        }
        assert!(here.load_example(file, 11).is_none(), "once");
    }
}

#[test]
fn the_example_is_removed_with_its_projects_and_put_back() {
    let file = parse_import(EXAMPLE_EN).unwrap();
    let mut here = Workspace::default();
    here.add_project(Project::new(id(1), "Mine", 0));
    let now = 1_800_000_000_000; // after the example's own dates, as a real load is
    let example = here.load_example(file, now).unwrap();
    assert!(!here.example_edited(example));
    let first = here.workshop(example).unwrap().members[0].id;
    here.edit_project(first, now + 1, |p| p.holder = "Moi".into());
    assert!(here.example_edited(example));
    // A project also followed in another workshop stays.
    let mut other = Workshop::new(id(500), "Autre".into(), 0);
    other.add_project(first);
    here.workshops.push(other);
    let before = here.clone();
    let removed = here.remove_example(example).unwrap();
    assert!(here.example_workshop().is_none());
    assert_eq!(
        here.projects.len(),
        2,
        "mine and the one followed elsewhere"
    );
    here.restore_example(removed);
    assert_eq!(here, before);
}
