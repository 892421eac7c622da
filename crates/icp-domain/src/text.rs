//! Text as people search it: case and diacritics don't matter (lodz finds Łódź); and the
//! small pieces of English every message writes the same way (lists of names, ordinals).

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

/// Names as a sentence lists them: "Seoul", "Seoul and Taipei", "Seoul, Taipei and Durban".
pub(crate) fn and_list<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st".
pub(crate) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
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

    #[test]
    fn lists_and_ordinals_read_as_sentences() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["Seoul"]), "Seoul");
        assert_eq!(
            and_list(&["Seoul", "Taipei", "Cape Town"]),
            "Seoul, Taipei and Cape Town"
        );
        let ordinals: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal).to_vec();
        assert_eq!(
            ordinals,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th"]
        );
    }
}
