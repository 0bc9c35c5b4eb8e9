//! Native tests of phase 3 and the dashboard: routes, dates, overdue, timeline, counts.

use time::macros::date;
use uuid::Uuid;

use super::*;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn action(n: u128, owner: &str, due: &str, status: ActionStatus) -> RoadmapAction {
    RoadmapAction {
        owner: owner.into(),
        due: due.into(),
        status,
        ..RoadmapAction::new(id(n), Route::ReuseAsIs)
    }
}

fn project() -> Project {
    let mut project = Project::new(id(1), "P", 0);
    let mut a = WantedDataset::new(id(10));
    a.name = "A".into();
    a.actions = vec![
        action(20, "Léa", "2026-03-31", ActionStatus::InProgress),
        action(21, "marc", "2026-01-15", ActionStatus::Done),
    ];
    let mut b = WantedDataset::new(id(11));
    b.actions = vec![
        action(22, "Marc", "2026-03-02", ActionStatus::ToDo),
        action(23, "", "", ActionStatus::Blocked),
        action(24, "Léa", "not a date", ActionStatus::ToDo),
    ];
    let c = WantedDataset::new(id(12));
    project.wanted = vec![a, b, c];
    project
}

#[test]
fn an_action_is_found_by_id_in_any_dataset() {
    let project = project();
    assert_eq!(
        project.action(id(21)).map(|a| a.owner.as_str()),
        Some("marc")
    );
    assert!(project.action(id(10)).is_none());
}

#[test]
fn a_horizon_is_the_one_set_or_else_the_due_dates() {
    let today = date!(2026 - 03 - 01);
    let due = |text: &str| RoadmapAction {
        due: text.into(),
        ..RoadmapAction::new(id(1), Route::Buy)
    };
    assert_eq!(
        due("2026-02-01").horizon(today),
        Some(Horizon::Now),
        "overdue"
    );
    assert_eq!(
        due("2026-04-01").horizon(today),
        Some(Horizon::Now),
        "31 days"
    );
    assert_eq!(due("2026-04-02").horizon(today), Some(Horizon::ThreeMonths));
    assert_eq!(
        due("2026-06-01").horizon(today),
        Some(Horizon::ThreeMonths),
        "92 days"
    );
    assert_eq!(due("2026-06-02").horizon(today), Some(Horizon::Year));
    assert_eq!(due("").horizon(today), None);
    let set = RoadmapAction {
        horizon: HorizonSetting::Year,
        ..due("2026-03-02")
    };
    assert_eq!(
        set.horizon(today),
        Some(Horizon::Year),
        "the holder's horizon wins"
    );
}

proptest::proptest! {
    #[test]
    fn an_action_only_moves_forward_as_time_passes(
        due_in in -400i64..800,
        later in 0i64..400,
    ) {
        let today = date!(2026 - 03 - 01);
        let due = today + time::Duration::days(due_in);
        let rank = |h: Horizon| Horizon::ALL.iter().position(|x| *x == h);
        let now = horizon_of(due, today);
        let then = horizon_of(due, today + time::Duration::days(later));
        proptest::prop_assert!(rank(then) <= rank(now));
    }
}

#[test]
fn dates_are_parsed_by_the_calendar() {
    assert_eq!(parse_date("2024-02-29"), Some(date!(2024 - 02 - 29)));
    assert_eq!(parse_date(" 2026-12-01 "), Some(date!(2026 - 12 - 01)));
    for bad in [
        "2023-02-29",
        "2026-13-01",
        "2026-1-1",
        "",
        "soon",
        "2026-01-01T00:00",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}

#[test]
fn an_action_is_overdue_when_its_date_passed_and_it_is_not_done() {
    let today = date!(2026 - 03 - 15);
    assert!(action(1, "", "2026-03-14", ActionStatus::ToDo).is_overdue(today));
    assert!(action(1, "", "2026-03-14", ActionStatus::Blocked).is_overdue(today));
    assert!(
        !action(1, "", "2026-03-15", ActionStatus::ToDo).is_overdue(today),
        "due today is not late"
    );
    assert!(!action(1, "", "2026-01-01", ActionStatus::Done).is_overdue(today));
    assert!(!action(1, "", "", ActionStatus::ToDo).is_overdue(today));
    let overdue: Vec<_> = project()
        .overdue_actions(today)
        .map(|p| p.action.id)
        .collect();
    assert_eq!(overdue, [id(22)]);
}

#[test]
fn the_timeline_groups_actions_by_month_in_date_order() {
    let project = project();
    let timeline = project.timeline(&ActionFilter::default());
    let months: Vec<_> = timeline
        .months
        .iter()
        .map(|(m, actions)| {
            (
                m.year,
                m.month,
                actions.iter().map(|p| p.action.id).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [(2026, 1, vec![id(21)]), (2026, 3, vec![id(22), id(20)])]
    );
    let undated: Vec<_> = timeline.undated.iter().map(|p| p.action.id).collect();
    assert_eq!(undated, [id(23), id(24)]);
    assert_eq!(timeline.months[1].1[0].wanted.id, id(11));
}

#[test]
fn the_timeline_filters_by_status_and_owner() {
    let project = project();
    let by_status = ActionFilter {
        status: Some(ActionStatus::ToDo),
        owner: None,
    };
    let ids: Vec<_> = project
        .planned_actions()
        .filter(|p| by_status.keeps(p.action))
        .map(|p| p.action.id)
        .collect();
    assert_eq!(ids, [id(22), id(24)]);
    let by_owner = ActionFilter {
        status: None,
        owner: Some(" MARC ".into()),
    };
    let timeline = project.timeline(&by_owner);
    let ids: Vec<_> = timeline
        .months
        .iter()
        .flat_map(|(_, a)| a.iter().map(|p| p.action.id))
        .collect();
    assert_eq!(ids, [id(21), id(22)]);
    assert!(timeline.undated.is_empty());
    assert_eq!(project.owners(), ["Léa", "marc"]);
}

#[test]
fn the_dashboard_counts_verdicts_statuses_and_what_is_missing() {
    let mut project = project();
    project.wanted[0].status = WantedStatus::NotFound; // black, with no source
    project.wanted[1].sources.push(CandidateSource::new(id(30))); // not evaluated
    let dashboard = project.dashboard(date!(2026 - 03 - 15));
    assert_eq!(
        dashboard.verdicts,
        [
            (Verdict::Green, 0),
            (Verdict::Orange, 0),
            (Verdict::Red, 0),
            (Verdict::Black, 1)
        ]
    );
    assert_eq!(dashboard.no_verdict, 2);
    assert_eq!(
        dashboard.statuses,
        [
            (ActionStatus::ToDo, 2),
            (ActionStatus::InProgress, 1),
            (ActionStatus::Done, 1),
            (ActionStatus::Blocked, 1)
        ]
    );
    assert_eq!(dashboard.overdue, 1);
    assert_eq!(dashboard.without_source, [id(10), id(12)]);
    assert_eq!(dashboard.sources_not_evaluated, [(id(11), id(30))]);
    assert_eq!(dashboard.without_action, [id(12)]);
    assert!(!dashboard.is_complete());
}

#[test]
fn dropped_datasets_are_left_out_of_the_dashboard() {
    let mut project = project();
    project.wanted[2].status = WantedStatus::Dropped;
    let dashboard = project.dashboard(date!(2026 - 03 - 15));
    assert_eq!(dashboard.no_verdict, 2);
    assert!(dashboard.without_action.is_empty());
}
