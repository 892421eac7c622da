use std::fs::{self, File};
use std::io::BufWriter;
use std::path::Path;

use crate::ApiError;

/// Writes a file the person named through a temporary file beside it, renamed into place only
/// once complete and synced, so a failed export never leaves half a file under that name.
pub(crate) fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let err = |action: &'static str| {
        move |e: std::io::Error| ApiError::File {
            path: path.display().to_string(),
            action,
            reason: e.to_string(),
        }
    };
    let name = path.file_name().ok_or_else(|| ApiError::File {
        path: path.display().to_string(),
        action: "write",
        reason: "that is a folder, not a file name".into(),
    })?;
    let tmp = path.with_file_name(format!(".{}.partial", name.to_string_lossy()));
    let result = (|| {
        let mut w = BufWriter::new(File::create(&tmp).map_err(err("create"))?);
        let value = write(&mut w)?;
        let file = w.into_inner().map_err(|e| err("write")(e.into_error()))?;
        file.sync_all().map_err(err("write"))?;
        fs::rename(&tmp, path).map_err(err("write"))?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
