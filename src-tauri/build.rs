fn main() {
    // Naming the app's commands makes Tauri generate one permission per command, so the main
    // window's capability (tauri.conf.json) can list exactly the ones it uses.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_status",
        "programme",
        "list_cities",
        "get_city",
        "save_city",
        "delete_city",
        "load_sample_data",
        "list_study_visits",
        "get_study_visit",
        "create_study_visit",
        "save_study_visit",
        "delete_study_visit",
        "export_itinerary",
        "export_visit_calendar",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script");
}
