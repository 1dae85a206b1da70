//! Reading and writing case files: JSON, versioned, written safely.

use super::Case;
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The schema version this build writes, and the newest it reads. Version 2 added ranges,
/// delay ranges and risk settings; a version 1 file reads as one with none of them.
pub const CURRENT_SCHEMA_VERSION: u32 = 2;

/// Why a case file could not be read. Each message names the file's field or position.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The text is not JSON.
    #[error("this is not valid JSON: {message} (line {line}, column {column})")]
    NotJson {
        /// The parser's message.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not a case file.
    #[error("this is not a Sharecase case file: {0}")]
    NotACase(String),
    /// Written by a newer Sharecase.
    #[error(
        "this file was written by a newer version of Sharecase (schema version {found}); this version reads schema versions 1 to {supported}: please update Sharecase"
    )]
    Newer {
        /// The file's version.
        found: u64,
        /// The newest this build reads.
        supported: u32,
    },
    /// A field has the wrong shape or value.
    #[error("{path}: {message} (line {line}, column {column})")]
    Field {
        /// Where in the file, such as `options[1].lines[3].amounts.recurring.annual`.
        path: String,
        /// What is wrong.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

/// Reads a case from JSON text. The case is not validated: call [`super::validate`].
///
/// # Errors
/// When the text is not JSON, not a case, from a newer version, or a field is malformed.
pub fn from_json(text: &str) -> Result<Case, LoadError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| LoadError::NotJson {
        message: strip_position(&e.to_string()),
        line: e.line(),
        column: e.column(),
    })?;
    let Some(object) = value.as_object() else {
        return Err(LoadError::NotACase(
            "the file holds no object at the top".into(),
        ));
    };
    match object.get("schema_version") {
        None => {
            return Err(LoadError::NotACase(
                "it has no schema_version (a case file starts with \"schema_version\": 1)".into(),
            ));
        }
        Some(v) => match v.as_u64() {
            Some(0) | None => {
                return Err(LoadError::NotACase(format!(
                    "schema_version is {v}; it should be a whole number from 1 to {CURRENT_SCHEMA_VERSION}"
                )));
            }
            Some(found) if found > u64::from(CURRENT_SCHEMA_VERSION) => {
                return Err(LoadError::Newer {
                    found,
                    supported: CURRENT_SCHEMA_VERSION,
                });
            }
            Some(_) => {}
        },
    }
    // Parse the text again (not the Value) so that errors carry line and column.
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::Field {
            path,
            message: friendly(&strip_position(&inner.to_string())),
            line: inner.line(),
            column: inner.column(),
        }
    })
}

/// Writes a case as pretty JSON. Saving and loading again gives an identical case, and
/// saving that gives identical text.
///
/// # Errors
/// Only if serialisation fails, which the case types do not allow in practice.
pub fn to_json(case: &Case) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(case)?;
    text.push('\n');
    Ok(text)
}

/// Reads a case file from disk.
///
/// # Errors
/// As [`from_json`], or when the file cannot be read.
pub fn load(path: &Path) -> Result<Case, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    from_json(&text)
}

/// Saves a case safely: the text goes to a temporary file beside the target, is flushed to
/// disk, and is then renamed over it, so a crash or a full disk never leaves half a case.
///
/// # Errors
/// When the folder cannot be written; the old file is then left as it was.
pub fn save(path: &Path, case: &Case) -> std::io::Result<()> {
    let text = to_json(case).map_err(std::io::Error::other)?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "case".into(), |n| n.to_string_lossy().into_owned());
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// `serde_json` appends " at line L column C"; the position is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Rewrites the decimal parser's message into one a finance officer can act on.
fn friendly(message: &str) -> String {
    if message.contains("expected a Decimal") {
        let shown = message
            .strip_prefix("invalid value: ")
            .and_then(|m| m.split(", expected").next())
            .unwrap_or(message);
        format!(
            "{shown} is not a number Sharecase can read exactly: write it as a decimal string such as \"1250000.00\" or \"0.035\" (at most 28 significant digits)"
        )
    } else {
        message.to_owned()
    }
}
