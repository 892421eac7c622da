//! The best-practice library: full-text search over the practices with facets and orders,
//! the practice's own page, and search everywhere (Ctrl+K) over every kind of record people
//! look for. The engine is `icp-search`; this module feeds it from the store and words its
//! answers for the window.

mod catalogue;
pub(crate) mod everywhere;
mod export;
mod follow;
mod practice_index;
mod practice_page;
mod snippet;

use std::cmp::Ordering;

use icp_domain::{BestPractice, City, Id, PracticeStatus, Region};
use icp_search::{Hit, Query, Results};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use everywhere::{EverywhereHit, RecordKind};
pub(crate) use follow::SearchCache;
pub(crate) use practice_index::theme_labels;
pub use practice_page::{MeetingRef, PracticeView};
pub use snippet::{Snippet, TextRange};

use crate::{ApiError, Desk};
use practice_index::{SortKeys, FIELDS};

/// What the catalogue and the spreadsheet say of a practice whose meeting was deleted.
pub(crate) const MEETING_GONE: &str = "The meeting it came from has been deleted.";

/// Most hits one page of the library or of search everywhere holds.
pub const MAX_PAGE: u32 = 200;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LibrarySort {
    /// Best match first; newest first when there are no words to match.
    #[default]
    Relevance,
    Newest,
    Title,
    City,
}

/// What the library shows: words to find, facet values to keep (values of one facet are
/// alternatives, facets combine), an order and a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct LibraryQuery {
    pub text: String,
    pub themes: Vec<String>,
    pub regions: Vec<Region>,
    pub cities: Vec<Id>,
    pub statuses: Vec<PracticeStatus>,
    pub sort: LibrarySort,
    pub offset: u32,
    /// At most [`MAX_PAGE`]; 0 means 50.
    pub limit: u32,
}

/// One value of a facet: how many practices choosing it would show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FacetCount {
    pub value: String,
    pub label: String,
    pub count: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibraryFacets {
    /// Every theme and region and both statuses, in the programme's order, even at 0.
    pub themes: Vec<FacetCount>,
    pub regions: Vec<FacetCount>,
    pub statuses: Vec<FacetCount>,
    /// The cities with practices among the matches (and any chosen), by name.
    pub cities: Vec<FacetCount>,
}

/// A practice as a result line shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeCard {
    pub id: Id,
    pub title: String,
    pub summary: String,
    /// "Łódź, Poland"; empty when no city is chosen.
    pub city: String,
    pub themes: Vec<String>,
    pub tags: Vec<String>,
    pub status: PracticeStatus,
    pub captured_at: String,
}

/// One matching field: its label and the passage with the query's words marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldMatch {
    pub field: String,
    pub label: String,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryHit {
    pub practice: PracticeCard,
    /// The fields that matched, most important first.
    pub matches: Vec<FieldMatch>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryResults {
    /// All matches, not just this page.
    pub total: u32,
    pub hits: Vec<LibraryHit>,
    pub facets: LibraryFacets,
}

impl Desk {
    /// The library's page of practices for `query`. Never fails on the words: words that
    /// make no sense (only punctuation, unbalanced quotes, pages of text) find what they
    /// can, or nothing.
    pub fn search_library(&self, query: &LibraryQuery) -> Result<LibraryResults, ApiError> {
        let limit = match query.limit {
            0 => 50,
            n => n.min(MAX_PAGE),
        } as usize;
        let (results, hits) = self.ranked(query, query.offset as usize, limit, true)?;
        let cities: Vec<City> = self.all::<City>()?;
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits {
            // The index followed the feed a moment ago; a practice deleted since is skipped.
            let Some(p) = self.store.get::<BestPractice>(hit.key)? else {
                continue;
            };
            let city = p.city.and_then(|c| cities.iter().find(|k| k.id == c));
            let texts = practice_index::texts(&p, city, &self.programme);
            let matches = hit
                .highlights
                .iter()
                .filter_map(|h| {
                    let i = FIELDS.iter().position(|(name, ..)| *name == h.field)?;
                    Some(FieldMatch {
                        field: h.field.clone(),
                        label: FIELDS[i].1.to_string(),
                        snippet: snippet::snippet(&texts[i], &h.ranges),
                    })
                })
                .collect();
            out.push(LibraryHit {
                practice: self.card(p, city),
                matches,
            });
        }
        Ok(LibraryResults {
            total: results.total as u32,
            hits: out,
            facets: self.facets(&results.facets, query, &cities),
        })
    }

    /// The matches of `query` in its order, `offset..offset + limit` of them (with their
    /// words marked when `marked`), with the engine's totals and facet counts.
    fn ranked(
        &self,
        query: &LibraryQuery,
        offset: usize,
        limit: usize,
        marked: bool,
    ) -> Result<(Results<Id>, Vec<Hit<Id>>), ApiError> {
        let guard = self.search_state()?;
        let state = guard.as_ref().expect("search_state builds the indexes");
        let mut filters: Vec<(String, String)> = Vec::new();
        filters.extend(query.themes.iter().map(|t| ("theme".into(), t.clone())));
        filters.extend(
            query
                .regions
                .iter()
                .map(|r| ("region".into(), r.key().into())),
        );
        filters.extend(query.cities.iter().map(|c| ("city".into(), c.to_string())));
        filters.extend(
            query
                .statuses
                .iter()
                .map(|s| ("status".into(), s.key().into())),
        );
        let browsing = query.text.trim().is_empty();
        let order = match query.sort {
            LibrarySort::Relevance if browsing => LibrarySort::Newest,
            other => other,
        };
        // The engine pages by relevance; the other orders need every match, then a page.
        let engine_page = order == LibrarySort::Relevance;
        let mut results = state.practices.index.search(&Query {
            text: query.text.clone(),
            filters,
            limit: if engine_page { limit } else { usize::MAX },
            offset: if engine_page { offset } else { 0 },
            // Marking every match would cost more than the search; only the page is marked.
            skip_highlights: !(engine_page && marked),
        });
        let mut hits = std::mem::take(&mut results.hits);
        if !engine_page {
            // Each match's keys looked up once and its leading key copied beside it, then only
            // the page's worth put in order: the library pages through tens of thousands.
            let keys = &state.practices.sort;
            let mut keyed: Vec<(u128, u128, Option<&SortKeys>, Hit<Id>)> = hits
                .into_iter()
                .map(|h| {
                    let k = keys.get(&h.key);
                    let (a, b) = match (k, order) {
                        (None, _) => (u128::MAX, u128::MAX),
                        // Newest first: the latest time has the smallest key.
                        (Some(k), LibrarySort::Newest) => ((i64::MAX - k.captured_ms) as u128, 0),
                        (Some(k), LibrarySort::Title) => (k.title_head, 0),
                        (Some(k), _) => (k.city_head, k.title_head),
                    };
                    (a, b, k, h)
                })
                .collect();
            type Keyed<'a> = (u128, u128, Option<&'a SortKeys>, Hit<Id>);
            let by = |x: &Keyed, y: &Keyed| {
                x.0.cmp(&y.0)
                    .then(x.1.cmp(&y.1))
                    .then_with(|| match (x.2, y.2, order) {
                        (Some(p), Some(q), LibrarySort::Title) => p.title.cmp(&q.title),
                        (Some(p), Some(q), LibrarySort::City) => {
                            p.city.cmp(&q.city).then(p.title.cmp(&q.title))
                        }
                        _ => Ordering::Equal,
                    })
                    .then(y.3.key.cmp(&x.3.key))
            };
            let end = offset.saturating_add(limit).min(keyed.len());
            if end > 0 && end < keyed.len() {
                keyed.select_nth_unstable_by(end - 1, by);
                keyed.truncate(end);
            }
            keyed.sort_by(by);
            hits = keyed.into_iter().skip(offset).map(|k| k.3).collect();
            if marked && !browsing {
                for hit in &mut hits {
                    hit.highlights = state.practices.index.highlights(&hit.key, &query.text);
                }
            }
        }
        Ok((results, hits))
    }

    /// Every practice `query` selects (all pages), in its order: what the catalogue and the
    /// CSV export hold.
    pub(crate) fn selected_practices(
        &self,
        query: &LibraryQuery,
    ) -> Result<Vec<BestPractice>, ApiError> {
        let (_, hits) = self.ranked(query, 0, usize::MAX, false)?;
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits {
            out.extend(self.store.get::<BestPractice>(hit.key)?);
        }
        Ok(out)
    }

    fn card(&self, p: BestPractice, city: Option<&City>) -> PracticeCard {
        PracticeCard {
            city: city.map(|c| self.city_line(c)).unwrap_or_default(),
            themes: theme_labels(&p.themes, &self.programme),
            id: p.id,
            title: p.title,
            summary: p.summary,
            tags: p.tags,
            status: p.status,
            captured_at: p.captured_at,
        }
    }

    /// "Łódź, Poland".
    pub(crate) fn city_line(&self, c: &City) -> String {
        match self.programme.country(&c.country) {
            Some(k) => format!("{}, {}", c.name, k.name),
            None => c.name.clone(),
        }
    }

    fn facets(
        &self,
        counts: &std::collections::BTreeMap<String, Vec<(String, u32)>>,
        query: &LibraryQuery,
        cities: &[City],
    ) -> LibraryFacets {
        let count = |facet: &str, value: &str| {
            counts
                .get(facet)
                .and_then(|vs| vs.iter().find(|(v, _)| v == value))
                .map_or(0, |(_, n)| *n)
        };
        let mut city_counts: Vec<FacetCount> = counts
            .get("city")
            .into_iter()
            .flatten()
            .map(|(v, _)| v.clone())
            .chain(query.cities.iter().map(Id::to_string))
            .collect::<std::collections::BTreeSet<String>>()
            .into_iter()
            .map(|v| FacetCount {
                label: cities
                    .iter()
                    .find(|c| c.id.to_string() == v)
                    .map_or_else(|| "A deleted city".to_string(), |c| c.name.clone()),
                count: count("city", &v),
                value: v,
            })
            .collect();
        city_counts.sort_by(|a, b| {
            icp_domain::text::fold(&a.label).cmp(&icp_domain::text::fold(&b.label))
        });
        LibraryFacets {
            themes: self
                .programme
                .themes
                .iter()
                .map(|t| FacetCount {
                    value: t.key.clone(),
                    label: t.label.clone(),
                    count: count("theme", &t.key),
                })
                .collect(),
            regions: Region::ALL
                .iter()
                .map(|r| FacetCount {
                    value: r.key().into(),
                    label: r.label().into(),
                    count: count("region", r.key()),
                })
                .collect(),
            statuses: [PracticeStatus::Draft, PracticeStatus::Reviewed]
                .iter()
                .map(|s| FacetCount {
                    value: s.key().into(),
                    label: s.label().into(),
                    count: count("status", s.key()),
                })
                .collect(),
            cities: city_counts,
        }
    }
}

/// The marked ranges of one field of a hit; none if that field did not match.
pub(super) fn marks_in(
    highlights: &[icp_search::FieldHighlight],
    field: &str,
) -> Vec<std::ops::Range<usize>> {
    highlights
        .iter()
        .find(|h| h.field == field)
        .map(|h| h.ranges.clone())
        .unwrap_or_default()
}
