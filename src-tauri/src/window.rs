use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use icp_api::{ApiError, Desk, IpcError};
use tauri::{RunEvent, Runtime, Wry};

use crate::{commands, sync};

/// The data folder the window works on. When it cannot be opened (another ICP Desk has it, a
/// newer version wrote it, it is damaged) the window still starts and shows why; asking again
/// ("Try again") opens it once the reason has gone, without restarting the app.
pub struct DeskState {
    dir: PathBuf,
    open: Mutex<Option<Arc<Desk>>>,
}

impl DeskState {
    /// Tries to open `dir` at once and says on standard error why it could not; the window
    /// asks again through `desk` and shows the reason.
    pub fn open(dir: &Path) -> DeskState {
        let state = DeskState {
            dir: dir.to_path_buf(),
            open: Mutex::new(None),
        };
        if let Err(e) = state.desk() {
            eprintln!("icp-desk: {}", e.message);
        }
        state
    }

    /// Runs `job` on the open desk; its error crosses to the window as an `IpcError`.
    pub fn run<T>(&self, job: impl FnOnce(&Desk) -> Result<T, ApiError>) -> Result<T, IpcError> {
        job(&*self.desk()?).map_err(|e| e.to_ipc())
    }

    /// The desk if it is open, without trying to open it.
    pub fn if_open(&self) -> Option<Arc<Desk>> {
        let slot = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        slot.as_ref().map(Arc::clone)
    }

    pub fn desk(&self) -> Result<Arc<Desk>, IpcError> {
        // A panic elsewhere while holding the lock leaves the slot as valid as before.
        let mut slot = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(desk) = slot.as_ref() {
            return Ok(Arc::clone(desk));
        }
        let desk = Arc::new(Desk::open(&self.dir).map_err(|e| e.to_ipc())?);
        *slot = Some(Arc::clone(&desk));
        Ok(desk)
    }
}

/// The app with its state and commands, on any runtime (the mock runtime in tests).
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>, state: DeskState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .manage(commands::selection::ChosenImport::default())
        .invoke_handler(tauri::generate_handler![
            commands::status::app_status,
            commands::status::programme,
            commands::status::load_sample_data,
            commands::cities::list_cities,
            commands::cities::get_city,
            commands::cities::save_city,
            commands::cities::delete_city,
            commands::study_visits::list_study_visits,
            commands::study_visits::get_study_visit,
            commands::study_visits::create_study_visit,
            commands::study_visits::save_study_visit,
            commands::study_visits::delete_study_visit,
            commands::study_visits::export_itinerary,
            commands::study_visits::export_visit_calendar,
            commands::directory::list_people,
            commands::directory::add_person,
            commands::directory::save_person,
            commands::directory::delete_person,
            commands::directory::list_organisations,
            commands::directory::add_organisation,
            commands::directory::save_organisation,
            commands::directory::delete_organisation,
            commands::selection::list_candidatures,
            commands::selection::save_review,
            commands::selection::save_selection_draft,
            commands::selection::selection_draft,
            commands::selection::suggest_selection,
            commands::selection::selection_decision,
            commands::selection::confirm_selection,
            commands::selection::choose_candidatures_csv,
            commands::selection::import_candidatures_csv,
            commands::clusters::list_clusters,
            commands::clusters::save_cluster,
            commands::pairings::list_pairings,
            commands::pairings::suggest_pairings,
            commands::pairings::accept_pairings,
            commands::pairings::set_pairing_manager,
            commands::pairings::delete_pairing,
            commands::pairings::save_pairing_constraints,
            commands::pairings::pairing_constraints,
            commands::meetings::list_meetings,
            commands::meetings::get_meeting,
            commands::meetings::save_meeting,
            commands::meetings::delete_meeting,
            commands::meetings::find_slots,
            commands::best_practices::list_best_practices,
            commands::best_practices::save_best_practice,
            commands::best_practices::delete_best_practice,
            commands::library::search_library,
            commands::library::open_best_practice,
            commands::library::search_everywhere,
            commands::library::export_practices_csv,
            commands::library::export_catalogue,
            commands::exchange::export_exchange,
            commands::exchange::import_exchange,
            commands::exchange::list_conflicts,
            commands::exchange::settle_conflict,
            commands::exchange::record_history,
            commands::sync::sync_status,
            commands::sync::choose_sync_folder,
            commands::sync::save_sync_settings,
            commands::sync::sync_now,
            commands::meetings::export_minutes,
            commands::meetings::export_meetings_calendar,
            commands::meeting_series::list_series,
            commands::meeting_series::get_series,
            commands::meeting_series::preview_series,
            commands::meeting_series::save_series,
            commands::meeting_series::delete_series,
            commands::dashboard::dashboard,
            commands::evaluations::list_evaluations,
            commands::evaluations::save_evaluation,
            commands::evaluations::delete_evaluation,
            commands::evaluations::evaluation_summary,
            commands::cooperation_plans::list_plans,
            commands::cooperation_plans::get_plan,
            commands::cooperation_plans::save_plan,
            commands::cooperation_plans::delete_plan,
            commands::cooperation_plans::issue_plan_version,
            commands::cooperation_plans::get_plan_version,
            commands::cooperation_plans::compare_plan_versions,
            commands::cooperation_plans::duplicate_plan,
            commands::cooperation_plans::export_plan,
            commands::dissemination::list_dissemination_plans,
            commands::dissemination::save_dissemination_plan,
            commands::dissemination::delete_dissemination_plan,
            commands::dissemination::export_closing_book,
        ])
}

/// Opens the window on the given data folder and runs until it is closed, syncing meanwhile.
pub fn run_window(dir: &Path) -> Result<(), String> {
    let state = DeskState::open(dir);
    let app = build_app(tauri::Builder::<Wry>::default(), state)
        .setup(|app| {
            sync::start(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!())
        .map_err(|e| format!("The window could not start: {e}"))?;
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            sync::finish(app);
        }
    });
    Ok(())
}
