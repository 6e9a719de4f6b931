#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds cut from the bundled case study
# (corpus/dalian), the hostile fixtures, the key map presets and, when
# scripts/devset.sh has fetched them, real PDFs and their pdftotext output.
set -euo pipefail
cd "$(dirname "$0")"
root=..
dalian=$root/corpus/dalian
hostile=$root/tests/fixtures/hostile
mkdir -p corpus
seed() { mkdir -p "corpus/$1"; cp "$2" "corpus/$1/$(basename "$(dirname "$2")")-$(basename "$2")"; }
# Whole files are large; 4 KiB pieces (cut at line ends) mutate faster.
pieces() { mkdir -p "corpus/$1"; split -C 4096 -d -a 3 "$2" "corpus/$1/$(basename "$2")."; }
pieces paper "$dalian/paper.md"
seed paper "$hostile/corpus/paper.md"
seed paper "$hostile/wide/paper.md"
if [ -f "${CASEBOOK_IMPORT_SEED:-}" ]; then pieces import "$CASEBOOK_IMPORT_SEED"; fi
pieces import "$dalian/paper.md"
# Real papers: the development set (scripts/devset.sh) as PDFs, and its
# pdftotext output (default and -layout) as text, where pdftotext exists.
devset=${CASEBOOK_DEVSET:-/tmp/casebook-devset}
if ls "$devset"/*.pdf >/dev/null 2>&1; then
  mkdir -p corpus/import_pdf
  for f in "$devset"/*.pdf "$devset"/heldout/*.pdf; do
    n=$(basename "$f" .pdf)
    # Small files mutate faster; the short ones go in whole.
    [ "$(stat -c %s "$f")" -le 400000 ] && cp "$f" "corpus/import_pdf/$n.pdf"
    if command -v pdftotext >/dev/null; then
      pdftotext "$f" "/tmp/seed-$n.txt" && pieces import "/tmp/seed-$n.txt"
      pdftotext -layout "$f" "/tmp/seed-$n-layout.txt" && pieces import "/tmp/seed-$n-layout.txt"
    fi
  done
fi
# Typographic punctuation, CJK, ligatures and symbols as extracted text has them.
cat > corpus/import/typographic.txt <<'TEXT'
Henderson’s “Harbour Towns” — a study∗†
Lǐ Wěi¹, 张伟², Zoë Ångström‡

1

Introduction

The ﬁrst ﬂoor’s eﬃciency rose 12–15% (Gao 2008, pp. 32–33; Gao et al., 2009a).
In 大连软件园 (Dalian Software Park) the ﬁrms [3, 15] and [36–38] grew… ¶ § ©
2 Foot note text at the page foot with ½ and ≥ 3.

References
[1] 张伟. 2008. 大连的软件产业. 经济研究 44(2), 1–20.
[2] Henderson’s, J. (2009). “Ports,” Journal 7:1–9.
TEXT
seed meta "$dalian/meta.toml"
seed meta "$hostile/corpus/meta.toml"
pieces entities "$dalian/entities.toml"
seed entities "$hostile/corpus/entities.toml"
pieces series "$dalian/series.toml"
seed series "$hostile/corpus/series.toml"
for f in "$root"/keymaps/*.toml "$hostile"/keymap*.toml; do seed keymap "$f"; done
seed notes "$hostile/notes.json"
# Anchor input: a passage-choice byte, then quote|prefix|suffix from the paper.
mkdir -p corpus/anchor
grep -v '^<!--\|^#\|^$' "$dalian/paper.md" | head -40 | awk '{
  n = length($0); q = substr($0, int(n/3), 40); p = substr($0, int(n/3) - 20, 20); s = substr($0, int(n/3) + 40, 20);
  printf "%c%s|%s|%s", NR, q, p, s > ("corpus/anchor/p" NR)
}'
ls corpus | while read -r t; do echo "$t: $(ls "corpus/$t" | wc -l) seeds"; done
