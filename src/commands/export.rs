//! `casebook export`.

use super::{Console, Failure};
use crate::corpus::{open, Source};
use crate::export::{export, write, Format};
use crate::term::sanitize;

pub fn run(source: &Source, format: Format, console: &mut Console) -> Result<(), Failure> {
    let study = open(source)?;
    // Exact text into a file or pipe, streamed; nothing a terminal would
    // obey onto a screen.
    if console.is_terminal() {
        console.print(&sanitize::lines(&export(&study, format)))
    } else {
        console.stream(|out| write(&study, format, out))
    }
}
