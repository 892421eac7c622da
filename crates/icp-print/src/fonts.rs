//! Font discovery and the per-character fallback chain.
//!
//! No single installed face covers Polish, German, Korean and Chinese: Noto Sans and DejaVu
//! lack Hangul and Han, Noto Sans CJK lacks nothing Latin but draws it with CJK metrics and
//! looks foreign next to Latin text. So each character goes to the first face in a chain
//! that has a glyph for it: Latin first, then CJK, then DejaVu for symbols the others lack.

use std::collections::HashMap;
use std::sync::RwLock;

use fontdb::{Database, Family, Query, Stretch, Style as FontStyle, Weight};
use printpdf::{AzulParsedFont, ParsedFont};

use crate::error::PrintError;

/// Regular or bold text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Regular,
    Bold,
}

/// An index into a [`FontSet`]'s faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub(crate) usize);

/// One loaded face with the family name it was found under.
pub struct Face {
    pub family: String,
    pub bold: bool,
    pub(crate) font: ParsedFont,
}

/// How one character is drawn: the face, the glyph in it, and its advance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub face: FaceId,
    pub id: u16,
    /// The character the glyph shows: the one asked for, or [`REPLACEMENT`] when no face
    /// has it. This is what text extraction gives back.
    pub shows: char,
    /// The advance in ems.
    advance_em: f32,
}

impl Glyph {
    /// The advance at `size_pt`, in millimetres.
    pub fn advance_mm(&self, size_pt: f32) -> f32 {
        self.advance_em * size_pt * crate::MM_PER_PT
    }
}

/// Printed in place of a character no face has, so that a gap is never invisible.
pub const REPLACEMENT: char = '\u{FFFD}';
/// The last resort when not even [`REPLACEMENT`] is in any face.
const LAST_RESORT: char = '?';

/// The faces documents are printed with, and the chain that picks one per character.
pub struct FontSet {
    faces: Vec<Face>,
    regular_chain: Vec<FaceId>,
    bold_chain: Vec<FaceId>,
    // The parsed fonts look a character up by walking every range of the cmap, thousands
    // of them in a CJK face, and a document asks for the same few hundred characters again
    // and again: remembering the answers made an itinerary export several times faster.
    glyphs: RwLock<HashMap<(char, Style), Glyph>>,
}

const LATIN_FAMILIES: &[(&str, &str)] = &[
    ("Noto Sans", "fonts-noto-core"),
    ("DejaVu Sans", "fonts-dejavu-core"),
];

// Korean first: the programme's CJK cities are mostly Korean and every face of the
// collection has the same Hangul and Han coverage; only the preferred glyph forms differ.
const CJK_FAMILIES: &[(&str, &str)] = &[
    ("Noto Sans CJK KR", "fonts-noto-cjk"),
    ("Noto Sans CJK TC", "fonts-noto-cjk"),
    ("Noto Sans CJK SC", "fonts-noto-cjk"),
    ("Noto Sans CJK JP", "fonts-noto-cjk"),
];

// Arrows and other symbols Noto Sans lacks; optional.
const SYMBOL_FAMILY: &str = "DejaVu Sans";

impl FontSet {
    /// Finds the Latin and CJK faces among the system's installed fonts.
    pub fn from_system() -> Result<FontSet, PrintError> {
        let mut db = Database::new();
        db.load_system_fonts();
        FontSet::from_database(&db)
    }

    /// Builds the set from an already-filled font database (tests, or an app that adds
    /// its own font folders).
    pub fn from_database(db: &Database) -> Result<FontSet, PrintError> {
        let mut set = FontSet {
            faces: Vec::new(),
            regular_chain: Vec::new(),
            bold_chain: Vec::new(),
            glyphs: RwLock::new(HashMap::new()),
        };
        for families in [LATIN_FAMILIES, CJK_FAMILIES] {
            let Some((family, regular)) = families
                .iter()
                .find_map(|(family, _)| find(db, family, Weight::NORMAL).map(|id| (*family, id)))
            else {
                let (family, package) = families[0];
                return Err(PrintError::FontMissing {
                    family: family.to_string(),
                    debian_package: package.to_string(),
                });
            };
            let regular = set.load(db, family, regular, false)?;
            set.regular_chain.push(regular);
            // A missing bold face is not worth refusing to print for: bold text then
            // prints regular.
            let bold = match find(db, family, Weight::BOLD) {
                Some(id) if db.face(id).is_some_and(|f| f.weight.0 >= 600) => {
                    set.load(db, family, id, true)?
                }
                _ => regular,
            };
            set.bold_chain.push(bold);
        }
        if set.faces[0].family != SYMBOL_FAMILY {
            if let Some(id) = find(db, SYMBOL_FAMILY, Weight::NORMAL) {
                let symbols = set.load(db, SYMBOL_FAMILY, id, false)?;
                set.regular_chain.push(symbols);
                set.bold_chain.push(symbols);
            }
        }
        Ok(set)
    }

    fn load(
        &mut self,
        db: &Database,
        family: &str,
        id: fontdb::ID,
        bold: bool,
    ) -> Result<FaceId, PrintError> {
        let mut warnings = Vec::new();
        let unreadable = |detail: String| PrintError::FontUnreadable {
            family: family.to_string(),
            detail,
        };
        // The face index matters for .ttc collections: Noto Sans CJK ships all of its
        // regional faces in one file.
        let parsed = match db.face_source(id) {
            // A CJK collection is 20 MB: mapped, only the pages a document uses are read,
            // where copying it cost a headless export a third of its time.
            Some((fontdb::Source::File(path), index)) => {
                let file = std::fs::File::open(&path)
                    .map_err(|e| unreadable(format!("{}: {e}", path.display())))?;
                // SAFETY: the mapping is read-only. A font file changed while mapped could
                // show the parser other bytes, but installed fonts are replaced by a new
                // file (a new inode), never rewritten in place.
                let map = unsafe { mmapio::Mmap::map(&file) }
                    .map_err(|e| unreadable(format!("{}: {e}", path.display())))?;
                let bytes = std::sync::Arc::new(rust_fontconfig::FontBytes::Mmapped(map));
                AzulParsedFont::from_bytes_shared(bytes, index as usize, &mut warnings)
                    .map(ParsedFont::from_azul)
            }
            _ => db
                .with_face_data(id, |data, index| {
                    ParsedFont::from_bytes(data, index as usize, &mut warnings)
                })
                .flatten(),
        }
        .ok_or_else(|| unreadable(format!("{} parse warnings", warnings.len())))?;
        if !parsed.has_source_bytes() {
            return Err(unreadable("its data cannot be embedded".into()));
        }
        self.faces.push(Face {
            family: family.to_string(),
            bold,
            font: parsed,
        });
        Ok(FaceId(self.faces.len() - 1))
    }

    /// All loaded faces, in load order ([`FaceId`] indexes this).
    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0]
    }

    /// How `c` is drawn in `style`: by the first face of the style's chain that has it;
    /// when none has it, by a visible replacement mark.
    pub fn glyph(&self, c: char, style: Style) -> Glyph {
        // A poisoned lock only means another export panicked mid-insert: the map itself
        // holds only complete answers, so it is still good to read and extend.
        if let Some(g) = self
            .glyphs
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(c, style))
        {
            return *g;
        }
        let g = self.resolve(c, style);
        self.glyphs
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert((c, style), g);
        g
    }

    fn resolve(&self, c: char, style: Style) -> Glyph {
        let chain = match style {
            Style::Regular => &self.regular_chain,
            Style::Bold => &self.bold_chain,
        };
        let found = |c: char| {
            chain.iter().find_map(|&face| {
                let font = &self.faces[face.0].font;
                match font.lookup_glyph_index(c as u32) {
                    Some(id) if id != 0 => Some(Glyph {
                        face,
                        id,
                        shows: c,
                        advance_em: f32::from(font.get_horizontal_advance(id))
                            / f32::from(font.font_metrics.units_per_em.max(1)),
                    }),
                    _ => None,
                }
            })
        };
        found(c)
            .or_else(|| found(REPLACEMENT))
            .or_else(|| found(LAST_RESORT))
            // Every face of the Latin chain has '?': this is only reached with a font set
            // built from a broken face, and then the chain's .notdef box is the best left.
            .unwrap_or(Glyph {
                face: chain[0],
                id: 0,
                shows: REPLACEMENT,
                advance_em: 0.5,
            })
    }

    /// The face `c` is drawn with in `style`.
    pub fn face_for(&self, c: char, style: Style) -> FaceId {
        self.glyph(c, style).face
    }
}

fn find(db: &Database, family: &str, weight: Weight) -> Option<fontdb::ID> {
    let id = db.query(&Query {
        families: &[Family::Name(family)],
        weight,
        stretch: Stretch::Normal,
        style: FontStyle::Normal,
    })?;
    // fontdb answers with the nearest weight; a bold query answered by a regular face
    // is handled by the caller, but a family mismatch must never pass.
    let info = db.face(id)?;
    info.families
        .iter()
        .any(|(name, _)| name == family)
        .then_some(id)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{FontSet, Style, REPLACEMENT};
    use std::sync::OnceLock;

    /// Parsing the CJK collections takes a while: share one set across a test binary.
    pub(crate) fn system() -> &'static FontSet {
        static SET: OnceLock<FontSet> = OnceLock::new();
        SET.get_or_init(|| match FontSet::from_system() {
            Ok(set) => set,
            Err(e) => panic!("the print tests need the Noto fonts: {e}"),
        })
    }

    #[test]
    fn no_fonts_is_an_error_naming_family_and_package() {
        let Err(e) = FontSet::from_database(&fontdb::Database::new()) else {
            panic!("an empty font database cannot print");
        };
        let text = e.to_string();
        assert!(
            text.contains("Noto Sans") && text.contains("fonts-noto-core"),
            "{text}"
        );
    }

    #[test]
    fn cjk_characters_fall_back_to_the_cjk_face() {
        let fonts = system();
        for c in ['광', '臺', '中', 'の'] {
            let face = fonts.face(fonts.face_for(c, Style::Regular));
            assert!(face.family.contains("CJK"), "{c} went to {}", face.family);
        }
    }

    #[test]
    fn polish_and_german_letters_stay_in_the_latin_face() {
        let fonts = system();
        for c in ['ł', 'ż', 'Ł', 'ó', 'ü', 'a'] {
            for style in [Style::Regular, Style::Bold] {
                let face = fonts.face(fonts.face_for(c, style));
                assert!(!face.family.contains("CJK"), "{c} went to {}", face.family);
            }
        }
    }

    #[test]
    fn bold_chain_uses_bold_faces() {
        let fonts = system();
        assert!(fonts.face(fonts.face_for('a', Style::Bold)).bold);
        assert!(fonts.face(fonts.face_for('광', Style::Bold)).bold);
    }

    #[test]
    fn advances_are_positive_and_cjk_is_full_width() {
        let fonts = system();
        let a = fonts.glyph('a', Style::Regular).advance_mm(10.0);
        let han = fonts.glyph('臺', Style::Regular).advance_mm(10.0);
        let hangul = fonts.glyph('광', Style::Regular).advance_mm(10.0);
        assert!(a > 0.5 && a < 3.0, "{a}");
        // A Han ideograph is one em wide: 10 pt ≈ 3.53 mm. Noto's Hangul is a little
        // narrower (920 units), which shows the widths really come from the face.
        assert!((han - 3.5278).abs() < 0.05, "{han}");
        assert!(hangul > 3.0 && hangul < han, "{hangul}");
    }

    #[test]
    fn a_character_no_face_has_becomes_a_visible_replacement_mark() {
        let fonts = system();
        // An Egyptian hieroglyph: neither Noto Sans, Noto Sans CJK nor DejaVu draws it.
        let g = fonts.glyph('\u{13000}', Style::Regular);
        assert_eq!(g.shows, REPLACEMENT);
        assert_ne!(
            g.id, 0,
            "the mark is a real glyph, not the font's empty .notdef"
        );
        assert!(g.advance_mm(10.0) > 1.0, "the mark takes room on the line");
    }

    #[test]
    fn asking_twice_gives_the_same_glyph() {
        let fonts = system();
        assert_eq!(fonts.glyph('ł', Style::Bold), fonts.glyph('ł', Style::Bold));
    }
}
