//! Loader tests on small hand-written papers.

use std::path::Path;

use super::parse_paper;
use crate::model::PassageKind;

const PAPER: &str =
    "# 1. Intro {#s1}\n\n## (1) Aim\n\n<!-- passage p1-1.1 -->\nLayoffs (*Xiàgăng*) rose.[^1]\n\n\
<!-- passage p1-1.2 caption -->\nFigure 1: Growth\n\n[^1]: See *Gao*.\n\n# References\n\n\
- Li, P. (2008), A.\n- \\---. (2009), B.\n";

#[test]
fn reads_sections_passages_footnotes_and_references() {
    let (doc, diags) = parse_paper(Path::new("paper.md"), PAPER);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    let ids: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.level, s.parent))
        .collect();
    assert_eq!(
        ids,
        [
            ("s1", 1, None),
            ("s1-1", 2, Some(0)),
            ("references", 1, None)
        ]
    );
    let p = &doc.passages[0];
    assert_eq!(p.text, "Layoffs (Xiàgăng) rose.¹");
    assert_eq!(&p.text[p.emphasis[0].clone()], "Xiàgăng");
    assert_eq!(&p.text[p.footnote_refs[0].span.clone()], "¹");
    assert_eq!(doc.passages[1].kind, PassageKind::Caption);
    assert_eq!(doc.footnotes[0].passages, [0]);
    assert_eq!(doc.footnotes[0].text, "See Gao.");
    assert_eq!(doc.references[1].author, "Li, P.");
    assert_eq!(doc.references[1].text, "---. (2009), B.");
    assert_eq!(doc.sections[0].passages, 0..2);
}

#[test]
fn stray_markers_and_definitions_are_errors() {
    let src = "# A\n\n<!-- passage p-a.1 -->\nText[^2] more.\n\n[^3]: Never cited.\n";
    let (_, diags) = parse_paper(Path::new("paper.md"), src);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("paper.md:4:5: error: footnote marker [^2]"),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("paper.md:6:1: error: footnote [^3] is never cited"),
        "{errors:?}"
    );
}

#[test]
fn unclosed_comment_and_duplicate_ids_are_errors() {
    let (_, diags) = parse_paper(
        Path::new("p.md"),
        "# 1. A\n\n# 1. B\n\n<!-- passage x\n\ntext\n",
    );
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2, "{diags:?}");
    assert_eq!(errors[0].line, 3);
    assert_eq!(errors[1].line, 5);
}

/// The bundled paper repeated `copies` times, each copy's ids and footnote
/// labels made its own.
fn long_paper(copies: usize) -> String {
    let paper = include_str!("../../../corpus/dalian/paper.md");
    (0..copies)
        .map(|n| {
            paper
                .replace("<!-- passage ", &format!("<!-- passage c{n}-"))
                .replace("{#", &format!("{{#c{n}-"))
                .replace("[^", &format!("[^c{n}x"))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn a_long_paper_parsed_in_pieces_is_the_paper_parsed_whole() {
    // The first copy's first footnote is defined at the very end, and the
    // last copy has problems to report by line and column.
    let mut src = long_paper(12);
    let def_at = src.find("\n[^c0x1]:").unwrap() + 1;
    let def_end = def_at + src[def_at..].find('\n').unwrap() + 1;
    let def = src[def_at..def_end].to_string();
    src.replace_range(def_at..def_end, "");
    src.push_str(&format!("\n\n{def}"));
    let path = Path::new("paper.md");
    let mut reader = super::pieces::Pieces::new(src.as_bytes(), 0);
    let mut pieces = Vec::new();
    while let Some(piece) = reader.next_piece().unwrap() {
        pieces.push(String::from_utf8(piece.bytes).unwrap());
    }
    assert!(pieces.len() > 1, "the test paper is cut");
    // Some footnote is cited in one piece and defined in a later one.
    assert!(pieces
        .iter()
        .any(|p| !super::pieces::cited_not_defined(p).is_empty()));
    let whole = super::read_in_pieces_from(path, src.as_bytes(), usize::MAX);
    let pieced = super::read_in_pieces_from(path, src.as_bytes(), 0);
    assert_eq!(whole.1, pieced.1);
    assert_eq!(whole.0, pieced.0);
    assert!(!pieced.0.unwrap().footnotes.is_empty());

    // Problems in the last piece are reported as a whole parse reports them
    // (the text of a paper with errors may differ: a marker without a
    // footnote is literal text in a whole parse, a marker in a piece).
    src.push_str("\n\nA stray [^nowhere] marker *here.\n\n<!-- passage late -->\n\n# End\n");
    let whole = super::read_in_pieces_from(path, src.as_bytes(), usize::MAX);
    let pieced = super::read_in_pieces_from(path, src.as_bytes(), 0);
    let diags: Vec<String> = pieced.1.iter().map(ToString::to_string).collect();
    let stray = src.lines().position(|l| l.starts_with("A stray")).unwrap() + 1;
    for expected in [
        format!("paper.md:{stray}:9: error: footnote marker [^nowhere]"),
        format!("paper.md:{stray}:27: warning: unmatched '*'"),
        format!("paper.md:{}:1: warning: passage comment late", stray + 2),
    ] {
        assert!(
            diags.iter().any(|d| d.starts_with(&expected)),
            "{expected} in {diags:?}"
        );
    }
    assert_eq!(whole.1, pieced.1);
}

#[test]
fn a_paper_that_is_not_text_is_reported_at_its_line_in_a_later_piece() {
    let mut bytes = long_paper(3).into_bytes();
    let lines = bytes.iter().filter(|&&b| b == b'\n').count();
    bytes.extend_from_slice(b"\n\nfine\nbad \xff byte\n");
    let (doc, diags) = super::read_in_pieces_from(Path::new("paper.md"), &bytes[..], 0);
    assert!(doc.is_none());
    assert_eq!(diags.len(), 1);
    assert_eq!(
        (diags[0].line, diags[0].col),
        (lines + 4, 5),
        "{}",
        diags[0]
    );
    assert!(diags[0].message.contains("invalid UTF-8"), "{}", diags[0]);
}
