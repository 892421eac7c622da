import { describe, expect, it } from 'vitest';
import { NEW_RECORD_ID, type Evaluation, type EvaluationSubject, type IpcError } from '../../lib/api';
import { fieldMessage, hasFieldErrors } from '../../lib/errors';
import { UNKNOWN_CITY } from '../../lib/names';
import {
  barWidths,
  emptyEvaluationForm,
  evaluationErrors,
  evaluationFromForm,
  formFromEvaluation,
  meanText,
  mergedEvaluationForm,
  ratedText,
  ratingField,
  responseCityName,
  signature,
  type EvaluationForm,
} from './evaluation';

const QUESTIONS = [
  { key: 'relevance', text: 'How relevant was it?' },
  { key: 'organisation', text: 'How well was it organised?' },
  { key: 'overall', text: 'Overall?' },
];
const KEYS = QUESTIONS.map((q) => q.key);
const VISIT: EvaluationSubject = { kind: 'study_visit', id: 'V1' };
const MEETING: EvaluationSubject = { kind: 'meeting', id: 'M1' };

function evaluation(over: Partial<Evaluation> = {}): Evaluation {
  return {
    id: 'E1',
    subject: VISIT,
    respondent: 'Ana Silva',
    city: 'C1',
    ratings: [
      { question: 'overall', score: 4 },
      { question: 'relevance', score: 5 },
    ],
    comment: 'Great site visits',
    submitted_at: '2024-05-02T10:00:00Z',
    sample: true,
    ...over,
  };
}

function form(over: Partial<EvaluationForm> = {}): EvaluationForm {
  return { ...emptyEvaluationForm(QUESTIONS), ...over };
}

function err(partial: Partial<IpcError>): IpcError {
  return { code: 'invalid', message: 'Invalid', field: null, issues: [], ...partial };
}

describe('the form', () => {
  it('starts with nothing said and every question not rated', () => {
    expect(emptyEvaluationForm(QUESTIONS)).toEqual({
      respondent: '',
      city: '',
      scores: { relevance: null, organisation: null, overall: null },
      comment: '',
      others: [],
    });
  });

  it('a new evaluation goes with the new-record id, the rated questions in the programme order', () => {
    const e = evaluationFromForm(
      form({ respondent: ' Li Wei ', scores: { relevance: 3, organisation: null, overall: 5 }, comment: 'More time\nfor questions ' }),
      QUESTIONS,
      MEETING,
      null,
    );
    expect(e).toEqual({
      id: NEW_RECORD_ID,
      subject: MEETING,
      respondent: ' Li Wei ',
      city: null,
      ratings: [
        { question: 'relevance', score: 3 },
        { question: 'overall', score: 5 },
      ],
      comment: 'More time\nfor questions ',
      submitted_at: '',
      sample: false,
    });
  });

  it('an anonymous comment without ratings is sent as it is; whether it may be saved is the backend’s', () => {
    const e = evaluationFromForm(form({ comment: 'Too short' }), QUESTIONS, VISIT, null);
    expect(e.ratings).toEqual([]);
    expect(e.respondent).toBe('');
    expect(e.comment).toBe('Too short');
  });

  it('nothing at all is still sent (the backend says what is missing)', () => {
    expect(evaluationFromForm(form(), QUESTIONS, VISIT, null).ratings).toEqual([]);
  });

  it('loads an evaluation for editing and sends it back with its id, time and sample mark', () => {
    const stored = evaluation();
    const f = formFromEvaluation(stored, QUESTIONS);
    expect(f).toEqual({
      respondent: 'Ana Silva',
      city: 'C1',
      scores: { relevance: 5, organisation: null, overall: 4 },
      comment: 'Great site visits',
      others: [],
    });
    f.scores.organisation = 2;
    const back = evaluationFromForm(f, QUESTIONS, VISIT, stored);
    expect(back).toEqual({
      ...stored,
      ratings: [
        { question: 'relevance', score: 5 },
        { question: 'organisation', score: 2 },
        { question: 'overall', score: 4 },
      ],
    });
  });

  it('keeps the ratings of questions it does not show, sent after the shown ones', () => {
    const stored = evaluation({
      ratings: [
        { question: 'retired', score: 2 },
        { question: 'overall', score: 4 },
      ],
    });
    const f = formFromEvaluation(stored, QUESTIONS);
    expect(f.others).toEqual([{ question: 'retired', score: 2 }]);
    expect(evaluationFromForm(f, QUESTIONS, VISIT, stored).ratings).toEqual([
      { question: 'overall', score: 4 },
      { question: 'retired', score: 2 },
    ]);
  });

  it('does not share its lists with the evaluation it came from', () => {
    const stored = evaluation({ ratings: [{ question: 'retired', score: 2 }] });
    const f = formFromEvaluation(stored, QUESTIONS);
    f.others[0]!.score = 3;
    expect(stored.ratings[0]!.score).toBe(2);
    const sent = evaluationFromForm(f, QUESTIONS, VISIT, stored);
    sent.ratings[0]!.score = 1;
    expect(f.others[0]!.score).toBe(3);
  });
});

describe('the backend’s errors on the form', () => {
  const sent = evaluationFromForm(
    form({ scores: { relevance: 9, organisation: null, overall: 4 }, others: [{ question: 'retired', score: 2 }] }),
    QUESTIONS,
    VISIT,
    null,
  );
  // Sent: [relevance 9, overall 4, retired 2]

  it('puts a rating’s score error beside the question that rating was for', () => {
    const got = evaluationErrors(
      err({ issues: [{ code: 'out_of_range', message: 'The score must be between 1 and 5.', field: 'ratings.0.score' }] }),
      sent,
      KEYS,
    );
    expect(got.fields).toEqual({ [ratingField('relevance')]: ['The score must be between 1 and 5.'] });
    expect(got.general).toEqual([]);
  });

  it('follows the index of what was sent, not the programme order', () => {
    const got = evaluationErrors(
      err({
        issues: [
          { code: 'duplicate', message: 'There is already a rating of this question.', field: 'ratings.1.question' },
          { code: 'invalid', message: 'Odd rating.', field: 'ratings[1]' },
        ],
      }),
      sent,
      KEYS,
    );
    expect(fieldMessage(got, ratingField('overall'))).toBe('There is already a rating of this question. Odd rating.');
    expect(fieldMessage(got, ratingField('organisation'))).toBeNull();
  });

  it('a rating of a question the form does not show, or past what was sent, is general', () => {
    const got = evaluationErrors(
      err({
        issues: [
          { code: 'unknown_question', message: '“retired” is not a question of this programme’s evaluation.', field: 'ratings.2' },
          { code: 'out_of_range', message: 'The score must be between 1 and 5.', field: 'ratings.7.score' },
        ],
      }),
      sent,
      KEYS,
    );
    expect(hasFieldErrors(got)).toBe(false);
    expect(got.general).toEqual(['“retired” is not a question of this programme’s evaluation.', 'The score must be between 1 and 5.']);
  });

  it('puts the form’s own fields beside them and the subject in general', () => {
    const got = evaluationErrors(
      err({
        issues: [
          { code: 'required', message: 'A rating or a comment is required.', field: 'ratings' },
          { code: 'too_long', message: 'The name is too long (at most 200 characters).', field: 'respondent' },
          { code: 'unknown_city', message: 'This city is not in the directory; choose one from the list.', field: 'city' },
          { code: 'too_long', message: 'The comment is too long (at most 4000 characters).', field: 'comment' },
          { code: 'unknown_record', message: 'This study visit no longer exists.', field: 'subject' },
        ],
      }),
      sent,
      KEYS,
    );
    expect(Object.keys(got.fields).sort()).toEqual(['city', 'comment', 'ratings', 'respondent']);
    expect(fieldMessage(got, 'ratings')).toBe('A rating or a comment is required.');
    expect(got.general).toEqual(['This study visit no longer exists.']);
  });

  it('an error without issues goes on its own field, or in general without one', () => {
    expect(evaluationErrors(err({ field: 'comment', message: 'Too long.' }), sent, KEYS).fields).toEqual({ comment: ['Too long.'] });
    expect(evaluationErrors(err({ code: 'unexpected', message: 'The store is busy.' }), sent, KEYS)).toEqual({
      fields: {},
      general: ['The store is busy.'],
    });
  });
});

describe('the summary', () => {
  it('bars are each score’s share of the answers', () => {
    expect(barWidths([0, 0, 1, 2, 1])).toEqual([0, 0, 25, 50, 25]);
    expect(barWidths([1, 1, 1, 0, 0])).toEqual([33, 33, 33, 0, 0]);
    expect(barWidths([0, 0, 0, 0, 3])).toEqual([0, 0, 0, 0, 100]);
  });

  it('bars are empty when nobody answered', () => {
    expect(barWidths([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
    expect(barWidths([])).toEqual([]);
  });

  it('the mean is out of the scale the backend counts on', () => {
    expect(meanText({ answered: 6, mean: '4.2', counts: [0, 0, 1, 3, 2] })).toBe('4.2 / 5');
    expect(meanText({ answered: 0, mean: '', counts: [0, 0, 0, 0, 0] })).toBe('No answers yet');
  });

  it('signs a response as far as the respondent said', () => {
    expect(signature('Ana Silva', 'Porto')).toBe('Ana Silva, Porto');
    expect(signature('', 'Porto')).toBe('Porto');
    expect(signature(' Ana Silva ', '')).toBe('Ana Silva');
    expect(signature('', '')).toBe('');
  });

  it('names a response’s city, or says it is no longer listed', () => {
    expect(responseCityName(null, null)).toBe('');
    expect(responseCityName('C1', 'Porto')).toBe('Porto');
    expect(responseCityName('C9', null)).toBe(UNKNOWN_CITY);
  });

  it('says how many of the questions a response rates', () => {
    expect(ratedText(evaluation(), QUESTIONS)).toBe('Rated 2 of 3 questions');
    expect(ratedText(evaluation({ ratings: [{ question: 'retired', score: 1 }] }), QUESTIONS)).toBe('Rated 0 of 3 questions');
    expect(ratedText(evaluation(), [QUESTIONS[0]!])).toBe('Rated 1 of 1 question');
  });
});

describe('a colleague\'s change merged into the evaluation being edited', () => {
  const loaded = formFromEvaluation(evaluation(), QUESTIONS);

  it('takes what a colleague changed into a form with nothing typed', () => {
    const fresh = formFromEvaluation(evaluation({ comment: 'Great visits', ratings: [{ question: 'overall', score: 2 }] }), QUESTIONS);
    expect(mergedEvaluationForm(loaded, loaded, loaded, fresh)).toEqual(fresh);
  });

  it('keeps what was typed here and takes the rest, a question at a time', () => {
    const open = { ...loaded, comment: 'Great site visits, long days', scores: { ...loaded.scores, relevance: 3 } };
    const fresh = formFromEvaluation(
      evaluation({ comment: 'Fine', city: 'C2', ratings: [{ question: 'overall', score: 1 }, { question: 'relevance', score: 1 }] }),
      QUESTIONS,
    );
    expect(mergedEvaluationForm(open, loaded, loaded, fresh)).toEqual({
      ...open,
      city: 'C2',
      scores: { relevance: 3, organisation: null, overall: 1 },
    });
  });

  it('keeps a space the backend tidied away from what was sent', () => {
    // Typed on while the save ran: the form was sent with the space, the answer came without.
    const sent = { ...loaded, respondent: 'Ana Silva ' };
    const answered = formFromEvaluation(evaluation({ respondent: 'Ana Silva' }), QUESTIONS);
    const open = { ...sent, comment: 'More' };
    expect(mergedEvaluationForm(open, sent, answered, answered)).toBeNull();
  });

  it('finds nothing to take when the form says it already', () => {
    const open = { ...loaded, comment: 'Fine' };
    expect(mergedEvaluationForm(open, loaded, loaded, { ...loaded, comment: 'Fine' })).toBeNull();
  });
});
