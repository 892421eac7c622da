use std::path::PathBuf;

/// The environment variable that chooses the data folder when `--data-dir` is not given.
pub const DATA_DIR_ENV: &str = "ICP_DESK_DATA_DIR";

/// `--data-dir` first, then `ICP_DESK_DATA_DIR`, then the OS data folder (on Linux
/// `~/.local/share/icp-desk`), so tests and people can keep separate stores.
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join("icp-desk")).ok_or_else(|| {
        format!(
            "This system names no data folder; start ICP Desk with --data-dir PATH or set {DATA_DIR_ENV}."
        )
    })
}
