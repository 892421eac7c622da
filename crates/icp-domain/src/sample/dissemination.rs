//! The sample pair's dissemination plans, as Porto and eThekwini reported them at the closing
//! conference: each spreads the practice it took from the other.

use crate::cooperation_plan::PlanActionStatus;
use crate::dissemination::{Adopter, AdopterKind, DisseminationPlan, PracticeToSpread};
use crate::Id;

fn adopter(kind: AdopterKind, name: &str, city: Option<Id>) -> Adopter {
    Adopter {
        kind,
        name: name.into(),
        city,
    }
}

/// Porto's and eThekwini's plans (new ids from `new_id`, marked sample). `energy` and
/// `markets` are the captured practices each learned from the other, when captured.
pub fn dissemination_plans(
    porto: Id,
    ethekwini: Id,
    braga: Option<Id>,
    energy: Option<Id>,
    markets: Option<Id>,
    mut new_id: impl FnMut() -> Id,
) -> Vec<DisseminationPlan> {
    let porto_plan = DisseminationPlan {
        id: new_id(),
        city: porto,
        summary: "Porto learned from eThekwini how a city can manage street trading with the \
                  traders' own associations. It will offer the model to the Portuguese cities \
                  that have asked about it."
            .into(),
        practices: vec![PracticeToSpread {
            key: "p1".into(),
            practice: markets,
            title: "Street traders' markets at the transport hub".into(),
            adopters: vec![
                adopter(AdopterKind::City, "", braga),
                adopter(
                    AdopterKind::NationalBody,
                    "National Association of Portuguese Municipalities",
                    None,
                ),
            ],
            adaptation: "Portuguese law licenses each trader one by one; the association would \
                         need a collective licence."
                .into(),
            channels: vec![
                "The association's annual congress".into(),
                "A site visit to Campanhã for interested cities".into(),
            ],
            status: PlanActionStatus::Planned,
        }],
        sample: true,
    };
    let ethekwini_plan = DisseminationPlan {
        id: new_id(),
        city: ethekwini,
        summary: "eThekwini saw Porto's energy communities and is piloting one at a school; \
                  it will share the results with the province's municipalities."
            .into(),
        practices: vec![PracticeToSpread {
            key: "p1".into(),
            practice: energy,
            title: "Energy communities on school roofs".into(),
            adopters: vec![
                adopter(AdopterKind::Region, "KwaZulu-Natal province", None),
                adopter(
                    AdopterKind::NationalBody,
                    "South African Local Government Association",
                    None,
                ),
            ],
            adaptation: "Feed-in rules differ: the municipality buys and sells the power, so \
                         households share savings rather than sell it themselves."
                .into(),
            channels: vec![
                "SALGA's energy working group".into(),
                "The province's municipal energy forum".into(),
            ],
            status: PlanActionStatus::UnderWay,
        }],
        sample: true,
    };
    vec![porto_plan, ethekwini_plan]
}
