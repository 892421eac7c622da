//! A record named on the command line: by its id, or by (part of) its title when only one
//! matches; otherwise the candidates, so the next try can name one exactly.

use icp_api::Desk;
use icp_domain::{Id, StudyVisit};

/// A visit by id, or by a title (or part of one) that names exactly one visit.
pub(super) fn find_visit(desk: &Desk, wanted: &str) -> Result<Id, String> {
    let visits: Vec<StudyVisit> = desk.list_study_visits().map_err(|e| e.to_string())?;
    let named = visits
        .iter()
        .map(|v| (v.id, v.title.clone(), v.start_date.clone()));
    find_by_title(wanted, named.collect(), "study visit")
}

pub(super) fn find_meeting(desk: &Desk, wanted: &str) -> Result<Id, String> {
    let meetings = desk.list_meetings().map_err(|e| e.to_string())?;
    let named = meetings.iter().map(|m| {
        (
            m.id,
            m.title.clone(),
            m.start.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
    });
    find_by_title(wanted, named.collect(), "meeting")
}

/// A plan by its id or its pairing's, or by a city of its pair ("Gwangju", "Athens").
pub(super) fn find_plan(desk: &Desk, wanted: &str) -> Result<Id, String> {
    let plans = desk.list_plans(None).map_err(|e| e.to_string())?;
    if let Ok(id) = wanted.parse::<Id>() {
        if let Some(p) = plans.iter().find(|p| p.pairing == id) {
            return Ok(p.id);
        }
        return Ok(id);
    }
    let pairings = desk.list_pairings().map_err(|e| e.to_string())?;
    let cities = desk
        .list_cities(&icp_domain::CityQuery::default())
        .map_err(|e| e.to_string())?;
    let name = |id: Id| {
        cities
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| "?".to_string(), |c| c.name.clone())
    };
    let named = plans.iter().map(|p| {
        let pair = pairings
            .iter()
            .find(|k| k.id == p.pairing)
            .map(|k| format!("{} – {}", name(k.eu_city), name(k.partner_city)))
            .unwrap_or_default();
        (p.id, pair, p.title.clone())
    });
    find_by_title(wanted, named.collect(), "cooperation plan")
}

/// A record named by its id, or by (part of) its title when only one title matches;
/// otherwise the candidates with their ids, so the next try can name one exactly.
/// `records` are `(id, title, when)`.
fn find_by_title(
    wanted: &str,
    records: Vec<(Id, String, String)>,
    what: &str,
) -> Result<Id, String> {
    if let Ok(id) = wanted.parse::<Id>() {
        return Ok(id);
    }
    let needle = icp_domain::text::fold(wanted);
    let matching: Vec<&(Id, String, String)> = records
        .iter()
        .filter(|(_, title, _)| icp_domain::text::fold(title).contains(&needle))
        .collect();
    match matching.as_slice() {
        [one] => Ok(one.0),
        [] if records.is_empty() => Err(format!("There are no {what}s in this data folder.")),
        found => {
            let shown: Vec<&(Id, String, String)> = if found.is_empty() {
                records.iter().collect()
            } else {
                found.to_vec()
            };
            let list: Vec<String> = shown
                .iter()
                .map(|(id, title, when)| format!("  {id}  {title} ({when})"))
                .collect();
            let head = if found.is_empty() {
                format!("No {what} is called")
            } else {
                format!("More than one {what} matches")
            };
            Err(format!(
                "{head} “{wanted}”. Name one by its id:\n{}",
                list.join("\n")
            ))
        }
    }
}
