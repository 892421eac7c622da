//! Opening the sled folder. sled holds an exclusive file lock for as long as a `Db` lives and
//! reports a held lock only as an `Io` error with a known text; we match that text, retry for a
//! while (a store dropped a moment ago lets go of the lock when its background threads end), and
//! then say that ICP Desk is already open.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{corrupt, from_sled};
use crate::StoreError;

const RETRY_EVERY: Duration = Duration::from_millis(25);

pub(crate) fn is_lock_error(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

pub(crate) fn open_db(
    dir: &Path,
    cache_capacity: u64,
    lock_wait: Duration,
) -> Result<sled::Db, StoreError> {
    let deadline = Instant::now() + lock_wait;
    loop {
        let config = sled::Config::new().path(dir).cache_capacity(cache_capacity);
        // sled asserts on some damaged files instead of returning an error; a damaged folder must
        // become a message, never a crash of the app.
        let opened = catch_unwind(AssertUnwindSafe(|| config.open()));
        match opened {
            Ok(Ok(db)) => return Ok(db),
            Ok(Err(e)) if is_lock_error(&e) => {
                if Instant::now() >= deadline {
                    return Err(StoreError::AlreadyOpen {
                        path: dir.to_path_buf(),
                    });
                }
                std::thread::sleep(RETRY_EVERY);
            }
            Ok(Err(e)) => return Err(from_sled(e, dir)),
            Err(panic) => {
                let detail = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "the storage engine stopped".into());
                return Err(corrupt(dir, detail));
            }
        }
    }
}
