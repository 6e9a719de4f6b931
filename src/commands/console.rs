//! The one way commands write: output to stdout, problems to stderr.
//!
//! Output read by `head` or a pager may be closed before it is all written;
//! that is not a failure, so a closed pipe ends the output quietly and the
//! command still exits 0.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use super::Failure;
use crate::diag::Diagnostic;

pub struct Console<'a> {
    out: Box<dyn Write + 'a>,
    err: Box<dyn Write + 'a>,
    terminal: bool,
    closed: bool,
}

impl Console<'static> {
    /// The process's stdout and stderr.
    pub fn stdio() -> Console<'static> {
        let out = io::stdout();
        Console {
            terminal: out.is_terminal(),
            out: Box::new(out),
            err: Box::new(io::stderr()),
            closed: false,
        }
    }
}

impl<'a> Console<'a> {
    /// Output and problems into buffers, as into a file (for tests).
    pub fn new(out: &'a mut dyn Write, err: &'a mut dyn Write) -> Console<'a> {
        Console {
            out: Box::new(out),
            err: Box::new(err),
            terminal: false,
            closed: false,
        }
    }

    /// Whether output goes to a terminal, which must not be sent the
    /// controls a case study may hold.
    pub fn is_terminal(&self) -> bool {
        self.terminal
    }

    /// Writes command output; once the reader has closed it, nothing more is written.
    pub fn print(&mut self, text: &str) -> Result<(), Failure> {
        self.stream(|out| out.write_all(text.as_bytes()))
    }

    /// Streams command output through `write` (large exports are never held
    /// whole), with the same quiet end on a closed pipe as [`Console::print`].
    pub fn stream(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let mut out = io::BufWriter::with_capacity(1 << 16, &mut self.out);
        match write(&mut out).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(Failure::because(format!("cannot write the output: {e}"))),
        }
    }

    /// Where problems go, for domain code that reports as it works.
    pub fn errors(&mut self) -> &mut dyn Write {
        &mut self.err
    }

    /// Problems that do not stop the command: warnings, files set aside.
    pub fn report(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            let _ = writeln!(self.err, "{d}");
        }
    }

    /// A one-line warning on stderr that does not stop the command.
    pub fn warn(&mut self, message: &str) {
        let _ = writeln!(self.err, "casebook: warning: {message}");
    }

    /// Prints a failure, if any, and gives the exit code for the result.
    pub fn finish(&mut self, result: Result<(), Failure>) -> ExitCode {
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(failure) => {
                let _ = write!(self.err, "{failure}");
                failure.code.into()
            }
        }
    }
}
