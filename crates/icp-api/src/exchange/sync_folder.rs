//! A sync folder: a folder that a sync service (Syncthing, Nextcloud, OneDrive, Dropbox, a
//! network drive) already shares between the desktops. Each desktop writes only in its own
//! subfolder, named after its device, and only new files, never changing one: the service
//! never sees two writers of one file. Each desktop reads the other subfolders and merges
//! every file it has not merged yet, so one that was offline catches up on its next pass.
//!
//! A pass writes what the folder lacks: the changes here that no file this desktop can see
//! announced (each file's first line says what its sender had).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use icp_store::{read_exchange_header, VersionVector};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

const EXTENSION: &str = "icpx";

/// What one pass over the sync folder did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    /// The file this desktop wrote, if it had changes the folder lacked.
    pub written: Option<String>,
    /// Files of other desktops merged in this pass.
    pub merged_files: u32,
    pub new_records: u32,
    pub changed_records: u32,
    pub conflicted_records: u32,
    /// The kinds of record the merged files changed, for the views to read again.
    pub collections: Vec<String>,
    /// Files that could not be read yet (still arriving, or damaged): tried again next pass.
    pub waiting: Vec<String>,
}

/// What a pass learnt of files that never change once written: each readable file's first
/// line, by name, so that the next pass opens only the new ones.
pub(crate) type KnownHeaders = HashMap<String, VersionVector>;

impl Desk {
    /// One pass over the sync folder: merge the other desktops' new files, then write this
    /// desktop's new changes as a new file of its own. A folder that cannot be reached (an
    /// unmounted drive) is an error that says so; nothing here is changed or lost, and the
    /// next pass picks up where this one stopped.
    pub fn sync_folder(&self, folder: &Path, person: &str) -> Result<SyncReport, ApiError> {
        self.sync_pass_over(folder, person, true, &mut KnownHeaders::new())
    }

    /// A pass that writes only when `write` (the window bundles its changes into fewer
    /// files), remembering file headers in `known` from one pass to the next.
    pub(crate) fn sync_pass_over(
        &self,
        folder: &Path,
        person: &str,
        write: bool,
        known: &mut KnownHeaders,
    ) -> Result<SyncReport, ApiError> {
        let unreachable = |reason: String| ApiError::File {
            path: folder.display().to_string(),
            action: "reach the sync folder",
            reason: format!("{reason}; syncing is paused and nothing was lost"),
        };
        if !folder.is_dir() {
            return Err(unreachable(
                "it is not there (an unplugged drive or a network that is down?)".into(),
            ));
        }
        let mine = folder.join(self.store.device().to_string());
        let mut report = SyncReport::default();
        let mut seen = VersionVector::new();
        let entries = fs::read_dir(folder).map_err(|e| unreachable(e.to_string()))?;
        let mut subfolders: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        subfolders.sort();
        for sub in subfolders {
            let ours = sub == mine;
            for file in files_in(&sub)? {
                let name = relative_name(folder, &file);
                if !known.contains_key(&name) {
                    let opened = fs::File::open(&file).map_err(|e| unreachable(e.to_string()));
                    match opened.and_then(|mut f| Ok(read_exchange_header(&mut f)?)) {
                        Ok(header) => known.insert(name.clone(), header.has),
                        Err(_) => {
                            report.waiting.push(name);
                            continue;
                        }
                    };
                }
                for (device, hlc) in &known[&name] {
                    icp_store::keep_newest(&mut seen, *device, *hlc);
                }
                if ours || self.store.is_synced(&name)? {
                    continue;
                }
                match self.import_exchange(&file) {
                    Ok(s) => {
                        report.merged_files += 1;
                        report.new_records += s.new_records as u32;
                        report.changed_records += s.changed_records as u32;
                        report.conflicted_records += s.conflicted_records as u32;
                        for c in s.collections {
                            if !report.collections.contains(&c) {
                                report.collections.push(c);
                            }
                        }
                        self.store.mark_synced(&name)?;
                    }
                    // A refused file is not merged and not forgotten: a file still being
                    // copied in by the sync service looks cut short.
                    Err(
                        ApiError::Store(icp_store::StoreError::ExchangeRefused { .. })
                        | ApiError::File { .. },
                    ) => report.waiting.push(name),
                    Err(e) => return Err(e),
                }
            }
        }

        // What the folder lacks, in memory first: no file at all when there is nothing.
        let mut file = Vec::new();
        if write
            && self.store.lacks_anything(&seen)?
            && self.store.export_exchange(&mut file, &seen, person)? > 0
        {
            fs::create_dir_all(&mine).map_err(|e| unreachable(e.to_string()))?;
            // After the highest number there, so that no file is ever written twice.
            let next = files_in(&mine)?
                .iter()
                .filter_map(|p| p.file_stem()?.to_str()?.parse::<u64>().ok())
                .max()
                .unwrap_or(0)
                + 1;
            let path = mine.join(format!("{next:08}.{EXTENSION}"));
            crate::print::write_file(&path, &file)?;
            let name = relative_name(folder, &path);
            let mut header = file.as_slice();
            known.insert(name.clone(), read_exchange_header(&mut header)?.has);
            report.written = Some(name);
        }
        Ok(report)
    }
}

/// A subfolder's exchange files in name order; names starting with a dot (files being
/// written) are left for later.
fn files_in(dir: &Path) -> Result<Vec<PathBuf>, ApiError> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == EXTENSION)
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn relative_name(folder: &Path, file: &Path) -> String {
    file.strip_prefix(folder)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}
