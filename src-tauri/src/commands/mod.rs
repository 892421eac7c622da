//! Tauri commands, one module a feature. Each is a few lines: take the typed request, call the
//! desk, tell other views what changed.

pub mod best_practices;
pub mod cities;
pub mod clusters;
pub mod cooperation_plans;
pub mod dashboard;
pub mod directory;
pub mod dissemination;
pub mod evaluations;
pub mod exchange;
mod export;
pub mod library;
pub mod meeting_series;
pub mod meetings;
mod open;
pub mod pairings;
pub mod selection;
pub mod status;
pub mod study_visits;
pub mod sync;

use icp_api::Changed;
use tauri::{Emitter, Runtime};

/// Lets every open view refresh after a change. A view that misses it only shows stale data
/// until its next refresh, so a failed emit is not the caller's error.
fn announce<R: Runtime>(app: &tauri::AppHandle<R>, changed: Changed) {
    let _ = app.emit("changed", changed);
}

/// After a merge (an exchange file, a sync pass): every open view of the kinds of record it
/// changed looks again. No record is named: any of them may have changed.
pub(crate) fn announce_merged<R: Runtime>(app: &tauri::AppHandle<R>, collections: &[String]) {
    for collection in collections {
        announce(
            app,
            Changed {
                collection: collection.clone(),
                id: None,
            },
        );
    }
}
