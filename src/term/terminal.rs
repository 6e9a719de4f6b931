//! Entering and leaving full-screen mode, and restoring the terminal on
//! every way out: normal exit, panic, hang-up and termination signals.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::DisableBracketedPaste;
use crossterm::style::{Attribute, SetAttribute};
use crossterm::terminal::{self, LeaveAlternateScreen};
use crossterm::{cursor, execute};

use crate::term::backend::FrameBackend;

/// The terminal casebook draws on: frames go to standard output, each in
/// one write.
pub type Backend = FrameBackend<Stdout>;

/// Alternate screen, bracketed paste, hidden cursor: sent with the first
/// frame, which clears the screen, so entering costs no write of its own.
const ENTER: &str = "\x1b[?1049h\x1b[?2004h\x1b[?25l";

/// Mouse reports: clicks and the wheel (1000), in SGR form (1006) so any
/// column can be told. No motion tracking: it would send a report for
/// every cell the pointer crosses, over SSH too.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Whether full-screen mode asks for mouse reports (`--no-mouse` says no);
/// set before [`enter`].
pub fn use_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

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
    let mut out = FrameBackend::new(io::stdout());
    out.queue_modes(ENTER);
    if MOUSE.load(Ordering::SeqCst) {
        out.queue_modes(MOUSE_ON);
    }
    Ok(out)
}

/// Restores the terminal; safe to call more than once and from any thread.
/// Errors are ignored: on a hung-up line there is nobody to tell.
pub fn leave() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    // The last frame's rendition and scroll region stay in effect: end them.
    let _ = out.write_all(b"\x1b[r");
    if MOUSE.load(Ordering::SeqCst) {
        let _ = out.write_all(MOUSE_OFF.as_bytes());
    }
    let _ = execute!(
        out,
        SetAttribute(Attribute::Reset),
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
