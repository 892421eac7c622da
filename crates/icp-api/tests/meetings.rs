//! Meetings through the API: typed on the planner's clock, read on every participant's.

mod common;

use std::process::Command;
use std::str::FromStr;

use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use icp_api::{Desk, MeetingsToExport, Paper};
use icp_domain::meeting::{Attendee, BelongsTo, MeetingInput, MeetingKind};
use icp_domain::Person;

fn input(date: &str, time: &str, end: &str, attendees: Vec<Attendee>) -> MeetingInput {
    MeetingInput {
        id: None,
        title: "First working meeting".into(),
        kind: MeetingKind::WorkingMeeting,
        belongs_to: BelongsTo::Programme,
        date: date.into(),
        time: time.into(),
        end: end.into(),
        end_date: String::new(),
        planned_zone: "Europe/Berlin".into(),
        online_link: "https://meet.example.org/energy".into(),
        venue: String::new(),
        agenda: vec![],
        attendees,
        minutes: "<script>alert(1)</script> stays text".into(),
        decisions: vec![],
        actions: vec![],
        series: None,
        occurrence: None,
    }
}

fn attendee(desk: &Desk, name: &str, city: icp_domain::Id) -> Attendee {
    let person = desk
        .add_person(&Person {
            city: Some(city),
            ..common::person(name)
        })
        .unwrap();
    Attendee {
        person: person.id,
        guest_speaker: false,
    }
}

#[test]
fn a_berlin_meeting_is_read_on_each_attendees_clock_with_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let vancouver = common::city(&desk, "Vancouver", "CA", "America/Vancouver");
    let seoul = common::city(&desk, "Seoul", "KR", "Asia/Seoul");
    let people = vec![
        attendee(&desk, "Avery", vancouver),
        attendee(&desk, "Min-jun", seoul),
    ];
    // 21 March 2022: Vancouver is already on summer time, Berlin not yet (UTC−7 and UTC+1).
    let view = desk
        .save_meeting(&input("2022-03-21", "17:00", "18:30", people))
        .unwrap();
    assert_eq!(view.meeting.start.to_rfc3339(), "2022-03-21T16:00:00+00:00");
    assert_eq!(view.meeting.duration_minutes, 90);
    assert_eq!(view.meeting.minutes, "<script>alert(1)</script> stays text");
    let at = |name: &str| {
        view.local_times
            .iter()
            .find(|l| l.name == name)
            .unwrap_or_else(|| panic!("no local time for {name}: {:?}", view.local_times))
    };
    assert_eq!(
        (
            at("Vancouver").start.to_string(),
            at("Vancouver").day_offset
        ),
        ("2022-03-21 09:00:00".to_string(), 0)
    );
    assert_eq!(
        (at("Seoul").start.to_string(), at("Seoul").day_offset),
        ("2022-03-22 01:00:00".to_string(), 1)
    );

    let again = desk.get_meeting(view.meeting.id).unwrap();
    assert_eq!(
        again.input.time, "17:00",
        "the form shows the planner's clock again"
    );
    assert_eq!(desk.list_meetings().unwrap().len(), 1);
}

#[test]
fn an_end_before_the_start_or_a_bad_link_is_refused_by_field_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let mut bad = input("2022-03-21", "17:00", "16:00", vec![]);
    bad.online_link = "javascript:alert(1)".into();
    bad.planned_zone = "Europe/Atlantis".into();
    let err = desk.save_meeting(&bad).unwrap_err().to_ipc();
    let fields: Vec<&str> = err
        .issues
        .iter()
        .filter_map(|i| i.field.as_deref())
        .collect();
    assert!(fields.contains(&"online_link"), "{err:?}");
    assert!(fields.contains(&"planned_zone"), "{err:?}");
    assert!(desk.list_meetings().unwrap().is_empty());

    let gone = attendee(
        &desk,
        "Gone",
        common::city(&desk, "Porto", "PT", "Europe/Lisbon"),
    );
    desk.delete_person(gone.person).unwrap();
    let err = desk
        .save_meeting(&input("2022-03-21", "17:00", "18:00", vec![gone]))
        .unwrap_err()
        .to_ipc();
    assert!(
        err.issues
            .iter()
            .any(|i| i.field.as_deref() == Some("attendees.0.person")),
        "{err:?}"
    );
    assert!(desk.list_meetings().unwrap().is_empty());
}

#[test]
fn the_minutes_print_every_citys_time_and_the_minutes_as_text_and_the_calendar_has_the_instant() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let seoul = common::city(&desk, "서울 Seoul", "KR", "Asia/Seoul");
    let people = vec![attendee(&desk, "Kim Min-jun 김민준", seoul)];
    let view = desk
        .save_meeting(&input("2022-03-21", "17:00", "18:30", people))
        .unwrap();

    desk.save_best_practice(&icp_domain::BestPractice {
        title: "Repair cafés in every district".into(),
        city: Some(seoul),
        themes: vec!["circular_economy".into()],
        summary: "Volunteers fix appliances twice a month".into(),
        meeting: Some(view.meeting.id),
        ..icp_domain::BestPractice::blank(icp_domain::Id::from_bytes([0; 16]))
    })
    .unwrap();

    let pdf = dir.path().join("minutes.pdf");
    desk.export_minutes(view.meeting.id, Paper::A4, &pdf)
        .unwrap();
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("poppler-utils is installed (scripts/deps-debian.sh)");
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "First working meeting",
        "김민준",
        "<script>alert(1)</script> stays text",
        "(+1)",
        "Page 1 of",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // A table cell may wrap a title over two lines.
    let squeezed: String = text.split_whitespace().collect();
    for expected in [
        "Repair cafés in every district",
        "Volunteers fix appliances twice a month",
        "Circular economy",
    ] {
        let wanted: String = expected.split_whitespace().collect();
        assert!(squeezed.contains(&wanted), "{expected:?} not in:\n{text}");
    }

    let ics = desk.meetings_calendar_ics(&MeetingsToExport::All).unwrap();
    let calendar = Calendar::from_str(&ics).expect("a calendar program can read it");
    let event = calendar
        .components
        .iter()
        .find_map(CalendarComponent::as_event)
        .expect("one event");
    assert_eq!(
        event.get_uid(),
        Some(format!("{}@icp-desk", view.meeting.id).as_str())
    );
    match event.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => {
            assert_eq!(t, view.meeting.start)
        }
        other => panic!("expected a UTC start, got {other:?}"),
    }
    let upcoming = desk
        .meetings_calendar_ics(&MeetingsToExport::Upcoming)
        .unwrap();
    assert!(
        !upcoming.contains("BEGIN:VEVENT"),
        "a 2022 meeting is not upcoming"
    );
}

#[test]
fn a_practice_captured_in_a_meeting_is_created_once_then_updated_as_typing_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let meeting = desk
        .save_meeting(&input("2022-03-21", "17:00", "18:30", vec![]))
        .unwrap()
        .meeting;
    let draft = icp_domain::BestPractice {
        themes: vec!["circular_economy".into()],
        summary: "Repair cafés in every ".into(),
        meeting: Some(meeting.id),
        ..icp_domain::BestPractice::blank(icp_domain::Id::from_bytes([0; 16]))
    };
    let first = desk.save_best_practice(&draft).unwrap();
    assert_ne!(first.id, draft.id);
    assert!(!first.captured_at.is_empty());
    let more = icp_domain::BestPractice {
        summary: "Repair cafés in every district".into(),
        ..first.clone()
    };
    let second = desk.save_best_practice(&more).unwrap();
    assert_eq!(
        (second.id, &second.captured_at),
        (first.id, &first.captured_at)
    );
    let listed = desk.list_best_practices(Some(meeting.id)).unwrap();
    assert_eq!(listed, vec![second]);
    assert!(desk
        .list_best_practices(Some(icp_domain::Id::from_parts(1, 1)))
        .unwrap()
        .is_empty());
    let bad = icp_domain::BestPractice {
        themes: vec!["space travel".into()],
        ..more
    };
    assert!(desk.save_best_practice(&bad).is_err());
    assert_eq!(
        desk.list_best_practices(None).unwrap()[0].themes,
        ["circular_economy"],
        "a refused save changes nothing"
    );
}
