//! Forty sample candidatures, more than the quotas allow and some late, scored by two reviewers,
//! and the four thematic clusters of the public pairs' cities, so that selection and pairing
//! can be tried at once. The cities of the public pairs are among them; the others are
//! illustrative (sample data, not a record of who applied).

use std::collections::BTreeMap;

use crate::{Answer, Candidature, City, Cluster, ClusterMember, Id, Programme, Review};

/// `(city, country, base score, submitted on (November if ≤ 30, else October day − 30),
/// themes in order, population)`. A day after 15 in November is late.
type Row = (
    &'static str,
    &'static str,
    f64,
    u32,
    &'static [&'static str],
    u32,
);

const CE: &str = "circular_economy";
const AQ: &str = "air_quality";
const ET: &str = "energy_transition";
const MI: &str = "migrant_integration";

const ROWS: [Row; 40] = [
    // EU: 20 candidatures from 17 Member States; three states twice, Malmö late.
    ("Milan", "IT", 8.6, 40, &[AQ, ET, CE], 1_370_000),
    ("Prato", "IT", 7.9, 5, &[CE, MI], 195_000),
    ("Braga", "PT", 8.1, 45, &[ET, CE], 193_000),
    ("Porto", "PT", 8.4, 9, &[CE, AQ, MI], 232_000),
    ("Berlin", "DE", 8.8, 38, &[ET, MI, AQ], 3_680_000),
    ("Hamburg", "DE", 8.2, 12, &[ET, CE], 1_850_000),
    ("Athens", "GR", 8.0, 14, &[MI, AQ], 640_000),
    ("Ghent", "BE", 7.6, 3, &[CE, ET], 265_000),
    ("Tartu", "EE", 7.1, 48, &[ET], 97_000),
    ("Lyon", "FR", 7.4, 8, &[AQ, ET], 522_000),
    ("Utrecht", "NL", 7.7, 52, &[AQ, MI, ET], 361_000),
    ("Ljubljana", "SI", 7.3, 11, &[CE, AQ], 295_000),
    ("Valencia", "ES", 7.8, 2, &[ET, AQ, CE], 792_000),
    ("Tampere", "FI", 6.9, 13, &[ET, CE], 244_000),
    ("Gdańsk", "PL", 7.5, 6, &[MI, ET], 470_000),
    ("Cork", "IE", 6.8, 15, &[CE], 222_000),
    ("Brno", "CZ", 7.0, 50, &[AQ, ET], 380_000),
    ("Malmö", "SE", 7.2, 17, &[MI, CE], 351_000),
    ("Aarhus", "DK", 6.5, 4, &[ET, CE], 285_000),
    ("Cluj-Napoca", "RO", 6.7, 10, &[AQ, MI], 286_000),
    // Canada: 6 for 4 seats, Winnipeg late.
    ("Montréal", "CA", 7.9, 7, &[MI, CE, ET], 1_760_000),
    ("Toronto", "CA", 7.2, 13, &[MI, AQ], 2_790_000),
    ("Vancouver", "CA", 8.0, 44, &[ET, CE], 662_000),
    ("Halifax", "CA", 6.6, 1, &[CE, ET], 440_000),
    ("Edmonton", "CA", 6.9, 12, &[ET, AQ], 1_010_000),
    ("Winnipeg", "CA", 6.1, 19, &[MI], 750_000),
    // South Africa: 6 for 4 seats.
    (
        "eThekwini (Durban)",
        "ZA",
        8.3,
        42,
        &[CE, AQ, MI],
        3_900_000,
    ),
    ("Cape Town", "ZA", 8.5, 10, &[ET, CE], 4_770_000),
    ("Johannesburg", "ZA", 7.4, 14, &[AQ, MI], 5_640_000),
    ("Tshwane", "ZA", 7.0, 6, &[ET, AQ], 3_270_000),
    ("Mangaung", "ZA", 6.2, 15, &[CE], 790_000),
    ("Nelson Mandela Bay", "ZA", 6.8, 9, &[ET, CE], 1_190_000),
    // South Korea: 3 for 2 seats, Daejeon late.
    ("Incheon", "KR", 8.1, 11, &[ET, AQ, CE], 2_950_000),
    ("Gwangju", "KR", 8.4, 8, &[MI, ET, AQ], 1_440_000),
    ("Daejeon", "KR", 7.0, 20, &[ET], 1_450_000),
    // Taiwan: 3 for 2 seats.
    ("Taichung", "TW", 8.2, 5, &[CE, AQ], 2_820_000),
    ("Taoyuan", "TW", 7.9, 12, &[ET, CE], 2_270_000),
    ("Kaohsiung", "TW", 7.6, 14, &[AQ, ET], 2_740_000),
    // Singapore and Hong Kong: one seat each.
    ("Singapore", "SG", 8.7, 3, &[AQ, ET, CE], 5_450_000),
    ("Hong Kong", "HK", 7.3, 15, &[AQ, MI], 7_410_000),
];

const COMMITMENT: [&str; 3] = [
    "Council resolution",
    "Mayor's letter",
    "Department head's letter",
];

/// Per-criterion offsets from a city's base score, one row a reviewer: reviewers disagree a
/// little, as they do.
const OFFSETS: [[f64; 4]; 2] = [[0.4, -0.3, 0.2, -0.1], [-0.2, 0.3, -0.4, 0.1]];

/// The sample candidatures with fresh ids from `new_id`.
pub fn candidatures(programme: &Programme, mut new_id: impl FnMut() -> Id) -> Vec<Candidature> {
    ROWS.iter()
        .enumerate()
        .map(|(i, (city, country, base, day, themes, population))| {
            let (month, day) = if *day > 30 {
                (10, day - 30)
            } else {
                (11, *day)
            };
            let mut answers = BTreeMap::new();
            answers.insert(
                "theme_priorities".to_string(),
                Answer::RankedThemes(themes.iter().map(|t| t.to_string()).collect()),
            );
            answers.insert("population".into(), Answer::Number(f64::from(*population)));
            answers.insert(
                "political_commitment".into(),
                Answer::Choice(COMMITMENT[i % COMMITMENT.len()].into()),
            );
            answers.insert(
                "motivation".into(),
                Answer::Text(format!(
                    "Sample candidature: {city} would like to learn and share on {}.",
                    themes[0].replace('_', " ")
                )),
            );
            let reviews = ["Reviewer A", "Reviewer B"]
                .iter()
                .zip(OFFSETS)
                .map(|(name, offsets)| Review {
                    reviewer: name.to_string(),
                    scores: programme
                        .criteria
                        .iter()
                        .zip(offsets)
                        .map(|(c, o)| (c.key.clone(), (base + o).round().clamp(0.0, 10.0) as u8))
                        .collect(),
                    note: String::new(),
                })
                .collect();
            Candidature {
                id: new_id(),
                city_name: city.to_string(),
                country: country.to_string(),
                submitted_at: format!("2021-{month:02}-{day:02}T{:02}:15:00+01:00", 9 + i % 8),
                answers,
                reviews,
                sample: true,
            }
        })
        .collect()
}

/// A member city's name and its priorities within the cluster's theme.
type Member = (&'static str, &'static [&'static str]);

/// `(theme, member cities)`.
const CLUSTERS: [(&str, &[Member]); 4] = [
    (
        CE,
        &[
            (
                "Porto",
                &["municipal waste sorting", "construction materials reuse"],
            ),
            (
                "eThekwini",
                &["informal waste pickers", "landfill diversion"],
            ),
            ("Prato", &["textile reuse"]),
            ("Taichung", &["industrial symbiosis"]),
        ],
    ),
    (
        AQ,
        &[
            ("Milan", &["low-emission zones", "air monitoring"]),
            ("Singapore", &["urban greenery", "air monitoring"]),
            ("Athens", &["heat and air quality"]),
        ],
    ),
    (
        ET,
        &[
            ("Berlin", &["district heating", "building retrofit"]),
            ("Incheon", &["hydrogen buses", "smart grids"]),
            ("Hamburg", &["port electrification"]),
            ("Cape Town", &["small-scale solar", "energy poverty"]),
            ("Braga", &["energy communities"]),
            ("Taoyuan", &["public lighting"]),
        ],
    ),
    (
        MI,
        &[
            ("Athens", &["reception of refugees", "language courses"]),
            ("Gwangju", &["migrant workers' services"]),
            ("Berlin", &["housing for newcomers"]),
        ],
    ),
];

/// The four sample clusters over `cities` (a city missing from it is left out).
pub fn clusters(cities: &[City], mut new_id: impl FnMut() -> Id) -> Vec<Cluster> {
    CLUSTERS
        .iter()
        .map(|(theme, members)| Cluster {
            id: new_id(),
            theme: theme.to_string(),
            manager: None,
            members: members
                .iter()
                .filter_map(|(name, priorities)| {
                    let city = cities.iter().find(|c| c.name.starts_with(name))?;
                    Some(ClusterMember {
                        city: city.id,
                        priorities: priorities.iter().map(|p| p.to_string()).collect(),
                    })
                })
                .collect(),
            sample: true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selection::{suggest, Candidate, Reason};

    fn sample() -> (Programme, Vec<Candidature>) {
        let p = Programme::icp_agir();
        let mut n = 0;
        let all = candidatures(&p, || {
            n += 1;
            Id::from_parts(5, n)
        });
        (p, all)
    }

    #[test]
    fn every_sample_candidature_is_valid_and_some_are_late() {
        let (p, all) = sample();
        assert_eq!(all.len(), 40);
        for c in &all {
            c.validate(&p)
                .unwrap_or_else(|e| panic!("{}: {e:?}", c.city_name));
            assert!(c.score(&p).is_some());
        }
        let late: Vec<&str> = all
            .iter()
            .filter(|c| c.is_late(&p))
            .map(|c| c.city_name.as_str())
            .collect();
        assert_eq!(late, ["Malmö", "Winnipeg", "Daejeon"]);
    }

    #[test]
    fn the_sample_fills_every_quota_with_candidatures_to_spare() {
        let (p, all) = sample();
        let cands: Vec<Candidate> = all.iter().map(|c| Candidate::of(c, &p)).collect();
        let s = suggest(&p.quota_groups, &cands);
        for g in &s.groups {
            assert_eq!(g.selected, g.quota, "{}", g.label);
        }
        let out = |r: fn(&Reason) -> bool| s.entries.iter().filter(|e| r(&e.reason)).count();
        assert_eq!(out(|r| matches!(r, Reason::Late)), 3);
        assert_eq!(out(|r| matches!(r, Reason::CountryTaken { .. })), 3);
        assert!(out(|r| matches!(r, Reason::QuotaFilled { .. })) >= 4);
    }
}
