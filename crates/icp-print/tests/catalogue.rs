//! A best-practice catalogue of 40 practices over three themes, printed and read back with
//! poppler's `pdftotext`: the page numbers the contents and the index of cities print must be
//! the pages the practices' titles are found on in the PDF itself.

mod readback;

use icp_domain::text::fold;
use icp_print::documents::catalogue::{
    catalogue, catalogue_pdf, lay_out_catalogue, CatalogueDocument, CataloguePractice,
    CatalogueSection, CITY_INDEX, CONTENTS, NONE_RECORDED, NO_PRACTICES,
};
use icp_print::{render_pdf, Paper};
use readback::{fonts, run, squash, squeezed};

const TITLE: &str = "Best-practice catalogue";
const SUBTITLE: &str = "All themes · 40 practices · printed 30 November 2026";
const THEMES: [&str; 3] = ["Air quality", "Circular economy", "Energy transition"];
const CITIES: [&str; 7] = [
    "Łódź, Poland",
    "광주 Gwangju, Korea",
    "臺中 Taichung, Taiwan",
    "Zürich, Switzerland",
    "Besançon, France",
    "Aarhus, Denmark",
    "Évora, Portugal",
];
const PRACTICES: usize = 40;
/// The practice printed with every field blank.
const BARE: usize = 13;
/// The practice whose solution runs over several pages, and the sentence that ends it.
const LONG: usize = 10;
const LONG_END: &str = "Here the long solution ends, in Łódź and 광주.";

/// Practice `i`'s title, in Latin with diacritics, Korean or Chinese by turns; one is long
/// enough to wrap in the contents.
fn title(i: usize) -> String {
    match i % 4 {
        _ if i == 7 => format!(
            "Pratique {i} : réemploi des matériaux de déconstruction dans les écoles de \
             Besançon et de Zürich, avec les entreprises d'insertion"
        ),
        0 => format!("Practice {i}: low-emission school streets in Łódź"),
        1 => format!("사례 {i}: 광주 시민 태양광 협동조합"),
        2 => format!("实践 {i}：臺中市的共享单车与空气质量"),
        _ => format!("Pratique {i} : réemploi des matériaux à Besançon"),
    }
}

fn practice(i: usize, themes: &[usize]) -> CataloguePractice {
    if i == BARE {
        return CataloguePractice {
            title: title(i),
            city: CITIES[i % CITIES.len()].into(),
            status: "Draft".into(),
            ..Default::default()
        };
    }
    let sentence = match i % 3 {
        0 => "Parents, teachers and the city's mobility office close the street at school time. ",
        1 => "시민들이 지붕 위 태양광 패널에 함께 투자하고 수익을 나눕니다. ",
        _ => "市民骑自行车上学和上班，空气质量明显改善。",
    };
    let solution = if i == LONG {
        format!("{}\n\n{LONG_END}", sentence.repeat(600))
    } else {
        format!("{}\n\n{}", sentence.repeat(12), sentence.repeat(5))
    };
    CataloguePractice {
        title: title(i),
        city: CITIES[i % CITIES.len()].into(),
        status: if i.is_multiple_of(2) {
            "Reviewed by Ana Silva on 3 May 2023".into()
        } else {
            "Draft".into()
        },
        summary: sentence.repeat(4),
        problem: if i % 5 == 4 {
            String::new()
        } else {
            sentence.repeat(8)
        },
        solution,
        evidence: sentence.repeat(3),
        resources: "Two staff for a year; € 40 000 from the city's budget.".into(),
        transferability: sentence.repeat(2),
        contacts: vec![
            "Łukasz Wałęsa, city of Łódź".into(),
            "김민지, 광주광역시".into(),
        ],
        meeting: if i.is_multiple_of(6) {
            "The meeting it came from was deleted.".into()
        } else {
            "Cluster meeting, 12 Oct 2022".into()
        },
        tags: vec!["schools".into(), "학교".into()],
        themes: themes
            .iter()
            .map(|&t| THEMES[t])
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Each practice under its theme `i % 3`; every fifth also under the next theme.
fn document() -> CatalogueDocument {
    let themes_of = |i: usize| {
        let mut t = vec![i % 3];
        if i.is_multiple_of(5) {
            t.push((i + 1) % 3);
        }
        t.sort_unstable();
        t
    };
    let sections = (0..THEMES.len())
        .map(|s| CatalogueSection {
            theme: THEMES[s].into(),
            practices: (0..PRACTICES)
                .filter(|&i| themes_of(i).contains(&s))
                .map(|i| practice(i, &themes_of(i)))
                .collect(),
        })
        .collect();
    CatalogueDocument {
        title: TITLE.into(),
        subtitle: SUBTITLE.into(),
        sections,
    }
}

/// How the PDF is made: the export's one call, or the document rendered as any other.
#[derive(Clone, Copy)]
enum Via {
    Export,
    Document,
}

/// Each page's text as `pdftotext -layout` gives it.
fn print(doc: &CatalogueDocument, paper: Paper, via: Via, path: &str) -> Vec<String> {
    let pdf = match via {
        Via::Export => catalogue_pdf(doc, paper, fonts()),
        Via::Document => render_pdf(&catalogue(doc, paper, fonts()), fonts()),
    }
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(path, &pdf).expect("write the pdf");
    let count: usize = run("pdfinfo", &[path])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    (1..=count)
        .map(|k| {
            let k = k.to_string();
            run("pdftotext", &["-layout", "-f", &k, "-l", &k, path, "-"])
        })
        .collect()
}

/// A page's lines between the running header and the footer, blanks collapsed.
fn body_lines(page: &str) -> Vec<String> {
    let lines: Vec<String> = page.lines().map(squash).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.first().map(String::as_str), Some(TITLE), "{page}");
    assert!(
        lines.last().is_some_and(|l| l.starts_with("Page ")),
        "{page}"
    );
    lines[1..lines.len() - 1].to_vec()
}

/// Entries with dot leaders, in order: (title, white space removed; the page numbers). A
/// line without leaders is the start of a wrapped entry unless `is_heading` says otherwise.
fn leader_entries(
    lines: &[String],
    is_heading: impl Fn(&str) -> bool,
) -> Vec<(String, Vec<usize>)> {
    let mut entries = Vec::new();
    let mut pending = String::new();
    for line in lines {
        match line.find("....") {
            Some(at) => {
                let numbers = line[at..].trim_start_matches(['.', ' ']);
                let pages = numbers
                    .split(", ")
                    .map(|n| n.parse().unwrap_or_else(|_| panic!("page {n:?} in {line}")))
                    .collect();
                entries.push((squeezed(&format!("{pending}{}", &line[..at])), pages));
                pending.clear();
            }
            None if is_heading(line) => pending.clear(),
            None => pending.push_str(line),
        }
    }
    assert!(pending.is_empty(), "an entry without its page: {pending}");
    entries
}

/// The pages a title is found on in the sections, from the PDF's text alone: the sections are
/// read in order, each practice's title after the one before it.
fn found_pages(
    doc: &CatalogueDocument,
    pages: &[Vec<String>],
    toc: &[(String, Vec<usize>)],
) -> Vec<Vec<usize>> {
    let mut found = Vec::new();
    let mut toc = toc.iter();
    for section in &doc.sections {
        let (theme, on) = toc.next().expect("a contents entry per theme");
        assert_eq!(theme, &squeezed(&section.theme));
        let start = on[0];
        // The theme starts its page.
        assert_eq!(
            pages[start - 1].first().map(|l| squeezed(l)),
            Some(squeezed(&section.theme)),
            "page {start}"
        );
        let (mut page, mut at) = (start, 0);
        let mut section_pages = Vec::new();
        for p in &section.practices {
            let needle = squeezed(&p.title);
            loop {
                let text: String = pages[page - 1].iter().map(|l| squeezed(l)).collect();
                if let Some(pos) = text[at..].find(&needle) {
                    at += pos + needle.len();
                    break;
                }
                page += 1;
                at = 0;
                assert!(page <= pages.len(), "{} not found", p.title);
            }
            section_pages.push(page);
            let (entry, printed) = toc.next().expect("a contents entry per practice");
            assert_eq!(entry, &needle);
            assert_eq!(
                printed,
                &vec![page],
                "the contents say {} is on page {printed:?}; it is on page {page}",
                p.title
            );
        }
        found.push(section_pages);
    }
    found
}

fn check(paper: Paper, via: Via, path: &str) {
    let doc = document();
    let raw = print(&doc, paper, via, path);
    let total = raw.len();
    assert!(total >= 25, "only {total} pages");
    for (k, page) in raw.iter().enumerate() {
        assert!(
            squash(page).contains(&format!("Page {} of {total}", k + 1)),
            "page {}",
            k + 1
        );
    }
    let pages: Vec<Vec<String>> = raw.iter().map(|p| body_lines(p)).collect();
    let title_page = squash(&raw[0]);
    assert!(title_page.contains(SUBTITLE) && title_page.contains("ICP AGIR"));

    // The contents: from page 2, as long as the pages hold leader lines.
    assert_eq!(pages[1][0], CONTENTS);
    let toc_pages = 1 + pages[1..]
        .iter()
        .take_while(|p| p.iter().any(|l| l.contains("....")))
        .count();
    let toc_lines: Vec<String> = pages[1..toc_pages].concat();
    let toc = leader_entries(&toc_lines, |l| l == CONTENTS);
    let practice_count: usize = doc.sections.iter().map(|s| s.practices.len()).sum();
    assert!(
        practice_count > PRACTICES,
        "some practices are in two themes"
    );
    assert_eq!(toc.len(), THEMES.len() + practice_count + 1, "{toc:#?}");

    let found = found_pages(&doc, &pages, &toc);
    let (index_entry, index_on) = toc.last().expect("the index's entry");
    assert_eq!(index_entry, &squeezed(CITY_INDEX));
    let index_start = index_on[0];
    assert_eq!(pages[index_start - 1][0], CITY_INDEX);
    assert!(index_start > found.iter().flatten().copied().max().unwrap_or(0));

    // What the engine says matches what was read back.
    let laid = lay_out_catalogue(&doc, paper, fonts());
    assert_eq!(laid.pages.practices, found);
    assert_eq!(laid.pages.index, index_start);
    assert_eq!(laid.pages.total, total);

    // The index of cities: cities in order, each practice with every page it starts on.
    let index_lines: Vec<String> = pages[index_start - 1..].concat();
    let city_headings: Vec<String> = index_lines
        .iter()
        .filter(|l| CITIES.contains(&l.as_str()))
        .cloned()
        .collect();
    let mut expected_cities = CITIES.to_vec();
    expected_cities.sort_by_key(|c| fold(c));
    assert_eq!(city_headings, expected_cities);
    let entries = leader_entries(&index_lines, |l| l == CITY_INDEX || CITIES.contains(&l));
    assert_eq!(entries.len(), PRACTICES, "{entries:#?}");
    for i in 0..PRACTICES {
        let needle = squeezed(&title(i));
        let mut on: Vec<usize> = doc
            .sections
            .iter()
            .zip(&found)
            .flat_map(|(s, f)| s.practices.iter().zip(f))
            .filter(|(p, _)| squeezed(&p.title) == needle)
            .map(|(_, &page)| page)
            .collect();
        on.sort_unstable();
        assert_eq!(
            on.len(),
            if i.is_multiple_of(5) { 2 } else { 1 },
            "{}",
            title(i)
        );
        let printed = entries.iter().find(|(t, _)| *t == needle);
        assert_eq!(printed.map(|e| &e.1), Some(&on), "{}", title(i));
        // Under its own city's heading.
        let city = CITIES[i % CITIES.len()];
        let under = index_lines
            .iter()
            .take_while(|l| {
                // Its entry's line, or the first of its lines when it wraps.
                let l = squeezed(l);
                !(l.starts_with(&needle) || needle.starts_with(&l))
            })
            .filter(|l| CITIES.contains(&l.as_str()))
            .last();
        assert_eq!(under.map(String::as_str), Some(city), "{}", title(i));
    }

    // Every script as typed, the blank practice, the long text over several pages.
    let all = squeezed(&raw.concat());
    for expected in [
        "Łukasz Wałęsa, city of Łódź",
        "김민지, 광주광역시",
        "市民骑自行车上学和上班，空气质量明显改善。",
        "réemploi des matériaux à Besançon",
        "Themes: Air quality, Circular economy · Tags: schools, 학교",
        "Reviewed by Ana Silva on 3 May 2023",
        "The meeting it came from was deleted.",
        "From the meeting",
        "Evidence of results",
        NONE_RECORDED,
    ] {
        assert!(
            all.contains(&squeezed(expected)),
            "{expected} not read back"
        );
    }
    let long_at = found[LONG % 3][doc.sections[LONG % 3]
        .practices
        .iter()
        .position(|p| p.title == title(LONG))
        .expect("the long practice")];
    let end_on = (1..=total)
        .find(|&k| squeezed(&raw[k - 1]).contains(&squeezed(LONG_END)))
        .expect("the long solution's end");
    assert!(end_on >= long_at + 2, "title on {long_at}, end on {end_on}");
}

#[test]
fn contents_and_index_print_the_pages_the_titles_are_on_a4() {
    // Kept as a sample to look at.
    check(Paper::A4, Via::Export, "/tmp/catalogue-sample.pdf");
}

#[test]
fn contents_and_index_print_the_pages_the_titles_are_on_letter() {
    let path =
        std::env::temp_dir().join(format!("icp-catalogue-letter-{}.pdf", std::process::id()));
    check(Paper::Letter, Via::Document, path.to_str().expect("a path"));
    let _ = std::fs::remove_file(path);
}

#[test]
fn an_empty_catalogue_prints_its_title_page_and_says_so() {
    let doc = CatalogueDocument {
        title: TITLE.into(),
        subtitle: "Theme: Air quality · 0 practices · printed 30 November 2026".into(),
        sections: vec![],
    };
    let path = std::env::temp_dir().join(format!("icp-catalogue-empty-{}.pdf", std::process::id()));
    let pages = print(&doc, Paper::A4, Via::Export, path.to_str().expect("a path"));
    let _ = std::fs::remove_file(&path);
    assert_eq!(pages.len(), 1);
    let text = squash(&pages[0]);
    for expected in [TITLE, &doc.subtitle, NO_PRACTICES, "Page 1 of 1"] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    assert!(
        !text.contains(CONTENTS) && !text.contains(CITY_INDEX),
        "{text}"
    );
}
