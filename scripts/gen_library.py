#!/usr/bin/env python3
"""Writes a library of generated case studies made from real text, for the
library benchmarks: `gen_library.py OUT [--count 1000] [--size 100000] PDF_OR_DIR...`.

Every PDF found is turned into text with pdftotext and cut into paragraphs;
case study i takes about SIZE bytes of paragraphs drawn from the whole pool
(seeded by i, so runs are reproducible), in sections of eight paragraphs. Its
entities.toml lists the capitalised multi-word names its text repeats, with
ids derived from the name, so that the same firm or journal in two case
studies has the same id, as in a real library."""

import argparse
import pathlib
import random
import re
import subprocess
import sys

NAME = re.compile(r"\b(?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+\b")
SPECIAL = re.compile(r"([\\`*_\[\]<>#|~{}!])")


def pdfs(paths):
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            yield from sorted(p.rglob("*.pdf"))
        elif p.suffix == ".pdf":
            yield p


def paragraphs(pdf):
    try:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, timeout=120).stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return []
    out = []
    for block in re.split(r"\n\s*\n", text):
        words = block.split()
        if len(words) >= 25:
            out.append(SPECIAL.sub(r"\\\1", " ".join(words)))
    return out


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--size", type=int, default=100_000)
    args = ap.parse_args()
    pool, files = [], 0
    for pdf in pdfs(args.sources):
        pool.extend(paragraphs(pdf))
        files += 1
    if not pool:
        sys.exit("no text found")
    print(f"{files} PDFs, {len(pool)} paragraphs, "
          f"{sum(map(len, pool)) / 1e6:.1f} MB of text", file=sys.stderr)
    out = pathlib.Path(args.out)
    for i in range(args.count):
        rng = random.Random(i)
        start = rng.randrange(len(pool))
        body, size, section = [], 0, 0
        k = start
        while size < args.size:
            if len(body) % 9 == 0:
                section += 1
                body.append(f"# {section}. Part {section}")
            para = pool[k % len(pool)]
            body.append(para)
            size += len(para)
            k += rng.choice((1, 1, 1, 7, 31))
        text = "\n\n".join(body) + "\n"
        counts = {}
        for m in NAME.finditer(text):
            counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        names = sorted((n for n, c in counts.items() if c >= 3), key=lambda n: -counts[n])[:40]
        case = out / f"case-{i:04d}"
        case.mkdir(parents=True, exist_ok=True)
        title = pool[start].split(" ")[:8]
        (case / "meta.toml").write_text(
            f'id = "case-{i:04d}"\ntitle = "{" ".join(title).replace(chr(92), "").replace(chr(34), "")}"\n'
            f'authors = ["Generated {i}"]\nyear = {1990 + i % 35}\n')
        (case / "paper.md").write_text(text)
        seen, entities = set(), []
        for n in names:
            eid = slug(n)
            if eid and eid not in seen:
                seen.add(eid)
                entities.append(f'[[entity]]\nid = "{eid}"\nkind = "organisation"\nname = "{n}"\n')
        (case / "entities.toml").write_text("\n".join(entities))
    print(f"wrote {args.count} case studies to {out}", file=sys.stderr)


main()
