//! The sample programme offered on an empty store: ICP AGIR with the cities of the pairs that
//! were made public in 2022. Every record made from it is marked `sample`.

use crate::CityInput;

/// `(name, name in its own script, country, zone, languages)` of the public pairs' cities.
const PUBLIC_PAIR_CITIES: [(&str, &str, &str, &str, &[&str]); 14] = [
    ("Singapore", "", "SG", "Asia/Singapore", &["English", "Malay", "Mandarin", "Tamil"]),
    ("Milan", "Milano", "IT", "Europe/Rome", &["Italian"]),
    ("Taichung", "臺中", "TW", "Asia/Taipei", &["Mandarin"]),
    ("Prato", "", "IT", "Europe/Rome", &["Italian"]),
    ("Taoyuan", "桃園", "TW", "Asia/Taipei", &["Mandarin"]),
    ("Braga", "", "PT", "Europe/Lisbon", &["Portuguese"]),
    ("Incheon", "인천", "KR", "Asia/Seoul", &["Korean"]),
    ("Berlin", "", "DE", "Europe/Berlin", &["German"]),
    ("Gwangju", "광주", "KR", "Asia/Seoul", &["Korean"]),
    ("Athens", "Αθήνα", "GR", "Europe/Athens", &["Greek"]),
    ("eThekwini (Durban)", "", "ZA", "Africa/Johannesburg", &["English", "isiZulu"]),
    ("Porto", "", "PT", "Europe/Lisbon", &["Portuguese"]),
    ("Cape Town", "", "ZA", "Africa/Johannesburg", &["English", "Afrikaans", "isiXhosa"]),
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
}
