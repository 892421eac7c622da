//! What pagination produces: pages of positioned boxes, in millimetres from the top-left
//! corner, each tagged with the block it came from, so layout can be checked without a PDF.

use crate::paper::Paper;
use crate::text::{Run, TextStyle};

/// Page size and margins in millimetres. Body text stays inside the margins; the running
/// header and footer sit in the top and bottom margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin_x: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
}

impl Geometry {
    pub fn for_paper(paper: Paper) -> Geometry {
        let (width, height) = paper.size_mm();
        Geometry {
            width,
            height,
            margin_x: 20.0,
            margin_top: 22.0,
            margin_bottom: 22.0,
        }
    }
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }
    pub fn content_top(&self) -> f32 {
        self.margin_top
    }
    pub fn content_bottom(&self) -> f32 {
        self.height - self.margin_bottom
    }
    pub fn content_height(&self) -> f32 {
        self.content_bottom() - self.content_top()
    }
}

/// A box in millimetres from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Where a placed box came from, so tests can check what belongs together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Body,
    /// The header row of table `table` (numbered in document order).
    TableHeader {
        table: usize,
    },
    /// Row `row` of table `table`.
    Row {
        table: usize,
        row: usize,
    },
    /// The header row (years and months) of timeline chart `chart` (numbered in document
    /// order, apart from tables).
    TimelineHeader {
        chart: usize,
    },
    /// Row `row` of timeline chart `chart`.
    TimelineRow {
        chart: usize,
        row: usize,
    },
    PageHeader,
    PageFooter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// Index of the top-level block (a keep-together group is one block).
    pub block: usize,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// One line of text; `baseline` is measured from the page top.
    Text {
        text: String,
        style: TextStyle,
        runs: Vec<Run>,
        baseline: f32,
    },
    /// A horizontal rule along the top edge of the rect.
    Rule,
    /// A vertical line along the left edge of the rect, `rect.h` long.
    VRule,
    /// The rect filled.
    Fill { shade: Shade },
}

/// How a filled rect is painted. Both stay visible printed in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// A timeline's bar: a mid blue-grey.
    Bar,
    /// A light grey behind a header row.
    Tint,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    pub kind: Kind,
    pub tag: Tag,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Placed>,
}

/// Something the layout could not keep as asked because it is too tall: split across pages,
/// or (a table's header row) not repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Group {
        block: usize,
    },
    Row {
        table: usize,
        row: usize,
    },
    /// A header row taller than a third of a page: printed once, not repeated.
    TableHeader {
        table: usize,
    },
    /// A timeline row whose label is taller than a page.
    TimelineRow {
        chart: usize,
        row: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub splits: Vec<Split>,
}
