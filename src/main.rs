use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    casebook::cli::run(casebook::cli::Cli::parse())
}
