//! The running header and footer, and "Page X of Y".

use super::{line_height, text_item, Geometry, Page, Part, Tag, CHROME};
use crate::blocks::Document;
use crate::fonts::FontSet;
use crate::linebreak::wrap;
use crate::text::width_mm;

/// The running header and footer, wrapped like any text. The margins grow to make room for
/// them, so a long title never runs into the body and is never cut.
pub(super) struct Running {
    pub(super) geometry: Geometry,
    header: Vec<String>,
    footer: Vec<String>,
}

/// Space between the running text and the body.
const RUNNING_GAP: f32 = 6.0;
/// Most printers cannot print nearer than this to the paper's edge.
const PAPER_EDGE: f32 = 10.0;

impl Running {
    pub(super) fn new(doc: &Document, fonts: &FontSet, base: Geometry) -> Running {
        let width = base.content_width();
        // The page count is not known before pagination, which itself depends on the
        // footer's height: keep room for a number as wide as any document will have.
        let number_room = width_mm(fonts, "Page 8888 of 8888", CHROME) + 5.0;
        let lines = |text: &Option<String>, width: f32| match text {
            Some(t) => at_most_a_quarter_page(fonts, wrap(fonts, t, CHROME, width), width, base),
            None => Vec::new(),
        };
        let header = lines(&doc.header, width);
        let footer = lines(&doc.footer, width - number_room);
        let lh = line_height(CHROME);
        let needed = |n: usize| PAPER_EDGE + n.max(1) as f32 * lh + RUNNING_GAP;
        let geometry = Geometry {
            margin_top: base.margin_top.max(needed(header.len())),
            margin_bottom: base.margin_bottom.max(needed(footer.len())),
            ..base
        };
        Running {
            geometry,
            header,
            footer,
        }
    }

    pub(super) fn add_to(&self, fonts: &FontSet, pages: &mut [Page]) {
        let geo = self.geometry;
        let total = pages.len();
        let lh = line_height(CHROME);
        let header_top = geo.margin_top - RUNNING_GAP - self.header.len() as f32 * lh;
        let footer_top = geo.content_bottom() + RUNNING_GAP;
        let place = |page: &mut Page, lines: &[String], top: f32, part: Part| {
            let tag = Tag {
                block: usize::MAX,
                part,
            };
            for (i, line) in lines.iter().enumerate() {
                let y = top + i as f32 * lh;
                page.items
                    .push(text_item(fonts, line.clone(), CHROME, geo.margin_x, y, tag));
            }
        };
        for (i, page) in pages.iter_mut().enumerate() {
            place(page, &self.header, header_top, Part::PageHeader);
            place(page, &self.footer, footer_top, Part::PageFooter);
            let number = format!("Page {} of {}", i + 1, total);
            let x = geo.margin_x + geo.content_width() - width_mm(fonts, &number, CHROME);
            let tag = Tag {
                block: usize::MAX,
                part: Part::PageFooter,
            };
            page.items
                .push(text_item(fonts, number, CHROME, x, footer_top, tag));
        }
    }
}

/// Running text may take at most a quarter of the page, or nothing would be left for the
/// body: only past that (a header of hundreds of words) are the lines cut, and the cut is
/// marked with "…".
fn at_most_a_quarter_page(
    fonts: &FontSet,
    mut lines: Vec<String>,
    width: f32,
    geo: Geometry,
) -> Vec<String> {
    let max = ((geo.height / 4.0 - PAPER_EDGE - RUNNING_GAP) / line_height(CHROME)).floor();
    let max = (max as usize).max(1);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width_mm(fonts, &format!("{last}…"), CHROME) > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}
