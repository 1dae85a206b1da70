//! `sharecase export`: the committee paper's files, with no window and no GPU.

use super::{Outcome, read};
use crate::export::{self, Format, Provenance};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Options of `sharecase export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The case file (`.sharecase.json`).
    pub file: PathBuf,
    /// The folder to write into; made if it does not exist but its parent does.
    #[arg(long, short = 't', value_name = "DIR")]
    pub to: PathBuf,
    /// Which formats, comma-separated: xlsx, csv, pdf, png, svg (default: all).
    #[arg(long, short = 'f', value_delimiter = ',', value_name = "LIST")]
    pub formats: Vec<String>,
    /// Only this option (by name); without it, every option.
    #[arg(long)]
    pub option: Option<String>,
    /// The date printed on the report (default: today), for a paper dated ahead.
    #[arg(long)]
    pub date: Option<String>,
    /// The scenario to export (by name; default: the central one, the case as entered).
    #[arg(long)]
    pub scenario: Option<String>,
}

fn formats(names: &[String]) -> Result<Vec<Format>, String> {
    if names.is_empty() {
        return Ok(Format::ALL.to_vec());
    }
    let mut out = Vec::new();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        let format = Format::parse(name).ok_or_else(|| {
            format!(
                "--formats: '{name}' is not a format; choose from {}",
                Format::ALL.map(Format::extension).join(", ")
            )
        })?;
        if !out.contains(&format) {
            out.push(format);
        }
    }
    if out.is_empty() {
        return Err("--formats: name at least one format".into());
    }
    out.sort();
    Ok(out)
}

fn folder(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        return Ok(());
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    if !parent.is_dir() {
        return Err(format!(
            "--to: cannot export to {}: neither it nor its parent folder exists",
            dir.display()
        ));
    }
    std::fs::create_dir(dir)
        .map_err(|e| format!("--to: cannot make the folder {}: {e}", dir.display()))
}

/// Runs `sharecase export`.
pub fn run(args: &ExportArgs) -> Outcome {
    let formats = formats(&args.formats)?;
    let case = read(&args.file)?;
    let scenario = super::scenario_index(&case, args.scenario.as_deref())?;
    let (case, results) = super::appraised(&args.file, &case, scenario, "exported")?;
    let (case, results) =
        export::select(&case, &results, args.option.as_deref()).map_err(|e| e.to_string())?;
    folder(&args.to)?;
    let provenance = Provenance {
        file: args
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned()),
        date: args.date.clone().unwrap_or_else(export::today),
        left_out: Vec::new(),
        sha256: std::fs::read(&args.file)
            .ok()
            .map(|bytes| export::sha256_hex(&bytes)),
    };
    println!(
        "Exporting \"{}\" to {}: {}",
        case.title,
        args.to.display(),
        formats
            .iter()
            .map(|f| f.extension())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let start = Instant::now();
    let written = export::write(&case, &results, &args.to, &formats, &provenance, &mut |w| {
        println!(
            "  wrote {} ({}, {} ms)",
            w.path.display(),
            crate::format::file_size(w.bytes),
            w.elapsed.as_millis()
        );
    })
    .map_err(|e| e.to_string())?;
    println!(
        "{} file{} in {:.2} s",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
