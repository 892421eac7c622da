//! Property: whatever sequence of saves and deletes, the indexes match the records, every lookup
//! agrees with a plain map, and a reopened store holds the same.

mod common;

use std::collections::BTreeMap;

use common::city;
use icp_domain::text::fold;
use icp_domain::{City, Id};
use icp_store::Store;
use proptest::prelude::*;

const NAMES: [&str; 5] = ["Gwangju", "광주", "Łódź", "lodz", "Prato"];
const COUNTRIES: [&str; 4] = ["KR", "TW", "PL", "IT"];

#[derive(Debug, Clone)]
enum Action {
    Create {
        name: usize,
        country: usize,
    },
    Update {
        pick: usize,
        name: usize,
        country: usize,
        population: Option<u64>,
    },
    Delete {
        pick: usize,
    },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0..NAMES.len(), 0..COUNTRIES.len())
            .prop_map(|(name, country)| Action::Create { name, country }),
        (
            any::<usize>(),
            0..NAMES.len(),
            0..COUNTRIES.len(),
            proptest::option::of(0u64..1_000_000)
        )
            .prop_map(|(pick, name, country, population)| Action::Update {
                pick,
                name,
                country,
                population
            }),
        any::<usize>().prop_map(|pick| Action::Delete { pick }),
    ]
}

fn assert_agrees(store: &Store, model: &BTreeMap<Id, City>) {
    store.check_indexes().unwrap();
    assert_eq!(store.count::<City>().unwrap(), model.len());
    assert_eq!(store.is_empty().unwrap(), model.is_empty());
    assert_eq!(
        store.list::<City>(None, usize::MAX).unwrap(),
        model.values().cloned().collect::<Vec<_>>()
    );
    for id in model.keys() {
        assert_eq!(store.get::<City>(*id).unwrap().as_ref(), model.get(id));
    }
    for name in NAMES {
        let term = fold(name);
        let want: Vec<City> = model
            .values()
            .filter(|c| fold(&c.name) == term)
            .cloned()
            .collect();
        assert_eq!(
            store.find::<City>("name", &term).unwrap(),
            want,
            "name {term}"
        );
    }
    for country in COUNTRIES {
        let want: Vec<City> = model
            .values()
            .filter(|c| c.country == country)
            .cloned()
            .collect();
        assert_eq!(
            store.find::<City>("country", country).unwrap(),
            want,
            "country {country}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn indexes_and_lookups_follow_any_history(actions in proptest::collection::vec(action(), 1..30)) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut model: BTreeMap<Id, City> = BTreeMap::new();
        // Deleted ids too, so updates sometimes bring a deleted record back.
        let mut known: Vec<City> = Vec::new();
        for a in actions {
            match a {
                Action::Create { name, country } => {
                    let c = city(&store, NAMES[name], COUNTRIES[country], "Asia/Seoul");
                    store.save(&c).unwrap();
                    model.insert(c.id, c.clone());
                    known.push(c);
                }
                Action::Update { pick, name, country, population } if !known.is_empty() => {
                    let mut c = known[pick % known.len()].clone();
                    c.name = NAMES[name].into();
                    c.country = COUNTRIES[country].into();
                    c.population = population;
                    store.save(&c).unwrap();
                    model.insert(c.id, c.clone());
                    let i = pick % known.len();
                    known[i] = c;
                }
                Action::Delete { pick } if !known.is_empty() => {
                    let id = known[pick % known.len()].id;
                    prop_assert_eq!(store.delete::<City>(id).unwrap(), model.remove(&id).is_some());
                }
                _ => {}
            }
        }
        assert_agrees(&store, &model);
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_agrees(&store, &model);
    }
}
