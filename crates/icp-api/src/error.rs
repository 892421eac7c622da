use std::fmt;

use icp_domain::{DomainError, Issue};
use icp_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// What an operation can fail with. The domain and the store keep their own codes; this enum
/// adds the few that belong to neither (files a person picked).
#[derive(Debug)]
pub enum ApiError {
    Domain(DomainError),
    Store(StoreError),
    Print(icp_print::PrintError),
    /// A request the window should not have made (a value that is not JSON where JSON is
    /// due), said in words.
    BadRequest {
        message: String,
    },
    /// A file the person named could not be read or written.
    File {
        path: String,
        action: &'static str,
        reason: String,
    },
}

/// An error as it crosses IPC: a stable code, a message for people, the form field it belongs
/// to, and, when a form had several problems, each of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    pub issues: Vec<Issue>,
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Domain(e) => e.code(),
            ApiError::Store(e) => e.code(),
            ApiError::Print(e) => e.code(),
            ApiError::File { .. } => "file",
            ApiError::BadRequest { .. } => "bad_request",
        }
    }

    pub fn to_ipc(&self) -> IpcError {
        let (field, issues) = match self {
            ApiError::Domain(e) => (e.field(), e.issues()),
            _ => (None, Vec::new()),
        };
        IpcError {
            code: self.code().to_string(),
            message: self.to_string(),
            field,
            issues,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Domain(e) => e.fmt(f),
            ApiError::Store(e) => e.fmt(f),
            ApiError::Print(e) => e.fmt(f),
            ApiError::File {
                path,
                action,
                reason,
            } => write!(f, "Could not {action} {path}: {reason}"),
            ApiError::BadRequest { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for ApiError {}

impl Serialize for ApiError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_ipc().serialize(s)
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        ApiError::Domain(e)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::Store(e)
    }
}
