//! The meetings issue's reference meeting: 200 agenda items and 100 attendees from 28 cities
//! across the programme's zones, loaded as its page loads it (record, every city's local time,
//! warnings), saved as its form saves it, and its minutes printed.
//!   cargo bench -p icp-api --bench meeting

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use icp_api::{Desk, Paper};
use icp_domain::meeting::{AgendaItem, Attendee, BelongsTo, MeetingInput, MeetingKind};
use icp_domain::{Id, Person};

/// Seven zones, four cities in each: 28 cities from Vancouver to Seoul.
const ZONES: [(&str, &str); 7] = [
    ("CA", "America/Vancouver"),
    ("CA", "America/Toronto"),
    ("PT", "Europe/Lisbon"),
    ("DE", "Europe/Berlin"),
    ("ZA", "Africa/Johannesburg"),
    ("SG", "Asia/Singapore"),
    ("KR", "Asia/Seoul"),
];

fn setup(dir: &std::path::Path) -> (Desk, Id) {
    let desk = Desk::open(dir).unwrap();
    let cities: Vec<Id> = (0..28)
        .map(|i| {
            let (country, zone) = ZONES[i % ZONES.len()];
            common::city(&desk, &format!("City {i}"), country, zone)
        })
        .collect();
    let people: Vec<Id> = (0..100)
        .map(|i| {
            desk.add_person(&Person {
                city: Some(cities[i % cities.len()]),
                ..common::person(&format!("Participant {i} 참가자"))
            })
            .unwrap()
            .id
        })
        .collect();
    let input = MeetingInput {
        id: None,
        title: "Closing conference".into(),
        kind: MeetingKind::ClosingConference,
        belongs_to: BelongsTo::Programme,
        date: "2023-10-17".into(),
        time: "09:00".into(),
        end: "18:00".into(),
        end_date: String::new(),
        planned_zone: "Europe/Brussels".into(),
        online_link: "https://meet.example.org/closing".into(),
        venue: "Brussels".into(),
        agenda: (0..200)
            .map(|i| AgendaItem {
                title: format!("Item {i}: what the cities learnt, 도시들이 배운 것"),
                presenter: Some(people[i % people.len()]),
                minutes: 5,
            })
            .collect(),
        attendees: people
            .iter()
            .enumerate()
            .map(|(i, p)| Attendee {
                person: *p,
                guest_speaker: i % 10 == 0,
            })
            .collect(),
        minutes: "The cities reported on their cooperation plans.\n".repeat(200),
        decisions: vec!["Publish the best-practice library".into(); 20],
        actions: vec![],
        series: None,
        occurrence: None,
    };
    let id = desk.save_meeting(&input).unwrap().meeting.id;
    (desk, id)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (desk, id) = setup(dir.path());
    let view = desk.get_meeting(id).unwrap();
    println!(
        "meeting: {} agenda items, {} attendees, {} local times",
        view.meeting.agenda.len(),
        view.meeting.attendees.len(),
        view.local_times.len()
    );
    let mut group = c.benchmark_group("meeting");
    group.sample_size(30);
    group.bench_function("load: 200 agenda items, 100 attendees, 28 cities", |b| {
        b.iter(|| desk.get_meeting(id).unwrap())
    });
    group.bench_function("save the same meeting", |b| {
        b.iter(|| desk.save_meeting(&view.input).unwrap())
    });
    group.sample_size(10);
    group.bench_function("print its minutes, A4", |b| {
        b.iter(|| desk.minutes_pdf(id, Paper::A4).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
