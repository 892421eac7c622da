//! The best-practice library through the desk: search in the programme's languages, facets,
//! orders, review, the index following every change, bad queries, a deleted meeting, search
//! everywhere and the spreadsheet export.

mod common;

use icp_api::{Desk, LibraryQuery, LibrarySort, RecordKind};
use icp_domain::meeting::{BelongsTo, MeetingInput, MeetingKind};
use icp_domain::{BestPractice, CityInput, Id, PracticeStatus, Region};

const NEW: Id = Id::from_bytes([0; 16]);

struct Setup {
    desk: Desk,
    _dir: tempfile::TempDir,
    lodz: Id,
    gwangju: Id,
    taichung: Id,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let lodz = common::city(&desk, "Łódź", "PL", "Europe/Warsaw");
    let gwangju = common::city(&desk, "Gwangju", "KR", "Asia/Seoul");
    let taichung = common::city(&desk, "Taichung", "TW", "Asia/Taipei");
    Setup {
        desk,
        _dir: dir,
        lodz,
        gwangju,
        taichung,
    }
}

fn save(desk: &Desk, p: BestPractice) -> BestPractice {
    desk.save_best_practice(&p).unwrap()
}

fn practice(title: &str, city: Id, theme: &str) -> BestPractice {
    BestPractice {
        title: title.into(),
        city: Some(city),
        themes: vec![theme.into()],
        ..BestPractice::blank(NEW)
    }
}

fn find(desk: &Desk, text: &str) -> Vec<String> {
    desk.search_library(&LibraryQuery {
        text: text.into(),
        ..LibraryQuery::default()
    })
    .unwrap()
    .hits
    .into_iter()
    .map(|h| h.practice.title)
    .collect()
}

#[test]
fn the_programmes_languages_are_found_as_people_type_them() {
    let s = setup();
    save(
        &s.desk,
        BestPractice {
            summary: "Recycling hubs in every district".into(),
            ..practice("Zero-waste estates", s.lodz, "circular_economy")
        },
    );
    save(
        &s.desk,
        BestPractice {
            summary: "광주 시민 태양광 발전소".into(),
            ..practice("Citizen solar plants", s.gwangju, "energy_transition")
        },
    );
    save(
        &s.desk,
        BestPractice {
            summary: "臺中市空氣品質監測".into(),
            ..practice("Air sensors in schools", s.taichung, "air_quality")
        },
    );
    // The city's name is searched too, folded.
    assert_eq!(find(&s.desk, "lodz"), ["Zero-waste estates"]);
    assert_eq!(find(&s.desk, "recycle"), ["Zero-waste estates"]);
    assert_eq!(find(&s.desk, "태양광"), ["Citizen solar plants"]);
    assert_eq!(find(&s.desk, "品質"), ["Air sensors in schools"]);
    // The theme's name finds it as well.
    assert_eq!(find(&s.desk, "air quality"), ["Air sensors in schools"]);

    let hit = &s
        .desk
        .search_library(&LibraryQuery {
            text: "태양광".into(),
            ..LibraryQuery::default()
        })
        .unwrap()
        .hits[0];
    let m = hit.matches.iter().find(|m| m.field == "summary").unwrap();
    let units: Vec<u16> = m.snippet.text.encode_utf16().collect();
    let r = m.snippet.ranges[0];
    assert_eq!(
        String::from_utf16(&units[r.start as usize..r.end as usize]).unwrap(),
        "태양광",
        "ranges count UTF-16 units, as the window indexes strings"
    );
}

#[test]
fn a_title_match_outranks_one_deep_in_the_evidence() {
    let s = setup();
    save(
        &s.desk,
        BestPractice {
            evidence: format!(
                "{} Composting halved the waste sent to landfill.",
                "Figures. ".repeat(60)
            ),
            ..practice("Neighbourhood repair cafés", s.lodz, "circular_economy")
        },
    );
    save(
        &s.desk,
        practice("Composting in schools", s.gwangju, "circular_economy"),
    );
    assert_eq!(
        find(&s.desk, "composting"),
        ["Composting in schools", "Neighbourhood repair cafés"]
    );
}

#[test]
fn facets_combine_with_text_and_count_the_alternatives() {
    let s = setup();
    save(
        &s.desk,
        practice("Bus electrification", s.lodz, "energy_transition"),
    );
    save(
        &s.desk,
        practice("Electric bus depots", s.gwangju, "energy_transition"),
    );
    save(
        &s.desk,
        practice("Bus lanes and clean air", s.lodz, "air_quality"),
    );
    save(&s.desk, practice("Heat pumps", s.lodz, "energy_transition"));

    let results = s
        .desk
        .search_library(&LibraryQuery {
            text: "bus".into(),
            themes: vec!["energy_transition".into()],
            regions: vec![Region::Eu],
            ..LibraryQuery::default()
        })
        .unwrap();
    let titles: Vec<&str> = results
        .hits
        .iter()
        .map(|h| h.practice.title.as_str())
        .collect();
    assert_eq!(titles, ["Bus electrification"]);
    let count = |facets: &[icp_api::FacetCount], value: &str| {
        facets.iter().find(|f| f.value == value).map(|f| f.count)
    };
    // What choosing another value of a chosen facet would show.
    assert_eq!(count(&results.facets.themes, "air_quality"), Some(1));
    assert_eq!(count(&results.facets.regions, "asia"), Some(1));
    // Every theme is listed, even at 0.
    assert_eq!(results.facets.themes.len(), 4);
    assert_eq!(count(&results.facets.themes, "circular_economy"), Some(0));
    assert_eq!(results.facets.statuses.len(), 2);
    assert_eq!(count(&results.facets.statuses, "draft"), Some(1));
}

#[test]
fn the_orders_sort_every_match_then_page() {
    let s = setup();
    for (title, city) in [
        ("Beta", s.taichung),
        ("alpha", s.gwangju),
        ("Gamma", s.lodz),
    ] {
        save(&s.desk, practice(title, city, "air_quality"));
    }
    let order = |sort, offset, limit| -> Vec<String> {
        s.desk
            .search_library(&LibraryQuery {
                sort,
                offset,
                limit,
                ..LibraryQuery::default()
            })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.practice.title)
            .collect()
    };
    assert_eq!(order(LibrarySort::Title, 0, 0), ["alpha", "Beta", "Gamma"]);
    assert_eq!(order(LibrarySort::Title, 1, 1), ["Beta"]);
    // Gwangju, Łódź (as lodz), Taichung.
    assert_eq!(order(LibrarySort::City, 0, 0), ["alpha", "Gamma", "Beta"]);
    // Browsing by relevance means newest first.
    assert_eq!(
        order(LibrarySort::Relevance, 0, 0),
        ["Gamma", "alpha", "Beta"]
    );
    // Words in another order are still marked on the page shown.
    let marked = s
        .desk
        .search_library(&LibraryQuery {
            text: "gamma".into(),
            sort: LibrarySort::Title,
            ..LibraryQuery::default()
        })
        .unwrap();
    assert_eq!(marked.hits[0].matches[0].field, "title");
    assert_eq!(marked.hits[0].matches[0].snippet.ranges.len(), 1);
}

#[test]
fn the_index_follows_saves_renames_and_deletes() {
    let s = setup();
    let p = save(
        &s.desk,
        practice("Repair cafés", s.lodz, "circular_economy"),
    );
    assert_eq!(
        find(&s.desk, "repair").len(),
        1,
        "built on the first search"
    );
    let p = save(
        &s.desk,
        BestPractice {
            summary: "Volunteers fix appliances".into(),
            ..p
        },
    );
    assert_eq!(find(&s.desk, "appliance"), ["Repair cafés"]);
    s.desk
        .save_city(&CityInput {
            id: Some(s.lodz),
            name: "Lodz-Widzew".into(),
            country: "PL".into(),
            time_zone: "Europe/Warsaw".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        find(&s.desk, "widzew"),
        ["Repair cafés"],
        "the city's new name"
    );
    s.desk.delete_best_practice(p.id).unwrap();
    assert!(find(&s.desk, "repair").is_empty());
    // Search everywhere follows too.
    assert!(s
        .desk
        .search_everywhere("widzew", 10)
        .unwrap()
        .iter()
        .any(|h| h.kind == RecordKind::City));
}

#[test]
fn a_review_names_its_reviewer_and_is_stamped_by_the_desk() {
    let s = setup();
    let ana = s.desk.add_person(&common::person("Ana Silva")).unwrap().id;
    let p = save(
        &s.desk,
        practice("Repair cafés", s.lodz, "circular_economy"),
    );

    let without = s.desk.save_best_practice(&BestPractice {
        status: PracticeStatus::Reviewed,
        ..p.clone()
    });
    let err = without.unwrap_err().to_ipc();
    assert_eq!(err.field.as_deref(), Some("reviewed_by"), "{err:?}");

    let reviewed = save(
        &s.desk,
        BestPractice {
            status: PracticeStatus::Reviewed,
            reviewed_by: Some(ana),
            // The form cannot choose the date.
            reviewed_at: Some("1999-01-01T00:00:00Z".into()),
            ..p.clone()
        },
    );
    let at = reviewed.reviewed_at.clone().unwrap();
    assert!(at.starts_with("20") && !at.starts_with("1999"), "{at}");
    // Editing it later keeps the review's date.
    let edited = save(
        &s.desk,
        BestPractice {
            summary: "Twice a month".into(),
            ..reviewed.clone()
        },
    );
    assert_eq!(edited.reviewed_at, Some(at));
    let view = s.desk.open_best_practice(p.id).unwrap();
    assert_eq!(view.reviewer.as_deref(), Some("Ana Silva"));

    let statuses = |status| {
        s.desk
            .search_library(&LibraryQuery {
                statuses: vec![status],
                ..LibraryQuery::default()
            })
            .unwrap()
            .total
    };
    assert_eq!(
        (
            statuses(PracticeStatus::Reviewed),
            statuses(PracticeStatus::Draft)
        ),
        (1, 0)
    );
    let draft = save(
        &s.desk,
        BestPractice {
            status: PracticeStatus::Draft,
            ..edited
        },
    );
    assert_eq!((draft.reviewed_by, draft.reviewed_at), (None, None));
}

#[test]
fn a_practice_whose_meeting_was_deleted_keeps_its_text_and_says_so() {
    let s = setup();
    let meeting = s
        .desk
        .save_meeting(&MeetingInput {
            id: None,
            title: "Circular economy cluster".into(),
            kind: MeetingKind::WorkingMeeting,
            belongs_to: BelongsTo::Programme,
            date: "2022-03-21".into(),
            time: "10:00".into(),
            end: "11:00".into(),
            end_date: String::new(),
            planned_zone: "Europe/Warsaw".into(),
            online_link: String::new(),
            venue: "Town hall".into(),
            agenda: vec![],
            attendees: vec![],
            minutes: String::new(),
            decisions: vec![],
            actions: vec![],
            series: None,
            occurrence: None,
        })
        .unwrap()
        .meeting;
    let p = save(
        &s.desk,
        BestPractice {
            summary: "Told in the meeting".into(),
            meeting: Some(meeting.id),
            ..practice("Repair cafés", s.lodz, "circular_economy")
        },
    );
    assert_eq!(
        s.desk
            .open_best_practice(p.id)
            .unwrap()
            .meeting
            .unwrap()
            .title,
        "Circular economy cluster"
    );
    s.desk.delete_meeting(meeting.id).unwrap();

    let view = s.desk.open_best_practice(p.id).unwrap();
    assert!(view.meeting_gone && view.meeting.is_none());
    assert_eq!(view.practice.summary, "Told in the meeting");
    // Typing on in it still saves; naming another missing meeting does not.
    let typed = save(
        &s.desk,
        BestPractice {
            summary: "Told in the meeting, and more".into(),
            ..view.practice.clone()
        },
    );
    assert_eq!(typed.meeting, Some(meeting.id));
    let other = s.desk.save_best_practice(&BestPractice {
        meeting: Some(Id::from_parts(5, 5)),
        ..typed
    });
    assert_eq!(
        other.unwrap_err().to_ipc().field.as_deref(),
        Some("meeting")
    );
    let csv = s.desk.practices_csv(&LibraryQuery::default()).unwrap();
    assert!(
        csv.contains("The meeting it came from has been deleted."),
        "{csv}"
    );
}

#[test]
fn queries_that_make_no_sense_find_what_they_can_and_never_fail() {
    let s = setup();
    save(
        &s.desk,
        BestPractice {
            summary: "Repair cafés in every district".into(),
            ..practice("Repair cafés", s.lodz, "circular_economy")
        },
    );
    assert!(find(&s.desk, "?!…—,;:()[]").is_empty());
    assert_eq!(find(&s.desk, "\"repair cafes"), ["Repair cafés"]);
    assert_eq!(find(&s.desk, "repair\" \"\""), ["Repair cafés"]);
    let long = "repair ".repeat(1_500);
    assert_eq!(long.len(), 10_500);
    assert_eq!(find(&s.desk, &long), ["Repair cafés"]);
    assert!(s.desk.search_everywhere("\"((", 20).unwrap().is_empty());
    assert!(!s.desk.search_everywhere(&long, 20).unwrap().is_empty());
}

#[test]
fn search_everywhere_finds_every_kind_by_name() {
    let s = setup();
    let ana = s
        .desk
        .add_person(&icp_domain::Person {
            city: Some(s.lodz),
            ..common::person("Ana Łukasik")
        })
        .unwrap();
    save(
        &s.desk,
        practice("Łukasiewicz recycling hubs", s.gwangju, "circular_economy"),
    );
    let hits = s.desk.search_everywhere("lukas", 10).unwrap();
    assert!(hits.is_empty(), "whole words, not prefixes: {hits:?}");
    let hits = s.desk.search_everywhere("łukasik", 10).unwrap();
    assert_eq!(hits[0].kind, RecordKind::Person);
    assert_eq!(hits[0].id, ana.id);
    assert_eq!(hits[0].detail, "Pairing manager, Łódź");
    let hits = s.desk.search_everywhere("gwangju", 10).unwrap();
    let kinds: Vec<RecordKind> = hits.iter().map(|h| h.kind).collect();
    assert!(
        kinds.contains(&RecordKind::City) && kinds.contains(&RecordKind::BestPractice),
        "{kinds:?}"
    );
    assert_eq!(hits[0].kind, RecordKind::City, "the name match first");
    s.desk.delete_person(ana.id).unwrap();
    assert!(s.desk.search_everywhere("łukasik", 10).unwrap().is_empty());
}

#[test]
fn the_spreadsheet_holds_the_selection_whole_and_defused() {
    let s = setup();
    save(
        &s.desk,
        BestPractice {
            summary: "=1+1, with \"quotes\"\nand a second line".into(),
            tags: vec!["schools".into(), "repair".into()],
            ..practice("Réemploi", s.lodz, "circular_economy")
        },
    );
    save(&s.desk, practice("Air sensors", s.taichung, "air_quality"));
    let csv = s
        .desk
        .practices_csv(&LibraryQuery {
            themes: vec!["circular_economy".into()],
            ..LibraryQuery::default()
        })
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Title");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "only the selection");
    let cell = |name: &str| rows[0][headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("Title"), "Réemploi");
    assert_eq!(cell("City"), "Łódź");
    assert_eq!(cell("Country"), "Poland");
    assert_eq!(cell("Region"), "EU");
    assert_eq!(cell("Themes"), "Circular economy");
    assert_eq!(cell("Tags"), "schools; repair");
    assert_eq!(cell("Summary"), "'=1+1, with \"quotes\"\nand a second line");

    let path = s._dir.path().join("practices.csv");
    s.desk
        .export_practices_csv(&LibraryQuery::default(), &path)
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFTitle,"));
}
