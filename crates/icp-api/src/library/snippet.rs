//! Highlights as the window draws them. The engine gives byte ranges of a field's whole text;
//! the window wants a short passage around the first match, with ranges counted in UTF-16
//! code units (JavaScript's string indexes), so that 광주 or an emoji is marked where it is.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A matched stretch of a snippet's `text`, in UTF-16 code units, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

/// Text with its matches marked; `before` / `after` say the text was cut there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Snippet {
    pub text: String,
    pub ranges: Vec<TextRange>,
    pub before: bool,
    pub after: bool,
}

/// About how many characters a snippet shows on each side of its first match.
const CONTEXT_CHARS: usize = 80;

/// The passage of `text` around the first of `ranges` (byte ranges, sorted), at most about
/// `2 * CONTEXT_CHARS` characters plus the match, cut at whitespace where it can be; the whole
/// text when it is short enough.
pub fn snippet(text: &str, ranges: &[Range<usize>]) -> Snippet {
    // Ranges of a text that changed since it was indexed may not fit it: those are dropped.
    let ranges: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| {
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    let ranges = ranges.as_slice();
    let Some(first) = ranges.first() else {
        return whole(text, ranges);
    };
    if text.chars().count() <= 2 * CONTEXT_CHARS + (first.end - first.start) {
        return whole(text, ranges);
    }
    let start = back_chars(text, first.start, CONTEXT_CHARS);
    let end = forward_chars(text, first.end, CONTEXT_CHARS);
    // Prefer not to cut a word: move in to the nearest space, unless none is near.
    let start = match text[start..first.start].find(char::is_whitespace) {
        Some(i) if start > 0 && i < CONTEXT_CHARS / 2 => start + i + 1,
        _ => start,
    };
    let end = match text[first.end..end].rfind(char::is_whitespace) {
        Some(i) if end < text.len() && first.end + i > first.end => first.end + i,
        _ => end,
    };
    let inside: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start..r.end - start)
        .collect();
    Snippet {
        text: text[start..end].to_string(),
        ranges: utf16(&text[start..end], &inside),
        before: start > 0,
        after: end < text.len(),
    }
}

fn whole(text: &str, ranges: &[Range<usize>]) -> Snippet {
    Snippet {
        text: text.to_string(),
        ranges: utf16(text, ranges),
        before: false,
        after: false,
    }
}

/// Byte ranges of `text` as UTF-16 ranges. Ranges must fall on character boundaries (the
/// engine's always do).
pub fn utf16(text: &str, ranges: &[Range<usize>]) -> Vec<TextRange> {
    let at = |byte: usize| text[..byte.min(text.len())].encode_utf16().count() as u32;
    ranges
        .iter()
        .filter(|r| {
            r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        })
        .map(|r| TextRange {
            start: at(r.start),
            end: at(r.end),
        })
        .collect()
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_count_utf16_units() {
        let text = "광주 😀 recycling";
        let start = text.find("recycling").unwrap();
        let got = utf16(text, &[0.."광주".len(), start..text.len()]);
        // 광 and 주 are one unit each, the emoji two.
        assert_eq!(
            got,
            [
                TextRange { start: 0, end: 2 },
                TextRange { start: 6, end: 15 }
            ]
        );
    }

    #[test]
    fn a_long_text_is_cut_around_its_first_match_at_spaces() {
        let text = format!(
            "{}composting works {}",
            "word ".repeat(100),
            "more ".repeat(100)
        );
        let at = text.find("composting").unwrap();
        let s = snippet(&text, &[at..at + "composting".len()]);
        assert!(s.before && s.after);
        assert!(
            s.text.starts_with("word") && s.text.ends_with("more"),
            "{:?}",
            s.text
        );
        let r = s.ranges[0];
        let marked: String = s
            .text
            .encode_utf16()
            .skip(r.start as usize)
            .take((r.end - r.start) as usize)
            .map(|u| char::from_u32(u32::from(u)).unwrap())
            .collect();
        assert_eq!(marked, "composting");
        assert!(s.text.chars().count() <= 2 * CONTEXT_CHARS + 10);
    }

    #[test]
    fn a_short_text_is_kept_whole() {
        let s = snippet("Repair cafés", &[0..6]);
        assert_eq!(
            (s.text.as_str(), s.before, s.after),
            ("Repair cafés", false, false)
        );
        assert_eq!(s.ranges, [TextRange { start: 0, end: 6 }]);
    }
}
