//! The cohort dashboard: one row per project of a workshop, and the orders it sorts in.

use std::cmp::Ordering;

use time::Date;
use uuid::Uuid;

use super::{Answer, Workshop};
use crate::model::{Choice, Domain, Horizon, Phase, PhaseProgress, Project, Quadrant};

/// What the facilitator reads of one project.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortRow {
    pub project: Uuid,
    pub name: String,
    pub holder: String,
    pub domain: Domain,
    /// In `Phase::ALL` order.
    pub progress: [PhaseProgress; 3],
    /// Pursued datasets in each quadrant of the data map, in `Quadrant::ALL` order.
    pub quadrants: [usize; 4],
    /// Pursued datasets not on the map yet (a score missing).
    pub unplaced: usize,
    /// Actions not done, in `Horizon::ALL` order.
    pub horizons: [usize; 3],
    pub overdue: usize,
    pub updated_at: i64,
    pub flagship: bool,
    pub flagship_reason: String,
    /// Producers' answers about the project's requests, in `Answer::ALL` order.
    pub answers: Vec<(Answer, usize)>,
}

/// The columns the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CohortColumn {
    Name,
    Holder,
    Domain,
    Phase(Phase),
    Overdue,
    LastChange,
    Flagship,
}

impl CohortColumn {
    pub const ALL: [CohortColumn; 9] = [
        CohortColumn::Name,
        CohortColumn::Holder,
        CohortColumn::Domain,
        CohortColumn::Phase(Phase::WantedList),
        CohortColumn::Phase(Phase::CollectEvaluate),
        CohortColumn::Phase(Phase::Roadmap),
        CohortColumn::Overdue,
        CohortColumn::LastChange,
        CohortColumn::Flagship,
    ];

    fn compare(self, a: &CohortRow, b: &CohortRow) -> Ordering {
        let text = |s: &str| s.trim().to_lowercase();
        match self {
            CohortColumn::Name => text(&a.name).cmp(&text(&b.name)),
            CohortColumn::Holder => text(&a.holder).cmp(&text(&b.holder)),
            CohortColumn::Domain => a.domain.slug().cmp(b.domain.slug()),
            CohortColumn::Phase(phase) => {
                let i = phase.number() - 1;
                let key = |r: &CohortRow| (r.progress[i].percent(), r.progress[i].done);
                key(a).cmp(&key(b))
            }
            CohortColumn::Overdue => a.overdue.cmp(&b.overdue),
            CohortColumn::LastChange => a.updated_at.cmp(&b.updated_at),
            CohortColumn::Flagship => a.flagship.cmp(&b.flagship),
        }
    }

    /// Sorts rows by this column; ties keep the workshop's order, whichever the direction.
    pub fn sort(self, rows: &mut [CohortRow], descending: bool) {
        rows.sort_by(|a, b| {
            let order = self.compare(a, b);
            if descending {
                order.reverse()
            } else {
                order
            }
        });
    }
}

/// The workshop's rows, in its order; projects no longer in this browser are left out (the
/// caller says how many).
pub fn cohort(workshop: &Workshop, projects: &[Project], today: Date) -> Vec<CohortRow> {
    workshop
        .members
        .iter()
        .filter_map(|member| {
            let project = projects.iter().find(|p| p.id == member.id)?;
            Some(row(
                workshop,
                project,
                today,
                member.flagship,
                &member.flagship_reason,
            ))
        })
        .collect()
}

fn row(
    workshop: &Workshop,
    project: &Project,
    today: Date,
    flagship: bool,
    reason: &str,
) -> CohortRow {
    let mut quadrants = [0; 4];
    let mut unplaced = 0;
    for dataset in project.active_wanted() {
        match dataset.map_place() {
            Some(place) => {
                let at = Quadrant::ALL.iter().position(|q| *q == place.quadrant());
                quadrants[at.expect("every quadrant is in ALL")] += 1;
            }
            None => unplaced += 1,
        }
    }
    let dashboard = project.dashboard(today);
    let mut horizons = [0; 3];
    for (horizon, count) in &dashboard.horizons {
        if let Some(at) = horizon.and_then(|h| Horizon::ALL.iter().position(|x| *x == h)) {
            horizons[at] = *count;
        }
    }
    CohortRow {
        project: project.id,
        name: project.name.trim().to_string(),
        holder: project.holder.trim().to_string(),
        domain: project.domain,
        progress: Phase::ALL.map(|phase| project.progress(phase)),
        quadrants,
        unplaced,
        horizons,
        overdue: dashboard.overdue,
        updated_at: project.updated_at,
        flagship,
        flagship_reason: reason.to_string(),
        answers: workshop.answers_for(project.id),
    }
}
