use icp_api::{Changed, EvaluationSummaryView, IpcError};
use icp_domain::evaluation::{Evaluation, EvaluationSubject};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_evaluations(
    state: State<'_, DeskState>,
    subject: EvaluationSubject,
) -> Result<Vec<Evaluation>, IpcError> {
    state.run(|desk| desk.list_evaluations(subject))
}

#[tauri::command]
pub async fn save_evaluation<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    evaluation: Evaluation,
) -> Result<Evaluation, IpcError> {
    let saved = state.run(|desk| desk.save_evaluation(&evaluation))?;
    announce(&app, Changed::of::<Evaluation>(Some(saved.id)));
    Ok(saved)
}

#[tauri::command]
pub async fn delete_evaluation<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_evaluation(id))?;
    announce(&app, Changed::of::<Evaluation>(Some(id)));
    Ok(())
}

#[tauri::command]
pub async fn evaluation_summary(
    state: State<'_, DeskState>,
    subject: EvaluationSubject,
) -> Result<EvaluationSummaryView, IpcError> {
    state.run(|desk| desk.evaluation_summary(subject))
}
