//! The sample evaluations: what four participants of a cluster's first meeting made of it, so
//! that the summary and the printed minutes have something to show.

use crate::evaluation::{Evaluation, EvaluationSubject, Rating};
use crate::meeting::Meeting;
use crate::{City, Id};

/// `(respondent, city, scores for relevance, exchange, organisation, transfer and overall (0:
/// skipped), comment)`.
type SampleResponse = (&'static str, &'static str, [u8; 5], &'static str);

const RESPONSES: [SampleResponse; 4] = [
    (
        "Inês Carvalho",
        "Porto",
        [5, 4, 4, 5, 5],
        "Prato's textile sorting is what our waste plan was missing; we will visit.",
    ),
    (
        "Sipho Dlamini",
        "eThekwini",
        [4, 5, 3, 4, 4],
        "The call was late in the day for us. Could the next one start an hour earlier?",
    ),
    ("", "Taichung", [4, 4, 4, 0, 4], ""),
    (
        "",
        "",
        [3, 4, 2, 3, 3],
        "Too much on the agenda for 90 minutes.",
    ),
];

const QUESTIONS: [&str; 5] = [
    "relevance",
    "exchange",
    "organisation",
    "transfer",
    "overall",
];

/// A few evaluations of `meeting`, submitted in the hour after it ended, each marked sample.
pub fn evaluations(
    meeting: &Meeting,
    cities: &[City],
    mut new_id: impl FnMut() -> Id,
) -> Vec<Evaluation> {
    RESPONSES
        .iter()
        .zip(1i64..)
        .map(|((respondent, city, scores, comment), n)| Evaluation {
            id: new_id(),
            subject: EvaluationSubject::Meeting(meeting.id),
            respondent: respondent.to_string(),
            city: cities
                .iter()
                .find(|c| !city.is_empty() && c.name.starts_with(city))
                .map(|c| c.id),
            ratings: QUESTIONS
                .iter()
                .zip(scores)
                .filter(|(_, s)| **s > 0)
                .map(|(q, s)| Rating {
                    question: q.to_string(),
                    score: *s,
                })
                .collect(),
            comment: comment.to_string(),
            submitted_at: (meeting.end() + chrono::Duration::minutes(10 * n)).to_rfc3339(),
            sample: true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::{summarise, EvaluationRefs};
    use crate::Programme;

    struct Refs<'a>(Id, &'a [City]);
    impl EvaluationRefs for Refs<'_> {
        fn meeting(&self, id: Id) -> bool {
            id == self.0
        }
        fn study_visit(&self, _: Id) -> bool {
            false
        }
        fn city(&self, id: Id) -> bool {
            self.1.iter().any(|c| c.id == id)
        }
    }

    #[test]
    fn every_sample_evaluation_is_valid_and_sums_up() {
        let p = Programme::icp_agir();
        let mut n = 0;
        let mut id = || {
            n += 1;
            Id::from_parts(5, n)
        };
        let cities: Vec<City> = super::super::cities()
            .iter()
            .map(|c| c.validate(&p, id()).unwrap())
            .collect();
        let clusters = super::super::clusters(&cities, &mut id);
        let sample = super::super::meetings(&p, &clusters, &cities, &mut id);
        let first = &sample.meetings[0];
        let all = evaluations(first, &cities, id);
        assert_eq!(all.len(), 4);
        for e in &all {
            assert_eq!(&e.validate(&p, &Refs(first.id, &cities)).unwrap(), e);
            assert!(e.sample);
        }
        assert_eq!(all.iter().filter(|e| e.city.is_some()).count(), 3);
        let s = summarise(&p, &all);
        assert_eq!(s.responses, 4);
        assert_eq!(s.comments.len(), 3);
        let transfer = s.questions.iter().find(|q| q.key == "transfer").unwrap();
        assert_eq!((transfer.answered, transfer.mean.as_str()), (3, "4.0"));
    }
}
