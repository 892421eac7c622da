use super::*;
use crate::{DomainError, Id, Programme};

const MEETING: Id = Id::from_bytes([1; 16]);
const VISIT: Id = Id::from_bytes([2; 16]);
const CITY: Id = Id::from_bytes([3; 16]);

struct Refs;
impl EvaluationRefs for Refs {
    fn meeting(&self, id: Id) -> bool {
        id == MEETING
    }
    fn study_visit(&self, id: Id) -> bool {
        id == VISIT
    }
    fn city(&self, id: Id) -> bool {
        id == CITY
    }
}

fn rating(question: &str, score: u8) -> Rating {
    Rating {
        question: question.into(),
        score,
    }
}

fn evaluation(ratings: Vec<Rating>, comment: &str) -> Evaluation {
    Evaluation {
        id: Id::from_parts(9, 9),
        subject: EvaluationSubject::Meeting(MEETING),
        respondent: String::new(),
        city: None,
        ratings,
        comment: comment.into(),
        submitted_at: "2022-10-12T16:00:00+00:00".into(),
        sample: false,
    }
}

/// `(code, field)` of every problem.
fn problems(e: &Evaluation) -> Vec<(String, Option<String>)> {
    e.validate(&Programme::icp_agir(), &Refs)
        .unwrap_err()
        .issues()
        .into_iter()
        .map(|i| (i.code, i.field))
        .collect()
}

fn one(code: &str, field: &str) -> Vec<(String, Option<String>)> {
    vec![(code.to_string(), Some(field.to_string()))]
}

#[test]
fn icp_agir_asks_five_questions_on_a_scale_of_five() {
    let p = Programme::icp_agir();
    let keys: Vec<&str> = p
        .evaluation_questions
        .iter()
        .map(|q| q.key.as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "relevance",
            "exchange",
            "organisation",
            "transfer",
            "overall"
        ]
    );
    assert_eq!(RATING_MAX, 5);
}

#[test]
fn a_response_is_tidied_and_may_be_anonymous_skip_questions_or_be_only_a_comment() {
    let p = Programme::icp_agir();
    let e = Evaluation {
        respondent: "  Ana   Silva ".into(),
        city: Some(CITY),
        ..evaluation(
            vec![rating("relevance", 5), rating("overall", 1)],
            "  Good. \n",
        )
    };
    let saved = e.validate(&p, &Refs).unwrap();
    assert_eq!(saved.respondent, "Ana Silva");
    assert_eq!(saved.comment, "Good.");
    assert_eq!(saved.ratings, e.ratings);
    evaluation(vec![], "Only a comment")
        .validate(&p, &Refs)
        .unwrap();
    let visit = Evaluation {
        subject: EvaluationSubject::StudyVisit(VISIT),
        ..evaluation(vec![rating("exchange", 3)], "")
    };
    visit.validate(&p, &Refs).unwrap();
}

#[test]
fn the_subject_must_exist_as_what_it_says_it_is() {
    let e = Evaluation {
        subject: EvaluationSubject::StudyVisit(MEETING),
        ..evaluation(vec![rating("overall", 4)], "")
    };
    assert_eq!(problems(&e), one("unknown_record", "subject"));
    let err = e.validate(&Programme::icp_agir(), &Refs).unwrap_err();
    assert!(err.to_string().contains("study visit"), "{err}");
}

#[test]
fn an_unknown_question_is_the_ratings_problem() {
    let e = evaluation(vec![rating("overall", 4), rating("catering", 4)], "");
    assert_eq!(problems(&e), one("unknown_question", "ratings.1"));
}

#[test]
fn a_score_outside_the_scale_is_refused_at_the_score() {
    for score in [0, 6, 255] {
        let e = evaluation(vec![rating("relevance", 3), rating("overall", score)], "");
        assert_eq!(
            problems(&e),
            one("out_of_range", "ratings.1.score"),
            "{score}"
        );
    }
}

#[test]
fn a_question_rated_twice_is_refused_at_the_second_rating() {
    let e = evaluation(
        vec![
            rating("overall", 4),
            rating("relevance", 3),
            rating("overall", 2),
        ],
        "",
    );
    assert_eq!(problems(&e), one("duplicate", "ratings.2.question"));
}

#[test]
fn an_overlong_comment_an_unknown_city_and_a_bad_time_are_refused_by_field() {
    let e = Evaluation {
        city: Some(Id::from_parts(7, 7)),
        respondent: "x".repeat(RESPONDENT_MAX + 1),
        submitted_at: "yesterday".into(),
        ..evaluation(vec![rating("overall", 4)], &"é".repeat(COMMENT_MAX + 1))
    };
    let fields: Vec<Option<String>> = problems(&e).into_iter().map(|(_, f)| f).collect();
    assert_eq!(
        fields,
        ["respondent", "city", "comment", "submitted_at"].map(|f| Some(f.to_string()))
    );
    // Exactly at the limit is fine.
    evaluation(vec![], &"é".repeat(COMMENT_MAX))
        .validate(&Programme::icp_agir(), &Refs)
        .unwrap();
}

#[test]
fn an_empty_evaluation_is_refused() {
    let e = evaluation(vec![], " \n ");
    assert_eq!(problems(&e), one("required", "ratings"));
    let err = e.validate(&Programme::icp_agir(), &Refs).unwrap_err();
    assert_eq!(err.to_string(), "A rating or a comment is required.");
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = Evaluation {
        subject: EvaluationSubject::Meeting(VISIT),
        ..evaluation(vec![rating("nope", 9)], "")
    };
    let err = e.validate(&Programme::icp_agir(), &Refs).unwrap_err();
    assert!(matches!(err, DomainError::Invalid(_)));
    let fields: Vec<String> = err.issues().into_iter().filter_map(|i| i.field).collect();
    assert_eq!(fields, ["subject", "ratings.0", "ratings.0.score"]);
}

#[test]
fn the_subject_is_indexed_so_its_evaluations_can_be_listed() {
    use crate::Record;
    let e = Evaluation {
        city: Some(CITY),
        ..evaluation(vec![rating("overall", 4)], "")
    };
    assert_eq!(
        e.index_terms(),
        [
            ("subject", format!("meeting:{MEETING}")),
            ("city", CITY.to_string())
        ]
    );
    let json = serde_json::to_value(EvaluationSubject::StudyVisit(VISIT)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "study_visit", "id": VISIT.to_string()})
    );
}

fn question<'a>(s: &'a EvaluationSummary, key: &str) -> &'a QuestionSummary {
    s.questions.iter().find(|q| q.key == key).unwrap()
}

#[test]
fn the_summary_counts_and_averages_each_question_and_keeps_the_comments() {
    let p = Programme::icp_agir();
    let scores = [5, 4, 4, 5, 3, 4];
    let mut all: Vec<Evaluation> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| Evaluation {
            id: Id::from_parts(10, i as u128),
            submitted_at: format!("2022-10-12T16:0{}:00+00:00", 9 - i),
            ..evaluation(vec![rating("relevance", *s)], "")
        })
        .collect();
    // Two of them also rate the organisation, and say something.
    all[0].ratings.push(rating("organisation", 2));
    all[0].comment = "  <script>alert(1)</script> more time, please ".into();
    all[0].respondent = "Ana Silva".into();
    all[0].city = Some(CITY);
    all[3].ratings.push(rating("organisation", 3));
    all[3].comment = "Great visit".into();
    all[4].comment = "   ".into();

    let s = summarise(&p, &all).name_cities(|id| (id == CITY).then(|| "Porto".to_string()));
    assert_eq!(s.responses, 6);
    assert_eq!(s.questions.len(), 5, "every question, answered or not");
    let relevance = question(&s, "relevance");
    // 25 / 6 = 4.1666…
    assert_eq!(
        (
            relevance.answered,
            relevance.mean_tenths,
            relevance.mean.as_str()
        ),
        (6, Some(42), "4.2")
    );
    assert_eq!(relevance.counts, [0, 0, 1, 3, 2]);
    let organisation = question(&s, "organisation");
    // 2.5 rounds half up.
    assert_eq!(
        (organisation.answered, organisation.mean.as_str()),
        (2, "2.5")
    );
    assert_eq!(organisation.counts, [0, 1, 1, 0, 0]);
    let nobody = question(&s, "transfer");
    assert_eq!(
        (nobody.answered, nobody.mean_tenths, nobody.mean.as_str()),
        (0, None, "")
    );
    assert_eq!(nobody.counts, [0; 5]);

    // Oldest first: all[3] was submitted before all[0]; blank comments are left out.
    let texts: Vec<&str> = s.comments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Great visit", "<script>alert(1)</script> more time, please"]
    );
    assert_eq!(s.comments[1].signature(), "Ana Silva, Porto");
    assert_eq!(s.comments[0].signature(), "");
}

#[test]
fn means_round_to_tenths_half_up() {
    let p = Programme::icp_agir();
    let mean = |scores: &[u8]| {
        let all: Vec<Evaluation> = scores
            .iter()
            .map(|s| evaluation(vec![rating("overall", *s)], ""))
            .collect();
        question(&summarise(&p, &all), "overall").mean.clone()
    };
    assert_eq!(mean(&[5]), "5.0");
    assert_eq!(mean(&[1]), "1.0");
    assert_eq!(mean(&[4, 5]), "4.5");
    assert_eq!(mean(&[1, 1, 2]), "1.3"); // 1.333…
    assert_eq!(mean(&[1, 2, 2]), "1.7"); // 1.666…
    assert_eq!(
        mean(&[3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
        "3.9"
    ); // 3.85
}

#[test]
fn no_responses_sum_up_to_nothing() {
    let s = summarise(&Programme::icp_agir(), &[]);
    assert_eq!(s.responses, 0);
    assert!(s.comments.is_empty());
    assert!(s
        .questions
        .iter()
        .all(|q| q.answered == 0 && q.mean_tenths.is_none() && q.counts == [0; 5]));
}

#[test]
fn ratings_of_questions_no_longer_asked_are_left_out_of_the_summary() {
    let mut p = Programme::icp_agir();
    p.evaluation_questions.retain(|q| q.key != "exchange");
    let e = evaluation(vec![rating("exchange", 5), rating("overall", 2)], "");
    let s = summarise(&p, &[e]);
    assert_eq!(s.questions.len(), 4);
    assert_eq!(question(&s, "overall").mean, "2.0");
}
