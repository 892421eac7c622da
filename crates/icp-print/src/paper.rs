//! Paper sizes shared by every document.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The paper a document is printed on. Canada uses US Letter; the other regions A4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// `a4` or `letter`, as people type it on the command line.
    pub fn parse(s: &str) -> Option<Paper> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" | "us_letter" => Some(Paper::Letter),
            _ => None,
        }
    }

    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Paper;

    #[test]
    fn letter_is_wider_and_shorter_than_a4() {
        let (aw, ah) = Paper::A4.size_mm();
        let (lw, lh) = Paper::Letter.size_mm();
        assert!(lw > aw && lh < ah);
    }
}
