//! Command-line interface: argument parsing and dispatch to subcommands.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::corpus::{commands, Source};
use crate::export;

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

impl Cli {
    /// The case study to open: `--corpus` / `CASEBOOK_CORPUS`, else the bundled one.
    pub fn source(&self) -> Source {
        match &self.corpus {
            Some(dir) => Source::Dir(dir.clone()),
            None => Source::Bundled,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search entities, sections, passages, footnotes, references and notes.
    Search(crate::search::cli::SearchArgs),
    /// Segment a PDF-extracted plain text into a case-study folder.
    Import {
        /// The extracted text (for example the output of `pdftotext`).
        text: PathBuf,
        /// Folder to write meta.toml and paper.md into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print the case study as JSON or Markdown.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: export::Format,
    },
    /// Validate a case-study folder (default: --corpus, or the bundled one).
    Check { dir: Option<PathBuf> },
}

/// Runs the parsed command line; errors are printed here, once.
pub fn run(cli: Cli) -> ExitCode {
    let source = cli.source();
    match cli.command {
        None => ExitCode::SUCCESS,
        Some(Command::Search(args)) => {
            crate::search::cli::run(&args, &source, cli.data_dir.as_deref())
        }
        Some(Command::Import { text, out }) => commands::import(&text, &out),
        Some(Command::Export { format }) => commands::export(&source, format),
        Some(Command::Check { dir }) => commands::check(&dir.map_or(source, Source::Dir)),
    }
}
