//! The sample programme offered on an empty store: ICP AGIR with the cities of the pairs that
//! were made public in 2022. Every record made from it is marked `sample`.

mod candidatures;
mod directory;
mod dissemination;
mod evaluations;
mod meetings;
mod plan;
mod practices;

pub use candidatures::{candidatures, clusters};
pub use directory::{directory, SampleDirectory};
pub use dissemination::dissemination_plans;
pub use evaluations::evaluations;
pub use meetings::{meetings, pairing_meetings, SampleMeetings};
pub use plan::{cooperation_plan, PlanParties};
pub use practices::practices;

use crate::{CityInput, Contact, Id, Logistics, Participant, Session, SessionKind, StudyVisit};

/// `(name, name in its own script, country, zone, languages)` of the public pairs' cities.
const PUBLIC_PAIR_CITIES: [(&str, &str, &str, &str, &[&str]); 14] = [
    (
        "Singapore",
        "",
        "SG",
        "Asia/Singapore",
        &["English", "Malay", "Mandarin", "Tamil"],
    ),
    ("Milan", "Milano", "IT", "Europe/Rome", &["Italian"]),
    ("Taichung", "臺中", "TW", "Asia/Taipei", &["Mandarin"]),
    ("Prato", "", "IT", "Europe/Rome", &["Italian"]),
    ("Taoyuan", "桃園", "TW", "Asia/Taipei", &["Mandarin"]),
    ("Braga", "", "PT", "Europe/Lisbon", &["Portuguese"]),
    ("Incheon", "인천", "KR", "Asia/Seoul", &["Korean"]),
    ("Berlin", "", "DE", "Europe/Berlin", &["German"]),
    ("Gwangju", "광주", "KR", "Asia/Seoul", &["Korean"]),
    ("Athens", "Αθήνα", "GR", "Europe/Athens", &["Greek"]),
    (
        "eThekwini (Durban)",
        "",
        "ZA",
        "Africa/Johannesburg",
        &["English", "isiZulu"],
    ),
    ("Porto", "", "PT", "Europe/Lisbon", &["Portuguese"]),
    (
        "Cape Town",
        "",
        "ZA",
        "Africa/Johannesburg",
        &["English", "Afrikaans", "isiXhosa"],
    ),
    ("Hamburg", "", "DE", "Europe/Berlin", &["German"]),
];

/// The sample cities as inputs, so they pass through the same validation as typed ones.
pub fn cities() -> Vec<CityInput> {
    PUBLIC_PAIR_CITIES
        .iter()
        .map(|(name, local, country, zone, languages)| CityInput {
            id: None,
            name: name.to_string(),
            local_name: local.to_string(),
            country: country.to_string(),
            time_zone: zone.to_string(),
            population: String::new(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
        })
        .collect()
}

/// `(day index, start, end, kind, title, venue, address, speakers)` of the sample visit.
type SampleSession = (
    u32,
    &'static str,
    &'static str,
    SessionKind,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const PORTO_SESSIONS: [SampleSession; 22] = [
    (
        0,
        "09:00",
        "10:30",
        SessionKind::Transfer,
        "Arrival and transfer from Porto airport to the hotel",
        "Francisco Sá Carneiro Airport",
        "4470-558 Maia",
        &[],
    ),
    (
        0,
        "13:00",
        "14:00",
        SessionKind::Meal,
        "Welcome lunch",
        "Hotel restaurant",
        "",
        &[],
    ),
    (
        0,
        "15:00",
        "17:00",
        SessionKind::Plenary,
        "Opening of the study visit: the pair's cooperation so far",
        "Porto City Hall, Salão Nobre",
        "Praça General Humberto Delgado, 4049-001 Porto",
        &["Pairing manager", "Porto international relations office"],
    ),
    (
        1,
        "09:00",
        "10:30",
        SessionKind::Plenary,
        "Porto's circular economy roadmap",
        "Porto City Hall",
        "Praça General Humberto Delgado, 4049-001 Porto",
        &["Porto environment department"],
    ),
    (
        1,
        "11:00",
        "12:30",
        SessionKind::Roundtable,
        "Waste collection and sorting: two cities compared",
        "Porto City Hall",
        "Praça General Humberto Delgado, 4049-001 Porto",
        &["eThekwini cleansing and solid waste unit"],
    ),
    (
        1,
        "12:30",
        "13:30",
        SessionKind::Meal,
        "Lunch",
        "Mercado do Bolhão",
        "Rua Formosa, 4000-214 Porto",
        &[],
    ),
    (
        1,
        "14:00",
        "17:00",
        SessionKind::SiteVisit,
        "Municipal recycling and composting centre",
        "Intermunicipal waste treatment site",
        "Maia",
        &[],
    ),
    (
        2,
        "09:00",
        "12:00",
        SessionKind::Workshop,
        "From practice to plan: actions for the cooperation plan",
        "University of Porto, Faculty of Engineering",
        "Rua Dr. Roberto Frias, 4200-465 Porto",
        &["Cluster manager, circular economy"],
    ),
    (
        2,
        "12:00",
        "13:00",
        SessionKind::Meal,
        "Lunch",
        "University canteen",
        "",
        &[],
    ),
    (
        2,
        "14:00",
        "16:30",
        SessionKind::SiteVisit,
        "Urban regeneration along the Douro riverfront",
        "Ribeira",
        "Cais da Ribeira, 4050-510 Porto",
        &[],
    ),
    (
        2,
        "19:30",
        "21:30",
        SessionKind::Meal,
        "Dinner with the host city's stakeholders",
        "Restaurant in Foz do Douro",
        "",
        &[],
    ),
    (
        3,
        "09:30",
        "12:00",
        SessionKind::SiteVisit,
        "Port of Leixões: energy and logistics",
        "Leixões cruise terminal",
        "Av. General Norton de Matos, 4450-208 Matosinhos",
        &[],
    ),
    (
        3,
        "12:30",
        "13:30",
        SessionKind::Meal,
        "Lunch",
        "Matosinhos",
        "",
        &[],
    ),
    (
        3,
        "14:30",
        "17:00",
        SessionKind::Roundtable,
        "Business cooperation: firms and agencies from both cities",
        "Porto Innovation Hub",
        "Porto",
        &["Local firms", "Business development agency"],
    ),
    (
        4,
        "09:00",
        "10:30",
        SessionKind::Plenary,
        "Integration of migrants: Porto's municipal plan",
        "Porto City Hall",
        "Praça General Humberto Delgado, 4049-001 Porto",
        &["Porto social cohesion department"],
    ),
    (
        4,
        "11:00",
        "12:30",
        SessionKind::Roundtable,
        "Transferring practices: what needs adapting in eThekwini",
        "Porto City Hall",
        "Praça General Humberto Delgado, 4049-001 Porto",
        &["Pairing manager", "Expert travelling with the delegation"],
    ),
    (
        4,
        "12:30",
        "13:30",
        SessionKind::Meal,
        "Lunch",
        "City Hall",
        "",
        &[],
    ),
    (
        4,
        "14:00",
        "16:00",
        SessionKind::Workshop,
        "Drafting the cooperation plan together",
        "Porto City Hall",
        "Praça General Humberto Delgado, 4049-001 Porto",
        &["Pairing manager"],
    ),
    (
        4,
        "16:30",
        "18:00",
        SessionKind::FreeTime,
        "Free time in the historic centre",
        "",
        "",
        &[],
    ),
    (
        5,
        "09:30",
        "11:00",
        SessionKind::Plenary,
        "Closing session: commitments and next steps",
        "Porto City Hall",
        "Praça General Humberto Delgado, 4049-001 Porto",
        &["Mayor's office", "Delegation lead"],
    ),
    (
        5,
        "11:30",
        "12:30",
        SessionKind::Meal,
        "Farewell lunch",
        "Hotel restaurant",
        "",
        &[],
    ),
    (
        5,
        "14:00",
        "15:30",
        SessionKind::Transfer,
        "Transfer to the airport",
        "Francisco Sá Carneiro Airport",
        "4470-558 Maia",
        &[],
    ),
];

/// The sample six-day study visit of the eThekwini delegation to Porto (June 2022), for the
/// cities with the given ids; every session is in Porto's local time.
pub fn study_visit(id: Id, porto: Id, ethekwini: Id) -> StudyVisit {
    let first = chrono::NaiveDate::from_ymd_opt(2022, 6, 13).expect("a real date");
    let sessions = PORTO_SESSIONS
        .iter()
        .enumerate()
        .map(
            |(n, (day, start, end, kind, title, venue, address, speakers))| Session {
                key: format!("sample-{n:02}"),
                date: (first + chrono::Duration::days(i64::from(*day))).to_string(),
                start: start.to_string(),
                end: end.to_string(),
                kind: *kind,
                title: title.to_string(),
                description: String::new(),
                venue: venue.to_string(),
                address: address.to_string(),
                speakers: speakers.iter().map(|s| s.to_string()).collect(),
                notes: String::new(),
            },
        )
        .collect();
    let person = |name: &str, role: &str, organisation: &str, home: Id| Participant {
        name: name.into(),
        role: role.into(),
        organisation: organisation.into(),
        home_city: home,
    };
    StudyVisit {
        id,
        title: "Study visit of eThekwini to Porto".into(),
        host_city: porto,
        delegation: vec![ethekwini],
        start_date: first.to_string(),
        days: 6,
        sessions,
        participants: vec![
            person(
                "Nomvula Dlamini",
                "Delegation lead",
                "eThekwini Municipality",
                ethekwini,
            ),
            person(
                "Sipho Ndlovu",
                "Circular economy officer",
                "eThekwini Municipality",
                ethekwini,
            ),
            person(
                "Ayesha Naidoo",
                "Researcher",
                "Durban University of Technology",
                ethekwini,
            ),
            person(
                "Expert travelling with the delegation",
                "Programme expert",
                "ICP AGIR",
                ethekwini,
            ),
            person(
                "Inês Carvalho",
                "Host coordinator",
                "Porto City Hall",
                porto,
            ),
        ],
        logistics: Logistics {
            hotel: "Hotel in the city centre, near São Bento station (sample)".into(),
            transport:
                "Metro and walking in the centre; coach for the site visits to Maia and Matosinhos"
                    .into(),
            emergency_contacts: vec![
                Contact {
                    name: "European emergency number".into(),
                    role: "Police, ambulance, fire".into(),
                    phone: "112".into(),
                },
                Contact {
                    name: "Host coordinator".into(),
                    role: "Porto City Hall".into(),
                    phone: "+351 000 000 000 (sample)".into(),
                },
            ],
            notes: "Sample data: names, venues and numbers are illustrative.".into(),
        },
        sample: true,
    }
}

#[cfg(test)]
mod tests {
    use crate::{Id, Programme};

    #[test]
    fn every_sample_city_is_valid() {
        let p = Programme::icp_agir();
        for (i, c) in super::cities().iter().enumerate() {
            c.validate(&p, Id::from_parts(1, i as u128)).unwrap();
        }
    }

    #[test]
    fn the_sample_visit_is_valid_and_has_no_overlaps() {
        let v = super::study_visit(
            Id::from_parts(9, 9),
            Id::from_parts(1, 1),
            Id::from_parts(1, 2),
        );
        let valid = v.validate(|_| true).unwrap();
        assert_eq!(valid.dates().len(), 6);
        assert!(valid.warnings().is_empty(), "{:?}", valid.warnings());
    }
}
