//! Entering and leaving full-screen mode, and restoring the terminal on
//! every way out: normal exit, panic, hang-up and termination signals.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, queue};
use ratatui::backend::CrosstermBackend;

use crate::term::guard::GuardedBackend;
use crate::term::sgr::FrameWriter;

/// A frame is written into this buffer and flushed once, so it crosses a
/// slow link as one write (with colours in their classic form).
pub type Backend = GuardedBackend<CrosstermBackend<FrameWriter<Stdout>>>;

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Why full-screen mode is refused.
pub fn unsuitable_terminal() -> Option<String> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Some("casebook needs a terminal on standard input and output".into());
    }
    match std::env::var("TERM").as_deref() {
        Ok("dumb") => Some("TERM=dumb cannot show casebook's full-screen reader".into()),
        Ok("") | Err(_) => Some("TERM is not set, so the terminal's abilities are unknown".into()),
        _ => None,
    }
}

pub fn enter() -> io::Result<Backend> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = FrameWriter::new(io::stdout());
    // Sent with the first frame, which clears the screen: one write.
    queue!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    Ok(GuardedBackend::new(CrosstermBackend::new(out)))
}

/// Restores the terminal; safe to call more than once and from any thread.
/// Errors are ignored: on a hung-up line there is nobody to tell.
pub fn leave() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}
