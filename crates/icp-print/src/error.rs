//! The one error type of the print engine.

use std::fmt;

/// Everything that can stop a document from being printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// No installed font of a family the engine needs.
    FontMissing {
        family: String,
        debian_package: String,
    },
    /// A font was found but its file could not be read or parsed.
    FontUnreadable { family: String, detail: String },
    /// printpdf reported an error while writing the PDF.
    Pdf(String),
    /// A calendar cannot place the sessions in time: the host city, whose clock they are
    /// planned on, is no longer in the directory.
    HostCityUnknown { visit: String },
}

impl PrintError {
    /// A stable code for logs and for the UI to map to a translated message.
    pub fn code(&self) -> &'static str {
        match self {
            PrintError::FontMissing { .. } => "font_missing",
            PrintError::FontUnreadable { .. } => "font_unreadable",
            PrintError::Pdf(_) => "pdf",
            PrintError::HostCityUnknown { .. } => "host_city_unknown",
        }
    }
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrintError::FontMissing {
                family,
                debian_package,
            } => write!(
                f,
                "The font \"{family}\" is not installed, so documents cannot be printed. \
                 Install it (on Debian or Ubuntu: apt-get install {debian_package}) and try again."
            ),
            PrintError::FontUnreadable { family, detail } => write!(
                f,
                "The font \"{family}\" is installed but could not be read ({detail})."
            ),
            PrintError::Pdf(detail) => write!(f, "The PDF could not be written: {detail}"),
            PrintError::HostCityUnknown { visit } => write!(
                f,
                "The host city of \"{visit}\" is no longer in the directory, so its sessions' \
                 times cannot be placed in a calendar. Choose the host city again and export."
            ),
        }
    }
}

impl std::error::Error for PrintError {}

#[cfg(test)]
mod tests {
    use super::PrintError;

    #[test]
    fn missing_font_names_family_and_package() {
        let e = PrintError::FontMissing {
            family: "Noto Sans CJK KR".into(),
            debian_package: "fonts-noto-cjk".into(),
        };
        let text = e.to_string();
        assert!(text.contains("Noto Sans CJK KR") && text.contains("fonts-noto-cjk"));
        assert_eq!(e.code(), "font_missing");
    }
}
