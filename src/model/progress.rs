//! How far a project has gone along the three phases of the path, and what is still missing.

use super::{Project, WantedStatus};

/// The three phases of the data-potential path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    WantedList,
    CollectEvaluate,
    Roadmap,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::WantedList, Phase::CollectEvaluate, Phase::Roadmap];

    /// 1, 2 or 3, as the method numbers them.
    pub fn number(self) -> usize {
        match self {
            Phase::WantedList => 1,
            Phase::CollectEvaluate => 2,
            Phase::Roadmap => 3,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseState {
    NotStarted,
    InProgress,
    Complete,
}

/// `done` of `total` items of a phase are finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseProgress {
    pub done: usize,
    pub total: usize,
}

impl PhaseProgress {
    pub fn state(self) -> PhaseState {
        if self.done == 0 {
            PhaseState::NotStarted
        } else if self.done >= self.total {
            PhaseState::Complete
        } else {
            PhaseState::InProgress
        }
    }

    /// Whole percent, rounded down so that 100 means really finished.
    pub fn percent(self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}

/// One line of the overview's "still to do" list, in the order of the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StillToDo {
    NoWantedYet,
    /// This many wanted datasets lack a name or a use case.
    Undescribed(usize),
    PhaseOneComplete,
    /// This many pursued datasets have no fully evaluated source.
    Unevaluated(usize),
    PhaseTwoComplete,
}

impl Project {
    /// What phases 1 and 2 still need; phase 2 is left out while the list is empty.
    pub fn still_to_do(&self) -> Vec<StillToDo> {
        let undescribed = self.undescribed_wanted().count();
        let phase1 = if self.wanted.is_empty() {
            StillToDo::NoWantedYet
        } else if undescribed > 0 {
            StillToDo::Undescribed(undescribed)
        } else {
            StillToDo::PhaseOneComplete
        };
        let unevaluated = self.unevaluated_wanted().count();
        let phase2 = if unevaluated > 0 {
            StillToDo::Unevaluated(unevaluated)
        } else if self.wanted.is_empty() {
            return vec![phase1];
        } else {
            StillToDo::PhaseTwoComplete
        };
        vec![phase1, phase2]
    }

    /// Phase 1 counts every wanted dataset; the later phases skip the ones the project dropped.
    pub fn progress(&self, phase: Phase) -> PhaseProgress {
        match phase {
            Phase::WantedList => PhaseProgress {
                done: self.wanted.iter().filter(|d| d.is_described()).count(),
                total: self.wanted.len(),
            },
            Phase::CollectEvaluate => PhaseProgress {
                done: self.active_wanted().filter(|d| d.is_evaluated()).count(),
                total: self.active_wanted().count(),
            },
            Phase::Roadmap => PhaseProgress {
                done: self
                    .active_wanted()
                    .filter(|d| !d.actions.is_empty())
                    .count(),
                total: self.active_wanted().count(),
            },
        }
    }

    /// The wanted datasets the project still pursues (not dropped).
    pub fn active_wanted(&self) -> impl Iterator<Item = &super::WantedDataset> {
        self.wanted
            .iter()
            .filter(|d| d.status != WantedStatus::Dropped)
    }

    /// Pursued datasets with no fully evaluated source yet: what phase 2 still misses.
    pub fn unevaluated_wanted(&self) -> impl Iterator<Item = &super::WantedDataset> {
        self.active_wanted().filter(|d| !d.is_evaluated())
    }

    /// Wanted datasets that still lack a name or a use case.
    pub fn undescribed_wanted(&self) -> impl Iterator<Item = &super::WantedDataset> {
        self.wanted.iter().filter(|d| !d.is_described())
    }
}
