//! The `sharecase` binary: parses the command line and hands over to [`sharecase::cli`].
//!
//! On Windows it is a GUI program, so opening it from the Start menu or a file shows no
//! console window; a command run from a console (`sharecase summary case.sharecase.json`)
//! borrows that console to print, and output redirected to a file or pipe goes there as usual.
#![cfg_attr(windows, windows_subsystem = "windows")]

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let parsed = sharecase::cli::Cli::try_parse();
    #[cfg(windows)]
    if !matches!(&parsed, Ok(cli) if cli.command.is_none()) {
        // A command, `--help`, `--version` or a usage error prints: attach to the console of
        // the shell that started us. From Explorer there is none and this does nothing. Windows
        // keeps a handle that was redirected, so `> out.txt` and pipes still work.
        let _ = winsafe::AttachConsole(winsafe::PidParent::Parent);
    }
    match parsed {
        Ok(cli) => sharecase::cli::run(cli),
        Err(e) => e.exit(),
    }
}
