//! The reader under the terminals people use: each TERM value starts,
//! draws, answers keys and quits cleanly; 16-colour terminals get no
//! 256-colour or truecolour SGR; NO_COLOR gets none at all; TERM=dumb and a
//! missing tty are refused with a pointer to the export; an idle reader
//! writes nothing and uses no CPU.

use crate::support;
use crate::support::hostile as hostile_support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hostile_support::audit;
use support::pty::Session;

const TITLE: &str = "The Formation of the Software";

/// Starts under `env`, moves, quits; returns everything written.
fn session(env: &[(&str, &str)]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, dir.path(), env);
    let first = s.wait_text(TITLE);
    s.send("]");
    s.wait_for("the cursor moved", |sc| sc != first);
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "{env:?}");
    let raw = s.raw_output();
    let a = audit(&raw);
    a.assert_clean();
    assert!(
        a.csi_kinds.contains(&"?h".to_string()),
        "{env:?}: entered full screen"
    );
    raw
}

#[test]
fn colour_terminals() {
    for term in ["xterm-256color", "screen-256color", "tmux-256color"] {
        let a = audit(&session(&[("TERM", term)]));
        assert!(a.colour_sgr > 0, "{term}: colour is used");
    }
}

#[test]
fn sixteen_colour_terminals_get_no_extended_colours() {
    for term in ["linux", "vt100", "xterm-256color"] {
        let a = audit(&session(&[("TERM", term)]));
        assert!(a.colour_sgr > 0, "{term}: colour is used");
        // The theme keeps to the 16 ANSI colours, so this holds everywhere.
        assert!(
            a.extended_colours.is_empty(),
            "{term}: {:?}",
            a.extended_colours
        );
    }
}

#[test]
fn no_color_means_no_colour() {
    let a = audit(&session(&[("NO_COLOR", "1")]));
    assert_eq!(a.colour_sgr, 0);
    assert!(a.extended_colours.is_empty());
}

#[test]
fn dumb_terminal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 80, 24, dir.path(), &[("TERM", "dumb")]);
    let screen = s.wait_text("casebook export --format markdown");
    assert!(screen.contains("TERM=dumb"), "{screen}");
    assert_eq!(s.wait_exit(), 2);
    let a = audit(&s.raw_output());
    a.assert_clean();
    assert!(
        a.csi_kinds.is_empty(),
        "nothing but text: {:?}",
        a.csi_kinds
    );
}

#[test]
fn no_tty_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("TERM", "xterm-256color")
        .env("CASEBOOK_DATA_DIR", dir.path().join("data"))
        .env("CASEBOOK_CONFIG_DIR", dir.path().join("config"))
        .env_remove("CASEBOOK_CORPUS")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("casebook export --format markdown"), "{err}");
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn idle_means_silent() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text(TITLE);
    // Settled: the first frame is out once nothing more arrives for a while.
    let mut len = s.raw_output().len();
    let mut still = Instant::now();
    let start = Instant::now();
    while still.elapsed() < Duration::from_millis(300) {
        assert!(
            start.elapsed() < support::pty::DEADLINE,
            "output never settled"
        );
        std::thread::sleep(Duration::from_millis(20));
        let now = s.raw_output().len();
        if now != len {
            (len, still) = (now, Instant::now());
        }
    }
    let pid = s.pid().unwrap();
    let ticks = cpu_ticks(pid);
    // The idle window itself: a second of nothing happening.
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(s.raw_output().len(), len, "bytes written while idle");
    assert_eq!(cpu_ticks(pid), ticks, "CPU used while idle");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
