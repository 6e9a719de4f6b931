//! Atomic, durable file replacement, and keeping damaged files aside.
//!
//! A write goes to a fresh temporary file in the same folder, which is synced,
//! renamed over the target and followed by a sync of the folder: after a crash
//! at any point the target holds either the old or the new content. Each step
//! can be made to fail from a test through a [`FaultHook`].

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use jiff::Timestamp;

/// The steps of [`write_atomic`], in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    CreateTemp,
    /// The first half of the bytes: failing the next step leaves a partial temp file.
    WriteStart,
    WriteRest,
    SyncFile,
    Rename,
    SyncDir,
}

impl WriteStep {
    pub const ALL: [WriteStep; 6] = [
        WriteStep::CreateTemp,
        WriteStep::WriteStart,
        WriteStep::WriteRest,
        WriteStep::SyncFile,
        WriteStep::Rename,
        WriteStep::SyncDir,
    ];
}

/// Called before each step; an error stops the write there.
pub type FaultHook = Arc<dyn Fn(WriteStep) -> io::Result<()> + Send + Sync>;

/// Replaces `path` with `bytes`; `Ok` only once the new content is durable.
pub fn write_atomic(path: &Path, bytes: &[u8], hook: Option<&FaultHook>) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let step = |s: WriteStep| hook.map_or(Ok(()), |h| h(s));
    let dir = parent(path);
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
    let staged = (|| {
        step(WriteStep::CreateTemp)?;
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        let (start, rest) = bytes.split_at(bytes.len() / 2);
        step(WriteStep::WriteStart)?;
        file.write_all(start)?;
        step(WriteStep::WriteRest)?;
        file.write_all(rest)?;
        step(WriteStep::SyncFile)?;
        file.sync_all()?;
        step(WriteStep::Rename)?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = staged {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    step(WriteStep::SyncDir)?;
    sync_dir(dir)
}

/// Makes a rename or removal in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Moves a damaged file to `<name>.damaged-<UTC time>` beside it and returns the new path.
pub fn quarantine(path: &Path) -> io::Result<PathBuf> {
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut aside = path.with_file_name(format!("{name}.damaged-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = path.with_file_name(format!("{name}.damaged-{stamp}-{n}"));
    }
    fs::rename(path, &aside)?;
    sync_dir(parent(path))?;
    Ok(aside)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
