//! Pagination: blocks are cut into unbreakable chunks (a line of a paragraph, a table row,
//! a key–value pair, a whole keep-together group), then placed top-down page by page.
//! The result is plain positioned boxes, so it can be checked without writing a PDF.

use crate::blocks::{Block, Column, Document};
use crate::fonts::{FontSet, Style};
use crate::linebreak::wrap;

use crate::text::{runs, TextStyle};
use crate::MM_PER_PT;

mod model;
mod running;
mod timeline;

pub use model::{Geometry, Kind, Layout, Page, Part, Placed, Rect, Shade, Split, Tag};
use running::Running;

pub(crate) const BODY: TextStyle = TextStyle {
    style: Style::Regular,
    size_pt: 10.0,
};
const TABLE_BODY: TextStyle = TextStyle {
    style: Style::Regular,
    size_pt: 9.0,
};
const TABLE_HEAD: TextStyle = TextStyle {
    style: Style::Bold,
    size_pt: 9.0,
};
const CHROME: TextStyle = TextStyle {
    style: Style::Regular,
    size_pt: 8.0,
};
const CELL_PAD: f32 = 1.2;
const PARAGRAPH_GAP: f32 = 2.5;

fn line_height(ts: TextStyle) -> f32 {
    ts.size_pt * 1.4 * MM_PER_PT
}

pub(crate) fn heading_style(level: u8) -> TextStyle {
    let size_pt = match level {
        0 | 1 => 16.0,
        2 => 13.0,
        _ => 11.0,
    };
    TextStyle {
        style: Style::Bold,
        size_pt,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ChunkKind {
    Normal,
    /// A table or timeline row: on a fresh page the header row `head` (an index into
    /// `Builder::heads`) goes first.
    Row {
        head: usize,
    },
    PageBreak,
    Spacer,
}

/// An unbreakable piece; item rects are relative to the chunk's top.
#[derive(Debug, Clone)]
struct Chunk {
    height: f32,
    items: Vec<Placed>,
    keep_with_next: bool,
    kind: ChunkKind,
}

impl Chunk {
    fn new(kind: ChunkKind) -> Chunk {
        Chunk {
            height: 0.0,
            items: Vec::new(),
            keep_with_next: false,
            kind,
        }
    }
}

/// A column of wrapped lines inside a multi-column chunk (a table row, a key–value pair).
struct Cell {
    x: f32,
    lines: Vec<String>,
    style: TextStyle,
}

fn text_item(fonts: &FontSet, text: String, style: TextStyle, x: f32, y: f32, tag: Tag) -> Placed {
    let lh = line_height(style);
    let rs = runs(fonts, &text, style);
    let w = rs.iter().map(|r| r.width_mm).sum();
    Placed {
        rect: Rect { x, y, w, h: lh },
        // Centres the em box in the line box; 0.8 em is roughly the ascent.
        kind: Kind::Text {
            text,
            style,
            runs: rs,
            baseline: y + (lh - style.size_pt * MM_PER_PT) / 2.0 + 0.8 * style.size_pt * MM_PER_PT,
        },
        tag,
    }
}

/// Lays out cells side by side; one chunk normally, several when the cells are taller
/// than `max_h` (then the lines are shared out so no chunk is taller than a page).
fn cell_chunks(
    fonts: &FontSet,
    cells: &[Cell],
    tag: Tag,
    kind: ChunkKind,
    rule_x: Option<(f32, f32)>,
    max_h: f32,
) -> (Vec<Chunk>, bool) {
    let lh = cells
        .iter()
        .map(|c| line_height(c.style))
        .fold(0.0_f32, f32::max);
    let n_lines = cells
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let pad = if rule_x.is_some() { CELL_PAD } else { 0.0 };
    let per_chunk = (((max_h - 2.0 * pad) / lh).floor() as usize).max(1);
    let mut chunks = Vec::new();
    let mut first = 0;
    while first < n_lines {
        let last = (first + per_chunk).min(n_lines);
        let mut chunk = Chunk::new(kind);
        for cell in cells {
            for (i, line) in cell.lines.iter().enumerate().take(last).skip(first) {
                let y = pad + (i - first) as f32 * lh;
                chunk
                    .items
                    .push(text_item(fonts, line.clone(), cell.style, cell.x, y, tag));
            }
        }
        chunk.height = (last - first) as f32 * lh + 2.0 * pad;
        if let Some((x, w)) = rule_x {
            chunk.items.push(Placed {
                rect: Rect {
                    x,
                    y: chunk.height,
                    w,
                    h: 0.0,
                },
                kind: Kind::Rule,
                tag,
            });
        }
        chunks.push(chunk);
        first = last;
    }
    let split = chunks.len() > 1;
    (chunks, split)
}

struct Builder<'a> {
    fonts: &'a FontSet,
    geo: Geometry,
    /// Header chunk of each table and timeline, repeated on continuation pages.
    heads: Vec<Chunk>,
    /// Tables and timeline charts so far, each numbered apart for their tags.
    tables: usize,
    charts: usize,
    splits: Vec<Split>,
}

impl Builder<'_> {
    fn block(&mut self, block: &Block, index: usize, out: &mut Vec<Chunk>) {
        let x0 = self.geo.margin_x;
        let width = self.geo.content_width();
        let max_h = self.geo.content_height();
        let tag = Tag {
            block: index,
            part: Part::Body,
        };
        match block {
            Block::Heading { level, text } => {
                let style = heading_style(*level);
                let lines = wrap(self.fonts, text, style, width);
                let gap_before = style.size_pt * 0.5 * MM_PER_PT;
                let cell = Cell {
                    x: x0,
                    lines,
                    style,
                };
                let (mut chunks, _) = cell_chunks(
                    self.fonts,
                    std::slice::from_ref(&cell),
                    tag,
                    ChunkKind::Normal,
                    None,
                    max_h - gap_before - 1.5,
                );
                for (i, c) in chunks.iter_mut().enumerate() {
                    if i == 0 {
                        shift(&mut c.items, gap_before);
                        c.height += gap_before;
                    }
                    c.keep_with_next = true;
                }
                if let Some(c) = chunks.last_mut() {
                    c.height += 1.5;
                }
                out.extend(chunks);
            }
            Block::Paragraph(text) => {
                let lines = wrap(self.fonts, text, BODY, width);
                let n = lines.len();
                for (i, line) in lines.into_iter().enumerate() {
                    let mut c = Chunk::new(ChunkKind::Normal);
                    c.items
                        .push(text_item(self.fonts, line, BODY, x0, 0.0, tag));
                    c.height = line_height(BODY) + if i + 1 == n { PARAGRAPH_GAP } else { 0.0 };
                    out.push(c);
                }
            }
            Block::KeyValue(pairs) => {
                let key_w = width * 0.32;
                let key_style = TextStyle {
                    style: Style::Bold,
                    ..BODY
                };
                for (key, value) in pairs {
                    let cells = [
                        Cell {
                            x: x0,
                            lines: wrap(self.fonts, key, key_style, key_w - 3.0),
                            style: key_style,
                        },
                        Cell {
                            x: x0 + key_w,
                            lines: wrap(self.fonts, value, BODY, width - key_w),
                            style: BODY,
                        },
                    ];
                    let (mut chunks, _) =
                        cell_chunks(self.fonts, &cells, tag, ChunkKind::Normal, None, max_h);
                    if let Some(c) = chunks.last_mut() {
                        c.height += 1.0;
                    }
                    out.extend(chunks);
                }
                if let Some(c) = out.last_mut() {
                    c.height += PARAGRAPH_GAP - 1.0;
                }
            }
            Block::Table { columns, rows } => self.table(columns, rows, index, out),
            Block::Timeline(chart) => self.timeline(chart, index, out),
            Block::KeepTogether(children) => {
                let mut inner = Vec::new();
                for child in children {
                    self.block(child, index, &mut inner);
                }
                let total: f32 = inner.iter().map(|c| c.height).sum();
                let breaks = inner.iter().any(|c| c.kind == ChunkKind::PageBreak);
                if total <= max_h && !breaks {
                    let mut group = Chunk::new(ChunkKind::Normal);
                    // A group that ends with a heading must not be left without what the
                    // heading introduces, as the heading alone would not be.
                    group.keep_with_next = inner.last().is_some_and(|c| c.keep_with_next);
                    for c in inner {
                        let mut items = c.items;
                        shift(&mut items, group.height);
                        group.items.extend(items);
                        group.height += c.height;
                    }
                    out.push(group);
                } else {
                    // Taller than a page: splitting is the only way to print it at all.
                    if !inner.is_empty() {
                        self.splits.push(Split::Group { block: index });
                    }
                    out.extend(inner);
                }
            }
            Block::PageBreak => out.push(Chunk::new(ChunkKind::PageBreak)),
            Block::Spacer(mm) => {
                let mut c = Chunk::new(ChunkKind::Spacer);
                c.height = if mm.is_finite() {
                    mm.clamp(0.0, max_h)
                } else {
                    0.0
                };
                out.push(c);
            }
        }
    }

    fn table(
        &mut self,
        columns: &[Column],
        rows: &[Vec<String>],
        index: usize,
        out: &mut Vec<Chunk>,
    ) {
        let table = self.tables;
        self.tables += 1;
        let head_index = self.heads.len();
        let x0 = self.geo.margin_x;
        let width = self.geo.content_width();
        let fractions: Vec<f32> = columns
            .iter()
            .map(|c| {
                if c.width_fraction.is_finite() && c.width_fraction > 0.0 {
                    c.width_fraction
                } else {
                    1.0
                }
            })
            .collect();
        let sum: f32 = fractions.iter().sum::<f32>().max(f32::MIN_POSITIVE);
        let mut lefts = Vec::new();
        let mut x = x0;
        for f in &fractions {
            let w = width * f / sum;
            lefts.push((x, w));
            x += w;
        }
        let cells_of = |texts: &mut dyn Iterator<Item = &str>, style: TextStyle| -> Vec<Cell> {
            lefts
                .iter()
                .zip(texts)
                .map(|((x, w), text)| Cell {
                    x: x + CELL_PAD,
                    lines: wrap(self.fonts, text, style, (w - 2.0 * CELL_PAD).max(1.0)),
                    style,
                })
                .collect()
        };
        let head_tag = Tag {
            block: index,
            part: Part::TableHeader { table },
        };
        let head_cells = cells_of(&mut columns.iter().map(|c| c.title.as_str()), TABLE_HEAD);
        let (mut head, too_tall) = cell_chunks(
            self.fonts,
            &head_cells,
            head_tag,
            ChunkKind::Normal,
            Some((x0, width)),
            self.geo.content_height() / 3.0,
        );
        head[0].items.push(Placed {
            rect: Rect {
                x: x0,
                y: 0.0,
                w: width,
                h: 0.0,
            },
            kind: Kind::Rule,
            tag: head_tag,
        });
        for chunk in &mut head {
            chunk.keep_with_next = true;
        }
        let row_max = if too_tall {
            // Repeated on every page, a header taller than a third of one would leave the
            // rows little room: it prints once, whole, and continuation pages go without.
            out.extend(head);
            self.heads.push(Chunk::new(ChunkKind::Normal));
            self.splits.push(Split::TableHeader { table });
            self.geo.content_height()
        } else {
            let head = head.swap_remove(0);
            out.push(head.clone());
            let max = self.geo.content_height() - head.height;
            self.heads.push(head);
            max
        };
        for (r, row) in rows.iter().enumerate() {
            let tag = Tag {
                block: index,
                part: Part::Row { table, row: r },
            };
            // Missing cells print empty; extra cells have no column to go in.
            let mut texts = row
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat(""))
                .take(columns.len());
            let cells = cells_of(&mut texts, TABLE_BODY);
            let (chunks, split) = cell_chunks(
                self.fonts,
                &cells,
                tag,
                ChunkKind::Row { head: head_index },
                Some((x0, width)),
                row_max,
            );
            if split {
                self.splits.push(Split::Row { table, row: r });
            }
            out.extend(chunks);
        }
        if let Some(c) = out.last_mut() {
            c.height += PARAGRAPH_GAP;
        }
    }
}

fn shift(items: &mut [Placed], dy: f32) {
    for it in items {
        it.rect.y += dy;
        if let Kind::Text { baseline, .. } = &mut it.kind {
            *baseline += dy;
        }
    }
}

/// Lays the document out on pages, then adds the running header and "Page X of Y".
pub fn layout(doc: &Document, fonts: &FontSet) -> Layout {
    let running = Running::new(doc, fonts, Geometry::for_paper(doc.paper));
    let geo = running.geometry;
    let mut b = Builder {
        fonts,
        geo,
        heads: Vec::new(),
        tables: 0,
        charts: 0,
        splits: Vec::new(),
    };
    let mut chunks = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        b.block(block, i, &mut chunks);
    }
    let top = geo.content_top();
    let bottom = geo.content_bottom();
    let mut pages = vec![Page::default()];
    let mut y = top;
    for i in 0..chunks.len() {
        let chunk = &chunks[i];
        let page_used = y > top;
        match chunk.kind {
            ChunkKind::PageBreak => {
                if page_used {
                    pages.push(Page::default());
                    y = top;
                }
                continue;
            }
            ChunkKind::Spacer => {
                if page_used {
                    y = (y + chunk.height).min(bottom);
                }
                continue;
            }
            ChunkKind::Normal | ChunkKind::Row { .. } => {}
        }
        // A heading keeps with what follows, and a table's header row with its first row, so
        // a heading over a table keeps with both: the chain is followed to its end, as far as
        // it fits a page.
        let mut need = chunk.height;
        let mut last = i;
        while chunks[last].keep_with_next {
            match chunks.get(last + 1) {
                Some(next)
                    if matches!(next.kind, ChunkKind::Normal | ChunkKind::Row { .. })
                        && need + next.height <= geo.content_height() =>
                {
                    need += next.height;
                    last += 1;
                }
                _ => break,
            }
        }
        if page_used && y + need > bottom + 1e-3 {
            pages.push(Page::default());
            y = top;
            if let ChunkKind::Row { head } = chunk.kind {
                let head = &b.heads[head];
                place(&mut pages, head, y);
                y += head.height;
            }
        }
        place(&mut pages, chunk, y);
        y += chunk.height;
    }
    running.add_to(fonts, &mut pages);
    Layout {
        geometry: geo,
        pages,
        splits: b.splits,
    }
}

fn place(pages: &mut [Page], chunk: &Chunk, y: f32) {
    if let Some(page) = pages.last_mut() {
        let mut items = chunk.items.clone();
        shift(&mut items, y);
        page.items.extend(items);
    }
}

#[cfg(test)]
mod tests;
