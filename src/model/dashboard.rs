//! The project at a glance: verdicts, action statuses, what is overdue and what is missing.

use time::Date;
use uuid::Uuid;

use super::{ActionStatus, Choice, Horizon, Project, Verdict};

/// Counts for the dashboard; lists hold wanted dataset ids, in list order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dashboard {
    /// Final verdicts of the pursued datasets, in `Verdict::ALL` order.
    pub verdicts: Vec<(Verdict, usize)>,
    /// Pursued datasets with no verdict yet.
    pub no_verdict: usize,
    /// Actions by status, in `ActionStatus::ALL` order.
    pub statuses: Vec<(ActionStatus, usize)>,
    /// Actions not done, by horizon in `Horizon::ALL` order, then those with none.
    pub horizons: Vec<(Option<Horizon>, usize)>,
    pub overdue: usize,
    pub without_source: Vec<Uuid>,
    /// Sources of pursued datasets that still have criteria to assess: (dataset, source).
    pub sources_not_evaluated: Vec<(Uuid, Uuid)>,
    pub without_action: Vec<Uuid>,
}

impl Dashboard {
    /// Nothing left to do on any phase.
    pub fn is_complete(&self) -> bool {
        self.without_source.is_empty()
            && self.sources_not_evaluated.is_empty()
            && self.without_action.is_empty()
    }
}

impl Project {
    pub fn dashboard(&self, today: Date) -> Dashboard {
        let active: Vec<_> = self.active_wanted().collect();
        let finals: Vec<Option<Verdict>> = active.iter().map(|d| d.final_verdict()).collect();
        let actions: Vec<_> = self.planned_actions().map(|p| p.action).collect();
        Dashboard {
            verdicts: Verdict::ALL
                .iter()
                .map(|&v| (v, finals.iter().filter(|f| **f == Some(v)).count()))
                .collect(),
            no_verdict: finals.iter().filter(|f| f.is_none()).count(),
            statuses: ActionStatus::ALL
                .iter()
                .map(|&s| (s, actions.iter().filter(|a| a.status == s).count()))
                .collect(),
            horizons: Horizon::ALL
                .iter()
                .map(|&h| Some(h))
                .chain(std::iter::once(None))
                .map(|h| {
                    let open = actions.iter().filter(|a| a.status != ActionStatus::Done);
                    (h, open.filter(|a| a.horizon(today) == h).count())
                })
                .collect(),
            overdue: actions.iter().filter(|a| a.is_overdue(today)).count(),
            without_source: active
                .iter()
                .filter(|d| d.sources.is_empty())
                .map(|d| d.id)
                .collect(),
            sources_not_evaluated: active
                .iter()
                .flat_map(|d| {
                    d.assessments()
                        .filter(|(_, a)| !a.is_complete())
                        .map(move |(s, _)| (d.id, s.id))
                })
                .collect(),
            without_action: active
                .iter()
                .filter(|d| d.actions.is_empty())
                .map(|d| d.id)
                .collect(),
        }
    }
}
