//! "Check against the catalogue": a source filled from a catalogue is compared with the
//! record as the catalogue gives it today, field by field, and the holder takes the changes
//! they choose. Nothing is changed without their say.

use super::{Provenance, SourceField};
use crate::model::CandidateSource;

impl CandidateSource {
    /// The fields today's record (`fresh`, built by `from_record`) fills with a value that
    /// differs from this source's. A field the catalogue no longer fills is not a change:
    /// an emptied catalogue field says nothing about the data.
    pub fn catalogue_changes(&self, fresh: &CandidateSource) -> Vec<SourceField> {
        let Some(filled) = fresh.provenance.as_ref().map(|p| &p.prefilled) else {
            return Vec::new();
        };
        filled
            .iter()
            .copied()
            .filter(|&field| !same_field(self, fresh, field))
            .collect()
    }

    /// Takes `fields` from `fresh`, marks them as the catalogue's, and records the check's
    /// date (also when nothing was taken: the values were confirmed that day).
    pub fn take_from_catalogue(&mut self, fresh: &CandidateSource, fields: &[SourceField]) {
        for &field in fields {
            copy_field(self, fresh, field);
        }
        let Some(checked) = fresh.provenance.as_ref() else {
            return;
        };
        let provenance = self.provenance.get_or_insert_with(|| Provenance {
            catalogue: checked.catalogue,
            record: checked.record.clone(),
            ..Provenance::default()
        });
        provenance.fetched_at = checked.fetched_at;
        for &field in fields {
            if !provenance.prefilled.contains(&field) {
                provenance.prefilled.push(field);
            }
        }
    }
}

fn same_field(a: &CandidateSource, b: &CandidateSource, field: SourceField) -> bool {
    match field {
        SourceField::Title => a.title.trim() == b.title.trim(),
        SourceField::Link => a.link.trim() == b.link.trim(),
        SourceField::Producer => a.producer.trim() == b.producer.trim(),
        SourceField::FoundWhere => a.found_where.trim() == b.found_where.trim(),
        SourceField::Licence => a.licence == b.licence,
        SourceField::Formats => a.formats == b.formats,
        SourceField::Access => a.access == b.access,
        SourceField::UpdateFrequency => a.update_frequency == b.update_frequency,
        SourceField::LastUpdate => a.last_update == b.last_update,
        SourceField::Documentation => a.documentation == b.documentation,
        SourceField::PersonalData => a.personal_data == b.personal_data,
    }
}

fn copy_field(to: &mut CandidateSource, from: &CandidateSource, field: SourceField) {
    match field {
        SourceField::Title => to.title = from.title.clone(),
        SourceField::Link => to.link = from.link.clone(),
        SourceField::Producer => to.producer = from.producer.clone(),
        SourceField::FoundWhere => to.found_where = from.found_where.clone(),
        SourceField::Licence => to.licence = from.licence,
        SourceField::Formats => to.formats = from.formats.clone(),
        SourceField::Access => to.access = from.access,
        SourceField::UpdateFrequency => to.update_frequency = from.update_frequency,
        SourceField::LastUpdate => to.last_update = from.last_update.clone(),
        SourceField::Documentation => to.documentation = from.documentation,
        SourceField::PersonalData => to.personal_data = from.personal_data,
    }
}
