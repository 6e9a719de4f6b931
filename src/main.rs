use std::process::ExitCode;

fn main() -> ExitCode {
    casebook::commands::run(casebook::commands::Cli::from_args())
}
