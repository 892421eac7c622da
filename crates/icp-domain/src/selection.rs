//! Selecting cities within the quotas: the board's counters, the violations it shows, and the
//! suggested selection with the reason each candidature is in or out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::ordinal;
use crate::{Candidature, DomainError, Id, Programme, QuotaGroup, Record};

/// What selection needs of a candidature.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: Id,
    pub city_name: String,
    /// The quota group's key; `None` when the country is outside the programme.
    pub group: Option<String>,
    pub country: String,
    pub score: Option<f64>,
    pub late: bool,
}

impl Candidate {
    pub fn of(c: &Candidature, programme: &Programme) -> Candidate {
        Candidate {
            id: c.id,
            city_name: c.city_name.clone(),
            group: c.group(programme).map(|g| g.key.clone()),
            country: c.country.clone(),
            score: c.score(programme),
            late: c.is_late(programme),
        }
    }
}

/// Why a candidature is in or out of the suggested selection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// Among the best `quota` of its group (`rank` counts from 1).
    Selected { rank: u32 },
    /// Submitted after the deadline.
    Late,
    /// No reviewer has scored it yet.
    NotScored,
    /// Its country is not one of the programme's.
    OutsideProgramme,
    /// Its group takes one city a country, and `by` scored higher in the same country.
    CountryTaken { by: Id },
    /// Its group's seats went to higher scores; `lowest` is the lowest score selected.
    QuotaFilled { lowest: f64 },
}

/// One candidature in the suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SelectionEntry {
    pub candidature: Id,
    pub city_name: String,
    pub group: Option<String>,
    pub country: String,
    pub score: Option<f64>,
    pub selected: bool,
    pub reason: Reason,
    /// The reason in words.
    pub why: String,
}

/// A quota group's counter on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GroupTally {
    pub group: String,
    pub label: String,
    pub quota: u32,
    pub selected: u32,
    /// Broken rules, in words; empty when the group is within its quota.
    pub violations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SelectionSuggestion {
    /// Selected first (by group, best first), then the others.
    pub entries: Vec<SelectionEntry>,
    pub groups: Vec<GroupTally>,
    pub total_score: f64,
}

/// Best first; equal scores go to the earlier id (the earlier candidature), so the suggestion
/// never depends on the order the candidatures were listed in.
fn better(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    best_first(a.score, b.score).then(a.id.cmp(&b.id))
}

/// Higher scores first, candidatures not scored yet last: the board's order.
pub fn best_first(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    b.unwrap_or(f64::MIN).total_cmp(&a.unwrap_or(f64::MIN))
}

/// The highest-scoring selection that satisfies every quota: in each group the best scored,
/// on-time candidatures, at most one a country where the group asks for that, as many as the
/// quota allows. Taking the best candidature of each country and then the best of those is
/// optimal (the rules form a matroid, on which choosing greedily by score is exact).
pub fn suggest(groups: &[QuotaGroup], candidates: &[Candidate]) -> SelectionSuggestion {
    let mut sorted: Vec<&Candidate> = candidates.iter().collect();
    sorted.sort_by(|a, b| better(a, b));
    let mut entries: Vec<SelectionEntry> = Vec::new();
    let entry = |c: &Candidate, selected: bool, reason: Reason, why: String| SelectionEntry {
        candidature: c.id,
        city_name: c.city_name.clone(),
        group: c.group.clone(),
        country: c.country.clone(),
        score: c.score,
        selected,
        reason,
        why,
    };
    let mut out: Vec<SelectionEntry> = Vec::new();
    for c in &sorted {
        // A group the quotas do not list (a country outside the programme) has no seat.
        let known_group = c
            .group
            .as_ref()
            .is_some_and(|g| groups.iter().any(|q| &q.key == g));
        let reason = match (known_group, c.late, c.score) {
            (false, _, _) => Some((
                Reason::OutsideProgramme,
                "its country is not in the programme".to_string(),
            )),
            (_, true, _) => Some((Reason::Late, "submitted after the deadline".to_string())),
            (_, _, None) => Some((
                Reason::NotScored,
                "no reviewer has scored it yet".to_string(),
            )),
            _ => None,
        };
        if let Some((reason, why)) = reason {
            out.push(entry(c, false, reason, why));
        }
    }
    let mut tallies = Vec::new();
    let mut total = 0.0;
    for g in groups {
        let eligible: Vec<&Candidate> = sorted
            .iter()
            .copied()
            .filter(|c| c.group.as_deref() == Some(g.key.as_str()) && !c.late && c.score.is_some())
            .collect();
        let mut best_of_country: BTreeMap<&str, &Candidate> = BTreeMap::new();
        let mut contenders = Vec::new();
        for c in eligible {
            if g.one_city_per_country {
                if let Some(by) = best_of_country.get(c.country.as_str()) {
                    out.push(entry(
                        c,
                        false,
                        Reason::CountryTaken { by: by.id },
                        format!("{} scored higher in the same country", by.city_name),
                    ));
                    continue;
                }
                best_of_country.insert(&c.country, c);
            }
            contenders.push(c);
        }
        let seats = (g.cities as usize).min(contenders.len());
        let lowest = contenders[..seats]
            .last()
            .and_then(|c| c.score)
            .unwrap_or(0.0);
        for (i, c) in contenders.iter().enumerate() {
            if i < seats {
                total += c.score.unwrap_or(0.0);
                entries.push(entry(
                    c,
                    true,
                    Reason::Selected { rank: i as u32 + 1 },
                    format!(
                        "{} of the {} seats of {}",
                        ordinal(i + 1),
                        g.cities,
                        g.label
                    ),
                ));
            } else {
                out.push(entry(
                    c,
                    false,
                    Reason::QuotaFilled { lowest },
                    format!(
                        "the {} seats of {} went to higher scores (lowest selected: {lowest:.2})",
                        g.cities, g.label
                    ),
                ));
            }
        }
        tallies.push(GroupTally {
            group: g.key.clone(),
            label: g.label.clone(),
            quota: g.cities,
            selected: seats as u32,
            violations: Vec::new(),
        });
    }
    out.sort_by(|a, b| best_first(a.score, b.score).then(a.candidature.cmp(&b.candidature)));
    entries.extend(out);
    SelectionSuggestion {
        entries,
        groups: tallies,
        total_score: total,
    }
}

/// The board's counters for a selection the coordinator made, with what it breaks: more cities
/// than a group's quota, two cities of one Member State where the group allows one.
pub fn tally(groups: &[QuotaGroup], chosen: &[Candidate]) -> Vec<GroupTally> {
    groups
        .iter()
        .map(|g| {
            let mine: Vec<&Candidate> = chosen
                .iter()
                .filter(|c| c.group.as_deref() == Some(g.key.as_str()))
                .collect();
            let mut violations = Vec::new();
            if mine.len() > g.cities as usize {
                violations.push(format!(
                    "{} cities chosen for {}; the quota is {}",
                    mine.len(),
                    g.label,
                    g.cities
                ));
            }
            if g.one_city_per_country {
                let mut by_country: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
                for c in &mine {
                    by_country.entry(&c.country).or_default().push(&c.city_name);
                }
                for (country, cities) in by_country.into_iter().filter(|(_, v)| v.len() > 1) {
                    violations.push(format!(
                        "{} are all from {country}; {} takes one city a country",
                        cities.join(", "),
                        g.label
                    ));
                }
            }
            GroupTally {
                group: g.key.clone(),
                label: g.label.clone(),
                quota: g.cities,
                selected: mine.len() as u32,
                violations,
            }
        })
        .collect()
}

/// The coordinator's confirmed selection: from then on the selected cities are the
/// programme's cities. A later decision supersedes an earlier one; the earlier stays on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SelectionDecision {
    pub id: Id,
    /// When it was confirmed (RFC 3339).
    pub decided_at: String,
    /// The selected candidatures.
    pub selected: Vec<Id>,
    #[serde(default)]
    pub note: String,
}

impl Record for SelectionDecision {
    const COLLECTION: &'static str = "selection_decision";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

/// The candidatures ticked on the board and not confirmed yet. Kept as they change, so a
/// window closed half-way through a selection loses nothing; there is one, under [`Self::ID`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SelectionDraft {
    pub id: Id,
    pub chosen: Vec<Id>,
}

impl SelectionDraft {
    pub const ID: Id = Id::from_bytes([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
}

impl Record for SelectionDraft {
    const COLLECTION: &'static str = "selection_draft";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

/// The board's verdict on a selection the coordinator wants to confirm: its counters, or,
/// when it breaks a quota, why it cannot be confirmed.
pub fn check_decision(
    groups: &[QuotaGroup],
    chosen: &[Candidate],
) -> Result<Vec<GroupTally>, DomainError> {
    let tallies = tally(groups, chosen);
    let mut violations: Vec<String> = tallies
        .iter()
        .flat_map(|t| t.violations.iter().cloned())
        .collect();
    for c in chosen.iter().filter(|c| c.group.is_none()) {
        violations.push(format!(
            "{} is from a country outside the programme",
            c.city_name
        ));
    }
    if violations.is_empty() {
        Ok(tallies)
    } else {
        Err(DomainError::QuotaBroken { violations })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn group(key: &str, cities: u32, one_per_country: bool) -> QuotaGroup {
        QuotaGroup {
            key: key.into(),
            label: key.to_uppercase(),
            cities,
            one_city_per_country: one_per_country,
        }
    }

    fn candidate(n: u128, group: &str, country: &str, score: Option<f64>, late: bool) -> Candidate {
        Candidate {
            id: Id::from_parts(1, n),
            city_name: format!("City {n}"),
            group: Some(group.into()),
            country: country.into(),
            score,
            late,
        }
    }

    #[test]
    fn the_icp_agir_quotas_hold_in_the_suggestion() {
        let p = Programme::icp_agir();
        let mut cs = Vec::new();
        let mut n = 0;
        for country in &p.countries {
            for k in 0..4 {
                n += 1;
                cs.push(candidate(
                    n,
                    &country.quota_group,
                    &country.code,
                    Some((n % 10) as f64 + k as f64 / 10.0),
                    false,
                ));
            }
        }
        let s = suggest(&p.quota_groups, &cs);
        let chosen: Vec<Candidate> = s
            .entries
            .iter()
            .filter(|e| e.selected)
            .map(|e| cs.iter().find(|c| c.id == e.candidature).unwrap().clone())
            .collect();
        assert_eq!(chosen.len(), 28);
        for t in tally(&p.quota_groups, &chosen) {
            assert!(t.violations.is_empty(), "{t:?}");
            assert_eq!(t.selected, t.quota, "{}", t.label);
        }
    }

    #[test]
    fn late_unscored_and_second_cities_of_a_member_state_are_out_with_their_reason() {
        let groups = [group("eu", 2, true), group("ca", 1, false)];
        let cs = vec![
            candidate(1, "eu", "PT", Some(9.0), false),
            candidate(2, "eu", "PT", Some(8.0), false),
            candidate(3, "eu", "DE", Some(5.0), false),
            candidate(4, "eu", "IT", Some(9.5), true),
            candidate(5, "eu", "FR", None, false),
            candidate(6, "ca", "CA", Some(4.0), false),
            candidate(7, "ca", "CA", Some(6.0), false),
        ];
        let s = suggest(&groups, &cs);
        let reason = |n: u128| {
            s.entries
                .iter()
                .find(|e| e.candidature == Id::from_parts(1, n))
                .unwrap()
                .reason
                .clone()
        };
        assert_eq!(reason(1), Reason::Selected { rank: 1 });
        assert_eq!(
            reason(2),
            Reason::CountryTaken {
                by: Id::from_parts(1, 1)
            }
        );
        assert_eq!(reason(3), Reason::Selected { rank: 2 });
        assert_eq!(reason(4), Reason::Late);
        assert_eq!(reason(5), Reason::NotScored);
        assert_eq!(reason(7), Reason::Selected { rank: 1 });
        assert_eq!(reason(6), Reason::QuotaFilled { lowest: 6.0 });
        assert!((s.total_score - 20.0).abs() < 1e-9);
    }

    #[test]
    fn a_selection_that_breaks_a_quota_cannot_be_confirmed_and_says_why() {
        let groups = [group("eu", 2, true)];
        let fine = vec![candidate(1, "eu", "PT", Some(9.0), false)];
        assert_eq!(check_decision(&groups, &fine).unwrap()[0].selected, 1);
        let twice = vec![fine[0].clone(), candidate(2, "eu", "PT", Some(8.0), false)];
        let e = check_decision(&groups, &twice).unwrap_err();
        assert_eq!(e.code(), "quota_broken");
        assert!(e.to_string().contains("all from PT"), "{e}");
    }

    #[test]
    fn a_candidature_of_a_group_without_quota_is_out_and_listed() {
        let groups = [group("eu", 2, true)];
        let cs = vec![candidate(1, "mars", "XX", Some(9.0), false)];
        let s = suggest(&groups, &cs);
        assert_eq!(s.entries.len(), 1);
        assert_eq!(s.entries[0].reason, Reason::OutsideProgramme);
    }

    #[test]
    fn the_board_names_what_a_selection_breaks() {
        let groups = [group("eu", 2, true), group("ca", 1, false)];
        let chosen = vec![
            candidate(1, "eu", "PT", Some(9.0), false),
            candidate(2, "eu", "PT", Some(8.0), false),
            candidate(6, "ca", "CA", Some(4.0), false),
            candidate(7, "ca", "CA", Some(6.0), false),
        ];
        let t = tally(&groups, &chosen);
        assert_eq!(t[0].violations.len(), 1);
        assert!(
            t[0].violations[0].contains("City 1, City 2 are all from PT"),
            "{:?}",
            t[0]
        );
        assert_eq!(t[1].violations, ["2 cities chosen for CA; the quota is 1"]);
    }

    /// Every valid selection, by brute force: returns the best (seats filled, total score).
    fn brute_force(groups: &[QuotaGroup], cs: &[Candidate]) -> (usize, f64) {
        let eligible: Vec<&Candidate> =
            cs.iter().filter(|c| !c.late && c.score.is_some()).collect();
        let mut best = (0usize, 0.0f64);
        for mask in 0u32..(1 << eligible.len()) {
            let chosen: Vec<Candidate> = eligible
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, c)| (*c).clone())
                .collect();
            if tally(groups, &chosen)
                .iter()
                .any(|t| !t.violations.is_empty())
            {
                continue;
            }
            let score: f64 = chosen.iter().filter_map(|c| c.score).sum();
            let key = (chosen.len(), score);
            if key.0 > best.0 || (key.0 == best.0 && key.1 > best.1 + 1e-9) {
                best = key;
            }
        }
        best
    }

    fn instance() -> impl Strategy<Value = (Vec<QuotaGroup>, Vec<Candidate>)> {
        let groups = (0u32..4, 0u32..3, any::<bool>())
            .prop_map(|(eu, other, one)| vec![group("eu", eu, true), group("other", other, one)]);
        let cand = (
            0..2usize,
            0..3usize,
            prop::option::weighted(0.9, 0u8..=10),
            prop::bool::weighted(0.15),
        );
        (groups, prop::collection::vec(cand, 0..13)).prop_map(|(groups, raw)| {
            let cs = raw
                .into_iter()
                .enumerate()
                .map(|(i, (g, country, score, late))| {
                    let g = ["eu", "other"][g];
                    candidate(
                        i as u128,
                        g,
                        ["PT", "DE", "IT"][country],
                        score.map(f64::from),
                        late,
                    )
                })
                .collect();
            (groups, cs)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn the_suggestion_is_valid_and_as_good_as_brute_force((groups, cs) in instance()) {
            let s = suggest(&groups, &cs);
            let chosen: Vec<Candidate> = s.entries.iter().filter(|e| e.selected)
                .map(|e| cs.iter().find(|c| c.id == e.candidature).unwrap().clone())
                .collect();
            for t in tally(&groups, &chosen) {
                prop_assert!(t.violations.is_empty(), "{:?}", t);
            }
            prop_assert!(chosen.iter().all(|c| !c.late && c.score.is_some()));
            prop_assert_eq!(s.entries.len(), cs.len(), "every candidature has an entry");
            let (seats, best) = brute_force(&groups, &cs);
            prop_assert_eq!(chosen.len(), seats);
            prop_assert!((s.total_score - best).abs() < 1e-9, "{} vs brute force {}", s.total_score, best);
        }
    }
}
