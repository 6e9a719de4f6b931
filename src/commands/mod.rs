//! The command line in one place: what clap parses ([`args`]), one handler
//! per subcommand, and how every command writes ([`Console`]) and fails
//! ([`Failure`]). The domain modules know nothing of the command line.

pub mod args;
pub mod charts;
pub mod check;
pub mod cite;
pub mod codes;
mod console;
pub mod entities;
pub mod export;
mod failure;
pub mod import;
pub mod keys;
pub mod library;
pub mod notes;
pub mod read;
pub mod search;

use std::process::ExitCode;

pub use args::{Cli, Command};
pub use console::Console;
pub use failure::{Exit, Failure};

use crate::charts::spark::Glyphs;
use crate::corpus::Source;
use read::ReaderOptions;

/// Runs the parsed command line; whatever fails is printed here, once.
pub fn run(cli: Cli) -> ExitCode {
    let mut console = Console::stdio();
    let result = dispatch(&cli, &mut console);
    console.finish(result)
}

fn dispatch(cli: &Cli, console: &mut Console) -> Result<(), Failure> {
    let source = cli.source();
    let options = &cli.options;
    match &cli.command {
        None => {
            let paths = cli.paths()?;
            let library = library::library(cli)?;
            let (source, in_library) = match options.corpus {
                Some(_) => (source, false),
                None => read::starting_point(&paths, &library),
            };
            read::read(
                ReaderOptions {
                    source,
                    library,
                    in_library,
                    keymap: options.keymap.as_deref(),
                    color: options.color,
                    ascii: options.ascii,
                    mouse: !options.no_mouse,
                    measure: options.measure,
                    paths,
                },
                console,
            )
        }
        Some(Command::Keys) => keys::run(options.keymap.as_deref(), &cli.paths()?, console),
        Some(Command::Notes {
            command: command @ args::NotesCommand::Export { all: true, .. },
        }) => library::export_notes(command, cli, console),
        Some(Command::Notes { command }) => notes::run(command, &source, &cli.paths()?, console),
        Some(Command::Search(args)) if args.all => library::search(args, cli, console),
        Some(Command::Search(args)) => {
            search::run(args, &source, options.data_dir.as_deref(), console)
        }
        Some(Command::Library { command }) => library::run(command, cli, console),
        Some(Command::Import {
            text,
            out,
            force,
            verbose,
        }) => {
            let data = cli.paths().ok().map(|p| p.data);
            // Into the library unless told where.
            let out = match out {
                Some(dir) => dir.clone(),
                None => library::library(cli)?.folder_for(&crate::import::default_id(text)),
            };
            let args = import::Import {
                input: text,
                out: Some(&out),
                force: *force,
                verbose: *verbose,
                data_dir: data.as_deref(),
            };
            import::run(args, console)
        }
        Some(Command::Export { format }) => export::run(&source, *format, console),
        Some(Command::Check { dir }) => {
            check::run(&dir.clone().map_or(source, Source::Dir), console)
        }
        Some(Command::Entities {
            kind,
            json,
            all: true,
        }) => library::entities(cli, *kind, *json, console),
        Some(Command::Entities { kind, json, .. }) => {
            entities::list(&source, *kind, *json, console)
        }
        Some(Command::Show { entity, all: true }) => library::show(cli, entity, console),
        Some(Command::Show { entity, .. }) => entities::show(&source, entity, console),
        Some(Command::Cite(args)) => cite::run(args, &source, &cli.paths()?, console),
        Some(Command::Codes { command }) => codes::run(command, &source, &cli.paths()?, console),
        Some(Command::Series { json }) => charts::series(&source, *json, console),
        Some(Command::Timeline { json }) => {
            let glyphs = if options.ascii {
                Glyphs::Ascii
            } else {
                Glyphs::Unicode
            };
            charts::timeline(&source, *json, glyphs, console)
        }
    }
}
