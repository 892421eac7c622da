//! Line breaking by UAX #14: break opportunities come from `unicode-linebreak`, so Chinese,
//! Japanese and Korean text wraps between characters although it has no spaces.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::fonts::FontSet;
use crate::text::{width_mm, TextStyle};

/// Breaks `text` into lines no wider than `max_mm`. A word wider than the line on its
/// own is cut between characters rather than allowed to overflow the margin.
/// Always returns at least one line, so an empty paragraph still takes its space.
pub fn wrap(fonts: &FontSet, text: &str, ts: TextStyle, max_mm: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0_f32;
    let mut start = 0;
    for (end, kind) in linebreaks(text) {
        let segment = &text[start..end];
        start = end;
        let mandatory = kind == BreakOpportunity::Mandatory;
        let body = segment.trim_end_matches([
            '\n', '\r', '\u{2028}', '\u{2029}', '\u{0B}', '\u{0C}', '\u{85}',
        ]);
        let seg_w = width_mm(fonts, body, ts);
        // Trailing spaces may hang past the margin: they are dropped at a line's end.
        let visible_w = width_mm(fonts, body.trim_end(), ts);
        if !line.is_empty() && line_w + visible_w > max_mm {
            lines.push(finish(&line));
            line.clear();
            line_w = 0.0;
        }
        if line.is_empty() && visible_w > max_mm {
            let last = cut_long_word(fonts, body, ts, max_mm, &mut lines);
            line_w = width_mm(fonts, &last, ts);
            line = last;
        } else {
            line.push_str(body);
            line_w += seg_w;
        }
        // The end of text reports a mandatory break too; that one closes the last line only.
        if mandatory && end < text.len() {
            lines.push(finish(&line));
            line.clear();
            line_w = 0.0;
        }
    }
    lines.push(finish(&line));
    lines
}

fn finish(line: &str) -> String {
    line.trim_end().to_string()
}

/// Pushes all full lines of an over-long word and returns what is left for the next.
fn cut_long_word(
    fonts: &FontSet,
    word: &str,
    ts: TextStyle,
    max_mm: f32,
    lines: &mut Vec<String>,
) -> String {
    let mut piece = String::new();
    let mut w = 0.0;
    for c in word.chars() {
        let cw = width_mm(fonts, c.encode_utf8(&mut [0; 4]), ts);
        // At least one character per line, so a page narrower than a glyph still ends.
        if !piece.is_empty() && w + cw > max_mm && !c.is_whitespace() {
            lines.push(std::mem::take(&mut piece));
            w = 0.0;
        }
        piece.push(c);
        w += cw;
    }
    piece
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use crate::fonts::{tests::system, Style};
    use crate::text::{width_mm, TextStyle};

    const BODY: TextStyle = TextStyle {
        style: Style::Regular,
        size_pt: 10.0,
    };

    fn check(text: &str, max_mm: f32) -> Vec<String> {
        let fonts = system();
        let lines = wrap(fonts, text, BODY, max_mm);
        for l in &lines {
            assert!(width_mm(fonts, l, BODY) <= max_mm + 1e-3, "{l:?} too wide");
        }
        lines
    }

    #[test]
    fn korean_wraps_within_a_narrow_width() {
        let text = "광주광역시와 아테네의 협력 계획";
        let lines = check(text, 12.0);
        assert!(lines.len() >= 4, "{lines:?}");
        // Korean breaks between syllables, inside the space-free first word too.
        assert!(
            lines[0].chars().count() < "광주광역시와".chars().count(),
            "{lines:?}"
        );
        let joined: String = lines
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(joined, text.replace(' ', ""));
    }

    #[test]
    fn chinese_wraps_without_spaces() {
        let text = "臺中市與普拉托的合作";
        let lines = check(text, 15.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn latin_wraps_at_spaces() {
        let text = "Study visit programme between Łódź and München";
        let lines = check(text, 30.0);
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(!l.starts_with(' ') && !l.ends_with(' '));
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn overlong_word_is_cut_not_overflowing() {
        let lines = check("Donaudampfschifffahrtsgesellschaft", 10.0);
        assert!(lines.len() >= 3);
        assert_eq!(lines.concat(), "Donaudampfschifffahrtsgesellschaft");
    }

    #[test]
    fn newline_forces_a_break_and_empty_text_gives_one_line() {
        assert_eq!(check("a\nb", 100.0), ["a", "b"]);
        assert_eq!(check("", 100.0), [""]);
    }
}
