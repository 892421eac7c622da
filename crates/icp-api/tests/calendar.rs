//! The visit's calendar file, read back by an independent iCalendar parser (the `icalendar`
//! crate), as a calendar program would import it.

use std::collections::HashSet;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike,
};
use icp_api::{ApiError, Desk};
use icp_domain::StudyVisit;

fn sample() -> (tempfile::TempDir, Desk, StudyVisit) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    desk.load_sample_data().unwrap();
    let visit = desk.list_study_visits().unwrap().remove(0);
    (dir, desk, visit)
}

fn utc(when: Option<DatePerhapsTime>) -> NaiveDateTime {
    match when {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t.naive_utc(),
        other => panic!("expected a UTC date-time, got {other:?}"),
    }
}

#[test]
fn every_session_imports_at_the_instant_the_host_planned_it() {
    let (_dir, desk, visit) = sample();
    let text = desk.visit_calendar_ics(visit.id).unwrap();
    let calendar = Calendar::from_str(&text).expect("a calendar program can read it");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .collect();
    assert_eq!(events.len(), visit.sessions.len());

    let porto = chrono_tz::Europe::Lisbon;
    let mut uids = HashSet::new();
    for s in &visit.sessions {
        let uid = format!("{}-{}@icp-desk", visit.id, s.key);
        let event = events
            .iter()
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("no event for session {}", s.key));
        uids.insert(uid);
        let date = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").unwrap();
        let at = |t: &str| {
            let local = date.and_time(NaiveTime::parse_from_str(t, "%H:%M").unwrap());
            porto.from_local_datetime(&local).unwrap().naive_utc()
        };
        assert_eq!(utc(event.get_start()), at(&s.start), "{}", s.title);
        assert_eq!(utc(event.get_end()), at(&s.end), "{}", s.title);
        let summary = event.get_summary().unwrap();
        assert!(
            summary.contains(&s.title),
            "{summary:?} lacks {:?}",
            s.title
        );
        if !s.venue.is_empty() {
            assert!(event.get_location().unwrap().contains(&s.venue));
        }
    }
    assert_eq!(uids.len(), visit.sessions.len(), "one UID per session");
}

#[test]
fn porto_in_june_is_one_hour_ahead_of_utc_and_durban_sees_it_two_hours_ahead() {
    let (_dir, desk, visit) = sample();
    let calendar = Calendar::from_str(&desk.visit_calendar_ics(visit.id).unwrap()).unwrap();
    let first = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .map(|e| utc(e.get_start()))
        .min()
        .unwrap();
    let s = visit
        .sessions
        .iter()
        .min_by_key(|s| (s.date.clone(), s.start.clone()))
        .unwrap();
    // Lisbon keeps summer time (UTC+1) in June; Durban is UTC+2 all year.
    let porto_clock = chrono::Duration::hours(1);
    assert_eq!(
        (first + porto_clock).format("%Y-%m-%d %H:%M").to_string(),
        format!("{} {}", s.date, s.start)
    );
    let durban = chrono_tz::Africa::Johannesburg.from_utc_datetime(&first);
    assert_eq!(
        durban.naive_local(),
        first + chrono::Duration::hours(2),
        "a delegate in eThekwini sees the session one hour later than Porto's clock"
    );
}

#[test]
fn mixed_scripts_and_separators_survive_the_round_trip() {
    let (_dir, desk, mut visit) = sample();
    let s = &mut visit.sessions[0];
    s.title = "광주 · 臺中 · Łódź; Straße, \"quoted\" \\ back".into();
    s.description = "Line one\nLine two, with a comma; and a semicolon".into();
    let title = s.title.clone();
    let key = s.key.clone();
    desk.save_study_visit(&visit).unwrap();

    let text = desk.visit_calendar_ics(visit.id).unwrap();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let calendar = Calendar::from_str(&text).unwrap();
    let event = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .find(|e| e.get_uid().is_some_and(|u| u.contains(&key)))
        .unwrap();
    assert!(event.get_summary().unwrap().ends_with(&title));
    assert!(event
        .get_description()
        .unwrap()
        .contains("Line one\nLine two, with a comma; and a semicolon"));
}

#[test]
fn a_calendar_export_writes_the_file_or_nothing() {
    let (dir, desk, visit) = sample();
    let out = dir.path().join("visit.ics");
    let bytes = desk.export_visit_calendar(visit.id, &out).unwrap();
    assert_eq!(std::fs::metadata(&out).unwrap().len(), bytes);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR\r\n"));

    let missing = dir.path().join("no-such-folder").join("visit.ics");
    let err = desk.export_visit_calendar(visit.id, &missing).unwrap_err();
    assert!(matches!(err, ApiError::File { .. }), "{err:?}");
    assert!(!missing.exists());
}

#[test]
fn a_visit_whose_host_city_was_deleted_explains_why_it_has_no_calendar() {
    let (_dir, desk, visit) = sample();
    desk.delete_city(visit.host_city).unwrap();
    let err = desk.visit_calendar_ics(visit.id).unwrap_err();
    assert_eq!(err.to_ipc().code, "host_city_unknown");
    assert!(
        err.to_string().contains("no longer in the directory"),
        "{err}"
    );
}
