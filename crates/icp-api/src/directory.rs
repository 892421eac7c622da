//! The directory of people and organisations.

use icp_domain::{City, DomainError, Id, Organisation, Person};

use icp_print::documents::people::PERSON_GONE;

use crate::known::KnownIds;
use crate::{ApiError, Desk};

impl Desk {
    /// A person's name, or how the documents name one who was deleted since.
    pub(crate) fn person_name(&self, id: Id) -> Result<String, ApiError> {
        Ok(self
            .store
            .get::<Person>(id)?
            .map_or_else(|| PERSON_GONE.into(), |p| p.name))
    }

    fn refs(&self) -> Result<KnownIds, ApiError> {
        Ok(KnownIds {
            cities: self.all_ids::<City>()?,
            people: self.all_ids::<Person>()?,
            organisations: self.all_ids::<Organisation>()?,
            ..KnownIds::default()
        })
    }

    /// Everyone in the directory, by name.
    pub fn list_people(&self) -> Result<Vec<Person>, ApiError> {
        let mut all = self.all::<Person>()?;
        all.sort_by_key(|p| icp_domain::text::fold(&p.name));
        Ok(all)
    }

    pub fn list_organisations(&self) -> Result<Vec<Organisation>, ApiError> {
        let mut all = self.all::<Organisation>()?;
        all.sort_by_key(|o| icp_domain::text::fold(&o.name));
        Ok(all)
    }

    /// Adds a person; the id given is replaced by a new one.
    pub fn add_person(&self, person: &Person) -> Result<Person, ApiError> {
        let draft = Person {
            id: self.store.new_id(),
            sample: false,
            ..person.clone()
        };
        let valid = draft.validate(&self.refs()?)?;
        self.store.save(&valid)?;
        Ok(valid)
    }

    /// Saves an edit of a person already in the directory (one deleted meanwhile is not
    /// brought back).
    pub fn save_person(&self, person: &Person) -> Result<Person, ApiError> {
        let existing: Person = self.one(person.id, "person")?;
        let mut valid = person.validate(&self.refs()?)?;
        valid.sample = existing.sample;
        self.store.save(&valid)?;
        Ok(valid)
    }

    /// Deletes a person, unless a cluster or a pair would be left without its manager: the
    /// coordinator chooses another first, so no view is left showing "Unknown person" in a
    /// role someone must hold.
    pub fn delete_person(&self, id: Id) -> Result<(), ApiError> {
        let person: Person = self.one(id, "person")?;
        let mut uses = Vec::new();
        for cluster in self.all::<icp_domain::Cluster>()? {
            if cluster.manager == Some(id) {
                let theme = self
                    .programme
                    .themes
                    .iter()
                    .find(|t| t.key == cluster.theme)
                    .map_or(cluster.theme.clone(), |t| t.label.clone());
                uses.push(format!("manages the {theme} cluster"));
            }
        }
        for pairing in self.all::<icp_domain::pairing::Pairing>()? {
            if pairing.manager == Some(id) {
                let pair = self
                    .part_of(icp_domain::meeting::BelongsTo::Pairing(pairing.id))?
                    .unwrap_or_default();
                uses.push(format!("manages the pair {pair}"));
            }
        }
        if !uses.is_empty() {
            return Err(DomainError::InUse {
                name: person.name,
                uses,
            }
            .into());
        }
        self.delete_one::<Person>(id, "person")
    }

    /// Adds an organisation; the id given is replaced by a new one.
    pub fn add_organisation(&self, organisation: &Organisation) -> Result<Organisation, ApiError> {
        let draft = Organisation {
            id: self.store.new_id(),
            sample: false,
            ..organisation.clone()
        };
        let valid = draft.validate(&self.refs()?)?;
        self.store.save(&valid)?;
        Ok(valid)
    }

    pub fn save_organisation(&self, organisation: &Organisation) -> Result<Organisation, ApiError> {
        let existing: Organisation = self.one(organisation.id, "organisation")?;
        let mut valid = organisation.validate(&self.refs()?)?;
        valid.sample = existing.sample;
        self.store.save(&valid)?;
        Ok(valid)
    }

    pub fn delete_organisation(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<Organisation>(id, "organisation")
    }
}
