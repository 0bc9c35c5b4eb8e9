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

/// A date field's text: empty, a date, or anything typed.
fn any_date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2026-03-31".to_string()),
        any_text()
    ]
}

fn any_action() -> impl Strategy<Value = RoadmapAction> {
    (
        any_choice(Route::ALL),
        any_choice(ActionStatus::ALL),
        (any_text(), any_text()),
        any_date_text(),
        any_choice(HorizonSetting::ALL),
        (any_date_text(), any_date_text()),
    )
        .prop_map(
            |(route, status, (description, owner), due, horizon, (request_sent, follow_up))| {
                RoadmapAction {
                    status,
                    description,
                    owner,
                    due,
                    horizon,
                    request_sent,
                    follow_up,
                    ..RoadmapAction::new(Uuid::nil(), route)
                }
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
        proptest::collection::vec((any_source(), any_text(), any_provenance()), 0..3),
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
                        .map(|(source, title, provenance)| CandidateSource {
                            title,
                            provenance,
                            ..source
                        })
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

/// Where a source's prefilled values came from, when a catalogue filled it.
fn any_provenance() -> impl Strategy<Value = Option<Provenance>> {
    proptest::option::of(
        (
            any_choice(Catalogue::ALL),
            any_text(),
            any::<i64>(),
            proptest::collection::vec(any_choice(SourceField::ALL), 0..4),
        )
            .prop_map(|(catalogue, record, fetched_at, prefilled)| Provenance {
                catalogue: Some(catalogue),
                record,
                fetched_at,
                prefilled,
            }),
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
        let mut workspace = Workspace {
            projects,
            ..Workspace::default()
        };
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

/// One edit a tab makes to a project. Datasets are named by their position in the base, so
/// that two sides can be kept to different ones.
#[derive(Clone, Debug)]
pub(crate) enum Edit {
    ProjectText(usize, String),
    WantedText(usize, usize, String),
    AddWanted(String),
    RemoveWanted(usize),
    MoveWanted(usize, usize),
    AddSource(usize, String),
    SourceTitle(usize, usize, String),
    RemoveSource(usize, usize),
}

/// Which fields and base datasets a side may touch: any, or one half of them (even or odd
/// positions), so that two sides' edits are disjoint.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Side {
    Any,
    Even,
    Odd,
}

impl Side {
    /// The `n`th position this side may use.
    fn position(self, n: usize) -> usize {
        match self {
            Side::Any => n,
            Side::Even => n * 2,
            Side::Odd => n * 2 + 1,
        }
    }
}

const PROJECT_TEXTS: usize = 5;
const WANTED_TEXTS: usize = 4;

pub(crate) fn any_edits(side: Side) -> impl Strategy<Value = Vec<Edit>> {
    let spot = move || (0..4usize).prop_map(move |n| side.position(n));
    let field = move || {
        let fields: Vec<usize> = (0..PROJECT_TEXTS).map(|n| side.position(n)).collect();
        proptest::sample::select(
            fields
                .into_iter()
                .filter(|f| *f < PROJECT_TEXTS)
                .collect::<Vec<_>>(),
        )
    };
    let edit = prop_oneof![
        (field(), any_text()).prop_map(|(f, t)| Edit::ProjectText(f, t)),
        (spot(), 0..WANTED_TEXTS, any_text()).prop_map(|(d, f, t)| Edit::WantedText(d, f, t)),
        any_text().prop_map(Edit::AddWanted),
        spot().prop_map(Edit::RemoveWanted),
        (spot(), 0..6usize).prop_map(|(d, to)| Edit::MoveWanted(d, to)),
        (spot(), any_text()).prop_map(|(d, t)| Edit::AddSource(d, t)),
        (spot(), 0..3usize, any_text()).prop_map(|(d, s, t)| Edit::SourceTitle(d, s, t)),
        (spot(), 0..3usize).prop_map(|(d, s)| Edit::RemoveSource(d, s)),
    ];
    proptest::collection::vec(edit, 1..8)
}

/// The project after `edits`; new items get ids counting from `first_id`.
pub(crate) fn apply_edits(base: &Project, edits: &[Edit], first_id: u128) -> Project {
    let mut project = base.clone();
    let mut next = first_id;
    let mut fresh = || {
        next += 1;
        Uuid::from_u128(next)
    };
    let dataset_id = |n: usize| base.wanted.get(n).map(|w| w.id);
    for edit in edits {
        let position = |project: &Project, n: usize| {
            let id = dataset_id(n)?;
            project.wanted.iter().position(|w| w.id == id)
        };
        match edit.clone() {
            Edit::ProjectText(field, text) => {
                let target = match field {
                    0 => &mut project.name,
                    1 => &mut project.holder,
                    2 => &mut project.description,
                    3 => &mut project.objectives,
                    _ => &mut project.partners,
                };
                *target = text;
            }
            Edit::WantedText(n, field, text) => {
                if let Some(at) = position(&project, n) {
                    let dataset = &mut project.wanted[at];
                    let target = match field {
                        0 => &mut dataset.name,
                        1 => &mut dataset.use_case,
                        2 => &mut dataset.theme,
                        _ => &mut dataset.producer,
                    };
                    *target = text;
                }
            }
            Edit::AddWanted(name) => project.wanted.push(WantedDataset {
                name,
                ..WantedDataset::new(fresh())
            }),
            Edit::RemoveWanted(n) => {
                if let Some(at) = position(&project, n) {
                    project.wanted.remove(at);
                }
            }
            Edit::MoveWanted(n, to) => {
                if let Some(at) = position(&project, n) {
                    let dataset = project.wanted.remove(at);
                    let to = to.min(project.wanted.len());
                    project.wanted.insert(to, dataset);
                }
            }
            Edit::AddSource(n, title) => {
                if let Some(at) = position(&project, n) {
                    project.wanted[at].sources.push(CandidateSource {
                        title,
                        ..CandidateSource::new(fresh())
                    });
                }
            }
            Edit::SourceTitle(n, s, title) => {
                if let Some(source) =
                    position(&project, n).and_then(|at| project.wanted[at].sources.get_mut(s))
                {
                    source.title = title;
                }
            }
            Edit::RemoveSource(n, s) => {
                if let Some(at) = position(&project, n) {
                    let sources = &mut project.wanted[at].sources;
                    if s < sources.len() {
                        sources.remove(s);
                    }
                }
            }
        }
    }
    project
}
