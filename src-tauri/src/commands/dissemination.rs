use icp_api::{Changed, ExportedFile, IpcError, Paper};
use icp_domain::dissemination::DisseminationPlan;
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use super::export::{save_as, FileKind};
use crate::DeskState;

#[tauri::command]
pub async fn list_dissemination_plans(
    state: State<'_, DeskState>,
) -> Result<Vec<DisseminationPlan>, IpcError> {
    state.run(|desk| desk.list_dissemination_plans())
}

/// Saves a plan as it is typed; durable when this returns.
#[tauri::command]
pub async fn save_dissemination_plan<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    plan: DisseminationPlan,
) -> Result<DisseminationPlan, IpcError> {
    let saved = state.run(|desk| desk.save_dissemination_plan(&plan))?;
    announce(&app, Changed::of::<DisseminationPlan>(Some(saved.id)));
    Ok(saved)
}

#[tauri::command]
pub async fn delete_dissemination_plan<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_dissemination_plan(id))?;
    announce(&app, Changed::of::<DisseminationPlan>(Some(id)));
    Ok(())
}

const BOOK: FileKind = FileKind {
    dialog_title: "Save the closing-conference book",
    suffix: "dissemination plans.pdf",
    filter: "PDF document",
    extension: "pdf",
};

/// Asks where to save the closing-conference book (every city's plan), then writes it.
#[tauri::command]
pub async fn export_closing_book(
    state: State<'_, DeskState>,
    paper: Paper,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    save_as(&BOOK, "Closing conference", |path| {
        desk.export_closing_book(paper, path)
    })
    .await
}
