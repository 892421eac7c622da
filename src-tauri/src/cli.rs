//! The same binary without a window, for scripted jobs. With no command it opens the window.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use icp_api::{Desk, MeetingsToExport, Paper};
use icp_domain::{Id, StudyVisit};

const HELP: &str = "\
ICP Desk — the desktop application of the ICP AGIR city-partnership programme.

Usage: icp-desk [--data-dir PATH] [COMMAND]

With no command, ICP Desk opens its window.

Commands:
  backup export FILE   Write every record and its history to FILE (JSON Lines)
  backup import FILE   Restore a backup into an empty data folder
  sample-data          Load the sample ICP AGIR programme (cities of the public pairs, a
                       six-day study visit of eThekwini to Porto, forty candidatures, the
                       clusters and a small directory)
  print itinerary VISIT --out FILE.pdf [--paper a4|letter]
                       Print a study visit's itinerary; VISIT is its id or (part of) its title
  print calendar VISIT --out FILE.ics
                       Write a study visit's sessions as an iCalendar file, for calendar programs
  candidatures import FILE.csv [--reviewer NAME]
                       Import the online form's export; the columns are recognised by their
                       names (City, Country, Timestamp, each question's key or text, and a
                       criterion's scores: “relevance”, “Score: commitment”…). Scores in the
                       file are recorded as NAME's review. Every bad line is reported and
                       then nothing is imported
  print minutes MEETING --out FILE.pdf [--paper a4|letter]
                       Print a meeting's minutes; MEETING is its id or (part of) its title
  print plan PAIRING [--version N] --out FILE.pdf [--paper a4|letter]
                       Print a pair's cooperation plan: the draft, or version N as issued;
                       PAIRING is the plan's or the pairing's id, or a city of the pair
  print book --out FILE.pdf [--paper a4|letter]
                       Print the closing-conference book: every city's dissemination plan
  calendar --out FILE.ics [--upcoming]
                       Write every meeting (or those still ahead) as an iCalendar file
  selection suggest [--json]
                       The highest-scoring selection within the quotas: every candidature with
                       its group, score, and whether it is in (and why)
  pairings suggest [--json]
                       The compatibility of every EU city with every non-EU city, and the
                       pairs that maximise the total
  help                 Show this help

Options:
  --data-dir PATH      Keep the data in PATH instead of the system's data folder
                       (also: environment variable ICP_DESK_DATA_DIR)
  -h, --help           Show this help
  -V, --version        Show the version

Exit status: 0 done, 1 the job failed (the reason is printed), 2 the command line was wrong.
";

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

/// A visit by id, or by a title (or part of one) that names exactly one visit.
fn find_visit(desk: &Desk, wanted: &str) -> Result<Id, String> {
    let visits: Vec<StudyVisit> = desk.list_study_visits().map_err(|e| e.to_string())?;
    let named = visits
        .iter()
        .map(|v| (v.id, v.title.clone(), v.start_date.clone()));
    find_by_title(wanted, named.collect(), "study visit")
}

fn find_meeting(desk: &Desk, wanted: &str) -> Result<Id, String> {
    let meetings = desk.list_meetings().map_err(|e| e.to_string())?;
    let named = meetings.iter().map(|m| {
        (
            m.id,
            m.title.clone(),
            m.start.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
    });
    find_by_title(wanted, named.collect(), "meeting")
}

/// A plan by its id or its pairing's, or by a city of its pair ("Gwangju", "Athens").
fn find_plan(desk: &Desk, wanted: &str) -> Result<Id, String> {
    let plans = desk.list_plans(None).map_err(|e| e.to_string())?;
    if let Ok(id) = wanted.parse::<Id>() {
        if let Some(p) = plans.iter().find(|p| p.pairing == id) {
            return Ok(p.id);
        }
        return Ok(id);
    }
    let pairings = desk.list_pairings().map_err(|e| e.to_string())?;
    let cities = desk
        .list_cities(&icp_domain::CityQuery::default())
        .map_err(|e| e.to_string())?;
    let name = |id: Id| {
        cities
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| "?".to_string(), |c| c.name.clone())
    };
    let named = plans.iter().map(|p| {
        let pair = pairings
            .iter()
            .find(|k| k.id == p.pairing)
            .map(|k| format!("{} – {}", name(k.eu_city), name(k.partner_city)))
            .unwrap_or_default();
        (p.id, pair, p.title.clone())
    });
    find_by_title(wanted, named.collect(), "cooperation plan")
}

/// A record named by its id, or by (part of) its title when only one title matches;
/// otherwise the candidates with their ids, so the next try can name one exactly.
/// `records` are `(id, title, when)`.
fn find_by_title(
    wanted: &str,
    records: Vec<(Id, String, String)>,
    what: &str,
) -> Result<Id, String> {
    if let Ok(id) = wanted.parse::<Id>() {
        return Ok(id);
    }
    let needle = icp_domain::text::fold(wanted);
    let matching: Vec<&(Id, String, String)> = records
        .iter()
        .filter(|(_, title, _)| icp_domain::text::fold(title).contains(&needle))
        .collect();
    match matching.as_slice() {
        [one] => Ok(one.0),
        [] if records.is_empty() => Err(format!("There are no {what}s in this data folder.")),
        found => {
            let shown: Vec<&(Id, String, String)> = if found.is_empty() {
                records.iter().collect()
            } else {
                found.to_vec()
            };
            let list: Vec<String> = shown
                .iter()
                .map(|(id, title, when)| format!("  {id}  {title} ({when})"))
                .collect();
            let head = if found.is_empty() {
                format!("No {what} is called")
            } else {
                format!("More than one {what} matches")
            };
            Err(format!(
                "{head} “{wanted}”. Name one by its id:\n{}",
                list.join("\n")
            ))
        }
    }
}

fn parse(args: Vec<OsString>) -> Result<Invocation, String> {
    let mut data_dir = None;
    let mut out: Option<PathBuf> = None;
    let mut paper: Option<Paper> = None;
    let mut json = false;
    let mut reviewer: Option<String> = None;
    let mut upcoming = false;
    let mut version: Option<u32> = None;
    let mut words: Vec<OsString> = Vec::new();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let text = arg.to_string_lossy();
        if text == "--data-dir" {
            let value = it
                .next()
                .ok_or("--data-dir needs a folder: --data-dir PATH")?;
            data_dir = Some(PathBuf::from(value));
        } else if let Some(value) = text.strip_prefix("--data-dir=") {
            data_dir = Some(PathBuf::from(value));
        } else if text == "--out" {
            out = Some(PathBuf::from(
                it.next().ok_or("--out needs a file: --out FILE.pdf")?,
            ));
        } else if text == "--paper" {
            let value = it
                .next()
                .ok_or("--paper needs a size: --paper a4 or --paper letter")?;
            paper = Some(Paper::parse(&value.to_string_lossy()).ok_or_else(|| {
                format!(
                    "unknown paper '{}': use a4 or letter",
                    value.to_string_lossy()
                )
            })?);
        } else if text == "--reviewer" {
            let value = it
                .next()
                .ok_or("--reviewer needs the name of who gave the file's scores")?;
            reviewer = Some(value.to_string_lossy().into_owned());
        } else if text == "--version" && !words.is_empty() {
            let value = it.next().ok_or("--version needs a number: --version 2")?;
            let text = value.to_string_lossy();
            version = Some(text.trim().parse().map_err(|_| {
                format!("--version takes a version's number, like 2, not '{text}'")
            })?);
        } else if text == "--upcoming" {
            upcoming = true;
        } else if text == "--json" {
            json = true;
        } else if text == "-h" || text == "--help" {
            return Ok(Invocation {
                data_dir,
                job: Job::Help,
            });
        } else if text == "-V" || text == "--version" {
            return Ok(Invocation {
                data_dir,
                job: Job::Version,
            });
        } else if text.starts_with('-') && words.is_empty() {
            // The WebDriver that runs the end-to-end tests starts the app with options of its
            // own; the window ignores options it does not know rather than refusing to start.
            continue;
        } else {
            words.push(arg);
        }
    }
    let text: Vec<String> = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let job = match text
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => Job::Window,
        ["help"] => Job::Help,
        ["sample-data"] => Job::SampleData,
        ["backup", "export", _] => Job::BackupExport(PathBuf::from(&words[2])),
        ["backup", "import", _] => Job::BackupImport(PathBuf::from(&words[2])),
        ["backup", "export" | "import"] => return Err("backup export/import needs a FILE".into()),
        ["backup", ..] => return Err("backup takes 'export FILE' or 'import FILE'".into()),
        ["print", "itinerary", visit] => Job::PrintItinerary {
            visit: visit.to_string(),
            out: out.take().ok_or("print itinerary needs --out FILE.pdf")?,
            paper: paper.take().unwrap_or(Paper::A4),
        },
        ["print", "calendar", visit] if paper.is_none() => Job::PrintCalendar {
            visit: visit.to_string(),
            out: out.take().ok_or("print calendar needs --out FILE.ics")?,
        },
        ["print", "calendar", _] => {
            return Err("--paper goes with 'print itinerary'; a calendar has no paper".into())
        }
        ["print", "minutes", meeting] => Job::PrintMinutes {
            meeting: meeting.to_string(),
            out: out.take().ok_or("print minutes needs --out FILE.pdf")?,
            paper: paper.take().unwrap_or(Paper::A4),
        },
        ["print", what @ ("itinerary" | "calendar")] => {
            return Err(format!("print {what} needs a VISIT (its id or title)"))
        }
        ["print", "plan", pairing] => Job::PrintPlan {
            pairing: pairing.to_string(),
            version: version.take(),
            out: out.take().ok_or("print plan needs --out FILE.pdf")?,
            paper: paper.take().unwrap_or(Paper::A4),
        },
        ["print", "book"] => Job::PrintBook {
            out: out.take().ok_or("print book needs --out FILE.pdf")?,
            paper: paper.take().unwrap_or(Paper::A4),
        },
        ["print", "plan"] => {
            return Err("print plan needs a PAIRING (a city of the pair, or an id)".into())
        }
        ["print", "minutes"] => {
            return Err("print minutes needs a MEETING (its id or title)".into())
        }
        ["print", ..] => {
            return Err(
                "print takes 'itinerary VISIT --out FILE.pdf', 'calendar VISIT --out FILE.ics', \
                 'minutes MEETING --out FILE.pdf', 'plan PAIRING --out FILE.pdf' or \
                 'book --out FILE.pdf'"
                    .into(),
            )
        }
        ["calendar"] => Job::MeetingsCalendar {
            out: out.take().ok_or("calendar needs --out FILE.ics")?,
            upcoming: std::mem::take(&mut upcoming),
        },
        ["calendar", ..] => return Err("calendar takes '--out FILE.ics [--upcoming]'".into()),
        ["candidatures", "import", _] => Job::ImportCandidatures {
            file: PathBuf::from(&words[2]),
            reviewer: reviewer.take(),
        },
        ["candidatures", ..] => return Err("candidatures takes 'import FILE.csv'".into()),
        ["selection", "suggest"] => Job::SuggestSelection {
            json: std::mem::take(&mut json),
        },
        ["pairings", "suggest"] => Job::SuggestPairings {
            json: std::mem::take(&mut json),
        },
        ["selection" | "pairings", ..] => {
            return Err(format!("{} takes 'suggest [--json]'", text[0]))
        }
        [other, ..] => return Err(format!("unknown command '{other}'")),
    };
    if json {
        return Err("--json goes with 'selection suggest' or 'pairings suggest'".into());
    }
    if upcoming {
        return Err("--upcoming goes with 'calendar'".into());
    }
    if reviewer.is_some() {
        return Err("--reviewer goes with 'candidatures import'".into());
    }
    if out.is_some() || paper.is_some() {
        return Err("--out and --paper go with 'print …' or 'calendar'".into());
    }
    Ok(Invocation { data_dir, job })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(args: &[&str]) -> Result<Job, String> {
        parse(args.iter().map(OsString::from).collect()).map(|i| i.job)
    }

    #[test]
    fn reads_commands_and_data_dir() {
        assert_eq!(job(&[]).unwrap(), Job::Window);
        assert_eq!(job(&["sample-data"]).unwrap(), Job::SampleData);
        assert_eq!(
            job(&["candidatures", "import", "c.csv", "--reviewer", "Jury"]).unwrap(),
            Job::ImportCandidatures {
                file: "c.csv".into(),
                reviewer: Some("Jury".into())
            }
        );
        assert!(job(&["selection", "suggest", "--reviewer", "Jury"]).is_err());
        assert_eq!(
            job(&["backup", "export", "x.jsonl"]).unwrap(),
            Job::BackupExport("x.jsonl".into())
        );
        let inv = parse(vec![
            "--data-dir".into(),
            "/tmp/d".into(),
            "backup".into(),
            "import".into(),
            "b".into(),
        ])
        .unwrap();
        assert_eq!(inv.data_dir, Some(PathBuf::from("/tmp/d")));
        assert_eq!(inv.job, Job::BackupImport("b".into()));
        assert_eq!(job(&["--help"]).unwrap(), Job::Help);
        assert_eq!(
            job(&[
                "print",
                "itinerary",
                "Porto",
                "--out",
                "p.pdf",
                "--paper",
                "Letter"
            ])
            .unwrap(),
            Job::PrintItinerary {
                visit: "Porto".into(),
                out: "p.pdf".into(),
                paper: Paper::Letter
            }
        );
        assert_eq!(
            job(&["selection", "suggest", "--json"]).unwrap(),
            Job::SuggestSelection { json: true }
        );
        assert_eq!(
            job(&["pairings", "suggest"]).unwrap(),
            Job::SuggestPairings { json: false }
        );
        assert!(job(&["--json"]).unwrap_err().contains("--json goes with"));
        assert!(job(&["pairings", "propose"])
            .unwrap_err()
            .contains("suggest"));
        assert_eq!(
            job(&["calendar", "--upcoming", "--out", "m.ics"]).unwrap(),
            Job::MeetingsCalendar {
                out: "m.ics".into(),
                upcoming: true,
            }
        );
        assert_eq!(
            job(&[
                "print",
                "plan",
                "Gwangju",
                "--version",
                "2",
                "--out",
                "p.pdf"
            ])
            .unwrap(),
            Job::PrintPlan {
                pairing: "Gwangju".into(),
                version: Some(2),
                out: "p.pdf".into(),
                paper: Paper::A4,
            }
        );
        assert_eq!(
            job(&["print", "minutes", "working", "--out", "m.pdf"]).unwrap(),
            Job::PrintMinutes {
                meeting: "working".into(),
                out: "m.pdf".into(),
                paper: Paper::A4,
            }
        );
        assert_eq!(
            job(&["print", "calendar", "Porto", "--out", "p.ics"]).unwrap(),
            Job::PrintCalendar {
                visit: "Porto".into(),
                out: "p.ics".into(),
            }
        );
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(job(&["frobnicate"])
            .unwrap_err()
            .contains("unknown command"));
        assert!(job(&["backup", "export"]).unwrap_err().contains("FILE"));
        assert!(job(&["--data-dir"]).unwrap_err().contains("PATH"));
        assert!(job(&["print", "itinerary", "x"])
            .unwrap_err()
            .contains("--out"));
        assert!(
            job(&["print", "itinerary", "x", "--out", "a", "--paper", "a3"])
                .unwrap_err()
                .contains("a3")
        );
        assert!(job(&["--out", "a"]).unwrap_err().contains("go with 'print"));
        assert!(job(&["calendar"]).unwrap_err().contains("--out FILE.ics"));
        assert!(job(&["--upcoming"])
            .unwrap_err()
            .contains("goes with 'calendar'"));
        assert!(job(&["print", "calendar", "x"])
            .unwrap_err()
            .contains("--out FILE.ics"));
        assert!(
            job(&["print", "calendar", "x", "--out", "a", "--paper", "a4"])
                .unwrap_err()
                .contains("no paper")
        );
        assert!(job(&["print", "calendar"]).unwrap_err().contains("VISIT"));
    }
}
