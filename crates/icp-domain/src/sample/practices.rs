//! The sample library: practices the cities told the clusters, written out in full as a
//! cluster manager would after the meeting, most of them reviewed by their cluster's manager.
//! Some are told in the city's own language as well, so searching in Korean or Chinese can be
//! tried at once.

use crate::{BestPractice, City, Cluster, Id, PracticeStatus};

struct Written {
    city: &'static str,
    themes: &'static [&'static str],
    title: &'static str,
    summary: &'static str,
    problem: &'static str,
    solution: &'static str,
    evidence: &'static str,
    resources: &'static str,
    transferability: &'static str,
    tags: &'static [&'static str],
    /// When its cluster's manager reviewed it, if they have.
    reviewed: Option<&'static str>,
    captured: &'static str,
}

const LIBRARY: [Written; 8] = [
    Written {
        city: "Gwangju",
        themes: &["energy_transition"],
        title: "Citizen-owned solar plants on public land",
        summary: "Residents' cooperatives build and own solar plants on reservoirs and car parks \
                  the city leases to them (광주 시민햇빛발전소).",
        problem: "Rooftop space in dense apartment districts was too small and fragmented for \
                  households to take part in the energy transition.",
        solution: "The city leases unused public land at a nominal rent to citizens' \
                   cooperatives, which raise the capital from members and sell the power under \
                   the national feed-in scheme.",
        evidence: "Eleven plants with 8.4 MW built between 2013 and 2021; more than 2,300 \
                   members; returns of 4–6 % a year paid to members.",
        resources: "A lease template, one officer in the climate department, and support from \
                    the regional energy agency for grid connection.",
        transferability: "Needs public land or roofs the city can lease, a national or local \
                          tariff that makes small plants viable, and a cooperative law.",
        tags: &["cooperatives", "solar", "public land"],
        reviewed: Some("2023-03-14T09:30:00Z"),
        captured: "2022-06-09T07:40:00Z",
    },
    Written {
        city: "Taichung",
        themes: &["air_quality"],
        title: "Low-cost air sensors at every school",
        summary: "A network of low-cost PM2.5 sensors at schools feeds a public map and a flag \
                  system that tells pupils when to stay inside (臺中市校園空品旗).",
        problem: "Official monitoring stations were too few to show the differences between \
                  neighbourhoods, and parents did not trust the city-wide average.",
        solution: "Sensors calibrated against the official stations were installed at more than \
                   200 schools; each school raises a coloured flag for the day's air quality.",
        evidence: "Readings are published every 5 minutes; schools report fewer outdoor \
                   lessons on high-pollution days; the data located two industrial hot spots.",
        resources: "About 300 euros a sensor, calibration by the university, a part-time data \
                    officer.",
        transferability: "Works wherever schools can host a sensor with power and Wi-Fi; \
                          calibration against a reference station is essential.",
        tags: &["schools", "sensors", "open data"],
        reviewed: Some("2023-02-02T14:00:00Z"),
        captured: "2022-06-14T08:10:00Z",
    },
    Written {
        city: "Hamburg",
        themes: &["circular_economy", "energy_transition"],
        title: "Waste heat from the copper smelter warms a district",
        summary: "Industrial waste heat from a smelter is fed into the district heating network.",
        problem: "Heat from industry was released into the river while homes nearby burned gas.",
        solution: "A heat exchanger and a pipeline carry the smelter's waste heat into the \
                   city's district heating network under a long-term contract.",
        evidence: "Heat for about 8,000 homes; about 20,000 tonnes of CO₂ avoided a year.",
        resources: "A public–private investment of about 70 million euros; a district heating \
                    operator willing to take third-party heat.",
        transferability: "Needs a district heating network near an industrial heat source, and a \
                          contract that shares the risk if production stops.",
        tags: &["district heating", "industry"],
        reviewed: None,
        captured: "2022-06-09T08:05:00Z",
    },
    Written {
        city: "Prato",
        themes: &["circular_economy"],
        title: "Recycled wool supply chain label",
        summary: "A label certifies recycled content along the textile district's supply chain.",
        problem: "Recycled wool from Prato competed with virgin fibre without any proof of \
                  its origin or recycled share.",
        solution: "The district's firms agreed a traceability standard and a label, checked by \
                   an independent body, for yarns and fabrics with recycled content.",
        evidence: "Adopted by over 60 firms; buyers from three fashion brands now ask for it.",
        resources: "A trade association to host the scheme; auditing costs borne by the firms.",
        transferability: "Useful in any city with a cluster of firms in one material (textiles, \
                          construction, furniture).",
        tags: &["textiles", "labelling", "recycling"],
        reviewed: Some("2023-01-20T10:00:00Z"),
        captured: "2022-05-12T07:50:00Z",
    },
    Written {
        city: "Cape Town",
        themes: &["energy_transition"],
        title: "Small-scale embedded generation tariff",
        summary: "Households and firms sell surplus rooftop solar power to the city's grid.",
        problem: "Load-shedding and rising tariffs pushed people to install solar panels, but \
                  the surplus was wasted and unregistered systems endangered line workers.",
        solution: "A registration process, a feed-in tariff and a bidirectional meter \
                   programme for small generators.",
        evidence: "More than 2,000 registered systems by 2022; payments for exported power \
                   since 2022.",
        resources: "Metering, billing changes, a team to approve installations.",
        transferability: "Requires a municipal utility that bills electricity itself.",
        tags: &["solar", "tariffs", "load-shedding"],
        reviewed: None,
        captured: "2022-06-09T08:20:00Z",
    },
    Written {
        city: "Athens",
        themes: &["migrant_integration"],
        title: "Coordination centre for migrant and refugee integration",
        summary: "One municipal centre coordinates the NGOs and agencies that serve newcomers.",
        problem: "Dozens of organisations offered overlapping services while others were \
                  missing; newcomers were sent from office to office.",
        solution: "The city set up a coordination centre that maps services, runs thematic \
                   working groups and refers people to the right provider.",
        evidence: "Over 90 member organisations; a shared service map used by the city's \
                   social services.",
        resources: "A small municipal team and funding for the working groups' secretariat.",
        transferability: "Fits cities where many NGOs work with newcomers without a common \
                          place to plan.",
        tags: &["coordination", "NGOs"],
        reviewed: Some("2023-04-05T08:00:00Z"),
        captured: "2022-05-19T12:30:00Z",
    },
    Written {
        city: "Incheon",
        themes: &["air_quality", "energy_transition"],
        title: "Shore power for ships at the port",
        summary: "Ships at berth plug into the grid instead of running their diesel engines \
                  (인천항 육상전원공급설비).",
        problem: "Ships at berth were a major source of NO₂ and particulate matter in the \
                  neighbourhoods around the port.",
        solution: "Shore power connections at container berths, with a discounted tariff for \
                   ships that use them.",
        evidence: "Connections at 8 berths; measured NO₂ near the port fell during connected \
                   calls.",
        resources: "Port authority investment and a national subsidy.",
        transferability: "For port cities with a port authority able to invest; ships must be \
                          fitted to connect.",
        tags: &["port", "shipping", "electrification"],
        reviewed: None,
        captured: "2022-06-14T08:40:00Z",
    },
    Written {
        city: "Braga",
        themes: &["circular_economy"],
        title: "Pay-as-you-throw for restaurants",
        summary: "Restaurants pay for mixed waste by volume and get free collection of \
                  separated bio-waste.",
        problem: "Restaurants' food waste went to landfill mixed with other waste.",
        solution: "Smart bins identify each restaurant; mixed waste is charged, bio-waste \
                   collection is free and goes to composting.",
        evidence: "Bio-waste collected tripled in the pilot streets within a year.",
        resources: "Bins with readers, a billing system, a composting site.",
        transferability: "Needs the municipal waste service to bill businesses directly.",
        tags: &["bio-waste", "restaurants", "composting"],
        reviewed: None,
        captured: "2022-05-12T08:15:00Z",
    },
];

/// The sample library's practices. A practice whose city is not among `cities` is left out;
/// one marked reviewed is reviewed by the manager of its first theme's cluster, and stays a
/// draft if that cluster has no manager.
pub fn practices(
    cities: &[City],
    clusters: &[Cluster],
    mut new_id: impl FnMut() -> Id,
) -> Vec<BestPractice> {
    LIBRARY
        .iter()
        .filter_map(|w| {
            let city = cities.iter().find(|c| c.name == w.city)?;
            let reviewer = clusters
                .iter()
                .find(|c| Some(c.theme.as_str()) == w.themes.first().copied())
                .and_then(|c| c.manager);
            let reviewed = w.reviewed.zip(reviewer);
            Some(BestPractice {
                title: w.title.into(),
                city: Some(city.id),
                themes: w.themes.iter().map(|t| t.to_string()).collect(),
                summary: w.summary.into(),
                problem: w.problem.into(),
                solution: w.solution.into(),
                evidence: w.evidence.into(),
                resources: w.resources.into(),
                transferability: w.transferability.into(),
                tags: w.tags.iter().map(|t| t.to_string()).collect(),
                status: if reviewed.is_some() {
                    PracticeStatus::Reviewed
                } else {
                    PracticeStatus::Draft
                },
                reviewed_by: reviewed.map(|(_, by)| by),
                reviewed_at: reviewed.map(|(at, _)| at.to_string()),
                captured_at: w.captured.into(),
                sample: true,
                ..BestPractice::blank(new_id())
            })
        })
        .collect()
}
