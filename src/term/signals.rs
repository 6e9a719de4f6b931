//! Hang-up and termination: save what must be saved, restore the terminal,
//! exit. A separate thread does it because the main thread may be blocked
//! in a read that never returns on a dead line.

use std::sync::Arc;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::term::terminal;

/// Signals caught but not yet acted on: they wait in a queue until
/// [`Watcher::start`], so the thread need not delay the first frame.
pub struct Watcher {
    signals: Signals,
    save: Arc<dyn Fn() + Send + Sync>,
}

/// Catches the signals from now on. Once started, `save` runs first (it
/// must be durable before it returns), then the terminal is restored and
/// the process exits with 128 + the signal number, as shells expect.
pub fn catch(save: Arc<dyn Fn() + Send + Sync>) -> std::io::Result<Watcher> {
    let signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    Ok(Watcher { signals, save })
}

impl Watcher {
    /// Acts on the signals caught so far and from now on, in a thread.
    pub fn start(self) -> std::io::Result<()> {
        let Watcher { mut signals, save } = self;
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    save();
                    terminal::leave();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(())
    }
}
