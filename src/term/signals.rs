//! Hang-up and termination: save what must be saved, restore the terminal,
//! exit. A separate thread does it because the main thread may be blocked
//! in a read that never returns on a dead line.

use std::sync::Arc;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::term::terminal;

/// Spawns the watcher. `save` runs first (it must be durable before it
/// returns), then the terminal is restored and the process exits with
/// 128 + the signal number, as shells expect.
pub fn watch(save: Arc<dyn Fn() + Send + Sync>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
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
