//! The dates a series' rule gives, and its meetings once the exceptions are applied.

use super::*;

/// The series' fields read as values; `None` where a field does not read.
pub(super) struct Parsed {
    pub(super) zone: Option<Tz>,
    pub(super) time: Option<NaiveTime>,
    pub(super) from: Option<NaiveDate>,
    pub(super) until: Option<NaiveDate>,
    pub(super) skipped: Vec<NaiveDate>,
    /// Rule date → new local date and time.
    pub(super) moved: BTreeMap<NaiveDate, (NaiveDate, NaiveTime)>,
}

impl MeetingSeries {
    pub(super) fn parsed(&self) -> Parsed {
        let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let time = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
        Parsed {
            zone: zone_named(&self.planned_zone),
            time: time(&self.time),
            from: date(&self.from),
            until: date(&self.until),
            skipped: self.skipped.iter().filter_map(|s| date(s)).collect(),
            moved: self
                .moved
                .iter()
                .filter_map(|m| Some((date(&m.date)?, (date(&m.to_date)?, time(&m.to_time)?))))
                .collect(),
        }
    }

    /// The dates the rule gives, before exceptions; one more than [`OCCURRENCES_MAX`] at most,
    /// so a caller can tell that the series is too long.
    pub(super) fn rule_dates(&self, from: NaiveDate, until: Option<NaiveDate>) -> Vec<NaiveDate> {
        let limit = self
            .count
            .unwrap_or(OCCURRENCES_MAX + 1)
            .min(OCCURRENCES_MAX + 1) as usize;
        if until.is_none() && self.count.is_none() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut push = |d: NaiveDate| {
            if until.is_some_and(|u| d > u) || out.len() >= limit {
                return false;
            }
            if d >= from {
                out.push(d);
            }
            true
        };
        match self.rule {
            SeriesRule::Weekly { every, weekday } => {
                let ahead = (7 + weekday.chrono().num_days_from_monday()
                    - from.weekday().num_days_from_monday())
                    % 7;
                let step = Duration::weeks(i64::from(every.max(1)));
                let mut d = from.checked_add_signed(Duration::days(ahead.into()));
                while let Some(day) = d {
                    if !push(day) {
                        break;
                    }
                    d = day.checked_add_signed(step);
                }
            }
            SeriesRule::Monthly { every, .. } | SeriesRule::MonthlyOnDay { every, .. } => {
                let every = every.max(1) as i32;
                let mut month = from.year() * 12 + from.month0() as i32;
                // Each month gives one date at most; the first may fall before `from`.
                for _ in 0..=(OCCURRENCES_MAX + 1) {
                    let Some(day) = self.day_in_month(month.div_euclid(12), month.rem_euclid(12))
                    else {
                        break;
                    };
                    if !push(day) {
                        break;
                    }
                    month += every;
                }
            }
        }
        out
    }

    /// The rule's date in a month (`month0` from 0), for the monthly rules.
    fn day_in_month(&self, year: i32, month0: i32) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(year, month0 as u32 + 1, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        match self.rule {
            SeriesRule::Weekly { .. } => None,
            SeriesRule::MonthlyOnDay { day, .. } => {
                NaiveDate::from_ymd_opt(year, first.month(), day.clamp(1, last.day()))
            }
            SeriesRule::Monthly { week, weekday, .. } => {
                let wd = weekday.chrono();
                match week {
                    WeekOfMonth::Last => {
                        let back = (7 + last.weekday().num_days_from_monday()
                            - wd.num_days_from_monday())
                            % 7;
                        last.checked_sub_signed(Duration::days(back.into()))
                    }
                    n => {
                        let nth = match n {
                            WeekOfMonth::First => 1,
                            WeekOfMonth::Second => 2,
                            WeekOfMonth::Third => 3,
                            _ => 4,
                        };
                        NaiveDate::from_weekday_of_month_opt(year, first.month(), wd, nth)
                    }
                }
            }
        }
    }

    /// The series' meetings in time order, exceptions applied: a skipped date gives none, a
    /// moved one gives its new date and time. Each wall-clock time is read in the series' zone:
    /// one the clocks go back over is taken the first time it happens, one they jump over is
    /// read with the offset before the jump (02:30 becomes 03:30), as iCalendar does. A series
    /// that does not validate gives what can be read of it, possibly nothing.
    pub fn occurrences(&self) -> Vec<Occurrence> {
        let p = self.parsed();
        let (Some(zone), Some(time), Some(from)) = (p.zone, p.time, p.from) else {
            return Vec::new();
        };
        let mut out: Vec<Occurrence> = self
            .rule_dates(from, p.until)
            .into_iter()
            .take(OCCURRENCES_MAX as usize)
            .filter(|d| !p.skipped.contains(d))
            .map(|date| {
                let (on, at, moved) = match p.moved.get(&date) {
                    Some(&(on, at)) => (on, at, true),
                    None => (date, time, false),
                };
                let start = resolve(zone, on.and_time(at)).earliest();
                let local = start.with_timezone(&zone);
                Occurrence {
                    date,
                    start,
                    local_date: local.date_naive(),
                    local_time: local.time(),
                    moved,
                }
            })
            .collect();
        out.sort_by_key(|o| (o.start, o.date));
        out
    }
}
