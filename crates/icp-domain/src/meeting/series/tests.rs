use super::*;
use crate::meeting::record::tests::{cluster, Refs};
use crate::meeting::test_support::{date, four_cities, utc, PROGRAMME_ZONES};
use chrono::Timelike;
use proptest::prelude::*;

fn series(rule: SeriesRule) -> MeetingSeries {
    MeetingSeries {
        id: Id::from_parts(5, 1),
        title: "Circular economy cluster".into(),
        kind: MeetingKind::ClusterMeeting,
        belongs_to: BelongsTo::Cluster(cluster()),
        rule,
        time: "15:00".into(),
        planned_zone: "Europe/Berlin".into(),
        duration_minutes: 90,
        from: "2022-01-01".into(),
        until: "2022-12-31".into(),
        count: None,
        skipped: vec![],
        moved: vec![],
        online_link: "https://meet.jit.si/icp-agir-circular".into(),
        venue: String::new(),
        sample: false,
    }
}

fn messages(w: &[MeetingWarning]) -> Vec<&str> {
    w.iter().map(|w| w.message.as_str()).collect()
}

#[test]
fn a_monthly_series_keeps_15_00_in_berlin_across_both_switches() {
    let s = series(SeriesRule::MonthlyOnDay { every: 1, day: 15 })
        .validate(&Refs)
        .unwrap();
    let o = s.occurrences();
    assert_eq!(o.len(), 12);
    assert!(o
        .iter()
        .all(|o| o.local_time == NaiveTime::from_hms_opt(15, 0, 0).unwrap()));
    assert!(o
        .iter()
        .all(|o| o.local_date == o.date && o.date.day() == 15));
    // CET is UTC+1 (Jan–Mar 15, Nov, Dec), CEST UTC+2 (Apr–Oct): the instant moves.
    let utc_hours: Vec<u32> = o.iter().map(|o| o.start.hour()).collect();
    assert_eq!(utc_hours, [14, 14, 14, 13, 13, 13, 13, 13, 13, 13, 14, 14]);
    assert_eq!(o[2].start, utc(2022, 3, 15, 14, 0));

    let w = s.warnings(&four_cities());
    assert!(w.iter().all(|w| w.code == "clock_change"));
    assert_eq!(
        messages(&w),
        [
            // 15 March sits in the weeks Canada has switched and the EU not.
            "Clocks in Vancouver go forward on 13 Mar 2022, between the meetings of 15 Feb \
             and 15 Mar: that meeting is an hour later there.",
            "Clocks in Berlin go forward on 27 Mar 2022, between the meetings of 15 Mar and \
             15 Apr: that meeting is an hour earlier in Vancouver, Seoul and Johannesburg; \
             it keeps its time in Berlin.",
            "Clocks in Berlin go back on 30 Oct 2022 and clocks in Vancouver go back on 6 \
             Nov 2022, between the meetings of 15 Oct and 15 Nov: that meeting is an hour \
             later in Seoul and Johannesburg; it keeps its time in Berlin and Vancouver.",
        ]
    );
    let [berlin, vancouver, seoul, johannesburg] = [0, 1, 2, 3].map(|i| four_cities()[i].id);
    assert_eq!(w[0].cities, [vancouver]);
    assert_eq!(w[1].cities, [vancouver, seoul, johannesburg]);
    assert_eq!(w[2].cities, [seoul, johannesburg]);
    assert!(!w.iter().any(|w| w.cities.contains(&berlin)));
}

#[test]
fn the_second_tuesday_of_each_month_with_a_summer_break_and_a_moved_meeting() {
    let s = MeetingSeries {
        until: String::new(),
        count: Some(12),
        skipped: vec!["2022-08-09".into()],
        moved: vec![MovedOccurrence {
            date: "2022-06-14".into(),
            to_date: "2022-06-16".into(),
            to_time: "16:00".into(),
        }],
        ..series(SeriesRule::Monthly {
            every: 1,
            week: WeekOfMonth::Second,
            weekday: Weekday::Tuesday,
        })
    }
    .validate(&Refs)
    .unwrap();
    let o = s.occurrences();
    let dates: Vec<String> = o
        .iter()
        .map(|o| o.local_date.format("%m-%d").to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "01-11", "02-08", "03-08", "04-12", "05-10", "06-16", "07-12", "09-13", "10-11",
            "11-08", "12-13"
        ]
    );
    let june = &o[5];
    assert!(june.moved);
    assert_eq!(june.date, date(2022, 6, 14));
    assert_eq!(june.start, utc(2022, 6, 16, 14, 0));

    // Both spring switches fall between 8 March and 12 April, both autumn ones between
    // 11 October and 8 November: Vancouver ends where it started, Seoul and Johannesburg
    // don't.
    assert_eq!(
        messages(&s.warnings(&four_cities())),
        [
            "Clocks in Vancouver go forward on 13 Mar 2022 and clocks in Berlin go forward \
             on 27 Mar 2022, between the meetings of 8 Mar and 12 Apr: that meeting is an \
             hour earlier in Seoul and Johannesburg; it keeps its time in Berlin and \
             Vancouver.",
            "Clocks in Berlin go back on 30 Oct 2022 and clocks in Vancouver go back on 6 \
             Nov 2022, between the meetings of 11 Oct and 8 Nov: that meeting is an hour \
             later in Seoul and Johannesburg; it keeps its time in Berlin and Vancouver.",
        ]
    );
    // The meeting record made for an occurrence points back at its series.
    let m = s.meeting(june, Id::from_parts(6, 7));
    assert_eq!(
        (m.series, m.start, m.duration_minutes),
        (Some(s.id), june.start, 90)
    );
}

#[test]
fn a_weekly_series_across_the_autumn_switches() {
    let s = MeetingSeries {
        from: "2022-10-25".into(),
        until: String::new(),
        count: Some(3),
        ..series(SeriesRule::Weekly {
            every: 1,
            weekday: Weekday::Tuesday,
        })
    };
    let o = s.occurrences();
    assert_eq!(
        o.iter().map(|o| o.start).collect::<Vec<_>>(),
        [
            utc(2022, 10, 25, 13, 0),
            utc(2022, 11, 1, 14, 0),
            utc(2022, 11, 8, 14, 0)
        ]
    );
    assert_eq!(
        messages(&s.warnings(&four_cities())),
        [
            "Clocks in Berlin go back on 30 Oct 2022, between the meetings of 25 Oct and 1 \
             Nov: that meeting is an hour later in Vancouver, Seoul and Johannesburg; it \
             keeps its time in Berlin.",
            "Clocks in Vancouver go back on 6 Nov 2022, between the meetings of 1 Nov and 8 \
             Nov: that meeting is an hour earlier there.",
        ]
    );
    // Seen from cities that never switch, only Berlin's change shows.
    let asia = [
        four_cities()[2].clone(),
        CityZone::new(Id::from_parts(1, 9), "Taichung", chrono_tz::Asia::Taipei),
    ];
    assert_eq!(s.warnings(&asia).len(), 1);
}

#[test]
fn rules_fall_on_the_days_people_mean() {
    let dates = |rule, from: &str, count| {
        let s = MeetingSeries {
            from: from.into(),
            until: String::new(),
            count: Some(count),
            ..series(rule)
        };
        s.occurrences()
            .iter()
            .map(|o| o.date.format("%Y-%m-%d").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        dates(
            SeriesRule::MonthlyOnDay { every: 1, day: 31 },
            "2022-01-31",
            4
        ),
        ["2022-01-31", "2022-02-28", "2022-03-31", "2022-04-30"]
    );
    assert_eq!(
        dates(
            SeriesRule::Monthly {
                every: 2,
                week: WeekOfMonth::Last,
                weekday: Weekday::Friday
            },
            "2022-11-26",
            3
        ),
        // November's last Friday (the 25th) is before the first day: it starts in January.
        ["2023-01-27", "2023-03-31", "2023-05-26"]
    );
    assert_eq!(
        dates(
            SeriesRule::Weekly {
                every: 2,
                weekday: Weekday::Monday
            },
            "2022-12-21",
            3
        ),
        ["2022-12-26", "2023-01-09", "2023-01-23"]
    );
}

#[test]
fn a_series_time_the_clocks_jump_over_is_read_after_the_jump() {
    let s = MeetingSeries {
        time: "02:30".into(),
        from: "2022-03-20".into(),
        until: "2022-03-27".into(),
        ..series(SeriesRule::Weekly {
            every: 1,
            weekday: Weekday::Sunday,
        })
    };
    let o = s.occurrences();
    assert_eq!(o[1].start, utc(2022, 3, 27, 1, 30));
    assert_eq!(o[1].local_time, NaiveTime::from_hms_opt(3, 30, 0).unwrap());
}

#[test]
fn bad_series_are_field_errors_and_stale_exceptions_are_warned() {
    let bad = MeetingSeries {
        title: "".into(),
        time: "3pm".into(),
        planned_zone: "Berlin".into(),
        duration_minutes: 0,
        from: "2022-06-01".into(),
        until: "2022-01-01".into(),
        skipped: vec!["9 Aug".into()],
        moved: vec![
            MovedOccurrence {
                date: "2022-03-08".into(),
                to_date: "2022-03-27".into(),
                to_time: "02:30".into(),
            },
            MovedOccurrence {
                date: "2022-03-08".into(),
                to_date: "2022-03-09".into(),
                to_time: "15:00".into(),
            },
        ],
        ..series(SeriesRule::MonthlyOnDay { every: 0, day: 32 })
    };
    let issues: Vec<(String, String)> = bad
        .validate(&Refs)
        .unwrap_err()
        .issues()
        .into_iter()
        .map(|i| (i.field.unwrap_or_default(), i.code))
        .collect();
    assert_eq!(
        issues,
        [
            ("title", "required"),
            ("rule.every", "out_of_range"),
            ("rule.day", "out_of_range"),
            ("time", "invalid_time"),
            ("planned_zone", "invalid_time_zone"),
            ("duration_minutes", "out_of_range"),
            ("until", "end_before_start"),
            ("skipped.0.date", "invalid_date"),
            ("moved.1.date", "duplicate"),
        ]
        .map(|(f, c)| (f.to_string(), c.to_string()))
    );
    // With a known zone the moved meeting's skipped time is found too.
    let gap = MeetingSeries {
        moved: bad.moved[..1].to_vec(),
        ..series(SeriesRule::MonthlyOnDay { every: 1, day: 8 })
    };
    let err = gap.validate(&Refs).unwrap_err();
    assert_eq!(err.field().as_deref(), Some("moved.0.to_time"));
    assert_eq!(err.code(), "time_skipped");
    let neither = MeetingSeries {
        until: " ".into(),
        ..series(SeriesRule::MonthlyOnDay { every: 1, day: 8 })
    };
    assert_eq!(
        neither.validate(&Refs).unwrap_err().to_string(),
        "A last day or a number of meetings is required."
    );
    let endless = MeetingSeries {
        until: "2030-01-01".into(),
        ..series(SeriesRule::Weekly {
            every: 1,
            weekday: Weekday::Monday,
        })
    };
    assert_eq!(
        endless.validate(&Refs).unwrap_err().field().as_deref(),
        Some("until")
    );

    let stale = MeetingSeries {
        skipped: vec!["2022-08-10".into()],
        moved: vec![
            MovedOccurrence {
                date: "2022-09-09".into(),
                to_date: "2022-09-08".into(),
                to_time: "15:00".into(),
            },
            MovedOccurrence {
                date: "2022-05-10".into(),
                to_date: "2022-05-11".into(),
                to_time: "15:00".into(),
            },
        ],
        ..series(SeriesRule::MonthlyOnDay { every: 1, day: 9 })
    };
    let mut w = stale.validate(&Refs).unwrap().warnings(&[]);
    let moved = w.remove(1);
    assert_eq!(moved.field.as_deref(), Some("moved.1"));
    assert_eq!(w[0].code, "exception_unused");
    assert_eq!(w[0].field.as_deref(), Some("skipped.0"));
    assert_eq!(
        w[0].message,
        "10 Aug 2022 is skipped but the series has no meeting that day any more; remove it \
         or change its date."
    );
    // With no other city, Berlin's changes move the meeting nowhere, and say so.
    assert_eq!(
        w[1].message,
        "Clocks in Berlin go forward on 27 Mar 2022, between the meetings of 9 Mar and 9 \
         Apr: the meeting keeps its time in every city."
    );
    assert_eq!(w.len(), 3);
}

#[test]
fn the_series_serialises_its_rule_by_kind() {
    let s = series(SeriesRule::Monthly {
        every: 1,
        week: WeekOfMonth::Second,
        weekday: Weekday::Tuesday,
    });
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(
        json["rule"],
        serde_json::json!({"kind": "monthly", "every": 1, "week": "second", "weekday": "tuesday"})
    );
    let short = serde_json::json!({"kind": "weekly", "weekday": "friday"});
    assert_eq!(
        serde_json::from_value::<SeriesRule>(short).unwrap(),
        SeriesRule::Weekly {
            every: 1,
            weekday: Weekday::Friday
        }
    );
    assert_eq!(serde_json::from_value::<MeetingSeries>(json).unwrap(), s);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    /// In any programme zone, every meeting of a weekly series is at the series' wall-clock
    /// time, unless the clocks jump over that time on its day.
    #[test]
    fn a_series_keeps_its_wall_clock_time(
        start_day in 0i64..3_650,
        minute in 0u32..1_440,
        z in 0usize..PROGRAMME_ZONES.len(),
        weekday in 0usize..7,
    ) {
        let zone = PROGRAMME_ZONES[z];
        let from = date(2020, 1, 1) + Duration::days(start_day);
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap();
        let s = MeetingSeries {
            time: time.format("%H:%M").to_string(),
            planned_zone: zone.name().to_string(),
            from: from.to_string(),
            until: String::new(),
            count: Some(30),
            ..series(SeriesRule::Weekly { every: 1, weekday: Weekday::ALL[weekday] })
        };
        let o = s.occurrences();
        prop_assert_eq!(o.len(), 30);
        for (i, occ) in o.iter().enumerate() {
            prop_assert_eq!(occ.date.weekday(), Weekday::ALL[weekday].chrono());
            prop_assert!(i == 0 || occ.date - o[i - 1].date == Duration::weeks(1));
            let skipped = matches!(resolve(zone, occ.date.and_time(time)), WallClock::Skipped { .. });
            prop_assert!(skipped || (occ.local_date, occ.local_time) == (occ.date, time));
        }
    }
}
