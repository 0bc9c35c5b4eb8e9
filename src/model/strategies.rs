//! Proptest generators for whole workspaces, shared by the model's and the exports' tests.

use proptest::prelude::*;
use uuid::Uuid;

use super::evaluation::tests::any_source;
use super::*;

pub(crate) fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("=HYPERLINK(\"http://evil\")".to_string()),
        Just("a;b,\"c\"\r\nd | e".to_string()),
        any::<String>(),
    ]
}

fn any_choice<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

fn any_action() -> impl Strategy<Value = RoadmapAction> {
    (
        any_choice(Route::ALL),
        any_choice(ActionStatus::ALL),
        (any_text(), any_text()),
        prop_oneof![
            Just(String::new()),
            Just("2026-03-31".to_string()),
            any_text()
        ],
        any_choice(HorizonSetting::ALL),
    )
        .prop_map(
            |(route, status, (description, owner), due, horizon)| RoadmapAction {
                status,
                description,
                owner,
                due,
                horizon,
                ..RoadmapAction::new(Uuid::nil(), route)
            },
        )
}

fn any_wanted() -> impl Strategy<Value = WantedDataset> {
    (
        (any_text(), any_text(), any_text()),
        (any_choice(Value::ALL), any_choice(Availability::ALL)),
        any_choice(Granularity::ALL),
        any_choice(Frequency::ALL),
        any_choice(Format::ALL),
        any_choice(WantedStatus::ALL),
        proptest::collection::vec(any_choice(WorkFlag::ALL), 0..4),
        proptest::collection::vec((any_source(), any_text()), 0..3),
        proptest::collection::vec(any_action(), 0..3),
    )
        .prop_map(
            |(
                (name, use_case, contact),
                (value, availability),
                granularity,
                freshness,
                format,
                status,
                flags,
                sources,
                actions,
            )| {
                let mut dataset = WantedDataset {
                    name,
                    use_case,
                    contact,
                    value,
                    availability,
                    granularity,
                    freshness,
                    preferred_format: format,
                    status,
                    sources: sources
                        .into_iter()
                        .map(|(source, title)| CandidateSource { title, ..source })
                        .collect(),
                    actions,
                    ..WantedDataset::new(Uuid::nil())
                };
                for flag in flags {
                    dataset.set_flag(flag, true);
                }
                dataset
            },
        )
}

fn any_project() -> impl Strategy<Value = Project> {
    (
        (any_text(), any_text()),
        any_choice(Domain::ALL),
        any::<i64>(),
        proptest::collection::vec(any_wanted(), 0..5),
        proptest::collection::vec((any_text(), any::<i64>()), 0..3),
        (any::<Option<i64>>(), any::<u32>()),
    )
        .prop_map(
            |((name, holder), domain, at, wanted, snapshots, (exported, edits))| {
                let mut project = Project {
                    holder,
                    domain,
                    wanted,
                    ..Project::new(Uuid::nil(), name, at)
                };
                for (label, taken_at) in snapshots {
                    project.take_snapshot(Uuid::nil(), label, taken_at);
                }
                project.backup.last_export_at = exported;
                project.backup.edits_since_export = edits;
                project
            },
        )
}

/// Any workspace, every id distinct (as the app makes them).
pub(crate) fn any_workspace() -> impl Strategy<Value = Workspace> {
    proptest::collection::vec(any_project(), 0..4).prop_map(|projects| {
        let mut workspace = Workspace { projects };
        let mut next = 0u128;
        let mut fresh = || {
            next += 1;
            Uuid::from_u128(next)
        };
        for project in &mut workspace.projects {
            project.id = fresh();
            for snapshot in &mut project.snapshots {
                snapshot.id = fresh();
            }
            for dataset in &mut project.wanted {
                dataset.id = fresh();
                dataset.sources.iter_mut().for_each(|s| s.id = fresh());
                dataset.actions.iter_mut().for_each(|a| a.id = fresh());
            }
        }
        workspace
    })
}
