//! `casebook notes recover [--merge FILE]`: the damaged notes files kept
//! aside, and merging one back into the store.

use std::io::Write;
use std::path::Path;

use super::NoteStore;

/// Without `merge`, lists the kept-aside files with how many notes each
/// still holds; with it, merges that file's readable notes into the store
/// (a kept-aside file is then renamed `*.merged` and no longer reported).
pub fn run(
    store: &NoteStore,
    merge: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let Some(file) = merge else {
        let kept = store.kept_aside();
        if kept.is_empty() {
            let _ = writeln!(out, "no damaged notes file is kept aside");
        }
        for path in kept {
            let _ = writeln!(
                out,
                "{}\n  merge with: casebook notes recover --merge '{}'",
                crate::term::sanitize::caret(&path.display().to_string()),
                path.display()
            );
        }
        return Ok(());
    };
    let done = store.recover(file).map_err(|e| e.to_string())?;
    for d in &done.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    let _ = writeln!(
        out,
        "{} note(s) read from {}: {} new or newer than the store's, merged",
        done.read,
        file.display(),
        done.added
    );
    if let Some(to) = &done.moved_to {
        let _ = writeln!(out, "{} renamed {}", file.display(), to.display());
    }
    Ok(())
}
