//! Records the API tests (and the itinerary benchmark) set up the same way.
#![allow(dead_code)] // each test binary uses some of these

use icp_api::Desk;
use icp_domain::{CityInput, Id, Person};

/// Saves a city with just its name, country and clock; returns its id.
pub fn city(desk: &Desk, name: &str, country: &str, zone: &str) -> Id {
    desk.save_city(&CityInput {
        name: name.into(),
        country: country.into(),
        time_zone: zone.into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

/// A person with a name and a role only, ready for `Desk::add_person` (which gives the id).
pub fn person(name: &str) -> Person {
    Person {
        id: Id::from_parts(0, 0),
        name: name.into(),
        role: "Pairing manager".into(),
        organisation: None,
        city: None,
        email: String::new(),
        phone: String::new(),
        languages: vec![],
        sample: false,
    }
}
