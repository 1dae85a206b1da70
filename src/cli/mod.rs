//! The command line: `example`, `check`, `summary`, `risk`, `flows`, `export` and `import`.
//!
//! Each command reads a case (or numbers), asks the engine, and prints a view from
//! [`crate::report`]. Errors are reported once, here, with the file and field they concern.

pub mod export;
pub mod import;

use crate::input::{parse_amount, parse_rate};

use crate::case::{self, Case, example};
use crate::engine::{self, flows::flows};
use crate::format::MoneyStyle;
use crate::report;
use clap::{Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Business cases for shared services between UK councils: costs, savings, payback, per partner.
///
/// With no command, the window opens: on FILE, or on the built-in example case.
#[derive(Debug, Parser)]
#[command(
    name = "sharecase",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A case file to open in the window.
    pub file: Option<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the built-in example case: three district councils sharing ICT and revenues
    /// and benefits.
    Example {
        /// The file to write; without it, the case is printed.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Say whether a case file is valid, or list every problem with where it is.
    ///
    /// Exits with 0 when valid (warnings are listed too) and 1 when not.
    Check {
        /// The case file (`.sharecase.json`).
        file: PathBuf,
    },
    /// Print each option's yearly table, headline figures and warnings, then each partner's.
    Summary {
        /// The case file (`.sharecase.json`).
        file: PathBuf,
        /// Print all of it as JSON (keys in the README); money to the penny, as strings.
        #[arg(long)]
        json: bool,
        /// Only this option (by name).
        #[arg(long)]
        option: Option<String>,
        /// How to show money in the text tables.
        #[arg(long, value_enum, default_value_t = MoneyArg::Pounds)]
        money: MoneyArg,
        /// The scenario to compute (by name; default: the central one, the case as entered).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Every option under every scenario: NPV, payback, discounted payback, NPV against the
    /// baseline and each partner's payback.
    Scenarios {
        /// The case file (`.sharecase.json`).
        file: PathBuf,
        /// Print JSON: `scenarios` (names, central first) and `options[].results[]`.
        #[arg(long)]
        json: bool,
        /// How to show money in the text table.
        #[arg(long, value_enum, default_value_t = MoneyArg::Pounds)]
        money: MoneyArg,
    },
    /// What each option does to each partner's revenue budget, year by year, and how its
    /// one-off costs are funded (MRP and interest on borrowing, calls on reserves...).
    Budget {
        /// The case file (`.sharecase.json`).
        file: PathBuf,
        /// Print JSON: `options[]` with `all_partners` and `partners[]`, money to the penny.
        #[arg(long)]
        json: bool,
        /// Only this option (by name).
        #[arg(long)]
        option: Option<String>,
        /// The scenario (by name; default: the central one).
        #[arg(long)]
        scenario: Option<String>,
        /// How to show money in the text tables.
        #[arg(long, value_enum, default_value_t = MoneyArg::Pounds)]
        money: MoneyArg,
    },
    /// Sensitivity and risk: tornado, switching values and Monte Carlo, per option and partner.
    Risk(RiskArgs),
    /// Write the committee paper's files: workbook, CSV tables, PDF report, chart images.
    ///
    /// Example: `sharecase export case.sharecase.json --to paper --formats pdf,png`
    Export(export::ExportArgs),
    /// Read lines from a budget spreadsheet (CSV or XLSX) into an option of a case file.
    ///
    /// Every problem is listed by row and column, and nothing is saved unless all is well.
    /// Years may be headed `2026/27`, `26/27`, `2026-27`, `2026-2027`, `FY26/27` or `Year 1`
    /// (the first year, unless there is a `Year 0`); see docs/import.md. Amounts are read in
    /// the case's prices unless `--prices cash` or `--prices year0` says otherwise.
    /// Example: `sharecase import case.sharecase.json lines.csv --option "Full shared service" --prices cash`
    Import(import::ImportArgs),
    /// Headline figures of a bare series of yearly net flows, year 0 first.
    ///
    /// No indexation: the rate is applied as given. Example:
    /// `sharecase flows --rate 3.5% -- -1000 300 400 500 200`
    Flows {
        /// Discount rate, as `0.035` or `3.5%`.
        #[arg(long, short, default_value = "3.5%")]
        rate: String,
        /// Print JSON: `npv`, `irr`, `payback_years`, `discounted_payback_years` and more.
        #[arg(long)]
        json: bool,
        /// The yearly net flows, year 0 first (put `--` before them so negatives are read
        /// as numbers). `(1,000)` and `£1,000` are accepted.
        #[arg(required = true, allow_hyphen_values = true, num_args = 1..)]
        values: Vec<String>,
    },
}

/// Options of `sharecase risk`.
#[derive(Debug, clap::Args)]
pub struct RiskArgs {
    /// The case file (`.sharecase.json`).
    pub file: PathBuf,
    /// Monte Carlo trials (default: the case's setting, usually 10,000).
    #[arg(long)]
    pub trials: Option<u64>,
    /// The seed: the same seed gives the same results (default: the case's setting).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Only this option (by name); without it, every option.
    #[arg(long)]
    pub option: Option<String>,
    /// The tornado by category instead of by line.
    #[arg(long)]
    pub by_category: bool,
    /// The scenario to analyse (by name; default: the central one).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Print JSON: tornado, switching values and Monte Carlo, per option.
    #[arg(long)]
    pub json: bool,
}

/// How money is shown in text tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MoneyArg {
    /// Whole pounds: £1,234,567.
    Pounds,
    /// Pounds and pence: £1,234,567.89.
    Pence,
    /// Thousands: £1,235k.
    Thousands,
    /// Millions: £1.2m.
    Millions,
    /// £1.2m from a million, £350k from a thousand.
    Compact,
}

impl From<MoneyArg> for MoneyStyle {
    fn from(m: MoneyArg) -> Self {
        match m {
            MoneyArg::Pounds => Self::Pounds,
            MoneyArg::Pence => Self::Pence,
            MoneyArg::Thousands => Self::Thousands,
            MoneyArg::Millions => Self::Millions,
            MoneyArg::Compact => Self::Compact,
        }
    }
}

/// Runs the command line and returns the process exit code (0 ok, 1 failed, 2 usage).
#[must_use]
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        None => crate::app::run(cli.file.as_deref())
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| e.to_string()),
        Some(Command::Example { out, force }) => write_example(out.as_deref(), force),
        Some(Command::Check { file }) => check(&file),
        Some(Command::Summary {
            file,
            json,
            option,
            money,
            scenario,
        }) => summary(
            &file,
            json,
            option.as_deref(),
            scenario.as_deref(),
            money.into(),
        ),
        Some(Command::Scenarios { file, json, money }) => scenarios(&file, json, money.into()),
        Some(Command::Budget {
            file,
            json,
            option,
            scenario,
            money,
        }) => budget(
            &file,
            json,
            option.as_deref(),
            scenario.as_deref(),
            money.into(),
        ),
        Some(Command::Flows { rate, json, values }) => bare_flows(&rate, json, &values),
        Some(Command::Risk(args)) => risk(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Import(args)) => import::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sharecase: {message}");
            ExitCode::FAILURE
        }
    }
}

type Outcome = Result<ExitCode, String>;

fn print(text: &str) -> Outcome {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

fn write_example(out: Option<&Path>, force: bool) -> Outcome {
    let text = case::to_json(&example::case()).map_err(|e| e.to_string())?;
    let Some(path) = out else {
        return print(&text);
    };
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; add --force to replace it",
            path.display()
        ));
    }
    case::save(path, &example::case())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("Wrote the example case to {}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn read(file: &Path) -> Result<Case, String> {
    case::load(file).map_err(|e| format!("{}: {e}", file.display()))
}

fn check(file: &Path) -> Outcome {
    let case = read(file)?;
    match engine::compute(&case) {
        Ok(results) => {
            let mut text = format!(
                "{}: valid. {} option{}, {} partner{}, {} years from {}.\n",
                file.display(),
                case.options.len(),
                plural(case.options.len()),
                case.partners.len(),
                plural(case.partners.len()),
                case.horizon,
                case.year_label(0)
            );
            for option in &results.options {
                for w in &option.figures.warnings {
                    text.push_str(&format!(
                        "  {}\n",
                        report::words::warning_line(w, &results.years, Some(&option.name))
                    ));
                }
            }
            print(&text)
        }
        Err(problems) => {
            let mut text = format!(
                "{}: {} problem{} to fix:\n",
                file.display(),
                problems.len(),
                plural(problems.len())
            );
            for p in &problems {
                text.push_str(&format!("  - {p}\n"));
            }
            let _ = print(&text);
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The index of the option `name`, or an error that lists the case's options.
fn option_index(case: &Case, name: &str) -> Result<usize, String> {
    case.option_named(name).ok_or_else(|| {
        let names: Vec<&str> = case.options.iter().map(|o| o.name.as_str()).collect();
        format!(
            "there is no option called \"{name}\"; the options are: {}",
            names.join(", ")
        )
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The scenario `name` (`None`, the central one, when not given), or an error that lists the
/// case's scenarios.
pub(crate) fn scenario_index(case: &Case, name: Option<&str>) -> Result<Option<usize>, String> {
    let Some(name) = name else {
        return Ok(None);
    };
    case.scenario_named(name).ok_or_else(|| {
        format!(
            "--scenario: there is no scenario called \"{name}\"; the scenarios are: {}",
            case.scenario_names().join(", ")
        )
    })
}

/// Validates the case and gives it under scenario `scenario`, with every option's optimism
/// bias, and its figures: what every command past reading works from.
pub(crate) fn appraised(
    file: &Path,
    case: &Case,
    scenario: Option<usize>,
    nothing: &str,
) -> Result<(Case, engine::CaseResults), String> {
    let problems = case::validate(case);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
        return Err(format!(
            "{} is not valid, so nothing was {nothing}:\n{}",
            file.display(),
            list.join("\n")
        ));
    }
    let appraised = engine::scenario::appraised(case, scenario);
    let results = engine::compute_appraised(&appraised, scenario);
    Ok((appraised, results))
}

fn budget(
    file: &Path,
    json: bool,
    option: Option<&str>,
    scenario: Option<&str>,
    style: MoneyStyle,
) -> Outcome {
    let case = read(file)?;
    let only = option.map(|name| option_index(&case, name)).transpose()?;
    let scenario = scenario_index(&case, scenario)?;
    let (case, results) = appraised(file, &case, scenario, "computed")?;
    let chosen: Vec<usize> = match only {
        Some(at) => vec![at],
        None => (0..case.options.len()).collect(),
    };
    let budgets: Vec<engine::budget::OptionBudget> = chosen
        .iter()
        .map(|i| engine::budget::option_budget(&case, &results.options[*i], *i))
        .collect();
    if json {
        let value = serde_json::json!({
            "scenario": results.scenario,
            "options": budgets
                .iter()
                .map(|b| report::budget::json(b, &results.years))
                .collect::<Vec<_>>(),
        });
        return print(&(serde_json::to_string_pretty(&value).map_err(|e| e.to_string())? + "\n"));
    }
    let mut text = format!("{}\n{}\n", case.title, report::budget::LABEL);
    if let Some(sentence) = report::words::scenario_sentence(&case, &results) {
        text.push_str(&sentence);
        text.push('\n');
    }
    for b in &budgets {
        let mut tables = vec![report::budget::table(
            &format!("{}: all partners", b.name),
            &b.all,
            &results.years,
            style,
        )];
        tables.extend(b.partners.iter().zip(&b.partner_names).map(|(p, name)| {
            report::budget::table(&format!("{}: {name}", b.name), p, &results.years, style)
        }));
        for t in tables {
            text.push_str(&format!("\n{}\n\n{}", t.title, t.to_text("  ")));
        }
        for w in &b.warnings {
            text.push_str(&format!(
                "  Warning: {}\n",
                report::budget::warning(w, &results.years)
            ));
        }
    }
    print(&text)
}

fn scenarios(file: &Path, json: bool, style: MoneyStyle) -> Outcome {
    let case = read(file)?;
    appraised(file, &case, None, "computed")?;
    let runs = engine::scenario::every(&case, |_| false);
    if json {
        let value = report::scenarios::json(&runs);
        return print(&(serde_json::to_string_pretty(&value).map_err(|e| e.to_string())? + "\n"));
    }
    let table = report::scenarios::table(&runs, case.discount_rate, style);
    print(&format!(
        "{}\n{}\n\n{}",
        case.title,
        table.title,
        table.to_text("  ")
    ))
}

fn summary(
    file: &Path,
    json: bool,
    option: Option<&str>,
    scenario: Option<&str>,
    style: MoneyStyle,
) -> Outcome {
    let case = read(file)?;
    let only = option.map(|name| option_index(&case, name)).transpose()?;
    let scenario = scenario_index(&case, scenario)?;
    let (mut case, mut results) = appraised(file, &case, scenario, "computed")?;
    if let Some(at) = only {
        // Computed with every option, so that the one shown keeps its figures against the
        // baseline.
        case.options = vec![case.options.swap_remove(at)];
        results.options = vec![results.options.swap_remove(at)];
    }
    if json {
        let value = report::json::summary(&case, &results);
        print(&(serde_json::to_string_pretty(&value).map_err(|e| e.to_string())? + "\n"))
    } else {
        print(&report::summary::summary(&case, &results, style))
    }
}

fn bare_flows(rate: &str, json: bool, values: &[String]) -> Outcome {
    let rate = parse_rate(rate).map_err(|e| format!("--rate: {e}"))?;
    let amounts: Vec<Decimal> = values
        .iter()
        .enumerate()
        .map(|(t, v)| parse_amount(v).map_err(|e| format!("flow for year {t}: {e}")))
        .collect::<Result<_, _>>()?;
    let result = flows(&amounts, rate).map_err(|e| e.to_string())?;
    if json {
        let value = report::json::flows(&result);
        return print(&(serde_json::to_string_pretty(&value).map_err(|e| e.to_string())? + "\n"));
    }
    print(&report::summary::flows(&result))
}

fn risk(args: &RiskArgs) -> Outcome {
    use crate::engine::sensitivity::{switching_values, tornado};
    use std::sync::atomic::{AtomicBool, AtomicU64};
    let case = read(&args.file)?;
    let scenario = scenario_index(&case, args.scenario.as_deref())?;
    // Tornado, switching values and Monte Carlo all work on the case under the scenario.
    let (case, results) = appraised(&args.file, &case, scenario, "computed")?;
    let chosen: Vec<usize> = match &args.option {
        Some(name) => vec![option_index(&case, name)?],
        None => (0..case.options.len()).collect(),
    };
    let trials = args.trials.unwrap_or_else(|| u64::from(case.risk.trials));
    if !(100..=1_000_000).contains(&trials) {
        return Err(format!(
            "--trials: {trials} is outside the accepted 100 to 1,000,000"
        ));
    }
    let seed = args.seed.unwrap_or(case.risk.seed);
    let mc = engine::risk::run(
        &case,
        trials,
        seed,
        &AtomicU64::new(0),
        &AtomicBool::new(false),
    )
    .ok_or("the Monte Carlo run could not start")?;
    let mut text = String::new();
    let mut values = Vec::new();
    for index in chosen {
        let option = &results.options[index];
        let t = tornado(&case, option, index, args.by_category);
        let s = switching_values(&case, option, index);
        if args.json {
            values.push(report::risk::json(&results, index, &t, &s, Some(&mc)));
        } else {
            text.push_str(&report::risk::text(
                &case,
                &results,
                index,
                &t,
                &s,
                Some(&mc),
            ));
            text.push('\n');
        }
    }
    if args.json {
        let value = serde_json::json!({ "title": case.title, "options": values });
        return print(&(serde_json::to_string_pretty(&value).map_err(|e| e.to_string())? + "\n"));
    }
    print(&format!("{}\n\n{text}", case.title))
}
