use icp_domain::meeting::Meeting;
use icp_domain::pairing::Pairing;
use icp_domain::{
    sample, BestPractice, Candidature, Cluster, Id, Organisation, Person, StudyVisit,
};

use crate::{ApiError, Desk, SampleSummary};

impl Desk {
    /// Loads the sample ICP AGIR programme, each record marked as sample data: the cities of the
    /// public pairs (in one transaction), a six-day study visit (eThekwini to Porto), forty
    /// scored candidatures, the four thematic clusters with their managers and the people and
    /// organisations of a small directory. Cities already there by the same
    /// name and country are not added twice; candidatures and clusters only come once.
    pub fn load_sample_data(&self) -> Result<SampleSummary, ApiError> {
        let existing = self.cities_all()?;
        let mut added = Vec::new();
        for input in sample::cities() {
            let known = existing.iter().any(|c| {
                c.country == input.country && c.name.eq_ignore_ascii_case(input.name.trim())
            });
            if known {
                continue;
            }
            let mut city = input.validate(&self.programme, self.store.new_id())?;
            city.sample = true;
            added.push(city);
        }
        self.store.save_many(&added)?;

        // The sample study visit, eThekwini → Porto, once, when both cities are there.
        let cities = self.cities_all()?;
        let find = |name: &str| {
            cities
                .iter()
                .find(|c| c.name.starts_with(name))
                .map(|c| c.id)
        };
        let mut study_visits = 0;
        if let (Some(porto), Some(ethekwini)) = (find("Porto"), find("eThekwini")) {
            let have = self.all::<StudyVisit>()?.iter().any(|v| v.sample);
            if !have {
                let visit = sample::study_visit(self.store.new_id(), porto, ethekwini)
                    .validate(|id| cities.iter().any(|c| c.id == id))?;
                self.store.save(&visit)?;
                study_visits = 1;
            }
        }

        let mut candidatures = Vec::new();
        if !self.all::<Candidature>()?.iter().any(|c| c.sample) {
            candidatures = sample::candidatures(&self.programme, || self.store.new_id())
                .iter()
                .map(|c| c.validate(&self.programme))
                .collect::<Result<_, _>>()?;
            self.store.save_many(&candidatures)?;
        }
        // The directory, once: its people manage the sample clusters below.
        let (mut people, mut organisations, mut managers) = (Vec::new(), Vec::new(), Vec::new());
        if !self.all::<Person>()?.iter().any(|p| p.sample) {
            let d = sample::directory(&cities, || self.store.new_id());
            self.store.save_together(|batch| {
                for o in &d.organisations {
                    batch.save(o)?;
                }
                for p in &d.people {
                    batch.save(p)?;
                }
                Ok(())
            })?;
            (people, organisations, managers) = (d.people, d.organisations, d.cluster_managers);
        }
        let mut clusters = Vec::new();
        if self.all::<Cluster>()?.is_empty() {
            clusters = sample::clusters(&cities, || self.store.new_id())
                .into_iter()
                .map(|mut k| {
                    k.manager = managers
                        .iter()
                        .find(|(t, _)| *t == k.theme)
                        .map(|(_, p)| *p);
                    k.validate(&self.programme, |id| cities.iter().any(|c| c.id == id))
                })
                .collect::<Result<_, _>>()?;
            self.store.save_many(&clusters)?;
        }
        // The pair of the sample visit, Porto – eThekwini, accepted once, with Porto's
        // pairing manager, so that the pairing meetings below have a pair to belong to.
        let mut pairings = 0;
        let pairing_managers: Vec<Person> = self
            .all::<Person>()?
            .into_iter()
            .filter(|p| p.sample && p.role == "Pairing manager")
            .collect();
        if let (Some(porto), Some(ethekwini)) = (find("Porto"), find("eThekwini")) {
            if self.all::<Pairing>()?.is_empty() {
                let mut pairing = self.accept_pairings(&[(porto, ethekwini)])?.remove(0);
                pairing.manager = pairing_managers
                    .iter()
                    .find(|p| p.city == Some(porto))
                    .map(|p| p.id);
                pairing.sample = true;
                self.store.save(&pairing)?;
                pairings = 1;
            }
        }
        // The clusters' monthly meetings and the pair's, and the practices captured in them,
        // once.
        let mut meetings = Vec::new();
        let mut practices = Vec::new();
        let mut evaluations: Vec<icp_domain::Evaluation> = Vec::new();
        if !self.all::<Meeting>()?.iter().any(|m| m.sample) {
            let sample =
                sample::meetings(&self.programme, &self.all::<Cluster>()?, &cities, || {
                    self.store.new_id()
                });
            let mut sample = sample;
            if let Some(pair) = self.all::<Pairing>()?.into_iter().find(|p| p.sample) {
                let managers: Vec<Id> = pairing_managers.iter().map(|p| p.id).collect();
                let ours = sample::pairing_meetings(&pair, &managers, || self.store.new_id());
                sample.series.extend(ours.series);
                sample.meetings.extend(ours.meetings);
                sample.practices.extend(ours.practices);
            }
            let refs = self.meeting_refs()?;
            for s in &sample.series {
                s.validate(&refs)?;
            }
            // Meetings name their series: the series are saved first.
            self.store.save_many(&sample.series)?;
            let refs = self.meeting_refs()?;
            meetings = sample
                .meetings
                .iter()
                .map(|m| m.validate(&refs))
                .collect::<Result<_, _>>()?;
            practices = sample.practices;
            // The library's written-out practices come with the meetings they were told in.
            practices.extend(sample::practices(&cities, &self.all::<Cluster>()?, || {
                self.store.new_id()
            }));
            let refs = crate::known::KnownIds {
                cities: cities.iter().map(|c| c.id).collect(),
                meetings: meetings.iter().map(|m: &Meeting| m.id).collect(),
                people: self.all_ids::<Person>()?,
                ..Default::default()
            };
            practices = practices
                .iter()
                .map(|p| p.validate(&self.programme, &refs))
                .collect::<Result<_, _>>()?;
            // A few participants' evaluations of the first cluster meeting.
            if let Some(first) = meetings.first() {
                let known = crate::known::KnownIds {
                    meetings: [first.id].into(),
                    cities: cities.iter().map(|c| c.id).collect(),
                    ..Default::default()
                };
                evaluations = sample::evaluations(first, &cities, || self.store.new_id())
                    .iter()
                    .map(|e| e.validate(&self.programme, &known))
                    .collect::<Result<_, _>>()?;
            }
            self.store.save_together(|batch| {
                for m in &meetings {
                    batch.save(m)?;
                }
                for p in &practices {
                    batch.save(p)?;
                }
                for e in &evaluations {
                    batch.save(e)?;
                }
                Ok(())
            })?;
        }
        // The pair's cooperation plan, once: issued as version 1, then one action under way
        // since, so that comparing versions has something to show.
        let mut cooperation_plans = 0;
        let pair = self.all::<Pairing>()?.into_iter().find(|p| p.sample);
        if let (Some(pair), true) = (pair, self.list_plans(None)?.is_empty()) {
            let organisations = self.all::<Organisation>()?;
            let practices = self.all::<BestPractice>()?;
            let parties = sample::PlanParties {
                porto: pair.eu_city,
                ethekwini: pair.partner_city,
                councils: organisations
                    .iter()
                    .filter(|o| {
                        o.sample
                            && (o.city == Some(pair.eu_city) || o.city == Some(pair.partner_city))
                    })
                    .map(|o| o.id)
                    .collect(),
                pairing_managers: pairing_managers.iter().map(|p| p.id).collect(),
                practices: practices
                    .iter()
                    .filter(|p| {
                        p.sample
                            && (p.city == Some(pair.eu_city) || p.city == Some(pair.partner_city))
                    })
                    .map(|p| p.id)
                    .collect(),
            };
            let draft = sample::cooperation_plan(Id::from_bytes([0; 16]), pair.id, &parties);
            let mut plan = self.save_plan(&draft)?.plan;
            // Checked as any plan is; then marked, which a person's save never does.
            plan.sample = true;
            self.store.save(&plan)?;
            self.issue_version(plan.id)?;
            if let Some(a) = plan.actions.get_mut(2) {
                a.status = icp_domain::cooperation_plan::PlanActionStatus::UnderWay;
            }
            self.save_plan(&plan)?;
            cooperation_plans = 1;
        }
        // How Porto and eThekwini will spread what each learned, once.
        let mut dissemination = 0;
        let pair = self.all::<Pairing>()?.into_iter().find(|p| p.sample);
        if let (Some(pair), true) = (pair, self.list_dissemination_plans()?.is_empty()) {
            let practices = self.all::<BestPractice>()?;
            let named = |title: &str| {
                practices
                    .iter()
                    .find(|p| p.sample && p.title == title)
                    .map(|p| p.id)
            };
            let plans = sample::dissemination_plans(
                pair.eu_city,
                pair.partner_city,
                find("Braga"),
                named("Energy communities on school roofs"),
                named("Street traders' markets at the transport hub"),
                || self.store.new_id(),
            );
            let valid: Vec<_> = plans
                .iter()
                .map(|p| self.checked_dissemination_plan(p))
                .collect::<Result<_, _>>()?;
            self.store.save_many(&valid)?;
            dissemination = valid.len() as u32;
        }
        Ok(SampleSummary {
            cities: added.len() as u32,
            study_visits,
            pairings,
            candidatures: candidatures.len() as u32,
            clusters: clusters.len() as u32,
            people: people.len() as u32,
            organisations: organisations.len() as u32,
            meetings: meetings.len() as u32,
            best_practices: practices.len() as u32,
            evaluations: evaluations.len() as u32,
            cooperation_plans,
            dissemination_plans: dissemination,
        })
    }
}
