use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::{required_text, required_zone};
use crate::text::{fold, tidy};
use crate::time::zone_named;
use crate::{DomainError, Id, Programme, Record, Region};

const NAME_MAX: usize = 120;
const LANGUAGE_MAX: usize = 40;
const LANGUAGES_MAX: usize = 20;

/// A participating (or candidate) city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]

pub struct City {
    pub id: Id,
    /// The name in Latin script, as the programme writes it.
    pub name: String,
    /// The name in the city's own script (광주, 臺中), when it differs.
    #[serde(default)]
    pub local_name: Option<String>,
    /// ISO 3166-1 alpha-2 code of a programme country.
    pub country: String,
    /// IANA zone, e.g. `Asia/Seoul`.
    pub time_zone: String,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub population: Option<u64>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Loaded from the sample programme rather than entered by a person.
    #[serde(default)]
    pub sample: bool,
}

/// A city as a form or a script sends it: text as typed, checked by `validate`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]

pub struct CityInput {
    /// Absent for a new city.
    #[serde(default)]
    pub id: Option<Id>,
    pub name: String,
    #[serde(default)]
    pub local_name: String,
    pub country: String,
    pub time_zone: String,
    /// As typed; empty when unknown.
    #[serde(default)]
    pub population: String,
    #[serde(default)]
    pub languages: Vec<String>,
}

/// What the Cities table asks for: free text and an optional region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]

pub struct CityQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub region: Option<Region>,
}

impl CityInput {
    /// Checks every field and reports every problem at once, each with its field.
    pub fn validate(&self, programme: &Programme, id: Id) -> Result<City, DomainError> {
        let mut problems = Vec::new();

        let name = required_text(&self.name, "name", "Name", NAME_MAX, &mut problems);

        let local_name = tidy(&self.local_name);
        if local_name.chars().count() > NAME_MAX {
            problems.push(DomainError::TooLong {
                field: "local_name",
                label: "Name in its own script",
                max: NAME_MAX,
            });
        }

        let country = self.country.trim();
        let country = if country.is_empty() {
            problems.push(DomainError::Required {
                field: "country",
                label: "Country",
            });
            None
        } else {
            match programme.country(country) {
                Some(c) => Some(c.code.clone()),
                None => {
                    problems.push(DomainError::UnknownCountry {
                        field: "country",
                        value: country.to_string(),
                    });
                    None
                }
            }
        };

        required_zone(&self.time_zone, "time_zone", &mut problems);

        let population = match parse_count(&self.population, "population", "Population") {
            Ok(p) => p,
            Err(e) => {
                problems.push(e);
                None
            }
        };

        let mut languages: Vec<String> = Vec::new();
        for l in self
            .languages
            .iter()
            .map(|l| tidy(l))
            .filter(|l| !l.is_empty())
        {
            if l.chars().count() > LANGUAGE_MAX {
                problems.push(DomainError::TooLong {
                    field: "languages",
                    label: "A language",
                    max: LANGUAGE_MAX,
                });
                break;
            }
            if !languages.iter().any(|known| fold(known) == fold(&l)) {
                languages.push(l);
            }
        }
        if languages.len() > LANGUAGES_MAX {
            problems.push(DomainError::TooLong {
                field: "languages",
                label: "The list of languages",
                max: LANGUAGES_MAX,
            });
        }

        DomainError::collect(problems)?;
        Ok(City {
            id,
            name,
            local_name: (!local_name.is_empty()).then_some(local_name),
            country: country.expect("checked above"),
            time_zone: self.time_zone.trim().to_string(),
            population,
            languages,
            sample: false,
        })
    }
}

/// A count typed by a person: empty means unknown; thousands separators are allowed.
fn parse_count(
    typed: &str,
    field: &'static str,
    label: &'static str,
) -> Result<Option<u64>, DomainError> {
    let t: String = typed
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '_' | '\u{a0}' | '\u{202f}'))
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = t.strip_prefix('-') {
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(DomainError::NegativeNumber { field, label });
        }
    }
    t.parse::<u64>()
        .map(Some)
        .map_err(|_| DomainError::NotWholeNumber {
            field,
            label,
            value: typed.trim().to_string(),
        })
}

impl City {
    /// The region the city's country belongs to in this programme.
    pub fn region(&self, programme: &Programme) -> Option<Region> {
        programme.country(&self.country).map(|c| c.region)
    }

    /// The same city as the edit form shows it.
    pub fn to_input(&self) -> CityInput {
        CityInput {
            id: Some(self.id),
            name: self.name.clone(),
            local_name: self.local_name.clone().unwrap_or_default(),
            country: self.country.clone(),
            time_zone: self.time_zone.clone(),
            population: self.population.map(|p| p.to_string()).unwrap_or_default(),
            languages: self.languages.clone(),
        }
    }
}

/// A participating city as the time rules see it: its id, its name for messages, its zone.
/// Meetings read their local times and clock changes for these; the slot finder adds each
/// one's working week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityZone {
    pub id: Id,
    /// The city's name as messages use it ("Vancouver").
    pub name: String,
    pub zone: Tz,
}

impl CityZone {
    pub fn new(id: Id, name: impl Into<String>, zone: Tz) -> CityZone {
        CityZone {
            id,
            name: name.into(),
            zone,
        }
    }

    /// The city's zone, when its IANA name is one this build knows. A city is validated when
    /// saved, but a store can outlive a time-zone database that drops a name, so the caller
    /// decides what to do with `None` rather than this panicking.
    pub fn of(city: &City) -> Option<CityZone> {
        let zone = zone_named(&city.time_zone)?;
        Some(CityZone::new(city.id, city.name.clone(), zone))
    }
}

impl CityQuery {
    /// True when the city is in the chosen region and every typed word appears (folded) in its
    /// name, its own-script name, its country or its time zone.
    pub fn matches(&self, city: &City, programme: &Programme) -> bool {
        if let Some(region) = self.region {
            if city.region(programme) != Some(region) {
                return false;
            }
        }
        let country = programme
            .country(&city.country)
            .map(|c| c.name.as_str())
            .unwrap_or("");
        let haystack = fold(&format!(
            "{} {} {} {} {}",
            city.name,
            city.local_name.as_deref().unwrap_or(""),
            country,
            city.country,
            city.time_zone
        ));
        fold(&self.search)
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }
}

impl Record for City {
    const COLLECTION: &'static str = "city";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![
            ("name", fold(&self.name)),
            ("country", self.country.clone()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, country: &str, zone: &str) -> CityInput {
        CityInput {
            name: name.into(),
            country: country.into(),
            time_zone: zone.into(),
            ..Default::default()
        }
    }

    fn id() -> Id {
        Id::from_parts(1, 1)
    }

    #[test]
    fn accepts_every_script_and_trims() {
        let p = Programme::icp_agir();
        for (name, country, zone) in [
            ("  광주 ", "KR", "Asia/Seoul"),
            ("臺中", "tw", "Asia/Taipei"),
            ("Łódź", "PL", "Europe/Warsaw"),
        ] {
            let city = input(name, country, zone).validate(&p, id()).unwrap();
            assert_eq!(city.name, name.trim());
            assert_eq!(city.country, country.to_uppercase());
        }
    }

    #[test]
    fn reports_every_problem_with_its_field() {
        let p = Programme::icp_agir();
        let mut bad = input("   ", "US", "Mars/Olympus");
        bad.population = "-5".into();
        let err = bad.validate(&p, id()).unwrap_err();
        let fields: Vec<_> = err
            .issues()
            .into_iter()
            .map(|i| (i.field.unwrap(), i.code))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("name".to_string(), "required".to_string()),
                ("country".to_string(), "unknown_country".to_string()),
                ("time_zone".to_string(), "invalid_time_zone".to_string()),
                ("population".to_string(), "negative_number".to_string()),
            ]
        );
    }

    #[test]
    fn population_as_people_type_it() {
        let p = Programme::icp_agir();
        let mut c = input("Berlin", "DE", "Europe/Berlin");
        c.population = "3 850 809".into();
        assert_eq!(c.validate(&p, id()).unwrap().population, Some(3_850_809));
        c.population = "".into();
        assert_eq!(c.validate(&p, id()).unwrap().population, None);
        c.population = "12.5".into();
        assert_eq!(
            c.validate(&p, id()).unwrap_err().code(),
            "not_a_whole_number"
        );
        c.population = "many".into();
        assert_eq!(
            c.validate(&p, id()).unwrap_err().field().as_deref(),
            Some("population")
        );
    }

    #[test]
    fn search_folds_and_filters_by_region() {
        let p = Programme::icp_agir();
        let lodz = input("Łódź", "PL", "Europe/Warsaw")
            .validate(&p, id())
            .unwrap();
        let q = |s: &str, r| CityQuery {
            search: s.into(),
            region: r,
        };
        assert!(q("lodz", None).matches(&lodz, &p));
        assert!(q("poland", Some(Region::Eu)).matches(&lodz, &p));
        assert!(!q("lodz", Some(Region::Asia)).matches(&lodz, &p));
        assert!(!q("berlin", None).matches(&lodz, &p));
    }

    #[test]
    fn languages_are_tidied_and_unique() {
        let p = Programme::icp_agir();
        let mut c = input("Prato", "IT", "Europe/Rome");
        c.languages = vec![
            " Italian ".into(),
            "italian".into(),
            "".into(),
            "English".into(),
        ];
        assert_eq!(
            c.validate(&p, id()).unwrap().languages,
            vec!["Italian", "English"]
        );
    }
}
