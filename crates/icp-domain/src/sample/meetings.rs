//! The sample meetings: each cluster's monthly online meeting from May 2022 (the consolidation
//! phase), run by its cluster manager on Brussels time, and a few best practices captured in
//! the first ones, so that the time rules and the capture can be tried at once; and the sample
//! pair's own meetings.

use crate::meeting::{
    ActionItem, ActionStatus, Attendee, BelongsTo, Meeting, MeetingKind, MeetingSeries, SeriesRule,
    WeekOfMonth, Weekday,
};
use crate::pairing::Pairing;
use crate::{BestPractice, City, Cluster, Id, Programme};

/// `(theme, title, city, summary)` of the practices captured in each cluster's first meeting.
const PRACTICES: [(&str, &str, &str, &str); 4] = [
    (
        "circular_economy",
        "Textile reuse district",
        "Prato",
        "Sorting and reuse of post-consumer textiles where the city's mills used to recycle wool.",
    ),
    (
        "air_quality",
        "Low-emission zone with real-time monitoring",
        "Milan",
        "Area C charges with sensors that publish NO₂ readings street by street.",
    ),
    (
        "energy_transition",
        "Energy communities on school roofs",
        "Porto",
        "Citizens co-own solar panels on municipal buildings; the schools use what they produce.",
    ),
    (
        "migrant_integration",
        "One-stop welcome centre",
        "Berlin",
        "Housing, language courses and job counselling for newcomers at one address.",
    ),
];

/// The sample meetings, ready to save.
pub struct SampleMeetings {
    pub series: Vec<MeetingSeries>,
    pub meetings: Vec<Meeting>,
    pub practices: Vec<BestPractice>,
}

/// One monthly series a cluster (the 2nd Tuesday, 15:00 Brussels, eight meetings), its
/// meetings with the cluster manager attending, and a practice captured in each first meeting.
pub fn meetings(
    programme: &Programme,
    clusters: &[Cluster],
    cities: &[City],
    mut new_id: impl FnMut() -> Id,
) -> SampleMeetings {
    let mut out = SampleMeetings {
        series: Vec::new(),
        meetings: Vec::new(),
        practices: Vec::new(),
    };
    for cluster in clusters {
        let theme = programme
            .themes
            .iter()
            .find(|t| t.key == cluster.theme)
            .map_or(cluster.theme.clone(), |t| t.label.clone());
        let series = MeetingSeries {
            id: new_id(),
            title: format!("{theme} cluster meeting"),
            kind: MeetingKind::ClusterMeeting,
            belongs_to: BelongsTo::Cluster(cluster.id),
            rule: SeriesRule::Monthly {
                every: 1,
                week: WeekOfMonth::Second,
                weekday: Weekday::Tuesday,
            },
            time: "15:00".into(),
            planned_zone: "Europe/Brussels".into(),
            duration_minutes: 90,
            from: "2022-05-01".into(),
            until: String::new(),
            count: Some(8),
            skipped: vec!["2022-08-09".into()],
            moved: Vec::new(),
            online_link: format!("https://meet.example.org/icp-agir/{}", cluster.theme),
            venue: String::new(),
            sample: true,
        };
        let mut first = None;
        for occurrence in series.occurrences() {
            let mut meeting = series.meeting(&occurrence, new_id());
            meeting.attendees = cluster
                .manager
                .map(|person| Attendee {
                    person,
                    guest_speaker: false,
                })
                .into_iter()
                .collect();
            meeting.sample = true;
            if first.is_none() {
                // Left open, so the dashboard has something to show by owner.
                meeting.actions = vec![ActionItem {
                    text: "Send the member cities the best-practice template".into(),
                    owner: cluster.manager,
                    due: Some(
                        (occurrence.local_date + chrono::Duration::days(14))
                            .format("%Y-%m-%d")
                            .to_string(),
                    ),
                    status: ActionStatus::Open,
                }];
            }
            first.get_or_insert((meeting.id, meeting.start));
            out.meetings.push(meeting);
        }
        let captured = PRACTICES.iter().find(|(t, ..)| *t == cluster.theme);
        if let (Some((meeting, start)), Some((_, title, city, summary))) = (first, captured) {
            out.practices.push(BestPractice {
                title: title.to_string(),
                city: cities
                    .iter()
                    .find(|c| c.name.starts_with(city))
                    .map(|c| c.id),
                themes: vec![cluster.theme.clone()],
                summary: summary.to_string(),
                meeting: Some(meeting),
                // Twenty minutes in, while the city told it.
                captured_at: (start + chrono::Duration::minutes(20)).to_rfc3339(),
                sample: true,
                ..BestPractice::blank(new_id())
            });
        }
        out.series.push(series);
    }
    out
}

/// The sample pair's own meetings: Porto and eThekwini's pairing managers meet on the first
/// Thursday of each month at 10:00 Lisbon time (11:00 or 12:00 in eThekwini, which does not
/// change its clocks), four times from September 2022, after the delegation's June visit; a
/// practice eThekwini told in the first is captured in it.
pub fn pairing_meetings(
    pairing: &Pairing,
    managers: &[Id],
    mut new_id: impl FnMut() -> Id,
) -> SampleMeetings {
    let series = MeetingSeries {
        id: new_id(),
        title: "Porto – eThekwini pairing meeting".into(),
        kind: MeetingKind::PairingMeeting,
        belongs_to: BelongsTo::Pairing(pairing.id),
        rule: SeriesRule::Monthly {
            every: 1,
            week: WeekOfMonth::First,
            weekday: Weekday::Thursday,
        },
        time: "10:00".into(),
        planned_zone: "Europe/Lisbon".into(),
        duration_minutes: 60,
        from: "2022-09-01".into(),
        until: String::new(),
        count: Some(4),
        skipped: Vec::new(),
        moved: Vec::new(),
        online_link: "https://meet.example.org/icp-agir/porto-ethekwini".into(),
        venue: String::new(),
        sample: true,
    };
    let meetings: Vec<Meeting> = series
        .occurrences()
        .iter()
        .map(|o| {
            let mut m = series.meeting(o, new_id());
            m.attendees = managers
                .iter()
                .map(|&person| Attendee {
                    person,
                    guest_speaker: false,
                })
                .collect();
            m
        })
        .collect();
    let practices = meetings
        .first()
        .map(|first| BestPractice {
            title: "Street traders' markets at the transport hub".into(),
            city: Some(pairing.partner_city),
            themes: vec!["circular_economy".into()],
            summary: "Informal traders get stalls, storage and waste collection where commuters \
                      change buses, run with their associations."
                .into(),
            meeting: Some(first.id),
            captured_at: (first.start + chrono::Duration::minutes(25)).to_rfc3339(),
            sample: true,
            ..BestPractice::blank(new_id())
        })
        .into_iter()
        .collect();
    SampleMeetings {
        series: vec![series],
        meetings,
        practices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::MeetingRefs;
    use crate::PracticeRefs;

    struct All<'a>(&'a SampleMeetings, &'a [Cluster], &'a [City]);

    impl MeetingRefs for All<'_> {
        fn person(&self, _: Id) -> bool {
            true
        }
        fn cluster(&self, id: Id) -> bool {
            self.1.iter().any(|c| c.id == id)
        }
        fn pairing(&self, _: Id) -> bool {
            false
        }
        fn series(&self, id: Id) -> bool {
            self.0.series.iter().any(|s| s.id == id)
        }
    }

    impl PracticeRefs for All<'_> {
        fn city(&self, id: Id) -> bool {
            self.2.iter().any(|c| c.id == id)
        }
        fn meeting(&self, id: Id) -> bool {
            self.0.meetings.iter().any(|m| m.id == id)
        }
        fn person(&self, _: Id) -> bool {
            true
        }
    }

    #[test]
    fn every_sample_meeting_and_practice_is_valid_and_keeps_15_00_in_brussels() {
        let p = Programme::icp_agir();
        let mut n = 0;
        let mut id = || {
            n += 1;
            Id::from_parts(4, n)
        };
        let cities: Vec<City> = super::super::cities()
            .iter()
            .map(|c| c.validate(&p, id()).unwrap())
            .collect();
        let clusters = super::super::clusters(&cities, &mut id);
        let sample = meetings(&p, &clusters, &cities, id);
        let all = All(&sample, &clusters, &cities);
        assert_eq!(sample.series.len(), 4);
        assert_eq!(
            sample.meetings.len(),
            4 * 7,
            "eight a series, August skipped"
        );
        for s in &sample.series {
            s.validate(&all).unwrap();
        }
        for m in &sample.meetings {
            m.validate(&all).unwrap();
            let brussels = m.start.with_timezone(&chrono_tz::Europe::Brussels);
            assert_eq!(brussels.format("%H:%M %a").to_string(), "15:00 Tue");
        }
        assert_eq!(sample.practices.len(), 4);
        for practice in &sample.practices {
            practice.validate(&p, &all).unwrap();
            assert!(practice.city.is_some(), "{}", practice.title);
        }
    }
}
