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
    /// A Gantt chart of bars by month, drawn as vector shapes. Like a table, a row is never
    /// split across pages and the header row (years and months) repeats on each page the
    /// chart continues on.
    Timeline(Timeline),
}

/// A calendar month, `month` from 1 (January) to 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// Every month from `first` to `last`, both included; empty when `last` is before
    /// `first`. A month number outside 1–12 is taken as the nearest valid one.
    pub fn range(first: Month, last: Month) -> Vec<Month> {
        let index = |m: Month| i64::from(m.year) * 12 + i64::from(m.month.clamp(1, 12)) - 1;
        (index(first)..=index(last))
            .map(|i| Month {
                year: i.div_euclid(12) as i32,
                month: i.rem_euclid(12) as u32 + 1,
            })
            .collect()
    }

    /// "Jan" … "Dec".
    pub fn short_name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        NAMES[(self.month.clamp(1, 12) - 1) as usize]
    }
}

/// A timeline chart: the label column on the left, the period's months across the rest of
/// the text width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Printed over the label column in the header row ("Action").
    pub label_title: String,
    /// The period's months, in order (`Month::range`). A new year starts a year column,
    /// marked by a thin vertical line through the chart.
    pub months: Vec<Month>,
    pub rows: Vec<TimelineRow>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineRow {
    /// Wrapped in the label column; any script.
    pub label: String,
    /// Indices into `months`, first and last month included. A bar reaching past the
    /// period is cut at its end; one wholly outside it is not drawn.
    pub bars: Vec<(usize, usize)>,
    /// Printed under the label in the label column when not empty ("ongoing", "no dates").
    pub note: String,
}
