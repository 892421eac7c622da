//! Text to terms, the same way for documents and queries.
//!
//! - A *word* is a run of letters and digits (combining marks stay with their letter). It is
//!   folded by [`icp_domain::text::fold`] (case and diacritics: `Łódź` → `lodz`), and a word of
//!   plain ASCII letters is then stemmed by the English Snowball stemmer (`recycling` →
//!   `recycl`).
//! - A *CJK run* (Han, Hangul, kana) becomes its character bigrams (`서울시` → `서울`, `울시`), so
//!   that any substring of two or more characters finds it; a run of one character is one term.
//! - Everything else separates terms.
//!
//! Each term is given with the byte range of the original text it came from, for highlights.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;

/// Turns text into terms; holds the stemmer so it is built once.
pub(crate) struct Analyser {
    stemmer: Stemmer,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cjk,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            Class::Word
        } else {
            Class::Other
        }
    } else if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() || is_combining_mark(c) {
        Class::Word
    } else {
        Class::Other
    }
}

/// Scripts written without spaces between words (or, for Hangul, with words too long to be
/// found by their beginnings): Han, Hangul, Hiragana, Katakana.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF       // Hangul Jamo
        | 0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3130..=0x318F     // Hangul compatibility Jamo
        | 0x3400..=0x4DBF     // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified ideographs
        | 0xAC00..=0xD7AF     // Hangul syllables
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0x20000..=0x3FFFF   // CJK extensions B and later
    )
}

impl Analyser {
    pub(crate) fn new() -> Self {
        Analyser {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// Calls `emit(term, byte range in text)` for every term of `text`, in order.
    pub(crate) fn analyse(&self, text: &str, mut emit: impl FnMut(&str, Range<usize>)) {
        self.tokens(text, |token, stem, range| {
            if stem {
                emit(&self.stemmer.stem(token), range)
            } else {
                emit(token, range)
            }
        });
    }

    /// The term of a token given by [`Analyser::tokens`].
    pub(crate) fn term<'a>(&self, token: &'a str, stem: bool) -> std::borrow::Cow<'a, str> {
        if stem {
            self.stemmer.stem(token)
        } else {
            std::borrow::Cow::Borrowed(token)
        }
    }

    /// Like [`Analyser::analyse`] but before stemming: `emit(token, whether it is to be stemmed,
    /// range)`. Callers that see the same words again and again cache their terms.
    pub(crate) fn tokens(&self, text: &str, mut emit: impl FnMut(&str, bool, Range<usize>)) {
        let mut folded = String::new();
        let mut run_start = 0;
        let mut run_class = Class::Other;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let k = class(c);
            if k == run_class {
                continue;
            }
            // A combining mark right after a CJK character or a separator is kept with it.
            if is_combining_mark(c) && run_class != Class::Word && i != text.len() {
                continue;
            }
            match run_class {
                Class::Word => word(text, run_start..i, &mut folded, &mut emit),
                Class::Cjk => cjk(text, run_start..i, &mut |t, r| emit(t, false, r)),
                Class::Other => {}
            }
            run_start = i;
            run_class = k;
        }
    }
}

fn word(
    text: &str,
    range: Range<usize>,
    folded: &mut String,
    emit: &mut impl FnMut(&str, bool, Range<usize>),
) {
    let word = &text[range.clone()];
    folded.clear();
    if word.is_ascii() {
        folded.push_str(word);
        folded.make_ascii_lowercase();
    } else {
        folded.push_str(&icp_domain::text::fold(word));
    }
    if !folded.is_empty() {
        let stem = folded.bytes().all(|b| b.is_ascii_alphabetic());
        emit(folded, stem, range);
    }
}

fn cjk(text: &str, range: Range<usize>, emit: &mut impl FnMut(&str, Range<usize>)) {
    let run = &text[range.clone()];
    let mut chars = run.char_indices().map(|(i, _)| range.start + i).peekable();
    let Some(mut first) = chars.next() else {
        return;
    };
    if chars.peek().is_none() {
        emit(run, range);
        return;
    }
    for second in chars {
        let end = text[second..]
            .chars()
            .next()
            .map_or(second, |c| second + c.len_utf8());
        emit(&text[first..end], first..end);
        first = second;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(String, Range<usize>)> {
        let mut out = Vec::new();
        Analyser::new().analyse(text, |t, r| out.push((t.to_string(), r)));
        out
    }

    #[test]
    fn folds_stems_and_splits() {
        let t = terms("Łódź recycling-plants, München!");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["lodz", "recycl", "plant", "munchen"]);
        assert_eq!(t[0].1, 0.."Łódź".len());
    }

    #[test]
    fn cjk_runs_become_bigrams() {
        let t = terms("서울시 市 Seoul서울");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["서울", "울시", "市", "seoul", "서울"]);
        assert_eq!(t[1].1, 3..9);
    }
}
