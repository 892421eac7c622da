// The one place that talks to the Rust shell. Every command has one typed function here;
// views never call `invoke` or `listen` themselves.
import { invoke } from '@tauri-apps/api/core';

import { toIpcError } from './errors';

export * from './types';
export * from './errors';
export * from './events';

import type { AppStatus } from './bindings/AppStatus';
import type { City } from './bindings/City';
import type { CityInput } from './bindings/CityInput';
import type { CityQuery } from './bindings/CityQuery';
import type { Id } from './bindings/Id';
import type { Programme } from './bindings/Programme';
import type { SampleSummary } from './bindings/SampleSummary';
import type { ExportedFile } from './bindings/ExportedFile';
import type { NewStudyVisit } from './bindings/NewStudyVisit';
import type { Paper } from './bindings/Paper';
import type { StudyVisit } from './bindings/StudyVisit';
import type { StudyVisitView } from './bindings/StudyVisitView';
import type { BestPractice } from './bindings/BestPractice';
import type { ExchangeSummary } from './bindings/ExchangeSummary';
import type { ConflictView } from './bindings/ConflictView';
import type { SyncSettings } from './bindings/SyncSettings';
import type { SyncStatus } from './bindings/SyncStatus';
import type { FieldChange } from './bindings/FieldChange';
import type { EverywhereHit } from './bindings/EverywhereHit';
import type { LibraryQuery } from './bindings/LibraryQuery';
import type { LibraryResults } from './bindings/LibraryResults';
import type { PracticeView } from './bindings/PracticeView';
import type { Meeting } from './bindings/Meeting';
import type { MeetingInput } from './bindings/MeetingInput';
import type { MeetingView } from './bindings/MeetingView';
import type { MeetingSeries } from './bindings/MeetingSeries';
import type { MeetingsToExport } from './bindings/MeetingsToExport';
import type { SeriesView } from './bindings/SeriesView';
import type { Dashboard } from './bindings/Dashboard';
import type { DisseminationPlan } from './bindings/DisseminationPlan';
import type { CooperationPlan } from './bindings/CooperationPlan';
import type { PlanComparison } from './bindings/PlanComparison';
import type { PlanVersion } from './bindings/PlanVersion';
import type { PlanVersionView } from './bindings/PlanVersionView';
import type { PlanView } from './bindings/PlanView';
import type { Evaluation } from './bindings/Evaluation';
import type { EvaluationSubject } from './bindings/EvaluationSubject';
import type { EvaluationSummaryView } from './bindings/EvaluationSummaryView';
import type { SlotRanking } from './bindings/SlotRanking';
import type { SlotRequest } from './bindings/SlotRequest';
import type { CandidatureView } from './bindings/CandidatureView';
import type { Cluster } from './bindings/Cluster';
import type { ColumnMapping } from './bindings/ColumnMapping';
import type { CsvPreview } from './bindings/CsvPreview';
import type { GroupTally } from './bindings/GroupTally';
import type { Organisation } from './bindings/Organisation';
import type { Pairing } from './bindings/Pairing';
import type { PairingBoard } from './bindings/PairingBoard';
import type { PairingConstraints } from './bindings/PairingConstraints';
import type { Person } from './bindings/Person';
import type { Review } from './bindings/Review';
import type { SelectionDecision } from './bindings/SelectionDecision';
import type { SelectionOutcome } from './bindings/SelectionOutcome';
import type { SelectionSuggestion } from './bindings/SelectionSuggestion';

/**
 * The id a record that does not exist yet is sent with; the backend gives it one of its own.
 * It is a well-formed ULID because the shell checks every id as it comes in.
 */
export const NEW_RECORD_ID: Id = '00000000000000000000000000';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status', {});
}

export function programme(): Promise<Programme> {
  return call<Programme>('programme', {});
}

export function listCities(query: CityQuery): Promise<City[]> {
  return call<City[]>('list_cities', { query });
}

export function getCity(id: Id): Promise<City> {
  return call<City>('get_city', { id });
}

export function saveCity(input: CityInput): Promise<City> {
  return call<City>('save_city', { input });
}

export function deleteCity(id: Id): Promise<null> {
  return call<null>('delete_city', { id });
}

export function loadSampleData(): Promise<SampleSummary> {
  return call<SampleSummary>('load_sample_data', {});
}

export function listStudyVisits(): Promise<StudyVisit[]> {
  return call<StudyVisit[]>('list_study_visits', {});
}

export function getStudyVisit(id: Id): Promise<StudyVisitView> {
  return call<StudyVisitView>('get_study_visit', { id });
}

export function createStudyVisit(input: NewStudyVisit): Promise<StudyVisitView> {
  return call<StudyVisitView>('create_study_visit', { input });
}

/** The backend checks the whole visit; when it rejects, nothing is saved. */
export function saveStudyVisit(visit: StudyVisit): Promise<StudyVisitView> {
  return call<StudyVisitView>('save_study_visit', { visit });
}

export function deleteStudyVisit(id: Id): Promise<null> {
  return call<null>('delete_study_visit', { id });
}

/** The shell asks where to save; `path` is null when the person cancelled. */
export function exportItinerary(id: Id, paper: Paper): Promise<ExportedFile> {
  return call<ExportedFile>('export_itinerary', { id, paper });
}

/** The visit's sessions as an iCalendar file; as with the itinerary, the shell asks where. */
export function exportVisitCalendar(id: Id): Promise<ExportedFile> {
  return call<ExportedFile>('export_visit_calendar', { id });
}

export function listPeople(): Promise<Person[]> {
  return call<Person[]>('list_people', {});
}

/** Adds a person to the directory (sent with `NEW_RECORD_ID`); the backend gives the id. */
export function addPerson(person: Person): Promise<Person> {
  return call<Person>('add_person', { person });
}

export function savePerson(person: Person): Promise<Person> {
  return call<Person>('save_person', { person });
}

export function deletePerson(id: Id): Promise<null> {
  return call<null>('delete_person', { id });
}

export function listOrganisations(): Promise<Organisation[]> {
  return call<Organisation[]>('list_organisations', {});
}

/** Adds an organisation (sent with `NEW_RECORD_ID`); the backend gives the id. */
export function addOrganisation(organisation: Organisation): Promise<Organisation> {
  return call<Organisation>('add_organisation', { organisation });
}

export function saveOrganisation(organisation: Organisation): Promise<Organisation> {
  return call<Organisation>('save_organisation', { organisation });
}

export function deleteOrganisation(id: Id): Promise<null> {
  return call<null>('delete_organisation', { id });
}

/** Every candidature with its quota group, score and lateness, best score first. */
export function listCandidatures(): Promise<CandidatureView[]> {
  return call<CandidatureView[]>('list_candidatures', {});
}

/** Records one reviewer's scores, replacing that reviewer's earlier ones. */
export function saveReview(id: Id, review: Review): Promise<CandidatureView> {
  return call<CandidatureView>('save_review', { id, review });
}

/**
 * Keeps the candidatures ticked (the draft selection, so closing the window loses nothing) and
 * returns the quota counters for them, with what the choice breaks.
 */
export function saveSelectionDraft(chosen: Id[]): Promise<GroupTally[]> {
  return call<GroupTally[]>('save_selection_draft', { chosen });
}

/** The ticks to start from: the draft being worked on, else the latest decision. */
export function selectionDraft(): Promise<Id[]> {
  return call<Id[]>('selection_draft', {});
}

export function suggestSelection(): Promise<SelectionSuggestion> {
  return call<SelectionSuggestion>('suggest_selection', {});
}

/** The latest confirmed selection, or null before the first. */
export function selectionDecision(): Promise<SelectionDecision | null> {
  return call<SelectionDecision | null>('selection_decision', {});
}

/** Refused, with the broken quotas, unless the choice is within every quota. */
export function confirmSelection(chosen: Id[], note: string): Promise<SelectionOutcome> {
  return call<SelectionOutcome>('confirm_selection', { chosen, note });
}

/**
 * The shell asks which CSV file to import and keeps it; the preview gives its columns and the
 * guessed mapping. Null when the person closed the dialog.
 */
export function chooseCandidaturesCsv(): Promise<CsvPreview | null> {
  return call<CsvPreview | null>('choose_candidatures_csv', {});
}

/** Imports the chosen file with this mapping: every line, or none. Resolves to the count. */
export function importCandidaturesCsv(mapping: ColumnMapping): Promise<number> {
  return call<number>('import_candidatures_csv', { mapping });
}

export function listClusters(): Promise<Cluster[]> {
  return call<Cluster[]>('list_clusters', {});
}

/** Saves a cluster; one sent with `NEW_RECORD_ID` is created and comes back with its id. */
export function saveCluster(cluster: Cluster): Promise<Cluster> {
  return call<Cluster>('save_cluster', { cluster });
}

export function listPairings(): Promise<Pairing[]> {
  return call<Pairing[]>('list_pairings', {});
}

/** The compatibility matrix and the best assignment; accepted pairs stay locked. */
export function suggestPairings(constraints: PairingConstraints): Promise<PairingBoard> {
  return call<PairingBoard>('suggest_pairings', { constraints });
}

/** Keeps the board's locks and forbids as the coordinator changes them. */
export function savePairingConstraints(constraints: PairingConstraints): Promise<null> {
  return call<null>('save_pairing_constraints', { constraints });
}

/** The locks and forbids the board was left with. */
export function pairingConstraints(): Promise<PairingConstraints> {
  return call<PairingConstraints>('pairing_constraints', {});
}

/** Accepts `[EU city, non-EU city]` pairs: all of them, or none when one is refused. */
export function acceptPairings(pairs: [Id, Id][]): Promise<Pairing[]> {
  return call<Pairing[]>('accept_pairings', { pairs });
}

export function setPairingManager(id: Id, manager: Id | null): Promise<Pairing> {
  return call<Pairing>('set_pairing_manager', { id, manager });
}

export function deletePairing(id: Id): Promise<null> {
  return call<null>('delete_pairing', { id });
}

/** Every meeting, earliest first. */
export function listMeetings(): Promise<Meeting[]> {
  return call<Meeting[]>('list_meetings', {});
}

/** A meeting with its form on the planner's clock, every city's local time and its warnings. */
export function getMeeting(id: Id): Promise<MeetingView> {
  return call<MeetingView>('get_meeting', { id });
}

/** Saves a meeting typed on the planner's clock (a new one when `input.id` is null). */
export function saveMeeting(input: MeetingInput): Promise<MeetingView> {
  return call<MeetingView>('save_meeting', { input });
}

export function deleteMeeting(id: Id): Promise<null> {
  return call<null>('delete_meeting', { id });
}

/** Candidate slots for the cities and dates asked, ranked, each with its reasons. */
export function findSlots(request: SlotRequest): Promise<SlotRanking> {
  return call<SlotRanking>('find_slots', { request });
}

/** Asks where to save a meeting's minutes (a native dialog), then writes the PDF there. */
export function exportMinutes(id: Id, paper: Paper): Promise<ExportedFile> {
  return call<ExportedFile>('export_minutes', { id, paper });
}

/** A meeting, a series, or the upcoming meetings as an iCalendar file; the shell asks where. */
export function exportMeetingsCalendar(which: MeetingsToExport): Promise<ExportedFile> {
  return call<ExportedFile>('export_meetings_calendar', { which });
}

export function listSeries(): Promise<MeetingSeries[]> {
  return call<MeetingSeries[]>('list_series', {});
}

/** A series with its meetings (each occurrence and the meeting holding it) and its warnings. */
export function getSeries(id: Id): Promise<SeriesView> {
  return call<SeriesView>('get_series', { id });
}

/** The series as it would be saved, or its field errors; nothing is written. */
export function previewSeries(series: MeetingSeries): Promise<SeriesView> {
  return call<SeriesView>('preview_series', { series });
}

/**
 * Saves a series (one sent with `NEW_RECORD_ID` is created) and brings its meetings in step in
 * the same transaction. A meeting it no longer gives that has content is kept on its own and
 * a `meeting_kept` warning says so.
 */
export function saveSeries(series: MeetingSeries): Promise<SeriesView> {
  return call<SeriesView>('save_series', { series });
}

/** Deletes a series and its empty meetings; resolves to how many meetings were kept. */
export function deleteSeries(id: Id): Promise<number> {
  return call<number>('delete_series', { id });
}

/** Upcoming meetings, open actions by owner, and the phases; `today` is the viewer's date. */
export function dashboard(today: string): Promise<Dashboard> {
  return call<Dashboard>('dashboard', { today });
}

/** The evaluations of a meeting or a study visit, oldest first. */
export function listEvaluations(subject: EvaluationSubject): Promise<Evaluation[]> {
  return call<Evaluation[]>('list_evaluations', { subject });
}

/**
 * Saves a participant's evaluation; one sent with `NEW_RECORD_ID` is created and comes back
 * with its id and submission time. Field errors name `ratings.<i>.score`, `comment`, etc.
 */
export function saveEvaluation(evaluation: Evaluation): Promise<Evaluation> {
  return call<Evaluation>('save_evaluation', { evaluation });
}

export function deleteEvaluation(id: Id): Promise<null> {
  return call<null>('delete_evaluation', { id });
}

/** The summary of a meeting's or a visit's evaluations: each question's mean and the comments. */
export function evaluationSummary(subject: EvaluationSubject): Promise<EvaluationSummaryView> {
  return call<EvaluationSummaryView>('evaluation_summary', { subject });
}

/** The cooperation plans, of one pairing or (null) all. */
export function listPlans(pairing: Id | null): Promise<CooperationPlan[]> {
  return call<CooperationPlan[]>('list_plans', { pairing });
}

/** A plan with what is still missing before it is sent, its broken links and its versions. */
export function getPlan(id: Id): Promise<PlanView> {
  return call<PlanView>('get_plan', { id });
}

/**
 * Saves a plan as it is typed (one sent with `NEW_RECORD_ID` is created; a pairing has one
 * plan). A half-written plan saves; only what is wrong comes back, each at its field.
 */
export function savePlan(plan: CooperationPlan): Promise<PlanView> {
  return call<PlanView>('save_plan', { plan });
}

export function deletePlan(id: Id): Promise<null> {
  return call<null>('delete_plan', { id });
}

/** Freezes the plan as it is now as its next version, dated today. */
export function issuePlanVersion(plan: Id): Promise<PlanVersion> {
  return call<PlanVersion>('issue_plan_version', { plan });
}

/** Version `number` of a plan as it was issued (read only). */
export function getPlanVersion(plan: Id, number: number): Promise<PlanVersionView> {
  return call<PlanVersionView>('get_plan_version', { plan, number });
}

/** Field-by-field changes between two versions; null stands for the current draft. */
export function comparePlanVersions(plan: Id, from: number | null, to: number | null): Promise<PlanComparison> {
  return call<PlanComparison>('compare_plan_versions', { plan, from, to });
}

/** Starts another pair's plan from this one (no versions carried over). */
export function duplicatePlan(plan: Id, toPairing: Id): Promise<PlanView> {
  return call<PlanView>('duplicate_plan', { plan, toPairing });
}

/** Asks where to save the plan's PDF (the draft, or version N as issued), then writes it. */
export function exportPlan(plan: Id, version: number | null, paper: Paper): Promise<ExportedFile> {
  return call<ExportedFile>('export_plan', { plan, version, paper });
}

/** Every city's dissemination plan, by the city's name. */
export function listDisseminationPlans(): Promise<DisseminationPlan[]> {
  return call<DisseminationPlan[]>('list_dissemination_plans', {});
}

/**
 * Saves a city's dissemination plan as it is typed (one sent with `NEW_RECORD_ID` is created; a
 * city has one plan). Errors come back at their fields (`practices.1.adopters.0.city`).
 */
export function saveDisseminationPlan(plan: DisseminationPlan): Promise<DisseminationPlan> {
  return call<DisseminationPlan>('save_dissemination_plan', { plan });
}

export function deleteDisseminationPlan(id: Id): Promise<null> {
  return call<null>('delete_dissemination_plan', { id });
}

/** Asks where to save the closing-conference book (every city's plan), then writes the PDF. */
export function exportClosingBook(paper: Paper): Promise<ExportedFile> {
  return call<ExportedFile>('export_closing_book', { paper });
}

/** The practices captured in a meeting (all of them with null), newest first. */
export function listBestPractices(meeting: Id | null): Promise<BestPractice[]> {
  return call<BestPractice[]>('list_best_practices', { meeting });
}

/**
 * Saves a practice as it is typed; durable when the promise resolves. One sent with
 * `NEW_RECORD_ID` is a new capture and comes back with its own id.
 */
export function saveBestPractice(practice: BestPractice): Promise<BestPractice> {
  return call<BestPractice>('save_best_practice', { practice });
}

export function deleteBestPractice(id: Id): Promise<null> {
  return call<null>('delete_best_practice', { id });
}

/** A page of the library: ranked practices with their matches marked, and facet counts. */
export function searchLibrary(query: LibraryQuery): Promise<LibraryResults> {
  return call<LibraryResults>('search_library', { query });
}

/** A practice with its meeting and reviewer in words (or word that the meeting is gone). */
export function openBestPractice(id: Id): Promise<PracticeView> {
  return call<PracticeView>('open_best_practice', { id });
}

/** Search everywhere (Ctrl+K): cities, people, organisations, meetings, visits, plans, practices. */
export function searchEverywhere(text: string, limit: number): Promise<EverywhereHit[]> {
  return call<EverywhereHit[]>('search_everywhere', { text, limit });
}

/** Every practice the query selects, as a CSV spreadsheet; the shell asks where. */
export function exportPracticesCsv(query: LibraryQuery): Promise<ExportedFile> {
  return call<ExportedFile>('export_practices_csv', { query });
}

/** Every change made on this desktop as an exchange file for a colleague; the shell asks where. */
export function exportExchange(person: string): Promise<ExportedFile> {
  return call<ExportedFile>('export_exchange', { person });
}

/** A colleague's exchange file, chosen in the shell's dialog and merged; null if none was chosen. */
export function importExchange(): Promise<ExchangeSummary | null> {
  return call<ExchangeSummary | null>('import_exchange', {});
}

/** Every field two desktops changed at the same time, with both values and who wrote them. */
export function listConflicts(): Promise<ConflictView[]> {
  return call<ConflictView[]>('list_conflicts', {});
}

/** Settles a conflict with one value's `json`, or a merged text as a JSON string. */
export function settleConflict(collection: string, id: Id, field: string, json: string): Promise<null> {
  return call<null>('settle_conflict', { collection, id, field, json });
}

/** Who changed what in one record, oldest first; `collection` as the store names it ("city"). */
export function recordHistory(collection: string, id: Id): Promise<FieldChange[]> {
  return call<FieldChange[]>('record_history', { collection, id });
}

/** Where syncing with the shared folder stands, without a pass. */
export function syncStatus(): Promise<SyncStatus> {
  return call<SyncStatus>('sync_status', {});
}

/**
 * Asks (in the shell's dialog) for the folder a sync service shares, keeps it with `person`, and
 * syncs at once; null if no folder was chosen. A folder that cannot serve is refused with why.
 */
export function chooseSyncFolder(person: string): Promise<SyncStatus | null> {
  return call<SyncStatus | null>('choose_sync_folder', { person });
}

/** Keeps new sync settings: another name, or no folder to stop syncing. */
export function saveSyncSettings(settings: SyncSettings): Promise<SyncStatus> {
  return call<SyncStatus>('save_sync_settings', { settings });
}

/** A pass over the sync folder now, sending this desktop's waiting changes too. */
export function syncNow(): Promise<SyncStatus> {
  return call<SyncStatus>('sync_now', {});
}

/** The practices the query selects as a catalogue PDF, grouped by theme; the shell asks where. */
export function exportCatalogue(query: LibraryQuery, paper: Paper): Promise<ExportedFile> {
  return call<ExportedFile>('export_catalogue', { query, paper });
}
