//! `sharecase import`: lines from a budget spreadsheet into an option of a case file.

use super::{Outcome, read};
use crate::case;
use crate::format::{MoneyStyle, money};
use crate::import::{self, ImportProblem};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Options of `sharecase import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The case file (`.sharecase.json`).
    pub file: PathBuf,
    /// The lines: a `.csv` or `.xlsx` file (columns in docs/import.md).
    #[arg(required_unless_present = "template")]
    pub lines: Option<PathBuf>,
    /// The option to import into (by name); needed unless the case has only one.
    #[arg(long)]
    pub option: Option<String>,
    /// Replace the option's lines instead of adding to them.
    #[arg(long)]
    pub replace: bool,
    /// Save the result here instead of over the case file.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Check and show the lines, but save nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write a CSV template with the case's columns and years to this file, and stop.
    #[arg(long, value_name = "CSV")]
    pub template: Option<PathBuf>,
    /// Let --template replace a file that is already there.
    #[arg(long)]
    pub force: bool,
    /// The prices the amounts are in: cash (as councils publish them, the sums paid in each
    /// year) or year0 (year-0 price levels, indexed by Sharecase). Default: the case's.
    #[arg(long, value_name = "cash|year0", value_parser = prices_arg)]
    pub prices: Option<case::PriceBasis>,
}

/// `--prices`: `cash` or `year0`, and nothing else.
fn prices_arg(text: &str) -> Result<case::PriceBasis, String> {
    case::PriceBasis::ALL
        .into_iter()
        .find(|p| p.key().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            "use cash (as councils publish: the sums paid in each year) or year0 (year-0 prices, indexed by Sharecase)".to_owned()
        })
}

/// Runs `sharecase import`.
pub fn run(args: &ImportArgs) -> Outcome {
    let case = read(&args.file)?;
    if let Some(path) = &args.template {
        let same_as_case = std::fs::canonicalize(path).ok().is_some_and(|p| {
            std::fs::canonicalize(&args.file).is_ok_and(|case_path| case_path == p)
        });
        if same_as_case {
            return Err(format!(
                "{} is the case file itself: give the template another name",
                path.display()
            ));
        }
        if path.exists() && !args.force {
            return Err(format!(
                "{} already exists: give another name, or add --force to replace it",
                path.display()
            ));
        }
        case::write_atomic(path, import::template(&case).as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!(
            "Wrote a template for \"{}\" to {}",
            case.title,
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let Some(lines_path) = &args.lines else {
        return Err("name the lines file (.csv or .xlsx), or use --template".into());
    };
    let option = match &args.option {
        Some(name) => super::option_index(&case, name)?,
        None if case.options.len() == 1 => 0,
        None => {
            return Err("the case has several options: say which with --option NAME".into());
        }
    };
    let prices = args.prices.unwrap_or(case.prices);
    let lines = match read_lines(lines_path, &case, prices) {
        Ok(lines) => lines,
        Err(problems) => {
            eprintln!(
                "{}: {} problem{}; nothing was imported:",
                lines_path.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            for p in &problems {
                eprintln!("  - {p}");
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let updated = match import::apply(&case, option, &lines, args.replace) {
        Ok(c) => c,
        Err(problems) => {
            eprintln!("With these lines the case would not be valid; nothing was imported:");
            for p in &problems {
                eprintln!("  - {p}");
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let name = &case.options[option].name;
    let existing = case::validate(&case).len();
    if existing > 0 {
        eprintln!(
            "Note: the case already has {existing} problem{} of its own, not from these lines; `sharecase check {}` lists them.",
            if existing == 1 { "" } else { "s" },
            args.file.display()
        );
    }
    println!(
        "{} line{} from {} {} \"{name}\":",
        lines.len(),
        if lines.len() == 1 { "" } else { "s" },
        lines_path.display(),
        if args.replace {
            "replace the lines of"
        } else {
            "added to"
        }
    );
    println!("{}", import::prices_note(prices, &case));
    for line in &lines {
        println!(
            "  {} ({}, {}): {} in all, {}",
            line.name,
            line.kind.label(),
            line.category,
            money(line.amounts.headline(), MoneyStyle::Pounds),
            match case.line_prices(line) {
                case::PriceBasis::Year0 => format!("{} prices", case.year_label(0)),
                case::PriceBasis::Cash => "cash prices".to_owned(),
            }
        );
    }
    if args.dry_run {
        println!("Dry run: nothing saved.");
        return Ok(ExitCode::SUCCESS);
    }
    let target = args.out.as_deref().unwrap_or(&args.file);
    case::save(target, &updated).map_err(|e| format!("cannot save {}: {e}", target.display()))?;
    println!("Saved {}", target.display());
    Ok(ExitCode::SUCCESS)
}

fn read_lines(
    path: &Path,
    case: &case::Case,
    prices: case::PriceBasis,
) -> Result<Vec<case::Line>, Vec<ImportProblem>> {
    let bytes = std::fs::read(path).map_err(|e| {
        vec![ImportProblem::new(
            0,
            "",
            format!("cannot read {}: {e}", path.display()),
        )]
    })?;
    import::lines_in(
        &import::read_table(&bytes, import::is_xlsx(path))?,
        case,
        prices,
    )
}
