//! The sample directory: the people who would run the sample programme (its four cluster
//! managers and the pairing managers of Porto and eThekwini) and their organisations. The
//! people are invented, with example.org addresses, so that no real person's details appear.

use crate::{City, Id, Organisation, OrganisationKind, Person};

/// `(name, kind, city)`: organisations, the city named by the start of its name.
const ORGANISATIONS: [(&str, OrganisationKind, Option<&str>); 3] = [
    (
        "ICP AGIR cluster team",
        OrganisationKind::PrivateAgency,
        None,
    ),
    (
        "Porto City Council",
        OrganisationKind::PublicAgency,
        Some("Porto"),
    ),
    (
        "eThekwini Municipality",
        OrganisationKind::PublicAgency,
        Some("eThekwini"),
    ),
];

/// `(name, role, organisation index, city, e-mail, phone, languages, cluster theme)`.
type PersonRow = (
    &'static str,
    &'static str,
    usize,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
);

const PEOPLE: [PersonRow; 6] = [
    (
        "Marta Kowalczyk",
        "Cluster manager, circular economy",
        0,
        None,
        "marta.kowalczyk@example.org",
        "+48 22 555 0101",
        &["Polish", "English", "French"],
        Some("circular_economy"),
    ),
    (
        "Jonas Weber",
        "Cluster manager, air quality",
        0,
        None,
        "jonas.weber@example.org",
        "+49 30 5550 0102",
        &["German", "English"],
        Some("air_quality"),
    ),
    (
        "Eleni Georgiou",
        "Cluster manager, energy transition",
        0,
        None,
        "eleni.georgiou@example.org",
        "+30 21 0555 0103",
        &["Greek", "English"],
        Some("energy_transition"),
    ),
    (
        "Park Ji-woo 박지우",
        "Cluster manager, integration of migrants and refugees",
        0,
        None,
        "jiwoo.park@example.org",
        "+82 2 555 0104",
        &["Korean", "English"],
        Some("migrant_integration"),
    ),
    (
        "Inês Carvalho",
        "Pairing manager",
        1,
        Some("Porto"),
        "ines.carvalho@example.org",
        "+351 22 555 0105",
        &["Portuguese", "English", "Spanish"],
        None,
    ),
    (
        "Sipho Dlamini",
        "Pairing manager",
        2,
        Some("eThekwini"),
        "sipho.dlamini@example.org",
        "+27 31 555 0106",
        &["English", "isiZulu"],
        None,
    ),
];

/// The sample directory, each record marked as sample data.
pub struct SampleDirectory {
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    /// Theme key → the person who manages its cluster.
    pub cluster_managers: Vec<(String, Id)>,
}

/// The sample people and organisations, with ids from `new_id`; a city not in `cities` is left
/// out of the records that name it.
pub fn directory(cities: &[City], mut new_id: impl FnMut() -> Id) -> SampleDirectory {
    let city = |name: Option<&str>| {
        name.and_then(|n| cities.iter().find(|c| c.name.starts_with(n)))
            .map(|c| c.id)
    };
    let mut organisations: Vec<Organisation> = ORGANISATIONS
        .iter()
        .map(|(name, kind, at)| Organisation {
            id: new_id(),
            name: name.to_string(),
            kind: *kind,
            city: city(*at),
            contacts: Vec::new(),
            sample: true,
        })
        .collect();
    let mut people = Vec::new();
    let mut cluster_managers = Vec::new();
    for (name, role, org, at, email, phone, languages, theme) in PEOPLE {
        let person = Person {
            id: new_id(),
            name: name.to_string(),
            role: role.to_string(),
            organisation: Some(organisations[org].id),
            city: city(at),
            email: email.to_string(),
            phone: phone.to_string(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            sample: true,
        };
        organisations[org].contacts.push(person.id);
        if let Some(theme) = theme {
            cluster_managers.push((theme.to_string(), person.id));
        }
        people.push(person);
    }
    SampleDirectory {
        organisations,
        people,
        cluster_managers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Known, Programme};

    struct All<'a>(&'a SampleDirectory, &'a [City]);

    impl Known for All<'_> {
        fn city(&self, id: Id) -> bool {
            self.1.iter().any(|c| c.id == id)
        }
        fn person(&self, id: Id) -> bool {
            self.0.people.iter().any(|p| p.id == id)
        }
        fn organisation(&self, id: Id) -> bool {
            self.0.organisations.iter().any(|o| o.id == id)
        }
    }

    #[test]
    fn every_sample_record_is_valid_and_every_cluster_has_its_manager() {
        let p = Programme::icp_agir();
        let mut n = 0;
        let mut id = || {
            n += 1;
            Id::from_parts(3, n)
        };
        let cities: Vec<City> = super::super::cities()
            .iter()
            .map(|c| c.validate(&p, id()).unwrap())
            .collect();
        let d = directory(&cities, id);
        let known = All(&d, &cities);
        for person in &d.people {
            assert_eq!(&person.validate(&known).unwrap(), person);
        }
        for o in &d.organisations {
            assert_eq!(&o.validate(&known).unwrap(), o);
        }
        let themes: Vec<&str> = d.cluster_managers.iter().map(|(t, _)| t.as_str()).collect();
        let all: Vec<&str> = p.themes.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(themes, all);
        assert!(d.people.iter().filter(|p| p.city.is_some()).count() == 2);
    }
}
