use icp_domain::text::fold;
use icp_domain::{City, CityInput, CityQuery, Id};

use crate::{ApiError, Desk};

impl Desk {
    /// The cities that match, sorted by name as people read it.
    pub fn list_cities(&self, query: &CityQuery) -> Result<Vec<City>, ApiError> {
        let mut cities: Vec<City> = self
            .cities_all()?
            .into_iter()
            .filter(|c| query.matches(c, &self.programme))
            .collect();
        cities.sort_by_cached_key(|c| (fold(&c.name), c.id));
        Ok(cities)
    }

    pub fn get_city(&self, id: Id) -> Result<City, ApiError> {
        self.one(id, "city")
    }

    /// Validates what was typed and saves it; returns the city as stored. An edit of a city
    /// that was deleted meanwhile is refused rather than bringing it back.
    pub fn save_city(&self, input: &CityInput) -> Result<City, ApiError> {
        let (id, sample) = match input.id {
            Some(id) => (id, self.get_city(id)?.sample),
            None => (self.store.new_id(), false),
        };
        let mut city = input.validate(&self.programme, id)?;
        city.sample = sample;
        self.store.save(&city)?;
        Ok(city)
    }

    pub fn delete_city(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<City>(id, "city")
    }
}
