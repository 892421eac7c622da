//! The best-practice catalogue: a title page, a table of contents with page numbers, one
//! section per theme with each practice's headed fields, and an index of cities.
//!
//! The page numbers in the contents and the index are the pages the headings land on in the
//! final layout. They are found by laying the document out, reading where each heading went,
//! and laying it out again with the numbers, until nothing moves.
//!
//! Like the other documents it takes its own print-side data, already worded for display;
//! the API fills [`CatalogueDocument`] from the practices' records.

use std::collections::BTreeMap;

use icp_domain::text::fold;

use super::cooperation_plan::paragraphs;
use crate::layout::{heading_style, BODY};
use crate::pdf::write_pdf;
use crate::text::{width_mm, TextStyle};
use crate::{layout, wrap, Block, Document, FontSet, Layout, Paper, PrintError};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogueDocument {
    /// "Best-practice catalogue": on the title page and at the top of every page.
    pub title: String,
    /// What was selected: "Theme: Air quality · 12 practices · printed 30 November 2026".
    pub subtitle: String,
    /// One per theme, printed in the order given.
    pub sections: Vec<CatalogueSection>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogueSection {
    /// "Circular economy".
    pub theme: String,
    pub practices: Vec<CataloguePractice>,
}

/// One practice. A practice with several themes comes once in each of their sections.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CataloguePractice {
    pub title: String,
    /// "Łódź, Poland": the index of cities groups by this text.
    pub city: String,
    /// "Reviewed by Ana Silva on 3 May 2023", "Draft".
    pub status: String,
    /// The long texts: blank lines part paragraphs; an empty one prints nothing.
    pub summary: String,
    pub problem: String,
    pub solution: String,
    pub evidence: String,
    pub resources: String,
    pub transferability: String,
    /// One a line.
    pub contacts: Vec<String>,
    /// "Cluster meeting, 12 Oct 2022", "The meeting it came from was deleted.", or "".
    pub meeting: String,
    pub tags: Vec<String>,
    /// All its themes: "Air quality, Energy transition".
    pub themes: String,
}

/// Where the catalogue's headings landed: 1-based physical pages, as "Page X of Y" counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CataloguePages {
    /// The page of each section's theme heading, in the sections' order.
    pub sections: Vec<usize>,
    /// The page of each practice's title, by section and practice in the order given.
    pub practices: Vec<Vec<usize>>,
    /// The page the index of cities starts on; 0 when there is none (nothing to list).
    pub index: usize,
    pub total: usize,
}

/// The final document, its layout and where its headings are.
#[derive(Debug, Clone)]
pub struct LaidOutCatalogue {
    pub document: Document,
    pub layout: Layout,
    pub pages: CataloguePages,
}

/// What an empty catalogue, or an empty theme, prints.
pub const NO_PRACTICES: &str = "No practices match this selection.";
/// What a practice with no text in any field prints.
pub const NONE_RECORDED: &str = "None recorded.";
pub const CONTENTS: &str = "Contents";
pub const CITY_INDEX: &str = "Index of cities";
/// The index's heading for practices whose city is blank.
pub const NO_CITY: &str = "City not recorded";
const DEFAULT_TITLE: &str = "Best-practice catalogue";
/// Each pass only moves numbers whose room is reserved (see [`NUMBER_ROOM`]), so the second
/// pass already finds the same pages; the bound only guards against a loop.
const MAX_PASSES: usize = 4;
/// Room kept for a page number in the contents whatever the number: wrapping a title
/// clear of it means a number's width never changes how many lines an entry takes, so the
/// numbers cannot move the pages they count.
const NUMBER_ROOM: &str = "8888";
/// Extra space above a practice's title, in millimetres.
const PRACTICE_GAP: f32 = 5.0;
/// Contents lines stop this much short of the margin, so the engine never rewraps them.
const LEADER_SLACK: f32 = 0.5;

/// The catalogue as a document to render with [`crate::render_pdf`]. Fonts are needed
/// here, unlike for the other documents: the contents' page numbers come from a layout.
pub fn catalogue(doc: &CatalogueDocument, paper: Paper, fonts: &FontSet) -> Document {
    lay_out_catalogue(doc, paper, fonts).document
}

/// The catalogue as PDF bytes: what an export calls. It writes the layout the page numbers
/// were checked against, where rendering [`catalogue`]'s document would lay it out once more
/// (a fifth of the time at 500 practices).
pub fn catalogue_pdf(
    doc: &CatalogueDocument,
    paper: Paper,
    fonts: &FontSet,
) -> Result<Vec<u8>, PrintError> {
    let laid = lay_out_catalogue(doc, paper, fonts);
    let title = laid.document.header.as_deref().unwrap_or(DEFAULT_TITLE);
    write_pdf(&laid.layout, fonts, title)
}

/// Lays the catalogue out until the page numbers it prints are the pages its headings are
/// on, and says where they are.
pub fn lay_out_catalogue(
    doc: &CatalogueDocument,
    paper: Paper,
    fonts: &FontSet,
) -> LaidOutCatalogue {
    let mut printed: Option<CataloguePages> = None;
    let mut pass = 0;
    loop {
        pass += 1;
        let (document, anchors) = build(doc, paper, fonts, printed.as_ref());
        let lay = layout(&document, fonts);
        let found = anchors.pages(&lay);
        if printed.as_ref() == Some(&found) || pass >= MAX_PASSES {
            return LaidOutCatalogue {
                document,
                layout: lay,
                pages: found,
            };
        }
        printed = Some(found);
    }
}

/// Indices of the top-level blocks whose page the contents and the index print.
#[derive(Default)]
struct Anchors {
    sections: Vec<usize>,
    practices: Vec<Vec<usize>>,
    index: Option<usize>,
}

impl Anchors {
    fn pages(&self, lay: &Layout) -> CataloguePages {
        let mut first_page: BTreeMap<usize, usize> = BTreeMap::new();
        for (p, page) in lay.pages.iter().enumerate() {
            for item in &page.items {
                first_page.entry(item.tag.block).or_insert(p + 1);
            }
        }
        let page = |block: &usize| first_page.get(block).copied().unwrap_or(0);
        CataloguePages {
            sections: self.sections.iter().map(page).collect(),
            practices: self
                .practices
                .iter()
                .map(|s| s.iter().map(page).collect())
                .collect(),
            index: self.index.as_ref().map_or(0, page),
            total: lay.pages.len(),
        }
    }
}

fn or_dash(s: &str) -> String {
    match s.trim() {
        "" => "—".into(),
        t => t.into(),
    }
}

/// A title as one line of text: a line break typed into it would part the entry from its
/// page number.
fn one_line(s: &str) -> String {
    or_dash(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// `text`, then dot leaders to `number` at the right margin. The text wraps clear of the
/// number's room; only its last line carries the leaders.
fn leader_line(fonts: &FontSet, text: &str, number: &str, style: TextStyle, width: f32) -> String {
    let w = |s: &str| width_mm(fonts, s, style);
    let dot = w(".");
    let tail = format!(" {number}");
    let room = w(&format!(" {NUMBER_ROOM}")).max(w(&tail)) + w(" ") + 3.0 * dot + LEADER_SLACK;
    if room > width / 2.0 {
        // A list of pages as wide as half a line: it goes on a line of its own.
        return format!("{text}\n{number}");
    }
    let mut lines = wrap(fonts, text, style, width - room);
    let last = lines.pop().unwrap_or_default();
    let free = width - LEADER_SLACK - w(&last) - w(" ") - w(&tail);
    let dots = ((free / dot).floor() as usize).max(3);
    lines.push(format!("{last} {}{tail}", ".".repeat(dots)));
    lines.join("\n")
}

/// The headed fields of a practice, in print order; blank ones left out.
fn fields(p: &CataloguePractice) -> Vec<(&'static str, Vec<Block>)> {
    let contacts = p
        .contacts
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    [
        ("Summary", p.summary.as_str()),
        ("Problem", &p.problem),
        ("Solution", &p.solution),
        ("Evidence of results", &p.evidence),
        ("Resources needed", &p.resources),
        ("Transferability", &p.transferability),
        ("Contacts", &contacts),
        ("From the meeting", &p.meeting),
    ]
    .into_iter()
    .map(|(name, text)| (name, paragraphs(text)))
    .filter(|(_, body)| !body.is_empty())
    .collect()
}

/// A practice's blocks. Its title, the lines under it and its first field's heading make one
/// group, which keeps with the field's first line: a title never ends a page alone.
fn practice(p: &CataloguePractice) -> Vec<Block> {
    let mut head = vec![heading(2, one_line(&p.title))];
    let join = |parts: &[&str]| {
        parts
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let place = join(&[&p.city, &p.status]);
    let themes = (!p.themes.trim().is_empty()).then(|| format!("Themes: {}", p.themes.trim()));
    let tags = p
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>();
    let tags = (!tags.is_empty()).then(|| format!("Tags: {}", tags.join(", ")));
    let labels = join(&[
        themes.as_deref().unwrap_or(""),
        tags.as_deref().unwrap_or(""),
    ]);
    for line in [place, labels] {
        if !line.is_empty() {
            head.push(Block::Paragraph(line));
        }
    }
    let mut fields = fields(p).into_iter();
    let mut rest = Vec::new();
    match fields.next() {
        None => head.push(Block::Paragraph(NONE_RECORDED.into())),
        Some((name, body)) => {
            head.push(heading(3, name));
            rest.extend(body);
        }
    }
    for (name, body) in fields {
        rest.push(heading(3, name));
        rest.extend(body);
    }
    let mut out = vec![Block::KeepTogether(head)];
    out.extend(rest);
    out
}

/// A practice's title in the index of cities and the pages it starts on.
type IndexEntry = (String, Vec<usize>);

/// The cities in index order, each with its practices' titles and the pages they start on
/// (every page, for a practice printed under several themes), earliest first.
fn city_index(
    doc: &CatalogueDocument,
    pages: Option<&CataloguePages>,
) -> Vec<(String, Vec<IndexEntry>)> {
    // A practice printed in several sections is one entry: same city, same title.
    let mut cities: BTreeMap<(String, String), BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (s, section) in doc.sections.iter().enumerate() {
        for (i, p) in section.practices.iter().enumerate() {
            let city = match p.city.trim() {
                "" => NO_CITY.to_string(),
                c => c.to_string(),
            };
            let page = pages
                .and_then(|pg| pg.practices.get(s)?.get(i).copied())
                .unwrap_or(0);
            cities
                .entry((fold(&city), city))
                .or_default()
                .entry(one_line(&p.title))
                .or_default()
                .push(page);
        }
    }
    cities
        .into_iter()
        .map(|((_, city), practices)| {
            let mut entries: Vec<IndexEntry> = practices
                .into_iter()
                .map(|(title, mut on)| {
                    on.sort_unstable();
                    on.dedup();
                    (title, on)
                })
                .collect();
            entries.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| fold(&a.0).cmp(&fold(&b.0))));
            (city, entries)
        })
        .collect()
}

fn page_list(pages: &[usize]) -> String {
    pages
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The catalogue's blocks, printing the page numbers of `pages` (zeros on the first pass),
/// and which blocks to find the pages of.
fn build(
    doc: &CatalogueDocument,
    paper: Paper,
    fonts: &FontSet,
    pages: Option<&CataloguePages>,
) -> (Document, Anchors) {
    let title = match doc.title.trim() {
        "" => DEFAULT_TITLE,
        t => t,
    };
    let mut blocks = vec![
        heading(3, "ICP AGIR"),
        // A spacer is dropped at the top of a page: the programme's name goes first.
        Block::Spacer(50.0),
        heading(1, title),
    ];
    if !doc.subtitle.trim().is_empty() {
        blocks.push(Block::Spacer(6.0));
        blocks.push(Block::Paragraph(doc.subtitle.trim().into()));
    }
    let mut anchors = Anchors::default();
    let document = |blocks| Document {
        paper,
        header: Some(title.to_string()),
        footer: None,
        blocks,
    };
    if doc.sections.iter().all(|s| s.practices.is_empty()) {
        blocks.push(Block::Spacer(10.0));
        blocks.push(Block::Paragraph(NO_PRACTICES.into()));
        return (document(blocks), anchors);
    }

    let width = crate::layout::Geometry::for_paper(paper).content_width();
    let number = |page: Option<usize>| page.unwrap_or(0).to_string();
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, CONTENTS));
    for (s, section) in doc.sections.iter().enumerate() {
        let on = pages.and_then(|p| p.sections.get(s).copied());
        let line = leader_line(
            fonts,
            &one_line(&section.theme),
            &number(on),
            heading_style(3),
            width,
        );
        blocks.push(heading(3, line));
        if section.practices.is_empty() {
            continue;
        }
        let entries = section
            .practices
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let on = pages.and_then(|pg| pg.practices.get(s)?.get(i).copied());
                leader_line(fonts, &one_line(&p.title), &number(on), BODY, width)
            })
            .collect::<Vec<_>>();
        blocks.push(Block::Paragraph(entries.join("\n")));
    }
    let index_line = leader_line(
        fonts,
        CITY_INDEX,
        &number(pages.map(|p| p.index)),
        heading_style(3),
        width,
    );
    blocks.push(heading(3, index_line));

    for section in &doc.sections {
        blocks.push(Block::PageBreak);
        anchors.sections.push(blocks.len());
        blocks.push(heading(1, one_line(&section.theme)));
        if section.practices.is_empty() {
            blocks.push(Block::Paragraph(NO_PRACTICES.into()));
        }
        let mut starts = Vec::new();
        for (i, p) in section.practices.iter().enumerate() {
            if i > 0 {
                // Parts a practice from the one before more clearly than its heading's own
                // gap. Not after the theme: a spacer would part the theme from its first.
                blocks.push(Block::Spacer(PRACTICE_GAP));
            }
            starts.push(blocks.len());
            blocks.extend(practice(p));
        }
        anchors.practices.push(starts);
    }

    blocks.push(Block::PageBreak);
    anchors.index = Some(blocks.len());
    blocks.push(heading(1, CITY_INDEX));
    for (city, entries) in city_index(doc, pages) {
        blocks.push(heading(3, city));
        let lines = entries
            .iter()
            .map(|(title, on)| leader_line(fonts, title, &page_list(on), BODY, width))
            .collect::<Vec<_>>();
        blocks.push(Block::Paragraph(lines.join("\n")));
    }
    (document(blocks), anchors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::tests::system;
    use crate::layout::Kind;

    fn practice(title: &str, city: &str, summary: &str) -> CataloguePractice {
        CataloguePractice {
            title: title.into(),
            city: city.into(),
            status: "Draft".into(),
            summary: summary.into(),
            themes: "Air quality".into(),
            ..Default::default()
        }
    }

    fn sample() -> CatalogueDocument {
        let long = "Low-emission zones around schools, measured street by street. ".repeat(60);
        CatalogueDocument {
            title: "Best-practice catalogue".into(),
            subtitle: "All themes".into(),
            sections: vec![
                CatalogueSection {
                    theme: "Air quality".into(),
                    practices: (0..12)
                        .map(|i| practice(&format!("Practice {i}"), "Łódź, Poland", &long))
                        .collect(),
                },
                CatalogueSection {
                    theme: "Energy".into(),
                    practices: vec![
                        practice("Practice 3", "Łódź, Poland", &long),
                        practice("광주 태양광", "광주, Korea", ""),
                    ],
                },
            ],
        }
    }

    /// The pages a heading's text is on, read from the layout's text items.
    fn pages_of(lay: &Layout, text: &str, size_pt: f32) -> Vec<usize> {
        let mut on = Vec::new();
        for (p, page) in lay.pages.iter().enumerate() {
            for item in &page.items {
                if let Kind::Text { text: t, style, .. } = &item.kind {
                    if t == text && style.size_pt == size_pt {
                        on.push(p + 1);
                    }
                }
            }
        }
        on
    }

    #[test]
    fn the_pages_found_are_where_the_titles_are_printed() {
        let laid = lay_out_catalogue(&sample(), Paper::A4, system());
        let pages = &laid.pages;
        assert!(pages.total > 8, "{pages:?}");
        assert_eq!(pages.total, laid.layout.pages.len());
        let title = heading_style(2).size_pt;
        for (i, on) in pages.practices[0].iter().enumerate() {
            let printed = pages_of(&laid.layout, &format!("Practice {i}"), title);
            assert!(printed.contains(on), "practice {i}: {on} vs {printed:?}");
        }
        assert_eq!(
            pages_of(&laid.layout, "Practice 3", title),
            [pages.practices[0][3], pages.practices[1][0]]
        );
        assert_eq!(pages_of(&laid.layout, CITY_INDEX, 16.0), [pages.index]);
        // The numbers the contents print are these.
        let toc = format!("{:?}", laid.document.blocks);
        let entry = format!(". {}\\nPractice 6 .", pages.practices[0][5]);
        assert!(toc.contains(&entry), "{entry} not in {toc}");
    }

    #[test]
    fn an_empty_practice_says_none_recorded_and_blank_fields_print_nothing() {
        let blocks = super::practice(&practice("Bare", "", ""));
        assert_eq!(blocks.len(), 1);
        let Block::KeepTogether(head) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(head.last(), Some(&Block::Paragraph(NONE_RECORDED.into())));
        let mut full = practice("Full", "Porto", "One.\n\nTwo.");
        full.contacts = vec![" ".into(), "Ana Silva".into()];
        full.meeting = "The meeting it came from was deleted.".into();
        let blocks = super::practice(&full);
        let text = format!("{blocks:?}");
        for expected in ["Summary", "Contacts", "From the meeting", "Two."] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        assert!(!text.contains("Problem"), "{text}");
    }

    #[test]
    fn an_empty_catalogue_is_its_title_page() {
        let doc = CatalogueDocument {
            title: " ".into(),
            ..Default::default()
        };
        let laid = lay_out_catalogue(&doc, Paper::Letter, system());
        assert_eq!(laid.pages.total, 1);
        assert!(laid
            .document
            .blocks
            .contains(&Block::Paragraph(NO_PRACTICES.into())));
        assert_eq!(laid.document.header.as_deref(), Some(DEFAULT_TITLE));
    }

    #[test]
    fn leaders_end_at_the_margin_and_a_long_title_wraps_clear_of_the_number() {
        let fonts = system();
        let title = "A long title about low-emission zones, 광주 and Łódź ".repeat(4);
        let line = leader_line(fonts, title.trim(), "123", BODY, 170.0);
        let lines: Vec<&str> = line.lines().collect();
        assert!(lines.len() >= 2, "{lines:?}");
        let last = lines[lines.len() - 1];
        assert!(last.ends_with("... 123"), "{last}");
        let w = width_mm(fonts, last, BODY);
        let dot = width_mm(fonts, ".", BODY);
        assert!(
            w <= 170.0 - LEADER_SLACK && w > 170.0 - LEADER_SLACK - dot,
            "{w}"
        );
        for l in &lines[..lines.len() - 1] {
            assert!(!l.contains("..."), "{l}");
        }
    }
}
