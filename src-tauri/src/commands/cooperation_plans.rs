use icp_api::{Changed, ExportedFile, IpcError, Paper, PlanComparison, PlanVersionView, PlanView};
use icp_domain::cooperation_plan::{CooperationPlan, PlanVersion};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use super::export::{save_as, FileKind};
use crate::DeskState;

#[tauri::command]
pub async fn list_plans(
    state: State<'_, DeskState>,
    pairing: Option<Id>,
) -> Result<Vec<CooperationPlan>, IpcError> {
    state.run(|desk| desk.list_plans(pairing))
}

#[tauri::command]
pub async fn get_plan(state: State<'_, DeskState>, id: Id) -> Result<PlanView, IpcError> {
    state.run(|desk| desk.get_plan(id))
}

/// Saves the plan as it is typed; durable when this returns.
#[tauri::command]
pub async fn save_plan<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    plan: CooperationPlan,
) -> Result<PlanView, IpcError> {
    let view = state.run(|desk| desk.save_plan(&plan))?;
    announce(&app, Changed::of::<CooperationPlan>(Some(view.plan.id)));
    Ok(view)
}

#[tauri::command]
pub async fn delete_plan<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_plan(id))?;
    announce(&app, Changed::of::<CooperationPlan>(Some(id)));
    Ok(())
}

#[tauri::command]
pub async fn issue_plan_version<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    plan: Id,
) -> Result<PlanVersion, IpcError> {
    let version = state.run(|desk| desk.issue_version(plan))?;
    announce(&app, Changed::of::<PlanVersion>(Some(version.id)));
    Ok(version)
}

#[tauri::command]
pub async fn get_plan_version(
    state: State<'_, DeskState>,
    plan: Id,
    number: u32,
) -> Result<PlanVersionView, IpcError> {
    state.run(|desk| desk.get_version(plan, number))
}

/// `from`/`to`: version numbers, or null for the current draft.
#[tauri::command]
pub async fn compare_plan_versions(
    state: State<'_, DeskState>,
    plan: Id,
    from: Option<u32>,
    to: Option<u32>,
) -> Result<PlanComparison, IpcError> {
    state.run(|desk| desk.compare_versions(plan, from, to))
}

#[tauri::command]
pub async fn duplicate_plan<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    plan: Id,
    to_pairing: Id,
) -> Result<PlanView, IpcError> {
    let view = state.run(|desk| desk.duplicate_plan(plan, to_pairing))?;
    announce(&app, Changed::of::<CooperationPlan>(Some(view.plan.id)));
    Ok(view)
}

const PLAN: FileKind = FileKind {
    dialog_title: "Save the cooperation plan",
    suffix: "cooperation plan.pdf",
    filter: "PDF document",
    extension: "pdf",
};

/// Asks where to save the plan's PDF (the draft, or version `version` as issued), then writes it.
#[tauri::command]
pub async fn export_plan(
    state: State<'_, DeskState>,
    plan: Id,
    version: Option<u32>,
    paper: Paper,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    let mut title = desk.get_plan(plan).map_err(|e| e.to_ipc())?.plan.title;
    if let Some(n) = version {
        title = format!("{title} v{n}");
    }
    save_as(&PLAN, &title, |path| {
        desk.export_plan(plan, version, paper, path)
    })
    .await
}
