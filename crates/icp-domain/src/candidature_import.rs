//! Candidatures from the online form's export (CSV). A column mapping says which column holds
//! the city, the country, the submission time and each question's answer. Every bad row is
//! reported with its line number and the reason, and then nothing is imported.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Candidature, DomainError, Id, Programme, Review};

/// Which CSV column holds what (columns are named by their header).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    pub city: String,
    pub country: String,
    pub submitted_at: String,
    /// Question key → column. A question left out is not imported.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Criterion key → column, for a file that already carries one reviewer's scores (a call
    /// pre-scored in a spreadsheet). Left empty, candidatures arrive without scores.
    #[serde(default)]
    pub scores: BTreeMap<String, String>,
    /// Who gave the scores of `scores`: the review is recorded under this name.
    #[serde(default)]
    pub reviewer: String,
}

/// Header names a column is recognised by, beside the question keys and texts.
const CITY: [&str; 3] = ["city", "city name", "municipality"];
const COUNTRY: [&str; 2] = ["country", "country code"];
const SUBMITTED: [&str; 4] = ["submitted_at", "submitted", "timestamp", "submission time"];

impl ColumnMapping {
    /// The mapping a person would most likely choose, from the header names: "City",
    /// "Country", "Timestamp", and each question by its key or its text.
    pub fn guess(headers: &[String], programme: &Programme) -> ColumnMapping {
        let find = |names: &[&str]| {
            headers
                .iter()
                .find(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
                .cloned()
                .unwrap_or_default()
        };
        ColumnMapping {
            city: find(&CITY),
            country: find(&COUNTRY),
            submitted_at: find(&SUBMITTED),
            answers: programme
                .questionnaire
                .iter()
                .filter_map(|q| {
                    let column = find(&[q.key.as_str(), q.text.as_str()]);
                    (!column.is_empty()).then(|| (q.key.clone(), column))
                })
                .collect(),
            scores: programme
                .criteria
                .iter()
                .filter_map(|c| {
                    let column = headers.iter().find(|h| is_score_column(h, c))?;
                    Some((c.key.clone(), column.clone()))
                })
                .collect(),
            reviewer: String::new(),
        }
    }
}

/// "Relevance", "relevance", "Score: Relevance of …", "commitment score": a column of scores
/// names its criterion by key or label; beyond an exact name it must also say "score", so
/// that an answer column mentioning the same word is not taken for one.
fn is_score_column(header: &str, criterion: &crate::Criterion) -> bool {
    let h = header.trim().to_lowercase();
    let (key, label) = (criterion.key.to_lowercase(), criterion.label.to_lowercase());
    h == key || h == label || (h.contains("score") && (h.contains(&key) || h.contains(&label)))
}

/// Reads candidatures from `csv`. `existing` are the candidatures already stored: a city
/// that already has one (same name and country) is refused as a duplicate, as is a city
/// twice in the file. Err lists every problem found, each with its line (the header is line 1).
pub fn read_candidatures(
    csv: &str,
    mapping: &ColumnMapping,
    programme: &Programme,
    existing: &[Candidature],
    mut new_id: impl FnMut() -> Id,
) -> Result<Vec<Candidature>, DomainError> {
    let mut reader = reader(csv);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| row_error(1, "", format!("the header cannot be read ({e})")))?
        .iter()
        .map(str::to_string)
        .collect();
    let mut problems = Vec::new();
    let column = |name: &str, what: &str, problems: &mut Vec<DomainError>| {
        if name.is_empty() {
            problems.push(row_error(
                1,
                what,
                format!("no column is chosen for {what}"),
            ));
            return None;
        }
        let found = headers.iter().position(|h| h == name);
        if found.is_none() {
            problems.push(row_error(
                1,
                name,
                "this column is missing from the file".into(),
            ));
        }
        found
    };
    let city_col = column(&mapping.city, "the city", &mut problems);
    let country_col = column(&mapping.country, "the country", &mut problems);
    let submitted_col = column(&mapping.submitted_at, "the submission time", &mut problems);
    let mut answer_cols = Vec::new();
    for (key, name) in &mapping.answers {
        let Some(q) = programme.questionnaire.iter().find(|q| &q.key == key) else {
            problems.push(row_error(
                1,
                name,
                format!("“{key}” is not a question of the questionnaire"),
            ));
            continue;
        };
        if let Some(i) = column(name, &q.text, &mut problems) {
            answer_cols.push((q, name.clone(), i));
        }
    }
    let mut score_cols = Vec::new();
    for (key, name) in &mapping.scores {
        let Some(c) = programme.criteria.iter().find(|c| &c.key == key) else {
            problems.push(row_error(
                1,
                name,
                format!("“{key}” is not a criterion of the programme"),
            ));
            continue;
        };
        if let Some(i) = column(name, &c.label, &mut problems) {
            score_cols.push((c.key.clone(), name.clone(), i));
        }
    }
    let reviewer = mapping.reviewer.trim();
    if !score_cols.is_empty() && reviewer.is_empty() {
        problems.push(DomainError::Required {
            field: "reviewer",
            label: "The name of who gave the file's scores",
        });
    }
    let (Some(city_col), Some(country_col), Some(submitted_col)) =
        (city_col, country_col, submitted_col)
    else {
        return Err(DomainError::Invalid(problems));
    };
    if !problems.is_empty() {
        return Err(DomainError::Invalid(problems));
    }

    let fold = crate::text::fold;
    let mut seen: Vec<(String, String, usize)> = existing
        .iter()
        .map(|c| (fold(&c.city_name), c.country.clone(), 0))
        .collect();
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(row_error(
                    line,
                    "",
                    format!("the line cannot be read ({e})"),
                ));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").to_string();
        let mut row_problems = Vec::new();
        let city_name = cell(city_col);
        let country = match country_code(&cell(country_col), programme) {
            Some(code) => code,
            None => {
                row_problems.push(row_error(
                    line,
                    &mapping.country,
                    format!("“{}” is not a country of this programme", cell(country_col)),
                ));
                String::new()
            }
        };
        let submitted_at = match submission_time(&cell(submitted_col)) {
            Some(t) => t,
            None => {
                row_problems.push(row_error(
                    line,
                    &mapping.submitted_at,
                    format!(
                        "“{}” is not a date and time (e.g. 2021-11-15 17:30 or 2021-11-15T17:30:00+01:00)",
                        cell(submitted_col)
                    ),
                ));
                String::new()
            }
        };
        let mut answers = BTreeMap::new();
        for (q, name, i) in &answer_cols {
            let text = cell(*i);
            if text.is_empty() {
                continue;
            }
            match q.parse(&text, programme) {
                Ok(a) => {
                    answers.insert(q.key.clone(), a);
                }
                Err(reason) => row_problems.push(row_error(line, name, reason)),
            }
        }
        let mut scores = BTreeMap::new();
        for (key, name, i) in &score_cols {
            let text = cell(*i);
            if text.is_empty() {
                continue;
            }
            match score(&text, programme.max_score) {
                Some(n) => {
                    scores.insert(key.clone(), n);
                }
                None => row_problems.push(row_error(
                    line,
                    name,
                    format!(
                        "“{text}” is not a score (a whole number from 0 to {})",
                        programme.max_score
                    ),
                )),
            }
        }
        if !city_name.is_empty() && !country.is_empty() {
            let key = (fold(&city_name), country.clone());
            if let Some((_, _, earlier)) = seen.iter().find(|(c, k, _)| (c, k) == (&key.0, &key.1))
            {
                row_problems.push(row_error(
                    line,
                    &mapping.city,
                    if *earlier == 0 {
                        format!("{city_name} already has a candidature")
                    } else {
                        format!("{city_name} is already on line {earlier}")
                    },
                ));
            } else {
                seen.push((key.0, key.1, line));
            }
        }
        if row_problems.is_empty() {
            let draft = Candidature {
                id: new_id(),
                city_name,
                country,
                submitted_at,
                answers,
                reviews: if scores.is_empty() {
                    Vec::new()
                } else {
                    vec![Review {
                        reviewer: reviewer.to_string(),
                        scores,
                        note: String::new(),
                    }]
                },
                sample: false,
            };
            match draft.validate(programme) {
                Ok(c) => out.push(c),
                Err(e) => row_problems.extend(e.issues().into_iter().map(|i| {
                    let column = match i.field.as_deref() {
                        Some("city_name") => mapping.city.clone(),
                        Some(f) => f
                            .strip_prefix("answers.")
                            .and_then(|k| mapping.answers.get(k).cloned())
                            .or_else(|| {
                                f.strip_prefix("reviews.0.scores.")
                                    .and_then(|k| mapping.scores.get(k).cloned())
                            })
                            .unwrap_or_else(|| f.to_string()),
                        None => String::new(),
                    };
                    row_error(line, &column, i.message.trim_end_matches('.').to_string())
                })),
            }
        }
        problems.extend(row_problems);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(DomainError::Invalid(problems))
    }
}

fn reader(csv: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(csv.as_bytes())
}

/// The header's columns and the number of data lines, read as the import reads them, for
/// the mapping step before anything is imported.
pub fn csv_outline(csv: &str) -> (Vec<String>, usize) {
    let mut r = reader(csv);
    let headers = r
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    let rows = r
        .records()
        .filter(|rec| rec.as_ref().map_or(true, |x| !x.iter().all(str::is_empty)))
        .count();
    (headers, rows)
}

fn row_error(line: usize, column: &str, reason: String) -> DomainError {
    DomainError::BadRow {
        line,
        column: column.to_string(),
        reason,
    }
}

/// A whole score from 0 to the maximum; "7", "7.0" and "7,0" are the same score.
fn score(text: &str, max: u8) -> Option<u8> {
    let n: f64 = text.trim().replace(',', ".").parse().ok()?;
    (n.fract() == 0.0 && (0.0..=f64::from(max)).contains(&n)).then_some(n as u8)
}

/// A country of the programme by ISO code or by name.
fn country_code(text: &str, programme: &Programme) -> Option<String> {
    let text = text.trim();
    programme
        .countries
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(text) || c.name.eq_ignore_ascii_case(text))
        .map(|c| c.code.clone())
}

/// RFC 3339, or a local "YYYY-MM-DD HH:MM[:SS]" read in Brussels time: the call's own clock,
/// which the form's exports use when they carry no offset.
fn submission_time(text: &str) -> Option<String> {
    let text = text.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(t.to_rfc3339());
    }
    let local = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())?;
    chrono_tz::Europe::Brussels
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc).to_rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Timestamp,City,Country,theme_priorities,Population of the city,political_commitment,motivation";

    fn read(body: &str, existing: &[Candidature]) -> Result<Vec<Candidature>, DomainError> {
        let p = Programme::icp_agir();
        let csv = format!("{HEADER}\n{body}");
        let headers: Vec<String> = HEADER.split(',').map(str::to_string).collect();
        let mapping = ColumnMapping::guess(&headers, &p);
        let mut n = 0;
        read_candidatures(&csv, &mapping, &p, existing, || {
            n += 1;
            Id::from_parts(7, n)
        })
    }

    fn problems(e: DomainError) -> Vec<(Option<String>, String)> {
        e.issues()
            .into_iter()
            .map(|i| (i.field, i.message))
            .collect()
    }

    #[test]
    fn the_mapping_is_guessed_from_keys_texts_and_usual_names() {
        let p = Programme::icp_agir();
        let headers: Vec<String> = HEADER.split(',').map(str::to_string).collect();
        let m = ColumnMapping::guess(&headers, &p);
        assert_eq!(
            (m.city.as_str(), m.country.as_str(), m.submitted_at.as_str()),
            ("City", "Country", "Timestamp")
        );
        assert_eq!(
            m.answers.get("population").map(String::as_str),
            Some("Population of the city")
        );
        assert_eq!(m.answers.len(), 4);
    }

    #[test]
    fn good_rows_become_candidatures() {
        let got = read(
            "2021-11-10 09:30,Braga,Portugal,\"Energy transition; Circular economy\",193000,Council resolution,Share our energy communities\n\
             2021-11-16T08:00:00Z,Tartu,EE,energy_transition,97 000,Mayor's letter,Learn\n",
            &[],
        )
        .unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].country, "PT");
        assert_eq!(
            got[0].theme_priorities(),
            ["energy_transition", "circular_economy"]
        );
        assert_eq!(got[0].submitted_at, "2021-11-10T08:30:00+00:00");
        assert!(got[1].is_late(&Programme::icp_agir()));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_nothing_is_read() {
        let err = read(
            "2021-11-10 09:30,Braga,Portugal,air_quality,193000,Council resolution,x\n\
             yesterday,Lyon,FR,air_quality,522000,Council resolution,x\n\
             2021-11-10 09:30,Springfield,Narnia,air_quality,1,Council resolution,x\n\
             2021-11-10 09:30,braga,PT,air_quality,193000,Council resolution,x\n\
             2021-11-10 09:30,Ghent,BE,air_quality,lots,Council resolution,x\n",
            &[],
        )
        .unwrap_err();
        let p = problems(err);
        let on = |line: usize| {
            p.iter()
                .filter(|(f, _)| {
                    f.as_deref()
                        .is_some_and(|f| f.starts_with(&format!("rows.{line}.")))
                })
                .count()
        };
        assert_eq!(
            (on(2), on(3), on(4), on(5), on(6)),
            (0, 1, 1, 1, 1),
            "{p:?}"
        );
        let text: Vec<&str> = p.iter().map(|(_, m)| m.as_str()).collect();
        assert!(
            text.iter()
                .any(|m| m.starts_with("Line 3") && m.contains("yesterday")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|m| m.starts_with("Line 4") && m.contains("Narnia")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|m| m.starts_with("Line 5") && m.contains("already on line 2")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|m| m.starts_with("Line 6") && m.contains("not a number")),
            "{text:?}"
        );
    }

    #[test]
    fn a_missing_column_or_a_city_already_there_is_refused() {
        let p = Programme::icp_agir();
        let mapping = ColumnMapping {
            city: "City".into(),
            country: "Land".into(),
            submitted_at: "Timestamp".into(),
            answers: BTreeMap::new(),
            ..ColumnMapping::default()
        };
        let err = read_candidatures(&format!("{HEADER}\n"), &mapping, &p, &[], || {
            Id::from_parts(1, 1)
        })
        .unwrap_err();
        assert!(problems(err)
            .iter()
            .any(|(f, m)| f.as_deref() == Some("rows.1.Land") && m.contains("missing")));

        let existing = read(
            "2021-11-10 09:30,Braga,PT,air_quality,1,Council resolution,x\n",
            &[],
        )
        .unwrap();
        let err = read(
            "2021-11-11 09:30,Braga,Portugal,air_quality,1,Council resolution,x\n",
            &existing,
        )
        .unwrap_err();
        assert!(problems(err)[0]
            .1
            .contains("Braga already has a candidature"));
    }

    #[test]
    fn a_reviewers_scores_in_the_file_become_one_review_under_the_name_given() {
        let p = Programme::icp_agir();
        let header = format!("{HEADER},Score: relevance,commitment score,capacity,Transfer");
        let headers: Vec<String> = header.split(',').map(str::to_string).collect();
        let mut mapping = ColumnMapping::guess(&headers, &p);
        assert_eq!(
            mapping.scores.get("commitment").map(String::as_str),
            Some("commitment score"),
            "the answer column political_commitment is not a score"
        );
        assert_eq!(mapping.scores.len(), 4);
        let row = "2021-11-10 09:30,Braga,PT,air_quality,1,Council resolution,x";
        let csv = format!("{header}\n{row},8,7,6,\n");
        let id = || Id::from_parts(1, 1);

        let err = read_candidatures(&csv, &mapping, &p, &[], id).unwrap_err();
        assert!(problems(err)
            .iter()
            .any(|(f, m)| f.as_deref() == Some("reviewer")
                && m.contains("who gave the file's scores")));

        mapping.reviewer = " Jury ".into();
        let got = read_candidatures(&csv, &mapping, &p, &[], id).unwrap();
        let review = &got[0].reviews[0];
        assert_eq!(review.reviewer, "Jury");
        assert_eq!(
            review.scores.len(),
            3,
            "an empty cell is a criterion not scored"
        );
        assert_eq!(review.scores.get("relevance"), Some(&8));

        let bad = format!("{header}\n{row},8,\"7,5\",11,x\n");
        let p2 = problems(read_candidatures(&bad, &mapping, &p, &[], id).unwrap_err());
        let on: Vec<&str> = p2.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(on.len(), 3, "{on:?}");
        assert!(on.iter().all(|m| m.starts_with("Line 2")), "{on:?}");
        assert!(
            on.iter()
                .any(|m| m.contains("“commitment score”") && m.contains("7,5")),
            "{on:?}"
        );
    }
}
