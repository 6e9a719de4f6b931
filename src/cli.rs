//! Command-line interface: argument parsing and dispatch to subcommands.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A full-screen terminal reader for research case studies.
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about)]
pub struct Cli {
    /// Case-study folder to open instead of the bundled one.
    #[arg(long, global = true, env = "CASEBOOK_CORPUS", value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Configuration folder (key maps). Default: $XDG_CONFIG_HOME/casebook.
    #[arg(long, global = true, env = "CASEBOOK_CONFIG_DIR", value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Data folder (reading positions, notes). Default: $XDG_DATA_HOME/casebook.
    #[arg(long, global = true, env = "CASEBOOK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, export and import notes on the case study.
    Notes {
        #[command(subcommand)]
        command: crate::notes::command::NotesCommand,
    },
}

/// Runs the parsed command line; errors are printed here, once.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => ExitCode::SUCCESS,
        Some(Command::Notes { ref command }) => run_notes(&cli, command),
    }
}

fn run_notes(cli: &Cli, command: &crate::notes::command::NotesCommand) -> ExitCode {
    use crate::corpus::{open, Source};
    let paths =
        match crate::paths::Paths::resolve(cli.data_dir.as_deref(), cli.config_dir.as_deref()) {
            Ok(p) => p,
            Err(e) => return fail(&e),
        };
    let source = cli.corpus.clone().map_or(Source::Bundled, Source::Dir);
    let case = match open(&source) {
        Ok(case) => case,
        Err(diags) => {
            for d in diags {
                eprintln!("{d}");
            }
            return ExitCode::FAILURE;
        }
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    match crate::notes::command::run(
        command,
        &paths.data,
        &case.meta.id,
        &case.doc,
        &mut out,
        &mut err,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("casebook: {message}");
    ExitCode::FAILURE
}
