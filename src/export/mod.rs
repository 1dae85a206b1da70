//! Files for the committee paper: a workbook an auditor can trace, CSV tables, a PDF report
//! and chart images. Every file is built in memory from the same [`CaseResults`] the app
//! shows, then written; nothing here computes a figure of its own.

pub mod chart_png;
pub mod chart_svg;
pub mod csv;
pub mod pdf;
pub mod workbook;

use crate::case::Case;
use crate::engine::CaseResults;
use crate::format::MoneyStyle;
use crate::report::chart::{self, Basis, FlowsChart, PaybackChart};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The kinds of file Sharecase exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Excel workbook: the case as entered and every figure a formula of it, with native
    /// charts.
    Xlsx,
    /// Two CSV tables: every line by partner and year, and the yearly summary.
    Csv,
    /// The A4 report for the committee paper.
    Pdf,
    /// Chart images, 1600 by 900 pixels, for slides.
    Png,
    /// Chart images as vector graphics.
    Svg,
}

impl Format {
    /// Every format, in the order they are written.
    pub const ALL: [Self; 5] = [Self::Xlsx, Self::Csv, Self::Pdf, Self::Png, Self::Svg];

    /// The file extension, also the name used on the command line.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    /// What the format is for, in a menu.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Xlsx => "Workbook (.xlsx): a model, every figure a formula",
            Self::Csv => "Tables (.csv)",
            Self::Pdf => "Report (.pdf), A4",
            Self::Png => "Chart images (.png), 1600 × 900",
            Self::Svg => "Chart images (.svg)",
        }
    }

    /// The format named by `name` (`xlsx`, `csv`...), ignoring case.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(name.trim()))
    }
}

/// What a report says about itself that is not in the case: the file and the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The case file's name, or `None` for a case never saved.
    pub file: Option<String>,
    /// The date the report was made, as written in the report ("23 November 2026").
    pub date: String,
    /// Options of the case left out of the export, each with why, in words ("Full shared
    /// service: line 1 \"System\": the phasing adds up to 90%, not 100%"), so that a paper
    /// never drops an option without saying so.
    pub left_out: Vec<String>,
    /// The SHA-256 of the case file the figures come from, in hex, so a reader can tell the
    /// paper's file from another; `None` when there is no file (never saved).
    pub sha256: Option<String>,
}

/// The SHA-256 of `bytes`, in lower-case hex.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `--option` named an option the case does not have.
    #[error("the case has no option named '{name}'; its options are: {known}")]
    NoSuchOption {
        /// The name asked for.
        name: String,
        /// The case's option names, quoted and joined.
        known: String,
    },
    /// The destination is missing or is not a folder.
    #[error("cannot export to {}: {reason}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// A file name of the export cannot be written as it is; nothing was written.
    #[error("cannot write a file named {name}: {reason}; nothing was written")]
    Name {
        /// The file name.
        name: String,
        /// Why not.
        reason: String,
    },
    /// A format's library refused the content.
    #[error("cannot make the {format} file: {message}")]
    Build {
        /// The format's extension.
        format: &'static str,
        /// The library's message.
        message: String,
    },
}

/// A chart to export, under the file name it is written to.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedChart {
    /// File name without extension (`payback-cash`, `option-b-flows`).
    pub stem: String,
    /// The chart.
    pub chart: Chart,
}

/// Either kind of chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Cumulative position lines with break-even labels.
    Payback(PaybackChart),
    /// Costs against benefits, stacked by category, with the net line.
    Flows(FlowsChart),
    /// The net present value with each line at either end of its range.
    Tornado(chart::TornadoChart),
    /// The spread of the cumulative cash position over the Monte Carlo trials.
    Fan(chart::FanChart),
}

impl Chart {
    /// The chart's title.
    #[must_use]
    pub fn title(&self) -> &str {
        match self {
            Self::Payback(c) => &c.title,
            Self::Flows(c) => &c.title,
            Self::Tornado(c) => &c.title,
            Self::Fan(c) => &c.title,
        }
    }
}

/// Every chart of the exports: the options' payback in cash and discounted, then for each
/// option its investment against savings and its partners' payback.
#[must_use]
pub fn charts(case: &Case, results: &CaseResults) -> Vec<NamedChart> {
    let mut out = vec![
        NamedChart {
            stem: "payback-cash".into(),
            // Shortfalls in the legend as a slide says them: `£1.0m short`.
            chart: Chart::Payback(
                chart::options_payback(results, Basis::Cash, &case.title, case.discount_rate)
                    .in_money(MoneyStyle::Compact),
            ),
        },
        NamedChart {
            stem: "payback-discounted".into(),
            chart: Chart::Payback(
                chart::options_payback(results, Basis::Discounted, &case.title, case.discount_rate)
                    .in_money(MoneyStyle::Compact),
            ),
        },
    ];
    for (option, slug) in results.options.iter().zip(option_slugs(results)) {
        out.push(NamedChart {
            stem: format!("{slug}-flows"),
            chart: Chart::Flows(chart::flows_chart(results, option)),
        });
        out.push(NamedChart {
            stem: format!("{slug}-partners"),
            chart: Chart::Payback(
                chart::partners_payback(results, option, Basis::Cash, case.discount_rate)
                    .in_money(MoneyStyle::Compact),
            ),
        });
    }
    out
}

/// Each option's part of its charts' file names. Options whose names make the same file
/// name (`O` and `o`, `Option A` and `Option-A!`) are told apart by a number, so no file is
/// written over another.
fn option_slugs(results: &CaseResults) -> Vec<String> {
    let mut used: Vec<String> = Vec::new();
    for option in &results.options {
        let base = short(&slug(&option.name), 40);
        let mut slug = base.clone();
        let mut n = 1;
        while used.contains(&slug) {
            n += 1;
            slug = format!("{base}-{n}");
        }
        used.push(slug);
    }
    used
}

/// The Monte Carlo run the exports show, with the case's own trials and seed; `None` when
/// the trials cannot run.
#[must_use]
pub fn risk_run(case: &Case) -> Option<crate::engine::risk::RiskResults> {
    crate::engine::risk::run(
        case,
        u64::from(case.risk.trials),
        case.risk.seed,
        &std::sync::atomic::AtomicU64::new(0),
        &std::sync::atomic::AtomicBool::new(false),
    )
}

/// Every chart of [`charts`], then each option's tornado, and its fan where it has ranges
/// and the trials ran.
#[must_use]
pub fn charts_with_risk(
    case: &Case,
    results: &CaseResults,
    risk: Option<&crate::engine::risk::RiskResults>,
) -> Vec<NamedChart> {
    let mut out = charts(case, results);
    for (i, (option, slug)) in results
        .options
        .iter()
        .zip(option_slugs(results))
        .enumerate()
    {
        let Some(index) = case.options.iter().position(|o| o.name == option.name) else {
            continue;
        };
        let bars = crate::engine::sensitivity::tornado(case, option, index, false);
        if !bars.bars.is_empty() {
            out.push(NamedChart {
                stem: format!("{slug}-tornado"),
                chart: Chart::Tornado(chart::tornado_chart(results, option, &bars)),
            });
        }
        let ranged = case.options[index].has_ranges();
        if let (true, Some(r)) = (ranged, risk)
            && let Some(outcome) = r.options.get(i).and_then(|o| o.first())
        {
            out.push(NamedChart {
                stem: format!("{slug}-fan"),
                chart: Chart::Fan(chart::fan_chart(results, option, outcome, r.trials)),
            });
        }
    }
    out
}

/// A name fit for a file: lower case letters, digits and single hyphens.
#[must_use]
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "case".into() } else { out }
}

/// Names Windows reserves for devices, with any extension: a file cannot be called
/// `con.pdf` there.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file stem every system accepts: a reserved device name gets `-case` added.
fn safe_stem(stem: &str) -> String {
    if RESERVED.contains(&stem) {
        format!("{stem}-case")
    } else {
        stem.to_owned()
    }
}

/// The longest file name written, in bytes: well inside the 255 most file systems allow.
pub const MAX_FILE_NAME: usize = 200;

/// Checks the names of a set of files before any is written: each short enough, with no
/// character a file system refuses, and no two the same when case is ignored (as on
/// Windows and macOS), so no file is written over another and every file reported is there.
///
/// # Errors
/// The first name that cannot be written as it is.
pub fn check_names(files: &[Built]) -> Result<(), ExportError> {
    let mut seen = std::collections::HashSet::new();
    for file in files {
        let bad = |reason: &str| ExportError::Name {
            name: file.name.clone(),
            reason: reason.to_owned(),
        };
        if file.name.len() > MAX_FILE_NAME {
            return Err(bad("it is too long for a file name"));
        }
        if file
            .name
            .chars()
            .any(|c| c.is_control() || "<>:\"/\\|?*".contains(c))
        {
            return Err(bad("it holds a character file systems refuse"));
        }
        let stem = file.name.split('.').next().unwrap_or_default();
        if RESERVED.contains(&stem.to_ascii_lowercase().as_str()) {
            return Err(bad("Windows reserves that name"));
        }
        if !seen.insert(file.name.to_lowercase()) {
            return Err(bad("another file of the export has the same name"));
        }
    }
    Ok(())
}

/// `slug` cut to at most `max` characters at a hyphen, so file names stay readable.
fn short(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_owned();
    }
    let cut = slug[..=max].rfind('-').filter(|&at| at > 0).unwrap_or(max);
    slug[..cut].to_owned()
}

/// The case and results cut down to the option named `name`, or both whole for `None`.
///
/// # Errors
/// When no option has that name.
pub fn select(
    case: &Case,
    results: &CaseResults,
    name: Option<&str>,
) -> Result<(Case, CaseResults), ExportError> {
    let Some(name) = name else {
        return Ok((case.clone(), results.clone()));
    };
    let index = case
        .option_named(name)
        .ok_or_else(|| ExportError::NoSuchOption {
            name: name.to_owned(),
            known: case
                .options
                .iter()
                .map(|o| format!("'{}'", o.name))
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let mut case = case.clone();
    let mut results = results.clone();
    case.options = vec![case.options.swap_remove(index)];
    results.options = vec![results.options.swap_remove(index)];
    Ok((case, results))
}

/// One file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Where.
    pub path: PathBuf,
    /// Its format.
    pub format: Format,
    /// Its size in bytes.
    pub bytes: usize,
    /// How long it took to build and write.
    pub elapsed: Duration,
}

/// One file built in memory, not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// File name, in the destination folder.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// Builds the files of one format in memory.
///
/// # Errors
/// When a format's library refuses the content.
pub fn build(
    format: Format,
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<Built>, ExportError> {
    let risk = uses_risk(format).then(|| risk_run(case)).flatten();
    build_with(format, case, results, provenance, risk.as_ref())
}

/// Whether a format shows the Monte Carlo trials (the report, and the fan charts).
fn uses_risk(format: Format) -> bool {
    matches!(format, Format::Pdf | Format::Svg | Format::Png)
}

/// [`build`] with the trials already run, so a set of formats runs them once.
fn build_with(
    format: Format,
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
    risk: Option<&crate::engine::risk::RiskResults>,
) -> Result<Vec<Built>, ExportError> {
    let stem = safe_stem(&short(&slug(&case.title), 40));
    Ok(match format {
        Format::Xlsx => vec![Built {
            name: format!("{stem}.xlsx"),
            bytes: workbook::workbook(case, results, provenance)?,
        }],
        Format::Csv => vec![
            Built {
                name: format!("{stem}-lines.csv"),
                bytes: csv::lines(case, results).into_bytes(),
            },
            Built {
                name: format!("{stem}-yearly.csv"),
                bytes: csv::yearly(case, results).into_bytes(),
            },
        ],
        Format::Pdf => vec![Built {
            name: format!("{stem}.pdf"),
            bytes: pdf::report_with(case, results, provenance, risk)?,
        }],
        Format::Svg => charts_with_risk(case, results, risk)
            .into_iter()
            .map(|c| {
                Ok(Built {
                    name: format!("{stem}-{}.svg", c.stem),
                    bytes: chart_png::outlined(&chart_svg::svg(&c.chart), c.chart.title())?
                        .into_bytes(),
                })
            })
            .collect::<Result<_, ExportError>>()?,
        Format::Png => charts_with_risk(case, results, risk)
            .into_iter()
            .map(|c| {
                Ok(Built {
                    name: format!("{stem}-{}.png", c.stem),
                    bytes: chart_png::png(&chart_svg::svg(&c.chart))?,
                })
            })
            .collect::<Result<_, ExportError>>()?,
    })
}

/// Checks that `dir` is a folder that exists, before any work is done.
///
/// # Errors
/// When it is missing or is a file.
pub fn check_folder(dir: &Path) -> Result<(), ExportError> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(ExportError::Folder {
            path: dir.to_owned(),
            reason: "it is a file, not a folder".into(),
        }),
        Err(e) => Err(ExportError::Folder {
            path: dir.to_owned(),
            reason: if e.kind() == std::io::ErrorKind::NotFound {
                "no such folder".into()
            } else {
                e.to_string()
            },
        }),
    }
}

/// Builds and writes every file of `formats` into `dir`, calling `progress` after each.
/// Files are written through a temporary name and renamed, so a reader never sees half a
/// file.
///
/// # Errors
/// When the folder is unusable, a file cannot be written, or a format cannot be built.
pub fn write(
    case: &Case,
    results: &CaseResults,
    dir: &Path,
    formats: &[Format],
    provenance: &Provenance,
    progress: &mut dyn FnMut(&Written),
) -> Result<Vec<Written>, ExportError> {
    check_folder(dir)?;
    // Everything is built and its names checked before the first file is written, so a
    // failure leaves no part of the set behind.
    let mut sets = Vec::with_capacity(formats.len());
    let risk = formats
        .iter()
        .any(|f| uses_risk(*f))
        .then(|| risk_run(case))
        .flatten();
    for &format in formats {
        let start = Instant::now();
        let files = build_with(format, case, results, provenance, risk.as_ref())?;
        let count = u32::try_from(files.len().max(1)).unwrap_or(u32::MAX);
        sets.push((format, files, start.elapsed() / count));
    }
    let all: Vec<Built> = sets
        .iter()
        .flat_map(|(_, files, _)| files.iter().cloned())
        .collect();
    check_names(&all)?;
    drop(all);
    let mut written = Vec::new();
    for (format, files, built_in) in sets {
        for file in files {
            let start = Instant::now();
            let path = dir.join(&file.name);
            write_file(&path, &file.bytes)?;
            let done = Written {
                path,
                format,
                bytes: file.bytes.len(),
                elapsed: built_in + start.elapsed(),
            };
            progress(&done);
            written.push(done);
        }
    }
    Ok(written)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let error = |source| ExportError::Write {
        path: path.to_owned(),
        source,
    };
    let mut temp = path.as_os_str().to_owned();
    temp.push(".part");
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, bytes).map_err(error)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        error(e)
    })
}

/// Today's date as a report writes it ("23 November 2026"), from the system clock in UTC.
#[must_use]
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    date_words(i64::try_from(days).unwrap_or(0))
}

/// The date `days` after 1 January 1970, in words.
#[must_use]
pub fn date_words(days: i64) -> String {
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = usize::try_from(month - 1)
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("");
    format!("{day} {name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words() {
        assert_eq!(date_words(0), "1 January 1970");
        assert_eq!(date_words(20_780), "23 November 2026");
        assert_eq!(date_words(19_782), "29 February 2024");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Option B: full merger"), "option-b-full-merger");
        assert_eq!(slug("  ***  "), "case");
        assert_eq!(
            short("shared-ict-and-revenues-and-benefits-service", 40),
            "shared-ict-and-revenues-and-benefits"
        );
        assert_eq!(short("abcdefghij", 4), "abcd");
    }
}
