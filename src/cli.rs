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
    /// Search entities, sections, passages, footnotes, references and notes.
    Search(crate::search::cli::SearchArgs),
}

/// Runs the parsed command line; errors are printed here, once.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => ExitCode::SUCCESS,
        Some(Command::Search(args)) => {
            let source = cli
                .corpus
                .map_or(crate::corpus::Source::Bundled, crate::corpus::Source::Dir);
            crate::search::cli::run(&args, &source, cli.data_dir.as_deref())
        }
    }
}
