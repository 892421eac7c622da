//! The same binary without a window, for scripted jobs. With no command it opens the window.
//!
//! Here: what a job is and running it; `parse`: the command line and its help; `find`: a
//! record named on the command line by its id or (part of) its title.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use icp_api::{Desk, LibraryQuery, MeetingsToExport, Paper};

mod find;
mod parse;

use find::{find_meeting, find_plan, find_visit};
use parse::{parse, HELP};

#[derive(Debug, PartialEq, Eq)]
enum Job {
    Window,
    Help,
    Version,
    BackupExport(PathBuf),
    BackupImport(PathBuf),
    SampleData,
    PrintItinerary {
        visit: String,
        out: PathBuf,
        paper: Paper,
    },
    PrintCalendar {
        visit: String,
        out: PathBuf,
    },
    PrintMinutes {
        meeting: String,
        out: PathBuf,
        paper: Paper,
    },
    PrintPlan {
        pairing: String,
        version: Option<u32>,
        out: PathBuf,
        paper: Paper,
    },
    PrintBook {
        out: PathBuf,
        paper: Paper,
    },
    ExchangeExport {
        file: PathBuf,
        person: Option<String>,
    },
    ExchangeImport(PathBuf),
    Sync {
        folder: PathBuf,
        person: Option<String>,
    },
    PrintCatalogue {
        themes: Vec<String>,
        out: PathBuf,
        paper: Paper,
    },
    PracticesCsv {
        themes: Vec<String>,
        out: PathBuf,
    },
    MeetingsCalendar {
        out: PathBuf,
        upcoming: bool,
    },
    ImportCandidatures {
        file: PathBuf,
        reviewer: Option<String>,
    },
    SuggestSelection {
        json: bool,
    },
    SuggestPairings {
        json: bool,
    },
}

#[derive(Debug)]
struct Invocation {
    data_dir: Option<PathBuf>,
    job: Job,
}

/// Runs what the arguments ask for and returns the process exit status.
pub fn main(args: Vec<OsString>) -> i32 {
    let inv = match parse(args) {
        Ok(inv) => inv,
        Err(msg) => {
            eprintln!("icp-desk: {msg}\nTry 'icp-desk --help'.");
            return 2;
        }
    };
    match inv.job {
        Job::Help => {
            print!("{HELP}");
            return 0;
        }
        Job::Version => {
            println!("icp-desk {}", env!("CARGO_PKG_VERSION"));
            return 0;
        }
        _ => {}
    }
    let dir = match crate::resolve_data_dir(inv.data_dir) {
        Ok(dir) => dir,
        Err(msg) => {
            eprintln!("icp-desk: {msg}");
            return 1;
        }
    };
    let result = match inv.job {
        Job::Window => crate::run_window(&dir),
        job => run_headless(&dir, job),
    };
    match result {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("icp-desk: {msg}");
            1
        }
    }
}

fn run_headless(dir: &Path, job: Job) -> Result<(), String> {
    let desk = Desk::open(dir).map_err(|e| e.to_string())?;
    match job {
        Job::BackupExport(file) => {
            let r = desk.export_backup(&file).map_err(|e| e.to_string())?;
            println!(
                "Wrote {} ({} records, {} changes).",
                r.path, r.records, r.operations
            );
        }
        Job::BackupImport(file) => {
            let r = desk.import_backup(&file).map_err(|e| e.to_string())?;
            println!(
                "Restored {} records ({} changes) from {} into {}.",
                r.records,
                r.operations,
                r.path,
                dir.display()
            );
        }
        Job::SampleData => {
            let s = desk.load_sample_data().map_err(|e| e.to_string())?;
            println!(
                "Loaded the sample ICP AGIR programme into {}: {} cities, {} study visit(s), \
                 {} pairing(s), {} candidatures, {} clusters, {} people, {} organisations, {} \
                 meetings, {} best practices, {} evaluations, {} cooperation plan(s) and {} \
                 dissemination plans added.",
                dir.display(),
                s.cities,
                s.study_visits,
                s.pairings,
                s.candidatures,
                s.clusters,
                s.people,
                s.organisations,
                s.meetings,
                s.best_practices,
                s.evaluations,
                s.cooperation_plans,
                s.dissemination_plans
            );
        }
        Job::PrintItinerary { visit, out, paper } => {
            let id = find_visit(&desk, &visit)?;
            let bytes = desk
                .export_itinerary(id, paper, &out)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::PrintCalendar { visit, out } => {
            let id = find_visit(&desk, &visit)?;
            let bytes = desk
                .export_visit_calendar(id, &out)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::PrintMinutes {
            meeting,
            out,
            paper,
        } => {
            let id = find_meeting(&desk, &meeting)?;
            let bytes = desk
                .export_minutes(id, paper, &out)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::PrintPlan {
            pairing,
            version,
            out,
            paper,
        } => {
            let id = find_plan(&desk, &pairing)?;
            let bytes = desk
                .export_plan(id, version, paper, &out)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::PrintBook { out, paper } => {
            let bytes = desk
                .export_closing_book(paper, &out)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::Sync { folder, person } => {
            let r = desk
                .sync_folder(&folder, &login_name(person))
                .map_err(|e| e.to_string())?;
            println!(
                "Synced with {}: merged {} file(s) ({} new records, {} changed, {} in conflict); {}.",
                folder.display(),
                r.merged_files,
                r.new_records,
                r.changed_records,
                r.conflicted_records,
                match &r.written {
                    Some(f) => format!("wrote {f}"),
                    None => "nothing new to write".to_string(),
                }
            );
            for w in &r.waiting {
                println!("Still arriving or damaged, tried again next time: {w}");
            }
        }
        Job::ExchangeExport { file, person } => {
            let person = login_name(person);
            let ops = desk
                .export_exchange(&file, &person)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({ops} changes).", file.display());
        }
        Job::ExchangeImport(file) => {
            let s = desk.import_exchange(&file).map_err(|e| e.to_string())?;
            let from = if s.from_person.is_empty() {
                String::new()
            } else {
                format!(" from {}", s.from_person)
            };
            println!(
                "Merged {}{from}: {} new records, {} changed, {} in conflict ({} new changes, {} already here).",
                file.display(),
                s.new_records,
                s.changed_records,
                s.conflicted_records,
                s.new_operations,
                s.known_operations
            );
        }
        Job::PrintCatalogue { themes, out, paper } => {
            let query = catalogue_query(&desk, &themes)?;
            let bytes = desk
                .export_catalogue(&query, paper, &out)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::PracticesCsv { themes, out } => {
            let query = catalogue_query(&desk, &themes)?;
            let bytes = desk
                .export_practices_csv(&query, &out)
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::MeetingsCalendar { out, upcoming } => {
            let bytes = desk
                .export_meetings_calendar(
                    &if upcoming {
                        MeetingsToExport::Upcoming
                    } else {
                        MeetingsToExport::All
                    },
                    &out,
                )
                .map_err(|e| e.to_string())?;
            println!("Wrote {} ({} KB).", out.display(), bytes.div_ceil(1024));
        }
        Job::ImportCandidatures { file, reviewer } => {
            let mapping = match reviewer {
                Some(name) => {
                    let mut m = desk
                        .preview_candidatures_csv(&file)
                        .map_err(|e| e.to_string())?
                        .mapping;
                    m.reviewer = name;
                    Some(m)
                }
                None => None,
            };
            let added = desk
                .import_candidatures_csv(&file, mapping.as_ref())
                .map_err(|e| match e.to_ipc().issues.as_slice() {
                    [] => e.to_string(),
                    issues => issues
                        .iter()
                        .map(|i| i.message.clone())
                        .collect::<Vec<_>>()
                        .join("\n"),
                })?;
            println!("Imported {added} candidatures from {}.", file.display());
        }
        Job::SuggestSelection { json } => {
            let s = desk.suggest_selection().map_err(|e| e.to_string())?;
            if json {
                println!("{}", to_json(&s)?);
            } else {
                for g in &s.groups {
                    println!("{}: {} of {} seats", g.label, g.selected, g.quota);
                }
                for e in &s.entries {
                    println!(
                        "{} {:<24} {:<3} {:>5}  {}",
                        if e.selected { "IN " } else { "out" },
                        e.city_name,
                        e.country,
                        e.score
                            .map(|s| format!("{s:.2}"))
                            .unwrap_or_else(|| "—".into()),
                        e.why
                    );
                }
            }
        }
        Job::SuggestPairings { json } => {
            let board = desk
                .suggest_pairings(&Default::default())
                .map_err(|e| e.to_string())?;
            if json {
                println!("{}", to_json(&board)?);
            } else {
                let name = |id| {
                    board
                        .eu
                        .iter()
                        .chain(&board.partners)
                        .find(|c| c.id == id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default()
                };
                for p in &board.suggestion.pairs {
                    println!(
                        "{:<20} – {:<20} {:>4}",
                        name(p.eu),
                        name(p.partner),
                        p.score
                    );
                }
                println!("total {}", board.suggestion.total);
            }
        }
        Job::Window | Job::Help | Job::Version => unreachable!("handled by main"),
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

/// The library's selection for the themes named on the command line, each by its name or
/// key in any case ("Air quality", "air_quality").
fn catalogue_query(desk: &Desk, themes: &[String]) -> Result<LibraryQuery, String> {
    let known = &desk.programme().themes;
    let keys = themes
        .iter()
        .map(|t| {
            let wanted = t.trim().to_lowercase();
            known
                .iter()
                .find(|k| k.key == wanted || k.label.to_lowercase() == wanted)
                .map(|k| k.key.clone())
                .ok_or_else(|| {
                    let names: Vec<&str> = known.iter().map(|k| k.label.as_str()).collect();
                    format!(
                        "There is no theme \"{t}\". The themes are: {}.",
                        names.join(", ")
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(LibraryQuery {
        themes: keys,
        ..LibraryQuery::default()
    })
}

/// The name a file is signed with: the one given, else the login name.
fn login_name(given: Option<String>) -> String {
    given
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_default()
}
