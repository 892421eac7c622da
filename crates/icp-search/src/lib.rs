//! Full-text search over the programme's records, and nothing else: an in-memory inverted
//! index with weighted fields, facets and highlights. No I/O, no storage, no threads: the
//! caller feeds it records and asks it questions.
//!
//! Text is analysed the same way for documents and queries (`analyse.rs`
//! describes it): case and diacritics fold (`lodz` finds `Łódź`), English words are stemmed
//! (`recycle` finds `recycling`), and Han and Hangul are indexed as character bigrams, so any
//! substring of two or more characters finds its text.
//!
//! Every term of a query must match, in any field; matches are ranked by BM25 summed over the
//! fields, each field's part multiplied by its weight. Highlights are **byte** ranges of each
//! field's original text.
//!
//! ```
//! use icp_search::{FieldSpec, Index, Query};
//!
//! let mut index = Index::new(&[FieldSpec::new("title", 3.0), FieldSpec::new("body", 1.0)]);
//! index.upsert(1u32, &[("title", "Łódź recycling hubs")], &[("theme", "circular_economy")]);
//! let results = index.search(&Query { text: "lodz recycle".into(), limit: 10, ..Query::default() });
//! assert_eq!(results.hits[0].key, 1);
//! assert_eq!(results.hits[0].highlights[0].ranges, [0..7, 8..17]);
//! assert_eq!(results.facets["theme"], [("circular_economy".to_string(), 1)]);
//! ```

mod analyse;
mod index;

pub use index::{FieldHighlight, FieldSpec, Hit, Index, Query, Results, MAX_QUERY_TERMS};
