//! Meetings: saved from the planner's wall clock, shown in every participating city's local
//! time with the clock changes to look out for, and the slot finder.

use std::collections::HashSet;

use chrono::Utc;
use icp_domain::meeting::{
    meeting_warnings, Attendee, BelongsTo, LocalTime, Meeting, MeetingInput, MeetingRefs,
    MeetingSeries, MeetingWarning,
};
use icp_domain::pairing::Pairing;
use icp_domain::slots::{SlotRanking, SlotRequest};
use icp_domain::{City, CityZone, Cluster, Id, Person};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::known::KnownIds;
use crate::{ApiError, Desk};

/// A meeting as its page shows it: the record, the form to edit it on the planner's clock,
/// the time in each participating city, and what to look out for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingView {
    pub meeting: Meeting,
    pub input: MeetingInput,
    pub local_times: Vec<LocalTime>,
    pub warnings: Vec<MeetingWarning>,
}

impl Desk {
    pub(crate) fn meeting_refs(&self) -> Result<impl MeetingRefs, ApiError> {
        Ok(KnownIds {
            people: self.all_ids::<Person>()?,
            clusters: self.all_ids::<Cluster>()?,
            pairings: self.all_ids::<Pairing>()?,
            series: self.all_ids::<MeetingSeries>()?,
            ..KnownIds::default()
        })
    }

    /// Every meeting, earliest first.
    pub fn list_meetings(&self) -> Result<Vec<Meeting>, ApiError> {
        let mut all = self.all::<Meeting>()?;
        all.sort_by_key(|m| (m.start, m.id));
        Ok(all)
    }

    pub fn get_meeting(&self, id: Id) -> Result<MeetingView, ApiError> {
        let meeting: Meeting = self.one(id, "meeting")?;
        self.meeting_view(meeting, Vec::new())
    }

    /// Saves a meeting typed on the planner's clock: a new one when the input has no id, else
    /// an edit of one on record (a meeting deleted meanwhile is not brought back). Every
    /// problem comes back with its field and nothing is written.
    pub fn save_meeting(&self, input: &MeetingInput) -> Result<MeetingView, ApiError> {
        let (id, sample) = match input.id {
            Some(id) => (id, self.one::<Meeting>(id, "meeting")?.sample),
            None => (self.store.new_id(), false),
        };
        let (mut meeting, warnings) = input.validate(id, &self.meeting_refs()?)?;
        meeting.sample = sample;
        self.store.save(&meeting)?;
        self.meeting_view(meeting, warnings)
    }

    pub fn delete_meeting(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<Meeting>(id, "meeting")
    }

    /// The candidate slots for the cities and dates asked, ranked, each with its reasons.
    pub fn find_slots(&self, request: &SlotRequest) -> Result<SlotRanking, ApiError> {
        Ok(request.find()?)
    }

    fn meeting_view(
        &self,
        meeting: Meeting,
        mut warnings: Vec<MeetingWarning>,
    ) -> Result<MeetingView, ApiError> {
        let cities = self.participating_cities(&meeting)?;
        warnings.extend(meeting_warnings(Utc::now(), &meeting, &cities));
        Ok(MeetingView {
            input: MeetingInput::from_meeting(&meeting),
            local_times: meeting.local_times(&cities),
            warnings,
            meeting,
        })
    }

    /// The cities whose clocks a meeting must be read on: those of its cluster or its pair,
    /// and the attendees' own, each once, by name.
    pub(crate) fn participating_cities(
        &self,
        meeting: &Meeting,
    ) -> Result<Vec<CityZone>, ApiError> {
        self.cities_of(meeting.belongs_to, &meeting.attendees)
    }

    /// The cities of a cluster or pair and of the people attending, by name.
    pub(crate) fn cities_of(
        &self,
        belongs_to: BelongsTo,
        attendees: &[Attendee],
    ) -> Result<Vec<CityZone>, ApiError> {
        let mut ids: Vec<Id> = match belongs_to {
            BelongsTo::Cluster(id) => self
                .store
                .get::<Cluster>(id)?
                .map(|c| c.members.iter().map(|m| m.city).collect())
                .unwrap_or_default(),
            BelongsTo::Pairing(id) => self
                .store
                .get::<Pairing>(id)?
                .map(|p| vec![p.eu_city, p.partner_city])
                .unwrap_or_default(),
            BelongsTo::Programme => Vec::new(),
        };
        for a in attendees {
            if let Some(city) = self.store.get::<Person>(a.person)?.and_then(|p| p.city) {
                ids.push(city);
            }
        }
        let mut seen = HashSet::new();
        let mut cities = Vec::new();
        for id in ids.into_iter().filter(|id| seen.insert(*id)) {
            // A city deleted since, or with a zone no longer known, has no clock to show.
            if let Some(zone) = self.store.get::<City>(id)?.as_ref().and_then(CityZone::of) {
                cities.push(zone);
            }
        }
        cities.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(cities)
    }
}
