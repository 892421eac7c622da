use std::fmt;

use serde::Serialize;
use ts_rs::TS;

/// Everything the domain can refuse. Each variant has a stable `code` that crosses IPC, a
/// message written for the person at the form, and, where it belongs to one, the form field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    Required {
        field: &'static str,
        label: &'static str,
    },
    TooLong {
        field: &'static str,
        label: &'static str,
        max: usize,
    },
    UnknownCountry {
        field: &'static str,
        value: String,
    },
    InvalidTimeZone {
        field: &'static str,
        value: String,
    },
    NegativeNumber {
        field: &'static str,
        label: &'static str,
    },
    NotWholeNumber {
        field: &'static str,
        label: &'static str,
        value: String,
    },
    InvalidId {
        value: String,
    },
    InvalidDate {
        field: &'static str,
        label: &'static str,
        value: String,
    },
    InvalidTime {
        field: &'static str,
        label: &'static str,
        value: String,
    },
    EndBeforeStart {
        field: &'static str,
    },
    OutsideVisit {
        field: &'static str,
        date: String,
        first: String,
        last: String,
    },
    OutOfRange {
        field: &'static str,
        label: &'static str,
        min: u32,
        max: u32,
    },
    UnknownCity {
        field: &'static str,
        id: String,
    },
    /// A problem of one entry of a list (a session of a visit): its field is `list.index.field`.
    InList {
        list: &'static str,
        label: &'static str,
        index: usize,
        error: Box<DomainError>,
    },
    NotFound {
        what: &'static str,
        id: String,
    },
    InvalidDateTime {
        field: &'static str,
        label: &'static str,
        value: String,
    },
    /// An answer that does not fit its question (`text` is the question as asked).
    BadAnswer {
        question: String,
        text: String,
        reason: String,
    },
    UnknownCriterion {
        key: String,
    },
    /// A rating of a question the programme's evaluation does not ask. It carries no field of
    /// its own: inside the list of ratings it is the rating's (`ratings.2`).
    UnknownQuestion {
        key: String,
    },
    UnknownTheme {
        value: String,
    },
    InvalidEmail {
        value: String,
    },
    InvalidPhone {
        value: String,
    },
    /// A reference to a record (other than a city) that is not there.
    UnknownRecord {
        field: &'static str,
        what: &'static str,
        id: String,
    },
    /// A pairing side holds a city of the wrong region (`eu`: the side wants an EU city).
    WrongSide {
        field: &'static str,
        eu: bool,
    },
    AlreadyPaired {
        field: &'static str,
        with: String,
    },
    /// A selection that breaks the quotas, with what it breaks.
    QuotaBroken {
        violations: Vec<String>,
    },
    /// A line of an imported file that cannot be taken (the header is line 1).
    BadRow {
        line: usize,
        column: String,
        reason: String,
    },
    Duplicate {
        field: &'static str,
        what: &'static str,
    },
    /// No pairing satisfies the coordinator's locked and forbidden pairs.
    Unpairable {
        message: String,
    },
    /// A link people will click that is not a web address (`reason` follows "it": "has no host").
    InvalidLink {
        field: &'static str,
        value: String,
        reason: &'static str,
    },
    /// A wall-clock time that does not happen on that day in that zone: the clocks jump from
    /// `from` to `to` over it (a daylight-saving change).
    TimeSkipped {
        field: &'static str,
        value: chrono::NaiveTime,
        date: chrono::NaiveDate,
        zone: &'static str,
        from: chrono::NaiveTime,
        to: chrono::NaiveTime,
    },
    /// A month that is not `YYYY-MM`.
    InvalidMonth {
        field: &'static str,
        label: &'static str,
        value: String,
    },
    /// A month outside the programme's period (`first` to `last`, both `YYYY-MM`).
    OutsideProgramme {
        field: &'static str,
        month: String,
        first: String,
        last: String,
    },
    /// A reference by key to an entry of the same record (an action serving an objective) that
    /// is not there. It carries no field of its own: inside a list it is the entry's
    /// (`actions.2.objectives.0`).
    UnknownKey {
        what: &'static str,
        key: String,
    },
    /// An issued version, frozen: it can be read and compared, never changed.
    Frozen {
        what: &'static str,
        number: u32,
        issued_at: String,
    },
    /// A record others depend on: deleting it would leave them without (`uses`, in words:
    /// "manages the Air quality cluster").
    InUse {
        name: String,
        uses: Vec<String>,
    },
    /// A list longer than its limit ("tags", at most 30).
    TooMany {
        field: &'static str,
        label: &'static str,
        max: usize,
    },
    /// Several problems found in one request, so that a form can show each beside its field.
    Invalid(Vec<DomainError>),
}

/// One problem as it crosses to the UI: `{code, message, field}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]

pub struct Issue {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl DomainError {
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Required { .. } => "required",
            DomainError::TooLong { .. } => "too_long",
            DomainError::UnknownCountry { .. } => "unknown_country",
            DomainError::InvalidTimeZone { .. } => "invalid_time_zone",
            DomainError::NegativeNumber { .. } => "negative_number",
            DomainError::NotWholeNumber { .. } => "not_a_whole_number",
            DomainError::InvalidId { .. } => "invalid_id",
            DomainError::InvalidDate { .. } => "invalid_date",
            DomainError::InvalidTime { .. } => "invalid_time",
            DomainError::EndBeforeStart { .. } => "end_before_start",
            DomainError::OutsideVisit { .. } => "outside_visit",
            DomainError::OutOfRange { .. } => "out_of_range",
            DomainError::UnknownCity { .. } => "unknown_city",
            DomainError::InList { error, .. } => error.code(),
            DomainError::NotFound { .. } => "not_found",
            DomainError::InvalidDateTime { .. } => "invalid_date_time",
            DomainError::BadAnswer { .. } => "bad_answer",
            DomainError::UnknownCriterion { .. } => "unknown_criterion",
            DomainError::UnknownQuestion { .. } => "unknown_question",
            DomainError::UnknownTheme { .. } => "unknown_theme",
            DomainError::BadRow { .. } => "bad_row",
            DomainError::WrongSide { .. } => "wrong_side",
            DomainError::InvalidEmail { .. } => "invalid_email",
            DomainError::InvalidPhone { .. } => "invalid_phone",
            DomainError::UnknownRecord { .. } => "unknown_record",
            DomainError::AlreadyPaired { .. } => "already_paired",
            DomainError::QuotaBroken { .. } => "quota_broken",
            DomainError::Duplicate { .. } => "duplicate",
            DomainError::Unpairable { .. } => "unpairable",
            DomainError::InvalidLink { .. } => "invalid_link",
            DomainError::TimeSkipped { .. } => "time_skipped",
            DomainError::InvalidMonth { .. } => "invalid_month",
            DomainError::OutsideProgramme { .. } => "outside_programme",
            DomainError::UnknownKey { .. } => "unknown_key",
            DomainError::Frozen { .. } => "frozen",
            DomainError::InUse { .. } => "in_use",
            DomainError::TooMany { .. } => "too_many",
            DomainError::Invalid(_) => "invalid",
        }
    }

    /// The form field the problem belongs to (`sessions.3.end` inside a list); for several
    /// problems, the first one's.
    pub fn field(&self) -> Option<String> {
        match self {
            DomainError::Required { field, .. }
            | DomainError::TooLong { field, .. }
            | DomainError::UnknownCountry { field, .. }
            | DomainError::InvalidTimeZone { field, .. }
            | DomainError::NegativeNumber { field, .. }
            | DomainError::NotWholeNumber { field, .. }
            | DomainError::InvalidDate { field, .. }
            | DomainError::InvalidTime { field, .. }
            | DomainError::EndBeforeStart { field }
            | DomainError::OutsideVisit { field, .. }
            | DomainError::OutOfRange { field, .. }
            | DomainError::UnknownCity { field, .. }
            | DomainError::InvalidDateTime { field, .. }
            | DomainError::Duplicate { field, .. }
            | DomainError::WrongSide { field, .. }
            | DomainError::AlreadyPaired { field, .. }
            | DomainError::UnknownRecord { field, .. }
            | DomainError::InvalidLink { field, .. }
            | DomainError::TimeSkipped { field, .. }
            | DomainError::InvalidMonth { field, .. }
            | DomainError::OutsideProgramme { field, .. }
            | DomainError::TooMany { field, .. } => Some(field.to_string()),
            DomainError::InvalidEmail { .. } => Some("email".into()),
            DomainError::InvalidPhone { .. } => Some("phone".into()),
            DomainError::QuotaBroken { .. } => None,
            DomainError::BadAnswer { question, .. } => Some(format!("answers.{question}")),
            DomainError::UnknownCriterion { key } => Some(format!("criteria.{key}")),
            DomainError::UnknownTheme { .. } => Some("theme".into()),
            DomainError::BadRow { line, column, .. } if column.is_empty() => {
                Some(format!("rows.{line}"))
            }
            DomainError::BadRow { line, column, .. } => Some(format!("rows.{line}.{column}")),
            DomainError::InvalidId { .. } => Some("id".into()),
            DomainError::InList {
                list, index, error, ..
            } => Some(match error.field() {
                Some(inner) => format!("{list}.{index}.{inner}"),
                None => format!("{list}.{index}"),
            }),
            DomainError::NotFound { .. }
            | DomainError::Unpairable { .. }
            | DomainError::UnknownQuestion { .. }
            | DomainError::UnknownKey { .. }
            | DomainError::Frozen { .. }
            | DomainError::InUse { .. } => None,
            DomainError::Invalid(all) => all.first().and_then(DomainError::field),
        }
    }

    /// Each single problem, flattened, ready for the UI.
    pub fn issues(&self) -> Vec<Issue> {
        match self {
            DomainError::Invalid(all) => all.iter().flat_map(DomainError::issues).collect(),
            DomainError::InList {
                list, index, error, ..
            } => error
                .issues()
                .into_iter()
                .map(|i| Issue {
                    field: Some(match i.field {
                        Some(inner) => format!("{list}.{index}.{inner}"),
                        None => format!("{list}.{index}"),
                    }),
                    ..i
                })
                .collect(),
            one => vec![Issue {
                code: one.code().to_string(),
                message: one.to_string(),
                field: one.field(),
            }],
        }
    }

    /// Collects problems into one error, or none when the list is empty.
    pub(crate) fn collect(mut problems: Vec<DomainError>) -> Result<(), DomainError> {
        match problems.len() {
            0 => Ok(()),
            1 => Err(problems.remove(0)),
            _ => Err(DomainError::Invalid(problems)),
        }
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::Required { label, .. } => write!(f, "{label} is required."),
            DomainError::TooLong { label, max, .. } => {
                write!(f, "{label} is too long (at most {max} characters).")
            }
            DomainError::UnknownCountry { value, .. } => write!(
                f,
                "“{value}” is not a country of this programme. Choose one from the list."
            ),
            DomainError::InvalidTimeZone { value, .. } => write!(
                f,
                "“{value}” is not a known time zone. Use an IANA name such as Europe/Berlin or Asia/Seoul."
            ),
            DomainError::NegativeNumber { label, .. } => write!(f, "{label} cannot be negative."),
            DomainError::NotWholeNumber { label, value, .. } => {
                write!(f, "{label} must be a whole number (not “{value}”).")
            }
            DomainError::InvalidId { value } => write!(f, "“{value}” is not a valid record id."),
            DomainError::InvalidDate { label, value, .. } => {
                write!(f, "{label}: “{value}” is not a date; use YYYY-MM-DD, e.g. 2022-06-13.")
            }
            DomainError::InvalidTime { label, value, .. } => {
                write!(f, "{label}: “{value}” is not a time of day; use HH:MM, e.g. 09:30.")
            }
            DomainError::EndBeforeStart { .. } => write!(f, "The end must come after the start."),
            DomainError::OutsideVisit { date, first, last, .. } => write!(
                f,
                "{date} is outside the visit ({first} to {last}). Move the session or change the visit's dates."
            ),
            DomainError::OutOfRange { label, min, max, .. } => {
                write!(f, "{label} must be between {min} and {max}.")
            }
            DomainError::UnknownCity { .. } => {
                write!(f, "This city is not in the directory; choose one from the list.")
            }
            DomainError::InList { label, index, error, .. } => {
                write!(f, "{label} {}: {error}", index + 1)
            }
            DomainError::NotFound { what, .. } => {
                write!(f, "This {what} no longer exists; it may have been deleted.")
            }
            DomainError::InvalidDateTime { label, value, .. } => write!(
                f,
                "{label}: “{value}” is not a date and time; use e.g. 2021-11-15T17:30:00+01:00."
            ),
            DomainError::BadAnswer { text, reason, .. } => write!(f, "“{text}” {reason}."),
            DomainError::UnknownCriterion { key } => {
                write!(f, "“{key}” is not a review criterion of this programme.")
            }
            DomainError::UnknownQuestion { key } => write!(
                f,
                "“{key}” is not a question of this programme's evaluation."
            ),
            DomainError::Duplicate { what, .. } => write!(f, "There is already a {what}."),
            DomainError::BadRow { line, column, reason } if column.is_empty() => {
                write!(f, "Line {line}: {reason}.")
            }
            DomainError::BadRow {
                line,
                column,
                reason,
            } => write!(f, "Line {line}, column “{column}”: {reason}."),
            DomainError::InvalidEmail { value } => {
                write!(f, "“{value}” is not an e-mail address (name@example.org).")
            }
            DomainError::InvalidPhone { value } => write!(
                f,
                "“{value}” is not a phone number: use digits, spaces and an optional leading +."
            ),
            DomainError::UnknownRecord { what, .. } => {
                write!(f, "This {what} is not in the directory; choose one from the list.")
            }
            DomainError::WrongSide { eu: true, .. } => {
                write!(f, "This side of a pair takes an EU city.")
            }
            DomainError::WrongSide { eu: false, .. } => {
                write!(f, "This side of a pair takes a city from outside the EU.")
            }
            DomainError::AlreadyPaired { .. } => write!(
                f,
                "This city is already paired; remove its pairing before pairing it again."
            ),
            DomainError::QuotaBroken { violations } => write!(
                f,
                "This selection cannot be confirmed: {}.",
                violations.join("; ")
            ),
            DomainError::UnknownTheme { value } => {
                write!(f, "“{value}” is not a theme of this programme.")
            }
            DomainError::Unpairable { message } => f.write_str(message),
            DomainError::InvalidLink { value, reason, .. } => write!(
                f,
                "“{value}” is not a web link: it {reason}."
            ),
            DomainError::TimeSkipped {
                value,
                date,
                zone,
                from,
                to,
                ..
            } => write!(
                f,
                "{} does not exist on {date} in {zone}: the clocks go forward from {} to {} that night. Choose a time before or after the change.",
                value.format("%H:%M"),
                from.format("%H:%M"),
                to.format("%H:%M")
            ),
            DomainError::InvalidMonth { label, value, .. } => {
                write!(f, "{label}: “{value}” is not a month; use YYYY-MM, e.g. 2022-09.")
            }
            DomainError::OutsideProgramme { month, first, last, .. } => write!(
                f,
                "{month} is outside the programme ({first} to {last}). Choose a month inside it."
            ),
            DomainError::UnknownKey { what, key } => write!(
                f,
                "There is no {what} “{key}” in this plan any more; choose one from the list."
            ),
            DomainError::Frozen {
                what,
                number,
                issued_at,
            } => write!(
                f,
                "Version {number} of this {what} was issued on {issued_at} and is frozen: it cannot be changed. Edit the current draft instead."
            ),
            DomainError::InUse { name, uses } => write!(
                f,
                "{name} {}: choose someone else there first, then delete.",
                crate::text::and_list(uses)
            ),
            DomainError::TooMany { label, max, .. } => {
                write!(f, "At most {max} {label}: remove some first.")
            }
            DomainError::Invalid(all) => {
                let n = all.len();
                write!(f, "{n} fields need attention.")
            }
        }
    }
}

impl std::error::Error for DomainError {}
