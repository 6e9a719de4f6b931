#!/usr/bin/env python3
"""Bytes per action, time to first frame and peak memory of casebook and of
less on the same text, each run in a pseudo-terminal; prints the ratios.

    python3 scripts/measure.py [--bin $CARGO_TARGET_DIR/release/casebook] [--runs 7]
                               [--big-mb 10] [--quick] [--along]

Needs only Python 3, less and /usr/bin/time (GNU, for -v). The synthetic
paper repeats the bundled paper's passages with fresh ids until it reaches
--big-mb megabytes, in a temporary case-study folder opened with --corpus.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUIET = 0.25  # seconds without output that end a frame


class Pty:
    """A command in a pseudo-terminal of the given size, output collected."""

    def __init__(self, argv, cols, rows, env):
        # Every run starts at the top: no saved reading position.
        saved = os.path.join(env.get("CASEBOOK_DATA_DIR", "/nonexistent"), "positions.json")
        if os.path.exists(saved):
            os.remove(saved)
        self.start = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            # Sized before exec, so the program's first size query is right.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.out = bytearray()

    def read_until_quiet(self, quiet=QUIET, limit=5.0):
        """Reads until `quiet` seconds pass without output; returns the bytes
        and the time (since spawn) of the last byte."""
        got = bytearray()
        last = None
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                if got or last is not None:
                    break
                continue
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            got += chunk
            last = time.monotonic() - self.start
        self.out += got
        return bytes(got), last

    def wait_for(self, marker, done=None, limit=60.0):
        """Times (since spawn) of the first frame, the write that showed
        `marker`, and of the complete frame: the write that showed `done`
        (casebook's position out of the whole paper, once the rest of the
        paper is loaded and linked), or the first frame without `done`."""
        seen = bytearray()
        deadline = time.monotonic() + limit
        first = complete = None
        while time.monotonic() < deadline:
            finished = first is not None and complete is not None
            r, _, _ = select.select([self.fd], [], [], QUIET if finished else 1.0)
            if not r:
                if finished:
                    return first, complete
                continue
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                break
            seen += chunk
            now = time.monotonic() - self.start
            if first is None and marker in seen:
                first = now
            if first is not None and complete is None:
                if done is None:
                    complete = first
                elif re.search(done, seen):
                    complete = now
        raise RuntimeError(f"{marker!r} never appeared")

    def send(self, keys):
        os.write(self.fd, keys)

    def close(self, quit_keys=b"q"):
        self.send(quit_keys)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    break
                r, _, _ = select.select([self.fd], [], [], 0.05)
                if r:
                    os.read(self.fd, 1 << 16)
            except OSError:
                os.waitpid(self.pid, 0)
                break
        else:
            # Under /usr/bin/time the program is a child: end it, not time.
            kids = f"/proc/{self.pid}/task/{self.pid}/children"
            for kid in open(kids).read().split() if os.path.exists(kids) else []:
                os.kill(int(kid), signal.SIGTERM)
            if not os.path.exists(kids):
                os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def env_for(data_dir):
    env = dict(os.environ)
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LESSHISTFILE="-",
               CASEBOOK_DATA_DIR=data_dir, CASEBOOK_CONFIG_DIR=data_dir)
    for k in ("LESS", "LESSOPEN", "LESSCLOSE", "NO_COLOR", "COLORTERM"):
        env.pop(k, None)
    return env


class Subject:
    def __init__(self, name, argv, marker, keys, env, done=None, end=None):
        self.name, self.argv, self.marker, self.keys, self.env = name, argv, marker, keys, env
        self.done = done
        # What the program shows once the end of the text is on screen.
        self.end = end

    def start(self, cols, rows):
        p = Pty(self.argv, cols, rows, self.env)
        p.wait_for(self.marker, self.done)
        p.read_until_quiet()
        return p


def bytes_per_action(subj, cols, rows, repeat):
    """Bytes written while idle, and per action the bytes of each repeat.
    Each action is repeated from the top of the text in a fresh session,
    and only until the end of the text reaches the screen (after that a
    page costs a prompt, not a page)."""
    p = subj.start(cols, rows)
    idle, _ = p.read_until_quiet(quiet=1.0, limit=1.0)
    p.close()
    result = {"idle": len(idle)}
    for action, key in subj.keys.items():
        if key is None:
            continue
        p = subj.start(cols, rows)
        sizes = []
        for _ in range(repeat):
            p.send(key)
            out, _ = p.read_until_quiet(quiet=0.15)
            if subj.end and re.search(subj.end, out):
                break
            sizes.append(len(out))
        p.close()
        result[action] = sizes
    return result


def page_through(subj, cols, rows, limit=2000):
    """Bytes of each page, paging with the page key from the top to the
    end of the text (the last page included)."""
    p = subj.start(cols, rows)
    sizes = []
    for _ in range(limit):
        p.send(subj.keys["page"])
        out, _ = p.read_until_quiet(quiet=0.15, limit=1.0)
        # At the end a page changes nothing, or says so.
        if not out:
            break
        sizes.append(len(out))
        if subj.end and re.search(subj.end, out):
            break
    p.close()
    return sizes


def along_the_paper(cb, ls, cols, rows):
    """Per page of casebook, its bytes against less's page at the same
    place in the text (the same fraction of the way through)."""
    c, l = page_through(cb, cols, rows), page_through(ls, cols, rows)
    ratios = [size / max(l[min(len(l) - 1, i * len(l) // len(c))], 1) for i, size in enumerate(c)]
    ratios.sort()
    q = lambda f: ratios[min(len(ratios) - 1, int(f * len(ratios)))]
    print(f"{cols}x{rows}: {len(c)} casebook pages ({sum(c)} bytes), {len(l)} less pages"
          f" ({sum(l)} bytes); per page casebook/less: median {q(0.5):.2f}x,"
          f" p90 {q(0.9):.2f}x, max {ratios[-1]:.2f}x;"
          f" whole paper {sum(c) / max(sum(l), 1):.2f}x")


def first_frames(subjects, cols, rows, runs):
    """Per subject, medians (ms) of the first and of the complete frame. The
    subjects take turns, so that a busy moment of a shared machine falls on
    both alike."""
    times = [([], []) for _ in subjects]
    for _ in range(runs):
        for subj, (firsts, completes) in zip(subjects, times):
            # Let the last run's exit (and its writes) settle first.
            time.sleep(0.1)
            p = Pty(subj.argv, cols, rows, subj.env)
            first, complete = p.wait_for(subj.marker, subj.done)
            firsts.append(first)
            completes.append(complete)
            p.close()
    return [(statistics.median(f) * 1000, statistics.median(c) * 1000) for f, c in times]


def peak_rss_kb(subj, cols, rows, keys):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as f:
        argv = ["/usr/bin/time", "-v", "-o", f.name] + subj.argv
        p = Pty(argv, cols, rows, subj.env)
        p.wait_for(subj.marker, subj.done)
        for k in keys:
            p.send(k)
            p.read_until_quiet(quiet=0.1)
        p.close()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
        return int(m.group(1))


def synthetic(src_dir, out_dir, megabytes):
    """A case study of about `megabytes` MB: the bundled paper repeated, each
    copy's passage, section and footnote ids made unique."""
    paper = open(os.path.join(src_dir, "paper.md"), encoding="utf-8").read()
    copies = []
    size, n = 0, 0
    while size < megabytes * 1_000_000:
        c = re.sub(r"<!-- passage (\S+)", rf"<!-- passage \1-c{n}", paper)
        c = re.sub(r"\{#([^}\s.]+)", rf"{{#\1-c{n}", c)
        c = re.sub(r"\[\^(\w+)\]", rf"[^c{n}x\1]", c)
        copies.append(c)
        size += len(c.encode())
        n += 1
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "paper.md"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(copies))
    meta = open(os.path.join(src_dir, "meta.toml"), encoding="utf-8").read()
    open(os.path.join(out_dir, "meta.toml"), "w").write(meta.replace('id = "dalian"', 'id = "dalian-big"'))
    ents = os.path.join(src_dir, "entities.toml")
    if os.path.exists(ents):
        open(os.path.join(out_dir, "entities.toml"), "w").write(open(ents).read())
    return size


def subjects(binary, corpus, md_file, data_dir, title):
    env = env_for(data_dir)
    argv = [binary] + (["--corpus", corpus] if corpus else [])
    # Passage steps have no counterpart in less: compared with its page.
    cb = Subject("casebook", argv, title.encode(), {
        "line": b"\x05", "passage": b"j", "page": b" "}, env, done=rb"\d+/\d+ \d+%",
        end=rb"(\d+)/\1 100%")
    first_line = open(md_file, encoding="utf-8").readline().strip()[:30]
    ls = Subject("less", ["less", md_file], first_line.encode(), {
        "line": b"j", "passage": None, "page": b" "}, env, end=rb"\(END\)")
    return cb, ls


def main():
    ap = argparse.ArgumentParser()
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    ap.add_argument("--bin", default=os.path.join(target, "release/casebook"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--big-mb", type=float, default=10)
    ap.add_argument("--quick", action="store_true", help="skip the synthetic paper")
    ap.add_argument("--along", action="store_true",
                    help="only page through the whole bundled paper, casebook against less")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="casebook-measure-")
    md = os.path.join(tmp, "paper.md")
    with open(md, "w") as f:
        subprocess.run([a.bin, "export", "--format", "markdown"], stdout=f, check=True)
    title = "The Formation of the Software"
    cb, ls = subjects(a.bin, None, md, tmp, title)
    if a.along:
        print("== bytes per page along the whole paper, casebook / less")
        for cols, rows in ((80, 24), (200, 50)):
            along_the_paper(cb, ls, cols, rows)
        shutil.rmtree(tmp, ignore_errors=True)
        return

    print("== bytes per action (median of up to %d from the top), casebook / less" % a.repeat)
    for cols, rows in ((80, 24), (200, 50)):
        c = bytes_per_action(cb, cols, rows, a.repeat)
        l = bytes_per_action(ls, cols, rows, a.repeat)
        print(f"{cols}x{rows}: idle {c['idle']} / {l['idle']}")
        for act, less_act in (("line", "line"), ("passage", "page"), ("page", "page")):
            # The same number of actions from the top for both.
            n = min(len(c[act]), len(l[less_act]))
            cm, lm = statistics.median(c[act][:n]), statistics.median(l[less_act][:n])
            print(f"  {act:8} {cm:8.0f} / {lm:6.0f} {less_act:5} = {cm / lm:.2f}x  (median of {n})")

    print("== first frame, median of %d runs (ms), and peak RSS (KB)" % a.runs)
    scroll = [b" "] * 5 + [b"\x05"] * 5
    cases = [("bundled", cb, ls, os.path.getsize(md))]
    if not a.quick:
        big = os.path.join(tmp, "big")
        size = synthetic(os.path.join(ROOT, "corpus/dalian"), big, a.big_mb)
        big_md = os.path.join(tmp, "big.md")
        with open(big_md, "w") as f:
            subprocess.run([a.bin, "--corpus", big, "export", "--format", "markdown"],
                           stdout=f, check=True)
        bcb, bls = subjects(a.bin, big, big_md, tmp, title)
        cases.append((f"{size / 1e6:.1f} MB", bcb, bls, size))
    for name, c, l, size in cases:
        (tc, full), (tl, _) = first_frames([c, l], 80, 24, a.runs)
        rc, rl = peak_rss_kb(c, 80, 24, scroll), peak_rss_kb(l, 80, 24, scroll)
        print(f"{name}: first frame {tc:.1f} / {tl:.1f} ms = {tc / tl:.2f}x"
              f" (complete with links {full:.1f} ms = {full / tl:.2f}x);"
              f" RSS {rc} / {rl} KB = {rc / rl:.2f}x;"
              f" RSS vs 2*size+10MB = {rc * 1024 / (2 * size + 10e6):.2f}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
