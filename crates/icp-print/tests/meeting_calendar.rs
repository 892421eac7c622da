//! Meetings as an iCalendar file, read back by an independent parser (the `icalendar` crate),
//! as a calendar program would import it.

mod common;

use std::str::FromStr;

use chrono::{DateTime, Utc};
use common::{id, meeting, people, utc, LINK, TITLE, VENUE};
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike,
};
use icp_domain::meeting::AgendaItem;
use icp_domain::{Meeting, MeetingKind};
use icp_print::documents::meeting_calendar::meeting_calendar;
use icp_print::documents::people::People;
use icp_print::ics;

fn at(when: Option<DatePerhapsTime>) -> DateTime<Utc> {
    match when {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
        other => panic!("expected a UTC date-time, got {other:?}"),
    }
}

/// The Berlin cluster meeting, an evening one planned in Seoul with a venue only, and an
/// online one whose presenter left the directory; given out of time order.
fn meetings() -> Vec<Meeting> {
    let berlin = meeting("");
    let seoul = Meeting {
        id: id(901),
        title: "광주 – Łódź pairing meeting".into(),
        kind: MeetingKind::PairingMeeting,
        start: utc(2022, 11, 2, 10, 0),
        planned_zone: "Asia/Seoul".into(),
        duration_minutes: 60,
        online_link: String::new(),
        venue: "광주광역시청, 3층".into(),
        agenda: vec![],
        ..meeting("")
    };
    let online = Meeting {
        id: id(902),
        title: "Open event: textiles".into(),
        kind: MeetingKind::OpenOnlineEvent,
        start: utc(2022, 3, 1, 16, 0),
        planned_zone: "America/Vancouver".into(),
        duration_minutes: 120,
        online_link: "https://광주.kr/회의?a=1".into(),
        venue: String::new(),
        agenda: vec![AgendaItem {
            title: "Keynote".into(),
            presenter: Some(id(77)),
            minutes: 30,
        }],
        ..meeting("")
    };
    vec![seoul, berlin, online]
}

fn written() -> String {
    let people = people();
    let calendar = meeting_calendar("ICP AGIR meetings", &meetings(), &People(&people));
    ics::write(&calendar, utc(2022, 2, 1, 9, 0).naive_utc())
}

#[test]
fn every_meeting_imports_at_its_instant_with_a_stable_uid() {
    let text = written();
    let calendar = Calendar::from_str(&text).expect("a calendar program can read it");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .collect();
    let uids: Vec<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(
        uids,
        [902, 900, 901].map(|n| format!("{}@icp-desk", id(n))),
        "one event a meeting, in time order, its UID the meeting's id"
    );
    let starts: Vec<_> = events.iter().map(|e| at(e.get_start())).collect();
    let ends: Vec<_> = events.iter().map(|e| at(e.get_end())).collect();
    assert_eq!(
        starts,
        [
            utc(2022, 3, 1, 16, 0),
            utc(2022, 3, 21, 15, 30),
            utc(2022, 11, 2, 10, 0)
        ]
    );
    assert_eq!(
        ends,
        [
            utc(2022, 3, 1, 18, 0),
            utc(2022, 3, 21, 17, 0),
            utc(2022, 11, 2, 11, 0)
        ]
    );
    assert!(text.contains("DTSTART:20220321T153000Z\r\n"), "{text}");
    // Written again later, the same meetings keep their UIDs.
    let again = written();
    for uid in uids {
        assert!(again.contains(&format!("UID:{uid}\r\n")));
    }
}

#[test]
fn text_with_commas_and_semicolons_survives_and_lines_fold_at_75_octets() {
    let text = written();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    // Escaped on the wire…
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:Circular economy\\; Łódź\\, 광주 & 臺中\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("LOCATION:Rathaus\\, Room 3\\; floor 2\r\n"));
    // …a link is a URI, not text: written as it is, its commas and semicolons unescaped, and
    // what a URI cannot hold percent-encoded.
    assert!(unfolded.contains(&format!("URL:{LINK}\r\n")), "{unfolded}");
    assert!(unfolded.contains("URL:https://%EA%B4%91%EC%A3%BC.kr/%ED%9A%8C%EC%9D%98?a=1\r\n"));

    // …and read back as typed.
    let calendar = Calendar::from_str(&text).unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .collect();
    let berlin = events
        .iter()
        .find(|e| e.get_uid() == Some(format!("{}@icp-desk", id(900)).as_str()))
        .unwrap();
    assert_eq!(berlin.get_summary(), Some(TITLE));
    assert_eq!(berlin.get_location(), Some(VENUE));
    assert_eq!(berlin.get_url(), Some(LINK));
    assert_eq!(
        berlin.get_categories(),
        Some(vec!["Cluster meeting".to_string()])
    );
    let description = berlin.get_description().unwrap();
    assert_eq!(
        description,
        format!(
            "Cluster meeting\n\
             Monday 21 March 2022, 16:30–18:00 (CET, Europe/Berlin)\n\
             Online: {LINK}\n\
             Venue: {VENUE}\n\
             \n\
             Agenda\n\
             1. Welcome, and the cluster's plan; 2022 — 김민지 (10 min)\n\
             2. Łódź's textile reuse — Łukasz Wałęsa (45 min)\n\
             3. Open questions (20 min)"
        )
    );

    // Planned in Seoul: its clock in the description; a venue and no link.
    let seoul = events
        .iter()
        .find(|e| e.get_summary() == Some("광주 – Łódź pairing meeting"))
        .unwrap();
    assert_eq!(seoul.get_location(), Some("광주광역시청, 3층"));
    assert_eq!(seoul.get_url(), None);
    assert_eq!(
        seoul.get_description(),
        Some("Pairing meeting\nWednesday 2 November 2022, 19:00–20:00 (KST, Asia/Seoul)\nVenue: 광주광역시청, 3층")
    );

    // Online only: the link is the location too; a presenter no longer in the directory says so.
    let online = events
        .iter()
        .find(|e| e.get_summary() == Some("Open event: textiles"))
        .unwrap();
    assert_eq!(online.get_location(), Some("https://광주.kr/회의?a=1"));
    let description = online.get_description().unwrap();
    assert!(
        description.contains("Tuesday 1 March 2022, 08:00–10:00 (PST, America/Vancouver)"),
        "{description}"
    );
    assert!(
        description.contains("1. Keynote — (person no longer in the directory) (30 min)"),
        "{description}"
    );
}

#[test]
fn no_meetings_is_an_empty_calendar_that_still_reads() {
    let calendar = meeting_calendar("Nothing yet", &[], &People(&[]));
    let text = ics::write(&calendar, utc(2022, 2, 1, 9, 0).naive_utc());
    let parsed = Calendar::from_str(&text).unwrap();
    assert_eq!(
        parsed
            .components
            .iter()
            .filter_map(CalendarComponent::as_event)
            .count(),
        0
    );
    assert!(text.contains("X-WR-CALNAME:Nothing yet\r\n"));
}
