//! The study-visit issue's reference document: a six-day, 60-session, mixed-script itinerary
//! printed in-process (fonts already found, as in a running app).
//!   cargo bench -p icp-api --bench itinerary
//! It also writes the PDF to $TMPDIR/icp-bench-itinerary.pdf and prints its size, and sets up the
//! data folder $TMPDIR/icp-bench-data for timing the whole `icp-desk print itinerary` process.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use icp_api::{Desk, NewStudyVisit, Paper};
use icp_domain::{Session, SessionKind};

const KINDS: [SessionKind; 6] = [
    SessionKind::Plenary,
    SessionKind::Roundtable,
    SessionKind::SiteVisit,
    SessionKind::Workshop,
    SessionKind::Meal,
    SessionKind::Transfer,
];

const TITLES: [&str; 6] = [
    "Circular economy in Łódź and München: what transfers",
    "광주광역시 에너지 전환 계획 발표와 토론",
    "臺中市與普拉托的合作：空氣品質監測",
    "Site visit to the Gdańsk-style waste sorting centre, Straße der Zukunft 12",
    "Lunch with the host city's stakeholders",
    "Transfer by coach to the port and back",
];

fn setup(dir: &std::path::Path) -> (Desk, icp_domain::Id) {
    let desk = Desk::open(dir).unwrap();
    let city = |name: &str, country: &str, zone: &str| common::city(&desk, name, country, zone);
    let porto = city("Porto", "PT", "Europe/Lisbon");
    let delegation = vec![
        city("eThekwini", "ZA", "Africa/Johannesburg"),
        city("광주", "KR", "Asia/Seoul"),
        city("臺中", "TW", "Asia/Taipei"),
        city("Łódź", "PL", "Europe/Warsaw"),
    ];
    let mut visit = desk
        .create_study_visit(&NewStudyVisit {
            title: "Benchmark visit: Łódź, 광주, 臺中 in Porto".into(),
            host_city: Some(porto),
            delegation,
            start_date: "2022-10-10".into(),
            days: 6,
        })
        .unwrap()
        .visit;
    for day in 0..6 {
        for n in 0..10u32 {
            let i = (day * 10 + n) as usize;
            visit.sessions.push(Session {
                key: format!("s{i}"),
                date: format!("2022-10-{:02}", 10 + day),
                start: format!("{:02}:00", 8 + n),
                end: format!("{:02}:50", 8 + n),
                kind: KINDS[i % KINDS.len()],
                title: TITLES[i % TITLES.len()].into(),
                description: "Presentations by both cities, then questions from the delegation; \
                              발표 후 질의응답; 雙方城市簡報後提問."
                    .into(),
                venue: "Porto City Hall, Salão Nobre".into(),
                address: "Praça General Humberto Delgado, 4049-001 Porto".into(),
                speakers: vec!["Nomvula Dlamini".into(), "김민지".into(), "陳美玲".into()],
                notes: String::new(),
            });
        }
    }
    desk.save_study_visit(&visit).unwrap();
    (desk, visit.id)
}

fn bench(c: &mut Criterion) {
    let data = std::env::temp_dir().join("icp-bench-data");
    let _ = std::fs::remove_dir_all(&data);
    let (desk, id) = setup(&data);
    let bytes = desk.itinerary_pdf(id, Paper::A4).unwrap();
    let out = std::env::temp_dir().join("icp-bench-itinerary.pdf");
    std::fs::write(&out, &bytes).unwrap();
    println!(
        "itinerary: {} bytes written to {}",
        bytes.len(),
        out.display()
    );
    let mut group = c.benchmark_group("itinerary");
    group.sample_size(20);
    group.bench_function("six days, 60 sessions, A4, in process", |b| {
        b.iter(|| desk.itinerary_pdf(id, Paper::A4).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
