//! Checks every record's validation shares, so that each rule is written once.

use chrono_tz::Tz;

use crate::text::tidy;
use crate::time::zone_named;
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

/// A zone as typed: an IANA name this build knows (`Asia/Seoul`), white space around it
/// ignored. Empty text is not one either.
pub(crate) fn known_zone(value: &str, field: &'static str) -> Result<Tz, DomainError> {
    zone_named(value).ok_or_else(|| DomainError::InvalidTimeZone {
        field,
        value: value.trim().to_string(),
    })
}

/// A zone a form must have: present, and a [`known_zone`].
pub(crate) fn required_zone(
    value: &str,
    field: &'static str,
    problems: &mut Vec<DomainError>,
) -> Option<Tz> {
    if value.trim().is_empty() {
        problems.push(DomainError::Required {
            field,
            label: "Time zone",
        });
        return None;
    }
    known_zone(value, field).map_err(|e| problems.push(e)).ok()
}

/// A problem of the entry `index` of a list, as the list's (`agenda.3.minutes`); each of
/// several problems ([`DomainError::Invalid`]) is wrapped on its own, so each keeps its field.
pub(crate) fn in_list(
    list: &'static str,
    label: &'static str,
    index: usize,
) -> impl Fn(DomainError) -> DomainError {
    move |error| {
        let one = |error| DomainError::InList {
            list,
            label,
            index,
            error: Box::new(error),
        };
        match error {
            DomainError::Invalid(all) => DomainError::Invalid(all.into_iter().map(one).collect()),
            error => one(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_is_required_and_known() {
        let mut problems = Vec::new();
        assert!(required_zone("Europe/Berlin ", "planned_zone", &mut problems).is_some());
        assert!(required_zone("Mars/Olympus", "planned_zone", &mut problems).is_none());
        assert!(required_zone(" ", "planned_zone", &mut problems).is_none());
        let codes: Vec<_> = problems.iter().map(DomainError::code).collect();
        assert_eq!(codes, ["invalid_time_zone", "required"]);
        // Where a zone has a default, empty text is simply not a zone.
        assert_eq!(
            known_zone(" ", "zone").unwrap_err().code(),
            "invalid_time_zone"
        );
    }

    #[test]
    fn each_problem_of_an_entry_keeps_its_field() {
        let wrap = in_list("cities", "City", 2);
        let one = wrap(DomainError::EndBeforeStart { field: "work_end" });
        assert_eq!(one.field().as_deref(), Some("cities.2.work_end"));
        let both = wrap(DomainError::Invalid(vec![
            DomainError::EndBeforeStart { field: "work_end" },
            DomainError::Required {
                field: "working_days",
                label: "Working days",
            },
        ]));
        let fields: Vec<_> = both.issues().into_iter().filter_map(|i| i.field).collect();
        assert_eq!(fields, ["cities.2.work_end", "cities.2.working_days"]);
    }
}
