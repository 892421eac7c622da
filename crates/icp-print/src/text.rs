//! Splitting text into single-face runs and measuring them.

use crate::fonts::{FaceId, FontSet, Style};

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub style: Style,
    pub size_pt: f32,
}

/// Consecutive characters drawn with one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceId,
    /// What the run shows: the text, with a replacement mark for a character no face has.
    pub text: String,
    /// One glyph of `face` per character of `text`.
    pub glyphs: Vec<u16>,
    pub width_mm: f32,
}

/// Splits `text` where the fallback chain changes face. Each run is measured with the
/// advance widths of the face it will be drawn with, so measured and printed widths agree.
pub fn runs(fonts: &FontSet, text: &str, ts: TextStyle) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for c in text.chars() {
        let g = fonts.glyph(c, ts.style);
        let w = g.advance_mm(ts.size_pt);
        match out.last_mut() {
            Some(run) if run.face == g.face => {
                run.text.push(g.shows);
                run.glyphs.push(g.id);
                run.width_mm += w;
            }
            _ => out.push(Run {
                face: g.face,
                text: g.shows.to_string(),
                glyphs: vec![g.id],
                width_mm: w,
            }),
        }
    }
    out
}

/// The width of `text` in millimetres.
pub fn width_mm(fonts: &FontSet, text: &str, ts: TextStyle) -> f32 {
    text.chars()
        .map(|c| fonts.glyph(c, ts.style).advance_mm(ts.size_pt))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::{runs, width_mm, TextStyle};
    use crate::fonts::{tests::system, Style};

    const BODY: TextStyle = TextStyle {
        style: Style::Regular,
        size_pt: 10.0,
    };

    #[test]
    fn mixed_scripts_split_into_runs_per_face() {
        let fonts = system();
        let rs = runs(fonts, "Łódź, 광주, 臺中 and München", BODY);
        let texts: Vec<&str> = rs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Łódź, ", "광주", ", ", "臺中", " and München"]);
        let total: f32 = rs.iter().map(|r| r.width_mm).sum();
        let direct = width_mm(fonts, "Łódź, 광주, 臺中 and München", BODY);
        assert!((total - direct).abs() < 1e-3);
    }
}
