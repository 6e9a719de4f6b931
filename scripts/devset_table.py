#!/usr/bin/env python3
"""The import development-set table: every PDF of scripts/devset.sh imported
and compared with its hand-made truth in tests/devset/<name>.toml.

    scripts/devset.sh && scripts/devset_table.py [--bin PATH] [--dir DIR] [--set heldout]

A truth file with `style = "numeric"` counts `[12]` citations, otherwise
author-year ones; code and tables are not searched for them.
One command measures the whole development set (R vignettes and TeX Live
classes); `--set heldout` measures the held-out papers (tests/heldout,
DIR/heldout), which no rule was fitted on.

Columns: sections found of the truth's and spurious ones; passages (and how
many are over 3000 characters); footnotes found / truth and linked; reference
entries / truth; citations resolved / found (found by pattern in the passages,
resolved where casebook's export resolves the same text); furniture left (passages that are a
running head or a page number); broken joins (words in the output that
pdftotext never prints, hyphen joins allowed, ligatures spelled out); title, authors found / truth,
year (`-` where the PDF prints none and none was written); time of the import
against pdftotext on the same PDF.
"""
import argparse, json, os, re, subprocess, sys, time, tomllib, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# A month before a year is a date, not a citation (`January 1959`, `Mar 2007`).
MONTH = (r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? (?:19|20)\d\d)")
CITATION = re.compile(r"\b" + MONTH + r"[A-Z][A-Za-z\-]+(?: et al\.| and [A-Z][A-Za-z\-]+|, [A-Z][A-Za-z\-]+,? and [A-Z][A-Za-z\-]+)? \(?(?:19|20)\d\d[a-z]?\b|\[\d+(?:\s*[,–-]\s*\d+)*\]")


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s.lower() if c.isalnum())


def strip_number(t):
    return re.sub(r"^(chapter\s+)?(\(?[0-9A-Z]{1,3}(\.[0-9]{1,3})*\.?\)?)\s+", "", t.strip(), flags=re.I)


def key(t):
    return norm(strip_number(t))


def headings(md):
    # `# Text {#text}` is the untitled section casebook opens for text before
    # the first heading (front matter kept readable), not a heading it found.
    out = []
    for m in re.finditer(r"(?m)^#{1,6} (.*?) \{#([^}]*)\}\s*$", md):
        if (m.group(1), m.group(2)) != ("Text", "text"):
            out.append(m.group(1).replace("\\", ""))
    return out


def passages(md):
    return re.findall(r"(?s)<!-- passage [^>]*-->\n(.*?)(?:\n\n|\Z)", md)


def timed(cmd):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r, time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "casebook"))
    ap.add_argument("--dir", default=os.environ.get("CASEBOOK_DEVSET", "/tmp/casebook-devset"))
    ap.add_argument("--out", default="/tmp/casebook-devset-out")
    ap.add_argument("--set", choices=["devset", "heldout"], default="devset")
    a = ap.parse_args()
    truth_dir = os.path.join(ROOT, "tests", a.set)
    if a.set == "heldout":
        a.dir, a.out = os.path.join(a.dir, "heldout"), os.path.join(a.out, "heldout")
    truths = sorted(f for f in os.listdir(truth_dir) if f.endswith(".toml")) if os.path.isdir(truth_dir) else []
    if not truths:
        print(f"no papers in {os.path.relpath(truth_dir, ROOT)}: write truth files there and add the papers to scripts/devset.sh")
        return
    rows, tot = [], {}
    def add(k, v):
        tot[k] = tot.get(k, 0) + v
    for f in truths:
        name = f[:-5]
        truth = tomllib.load(open(os.path.join(truth_dir, f), "rb"))
        pdf = os.path.join(a.dir, name + ".pdf")
        out = os.path.join(a.out, name)
        subprocess.run(["rm", "-rf", out])
        r, t_imp = timed([a.bin, "import", pdf, "--out", out])
        _, t_pt = timed(["pdftotext", pdf, "/dev/null"])
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
        if r.returncode != 0:
            rows.append([name, f"exit {r.returncode}: {r.stderr.strip()[:60]}"])
            add("crash", 1)
            continue
        md = open(os.path.join(out, "paper.md")).read()
        meta = tomllib.load(open(os.path.join(out, "meta.toml"), "rb"))
        got = headings(md)
        want = truth["headings"]
        gk = [key(h) for h in got]
        wk = [key(h) for h in want]
        found = sum(1 for k in wk if k in gk)
        spurious = sum(1 for k in gk if k not in wk)
        ps = passages(md)
        long_ = sum(1 for p in ps if len(p) > 3000)
        defs = re.findall(r"(?m)^\[\^([^\]]+)\]:", md)
        cited = set(re.findall(r"\[\^([^\]]+)\](?!:)", "\n".join(ps)))
        refs = len(re.findall(r"(?m)^- ", md))
        body = "\n".join(ps)
        # A citation the pattern finds counts as resolved when casebook's own
        # export has a citation with a reference over the same text.
        exported = json.loads(subprocess.run([a.bin, "--corpus", out, "export", "--format", "json"], capture_output=True, text=True).stdout or "{}")
        spans = {}
        for c in exported.get("citations", []):
            if c.get("reference") and c.get("passage"):
                spans.setdefault(c["passage"], []).append(c["text"])
        cites, resolved = 0, 0
        numeric = truth.get("style") == "numeric"
        for p in exported.get("passages", []):
            if p["kind"] in ("code", "table"):
                continue
            hits = [(m.start(), m.end()) for t in spans.get(p["id"], []) for m in re.finditer(re.escape(t), p["text"])]
            for m in CITATION.finditer(p["text"]):
                if m.group(0).startswith("[") != numeric:
                    continue
                cites += 1
                resolved += any(s < m.end() and m.start() < e for s, e in hits)
        furn = [norm(x) for x in truth.get("furniture", [])]
        furniture = sum(1 for p in ps if norm(re.sub(r"\d+", "", p)) in furn or re.fullmatch(r"\s*\d{1,4}\s*", p))
        # NFKC: pdftotext keeps ligature characters (U+FB01 "ﬁ"), the import spells them out.
        pt = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout)
        # pdftotext leaves TeX's accented i as a dotless i and a combining accent
        # (`artı́culo`); the import composes it (`artículo`).
        pt = unicodedata.normalize("NFC", re.sub("ı(?=[\u0300-\u036f])", "i", pt))
        ptv = set(w.lower() for w in re.findall(r"[^\W\d_]+", pt))
        joined = set(m.group(1).lower() + m.group(2).lower() for m in re.finditer(r"([^\W\d_]+)-\n([^\W\d_]+)", pt))
        broken = [w for w in re.findall(r"[^\W\d_]{3,}", body) if w.lower() not in ptv and w.lower() not in joined]
        title_ok = norm(meta.get("title", "")) == norm(truth["title"])
        ga = [norm(x) for x in meta.get("authors", [])]
        au = sum(1 for x in truth["authors"] if norm(x) in ga)
        want_year = truth.get("year")
        year = meta.get("year")
        year_ok = year == want_year
        row = [name, f"{found}/{len(want)}", spurious, f"{len(ps)} ({long_})", f"{len(defs)}/{truth['footnotes']} {len(cited)}",
               f"{refs}/{truth['references']}", f"{resolved}/{cites}", furniture, len(broken),
               "y" if title_ok else "n", f"{au}/{len(truth['authors'])}", ("y" if year_ok else "n") + ("" if want_year else "-"),
               f"{t_imp*1000/pages:.0f}/{t_pt*1000/pages:.0f}"]
        rows.append(row)
        for k, v in [("sf", found), ("st", len(want)), ("sp", spurious), ("p", len(ps)), ("fd", len(defs)), ("ft", truth["footnotes"]),
                     ("fl", len(cited)), ("rok", int(refs == truth["references"])), ("rt", 1), ("cr", resolved), ("ct", cites),
                     ("fu", furniture), ("br", len(broken)), ("ti", int(title_ok)), ("au", au), ("at", len(truth["authors"])), ("yo", int(year_ok)),
                     ("n", 1), ("ti_imp", t_imp), ("ti_pt", t_pt)]:
            add(k, v)
    head = ["paper", "sections", "spurious", "passages (>3k)", "footnotes/truth linked", "refs/truth", "cites resolved", "furniture", "broken joins", "title", "authors", "year", "ms/page import/pdftotext"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    if tot.get("n"):
        pct = lambda x, y: f"{100*x/y:.0f}%" if y else "-"
        print(f"| total | {pct(tot['sf'], tot['st'])} | {tot['sp']} | {tot['p']} | {pct(tot['fd'], tot['ft'])} found, {tot['fl']} linked | {tot['rok']}/{tot['rt']} exact | {pct(tot['cr'], tot['ct'])} | {tot['fu']} | {tot['br']} | {tot['ti']}/{tot['n']} | {pct(tot['au'], tot['at'])} | {tot['yo']}/{tot['n']} | {tot['ti_imp']/tot['ti_pt']:.2f}x pdftotext |")
    if tot.get("crash"):
        print(f"{tot['crash']} imports failed")
        sys.exit(1)


if __name__ == "__main__":
    main()
