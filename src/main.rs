use std::process::ExitCode;

fn main() -> ExitCode {
    casebook::cli::run(casebook::cli::Cli::from_args())
}
