//! A workshop (cohort): the facilitator's group of projects, and what the facilitator
//! decides about them — flagships, producer names that are one, producers' answers, shared
//! needs confirmed or dismissed. Projects are referenced by id and stay in the workspace,
//! so that one project may belong to several workshops.
//!
//! Every list holds items with a string `id`, so that two tabs' versions merge item by item
//! through the same code as projects (`merge::merge_values`).

mod cohort;
mod example;
#[cfg(test)]
mod tests;

pub use cohort::{cohort, CohortColumn, CohortRow};
pub use example::RemovedExample;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::choice::choice;
use super::merge::{merge_values, Merged};
use super::producers::{normalise_name, ProducerMerges, SharedNeed};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workshop {
    pub id: Uuid,
    pub name: String,
    /// `YYYY-MM-DD`, as a date field gives it, or empty.
    pub starts_on: String,
    pub ends_on: String,
    pub place: String,
    pub facilitators: String,
    /// The projects followed, in the order they joined.
    pub members: Vec<Member>,
    /// Producer names the facilitator said are one, beyond what normalisation folds.
    pub merged_names: Vec<NameMerge>,
    pub answers: Vec<ProducerAnswer>,
    pub shared_needs: Vec<NeedDecision>,
    /// The worked example shipped with the app: marked, and removable in one click.
    pub example: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A project of the workshop (`id` is the project's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub id: Uuid,
    /// One of the projects the facilitators will accompany afterwards.
    pub flagship: bool,
    pub flagship_reason: String,
}

/// Two folded producer names that are one producer; `id` is both, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NameMerge {
    pub id: String,
    pub a: String,
    pub b: String,
}

choice! {
    /// What a producer said, at the meeting, about one request.
    pub enum Answer {
        WillOpen = "will_open",
        WillImprove = "will_improve",
        Refused = "refused",
        FollowUp = "follow_up",
    }
}

/// A producer's answer about one project's wanted dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProducerAnswer {
    /// `producer|project|wanted`, so that two tabs answering the same request merge.
    pub id: String,
    /// The producer's folded name when the answer was recorded; merges made later still
    /// find it (`Workshop::answer`).
    pub producer: String,
    pub project: Uuid,
    pub wanted: Uuid,
    pub answer: Option<Answer>,
    pub note: String,
}

/// The facilitator's decision on a proposed shared need (`id`: `SharedNeed::id`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedDecision {
    pub id: String,
    pub confirmed: bool,
}

impl SharedNeed {
    /// Stable across sessions: the two (project, dataset) pairs.
    pub fn id(&self) -> String {
        let ((p1, w1), (p2, w2)) = (self.first, self.second);
        format!("{p1}/{w1}+{p2}/{w2}")
    }
}

impl Workshop {
    pub fn new(id: Uuid, name: String, now: i64) -> Workshop {
        Workshop {
            id,
            name,
            created_at: now,
            updated_at: now,
            ..Workshop::default()
        }
    }

    pub fn has(&self, project: Uuid) -> bool {
        self.members.iter().any(|m| m.id == project)
    }

    pub fn member(&self, project: Uuid) -> Option<&Member> {
        self.members.iter().find(|m| m.id == project)
    }

    /// Adds a project unless it is there already; true if it was added.
    pub fn add_project(&mut self, project: Uuid) -> bool {
        if self.has(project) {
            return false;
        }
        self.members.push(Member {
            id: project,
            ..Member::default()
        });
        true
    }

    /// Takes a project out of the workshop (not out of the browser), with its place, so
    /// that it can be put back.
    pub fn remove_project(&mut self, project: Uuid) -> Option<(usize, Member)> {
        let at = self.members.iter().position(|m| m.id == project)?;
        Some((at, self.members.remove(at)))
    }

    pub fn restore_member(&mut self, at: usize, member: Member) {
        if !self.has(member.id) {
            let at = at.min(self.members.len());
            self.members.insert(at, member);
        }
    }

    pub fn set_flagship(&mut self, project: Uuid, flagship: bool) {
        if let Some(member) = self.members.iter_mut().find(|m| m.id == project) {
            member.flagship = flagship;
        }
    }

    pub fn set_flagship_reason(&mut self, project: Uuid, reason: String) {
        if let Some(member) = self.members.iter_mut().find(|m| m.id == project) {
            member.flagship_reason = reason;
        }
    }

    pub fn project_ids(&self) -> Vec<Uuid> {
        self.members.iter().map(|m| m.id).collect()
    }

    pub fn producer_merges(&self) -> ProducerMerges {
        let mut merges = ProducerMerges::default();
        for merge in &self.merged_names {
            merges.merge(&merge.a, &merge.b);
        }
        merges
    }

    /// Remembers that two names are one producer; false if normalisation already folds
    /// them into one, or the pair is known.
    pub fn merge_names(&mut self, a: &str, b: &str) -> bool {
        let (a, b) = (normalise_name(a), normalise_name(b));
        if a == b || a.is_empty() || b.is_empty() {
            return false;
        }
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        let id = format!("{a}|{b}");
        if self.merged_names.iter().any(|m| m.id == id) {
            return false;
        }
        self.merged_names.push(NameMerge { id, a, b });
        true
    }

    /// Forgets every merge that involves one of a producer's folded names.
    pub fn split_names(&mut self, names: &[String]) {
        let folded: Vec<String> = names.iter().map(|n| normalise_name(n)).collect();
        self.merged_names
            .retain(|m| !folded.contains(&m.a) && !folded.contains(&m.b));
    }

    /// The answer recorded for a request to `producer` (its key after merges).
    pub fn answer(&self, producer: &str, project: Uuid, wanted: Uuid) -> Option<&ProducerAnswer> {
        let merges = self.producer_merges();
        self.answers.iter().find(|a| {
            a.project == project && a.wanted == wanted && merges.key_of(&a.producer) == producer
        })
    }

    /// Records (or changes) the answer about one request, leaving the note as it is.
    pub fn set_answer(
        &mut self,
        producer: &str,
        project: Uuid,
        wanted: Uuid,
        answer: Option<Answer>,
    ) {
        self.answer_mut(producer, project, wanted).answer = answer;
    }

    pub fn set_answer_note(&mut self, producer: &str, project: Uuid, wanted: Uuid, note: String) {
        self.answer_mut(producer, project, wanted).note = note;
    }

    fn answer_mut(&mut self, producer: &str, project: Uuid, wanted: Uuid) -> &mut ProducerAnswer {
        let merges = self.producer_merges();
        let found = self.answers.iter().position(|a| {
            a.project == project && a.wanted == wanted && merges.key_of(&a.producer) == producer
        });
        let at = found.unwrap_or_else(|| {
            self.answers.push(ProducerAnswer {
                id: format!("{producer}|{project}|{wanted}"),
                producer: producer.to_string(),
                project,
                wanted,
                ..ProducerAnswer::default()
            });
            self.answers.len() - 1
        });
        &mut self.answers[at]
    }

    /// The answers given about one project's requests, counted by answer in `Answer::ALL`
    /// order (answers with no choice yet are not counted).
    pub fn answers_for(&self, project: Uuid) -> Vec<(Answer, usize)> {
        use super::Choice;
        Answer::ALL
            .iter()
            .map(|&kind| {
                let n = self
                    .answers
                    .iter()
                    .filter(|a| a.project == project && a.answer == Some(kind))
                    .count();
                (kind, n)
            })
            .collect()
    }

    /// `Some(true)` confirmed, `Some(false)` dismissed, `None` not decided yet.
    pub fn need_decision(&self, need: &SharedNeed) -> Option<bool> {
        let id = need.id();
        self.shared_needs
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.confirmed)
    }

    /// Records a decision; `None` takes it back.
    pub fn decide_need(&mut self, need: &SharedNeed, decision: Option<bool>) {
        let id = need.id();
        self.shared_needs.retain(|d| d.id != id);
        if let Some(confirmed) = decision {
            self.shared_needs.push(NeedDecision { id, confirmed });
        }
    }
}

impl super::Workspace {
    /// Adds a workshop from a file, or merges it into the one here with its id (a
    /// colleague's copy of the same cohort): nothing of either is dropped, and where both
    /// say something different the one here stays.
    pub fn import_workshop(&mut self, workshop: Workshop, now: i64) {
        match self.workshops.iter_mut().find(|w| w.id == workshop.id) {
            Some(here) => {
                let mut merged = merge_workshops(None, &workshop, here).value;
                merged.updated_at = now;
                *here = merged;
            }
            None => self.workshops.push(workshop),
        }
    }
}

/// Merges two versions of a workshop that started from `base` (none: two workshops met for
/// the first time, as when a facilitator imports a colleague's file). Lists merge item by
/// item; on a field both changed, theirs stays and `conflicts` counts it.
pub fn merge_workshops(
    base: Option<&Workshop>,
    ours: &Workshop,
    theirs: &Workshop,
) -> Merged<Workshop> {
    // Through text, as `merge_projects` does: no second serialiser for `Value` in the wasm.
    let json = |w: &Workshop| {
        let text = serde_json::to_string(w).expect("a workshop always serialises");
        serde_json::from_str::<Value>(&text).expect("and reads back")
    };
    let base = base.map_or(Value::Null, json);
    let mut conflicts = 0;
    let value = merge_values(&base, &json(ours), &json(theirs), "", &mut conflicts);
    let value = serde_json::from_str(&value.to_string()).unwrap_or_else(|_| theirs.clone());
    Merged { value, conflicts }
}
