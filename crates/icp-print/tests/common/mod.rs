//! A cluster meeting planned in Berlin with cities in Korea, Poland and Canada, and the people
//! of the directory it names: the meeting documents' tests share it.

#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use icp_domain::meeting::{ActionItem, ActionStatus, AgendaItem, Attendee, BelongsTo};
use icp_domain::{CityZone, Id, Meeting, MeetingKind, Person};

pub const TITLE: &str = "Circular economy; Łódź, 광주 & 臺中";
/// Typed with a script, HTML and an ampersand, which must print as typed.
pub const SCRIPT: &str = "<script>alert('x')</script> <b>bold</b> & <img src=x onerror=alert(1)>";
pub const LINK: &str = "https://meet.example.org/icp-agir/circular;room=2,a?pwd=Xy1";
pub const VENUE: &str = "Rathaus, Room 3; floor 2";

pub fn id(n: u128) -> Id {
    Id::from_parts(1_650_000_000_000, n)
}

pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

pub fn cities() -> Vec<CityZone> {
    vec![
        CityZone::new(id(101), "Berlin", chrono_tz::Europe::Berlin),
        CityZone::new(id(102), "광주", chrono_tz::Asia::Seoul),
        CityZone::new(id(103), "Łódź", chrono_tz::Europe::Warsaw),
        CityZone::new(id(104), "Vancouver", chrono_tz::America::Vancouver),
    ]
}

fn person(n: u128, name: &str, city: Option<u128>) -> Person {
    Person {
        id: id(n),
        name: name.into(),
        role: String::new(),
        organisation: None,
        city: city.map(id),
        email: String::new(),
        phone: String::new(),
        languages: vec![],
        sample: false,
    }
}

pub fn people() -> Vec<Person> {
    vec![
        person(1, "김민지", Some(102)),
        person(2, "Łukasz Wałęsa", Some(103)),
        person(3, "Anna Schmidt", Some(101)),
        person(4, "Jean Tremblay", Some(104)),
        person(5, "Ola Nordmann", None),
    ]
}

/// Monday 21 March 2022, 16:30–18:00 in Berlin (CET): 00:30 on Tuesday in 광주 (Seoul's clock),
/// 08:30 in Vancouver, which has been on PDT for a week.
pub fn meeting(minutes: &str) -> Meeting {
    Meeting {
        id: id(900),
        title: TITLE.into(),
        kind: MeetingKind::ClusterMeeting,
        belongs_to: BelongsTo::Cluster(id(500)),
        start: utc(2022, 3, 21, 15, 30),
        planned_zone: "Europe/Berlin".into(),
        duration_minutes: 90,
        online_link: LINK.into(),
        venue: VENUE.into(),
        agenda: vec![
            AgendaItem {
                title: "Welcome, and the cluster's plan; 2022".into(),
                presenter: Some(id(1)),
                minutes: 10,
            },
            AgendaItem {
                title: "Łódź's textile reuse".into(),
                presenter: Some(id(2)),
                minutes: 45,
            },
            AgendaItem {
                title: "Open questions".into(),
                presenter: None,
                minutes: 20,
            },
        ],
        attendees: vec![
            Attendee {
                person: id(2),
                guest_speaker: false,
            },
            Attendee {
                person: id(1),
                guest_speaker: false,
            },
            Attendee {
                person: id(4),
                guest_speaker: true,
            },
            Attendee {
                person: id(5),
                guest_speaker: false,
            },
        ],
        minutes: minutes.into(),
        decisions: vec!["Next meeting in April, hosted by 광주".into()],
        actions: vec![ActionItem {
            text: "Send the textile study to every city".into(),
            owner: Some(id(2)),
            due: Some("2022-03-28".into()),
            status: ActionStatus::Open,
        }],
        series: None,
        occurrence: None,
        sample: false,
    }
}
