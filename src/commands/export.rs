//! `casebook export`.

use super::{Console, Failure};
use crate::corpus::{open, Source};
use crate::export::{export, Format};
use crate::term::sanitize;

pub fn run(source: &Source, format: Format, console: &mut Console) -> Result<(), Failure> {
    let text = export(&open(source)?, format);
    // Exact text into a file or pipe; nothing a terminal would obey onto a screen.
    if console.is_terminal() {
        console.print(&sanitize::lines(&text))
    } else {
        console.print(&text)
    }
}
