//! Command-line interface: argument parsing and dispatch to subcommands.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::charts::report::{self, Report};
use crate::charts::spark::Glyphs;
use crate::corpus::{commands, Source};
use crate::entities;
use crate::export;
use crate::launch::{self, ColorChoice, ReaderOptions};
use crate::paths::Paths;

/// A full-screen terminal reader for research case studies.
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct Options {
    /// Case-study folder to open instead of the bundled one.
    #[arg(long, global = true, env = "CASEBOOK_CORPUS", value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Configuration folder (key maps). Default: $XDG_CONFIG_HOME/casebook.
    #[arg(long, global = true, env = "CASEBOOK_CONFIG_DIR", value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Data folder (reading positions, notes). Default: $XDG_DATA_HOME/casebook.
    #[arg(long, global = true, env = "CASEBOOK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Key map: a preset name (default, emacs, less) or a file path.
    #[arg(long, global = true, env = "CASEBOOK_KEYMAP", value_name = "NAME|PATH")]
    pub keymap: Option<String>,

    /// Colour: auto follows NO_COLOR and whether output is a terminal.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Plain ASCII borders, markers and sparklines, for limited fonts.
    #[arg(long, global = true)]
    pub ascii: bool,
}

/// The options alone, for a command line without a subcommand.
#[derive(Parser)]
#[command(name = "casebook")]
struct OptionsOnly {
    #[command(flatten)]
    options: Options,
}

impl Cli {
    /// The process's command line. With no arguments (the reader opened the
    /// usual way) only the options' parser is built: building the parser of
    /// every subcommand was most of the time spent parsing.
    pub fn from_args() -> Cli {
        if std::env::args_os().len() > 1 {
            return Cli::parse();
        }
        Cli {
            options: OptionsOnly::parse().options,
            command: None,
        }
    }

    /// The case study to open: `--corpus` / `CASEBOOK_CORPUS`, else the bundled one.
    pub fn source(&self) -> Source {
        match &self.options.corpus {
            Some(dir) => Source::Dir(dir.clone()),
            None => Source::Bundled,
        }
    }

    pub fn paths(&self) -> Result<Paths, String> {
        Paths::resolve(
            self.options.data_dir.as_deref(),
            self.options.config_dir.as_deref(),
        )
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the keys in force (built-in map, preset, your keymap.toml) or what is wrong with them.
    Keys,
    /// List, export and import notes on the case study.
    Notes {
        #[command(subcommand)]
        command: crate::notes::command::NotesCommand,
    },
    /// Print the paper's figures as data series, each point with its passage.
    Series {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the years the paper mentions and the passages mentioning each.
    Timeline {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search entities, sections, passages, footnotes, references and notes.
    Search(crate::search::cli::SearchArgs),
    /// Segment a PDF-extracted plain text into a case-study folder.
    Import {
        /// A PDF, or its extracted text (for example the output of `pdftotext`).
        text: PathBuf,
        /// Folder to write meta.toml and paper.md into (default: the file's name without extension).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Print every warning, not the first few of each kind.
        #[arg(long)]
        verbose: bool,
    },
    /// Print the case study as JSON or Markdown.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: export::Format,
    },
    /// Validate a case-study folder (default: --corpus, or the bundled one).
    Check { dir: Option<PathBuf> },
    /// List the firms, people, places and organisations with mention counts.
    Entities {
        /// Only this kind: firm, person, place, organisation, ...
        #[arg(long)]
        kind: Option<String>,
        /// Print JSON with every mention (character offsets).
        #[arg(long)]
        json: bool,
    },
    /// Print an entity's card: description, relations and where it is mentioned.
    Show {
        /// Id, name or alias.
        entity: String,
    },
}

/// Runs the parsed command line; errors are printed here, once.
pub fn run(cli: Cli) -> ExitCode {
    let source = cli.source();
    match cli.command {
        None => {
            let Some(paths) = paths_or_report(&cli) else {
                return ExitCode::from(2);
            };
            launch::read(ReaderOptions {
                source,
                keymap: cli.options.keymap.as_deref(),
                color: cli.options.color,
                ascii: cli.options.ascii,
                paths,
            })
        }
        Some(Command::Keys) => {
            let Some(paths) = paths_or_report(&cli) else {
                return ExitCode::from(2);
            };
            match crate::keymap::Keymap::load(cli.options.keymap.as_deref(), Some(&paths.config)) {
                Ok(map) => {
                    print!("{}", crate::term::sanitize::lines(&map.help_text()));
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    diags.iter().for_each(|d| eprintln!("{d}"));
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Notes { ref command }) => run_notes(&cli, command),
        Some(Command::Search(ref args)) => {
            crate::search::cli::run(args, &source, cli.options.data_dir.as_deref())
        }
        Some(Command::Import {
            ref text,
            ref out,
            verbose,
        }) => commands::import(text, out.as_deref(), verbose),
        Some(Command::Export { format }) => commands::export(&source, format),
        Some(Command::Check { ref dir }) => {
            commands::check(&dir.clone().map_or(source, Source::Dir))
        }
        Some(Command::Entities { ref kind, json }) => {
            entities::command::list(&source, kind.as_deref(), json)
        }
        Some(Command::Show { ref entity }) => entities::command::show(&source, entity),
        Some(Command::Series { json }) => {
            report::run(&source, Report::Series, json, Glyphs::Unicode)
        }
        Some(Command::Timeline { json }) => {
            let glyphs = if cli.options.ascii {
                Glyphs::Ascii
            } else {
                Glyphs::Unicode
            };
            report::run(&source, Report::Timeline, json, glyphs)
        }
    }
}

fn paths_or_report(cli: &Cli) -> Option<Paths> {
    cli.paths().map_err(|e| eprintln!("casebook: {e}")).ok()
}

fn run_notes(cli: &Cli, command: &crate::notes::command::NotesCommand) -> ExitCode {
    let Some(paths) = paths_or_report(cli) else {
        return ExitCode::from(2);
    };
    let case = match crate::corpus::open(&cli.source()) {
        Ok(case) => case,
        Err(diags) => {
            launch::report(&diags);
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
        Err(e) => {
            eprintln!("casebook: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_alike_with_or_without_subcommands() {
        for args in [
            &["casebook"][..],
            &["casebook", "--color", "never", "--ascii"],
            &[
                "casebook",
                "--corpus",
                "dir",
                "--keymap",
                "emacs",
                "--data-dir",
                "d",
            ],
        ] {
            let full = Cli::try_parse_from(args).unwrap();
            let alone = OptionsOnly::try_parse_from(args).unwrap();
            assert_eq!(alone.options, full.options, "{args:?}");
            assert!(full.command.is_none());
        }
    }
}
