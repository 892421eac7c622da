//! A practice's tags: free words people group practices by. They are typed one at a time
//! into a list, so unlike the practice's texts they are trimmed, and a tag that differs
//! from another only by case or accents is the same tag.

use crate::text::fold;
use crate::DomainError;

/// Longest tag, in characters.
pub const TAG_MAX: usize = 40;
/// Most tags one practice carries.
pub const MAX_TAGS: usize = 30;

/// The tags trimmed, blanks dropped, each once (the first spelling kept), in the order given.
pub(super) fn tidy(tags: &[String]) -> Result<Vec<String>, DomainError> {
    let mut seen: Vec<String> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    for (index, tag) in tags.iter().enumerate() {
        let tag = tag.trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > TAG_MAX {
            return Err(DomainError::InList {
                list: "tags",
                label: "Tag",
                index,
                error: Box::new(DomainError::TooLong {
                    field: "tag",
                    label: "A tag",
                    max: TAG_MAX,
                }),
            });
        }
        let key = fold(tag);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(tag.to_string());
        }
    }
    if out.len() > MAX_TAGS {
        return Err(DomainError::TooMany {
            field: "tags",
            label: "tags",
            max: MAX_TAGS,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_differing_by_case_or_accent_is_the_same_tag() {
        let got = tidy(&["Réemploi".into(), "reemploi".into(), " eau ".into()]).unwrap();
        assert_eq!(got, ["Réemploi", "eau"]);
    }

    #[test]
    fn too_long_or_too_many_tags_are_refused_at_their_field() {
        let long = tidy(&["ok".into(), "x".repeat(TAG_MAX + 1)]).unwrap_err();
        assert_eq!(long.field(), Some("tags.1.tag".into()));
        let many: Vec<String> = (0..=MAX_TAGS).map(|i| format!("t{i}")).collect();
        assert_eq!(tidy(&many).unwrap_err().field(), Some("tags".into()));
    }
}
