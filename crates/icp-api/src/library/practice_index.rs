//! The best practices as the search engine sees them: each practice's texts in weighted
//! fields, its facets, and what the other orders sort by. The texts include its city's and
//! themes' names, so "Łódź" or "air quality" find a practice that only names them by id.

use icp_domain::text::fold;
use icp_domain::{BestPractice, City, Id, Programme};
use icp_search::{FieldSpec, Index};
// Keys are our own ids: a fast hash without collision resistance is enough.
use rustc_hash::FxHashMap;

/// Fields and weights: a match in the title counts most, one deep in the evidence least.
pub(super) const FIELDS: [(&str, &str, f32); 10] = [
    ("title", "Title", 4.0),
    ("summary", "Summary", 2.5),
    ("tags", "Tags", 2.5),
    ("city", "City", 2.0),
    ("themes", "Themes", 1.5),
    ("problem", "Problem", 1.2),
    ("solution", "Solution", 1.2),
    ("evidence", "Evidence of results", 1.0),
    ("resources", "Resources needed", 1.0),
    ("transferability", "Transferability", 1.0),
];

/// What the non-relevance orders compare, kept beside the index so that sorting thousands of
/// matches reads no record. Each text also has its first 16 bytes as a number: comparing
/// those settles almost every pair without following a pointer.
#[derive(Clone)]
pub(super) struct SortKeys {
    pub title: String,
    pub title_head: u128,
    pub city: String,
    pub city_head: u128,
    /// The capture time in milliseconds; 0 when unknown.
    pub captured_ms: i64,
}

/// A text's first 16 bytes, big-endian, so that number order is text order; a blank text
/// sorts last (no UTF-8 text starts with the byte 0xFF).
fn head(text: &str) -> u128 {
    if text.is_empty() {
        return u128::MAX;
    }
    let mut bytes = [0u8; 16];
    for (b, t) in bytes.iter_mut().zip(text.bytes()) {
        *b = t;
    }
    u128::from_be_bytes(bytes)
}

pub(super) struct PracticeIndex {
    pub index: Index<Id>,
    pub sort: FxHashMap<Id, SortKeys>,
}

impl PracticeIndex {
    pub fn new() -> Self {
        let specs: Vec<FieldSpec> = FIELDS
            .iter()
            .map(|(name, _, weight)| FieldSpec::new(*name, *weight))
            .collect();
        PracticeIndex {
            index: Index::new(&specs),
            sort: FxHashMap::default(),
        }
    }

    pub fn upsert(&mut self, p: &BestPractice, city: Option<&City>, programme: &Programme) {
        let texts = texts(p, city, programme);
        let fields: Vec<(&str, &str)> = FIELDS
            .iter()
            .zip(&texts)
            .map(|((name, ..), text)| (*name, text.as_str()))
            .collect();
        let city_key = p.city.map(|c| c.to_string());
        let region = city
            .and_then(|c| programme.country(&c.country))
            .map(|c| c.region.key());
        let mut facets: Vec<(&str, &str)> = vec![("status", p.status.key())];
        facets.extend(p.themes.iter().map(|t| ("theme", t.as_str())));
        facets.extend(city_key.as_deref().map(|c| ("city", c)));
        facets.extend(region.map(|r| ("region", r)));
        self.index.upsert(p.id, &fields, &facets);
        let title = fold(p.title.trim());
        let city = city.map(|c| fold(&c.name)).unwrap_or_default();
        self.sort.insert(
            p.id,
            SortKeys {
                title_head: head(&title),
                city_head: head(&city),
                title,
                city,
                captured_ms: chrono::DateTime::parse_from_rfc3339(&p.captured_at)
                    .map_or(0, |t| t.timestamp_millis()),
            },
        );
    }

    pub fn remove(&mut self, id: Id) {
        self.index.remove(&id);
        self.sort.remove(&id);
    }
}

/// The indexed text of each field, in [`FIELDS`] order. Highlights are ranges of these.
pub(super) fn texts(p: &BestPractice, city: Option<&City>, programme: &Programme) -> Vec<String> {
    let city_text = city
        .map(|c| {
            let country = programme
                .country(&c.country)
                .map_or(c.country.as_str(), |k| k.name.as_str());
            match &c.local_name {
                Some(local) if !local.is_empty() => format!("{} {local}, {country}", c.name),
                _ => format!("{}, {country}", c.name),
            }
        })
        .unwrap_or_default();
    vec![
        p.title.clone(),
        p.summary.clone(),
        p.tags.join(", "),
        city_text,
        theme_labels(&p.themes, programme).join(", "),
        p.problem.clone(),
        p.solution.clone(),
        p.evidence.clone(),
        p.resources.clone(),
        p.transferability.clone(),
    ]
}

/// The themes' names, in the practice's order; a key the programme does not know is shown as is.
pub(crate) fn theme_labels(keys: &[String], programme: &Programme) -> Vec<String> {
    keys.iter()
        .map(|k| {
            programme
                .themes
                .iter()
                .find(|t| &t.key == k)
                .map_or(k.clone(), |t| t.label.clone())
        })
        .collect()
}
