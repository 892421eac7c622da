//! Evaluations through the API: participants' responses to a meeting or a study visit, their
//! summary, and the minutes that print it.

mod common;

use std::process::Command;

use icp_api::{Desk, NewStudyVisit, Paper};
use icp_domain::evaluation::Rating;
use icp_domain::meeting::{BelongsTo, MeetingInput, MeetingKind};
use icp_domain::{Evaluation, EvaluationSubject, Id};

const NEW: Id = Id::from_bytes([0; 16]);

fn meeting(desk: &Desk) -> Id {
    desk.save_meeting(&MeetingInput {
        id: None,
        title: "First working meeting".into(),
        kind: MeetingKind::WorkingMeeting,
        belongs_to: BelongsTo::Programme,
        date: "2022-10-12".into(),
        time: "09:00".into(),
        end: "17:00".into(),
        end_date: String::new(),
        planned_zone: "Africa/Johannesburg".into(),
        online_link: String::new(),
        venue: "Durban ICC".into(),
        agenda: vec![],
        attendees: vec![],
        minutes: String::new(),
        decisions: vec![],
        actions: vec![],
        series: None,
        occurrence: None,
    })
    .unwrap()
    .meeting
    .id
}

fn visit(desk: &Desk, host: Id) -> Id {
    desk.create_study_visit(&NewStudyVisit {
        title: "Study visit to eThekwini".into(),
        host_city: Some(host),
        delegation: vec![],
        start_date: "2022-10-10".into(),
        days: 6,
    })
    .unwrap()
    .visit
    .id
}

fn rating(question: &str, score: u8) -> Rating {
    Rating {
        question: question.into(),
        score,
    }
}

fn response(subject: EvaluationSubject, ratings: Vec<Rating>, comment: &str) -> Evaluation {
    Evaluation {
        id: NEW,
        subject,
        respondent: String::new(),
        city: None,
        ratings,
        comment: comment.into(),
        submitted_at: String::new(),
        sample: false,
    }
}

/// `(operations, records)` in the store, read through a backup: what a save wrote.
fn written(desk: &Desk, dir: &std::path::Path) -> (u64, u64) {
    let r = desk.export_backup(&dir.join("count.jsonl")).unwrap();
    (r.operations, r.records)
}

/// Six responses rating relevance 5, 4, 4, 5, 3, 4 (mean 4.17); the first from Ana Silva of
/// Porto with a comment holding a script, the fourth anonymous with a comment.
fn six_responses(desk: &Desk, subject: EvaluationSubject, porto: Id) -> Vec<Evaluation> {
    [5, 4, 4, 5, 3, 4]
        .iter()
        .enumerate()
        .map(|(i, score)| {
            let mut e = response(subject, vec![rating("relevance", *score)], "");
            if i == 0 {
                e.respondent = "Ana Silva".into();
                e.city = Some(porto);
                e.ratings.push(rating("overall", 5));
                e.comment = "<script>alert(1)</script> More time for the site visits.".into();
            }
            if i == 3 {
                e.comment = "Great exchange with Cape Town".into();
            }
            desk.save_evaluation(&e).unwrap()
        })
        .collect()
}

#[test]
fn responses_are_recorded_listed_in_order_and_summed_up() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let porto = common::city(&desk, "Porto", "PT", "Europe/Lisbon");
    let subject = EvaluationSubject::Meeting(meeting(&desk));

    // As the window sends it.
    let sent: Evaluation = serde_json::from_value(serde_json::json!({
        "id": "00000000000000000000000000",
        "subject": {"kind": "meeting", "id": subject.id().to_string()},
        "respondent": "",
        "city": null,
        "ratings": [{"question": "organisation", "score": 4}],
        "comment": "",
        "submitted_at": "",
        "sample": true
    }))
    .unwrap();
    let first = desk.save_evaluation(&sent).unwrap();
    assert_ne!(first.id, NEW);
    assert!(!first.submitted_at.is_empty());
    assert!(
        !first.sample,
        "only the sample programme makes sample records"
    );
    let mut saved = vec![first.clone()];
    saved.extend(six_responses(&desk, subject, porto));

    let listed = desk.list_evaluations(subject).unwrap();
    assert_eq!(listed, saved, "in the order they were recorded");

    // An edit keeps its id and its submission time.
    let edited = Evaluation {
        comment: "  Well organised.  ".into(),
        submitted_at: "2000-01-01T00:00:00Z".into(),
        ..first.clone()
    };
    let again = desk.save_evaluation(&edited).unwrap();
    assert_eq!(
        (again.id, &again.submitted_at, again.comment.as_str()),
        (first.id, &first.submitted_at, "Well organised.")
    );
    assert_eq!(desk.list_evaluations(subject).unwrap().len(), 7);

    let view = desk.evaluation_summary(subject).unwrap();
    assert_eq!(
        (view.subject, view.title.as_str()),
        (subject, "First working meeting")
    );
    let s = &view.summary;
    assert_eq!(s.responses, 7);
    let q = |key: &str| s.questions.iter().find(|q| q.key == key).unwrap();
    assert_eq!(
        (q("relevance").answered, q("relevance").mean.as_str()),
        (6, "4.2")
    );
    assert_eq!(q("relevance").counts, [0, 0, 1, 3, 2]);
    assert_eq!(
        (q("organisation").answered, q("organisation").mean_tenths),
        (1, Some(40))
    );
    assert_eq!(
        (q("transfer").answered, q("transfer").mean.as_str()),
        (0, "")
    );
    let comments: Vec<(&str, String)> = s
        .comments
        .iter()
        .map(|c| (c.text.as_str(), c.signature()))
        .collect();
    assert_eq!(
        comments,
        [
            ("Well organised.", String::new()),
            (
                "<script>alert(1)</script> More time for the site visits.",
                "Ana Silva, Porto".to_string()
            ),
            ("Great exchange with Cape Town", String::new()),
        ]
    );
    assert_eq!(
        desk.list_evaluations(EvaluationSubject::StudyVisit(subject.id()))
            .unwrap(),
        vec![],
        "a meeting's evaluations are not a visit's"
    );
}

#[test]
fn a_study_visit_is_evaluated_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let durban = common::city(&desk, "eThekwini (Durban)", "ZA", "Africa/Johannesburg");
    let visit = EvaluationSubject::StudyVisit(visit(&desk, durban));
    let other = EvaluationSubject::Meeting(meeting(&desk));
    desk.save_evaluation(&response(other, vec![rating("overall", 1)], ""))
        .unwrap();
    let saved = desk
        .save_evaluation(&Evaluation {
            city: Some(durban),
            ..response(
                visit,
                vec![rating("transfer", 5), rating("exchange", 4)],
                "Sizobuyela! 다시 올게요",
            )
        })
        .unwrap();
    assert_eq!(desk.list_evaluations(visit).unwrap(), vec![saved]);
    let view = desk.evaluation_summary(visit).unwrap();
    assert_eq!(view.title, "Study visit to eThekwini");
    assert_eq!(view.summary.responses, 1);
    assert_eq!(
        view.summary.comments[0].city_name.as_deref(),
        Some("eThekwini (Durban)")
    );
    let overall = &view.summary.questions.iter().find(|q| q.key == "overall");
    assert_eq!(
        overall.unwrap().answered,
        0,
        "the meeting's rating is not the visit's"
    );
}

#[test]
fn every_bad_response_is_refused_by_field_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let m = meeting(&desk);
    let subject = EvaluationSubject::Meeting(m);
    let kept = desk
        .save_evaluation(&response(subject, vec![rating("overall", 4)], "Fine"))
        .unwrap();
    let before = written(&desk, dir.path());

    let good = || response(subject, vec![rating("overall", 4)], "");
    let cases: Vec<(Evaluation, &str, &str)> = vec![
        (
            Evaluation {
                subject: EvaluationSubject::Meeting(Id::from_parts(5, 5)),
                ..good()
            },
            "unknown_record",
            "subject",
        ),
        (
            Evaluation {
                subject: EvaluationSubject::StudyVisit(m),
                ..good()
            },
            "unknown_record",
            "subject",
        ),
        (
            response(
                subject,
                vec![rating("overall", 4), rating("catering", 5)],
                "",
            ),
            "unknown_question",
            "ratings.1",
        ),
        (
            response(subject, vec![rating("overall", 0)], ""),
            "out_of_range",
            "ratings.0.score",
        ),
        (
            response(subject, vec![rating("overall", 6)], ""),
            "out_of_range",
            "ratings.0.score",
        ),
        (
            response(
                subject,
                vec![rating("overall", 4), rating("overall", 5)],
                "",
            ),
            "duplicate",
            "ratings.1.question",
        ),
        (
            response(subject, vec![], &"x".repeat(4_001)),
            "too_long",
            "comment",
        ),
        (
            Evaluation {
                respondent: "x".repeat(201),
                ..good()
            },
            "too_long",
            "respondent",
        ),
        (
            Evaluation {
                city: Some(Id::from_parts(6, 6)),
                ..good()
            },
            "unknown_city",
            "city",
        ),
        (response(subject, vec![], "   "), "required", "ratings"),
        // An edit is checked the same way.
        (
            Evaluation {
                ratings: vec![rating("relevance", 9)],
                ..kept.clone()
            },
            "out_of_range",
            "ratings.0.score",
        ),
    ];
    for (bad, code, field) in cases {
        let err = desk.save_evaluation(&bad).unwrap_err().to_ipc();
        let issues: Vec<(&str, Option<&str>)> = err
            .issues
            .iter()
            .map(|i| (i.code.as_str(), i.field.as_deref()))
            .collect();
        assert_eq!(issues, [(code, Some(field))], "{bad:?}");
        assert!(!err.message.is_empty());
        assert_eq!(
            written(&desk, dir.path()),
            before,
            "nothing written: {bad:?}"
        );
    }

    // Several problems come back together, each with its field.
    let err = desk
        .save_evaluation(&Evaluation {
            city: Some(Id::from_parts(6, 6)),
            ..response(subject, vec![rating("nope", 7)], "")
        })
        .unwrap_err()
        .to_ipc();
    let fields: Vec<&str> = err
        .issues
        .iter()
        .filter_map(|i| i.field.as_deref())
        .collect();
    assert_eq!(fields, ["city", "ratings.0", "ratings.0.score"]);
    assert_eq!(written(&desk, dir.path()), before);
    assert_eq!(desk.list_evaluations(subject).unwrap(), vec![kept]);
}

#[test]
fn a_deleted_response_is_gone_and_not_brought_back_by_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let subject = EvaluationSubject::Meeting(meeting(&desk));
    let saved = desk
        .save_evaluation(&response(subject, vec![rating("overall", 4)], ""))
        .unwrap();
    desk.delete_evaluation(saved.id).unwrap();
    assert!(desk.list_evaluations(subject).unwrap().is_empty());
    assert_eq!(
        desk.evaluation_summary(subject).unwrap().summary.responses,
        0
    );
    let again = desk.delete_evaluation(saved.id).unwrap_err().to_ipc();
    assert_eq!(again.code, "not_found");

    let before = written(&desk, dir.path());
    let edit = desk.save_evaluation(&saved).unwrap_err().to_ipc();
    assert_eq!(edit.code, "not_found");
    assert_eq!(written(&desk, dir.path()), before);
    assert!(desk.list_evaluations(subject).unwrap().is_empty());

    let missing = EvaluationSubject::StudyVisit(Id::from_parts(8, 8));
    assert_eq!(
        desk.evaluation_summary(missing).unwrap_err().to_ipc().code,
        "not_found"
    );
}

fn pdf_text(desk: &Desk, meeting: Id, dir: &std::path::Path) -> String {
    let pdf = dir.join("minutes.pdf");
    desk.export_minutes(meeting, Paper::A4, &pdf).unwrap();
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("poppler-utils is installed (scripts/deps-debian.sh)");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_minutes_print_the_evaluation_with_its_means_and_comments_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let porto = common::city(&desk, "Porto", "PT", "Europe/Lisbon");
    let m = meeting(&desk);

    // No response yet: no evaluation section.
    let text = pdf_text(&desk, m, dir.path());
    assert!(!text.contains("Evaluation"), "{text}");

    six_responses(&desk, EvaluationSubject::Meeting(m), porto);
    let text = pdf_text(&desk, m, dir.path());
    // A key–value row may wrap a question over two lines.
    let squeezed: String = text.split_whitespace().collect();
    for expected in [
        "Evaluation",
        "Responses 6",
        "How relevant was it to your city's work? 4.2 / 5 (6 answers)",
        "Overall, how would you rate it? 5.0 / 5 (1 answer)",
        "How well was it organised? No answers",
        "<script>alert(1)</script> More time for the site visits. — Ana Silva, Porto",
        "Great exchange with Cape Town",
    ] {
        let wanted: String = expected.split_whitespace().collect();
        assert!(squeezed.contains(&wanted), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn the_sample_programme_evaluates_its_first_cluster_meeting_once() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    assert_eq!(desk.load_sample_data().unwrap().evaluations, 4);
    let first = desk.list_meetings().unwrap()[0].id;
    let view = desk
        .evaluation_summary(EvaluationSubject::Meeting(first))
        .unwrap();
    assert_eq!(view.summary.responses, 4);
    assert!(desk
        .list_evaluations(EvaluationSubject::Meeting(first))
        .unwrap()
        .iter()
        .all(|e| e.sample));
    assert_eq!(desk.load_sample_data().unwrap().evaluations, 0);
    assert_eq!(desk.list_evaluations(view.subject).unwrap().len(), 4);
}
