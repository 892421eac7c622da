//! Paper sizes shared by every document.

/// The paper a document is printed on. Canada uses US Letter; the other regions A4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
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
