//! iCalendar (RFC 5545) files: a list of timed events, written so that calendar programs
//! import them at the right moment wherever the person importing them is.
//!
//! Times are written in UTC ("…Z"). A time with a TZID would need the zone's rules
//! written out as a VTIMEZONE, which chrono-tz does not give; UTC needs none, and every
//! calendar program shows it in the reader's own zone.

use chrono::NaiveDateTime;

/// One calendar file.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    /// Shown by some programs as the calendar's name on import.
    pub name: String,
    pub events: Vec<Event>,
}

/// One timed event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Globally unique and stable: importing a newer file updates the events already there
    /// instead of adding them twice.
    pub uid: String,
    pub start_utc: NaiveDateTime,
    pub end_utc: NaiveDateTime,
    pub summary: String,
    pub location: String,
    /// A web address for the event (an online meeting's link); left out when empty.
    pub url: String,
    pub description: String,
    pub category: String,
}

const PRODUCT: &str = "-//ICP AGIR//ICP Desk//EN";
/// RFC 5545 §3.1: lines longer than 75 octets are folded.
const MAX_LINE_OCTETS: usize = 75;

/// The file's text. `stamp` is when it was made (DTSTAMP, required on every event).
pub fn write(calendar: &Calendar, stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| fold_into(&mut out, &format!("{name}:{value}"));
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", PRODUCT);
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    line("X-WR-CALNAME", &escape(&calendar.name));
    for e in &calendar.events {
        line("BEGIN", "VEVENT");
        line("UID", &escape(&e.uid));
        line("DTSTAMP", &utc(stamp));
        line("DTSTART", &utc(e.start_utc));
        line("DTEND", &utc(e.end_utc));
        line("SUMMARY", &escape(&e.summary));
        if !e.location.is_empty() {
            line("LOCATION", &escape(&e.location));
        }
        if !e.url.is_empty() {
            line("URL", &uri(&e.url));
        }
        if !e.description.is_empty() {
            line("DESCRIPTION", &escape(&e.description));
        }
        if !e.category.is_empty() {
            line("CATEGORIES", &escape(&e.category));
        }
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

fn utc(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT values escape backslash, semicolon and comma, and write line ends as "\n".
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in a content line at all.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// URL values are URIs (RFC 5545 §3.3.13), not TEXT: nothing is escaped, but a URI is ASCII,
/// so every other byte (a link to https://광주.kr/회의, a stray space) is percent-encoded, as a
/// browser does when it follows such a link.
fn uri(link: &str) -> String {
    let mut out = String::with_capacity(link.len());
    for b in link.trim().bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Appends `line` ending in CRLF, folded so no physical line exceeds 75 octets. Folds fall
/// between characters, never inside a UTF-8 sequence, so Hangul and Han survive.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            // The continuation's leading space counts towards its 75 octets.
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2022, 6, 13)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn one(summary: &str, description: &str) -> String {
        write(
            &Calendar {
                name: "Visit".into(),
                events: vec![Event {
                    uid: "a@b".into(),
                    start_utc: at(8, 0),
                    end_utc: at(9, 30),
                    summary: summary.into(),
                    location: String::new(),
                    url: String::new(),
                    description: description.into(),
                    category: String::new(),
                }],
            },
            at(0, 0),
        )
    }

    #[test]
    fn text_is_escaped_and_times_are_utc() {
        let ics = one("Plenary; a, b \\ c", "line one\nline two");
        assert!(
            ics.contains("SUMMARY:Plenary\\; a\\, b \\\\ c\r\n"),
            "{ics}"
        );
        assert!(ics.contains("DESCRIPTION:line one\\nline two\r\n"), "{ics}");
        assert!(ics.contains("DTSTART:20220613T080000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20220613T093000Z\r\n"), "{ics}");
        assert!(!ics.contains("LOCATION"), "empty properties are left out");
        assert!(!ics.contains("URL"), "empty properties are left out");
    }

    #[test]
    fn urls_are_not_escaped_as_text_and_other_bytes_are_percent_encoded() {
        assert_eq!(
            uri("https://zoom.us/j/1?pwd=a,b;c\\d"),
            "https://zoom.us/j/1?pwd=a,b;c\\d"
        );
        assert_eq!(
            uri(" https://광주.kr/회의 x "),
            "https://%EA%B4%91%EC%A3%BC.kr/%ED%9A%8C%EC%9D%98%20x"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let long = "광주광역시 에너지 전환 계획 발표와 토론, Łódź and München, 臺中市".repeat(4);
        let ics = one(&long, "");
        for physical in ics.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", escape(&long))));
    }
}
