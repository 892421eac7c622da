//! The inverted index: documents, postings, BM25-style scoring, filters, facet counts and
//! highlights.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;
use std::ops::Range;

use crate::analyse::Analyser;
// Keys are our own short strings: a fast hash without collision resistance is enough.
use rustc_hash::FxHashMap as Map;

/// Most terms a query keeps; the rest of a very long query is ignored.
pub const MAX_QUERY_TERMS: usize = 32;
/// Most characters of a query that are read.
const MAX_QUERY_CHARS: usize = 1_000;
/// BM25's term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A searchable field and how much a match in it counts (a title 3.0, a long evidence 1.0).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSpec {
    pub name: String,
    pub weight: f32,
}

impl FieldSpec {
    pub fn new(name: impl Into<String>, weight: f32) -> Self {
        FieldSpec {
            name: name.into(),
            weight,
        }
    }
}

/// What to look for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Words as typed. Every term must match, in any field. Blank text matches every document
    /// (browsing with filters); text with no term in it (only punctuation) matches none.
    pub text: String,
    /// Required facet values, `(facet, value)`. Values of the same facet are alternatives; different
    /// facets must all hold.
    pub filters: Vec<(String, String)>,
    /// The page: hits `offset..offset + limit` of the ranked list.
    pub limit: usize,
    pub offset: usize,
    /// Leave the hits' highlights empty: for a caller that takes every match to order them
    /// its own way, then asks [`Index::highlights`] for the page it shows.
    pub skip_highlights: bool,
}

/// The ranges of one field's original text that matched, in **byte** offsets, sorted and
/// without overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldHighlight {
    pub field: String,
    pub ranges: Vec<Range<usize>>,
}

/// One matching document.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<K> {
    pub key: K,
    /// Higher is better; 0 when browsing without words.
    pub score: f32,
    /// The fields that matched, in schema order.
    pub highlights: Vec<FieldHighlight>,
}

/// A page of hits, the number of all matches and the facet counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Results<K> {
    pub total: usize,
    pub hits: Vec<Hit<K>>,
    /// For each facet, its values with the number of matches each would give, most frequent
    /// first: the matches of the text and of every *other* facet's filters (a facet's own
    /// filter is left out, so its values are alternatives to choose among).
    pub facets: BTreeMap<String, Vec<(String, u32)>>,
}

impl<K> Results<K> {
    fn empty() -> Self {
        Results {
            total: 0,
            hits: Vec::new(),
            facets: BTreeMap::new(),
        }
    }
}

/// One field of one document holds a term `tf` times.
#[derive(Clone, Copy)]
struct Posting {
    doc: u32,
    field: u8,
    tf: u16,
}

struct Doc<K> {
    key: K,
    texts: Vec<Box<str>>,
}

/// An in-memory inverted index of documents with weighted fields and facets, keyed by `K`.
pub struct Index<K> {
    fields: Vec<FieldSpec>,
    analyser: Analyser,
    ords: HashMap<K, u32>,
    /// By ordinal; `None` once removed (until the next compaction).
    docs: Vec<Option<Doc<K>>>,
    /// By ordinal: whether the document is still there (kept apart for the scoring loop).
    live_docs: Vec<bool>,
    /// Terms a field holds, `doc * fields + field`.
    lens: Vec<u32>,
    len_totals: Vec<u64>,
    terms: Map<Box<str>, u32>,
    /// A token as [`Analyser::tokens`] gives it (a folded word before stemming) to its term:
    /// stemming is done once a distinct word.
    words: Map<Box<str>, u32>,
    /// By term: postings in document order; removed documents' stay until compaction.
    postings: Vec<Vec<Posting>>,
    /// By term: live documents holding it.
    df: Vec<u32>,
    /// Facet values of document `d`: `doc_facets[facet_starts[d]..facet_starts[d + 1]]`.
    doc_facets: Vec<u32>,
    facet_starts: Vec<u32>,
    facet_ids: HashMap<(String, String), u32>,
    facet_values: Vec<(String, String)>,
    live: usize,
}

impl<K: Clone + Eq + Hash> Index<K> {
    /// An empty index of these fields (at most 255).
    pub fn new(schema: &[FieldSpec]) -> Self {
        assert!(schema.len() <= u8::MAX as usize, "at most 255 fields");
        Index {
            fields: schema.to_vec(),
            analyser: Analyser::new(),
            ords: HashMap::new(),
            docs: Vec::new(),
            live_docs: Vec::new(),
            lens: Vec::new(),
            len_totals: vec![0; schema.len()],
            terms: Map::default(),
            words: Map::default(),
            postings: Vec::new(),
            df: Vec::new(),
            doc_facets: Vec::new(),
            facet_starts: vec![0],
            facet_ids: HashMap::new(),
            facet_values: Vec::new(),
            live: 0,
        }
    }

    /// Documents in the index.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Adds a document, or replaces the one with this key. Fields are `(name, text)`; a name
    /// missing from the schema is ignored. Facets are `(facet, value)`, several values of one
    /// facet allowed.
    pub fn upsert(&mut self, key: K, fields: &[(&str, &str)], facets: &[(&str, &str)]) {
        self.remove(&key);
        let ord = self.docs.len() as u32;
        let nf = self.fields.len();
        let mut texts: Vec<Box<str>> = vec![Box::from(""); nf];
        for (name, text) in fields {
            if let Some(f) = self.fields.iter().position(|s| s.name == *name) {
                texts[f] = Box::from(*text);
            }
        }
        let mut seen: HashSet<u32> = HashSet::new();
        let mut ids: Vec<u32> = Vec::new();
        for (f, text) in texts.iter().enumerate() {
            ids.clear();
            let (analyser, words, terms) = (&self.analyser, &mut self.words, &mut self.terms);
            let (postings, df) = (&mut self.postings, &mut self.df);
            analyser.tokens(text, |token, stem, _| {
                let id = match words.get(token) {
                    Some(&id) => id,
                    None => {
                        let term = analyser.term(token, stem);
                        let id = match terms.get(&*term) {
                            Some(&id) => id,
                            None => {
                                let id = postings.len() as u32;
                                terms.insert(Box::from(&*term), id);
                                postings.push(Vec::new());
                                df.push(0);
                                id
                            }
                        };
                        words.insert(Box::from(token), id);
                        id
                    }
                };
                ids.push(id);
            });
            self.lens.push(ids.len() as u32);
            self.len_totals[f] += ids.len() as u64;
            ids.sort_unstable();
            for run in ids.chunk_by(|a, b| a == b) {
                let id = run[0];
                self.postings[id as usize].push(Posting {
                    doc: ord,
                    field: f as u8,
                    tf: run.len().min(u16::MAX as usize) as u16,
                });
                if seen.insert(id) {
                    self.df[id as usize] += 1;
                }
            }
        }
        let first = self.doc_facets.len();
        for (name, value) in facets {
            let pair = (name.to_string(), value.to_string());
            let next = self.facet_values.len() as u32;
            let id = *self.facet_ids.entry(pair.clone()).or_insert(next);
            if id == next {
                self.facet_values.push(pair);
            }
            if !self.doc_facets[first..].contains(&id) {
                self.doc_facets.push(id);
            }
        }
        self.facet_starts.push(self.doc_facets.len() as u32);
        self.docs.push(Some(Doc {
            key: key.clone(),
            texts,
        }));
        self.live_docs.push(true);
        self.ords.insert(key, ord);
        self.live += 1;
    }

    /// Removes the document with this key; returns whether there was one.
    pub fn remove(&mut self, key: &K) -> bool {
        let Some(ord) = self.ords.remove(key) else {
            return false;
        };
        let doc = self.docs[ord as usize].take().expect("a live document");
        self.live_docs[ord as usize] = false;
        let nf = self.fields.len();
        let mut seen: HashSet<u32> = HashSet::new();
        for (f, text) in doc.texts.iter().enumerate() {
            self.len_totals[f] -= u64::from(self.lens[ord as usize * nf + f]);
            self.analyser.tokens(text, |token, _, _| {
                if let Some(&id) = self.words.get(token) {
                    seen.insert(id);
                }
            });
        }
        for id in seen {
            self.df[id as usize] -= 1;
        }
        self.live -= 1;
        let dead = self.docs.len() - self.live;
        if dead >= 1_024 && dead > self.live {
            self.compact();
        }
        true
    }

    /// Rebuilds the index from its live documents, dropping removed ones' postings.
    fn compact(&mut self) {
        let mut fresh = Index::new(&self.fields);
        let names: Vec<String> = self.fields.iter().map(|f| f.name.clone()).collect();
        for (d, doc) in std::mem::take(&mut self.docs).into_iter().enumerate() {
            let Some(doc) = doc else { continue };
            let fields: Vec<(&str, &str)> = names
                .iter()
                .zip(&doc.texts)
                .map(|(n, t)| (n.as_str(), &**t))
                .collect();
            let facets: Vec<(&str, &str)> = self
                .facets_of(d)
                .iter()
                .map(|&id| {
                    let (n, v) = &self.facet_values[id as usize];
                    (n.as_str(), v.as_str())
                })
                .collect();
            fresh.upsert(doc.key, &fields, &facets);
        }
        *self = fresh;
    }

    fn facets_of(&self, d: usize) -> &[u32] {
        &self.doc_facets[self.facet_starts[d] as usize..self.facet_starts[d + 1] as usize]
    }

    /// The query's distinct terms, at most [`MAX_QUERY_TERMS`].
    fn query_terms(&self, text: &str) -> Vec<String> {
        let end = text
            .char_indices()
            .nth(MAX_QUERY_CHARS)
            .map_or(text.len(), |(i, _)| i);
        let mut terms: Vec<String> = Vec::new();
        let cut = end < text.len();
        self.analyser.analyse(&text[..end], |term, r| {
            // A word cut by the limit is not a word of the query.
            if cut && r.end == end {
                return;
            }
            if terms.len() < MAX_QUERY_TERMS && !terms.iter().any(|t| t == term) {
                terms.push(term.to_string());
            }
        });
        terms
    }

    /// Ranks the documents that hold every term of the query and pass its filters. Never fails:
    /// a query that makes no sense finds nothing.
    pub fn search(&self, query: &Query) -> Results<K> {
        let n = self.docs.len();
        let nf = self.fields.len();
        let browsing = query.text.trim().is_empty();
        let terms = self.query_terms(&query.text);
        if !browsing && terms.is_empty() {
            return Results::empty();
        }
        // Every term must be known, rarest first so that the later passes touch little.
        let mut ids = Vec::with_capacity(terms.len());
        for term in &terms {
            match self.terms.get(term.as_str()) {
                Some(&id) if self.df[id as usize] > 0 => ids.push(id),
                _ => return Results::empty(),
            }
        }
        ids.sort_by_key(|&id| self.postings[id as usize].len());

        let mut scores = vec![0f32; n];
        // How many of the terms a document has matched so far.
        let mut matched = vec![0u16; n];
        let live = self.live.max(1) as f32;
        let avg: Vec<f32> = self
            .len_totals
            .iter()
            .map(|&t| (t as f32 / live).max(1.0))
            .collect();
        for (g, &id) in ids.iter().enumerate() {
            let g = g as u16;
            let df = self.df[id as usize] as f32;
            let idf = (1.0 + (live - df + 0.5) / (df + 0.5)).ln();
            for p in &self.postings[id as usize] {
                let d = p.doc as usize;
                let m = matched[d];
                if m != g && m != g + 1 {
                    continue;
                }
                if !self.live_docs[d] {
                    continue;
                }
                let f = p.field as usize;
                let tf = f32::from(p.tf);
                let len = self.lens[d * nf + f] as f32;
                let sat = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg[f]));
                scores[d] += idf * self.fields[f].weight * sat;
                matched[d] = g + 1;
            }
        }
        let need = ids.len() as u16;

        // Filters: one group of accepted facet ids a facet name.
        let mut groups: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for (name, value) in &query.filters {
            let accepted = groups.entry(name.as_str()).or_default();
            if let Some(&id) = self.facet_ids.get(&(name.clone(), value.clone())) {
                accepted.push(id);
            }
        }

        // Each facet is counted as if its own filter were not set, so that a person who picked
        // one theme still sees how many the other themes would add.
        let mut counts = vec![0u32; self.facet_values.len()];
        let mut found: Vec<(f32, u32)> = Vec::new();
        for d in 0..n {
            if matched[d] != need || !self.live_docs[d] {
                continue;
            }
            let doc_facets = self.facets_of(d);
            let mut failed = groups
                .iter()
                .filter(|(_, accepted)| !doc_facets.iter().any(|f| accepted.contains(f)))
                .map(|(name, _)| *name);
            match (failed.next(), failed.next()) {
                (None, _) => {
                    for &f in doc_facets {
                        counts[f as usize] += 1;
                    }
                    found.push((scores[d], d as u32));
                }
                (Some(only), None) => {
                    for &f in doc_facets {
                        if self.facet_values[f as usize].0 == only {
                            counts[f as usize] += 1;
                        }
                    }
                }
                _ => {}
            }
        }

        let total = found.len();
        let by_rank = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        let end = query.offset.saturating_add(query.limit).min(total);
        if end < total && end > 0 {
            found.select_nth_unstable_by(end - 1, by_rank);
            found.truncate(end);
        }
        found.sort_unstable_by(by_rank);
        let hits = found
            .iter()
            .skip(query.offset)
            .take(query.limit)
            .map(|&(score, d)| {
                let doc = self.docs[d as usize].as_ref().expect("a live document");
                Hit {
                    key: doc.key.clone(),
                    score,
                    highlights: if query.skip_highlights {
                        Vec::new()
                    } else {
                        self.highlights_of(d as usize, &ids)
                    },
                }
            })
            .collect();

        let mut facets: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
        for (id, &count) in counts.iter().enumerate() {
            if count > 0 {
                let (name, value) = &self.facet_values[id];
                facets
                    .entry(name.clone())
                    .or_default()
                    .push((value.clone(), count));
            }
        }
        for values in facets.values_mut() {
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        Results {
            total,
            hits,
            facets,
        }
    }

    /// Where the words of `text` are in the document `key`, as a search for `text` would
    /// highlight them; empty for an unknown key or words the index does not hold.
    pub fn highlights(&self, key: &K, text: &str) -> Vec<FieldHighlight> {
        let Some(&d) = self.ords.get(key) else {
            return Vec::new();
        };
        let ids: Vec<u32> = self
            .query_terms(text)
            .iter()
            .filter_map(|t| self.terms.get(t.as_str()).copied())
            .collect();
        self.highlights_of(d as usize, &ids)
    }

    fn highlights_of(&self, d: usize, terms: &[u32]) -> Vec<FieldHighlight> {
        let Some(doc) = self.docs[d].as_ref() else {
            return Vec::new();
        };
        // Only the fields the postings say hold a term are read again: re-analysing every
        // field of a long practice costs more than the search itself.
        let mut matched = vec![false; self.fields.len()];
        for &t in terms {
            let postings = &self.postings[t as usize];
            let from = postings.partition_point(|p| (p.doc as usize) < d);
            for p in postings[from..].iter().take_while(|p| p.doc as usize == d) {
                matched[p.field as usize] = true;
            }
        }
        let mut out = Vec::new();
        let fields = self.fields.iter().zip(&doc.texts).zip(&matched);
        for ((spec, text), _) in fields.filter(|(_, &m)| m) {
            let mut ranges: Vec<Range<usize>> = Vec::new();
            self.analyser.tokens(text, |token, _, r| {
                // Every word of a stored text is in the cache.
                if self.words.get(token).is_some_and(|id| terms.contains(id)) {
                    match ranges.last_mut() {
                        // Overlapping bigrams of one CJK run make one range.
                        Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                        _ => ranges.push(r),
                    }
                }
            });
            if !ranges.is_empty() {
                out.push(FieldHighlight {
                    field: spec.name.clone(),
                    ranges,
                });
            }
        }
        out
    }
}
