//! Every file casebook writes, and every outside file it reads, goes through here.
//!
//! Writing: [`write_atomic`] (bytes) and [`write_atomic_with`] (streamed) put
//! the content in a fresh temporary file beside the target, sync it, rename it
//! over the target and sync the folder: after a crash at any point the target
//! holds either the old or the new content, and on any failure (a full disk,
//! a refused rename) the temporary file is removed and the old file is left
//! as it was. A symbolic link is followed: the file it points to is replaced
//! (the temporary file is written beside it), so the link stays a link. Each
//! step can be made to fail from a test through a [`FaultHook`].
//!
//! Reading: [`read_limited`] and [`open_regular`] refuse anything that is not
//! a regular file (a FIFO would block, a device never end) and anything over
//! a size limit, naming the problem; a symbolic link loop is an error, not
//! "no file".

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
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

/// Buffer of streamed writes: large, so a 50 MB file takes few system calls.
const WRITE_BUFFER: usize = 1 << 20;

/// How many symbolic links are followed before calling it a loop (as Linux does).
const MAX_LINKS: usize = 40;

/// Size limits of files read from outside (README, "Reliability").
pub mod limits {
    /// `paper.md`, and a text given to `casebook import`.
    pub const PAPER: u64 = 1 << 30;
    /// `meta.toml`, `entities.toml`, `series.toml`, a key map.
    pub const TOML: u64 = 64 << 20;
    /// A notes file, or annotations given to `casebook notes import`.
    pub const NOTES: u64 = 1 << 30;
    /// One draft.
    pub const DRAFT: u64 = 64 << 20;
    /// `positions.json`.
    pub const POSITIONS: u64 = 16 << 20;
}

/// Replaces `path` with `bytes`; `Ok` only once the new content is durable.
pub fn write_atomic(path: &Path, bytes: &[u8], hook: Option<&FaultHook>) -> io::Result<()> {
    let step = |s: WriteStep| hook.map_or(Ok(()), |h| h(s));
    stage(path, hook, |file| {
        let (start, rest) = bytes.split_at(bytes.len() / 2);
        step(WriteStep::WriteStart)?;
        file.write_all(start)?;
        step(WriteStep::WriteRest)?;
        file.write_all(rest)
    })
}

/// Replaces `path` with what `fill` writes, through a large buffer; `Ok`
/// only once the new content is durable. An error from `fill` leaves the
/// old file untouched and no temporary file behind.
pub fn write_atomic_with(
    path: &Path,
    hook: Option<&FaultHook>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let step = |s: WriteStep| hook.map_or(Ok(()), |h| h(s));
    stage(path, hook, |file| {
        let mut out = BufWriter::with_capacity(WRITE_BUFFER, file);
        step(WriteStep::WriteStart)?;
        fill(&mut out)?;
        step(WriteStep::WriteRest)?;
        out.flush()
    })
}

/// Creates a temp file beside the real target of `path`, lets `fill` write
/// it, then syncs, renames and syncs the folder.
fn stage(
    path: &Path,
    hook: Option<&FaultHook>,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let step = |s: WriteStep| hook.map_or(Ok(()), |h| h(s));
    let target = resolve_links(path)?;
    match fs::metadata(&target) {
        Ok(m) if !m.is_file() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is {}, not a regular file", target.display(), kind(&m)),
            ))
        }
        _ => {}
    }
    let dir = parent(&target);
    fs::create_dir_all(dir)?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
    let staged = (|| {
        step(WriteStep::CreateTemp)?;
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        fill(&mut file)?;
        step(WriteStep::SyncFile)?;
        file.sync_all()?;
        step(WriteStep::Rename)?;
        fs::rename(&tmp, &target)
    })();
    if let Err(e) = staged {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    step(WriteStep::SyncDir)?;
    sync_dir(dir)
}

/// Creates `path` with `bytes`, durably, failing if it already exists: the
/// content appears whole or not at all (a hard link of a synced temp file).
pub fn create_new_durable(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = parent(path);
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        match fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            // No hard links here (some network or FUSE file systems): claim
            // the name first, then rename the content over it.
            Err(_) => {
                OpenOptions::new().write(true).create_new(true).open(path)?;
                fs::rename(&tmp, path)
            }
        }
    })();
    let _ = fs::remove_file(&tmp);
    result?;
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
    while aside.symlink_metadata().is_ok() {
        n += 1;
        aside = path.with_file_name(format!("{name}.damaged-{stamp}-{n}"));
    }
    fs::rename(path, &aside)?;
    sync_dir(parent(path))?;
    Ok(aside)
}

/// Keeps a copy of `path` as `<name>.bak` (or `<name>.bak-<UTC time>` when
/// that exists already), durably; returns the copy's path.
pub fn backup(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut copy = path.with_file_name(format!("{name}.bak"));
    if copy.symlink_metadata().is_ok() {
        let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        copy = path.with_file_name(format!("{name}.bak-{stamp}"));
        let mut n = 1;
        while copy.symlink_metadata().is_ok() {
            n += 1;
            copy = path.with_file_name(format!("{name}.bak-{stamp}-{n}"));
        }
    }
    let mut from = open_regular(path, u64::MAX)?;
    write_atomic_with(&copy, None, |out| io::copy(&mut from, out).map(|_| ()))?;
    Ok(copy)
}

/// The file a path finally names, following symbolic links (relative ones
/// from the link's folder). The last one need not exist. A loop is an error.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&current)?;
                current = if to.is_absolute() {
                    to
                } else {
                    parent(&current).join(to)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(link_loop(path))
}

fn link_loop(path: &Path) -> io::Error {
    io::Error::other(format!(
        "{}: too many levels of symbolic links (a loop?)",
        path.display()
    ))
}

/// Whether a file exists, with a symbolic link loop or an unreadable
/// folder reported instead of being taken for "no file".
pub fn exists(path: &Path) -> io::Result<bool> {
    match fs::metadata(path) {
        Ok(_) => Ok(true),
        // No file, or a dangling link: nothing to read.
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) if e.raw_os_error() == Some(ELOOP) => Err(link_loop(path)),
        Err(e) => Err(e),
    }
}

const ELOOP: i32 = 40;

/// Opens a regular file for reading; a FIFO, device, socket or folder is
/// refused (it is never opened in a way that could block), and so is a file
/// over `limit` bytes.
pub fn open_regular(path: &Path, limit: u64) -> io::Result<File> {
    let meta = fs::metadata(path).map_err(|e| {
        if e.raw_os_error() == Some(ELOOP) {
            link_loop(path)
        } else {
            e
        }
    })?;
    check_regular(&meta, limit)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: should the file have become a FIFO since, opening it
        // does not wait for a writer. No effect on regular files.
        options.custom_flags(0o4000);
    }
    let file = options.open(path)?;
    check_regular(&file.metadata()?, limit)?;
    Ok(file)
}

fn check_regular(meta: &fs::Metadata, limit: u64) -> io::Result<()> {
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}, not a regular file", kind(meta)),
        ));
    }
    if meta.len() > limit {
        return Err(too_big(limit));
    }
    Ok(())
}

fn too_big(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("larger than the limit of {} MiB", limit >> 20),
    )
}

/// Reads a regular file whole, refusing one over `limit` bytes (checked
/// while reading too, should it grow).
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path, limit)?;
    let expected = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(expected.min(limit) as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(limit));
    }
    Ok(bytes)
}

fn kind(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a plain file"
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// 16 random bytes as hex, from the kernel (time, process and a counter
/// hashed, should `/dev/urandom` be missing): names that two processes in
/// different pid namespaces still never share.
pub fn unique_token() -> String {
    let mut bytes = [0u8; 16];
    let from_kernel = File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .is_ok();
    if !from_kernel {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let t = Timestamp::now().as_nanosecond() as u64;
        let seed = [
            t,
            u64::from(std::process::id()),
            n,
            &bytes as *const _ as u64,
        ];
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            for s in seed {
                h = (h ^ s ^ i as u64).wrapping_mul(0x0100_0000_01b3);
                h ^= h >> 29;
            }
            chunk.copy_from_slice(&h.to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_stays_a_link_and_its_target_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("sync/notes.json");
        fs::create_dir_all(real.parent().unwrap()).unwrap();
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("sync/notes.json", &link).unwrap();
        write_atomic(&link, b"new", None).unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_link_loop_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(write_atomic(&a, b"x", None).is_err());
        assert!(exists(&a).is_err());
        let err = read_limited(&a, 100).unwrap_err();
        assert!(err.to_string().contains("symbolic links"), "{err}");
    }

    #[test]
    fn fifos_devices_and_big_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read_limited(&fifo, 100).unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
        let err = read_limited(Path::new("/dev/zero"), 100).unwrap_err();
        assert!(err.to_string().contains("device"), "{err}");
        assert!(read_limited(dir.path(), 100).is_err());
        let big = dir.path().join("big");
        fs::write(&big, vec![b'x'; 101]).unwrap();
        let err = read_limited(&big, 100).unwrap_err();
        assert!(err.to_string().contains("limit"), "{err}");
        assert_eq!(read_limited(&big, 101).unwrap().len(), 101);
    }

    #[test]
    fn a_failing_streamed_write_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        fs::write(&path, "old").unwrap();
        let err = write_atomic_with(&path, None, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn create_new_refuses_an_existing_name_and_tokens_differ() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.json");
        create_new_durable(&path, b"one").unwrap();
        assert!(create_new_durable(&path, b"two").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let (a, b) = (unique_token(), unique_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn backups_never_overwrite_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paper.md");
        fs::write(&path, "v1").unwrap();
        let first = backup(&path).unwrap();
        fs::write(&path, "v2").unwrap();
        let second = backup(&path).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(first).unwrap(), "v1");
        assert_eq!(fs::read_to_string(second).unwrap(), "v2");
    }
}
