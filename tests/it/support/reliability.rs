//! A case-study folder with a data folder beside it, the binary run on them,
//! and small tmpfs mounts (full disks, read-only folders).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const META: &str = "id = \"demo\"\ntitle = \"Demo\"\nauthors = [\"A. Author\"]\nyear = 2013\n";
pub const PAPER: &str = "# 1. Introduction {#s1}\n\n<!-- passage p1.1 -->\nDalian opened its software park in 1998.\n\n\
    # 2. Firms {#s2}\n\n<!-- passage p2.1 -->\nDHC was founded in 1996 as a spin-off of the Dalian Information Center.\n";

pub struct Case {
    pub root: tempfile::TempDir,
}

impl Case {
    pub fn new() -> Case {
        let root = tempfile::tempdir().unwrap();
        let case = root.path().join("case");
        std::fs::create_dir_all(&case).unwrap();
        std::fs::write(case.join("meta.toml"), META).unwrap();
        std::fs::write(case.join("paper.md"), PAPER).unwrap();
        Case { root }
    }

    pub fn case(&self) -> PathBuf {
        self.root.path().join("case")
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn notes_file(&self) -> PathBuf {
        self.data().join("notes/demo.json")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run_bounded(
            Command::new(env!("CARGO_BIN_EXE_casebook"))
                .arg("--corpus")
                .arg(self.case())
                .arg("--data-dir")
                .arg(self.data())
                .args(args)
                .env_remove("CASEBOOK_CORPUS"),
            Duration::from_secs(20),
        )
        .expect("the command ends")
    }
}

/// Runs a command, killing it if it has not ended within `limit` (`None` then).
pub fn run_bounded(cmd: &mut Command, limit: Duration) -> Option<Output> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// A tmpfs mounted on a fresh folder, unmounted when dropped; `None` where
/// mounting is not allowed (not root, no mount namespace).
pub struct Tmpfs {
    pub dir: tempfile::TempDir,
}

impl Tmpfs {
    pub fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .ok()?
            .success();
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here");
            return None;
        }
        Some(Tmpfs { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }

    /// Fills the file system but for `leave` bytes.
    pub fn fill(&self, leave: u64) {
        use std::io::Write;
        let mut f = std::fs::File::create(self.path().join("filler")).unwrap();
        let chunk = vec![0u8; 1024];
        loop {
            if f.write_all(&chunk).is_err() {
                break;
            }
        }
        drop(f);
        let len = std::fs::metadata(self.path().join("filler")).unwrap().len();
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(self.path().join("filler"))
            .unwrap();
        f.set_len(len.saturating_sub(leave)).unwrap();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
