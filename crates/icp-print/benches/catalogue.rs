//! The best-practice catalogue at the programme's scale: 500 practices in Latin with
//! diacritics, Korean and Chinese across 4 themes (every seventh under two), laid out until
//! its page numbers hold and written as PDF, with the fonts already found.
//!   cargo bench -p icp-print --bench catalogue

use criterion::{criterion_group, criterion_main, Criterion};
use icp_print::documents::catalogue::{
    catalogue_pdf, lay_out_catalogue, CatalogueDocument, CataloguePractice, CatalogueSection,
};
use icp_print::{layout, FontSet, Paper};

const THEMES: [&str; 4] = [
    "Air quality",
    "Circular economy",
    "Energy transition",
    "Urban mobility",
];
const CITIES: [&str; 6] = [
    "Łódź, Poland",
    "광주 Gwangju, Korea",
    "臺中 Taichung, Taiwan",
    "Zürich, Switzerland",
    "Évora, Portugal",
    "Besançon, France",
];

fn practice(i: usize, themes: &[usize]) -> CataloguePractice {
    let (title, sentence) = match i % 3 {
        0 => (
            format!("Practice {i}: school streets in Łódź and Besançon"),
            "Parents, teachers and the mobility office close the street at school time. ",
        ),
        1 => (
            format!("사례 {i}: 광주 시민 태양광 협동조합"),
            "시민들이 지붕 위 태양광 패널에 함께 투자하고 수익을 나눕니다. ",
        ),
        _ => (
            format!("实践 {i}：臺中市的共享单车与空气质量"),
            "市民骑自行车上学和上班，空气质量明显改善。",
        ),
    };
    CataloguePractice {
        title,
        city: CITIES[i % CITIES.len()].into(),
        status: "Reviewed by Ana Silva on 3 May 2023".into(),
        summary: sentence.repeat(3),
        problem: sentence.repeat(6),
        solution: format!("{}\n\n{}", sentence.repeat(10), sentence.repeat(4)),
        evidence: sentence.repeat(3),
        resources: "Two staff for a year; € 40 000 from the city's budget.".into(),
        transferability: sentence.repeat(2),
        contacts: vec!["Łukasz Wałęsa".into(), "김민지, 광주광역시".into()],
        meeting: "Cluster meeting, 12 Oct 2022".into(),
        tags: vec!["schools".into(), "학교".into()],
        themes: themes
            .iter()
            .map(|&t| THEMES[t])
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn document() -> CatalogueDocument {
    let themes_of = |i: usize| {
        let mut t = vec![i % 4];
        if i.is_multiple_of(7) {
            t.push((i + 1) % 4);
        }
        t.sort_unstable();
        t
    };
    CatalogueDocument {
        title: "Best-practice catalogue".into(),
        subtitle: "All themes · 500 practices · printed 30 November 2026".into(),
        sections: (0..THEMES.len())
            .map(|s| CatalogueSection {
                theme: THEMES[s].into(),
                practices: (0..500)
                    .filter(|&i| themes_of(i).contains(&s))
                    .map(|i| practice(i, &themes_of(i)))
                    .collect(),
            })
            .collect(),
    }
}

fn bench(c: &mut Criterion) {
    let fonts = FontSet::from_system().expect("the Noto fonts");
    let doc = document();
    let laid = lay_out_catalogue(&doc, Paper::A4, &fonts);
    eprintln!("the catalogue has {} pages", laid.pages.total);
    let mut group = c.benchmark_group("catalogue");
    group.sample_size(10);
    group.bench_function(
        "500 practices, 4 themes: lay out and render the PDF, A4",
        |b| b.iter(|| catalogue_pdf(&doc, Paper::A4, &fonts).expect("the pdf")),
    );
    group.bench_function("lay out only (passes until the numbers hold)", |b| {
        b.iter(|| lay_out_catalogue(&doc, Paper::A4, &fonts))
    });
    group.bench_function("one layout of the final document", |b| {
        b.iter(|| layout(&laid.document, &fonts))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
