//! Checks every record's validation shares, so that each rule is written once.

use crate::text::tidy;
use crate::DomainError;

/// A name or title: white space tidied, present, at most `max` characters.
pub(crate) fn required_text(
    value: &str,
    field: &'static str,
    label: &'static str,
    max: usize,
    problems: &mut Vec<DomainError>,
) -> String {
    let t = tidy(value);
    if t.is_empty() {
        problems.push(DomainError::Required { field, label });
    } else if t.chars().count() > max {
        problems.push(DomainError::TooLong { field, label, max });
    }
    t
}

/// Free text that may be empty: trimmed (inner line breaks kept), at most `max` characters.
pub(crate) fn optional_text(
    value: &str,
    field: &'static str,
    label: &'static str,
    max: usize,
    problems: &mut Vec<DomainError>,
) -> String {
    let t = value.trim().to_string();
    if t.chars().count() > max {
        problems.push(DomainError::TooLong { field, label, max });
    }
    t
}
