//! Drives the built binary in a real pseudo-terminal and reads its screen
//! with a VT parser. Waits are deadlines on a condition, never sleeps.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set when the terminal has nothing more to read: every byte the
    /// program wrote is in `raw`.
    drained: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

pub const DEADLINE: Duration = Duration::from_secs(20);

impl Session {
    /// Starts casebook with `args` at `cols` x `rows`; `data` is its data dir.
    pub fn start(
        args: &[&str],
        cols: u16,
        rows: u16,
        data: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        Session::start_wrapped(&[], args, cols, rows, data, env)
    }

    /// As [`Session::start`], casebook run through `wrapper` (a command
    /// and its arguments, say `unshare --pid --fork`).
    pub fn start_wrapped(
        wrapper: &[&str],
        args: &[&str],
        cols: u16,
        rows: u16,
        data: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let casebook = env!("CARGO_BIN_EXE_casebook");
        let mut cmd = match wrapper.split_first() {
            Some((program, rest)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(rest);
                cmd.arg(casebook);
                cmd
            }
            None => CommandBuilder::new(casebook),
        };
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("CASEBOOK_DATA_DIR", data.join("data"));
        cmd.env("CASEBOOK_CONFIG_DIR", data.join("config"));
        cmd.env("CASEBOOK_CACHE_DIR", data.join("cache"));
        cmd.env_remove("CASEBOOK_LIBRARY");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("CASEBOOK_CORPUS");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn casebook");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let drained = Arc::new(AtomicBool::new(false));
        let (p, r, d) = (parser.clone(), raw.clone(), drained.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            d.store(true, Ordering::SeqCst);
        });
        Session {
            parser,
            raw,
            drained,
            writer,
            child,
            master: pair.master,
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen satisfies `cond`; panics with the screen after the deadline.
    pub fn wait_for(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if cond(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Waits for the process to end and its output to be read; returns
    /// its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while !self.drained.load(Ordering::SeqCst) && start.elapsed() < DEADLINE {
                    std::thread::sleep(Duration::from_millis(5));
                }
                return status.exit_code();
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("casebook did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.lock().unwrap().set_size(rows, cols);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
