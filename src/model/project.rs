//! A project and its profile: who carries it, in which domain, to do what.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choice::choice;
use super::snapshot::{BackupRecord, Snapshot};
use super::wanted::WantedDataset;

choice! {
    /// The ODEON programme's three domains, plus anything else.
    #[derive(Default)]
    pub enum Domain {
        GreenEconomy = "green_economy",
        BlueEconomy = "blue_economy",
        CreativeIndustries = "creative_industries",
        #[default]
        Other = "other",
    }
}

/// One project holder's project and everything planned for its data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub id: Uuid,
    pub name: String,
    /// The organisation or person carrying the project.
    pub holder: String,
    pub domain: Domain,
    pub description: String,
    pub objectives: String,
    /// From the discovery sheet: who the project works with,
    pub partners: String,
    /// whom it serves,
    pub audiences: String,
    /// and where its work on data stands.
    pub data_work: String,
    /// Milliseconds since the Unix epoch; the model never reads a clock itself.
    pub created_at: i64,
    pub updated_at: i64,
    /// The Wanted Data List, in order of preference.
    pub wanted: Vec<WantedDataset>,
    /// Saved versions, newest first.
    pub snapshots: Vec<Snapshot>,
    pub backup: BackupRecord,
}

impl Default for Project {
    fn default() -> Self {
        Project {
            id: Uuid::nil(),
            name: String::new(),
            holder: String::new(),
            domain: Domain::default(),
            description: String::new(),
            objectives: String::new(),
            partners: String::new(),
            audiences: String::new(),
            data_work: String::new(),
            created_at: 0,
            updated_at: 0,
            wanted: Vec::new(),
            snapshots: Vec::new(),
            backup: BackupRecord::default(),
        }
    }
}

/// Which way a row moves in an ordered list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Project {
    pub fn new(id: Uuid, name: impl Into<String>, now: i64) -> Self {
        Project {
            id,
            name: name.into(),
            created_at: now,
            updated_at: now,
            ..Project::default()
        }
    }

    pub fn wanted(&self, id: Uuid) -> Option<&WantedDataset> {
        self.wanted.iter().find(|d| d.id == id)
    }

    pub fn wanted_mut(&mut self, id: Uuid) -> Option<&mut WantedDataset> {
        self.wanted.iter_mut().find(|d| d.id == id)
    }

    /// Position of a wanted dataset in the list (0 = most preferred).
    pub fn wanted_index(&self, id: Uuid) -> Option<usize> {
        self.wanted.iter().position(|d| d.id == id)
    }

    pub fn add_wanted(&mut self, dataset: WantedDataset) {
        self.wanted.push(dataset);
    }

    /// Removes a wanted dataset and returns it with its position, so the removal can be undone.
    pub fn remove_wanted(&mut self, id: Uuid) -> Option<(usize, WantedDataset)> {
        let index = self.wanted_index(id)?;
        Some((index, self.wanted.remove(index)))
    }

    /// Puts a removed dataset back where it was (or at the end if the list has since shrunk).
    pub fn restore_wanted(&mut self, index: usize, dataset: WantedDataset) {
        if self.wanted_index(dataset.id).is_some() {
            return;
        }
        let index = index.min(self.wanted.len());
        self.wanted.insert(index, dataset);
    }

    /// Moves a wanted dataset one place; returns false when it is already at that end.
    pub fn move_wanted(&mut self, id: Uuid, direction: Direction) -> bool {
        let Some(index) = self.wanted_index(id) else {
            return false;
        };
        let target = match direction {
            Direction::Up if index > 0 => index - 1,
            Direction::Down if index + 1 < self.wanted.len() => index + 1,
            _ => return false,
        };
        self.wanted.swap(index, target);
        true
    }

    /// A copy with fresh ids throughout, so the copy and the original never get confused.
    pub fn duplicate(&self, name: String, now: i64, mut new_id: impl FnMut() -> Uuid) -> Project {
        let mut copy = self.clone();
        copy.id = new_id();
        copy.name = name;
        copy.created_at = now;
        copy.updated_at = now;
        copy.backup = BackupRecord::default();
        for dataset in &mut copy.wanted {
            dataset.id = new_id();
            for source in &mut dataset.sources {
                source.id = new_id();
            }
            for action in &mut dataset.actions {
                action.id = new_id();
            }
        }
        copy
    }
}
