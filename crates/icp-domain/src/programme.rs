//! The programme template: who may take part, in what numbers, on which themes, and when.
//! ICP AGIR is built in; its figures come from the call for candidatures.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::candidature::Criterion;
use crate::questionnaire::{Question, QuestionKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Eu,
    Canada,
    SouthAfrica,
    Asia,
}

impl Region {
    pub const ALL: [Region; 4] = [
        Region::Eu,
        Region::Canada,
        Region::SouthAfrica,
        Region::Asia,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Region::Eu => "EU",
            Region::Canada => "Canada",
            Region::SouthAfrica => "South Africa",
            Region::Asia => "Asia",
        }
    }

    /// The stable text used in indexes and filters.
    pub fn key(self) -> &'static str {
        match self {
            Region::Eu => "eu",
            Region::Canada => "canada",
            Region::SouthAfrica => "south_africa",
            Region::Asia => "asia",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]

pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: String,
    pub region: Region,
    /// The quota group the country's cities count against.
    pub quota_group: String,
    /// A time zone to propose when a city of this country is created.
    pub default_time_zone: String,
}

/// How many cities a group may send, and whether each must come from a different country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]

pub struct QuotaGroup {
    pub key: String,
    pub label: String,
    pub cities: u32,
    pub one_city_per_country: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]

pub struct Theme {
    pub key: String,
    pub label: String,
}

/// A phase of the programme; months as `YYYY-MM`, both inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]

pub struct Phase {
    pub key: String,
    pub label: String,
    pub start_month: String,
    pub end_month: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]

pub struct Programme {
    pub key: String,
    pub name: String,
    pub regions: Vec<Region>,
    pub countries: Vec<Country>,
    pub quota_groups: Vec<QuotaGroup>,
    pub themes: Vec<Theme>,
    pub phases: Vec<Phase>,
    /// Day and month (`MM-DD`) by which candidatures must be submitted, in the year the
    /// selection phase starts.
    pub candidature_deadline: String,
    /// The online questionnaire a candidature answers.
    pub questionnaire: Vec<Question>,
    /// What reviewers score candidatures on.
    pub criteria: Vec<Criterion>,
    /// The highest score a reviewer gives on a criterion (the lowest is 0).
    pub max_score: u8,
    /// A city's working hours and days unless it says otherwise (the slot finder's default).
    pub working_week: crate::slots::WorkingWeek,
    /// What participants are asked about each meeting, visit or event, each rated from 1 to
    /// `evaluation::RATING_MAX`.
    #[serde(default)]
    pub evaluation_questions: Vec<crate::evaluation::EvaluationQuestion>,
}

const EU_MEMBER_STATES: [(&str, &str, &str); 27] = [
    ("AT", "Austria", "Europe/Vienna"),
    ("BE", "Belgium", "Europe/Brussels"),
    ("BG", "Bulgaria", "Europe/Sofia"),
    ("HR", "Croatia", "Europe/Zagreb"),
    ("CY", "Cyprus", "Asia/Nicosia"),
    ("CZ", "Czechia", "Europe/Prague"),
    ("DK", "Denmark", "Europe/Copenhagen"),
    ("EE", "Estonia", "Europe/Tallinn"),
    ("FI", "Finland", "Europe/Helsinki"),
    ("FR", "France", "Europe/Paris"),
    ("DE", "Germany", "Europe/Berlin"),
    ("GR", "Greece", "Europe/Athens"),
    ("HU", "Hungary", "Europe/Budapest"),
    ("IE", "Ireland", "Europe/Dublin"),
    ("IT", "Italy", "Europe/Rome"),
    ("LV", "Latvia", "Europe/Riga"),
    ("LT", "Lithuania", "Europe/Vilnius"),
    ("LU", "Luxembourg", "Europe/Luxembourg"),
    ("MT", "Malta", "Europe/Malta"),
    ("NL", "Netherlands", "Europe/Amsterdam"),
    ("PL", "Poland", "Europe/Warsaw"),
    ("PT", "Portugal", "Europe/Lisbon"),
    ("RO", "Romania", "Europe/Bucharest"),
    ("SK", "Slovakia", "Europe/Bratislava"),
    ("SI", "Slovenia", "Europe/Ljubljana"),
    ("ES", "Spain", "Europe/Madrid"),
    ("SE", "Sweden", "Europe/Stockholm"),
];

/// `(code, name, region, quota group, quota, default zone)` of the non-EU participants.
const PARTNER_COUNTRIES: [(&str, &str, Region, &str, u32, &str); 6] = [
    (
        "CA",
        "Canada",
        Region::Canada,
        "canada",
        4,
        "America/Toronto",
    ),
    (
        "ZA",
        "South Africa",
        Region::SouthAfrica,
        "south_africa",
        4,
        "Africa/Johannesburg",
    ),
    (
        "KR",
        "South Korea",
        Region::Asia,
        "south_korea",
        2,
        "Asia/Seoul",
    ),
    ("TW", "Taiwan", Region::Asia, "taiwan", 2, "Asia/Taipei"),
    (
        "SG",
        "Singapore",
        Region::Asia,
        "singapore",
        1,
        "Asia/Singapore",
    ),
    (
        "HK",
        "Hong Kong",
        Region::Asia,
        "hong_kong",
        1,
        "Asia/Hong_Kong",
    ),
];

fn criterion(key: &str, label: &str, weight: u32) -> Criterion {
    Criterion {
        key: key.into(),
        label: label.into(),
        weight,
    }
}

fn icp_agir_questionnaire() -> Vec<Question> {
    let q = |key: &str, text: &str, kind: QuestionKind, required: bool| Question {
        key: key.into(),
        text: text.into(),
        kind,
        required,
    };
    vec![
        q(
            "theme_priorities",
            "Which themes matter most to your city? Rank them.",
            QuestionKind::RankedThemes,
            true,
        ),
        q(
            "population",
            "Population of the city",
            QuestionKind::Number {
                min: 0.0,
                max: 50_000_000.0,
            },
            true,
        ),
        q(
            "political_commitment",
            "How is the city's participation backed?",
            QuestionKind::Choice {
                options: vec![
                    "Council resolution".into(),
                    "Mayor's letter".into(),
                    "Department head's letter".into(),
                    "Not yet".into(),
                ],
            },
            true,
        ),
        q(
            "working_languages",
            "Languages your team can work in",
            QuestionKind::Text,
            false,
        ),
        q(
            "motivation",
            "What does your city hope to learn and to share?",
            QuestionKind::Text,
            true,
        ),
    ]
}

impl Programme {
    /// The ICP AGIR programme (Oct 2021 – Mar 2023) as its call describes it.
    pub fn icp_agir() -> Programme {
        let mut countries: Vec<Country> = EU_MEMBER_STATES
            .iter()
            .map(|(code, name, zone)| Country {
                code: code.to_string(),
                name: name.to_string(),
                region: Region::Eu,
                quota_group: "eu".into(),
                default_time_zone: zone.to_string(),
            })
            .collect();
        let mut quota_groups = vec![QuotaGroup {
            key: "eu".into(),
            label: "EU".into(),
            cities: 14,
            one_city_per_country: true,
        }];
        for (code, name, region, group, quota, zone) in PARTNER_COUNTRIES {
            countries.push(Country {
                code: code.into(),
                name: name.into(),
                region,
                quota_group: group.into(),
                default_time_zone: zone.into(),
            });
            quota_groups.push(QuotaGroup {
                key: group.into(),
                label: name.into(),
                cities: quota,
                one_city_per_country: false,
            });
        }
        let theme = |key: &str, label: &str| Theme {
            key: key.into(),
            label: label.into(),
        };
        let phase = |key: &str, label: &str, start: &str, end: &str| Phase {
            key: key.into(),
            label: label.into(),
            start_month: start.into(),
            end_month: end.into(),
        };
        Programme {
            key: "icp-agir".into(),
            name: "ICP AGIR — International City Partnerships: Acting for Green and Inclusive Recovery"
                .into(),
            regions: Region::ALL.to_vec(),
            countries,
            quota_groups,
            themes: vec![
                theme("circular_economy", "Circular economy"),
                theme("air_quality", "Air quality"),
                theme("energy_transition", "Energy transition"),
                theme("migrant_integration", "Integration of migrants and refugees"),
            ],
            phases: vec![
                phase("selection", "Selection of cities; online platform; thematic clustering and priorities", "2021-10", "2022-04"),
                phase("consolidation", "Consolidation of cluster cooperation and pairing, online", "2022-05", "2022-12"),
                phase("first_working_meeting", "First working meeting and study visit in a non-EU country", "2022-10", "2022-10"),
                phase("second_working_meeting", "Second working meeting and study visit in Europe", "2023-02", "2023-02"),
                phase("closing_conference", "Closing conference in a non-EU country: dissemination plans", "2023-03", "2023-03"),
            ],
            candidature_deadline: "11-15".into(),
            questionnaire: icp_agir_questionnaire(),
            max_score: crate::MAX_SCORE,
            working_week: crate::slots::WorkingWeek::default(),
            evaluation_questions: crate::evaluation::icp_agir_questions(),
            criteria: vec![
                criterion("relevance", "Relevance of the city's priorities to the themes", 30),
                criterion("commitment", "Political commitment", 25),
                criterion("capacity", "Capacity to cooperate (staff, time, languages)", 25),
                criterion("transfer", "Potential to share and take up practices", 20),
            ],
        }
    }

    /// The programme's period in months (`YYYY-MM`, both inclusive): from the earliest phase's
    /// start to the latest phase's end; None for a programme without phases.
    pub fn period(&self) -> Option<(&str, &str)> {
        let first = self.phases.iter().map(|p| p.start_month.as_str()).min()?;
        let last = self.phases.iter().map(|p| p.end_month.as_str()).max()?;
        Some((first, last))
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// The moment candidatures are due: the end of the deadline day in Brussels (the call is
    /// the European Commission's), in the year the selection phase starts.
    pub fn candidature_deadline_at(&self) -> Option<DateTime<Utc>> {
        let year: i32 = self
            .phases
            .first()
            .and_then(|p| p.start_month.get(..4))
            .and_then(|y| y.parse().ok())?;
        let day =
            NaiveDate::parse_from_str(&format!("{year}-{}", self.candidature_deadline), "%Y-%m-%d")
                .ok()?;
        let next_midnight = day.succ_opt()?.and_hms_opt(0, 0, 0)?;
        chrono_tz::Europe::Brussels
            .from_local_datetime(&next_midnight)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    }

    /// Total number of cities the quotas allow (28 in ICP AGIR: 14 EU and 14 partners).
    pub fn total_cities(&self) -> u32 {
        self.quota_groups.iter().map(|g| g.cities).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icp_agir_quotas_match_the_call() {
        let p = Programme::icp_agir();
        let quota = |k: &str| p.quota_groups.iter().find(|g| g.key == k).unwrap().cities;
        assert_eq!(quota("eu"), 14);
        assert_eq!(quota("canada"), 4);
        assert_eq!(quota("south_africa"), 4);
        assert_eq!(quota("south_korea"), 2);
        assert_eq!(quota("taiwan"), 2);
        assert_eq!(quota("singapore"), 1);
        assert_eq!(quota("hong_kong"), 1);
        assert_eq!(p.total_cities(), 28);
        assert_eq!(
            p.countries
                .iter()
                .filter(|c| c.region == Region::Eu)
                .count(),
            27
        );
        assert_eq!(p.themes.len(), 4);
    }

    #[test]
    fn every_default_zone_is_a_real_zone() {
        for c in Programme::icp_agir().countries {
            assert!(
                c.default_time_zone.parse::<chrono_tz::Tz>().is_ok(),
                "{}",
                c.default_time_zone
            );
        }
    }
}
