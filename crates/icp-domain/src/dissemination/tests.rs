use super::*;
use crate::Id;

struct Known(Vec<Id>);

impl DisseminationRefs for Known {
    fn city(&self, id: Id) -> bool {
        self.0.contains(&id)
    }
    fn practice(&self, id: Id) -> bool {
        self.0.contains(&id)
    }
}

fn id(n: u128) -> Id {
    Id::from_parts(9, n)
}

fn practice(title: &str) -> PracticeToSpread {
    PracticeToSpread {
        title: title.into(),
        adopters: vec![Adopter {
            kind: AdopterKind::NationalBody,
            name: "National Association of Portuguese Municipalities".into(),
            city: None,
        }],
        channels: vec!["Its annual congress".into()],
        ..Default::default()
    }
}

#[test]
fn a_plan_with_little_written_is_valid_and_its_practices_get_keys() {
    let mut plan = DisseminationPlan::new(id(0), id(1));
    plan.practices = vec![
        practice("Street markets"),
        practice(""),
        practice("Energy communities"),
    ];
    plan.practices[1].key = "p7".into();
    let valid = plan.validate(&Known(vec![id(1)])).unwrap();
    let keys: Vec<&str> = valid.practices.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["p8", "p7", "p9"]);
    assert_eq!(valid.practices[0].title, "Street markets");
}

#[test]
fn every_broken_link_and_runaway_text_is_reported_at_its_field() {
    let mut plan = DisseminationPlan::new(id(0), id(404));
    let mut p = practice("Street markets");
    p.practice = Some(id(405));
    p.adopters.push(Adopter {
        kind: AdopterKind::City,
        name: String::new(),
        city: Some(id(406)),
    });
    p.channels.push("x".repeat(300));
    plan.practices = vec![practice("fine"), p];
    plan.practices[0].key = "p1".into();
    plan.practices[1].key = "p1".into();
    let err = plan.validate(&Known(vec![])).unwrap_err();
    let fields: Vec<(String, String)> = err
        .issues()
        .into_iter()
        .map(|i| (i.field.unwrap_or_default(), i.code))
        .collect();
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(f, c)| (f.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("city", "unknown_city"),
            ("practices.1.key", "duplicate"),
            ("practices.1.practice", "unknown_record"),
            ("practices.1.adopters.1.city", "unknown_city"),
            ("practices.1.channels.1.text", "too_long"),
        ]
    );
}

#[test]
fn adopter_kinds_read_as_words() {
    assert_eq!(AdopterKind::NationalBody.label(), "National body");
    let json = serde_json::to_string(&AdopterKind::NationalBody).unwrap();
    assert_eq!(json, "\"national_body\"");
}
