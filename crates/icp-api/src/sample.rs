use icp_domain::sample;

use crate::{ApiError, Desk, SampleSummary};

impl Desk {
    /// Loads the sample ICP AGIR programme: the cities of the public pairs, each marked as
    /// sample data, in one transaction. Cities already there by the same name and country are
    /// not added twice.
    pub fn load_sample_data(&self) -> Result<SampleSummary, ApiError> {
        let existing = self.cities_all()?;
        let mut added = Vec::new();
        for input in sample::cities() {
            let known = existing.iter().any(|c| {
                c.country == input.country && c.name.eq_ignore_ascii_case(input.name.trim())
            });
            if known {
                continue;
            }
            let mut city = input.validate(&self.programme, self.store.new_id())?;
            city.sample = true;
            added.push(city);
        }
        self.store.save_many(&added)?;
        Ok(SampleSummary { cities: added.len() as u32 })
    }
}
