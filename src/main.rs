//! The `sharecase` binary: parses the command line and hands over to [`sharecase::cli`].

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    sharecase::cli::run(sharecase::cli::Cli::parse())
}
