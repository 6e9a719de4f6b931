//! Why a command failed, and the exit code that says so. Every command
//! returns a [`Failure`]; [`Console::finish`](super::Console::finish) prints
//! it, so every command reports and exits alike:
//!
//! - 0: done (also when whoever reads the output closed it early);
//! - 1: the input has problems (a case study, key map, notes file or entity
//!   name) or a file could not be read or written;
//! - 2: the command line cannot be run as given (clap's own errors,
//!   options that contradict each other or name nothing, no terminal for
//!   the reader).

use std::fmt;
use std::process::ExitCode;

use crate::diag::Diagnostic;
use crate::term::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Input = 1,
    Usage = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Problems in files, each naming file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// One line on what failed, when the diagnostics alone do not say.
    pub message: Option<String>,
    pub code: Exit,
}

impl Failure {
    /// Problems in the input files.
    pub fn input(diagnostics: Vec<Diagnostic>) -> Failure {
        Failure {
            diagnostics,
            message: None,
            code: Exit::Input,
        }
    }

    /// A problem with the input that no single file position describes.
    pub fn because(message: impl Into<String>) -> Failure {
        Failure::input(Vec::new()).with_message(message)
    }

    /// A command line that cannot be run as given.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: Exit::Usage,
            ..Failure::because(message)
        }
    }

    pub fn with_message(self, message: impl Into<String>) -> Failure {
        Failure {
            message: Some(message.into()),
            ..self
        }
    }
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(diagnostics: Vec<Diagnostic>) -> Failure {
        Failure::input(diagnostics)
    }
}

/// The diagnostics, one a line, then `casebook: message`; the message may
/// quote the input, so controls in it are shown, not sent.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        match &self.message {
            Some(message) => writeln!(f, "casebook: {}", sanitize::lines(message)),
            None => Ok(()),
        }
    }
}
