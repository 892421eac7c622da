//! The dashboard: upcoming meetings, open actions by owner, where the programme stands.

mod common;

use chrono::{TimeZone, Utc};
use icp_api::{Desk, PhaseState};
use icp_domain::meeting::{ActionItem, ActionStatus, BelongsTo, MeetingInput, MeetingKind};

fn meeting(date: &str, title: &str, actions: Vec<ActionItem>) -> MeetingInput {
    MeetingInput {
        id: None,
        title: title.into(),
        kind: MeetingKind::WorkingMeeting,
        belongs_to: BelongsTo::Programme,
        date: date.into(),
        time: "15:00".into(),
        end: "16:30".into(),
        end_date: String::new(),
        planned_zone: "Europe/Brussels".into(),
        online_link: String::new(),
        venue: String::new(),
        agenda: vec![],
        attendees: vec![],
        minutes: String::new(),
        decisions: vec![],
        actions,
        series: None,
        occurrence: None,
    }
}

fn action(
    text: &str,
    owner: Option<icp_domain::Id>,
    due: &str,
    status: ActionStatus,
) -> ActionItem {
    ActionItem {
        text: text.into(),
        owner,
        due: (!due.is_empty()).then(|| due.into()),
        status,
    }
}

#[test]
fn open_actions_are_grouped_by_owner_and_only_meetings_ahead_are_upcoming() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let zoe = desk.add_person(&common::person("Zoë Maier")).unwrap().id;
    let ana = desk.add_person(&common::person("Ana Costa")).unwrap().id;
    desk.save_meeting(&meeting(
        "2022-06-14",
        "June working meeting",
        vec![
            action(
                "Send the Porto itinerary",
                Some(zoe),
                "2022-07-01",
                ActionStatus::Open,
            ),
            action(
                "Book the rooms",
                Some(ana),
                "2022-06-20",
                ActionStatus::Done,
            ),
            action(
                "Draft the energy chapter",
                Some(ana),
                "",
                ActionStatus::Open,
            ),
            action(
                "Ask Taichung for photos",
                None,
                "2022-06-30",
                ActionStatus::Open,
            ),
        ],
    ))
    .unwrap();
    desk.save_meeting(&meeting(
        "2022-07-12",
        "July working meeting",
        vec![action(
            "Circulate the minutes",
            Some(ana),
            "2022-07-15",
            ActionStatus::Open,
        )],
    ))
    .unwrap();

    // Seen on 30 June 2022 at noon UTC: July is ahead, June behind.
    let now = Utc.with_ymd_and_hms(2022, 6, 30, 12, 0, 0).unwrap();
    let board = desk.dashboard_at(now, "2022-06-30").unwrap();
    let titles: Vec<&str> = board.upcoming.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["July working meeting"]);
    assert_eq!(board.more_upcoming, 0);
    assert!(!board.upcoming[0].running);

    let groups: Vec<(&str, Vec<&str>)> = board
        .actions
        .iter()
        .map(|g| {
            (
                g.owner_name.as_str(),
                g.actions.iter().map(|a| a.text.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "Ana Costa",
                vec!["Circulate the minutes", "Draft the energy chapter"]
            ),
            ("Zoë Maier", vec!["Send the Porto itinerary"]),
            ("No owner", vec!["Ask Taichung for photos"]),
        ]
    );
    let overdue: Vec<&str> = board
        .actions
        .iter()
        .flat_map(|g| &g.actions)
        .filter(|a| a.overdue)
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        overdue,
        Vec::<&str>::new(),
        "nothing is past due on 30 June"
    );
    let later = desk.dashboard_at(now, "2022-07-02").unwrap();
    assert!(later
        .actions
        .iter()
        .flat_map(|g| &g.actions)
        .any(|a| a.text == "Send the Porto itinerary" && a.overdue));

    // During the July meeting it is under way.
    let during = Utc.with_ymd_and_hms(2022, 7, 12, 13, 30, 0).unwrap();
    assert!(desk.dashboard_at(during, "2022-07-12").unwrap().upcoming[0].running);

    let phases = |today: &str| -> Vec<PhaseState> {
        desk.dashboard_at(now, today)
            .unwrap()
            .phases
            .iter()
            .map(|p| p.state)
            .collect()
    };
    let early = phases("2000-01-01");
    assert!(early.iter().all(|s| *s == PhaseState::Ahead), "{early:?}");
    let late = phases("2100-01-01");
    assert!(late.iter().all(|s| *s == PhaseState::Done), "{late:?}");

    assert_eq!(
        desk.dashboard("30/06/2022").unwrap_err().to_ipc().issues[0]
            .field
            .as_deref(),
        Some("today")
    );
}
