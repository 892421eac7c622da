//! The commands as the window calls them, on Tauri's mock runtime with the app's real
//! configuration (so the capability's permissions are checked too), each on a store of its own.

use icp_desk::{build_app, DeskState};
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

struct App {
    _app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
    _dir: tempfile::TempDir,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let app = build_app(mock_builder(), DeskState::open(dir.path()))
        .build(tauri::generate_context!())
        .expect("app builds on the mock runtime");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App {
        _app: app,
        window,
        _dir: dir,
    }
}

fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &app.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            // The window's own origin on Linux; the capability allows local content only.
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

fn city(name: &str, country: &str, zone: &str) -> Value {
    json!({ "input": { "id": null, "name": name, "local_name": "", "country": country,
        "time_zone": zone, "population": "", "languages": [] } })
}

#[test]
fn a_saved_city_is_listed_found_and_deleted() {
    let app = app();
    let saved = invoke(&app, "save_city", city(" 광주 ", "KR", "Asia/Seoul")).unwrap();
    assert_eq!(saved["name"], "광주");
    let id = saved["id"].as_str().unwrap().to_string();

    let listed = invoke(
        &app,
        "list_cities",
        json!({ "query": { "search": "광", "region": "asia" } }),
    )
    .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let none = invoke(
        &app,
        "list_cities",
        json!({ "query": { "search": "", "region": "eu" } }),
    )
    .unwrap();
    assert!(none.as_array().unwrap().is_empty());

    assert_eq!(
        invoke(&app, "get_city", json!({ "id": id })).unwrap()["time_zone"],
        "Asia/Seoul"
    );
    invoke(&app, "delete_city", json!({ "id": id })).unwrap();
    let gone = invoke(&app, "get_city", json!({ "id": id })).unwrap_err();
    assert_eq!(gone["code"], "not_found");
}

#[test]
fn an_invalid_city_comes_back_as_field_errors_and_writes_nothing() {
    let app = app();
    let err = invoke(&app, "save_city", city("", "US", "Nowhere/Land")).unwrap_err();
    assert_eq!(err["code"], "invalid");
    let fields: Vec<&str> = err["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "country", "time_zone"]);
    assert!(err["issues"][0]["message"]
        .as_str()
        .unwrap()
        .contains("required"));

    let status = invoke(&app, "app_status", json!({})).unwrap();
    assert_eq!(status["empty"], true);
}

#[test]
fn editing_a_deleted_city_does_not_bring_it_back() {
    let app = app();
    let saved = invoke(&app, "save_city", city("Porto", "PT", "Europe/Lisbon")).unwrap();
    invoke(&app, "delete_city", json!({ "id": saved["id"] })).unwrap();
    let mut edit = city("Porto", "PT", "Europe/Lisbon");
    edit["input"]["id"] = saved["id"].clone();
    assert_eq!(
        invoke(&app, "save_city", edit).unwrap_err()["code"],
        "not_found"
    );
    assert!(invoke(&app, "list_cities", json!({ "query": {} }))
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn the_sample_programme_loads_once_and_is_marked() {
    let app = app();
    assert_eq!(
        invoke(&app, "load_sample_data", json!({})).unwrap()["cities"],
        14
    );
    assert_eq!(
        invoke(&app, "load_sample_data", json!({})).unwrap()["cities"],
        0
    );
    let status = invoke(&app, "app_status", json!({})).unwrap();
    assert_eq!(status["empty"], false);
    assert_eq!(status["has_sample_data"], true);
    let all = invoke(&app, "list_cities", json!({ "query": {} })).unwrap();
    assert!(all.as_array().unwrap().iter().all(|c| c["sample"] == true));
}

#[test]
fn a_request_the_window_may_not_make_is_refused() {
    let app = app();
    let err = invoke(
        &app,
        "plugin:fs|read_file",
        json!({ "path": "/etc/passwd" }),
    )
    .unwrap_err();
    assert!(err.to_string().to_lowercase().contains("not"), "{err}");
}

#[test]
fn a_store_held_by_another_instance_is_reported_not_crashed() {
    let dir = tempfile::tempdir().unwrap();
    let first = DeskState::open(dir.path());
    assert!(first.desk().is_ok());
    let app = build_app(mock_builder(), DeskState::open(dir.path()))
        .build(tauri::generate_context!())
        .unwrap();
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let second = App {
        _app: app,
        window,
        _dir: tempfile::tempdir().unwrap(),
    };
    let err = invoke(&second, "app_status", json!({})).unwrap_err();
    assert_eq!(err["code"], "already_open");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("ICP Desk is already open"));

    // Once the other instance has closed, "Try again" opens the folder without a restart.
    drop(first);
    assert_eq!(
        invoke(&second, "app_status", json!({})).unwrap()["empty"],
        true
    );
}

#[test]
fn a_study_visit_with_a_session_ending_before_it_starts_is_refused_and_not_saved() {
    let app = app();
    let host = invoke(&app, "save_city", city("Porto", "PT", "Europe/Lisbon")).unwrap();
    let view = invoke(
        &app,
        "create_study_visit",
        json!({ "input": { "title": "Porto", "host_city": host["id"], "delegation": [],
            "start_date": "2022-06-13", "days": 6 } }),
    )
    .unwrap();
    let mut visit = view["visit"].clone();
    visit["sessions"] = json!([{ "key": "a", "date": "2022-06-13", "start": "10:00", "end": "09:00",
        "kind": "plenary", "title": "Opening", "description": "", "venue": "", "address": "",
        "speakers": [], "notes": "" }]);
    let err = invoke(&app, "save_study_visit", json!({ "visit": visit })).unwrap_err();
    assert_eq!(err["code"], "end_before_start");
    assert_eq!(err["field"], "sessions.0.end");

    let stored = invoke(&app, "get_study_visit", json!({ "id": visit["id"] })).unwrap();
    assert_eq!(stored["visit"]["sessions"], json!([]));

    let missing_host = invoke(
        &app,
        "create_study_visit",
        json!({ "input": { "title": "x", "host_city": null, "delegation": [], "start_date": "2022-06-13", "days": 6 } }),
    )
    .unwrap_err();
    assert_eq!(missing_host["field"], "host_city");
}

/// The coordinator's set-up through the commands: the file chosen in the (test-overridden)
/// open dialog, its mapping confirmed with the reviewer's name, the suggested selection
/// confirmed, the suggested pairs accepted. The only test here that sets the dialog's
/// override, so no other test sees it.
#[test]
fn candidatures_imported_selected_and_paired_through_the_commands() {
    let app = app();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/candidatures-scored.csv"
    );
    let err = invoke(
        &app,
        "import_candidatures_csv",
        json!({ "mapping": {
        "city": "City", "country": "Country", "submitted_at": "Timestamp", "answers": {} } }),
    )
    .unwrap_err();
    assert_eq!(
        err["code"], "no_file_chosen",
        "no path can come from the window"
    );

    std::env::set_var("ICP_DESK_TEST_IMPORT_FILE", fixture);
    let preview = invoke(&app, "choose_candidatures_csv", json!({})).unwrap();
    assert_eq!(preview["file"], "candidatures-scored.csv");
    assert_eq!(preview["rows"], 40);
    let mut mapping = preview["mapping"].clone();
    assert_eq!(mapping["scores"].as_object().unwrap().len(), 4);
    let refused = invoke(
        &app,
        "import_candidatures_csv",
        json!({ "mapping": mapping }),
    )
    .unwrap_err();
    assert!(
        refused["issues"][0]["message"]
            .as_str()
            .unwrap()
            .contains("who gave the file's scores"),
        "{refused}"
    );
    mapping["reviewer"] = json!("Selection committee");
    let imported = invoke(
        &app,
        "import_candidatures_csv",
        json!({ "mapping": mapping }),
    );
    assert_eq!(imported.unwrap(), 40);

    let suggestion = invoke(&app, "suggest_selection", json!({})).unwrap();
    let chosen: Vec<Value> = suggestion["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["selected"] == true)
        .map(|e| e["candidature"].clone())
        .collect();
    assert_eq!(chosen.len(), 28, "every quota can be filled from this file");
    let over_quota = suggestion["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reason"]["code"] == "quota_filled")
        .expect("the file has more candidatures than seats");
    let one_too_many: Vec<Value> = chosen
        .iter()
        .chain([&over_quota["candidature"]])
        .cloned()
        .collect();
    let board = invoke(
        &app,
        "save_selection_draft",
        json!({ "chosen": one_too_many }),
    )
    .unwrap();
    assert!(board
        .as_array()
        .unwrap()
        .iter()
        .any(|g| !g["violations"].as_array().unwrap().is_empty()));
    let kept = invoke(&app, "selection_draft", json!({})).unwrap();
    assert_eq!(
        kept.as_array().unwrap().len(),
        29,
        "the ticks are kept as they are made"
    );
    let broken = invoke(
        &app,
        "confirm_selection",
        json!({ "chosen": one_too_many, "note": "" }),
    )
    .unwrap_err();
    assert_eq!(broken["code"], "quota_broken", "{broken}");
    assert!(invoke(&app, "selection_decision", json!({}))
        .unwrap()
        .is_null());
    let outcome = invoke(
        &app,
        "confirm_selection",
        json!({ "chosen": chosen, "note": "Committee, 2 Dec" }),
    )
    .unwrap();
    assert_eq!(outcome["cities_added"], 28);
    let decision = invoke(&app, "selection_decision", json!({})).unwrap();
    assert_eq!(decision["note"], "Committee, 2 Dec");

    let board = invoke(
        &app,
        "suggest_pairings",
        json!({ "constraints": { "locked": [], "forbidden": [] } }),
    )
    .unwrap();
    assert_eq!(board["matrix"].as_array().unwrap().len(), 14);
    let pairs: Vec<Value> = board["suggestion"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| json!([p["eu"], p["partner"]]))
        .collect();
    assert_eq!(pairs.len(), 14);
    let accepted = invoke(&app, "accept_pairings", json!({ "pairs": pairs })).unwrap();
    assert_eq!(accepted.as_array().unwrap().len(), 14);
    let again = invoke(
        &app,
        "suggest_pairings",
        json!({ "constraints": { "locked": [], "forbidden": [] } }),
    )
    .unwrap();
    assert!(
        again["suggestion"]["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["locked"] == true),
        "accepted pairs stay as they are"
    );
    let first = &board["suggestion"]["pairs"][0];
    let other_partner = &board["suggestion"]["pairs"][1]["partner"];
    let contradiction = json!({ "locked": [[first["eu"], other_partner]], "forbidden": [] });
    invoke(
        &app,
        "save_pairing_constraints",
        json!({ "constraints": contradiction }),
    )
    .unwrap();
    assert_eq!(
        invoke(&app, "pairing_constraints", json!({})).unwrap(),
        contradiction,
        "the board's locks are kept"
    );
    let refused = invoke(
        &app,
        "suggest_pairings",
        json!({ "constraints": contradiction }),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "unpairable");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("is already paired with"),
        "{refused}"
    );
    assert_eq!(
        invoke(&app, "list_pairings", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        14
    );
}

#[test]
fn a_meeting_is_saved_from_the_planners_clock_and_slots_are_ranked_through_the_commands() {
    let app = app();
    let meeting = json!({ "input": {
        "id": null, "title": "Pairing meeting", "kind": "working_meeting",
        "belongs_to": { "kind": "programme" }, "date": "2022-11-02", "time": "15:00",
        "end": "16:00", "planned_zone": "Europe/Berlin", "online_link": "https://meet.example.org/x" } });
    let view = invoke(&app, "save_meeting", meeting.clone()).unwrap();
    assert_eq!(view["meeting"]["start"], "2022-11-02T14:00:00Z");
    let listed = invoke(&app, "list_meetings", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let mut late = meeting;
    late["input"]["end"] = json!("14:00");
    let err = invoke(&app, "save_meeting", late).unwrap_err();
    assert_eq!(err["field"], "end", "{err}");

    let ranking = invoke(
        &app,
        "find_slots",
        json!({ "request": { "from": "2022-06-13", "to": "2022-06-17", "limit": 3,
            "duration_minutes": 60, "cities": [
                { "city": "00000000000000000000000001", "name": "Berlin", "time_zone": "Europe/Berlin" },
                { "city": "00000000000000000000000002", "name": "Seoul", "time_zone": "Asia/Seoul" } ] } }),
    )
    .unwrap();
    let slots = ranking["slots"].as_array().expect("ranked slots");
    assert_eq!(slots.len(), 3);
    assert_eq!(slots[0]["inside"], 2, "{}", slots[0]);
}

#[test]
fn a_series_an_evaluation_and_the_dashboard_go_through_the_commands() {
    let app = app();
    let series = json!({ "series": {
        "id": "00000000000000000000000000", "title": "Working meeting", "kind": "working_meeting",
        "belongs_to": { "kind": "programme" },
        "rule": { "kind": "monthly", "every": 1, "week": "second", "weekday": "tuesday" },
        "time": "15:00", "planned_zone": "Europe/Brussels", "duration_minutes": 90,
        "from": "2099-01-01", "count": 3 } });
    let preview = invoke(&app, "preview_series", series.clone()).unwrap();
    assert_eq!(preview["meetings"].as_array().unwrap().len(), 3);
    assert!(invoke(&app, "list_meetings", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());
    let saved = invoke(&app, "save_series", series.clone()).unwrap();
    let first = saved["meetings"][0]["meeting"].clone();
    assert!(first.is_string(), "{saved}");

    let mut bad = series;
    bad["series"]["planned_zone"] = json!("Europe/Atlantis");
    let err = invoke(&app, "save_series", bad).unwrap_err();
    assert_eq!(err["field"], "planned_zone", "{err}");
    assert_eq!(
        invoke(&app, "list_series", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let subject = json!({ "kind": "meeting", "id": first });
    let evaluation = json!({ "evaluation": {
        "id": "00000000000000000000000000", "subject": subject, "respondent": "", "city": null,
        "ratings": [{ "question": "overall", "score": 4 }], "comment": "<b>Useful</b>",
        "submitted_at": "", "sample": false } });
    invoke(&app, "save_evaluation", evaluation.clone()).unwrap();
    let summary = invoke(&app, "evaluation_summary", json!({ "subject": subject })).unwrap();
    assert_eq!(summary["summary"]["responses"], 1, "{summary}");
    let mut out_of_scale = evaluation;
    out_of_scale["evaluation"]["ratings"][0]["score"] = json!(9);
    let err = invoke(&app, "save_evaluation", out_of_scale).unwrap_err();
    assert_eq!(err["field"], "ratings.0.score", "{err}");

    let board = invoke(&app, "dashboard", json!({ "today": "2098-12-31" })).unwrap();
    assert_eq!(board["upcoming"].as_array().unwrap().len(), 3, "{board}");
    assert!(invoke(&app, "dashboard", json!({ "today": "yesterday" })).is_err());
}

#[test]
fn the_library_search_everywhere_and_a_records_history_go_through_the_commands() {
    let app = app();
    invoke(&app, "load_sample_data", json!({})).unwrap();
    let page = invoke(
        &app,
        "search_library",
        json!({ "query": { "text": "solar", "statuses": ["reviewed"] } }),
    )
    .unwrap();
    assert_eq!(page["total"], 1, "{page}");
    let hit = &page["hits"][0];
    assert_eq!(
        hit["practice"]["title"],
        "Citizen-owned solar plants on public land"
    );
    let id = hit["practice"]["id"].clone();
    let view = invoke(&app, "open_best_practice", json!({ "id": id })).unwrap();
    assert!(view["reviewer"].is_string(), "{view}");

    let found = invoke(
        &app,
        "search_everywhere",
        json!({ "text": "porto", "limit": 20 }),
    )
    .unwrap();
    let kinds: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"city") && kinds.contains(&"study_visit"),
        "{kinds:?}"
    );
    // Words that make no sense find nothing, never an error.
    let none = invoke(
        &app,
        "search_everywhere",
        json!({ "text": "\"((!?", "limit": 20 }),
    )
    .unwrap();
    assert_eq!(none, json!([]));

    let history = invoke(
        &app,
        "record_history",
        json!({ "collection": "best_practice", "id": id }),
    )
    .unwrap();
    assert!(history
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["field"] == "title" && c["who"] == "This desktop"));
    assert_eq!(
        invoke(&app, "list_conflicts", json!({})).unwrap(),
        json!([])
    );
    let err = invoke(
        &app,
        "settle_conflict",
        json!({ "collection": "best_practice", "id": id, "field": "title", "json": "not json" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "bad_request", "{err}");
}

#[test]
fn the_sync_folder_is_chosen_refused_and_synced_through_the_commands() {
    let app = app();
    let shared = tempfile::tempdir().unwrap();
    let status = invoke(&app, "sync_status", json!({})).unwrap();
    assert_eq!(status["folder"], Value::Null, "{status}");

    let err = invoke(
        &app,
        "save_sync_settings",
        json!({ "settings": { "folder": "/no/such/folder", "person": "Ana Silva" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "file", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("no folder there"),
        "{err}"
    );

    invoke(&app, "load_sample_data", json!({})).unwrap();
    std::env::set_var("ICP_DESK_TEST_SYNC_FOLDER", shared.path());
    let chosen = invoke(&app, "choose_sync_folder", json!({ "person": "Ana Silva" })).unwrap();
    assert_eq!(chosen["person"], "Ana Silva", "{chosen}");
    assert_eq!(chosen["paused"], Value::Null, "{chosen}");
    let written = chosen["last_pass"]["written"].as_str().unwrap();
    assert!(shared.path().join(written).is_file(), "{written}");

    let again = invoke(&app, "sync_now", json!({})).unwrap();
    assert_eq!(
        again["last_pass"]["written"],
        Value::Null,
        "nothing new: {again}"
    );
    let stopped = invoke(
        &app,
        "save_sync_settings",
        json!({ "settings": { "folder": null, "person": "Ana Silva" } }),
    )
    .unwrap();
    assert_eq!(stopped["folder"], Value::Null, "{stopped}");
}
