//! ICP Desk's print engine: a small layout layer on printpdf.
//!
//! A [`Document`] is a list of [`Block`]s (headings, paragraphs, key–value lists, tables,
//! keep-together groups, timeline charts drawn as vector bars). [`layout()`] cuts them into lines and rows and places them on A4 or
//! US Letter pages, never splitting a table row or a keep-together group across pages
//! (unless it is taller than a page), repeating a table's header row on every page it
//! continues on, and adding a running header and "Page X of Y". [`render_pdf`] writes the
//! pages with embedded, subset fonts.
//!
//! Text is broken by UAX #14, so Chinese, Japanese and Korean wrap without spaces, and each
//! character is drawn with the first face of a fallback chain that has it (Latin, then
//! Noto Sans CJK, then DejaVu), so "Łódź, 광주, 臺中" prints on one line. Fonts are found
//! through `fontdb` among the installed fonts.
//!
//! The engine knows nothing of study visits: documents are built from its blocks. Beside the
//! PDF engine, [`ics`] writes calendars.

mod blocks;
pub mod documents;
mod error;
mod fonts;
pub mod ics;
pub mod layout;
mod linebreak;
mod paper;
mod pdf;
mod text;

pub use blocks::{Block, Column, Document, Month, Timeline, TimelineRow};
pub use error::PrintError;
pub use fonts::{Face, FaceId, FontSet, Glyph, Style, REPLACEMENT};
pub use layout::{layout, Layout};
pub use linebreak::wrap;
pub use paper::Paper;
pub use pdf::render_pdf;
pub use text::{Run, TextStyle};

/// Millimetres in a typographic point (1/72 inch).
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;
