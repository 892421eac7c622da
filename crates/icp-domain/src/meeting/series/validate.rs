//! A series checked field by field, and the exceptions that no longer name a meeting.

use super::*;

impl MeetingSeries {
    /// Checks every field and returns the series tidied (times `HH:MM`, dates `YYYY-MM-DD`,
    /// skipped dates sorted and once each); every problem has its field (`rule.every`,
    /// `moved.1.to_time`, `skipped.0.date`).
    pub fn validate(&self, refs: &impl MeetingRefs) -> Result<MeetingSeries, DomainError> {
        let mut problems = Vec::new();
        let title = required_text(&self.title, "title", "Title", TITLE_MAX, &mut problems);
        check_belongs(self.kind, self.belongs_to, refs, &mut problems);
        match self.rule {
            SeriesRule::Weekly { every, .. } if !(1..=52).contains(&every) => {
                problems.push(DomainError::OutOfRange {
                    field: "rule.every",
                    label: "Every how many weeks",
                    min: 1,
                    max: 52,
                })
            }
            SeriesRule::Monthly { every, .. } | SeriesRule::MonthlyOnDay { every, .. }
                if !(1..=12).contains(&every) =>
            {
                problems.push(DomainError::OutOfRange {
                    field: "rule.every",
                    label: "Every how many months",
                    min: 1,
                    max: 12,
                })
            }
            _ => {}
        }
        if let SeriesRule::MonthlyOnDay { day, .. } = self.rule {
            if !(1..=31).contains(&day) {
                problems.push(DomainError::OutOfRange {
                    field: "rule.day",
                    label: "Day of the month",
                    min: 1,
                    max: 31,
                });
            }
        }
        let time = parse_time(&self.time, "time", "Time")
            .map_err(|e| problems.push(e))
            .ok();
        let zone = required_zone(&self.planned_zone, "planned_zone", &mut problems);
        if !(1..=DURATION_MAX_MINUTES).contains(&self.duration_minutes) {
            problems.push(duration_out_of_range("duration_minutes"));
        }
        let from = parse_date(&self.from, "from", "First day")
            .map_err(|e| problems.push(e))
            .ok();
        let until = match self.until.trim() {
            "" => None,
            text => parse_date(text, "until", "Last day")
                .map_err(|e| problems.push(e))
                .ok(),
        };
        if let (Some(from), Some(until)) = (from, until) {
            if until < from {
                problems.push(DomainError::EndBeforeStart { field: "until" });
            }
        }
        let too_many = |field| DomainError::OutOfRange {
            field,
            label: "The number of meetings in the series",
            min: 1,
            max: OCCURRENCES_MAX,
        };
        match self.count {
            Some(c) if !(1..=OCCURRENCES_MAX).contains(&c) => problems.push(too_many("count")),
            None if self.until.trim().is_empty() => problems.push(DomainError::Required {
                field: "until",
                label: "A last day or a number of meetings",
            }),
            _ => {}
        }
        if let (Some(from), Some(until), None) = (from, until, self.count) {
            let n = self.rule_dates(from, Some(until)).len();
            if until >= from && (n == 0 || n > OCCURRENCES_MAX as usize) {
                problems.push(too_many("until"));
            }
        }

        let mut skipped: Vec<NaiveDate> = Vec::new();
        for (index, text) in self.skipped.iter().enumerate() {
            match parse_date(text, "date", "Skipped date") {
                Ok(d) if !skipped.contains(&d) => skipped.push(d),
                Ok(_) => {}
                Err(e) => problems.push(in_list("skipped", "Skipped meeting", index)(e)),
            }
        }
        skipped.sort();
        let mut moved = Vec::with_capacity(self.moved.len());
        let mut moved_dates: Vec<NaiveDate> = Vec::new();
        for (index, m) in self.moved.iter().enumerate() {
            let mut own = Vec::new();
            let date = parse_date(&m.date, "date", "Date")
                .map_err(|e| own.push(e))
                .ok();
            if let Some(d) = date {
                if moved_dates.contains(&d) || skipped.contains(&d) {
                    own.push(DomainError::Duplicate {
                        field: "date",
                        what: "change for this meeting",
                    });
                }
                moved_dates.push(d);
            }
            let to_date = parse_date(&m.to_date, "to_date", "New date")
                .map_err(|e| own.push(e))
                .ok();
            let to_time = parse_time(&m.to_time, "to_time", "New time")
                .map_err(|e| own.push(e))
                .ok();
            if let (Some(z), Some(d), Some(t)) = (zone, to_date, to_time) {
                let local = d.and_time(t);
                if let WallClock::Skipped { from, to, .. } = resolve(z, local) {
                    own.push(time_skipped("to_time", z, local, from, to));
                }
            }
            if own.is_empty() {
                moved.push(MovedOccurrence {
                    date: date.expect("checked").format("%Y-%m-%d").to_string(),
                    to_date: to_date.expect("checked").format("%Y-%m-%d").to_string(),
                    to_time: to_time.expect("checked").format("%H:%M").to_string(),
                });
            }
            problems.extend(
                own.into_iter()
                    .map(in_list("moved", "Moved meeting", index)),
            );
        }
        let online_link = check_online_link(&self.online_link, &mut problems);
        let venue = optional_text(&self.venue, "venue", "Venue", VENUE_MAX, &mut problems);

        DomainError::collect(problems)?;
        Ok(MeetingSeries {
            title,
            time: time.expect("checked").format("%H:%M").to_string(),
            planned_zone: self.planned_zone.trim().to_string(),
            from: from.expect("checked").format("%Y-%m-%d").to_string(),
            until: until
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            skipped: skipped
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            moved,
            online_link,
            venue,
            ..self.clone()
        })
    }
}
