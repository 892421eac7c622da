//! A timeline chart (a Gantt chart by month): the label column on the left, a month grid
//! across the rest of the text width. The header row (years over months) is repeated on
//! every page the chart continues on, like a table's, and a row is never split.

use super::{
    line_height, text_item, Builder, Chunk, ChunkKind, Kind, Part, Placed, Rect, Shade, Split, Tag,
    CELL_PAD, PARAGRAPH_GAP, TABLE_BODY, TABLE_HEAD,
};
use crate::blocks::{Month, Timeline};
use crate::fonts::Style;
use crate::linebreak::wrap;
use crate::text::{width_mm, TextStyle};

/// The label column's share of the text width.
pub(crate) const LABEL_FRACTION: f32 = 0.3;
/// A bar's height, and the gap left between a bar and its month's edges.
pub(crate) const BAR_HEIGHT: f32 = 3.0;
pub(crate) const BAR_INSET: f32 = 0.2;

const YEAR: TextStyle = TextStyle {
    style: Style::Bold,
    size_pt: 7.5,
};
const MONTH: TextStyle = TextStyle {
    style: Style::Regular,
    size_pt: 7.0,
};
const NOTE: TextStyle = TextStyle {
    style: Style::Regular,
    size_pt: 8.0,
};
/// Space kept between two labels in the header.
const LABEL_GAP: f32 = 0.8;

/// Where the grid is: its left edge, the width of one month, and the month count.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Grid {
    pub(crate) left: f32,
    pub(crate) month_w: f32,
    pub(crate) months: usize,
}

impl Grid {
    pub(crate) fn new(x0: f32, width: f32, months: usize) -> Grid {
        let label_w = width * LABEL_FRACTION;
        Grid {
            left: x0 + label_w,
            month_w: (width - label_w) / months.max(1) as f32,
            months,
        }
    }

    /// The bar for months `first` to `last` (included), cut at the period's end; `None`
    /// when it lies wholly outside the period.
    pub(crate) fn bar_x(&self, first: usize, last: usize) -> Option<(f32, f32)> {
        let (a, b) = (first.min(last), first.max(last));
        if a >= self.months {
            return None;
        }
        let b = b.min(self.months - 1);
        let x = self.left + a as f32 * self.month_w;
        let w = (b - a + 1) as f32 * self.month_w;
        let inset = BAR_INSET.min(w / 4.0);
        Some((x + inset, w - 2.0 * inset))
    }

    /// The x of month `i`'s left edge.
    fn x(&self, i: usize) -> f32 {
        self.left + i as f32 * self.month_w
    }
}

/// Months where a new year starts (not the first month: the grid's edge marks that).
fn year_starts(months: &[Month]) -> Vec<usize> {
    (1..months.len())
        .filter(|&i| months[i].year != months[i - 1].year)
        .collect()
}

fn vrule(x: f32, y: f32, h: f32, tag: Tag) -> Placed {
    Placed {
        rect: Rect { x, y, w: 0.0, h },
        kind: Kind::VRule,
        tag,
    }
}

fn hrule(x: f32, y: f32, w: f32, tag: Tag) -> Placed {
    Placed {
        rect: Rect { x, y, w, h: 0.0 },
        kind: Kind::Rule,
        tag,
    }
}

impl Builder<'_> {
    pub(super) fn timeline(&mut self, chart: &Timeline, index: usize, out: &mut Vec<Chunk>) {
        let number = self.charts;
        self.charts += 1;
        let head_index = self.heads.len();
        let x0 = self.geo.margin_x;
        let width = self.geo.content_width();
        let grid = Grid::new(x0, width, chart.months.len());
        let label_w = grid.left - x0;
        let years = year_starts(&chart.months);

        let head = self.timeline_head(chart, number, index, grid);
        out.push(head.clone());
        let row_max = self.geo.content_height() - head.height;
        self.heads.push(head);

        for (r, row) in chart.rows.iter().enumerate() {
            let tag = Tag {
                block: index,
                part: Part::TimelineRow {
                    chart: number,
                    row: r,
                },
            };
            let text_w = (label_w - 2.0 * CELL_PAD).max(1.0);
            let mut lines: Vec<(String, TextStyle)> =
                wrap(self.fonts, &row.label, TABLE_BODY, text_w)
                    .into_iter()
                    .map(|l| (l, TABLE_BODY))
                    .collect();
            if !row.note.trim().is_empty() {
                lines.extend(
                    wrap(self.fonts, &row.note, NOTE, text_w)
                        .into_iter()
                        .map(|l| (l, NOTE)),
                );
            }
            // At least one line's height, so a row without a label still shows its bars.
            let min_h = line_height(TABLE_BODY);
            // Cut into chunks no taller than a page would allow (only a label of hundreds
            // of lines needs more than one).
            let mut pieces: Vec<Vec<(String, TextStyle)>> = vec![Vec::new()];
            let mut h = 0.0;
            for line in lines {
                let lh = line_height(line.1);
                let piece = pieces.last_mut().expect("never empty");
                if !piece.is_empty() && h + lh + 2.0 * CELL_PAD > row_max {
                    pieces.push(Vec::new());
                    h = 0.0;
                }
                pieces.last_mut().expect("never empty").push(line);
                h += lh;
            }
            if pieces.len() > 1 {
                self.splits.push(Split::TimelineRow {
                    chart: number,
                    row: r,
                });
            }
            for (p, piece) in pieces.into_iter().enumerate() {
                let mut chunk = Chunk::new(ChunkKind::Row { head: head_index });
                let mut y = CELL_PAD;
                for (text, style) in piece {
                    chunk
                        .items
                        .push(text_item(self.fonts, text, style, x0 + CELL_PAD, y, tag));
                    y += line_height(style);
                }
                chunk.height = (y - CELL_PAD).max(min_h) + 2.0 * CELL_PAD;
                if p == 0 {
                    let bar_y = (chunk.height - BAR_HEIGHT) / 2.0;
                    for &(first, last) in &row.bars {
                        if let Some((x, w)) = grid.bar_x(first, last) {
                            chunk.items.push(Placed {
                                rect: Rect {
                                    x,
                                    y: bar_y,
                                    w,
                                    h: BAR_HEIGHT,
                                },
                                kind: Kind::Fill { shade: Shade::Bar },
                                tag,
                            });
                        }
                    }
                }
                chunk.items.push(vrule(grid.left, 0.0, chunk.height, tag));
                for &i in &years {
                    chunk.items.push(vrule(grid.x(i), 0.0, chunk.height, tag));
                }
                chunk.items.push(hrule(x0, chunk.height, width, tag));
                out.push(chunk);
            }
        }
        if let Some(c) = out.last_mut() {
            c.height += PARAGRAPH_GAP;
        }
    }

    /// The header row: the label column's title, then the years over the months, on a
    /// light tint.
    fn timeline_head(&self, chart: &Timeline, number: usize, index: usize, grid: Grid) -> Chunk {
        let x0 = self.geo.margin_x;
        let width = self.geo.content_width();
        let right = x0 + width;
        let tag = Tag {
            block: index,
            part: Part::TimelineHeader { chart: number },
        };
        let mut chunk = Chunk::new(ChunkKind::Normal);
        chunk.keep_with_next = true;
        let label_w = grid.left - x0;
        let mut y = CELL_PAD;
        for line in wrap(
            self.fonts,
            &chart.label_title,
            TABLE_HEAD,
            (label_w - 2.0 * CELL_PAD).max(1.0),
        ) {
            chunk.items.push(text_item(
                self.fonts,
                line,
                TABLE_HEAD,
                x0 + CELL_PAD,
                y,
                tag,
            ));
            y += line_height(TABLE_HEAD);
        }
        let year_top = CELL_PAD;
        let month_top = year_top + line_height(YEAR);
        let grid_h = month_top + line_height(MONTH);
        chunk.height = y.max(grid_h) + CELL_PAD;

        // Years: at the start of each year's columns, when the name fits among them (a
        // period starting in December gives that first year one column only) or, for whole
        // years too narrow for their number, when it keeps clear of the one before.
        let months = &chart.months;
        let mut last_end = f32::MIN;
        let mut start = 0;
        while start < months.len() {
            let end = (start..months.len())
                .find(|&i| months[i].year != months[start].year)
                .unwrap_or(months.len());
            let text = months[start].year.to_string();
            let w = width_mm(self.fonts, &text, YEAR);
            let x = grid.x(start) + LABEL_GAP / 2.0;
            let room = if end - start >= 12 {
                right
            } else {
                grid.x(end).min(right)
            };
            if x >= last_end + LABEL_GAP && x + w <= room {
                chunk
                    .items
                    .push(text_item(self.fonts, text, YEAR, x, year_top, tag));
                last_end = x + w;
            }
            start = end;
        }

        // Months: every one when they fit, else every 2nd, 3rd or 6th, on the calendar's
        // own rhythm (Jan, Apr, Jul, Oct), each with a tick; none when even that is too tight.
        let widest = months
            .iter()
            .map(|m| width_mm(self.fonts, m.short_name(), MONTH))
            .fold(0.0_f32, f32::max);
        let step = [1_u32, 2, 3, 6]
            .into_iter()
            .find(|&n| widest + LABEL_GAP * 1.5 <= n as f32 * grid.month_w);
        if let Some(step) = step {
            for (i, m) in months.iter().enumerate() {
                if (m.month.clamp(1, 12) - 1) % step != 0 {
                    continue;
                }
                let x = grid.x(i);
                let name = m.short_name();
                if x + LABEL_GAP / 2.0 + width_mm(self.fonts, name, MONTH) > right {
                    continue;
                }
                chunk
                    .items
                    .push(vrule(x, month_top, grid_h - month_top, tag));
                chunk.items.push(text_item(
                    self.fonts,
                    name.to_string(),
                    MONTH,
                    x + LABEL_GAP / 2.0,
                    month_top,
                    tag,
                ));
            }
        }

        let h = chunk.height;
        chunk.items.insert(
            0,
            Placed {
                rect: Rect {
                    x: x0,
                    y: 0.0,
                    w: width,
                    h,
                },
                kind: Kind::Fill { shade: Shade::Tint },
                tag,
            },
        );
        chunk.items.push(vrule(grid.left, 0.0, h, tag));
        for i in year_starts(months) {
            chunk.items.push(vrule(grid.x(i), 0.0, h, tag));
        }
        chunk.items.push(hrule(x0, 0.0, width, tag));
        chunk.items.push(hrule(x0, h, width, tag));
        chunk
    }
}
