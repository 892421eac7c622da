//! The search cases: diacritics, CJK substrings, inflections, ranking, facets with text,
//! update and removal, and bad input.

use icp_search::{FieldSpec, Index, Query, Results};

fn index() -> Index<u32> {
    Index::new(&[
        FieldSpec::new("title", 3.0),
        FieldSpec::new("summary", 1.5),
        FieldSpec::new("evidence", 1.0),
    ])
}

fn find(index: &Index<u32>, text: &str) -> Results<u32> {
    index.search(&Query {
        text: text.into(),
        limit: 20,
        ..Query::default()
    })
}

fn keys(results: &Results<u32>) -> Vec<u32> {
    results.hits.iter().map(|h| h.key).collect()
}

#[test]
fn diacritics_fold_both_ways() {
    let mut ix = index();
    ix.upsert(1, &[("title", "Łódź tram priority")], &[]);
    ix.upsert(2, &[("title", "München bike lanes")], &[]);
    ix.upsert(3, &[("title", "São Paulo, Malmö and Αθήνα")], &[]);
    assert_eq!(keys(&find(&ix, "lodz")), [1]);
    assert_eq!(keys(&find(&ix, "ŁÓDŹ")), [1]);
    assert_eq!(keys(&find(&ix, "munchen")), [2]);
    assert_eq!(keys(&find(&ix, "malmo sao")), [3]);
    assert_eq!(keys(&find(&ix, "αθηνα")), [3]);
    // The highlight is the original word, in bytes.
    let hit = &find(&ix, "munchen").hits[0];
    assert_eq!(hit.highlights[0].field, "title");
    assert_eq!(hit.highlights[0].ranges, vec![0.."München".len()]);
}

#[test]
fn korean_and_han_found_by_any_substring_of_two_characters() {
    let mut ix = index();
    ix.upsert(1, &[("title", "서울특별시 자원순환 정책")], &[]);
    ix.upsert(2, &[("title", "臺中市空氣品質改善計畫")], &[]);
    ix.upsert(3, &[("title", "Seoul recycling")], &[]);
    for q in ["서울", "특별시", "서울특별시", "자원순환", "원순", "정책"] {
        assert_eq!(keys(&find(&ix, q)), [1], "{q}");
    }
    for q in [
        "臺中",
        "空氣",
        "品質改善",
        "中市空",
        "臺中市空氣品質改善計畫",
    ] {
        assert_eq!(keys(&find(&ix, q)), [2], "{q}");
    }
    assert!(find(&ix, "서울시청").hits.is_empty());
    // The whole matched run is one highlight.
    let hit = &find(&ix, "空氣品質").hits[0];
    let start = "臺中市".len();
    assert_eq!(
        hit.highlights[0].ranges,
        vec![start..start + "空氣品質".len()]
    );
}

#[test]
fn english_inflections_match() {
    let mut ix = index();
    ix.upsert(1, &[("title", "Recycling textiles")], &[]);
    ix.upsert(2, &[("summary", "Bottles are recycled locally")], &[]);
    ix.upsert(3, &[("evidence", "We recycle paper")], &[]);
    ix.upsert(4, &[("title", "Cycle lanes")], &[]);
    for q in ["recycle", "recycling", "recycled", "RECYCLES"] {
        let mut found = keys(&find(&ix, q));
        found.sort();
        assert_eq!(found, [1, 2, 3], "{q}");
    }
}

#[test]
fn a_title_match_outranks_a_match_deep_in_the_evidence() {
    let mut ix = index();
    let long = format!(
        "{} and finally composting was introduced.",
        "The city measured tonnes of waste every month across districts. ".repeat(40)
    );
    ix.upsert(1, &[("title", "Waste audit"), ("evidence", &long)], &[]);
    ix.upsert(
        2,
        &[("title", "Community composting"), ("summary", "Gardens")],
        &[],
    );
    ix.upsert(
        3,
        &[
            ("title", "Green roofs"),
            ("evidence", "Composting on roofs"),
        ],
        &[],
    );
    let results = find(&ix, "composting");
    assert_eq!(keys(&results), [2, 3, 1]);
    assert!(results.hits[0].score > results.hits[1].score);
    assert!(results.hits[1].score > results.hits[2].score);
    // The deep match is highlighted where it is.
    let deep = &results.hits[2].highlights[0];
    assert_eq!(deep.field, "evidence");
    assert_eq!(&long[deep.ranges[0].clone()], "composting");
}

#[test]
fn facets_combine_with_text() {
    let mut ix = index();
    let practice =
        |theme, region, status| [("theme", theme), ("region", region), ("status", status)];
    ix.upsert(
        1,
        &[("title", "Bus electrification")],
        &practice("energy", "eu", "reviewed"),
    );
    ix.upsert(
        2,
        &[("title", "Electric bus depots")],
        &practice("energy", "asia", "draft"),
    );
    ix.upsert(
        3,
        &[("title", "Bus lanes")],
        &practice("mobility", "eu", "reviewed"),
    );
    ix.upsert(
        4,
        &[("title", "Heat pumps")],
        &practice("energy", "eu", "reviewed"),
    );

    let all = find(&ix, "bus");
    assert_eq!(all.total, 3);
    assert_eq!(
        all.facets["theme"],
        [("energy".into(), 2), ("mobility".into(), 1)]
    );
    assert_eq!(all.facets["region"], [("eu".into(), 2), ("asia".into(), 1)]);

    let query = |filters: &[(&str, &str)]| Query {
        text: "bus".into(),
        filters: filters
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        limit: 10,
        ..Query::default()
    };
    let energy_eu = ix.search(&query(&[("theme", "energy"), ("region", "eu")]));
    assert_eq!(keys(&energy_eu), [1]);
    assert_eq!(energy_eu.facets["status"], [("reviewed".into(), 1)]);
    // A facet's own filter leaves its other values countable: picking "energy" still says
    // that "mobility" would add one, and picking "eu" that "asia" would.
    assert_eq!(
        energy_eu.facets["theme"],
        [("energy".into(), 1), ("mobility".into(), 1)]
    );
    assert_eq!(
        energy_eu.facets["region"],
        [("asia".into(), 1), ("eu".into(), 1)]
    );
    // Two values of one facet are alternatives.
    let either = ix.search(&query(&[("region", "eu"), ("region", "asia")]));
    assert_eq!(either.total, 3);
    // An unknown value finds nothing.
    assert_eq!(ix.search(&query(&[("city", "Atlantis")])).total, 0);
    // Blank text browses everything the filters let through.
    let browse = ix.search(&Query {
        filters: vec![("theme".into(), "energy".into())],
        limit: 10,
        ..Query::default()
    });
    assert_eq!(keys(&browse), [1, 2, 4]);
}

#[test]
fn paging_keeps_the_ranking() {
    let mut ix = index();
    for i in 0..30u32 {
        let title = format!("park {}", "tree ".repeat(i as usize));
        ix.upsert(i, &[("title", &title)], &[]);
    }
    let all = keys(&find(&ix, "tree"));
    let page = ix.search(&Query {
        text: "tree".into(),
        limit: 5,
        offset: 10,
        ..Query::default()
    });
    assert_eq!(page.total, 29);
    assert_eq!(keys(&page), all[10..15]);
}

#[test]
fn update_and_removal() {
    let mut ix = index();
    ix.upsert(1, &[("title", "Solar schools")], &[("status", "draft")]);
    ix.upsert(2, &[("title", "Solar roofs")], &[("status", "draft")]);
    ix.upsert(1, &[("title", "Wind schools")], &[("status", "reviewed")]);
    assert_eq!(ix.len(), 2);
    assert_eq!(keys(&find(&ix, "solar")), [2]);
    assert_eq!(keys(&find(&ix, "wind")), [1]);
    assert_eq!(
        find(&ix, "schools").facets["status"],
        [("reviewed".into(), 1)]
    );
    assert!(ix.remove(&2));
    assert!(!ix.remove(&2));
    assert!(find(&ix, "solar").hits.is_empty());
    assert_eq!(find(&ix, "").total, 1);

    // Many removals compact the index without losing the rest.
    for i in 10..3_000u32 {
        ix.upsert(i, &[("title", &format!("practice {i}"))], &[]);
    }
    for i in 10..2_900u32 {
        ix.remove(&i);
    }
    assert_eq!(ix.len(), 101);
    assert_eq!(find(&ix, "practice").total, 100);
    assert_eq!(keys(&find(&ix, "2950")), [2950]);
    assert_eq!(keys(&find(&ix, "wind")), [1]);
}

#[test]
fn bad_input_finds_nothing_or_something_but_never_fails() {
    let mut ix = index();
    ix.upsert(1, &[("title", "Flood \"sponge\" parks")], &[]);
    // Only punctuation.
    let r = find(&ix, "!!! ??? \"\" --- ... ()[]");
    assert_eq!(r.total, 0);
    assert!(r.hits.is_empty());
    // A 10,000-character query is cut to a sane number of terms.
    let long = "flood ".repeat(1_000) + &"x".repeat(4_000);
    assert_eq!(keys(&find(&ix, &long)), [1]);
    let many: String = (0..2_000).map(|i| format!("w{i} ")).collect();
    assert!(find(&ix, &many).hits.is_empty());
    // Unbalanced quotes are plain words.
    assert_eq!(keys(&find(&ix, "\"sponge parks")), [1]);
    assert_eq!(keys(&find(&ix, "flood\"")), [1]);
    // Nothing indexed at all.
    assert_eq!(find(&index(), "flood").total, 0);
}

#[test]
fn highlights_can_be_asked_for_one_document_after_the_search() {
    let mut ix = index();
    ix.upsert(1, &[("title", "Łódź recycling hubs")], &[]);
    let bare = ix.search(&Query {
        text: "recycle".into(),
        limit: 10,
        skip_highlights: true,
        ..Query::default()
    });
    assert!(bare.hits[0].highlights.is_empty());
    let later = ix.highlights(&1, "recycle lodz");
    assert_eq!(later[0].ranges, [0..7, 8..17]);
    assert!(ix.highlights(&2, "recycle").is_empty());
}
