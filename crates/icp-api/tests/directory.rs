//! People and organisations through `Desk`.

mod common;

use common::person;
use icp_api::Desk;
use icp_domain::{Id, Organisation, OrganisationKind, Person};

#[test]
fn people_and_organisations_are_added_edited_and_refer_to_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let kim = desk.add_person(&person("Kim Min-ji")).unwrap();
    let org = desk
        .add_organisation(&Organisation {
            id: Id::from_parts(0, 0),
            name: "Gwangju Metropolitan City".into(),
            kind: OrganisationKind::PublicAgency,
            city: None,
            contacts: vec![kim.id],
            sample: false,
        })
        .unwrap();
    let edited = desk
        .save_person(&Person {
            organisation: Some(org.id),
            email: "kim@gwangju.go.kr".into(),
            ..kim.clone()
        })
        .unwrap();
    assert_eq!(edited.organisation, Some(org.id));
    assert_eq!(desk.list_people().unwrap(), [edited]);
    assert_eq!(desk.list_organisations().unwrap()[0].contacts, [kim.id]);
}

#[test]
fn a_bad_person_is_refused_with_its_fields_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let bad = Person {
        email: "not an address".into(),
        organisation: Some(Id::from_parts(9, 9)),
        ..person(" ")
    };
    let err = desk.add_person(&bad).unwrap_err().to_ipc();
    let fields: Vec<Option<String>> = err.issues.iter().map(|i| i.field.clone()).collect();
    assert_eq!(
        fields,
        [
            Some("name".into()),
            Some("email".into()),
            Some("organisation".into())
        ]
    );
    assert!(desk.list_people().unwrap().is_empty());
    // An edit of someone deleted meanwhile does not bring them back.
    let kim = desk.add_person(&person("Kim Min-ji")).unwrap();
    desk.delete_person(kim.id).unwrap();
    assert_eq!(
        desk.save_person(&kim).unwrap_err().to_ipc().code,
        "not_found"
    );
    assert!(desk.list_people().unwrap().is_empty());
}

#[test]
fn a_manager_is_not_deleted_while_a_cluster_or_a_pair_needs_them() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    desk.load_sample_data().unwrap();
    let people = desk.list_people().unwrap();
    let by_name = |name: &str| people.iter().find(|p| p.name == name).unwrap().id;

    let err = desk
        .delete_person(by_name("Jonas Weber"))
        .unwrap_err()
        .to_ipc();
    assert_eq!(err.code, "in_use");
    assert_eq!(
        err.message,
        "Jonas Weber manages the Air quality cluster: choose someone else there first, then delete."
    );
    let err = desk
        .delete_person(by_name("Inês Carvalho"))
        .unwrap_err()
        .to_ipc();
    assert!(
        err.message.contains("manages the pair Porto – eThekwini"),
        "{}",
        err.message
    );
    assert_eq!(
        desk.list_people().unwrap().len(),
        people.len(),
        "nothing deleted"
    );

    // Someone who manages nothing goes.
    desk.delete_person(by_name("Sipho Dlamini")).unwrap();
}
