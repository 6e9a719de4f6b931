//! The built binary run as a user runs it: on the bundled case study, with
//! data and config folders of the test's own.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `casebook ARGS` with `dir`/data and `dir`/config as its folders.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casebook"));
    cmd.args(args)
        .env_remove("CASEBOOK_CORPUS")
        .env_remove("CASEBOOK_KEYMAP")
        .env_remove("CASEBOOK_LIBRARY")
        .env("CASEBOOK_CACHE_DIR", dir.join("cache"))
        .env("CASEBOOK_DATA_DIR", dir.join("data"))
        .env("CASEBOOK_CONFIG_DIR", dir.join("config"))
        .env("NO_COLOR", "1");
    cmd
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("casebook runs")
}

/// How a command ended whose reader went away: exit code and stderr.
pub struct Closed {
    pub first_line: String,
    pub code: Option<i32>,
    pub stderr: String,
}

/// Runs `cmd` with stdout a pipe; reads one line when `read_first`, then
/// closes the pipe while the command may still be writing, as `| head -1`
/// does.
pub fn closed_early(mut cmd: Command, read_first: bool) -> Closed {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("casebook starts");
    let mut first_line = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    if read_first {
        BufReader::new(stdout)
            .read_line(&mut first_line)
            .expect("one line of output");
    }
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped stderr")
        .read_to_string(&mut stderr)
        .expect("stderr is text");
    let code = child.wait().expect("casebook ends").code();
    Closed {
        first_line,
        code,
        stderr,
    }
}
