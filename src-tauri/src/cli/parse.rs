//! The command line read into a [`Job`], and the help that describes it.

use std::ffi::OsString;
use std::path::PathBuf;

use icp_api::Paper;

use super::{Invocation, Job};

pub(super) const HELP: &str = "\
ICP Desk — the desktop application of the ICP AGIR city-partnership programme.

Usage: icp-desk [--data-dir PATH] [COMMAND]

With no command, ICP Desk opens its window.

Commands:
  backup export FILE   Write every record and its history to FILE (JSON Lines)
  backup import FILE   Restore a backup into an empty data folder
  exchange export FILE [--person NAME]
                       Write every change made on this desktop as an exchange file for a
                       colleague's ICP Desk, signed with NAME (default: the login name)
  exchange import FILE Merge a colleague's exchange file, field by field, and print what it
                       changed; a refused file (cut short, altered, too large, from a newer
                       ICP Desk) changes nothing
  sync FOLDER [--person NAME]
                       One pass over a folder a sync service shares between desktops: merge
                       the other desktops' new files, then write this one's new changes as a
                       new file in its own subfolder
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
  print catalogue [--theme T]... --out FILE.pdf [--paper a4|letter]
                       Print the best-practice catalogue, grouped by theme, with contents and
                       an index of cities; T is a theme's name or key (all themes without it)
  practices csv [--theme T]... --out FILE.csv
                       Write the same selection of best practices as a spreadsheet
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

pub(super) fn parse(args: Vec<OsString>) -> Result<Invocation, String> {
    let mut data_dir = None;
    let mut out: Option<PathBuf> = None;
    let mut paper: Option<Paper> = None;
    let mut json = false;
    let mut reviewer: Option<String> = None;
    let mut upcoming = false;
    let mut version: Option<u32> = None;
    let mut themes: Vec<String> = Vec::new();
    let mut person: Option<String> = None;
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
        } else if text == "--person" {
            let value = it
                .next()
                .ok_or("--person needs a name: --person \"Ana Silva\"")?;
            person = Some(value.to_string_lossy().into_owned());
        } else if text == "--theme" {
            let value = it
                .next()
                .ok_or("--theme needs a theme: --theme \"Air quality\"")?;
            themes.push(value.to_string_lossy().into_owned());
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
        ["exchange", "export", _] => Job::ExchangeExport {
            file: PathBuf::from(&words[2]),
            person: person.take(),
        },
        ["exchange", "import", _] => Job::ExchangeImport(PathBuf::from(&words[2])),
        ["sync", _] => Job::Sync {
            folder: PathBuf::from(&words[1]),
            person: person.take(),
        },
        ["sync", ..] => return Err("sync takes a FOLDER: sync FOLDER [--person NAME]".into()),
        ["exchange", ..] => {
            return Err("exchange takes 'export FILE [--person NAME]' or 'import FILE'".into())
        }
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
        ["print", "catalogue"] => Job::PrintCatalogue {
            themes: std::mem::take(&mut themes),
            out: out.take().ok_or("print catalogue needs --out FILE.pdf")?,
            paper: paper.take().unwrap_or(Paper::A4),
        },
        ["practices", "csv"] if paper.is_none() => Job::PracticesCsv {
            themes: std::mem::take(&mut themes),
            out: out.take().ok_or("practices csv needs --out FILE.csv")?,
        },
        ["practices", ..] => return Err("practices takes 'csv --out FILE.csv'".into()),
        ["print", "plan"] => {
            return Err("print plan needs a PAIRING (a city of the pair, or an id)".into())
        }
        ["print", "minutes"] => {
            return Err("print minutes needs a MEETING (its id or title)".into())
        }
        ["print", ..] => {
            return Err(
                "print takes 'itinerary VISIT --out FILE.pdf', 'calendar VISIT --out FILE.ics', \
                 'minutes MEETING --out FILE.pdf', 'plan PAIRING --out FILE.pdf', \
                 'book --out FILE.pdf' or 'catalogue --out FILE.pdf'"
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
    if person.is_some() {
        return Err("--person goes with 'exchange export' or 'sync'".into());
    }
    if !themes.is_empty() {
        return Err("--theme goes with 'print catalogue' or 'practices csv'".into());
    }
    if reviewer.is_some() {
        return Err("--reviewer goes with 'candidatures import'".into());
    }
    if out.is_some() || paper.is_some() {
        return Err("--out and --paper go with 'print …', 'practices csv' or 'calendar'".into());
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
        assert!(job(&["print", "catalogue"]).unwrap_err().contains("--out"));
        assert!(job(&["--theme", "x", "sample-data"])
            .unwrap_err()
            .contains("goes with 'print catalogue'"));
        assert!(job(&["practices", "csv", "--out", "p", "--paper", "a4"]).is_err());
    }

    #[test]
    fn reads_the_exchange_commands() {
        assert_eq!(
            job(&["exchange", "export", "out.icpx", "--person", "Ana Silva"]).unwrap(),
            Job::ExchangeExport {
                file: "out.icpx".into(),
                person: Some("Ana Silva".into()),
            }
        );
        assert_eq!(
            job(&["exchange", "import", "in.icpx"]).unwrap(),
            Job::ExchangeImport("in.icpx".into())
        );
        assert!(job(&["exchange", "import"])
            .unwrap_err()
            .contains("import FILE"));
        assert!(job(&["exchange", "import", "x", "--person", "A"])
            .unwrap_err()
            .contains("--person goes with"));
    }

    #[test]
    fn reads_the_catalogue_and_its_themes() {
        assert_eq!(
            job(&[
                "print",
                "catalogue",
                "--theme",
                "Air quality",
                "--theme",
                "energy_transition",
                "--out",
                "c.pdf"
            ])
            .unwrap(),
            Job::PrintCatalogue {
                themes: vec!["Air quality".into(), "energy_transition".into()],
                out: "c.pdf".into(),
                paper: Paper::A4,
            }
        );
        assert_eq!(
            job(&["practices", "csv", "--out", "p.csv"]).unwrap(),
            Job::PracticesCsv {
                themes: vec![],
                out: "p.csv".into(),
            }
        );
    }
}
