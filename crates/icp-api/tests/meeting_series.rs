//! Series of meetings through the API: the rule gives the meetings, a change to the series
//! carries over to them, and what was written in a meeting is never lost to a changed rule.

mod common;

use std::str::FromStr;

use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use icp_api::{Desk, MeetingsToExport};
use icp_domain::meeting::{
    BelongsTo, MeetingInput, MeetingKind, MeetingSeries, SeriesRule, WeekOfMonth, Weekday,
};
use icp_domain::Id;

/// The first working meetings: the 2nd Tuesday of each month, 15:00 Brussels, six dates.
fn series() -> MeetingSeries {
    MeetingSeries {
        id: Id::from_bytes([0; 16]),
        title: "Working meeting".into(),
        kind: MeetingKind::WorkingMeeting,
        belongs_to: BelongsTo::Programme,
        rule: SeriesRule::Monthly {
            every: 1,
            week: WeekOfMonth::Second,
            weekday: Weekday::Tuesday,
        },
        time: "15:00".into(),
        planned_zone: "Europe/Brussels".into(),
        duration_minutes: 90,
        from: "2022-01-01".into(),
        until: String::new(),
        count: Some(6),
        skipped: vec![],
        moved: vec![],
        online_link: "https://meet.example.org/working".into(),
        venue: String::new(),
        sample: false,
    }
}

fn brussels(desk: &Desk, id: Id) -> String {
    let m = desk.get_meeting(id).unwrap();
    format!("{} {}", m.input.date, m.input.time)
}

#[test]
fn a_new_series_gives_its_meetings_each_at_the_planners_wall_clock() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let view = desk
        .save_series(&MeetingSeries {
            skipped: vec!["2022-03-08".into()],
            ..series()
        })
        .unwrap();
    assert_ne!(view.series.id, Id::from_bytes([0; 16]));
    assert_eq!(view.meetings.len(), 5, "six dates, one skipped");
    let meetings = desk.list_meetings().unwrap();
    assert_eq!(meetings.len(), 5);
    for row in &view.meetings {
        let id = row.meeting.expect("each date has its meeting");
        let wall = brussels(&desk, id);
        assert!(wall.ends_with(" 15:00"), "{wall}");
    }
    // Across the switch to summer time the instant moves, the Brussels time does not.
    let starts: Vec<String> = meetings.iter().map(|m| m.start.to_rfc3339()).collect();
    assert_eq!(starts[0], "2022-01-11T14:00:00+00:00");
    assert_eq!(starts[2], "2022-04-12T13:00:00+00:00");
    assert!(meetings.iter().all(|m| m.series == Some(view.series.id)));
    assert_eq!(desk.get_series(view.series.id).unwrap(), view);
}

#[test]
fn a_change_to_the_series_follows_into_its_meetings_but_not_over_what_was_changed_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let saved = desk.save_series(&series()).unwrap();
    let ids: Vec<Id> = saved.meetings.iter().filter_map(|r| r.meeting).collect();

    // The second meeting gets minutes, the third its own title, the fourth another time.
    let edit = |id: Id, change: &dyn Fn(&mut MeetingInput)| {
        let mut input = desk.get_meeting(id).unwrap().input;
        change(&mut input);
        desk.save_meeting(&input).unwrap();
    };
    edit(ids[1], &|i| i.minutes = "We heard from Porto.".into());
    edit(ids[2], &|i| i.title = "Working meeting with guests".into());
    edit(ids[3], &|i| {
        i.time = "10:00".into();
        i.end = "11:30".into();
    });

    // Now at 16:00, and no meeting on the 2nd Tuesdays of February (minutes) or May (empty).
    let changed = desk
        .save_series(&MeetingSeries {
            time: "16:00".into(),
            skipped: vec!["2022-02-08".into(), "2022-05-10".into()],
            ..saved.series.clone()
        })
        .unwrap();
    assert_eq!(changed.meetings.len(), 4);
    let kept: Vec<_> = changed
        .warnings
        .iter()
        .filter(|w| w.code == "meeting_kept")
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", changed.warnings);
    assert!(
        kept[0].message.contains("8 Feb 2022"),
        "{}",
        kept[0].message
    );

    let february = desk.get_meeting(ids[1]).unwrap().meeting;
    assert_eq!(february.minutes, "We heard from Porto.");
    assert_eq!(february.series, None, "kept as a meeting of its own");
    assert!(
        desk.get_meeting(ids[4]).is_err(),
        "the empty May meeting is gone"
    );

    assert_eq!(brussels(&desk, ids[0]), "2022-01-11 16:00");
    let march = desk.get_meeting(ids[2]).unwrap().meeting;
    assert_eq!(march.title, "Working meeting with guests");
    assert_eq!(brussels(&desk, ids[2]), "2022-03-08 16:00");
    assert_eq!(
        brussels(&desk, ids[3]),
        "2022-04-12 10:00",
        "moved by hand, it stays"
    );
    assert_eq!(desk.list_meetings().unwrap().len(), 5);
}

#[test]
fn bad_input_is_refused_by_field_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let bad = MeetingSeries {
        planned_zone: "Europe/Atlantis".into(),
        from: "2022-05-01".into(),
        until: "2022-04-01".into(),
        count: None,
        rule: SeriesRule::Weekly {
            every: 0,
            weekday: Weekday::Monday,
        },
        online_link: "javascript:alert(1)".into(),
        ..series()
    };
    for err in [
        desk.save_series(&bad).unwrap_err().to_ipc(),
        desk.preview_series(&bad).unwrap_err().to_ipc(),
    ] {
        let fields: Vec<&str> = err
            .issues
            .iter()
            .filter_map(|i| i.field.as_deref())
            .collect();
        for f in ["planned_zone", "until", "rule.every", "online_link"] {
            assert!(fields.contains(&f), "{f} missing from {err:?}");
        }
    }
    assert!(desk.list_series().unwrap().is_empty());
    assert!(desk.list_meetings().unwrap().is_empty());

    let preview = desk.preview_series(&series()).unwrap();
    assert_eq!(preview.meetings.len(), 6);
    assert!(preview.meetings.iter().all(|r| r.meeting.is_none()));
    assert!(
        desk.list_series().unwrap().is_empty(),
        "a preview writes nothing"
    );
}

#[test]
fn deleting_a_series_keeps_the_meetings_something_was_written_in() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let saved = desk.save_series(&series()).unwrap();
    let first = saved.meetings[0].meeting.unwrap();
    let mut input = desk.get_meeting(first).unwrap().input;
    input.decisions = vec!["Meet in Porto in June".into()];
    desk.save_meeting(&input).unwrap();
    // Nothing written in the second, but a participant evaluated it: it stays too.
    let second = saved.meetings[1].meeting.unwrap();
    desk.save_evaluation(&icp_domain::Evaluation {
        id: Id::from_bytes([0; 16]),
        subject: icp_domain::evaluation::EvaluationSubject::Meeting(second),
        respondent: String::new(),
        city: None,
        ratings: vec![],
        comment: "Useful".into(),
        submitted_at: String::new(),
        sample: false,
    })
    .unwrap();

    assert_eq!(desk.delete_series(saved.series.id).unwrap(), 2);
    let left = desk.list_meetings().unwrap();
    assert_eq!(left.len(), 2);
    assert_eq!((left[0].id, left[0].series), (first, None));
    assert_eq!((left[1].id, left[1].series), (second, None));
    assert!(desk.list_series().unwrap().is_empty());
    assert!(desk.delete_series(saved.series.id).is_err());
}

#[test]
fn a_series_calendar_has_each_of_its_meetings_at_its_instant() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let saved = desk.save_series(&series()).unwrap();
    // A meeting outside the series is not in its calendar.
    let other = MeetingSeries {
        title: "Another".into(),
        count: Some(1),
        ..series()
    };
    desk.save_series(&other).unwrap();

    let ics = desk
        .meetings_calendar_ics(&MeetingsToExport::Series {
            id: saved.series.id,
        })
        .unwrap();
    let calendar = Calendar::from_str(&ics).expect("a calendar program can read it");
    let starts: Vec<_> = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .map(|e| match e.get_start() {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
            other => panic!("expected a UTC start, got {other:?}"),
        })
        .collect();
    let expected: Vec<_> = saved.meetings.iter().map(|r| r.start).collect();
    assert_eq!(starts, expected);

    let one = saved.meetings[2].meeting.unwrap();
    let ics = desk
        .meetings_calendar_ics(&MeetingsToExport::Meeting { id: one })
        .unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(desk
        .meetings_calendar_ics(&MeetingsToExport::Series {
            id: Id::from_parts(1, 1)
        })
        .is_err());
}

#[test]
fn the_sample_has_each_clusters_series_and_the_sample_pairs_meetings_with_a_practice() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let loaded = desk.load_sample_data().unwrap();
    assert_eq!(loaded.pairings, 1);
    assert_eq!(loaded.meetings, 4 * 7 + 4);
    assert_eq!(desk.list_series().unwrap().len(), 5);
    let pair = desk.list_pairings().unwrap().remove(0);
    let ours: Vec<_> = desk
        .list_meetings()
        .unwrap()
        .into_iter()
        .filter(|m| m.belongs_to == BelongsTo::Pairing(pair.id))
        .collect();
    assert_eq!(ours.len(), 4);
    assert!(ours.iter().all(|m| m.attendees.len() == 2));
    let view = desk.get_meeting(ours[0].id).unwrap();
    let names: Vec<&str> = view.local_times.iter().map(|l| l.name.as_str()).collect();
    assert!(
        names.contains(&"Porto") && names.iter().any(|n| n.starts_with("eThekwini")),
        "{names:?}"
    );
    assert_eq!(desk.list_best_practices(Some(ours[0].id)).unwrap().len(), 1);
    // Loading again adds nothing.
    assert_eq!(desk.load_sample_data().unwrap().meetings, 0);
    assert_eq!(desk.list_pairings().unwrap().len(), 1);
}
