//! Reading and writing case files: JSON, versioned, written safely.

use super::Case;
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The schema version this build writes, and the newest it reads. Version 2 added ranges,
/// delay ranges and risk settings; a version 1 file reads as one with none of them.
pub const CURRENT_SCHEMA_VERSION: u32 = 4;

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
    /// The bytes are not UTF-8 text.
    #[error(
        "this is not UTF-8 text: byte {byte:#04X} at line {line}, column {column} is not UTF-8 (save the file as UTF-8)"
    )]
    NotUtf8 {
        /// The first byte that is not UTF-8.
        byte: u8,
        /// 1-based line.
        line: usize,
        /// 1-based column, in bytes.
        column: usize,
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
    // A byte-order mark, as some Windows editors write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    // Written in the current format, whatever version it was read from: the file may now
    // hold what an older format had no place for.
    let mut case = std::borrow::Cow::Borrowed(case);
    if case.schema_version != CURRENT_SCHEMA_VERSION {
        case.to_mut().schema_version = CURRENT_SCHEMA_VERSION;
    }
    let mut text = serde_json::to_string_pretty(&*case)?;
    text.push('\n');
    Ok(text)
}

/// Reads a case file from disk.
///
/// # Errors
/// As [`from_json`], or when the file cannot be read.
pub fn load(path: &Path) -> Result<Case, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    from_bytes(&bytes)
}

/// Reads a case from the bytes of a file: UTF-8 (a byte-order mark is fine), then JSON.
///
/// # Errors
/// As [`from_json`], or where the first byte that is not UTF-8 is.
pub fn from_bytes(bytes: &[u8]) -> Result<Case, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let before = &bytes[..at];
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |p| p + 1);
        LoadError::NotUtf8 {
            byte: bytes.get(at).copied().unwrap_or_default(),
            line: before.iter().filter(|b| **b == b'\n').count() + 1,
            column: at - line_start + 1,
        }
    })?;
    from_json(text)
}

/// Saves a case safely with [`write_atomic`]: a crash or a full disk never leaves half a
/// case, the file keeps its permissions, and a symbolic link stays a link.
///
/// # Errors
/// When the folder cannot be written; the old file is then left as it was.
pub fn save(path: &Path, case: &Case) -> std::io::Result<()> {
    let text = to_json(case).map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// Where a write to `path` lands: the file a symbolic link points to (followed to the end),
/// or `path` itself.
fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(target) if target.is_absolute() => current = target,
                Ok(target) => {
                    current = current
                        .parent()
                        .map_or_else(|| target.clone(), |p| p.join(&target));
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    current
}

/// How old a leftover temporary file must be before a save clears it away: far longer than
/// any save takes, so another Sharecase saving the same file is never disturbed.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// Writes `bytes` to `path` safely: to a temporary file beside the target, flushed to disk,
/// given the target's permissions, then renamed over it. A symbolic link is written through
/// (the file it points to is replaced, the link kept). Temporary files an interrupted save
/// left beside it over an hour ago are removed.
///
/// # Errors
/// When the folder cannot be written; the old file is then left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let path = resolve_links(path);
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "case".into(), |n| n.to_string_lossy().into_owned());
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let permissions = std::fs::metadata(&path).ok().map(|m| m.permissions());
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if let Some(permissions) = permissions {
            std::fs::set_permissions(&temp, permissions)?;
        }
        std::fs::rename(&temp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    } else {
        clear_stale_temps(&folder, &name);
    }
    result
}

/// Removes `.NAME.PID.tmp` files left in `folder` by saves interrupted over an hour ago.
fn clear_stale_temps(folder: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let is_temp = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|pid| !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()));
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP);
        if is_temp && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
