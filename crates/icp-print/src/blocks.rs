//! The document model: what a caller builds. The engine knows nothing of study visits;
//! an itinerary is headings, key–value lists and tables in keep-together groups.

use crate::paper::Paper;

/// A whole document: paper, running header and footer, and its blocks top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub paper: Paper,
    /// Printed at the top of every page.
    pub header: Option<String>,
    /// Printed at the bottom left of every page; "Page X of Y" is always printed at the
    /// bottom right.
    pub footer: Option<String>,
    pub blocks: Vec<Block>,
}

/// A table column: its title (the header row repeated on every page the table reaches)
/// and its share of the text width. Fractions are normalised, so they need not sum to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width_fraction: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 is the largest. Never left alone at the bottom of a page.
    Heading {
        level: u8,
        text: String,
    },
    /// Wrapped text; may continue on the next page between lines.
    Paragraph(String),
    /// Label and value pairs; a pair is never split across pages.
    KeyValue(Vec<(String, String)>),
    /// A row is never split across pages (unless taller than a page on its own); the
    /// header row is repeated on each page the table continues on.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    /// Moved whole to the next page when it does not fit; split only when taller than a
    /// page on its own.
    KeepTogether(Vec<Block>),
    PageBreak,
    /// Vertical space in millimetres; dropped at the top of a page.
    Spacer(f32),
}
