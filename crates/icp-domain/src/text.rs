//! Text as people search it: case and diacritics don't matter (lodz finds Łódź).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cases and strips diacritics; letters without a decomposition that people still type
/// plainly (ł, ø, ß, æ, đ) are mapped by hand. Hangul and Han are left as they are.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    // Hangul syllables decompose under NFKD; put them back together so they match as typed.
    out.nfc().collect()
}

/// Trims and collapses runs of white space inside a name.
pub fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_as_people_type() {
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("München"), "munchen");
        assert_eq!(fold("광주"), "광주");
        assert_eq!(fold("臺中"), "臺中");
        assert_eq!(fold("eThekwini"), "ethekwini");
    }

    #[test]
    fn tidies_white_space() {
        assert_eq!(tidy("  Cape   Town \t"), "Cape Town");
    }
}
