//! PDF import on a small PDF written here: title block, running heads and
//! page numbers, numbered headings, paragraphs, a footnote with its raised
//! marker, a code block and a hanging-indent reference list.

use std::fmt::Write;
use std::path::Path;

use casebook::corpus::parse_paper;
use casebook::import::pdf;
use casebook::model::PassageKind;

/// A line of text: font (1 regular, 2 bold, 3 typewriter), size, x, y from the page bottom.
type Text<'a> = (u8, f32, f32, f32, &'a str);

/// A PDF with the standard Helvetica, Helvetica-Bold and Courier fonts.
fn pdf_of(pages: &[Vec<Text>]) -> Vec<u8> {
    let mut objs: Vec<String> = Vec::new();
    let n = pages.len();
    // 1 catalog, 2 pages, 3-5 fonts, then (page, content) pairs.
    objs.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 6 + 2 * i)).collect();
    objs.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    for base in ["Helvetica", "Helvetica-Bold", "Courier"] {
        objs.push(format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>"
        ));
    }
    for (i, texts) in pages.iter().enumerate() {
        let mut content = String::new();
        for (font, size, x, y, t) in texts {
            let esc = |t: &str| {
                t.replace('\\', "\\\\")
                    .replace('(', "\\(")
                    .replace(')', "\\)")
            };
            // `word^1 more`: the 1 raised and smaller, as a footnote marker is set.
            let mut ops = format!("BT /F{font} {size} Tf {x} {y} Td ");
            for (k, part) in t.split('^').enumerate() {
                if k == 0 {
                    let _ = write!(ops, "({}) Tj ", esc(part));
                    continue;
                }
                let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
                let rest = &part[digits.len()..];
                let small = size * 0.6;
                let rise = size * 0.35;
                let _ = write!(
                    ops,
                    "/F{font} {small} Tf {rise} Ts ({digits}) Tj 0 Ts /F{font} {size} Tf ({}) Tj ",
                    esc(rest)
                );
            }
            let _ = writeln!(content, "{ops}ET");
        }
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> >>",
            7 + 2 * i
        ));
        objs.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{o}\nendobj\n", i + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1);
    for off in offsets {
        let _ = writeln!(out, "{off:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objs.len() + 1
    );
    out.into_bytes()
}

/// Body lines from `y` down, 12 points apart; a leading `>` indents the first line.
fn body<'a>(lines: &[&'a str], y: f32) -> Vec<Text<'a>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (x, t) = match l.strip_prefix('>') {
                Some(rest) => (87.0, rest),
                None => (72.0, *l),
            };
            (1, 10.0, x, y - 12.0 * i as f32, t)
        })
        .collect()
}

fn paper() -> Vec<u8> {
    let mut p1: Vec<Text> = vec![
        (2, 18.0, 150.0, 720.0, "Harbour Cranes and Their Operators"),
        (1, 12.0, 200.0, 695.0, "Ann Smith and Bo Chen"),
        (1, 10.0, 250.0, 678.0, "March 2019"),
        (2, 12.0, 72.0, 640.0, "1. Introduction"),
    ];
    p1.extend(body(
        &[
            ">Ports grew quickly after the war and the cranes that serve the ships",
            "grew with them. This paper follows the operators who work the largest",
            "cranes of the harbour, and the training they receive before they start.",
            ">A second paragraph starts here, set off by its indented first line, and",
            "it goes on to say that the operators were interviewed twice.^1",
        ],
        615.0,
    ));
    p1.push((
        1,
        8.0,
        72.0,
        90.0,
        "^1 The interviews took place in 2017 and 2018.",
    ));
    p1.push((1, 9.0, 300.0, 40.0, "1"));
    let mut p2: Vec<Text> = vec![
        (1, 9.0, 72.0, 760.0, "Smith and Chen"),
        (2, 12.0, 72.0, 720.0, "2. Method"),
    ];
    p2.extend(body(
        &[
            ">Each operator answered the same questions about the work of the day",
            "and about the training; the answers were written down on the spot.",
        ],
        695.0,
    ));
    p2.push((3, 9.0, 90.0, 650.0, "answers <- read.csv(\"answers.csv\")"));
    p2.push((3, 9.0, 90.0, 639.0, "summary(answers)"));
    p2.extend(body(
        &[">The summary above shows how often each answer was given by them."],
        615.0,
    ));
    p2.push((1, 9.0, 300.0, 40.0, "2"));
    let mut p3: Vec<Text> = vec![
        (1, 9.0, 72.0, 760.0, "Smith and Chen"),
        (2, 12.0, 72.0, 720.0, "References"),
    ];
    p3.extend([
        (
            1,
            10.0,
            72.0,
            695.0,
            "Brown A (2001). Cranes of the North Sea. Harbour Press,",
        ),
        (1, 10.0, 87.0, 683.0, "Aberdeen."),
        (
            1,
            10.0,
            72.0,
            671.0,
            "Green B, White C (2010). The Work of Operators. Journal",
        ),
        (1, 10.0, 87.0, 659.0, "of Ports, 4(2), 1-20."),
    ]);
    p3.push((1, 9.0, 300.0, 40.0, "3"));
    pdf_of(&[p1, p2, p3])
}

#[test]
fn a_pdf_becomes_headings_paragraphs_footnotes_code_and_references_with_pages() {
    let imported = pdf::import(paper(), Path::new("p.pdf"), "p", &mut |_, _| {}).unwrap();
    let doc = &imported.doc;
    let headings: Vec<String> = doc.sections.iter().map(|s| s.heading()).collect();
    assert_eq!(headings, ["1. Introduction", "2. Method", "References"]);
    assert_eq!(imported.meta.title, "Harbour Cranes and Their Operators");
    assert_eq!(imported.meta.authors, ["Ann Smith", "Bo Chen"]);
    assert_eq!(imported.meta.year, Some(2019));
    let texts: Vec<&str> = doc.passages.iter().map(|p| p.text.as_str()).collect();
    assert!(
        texts[0].starts_with("Ports grew") && texts[0].ends_with("before they start."),
        "{texts:#?}"
    );
    assert!(texts[1].starts_with("A second paragraph"), "{texts:#?}");
    // Running heads and page numbers are gone.
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("Smith and Chen") || t.trim() == "2"),
        "{texts:#?}"
    );
    // The footnote, linked from its raised marker.
    assert_eq!(
        doc.footnotes.len(),
        1,
        "{texts:#?} {:#?}",
        imported.warnings
    );
    assert!(doc.footnotes[0].text.starts_with("The interviews"));
    assert_eq!(doc.footnotes[0].passages, [1]);
    // Code on its own.
    let code: Vec<&str> = doc
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Code)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(code.len(), 1, "{texts:#?}");
    assert!(code[0].contains("read.csv") && code[0].contains("summary(answers)"));
    assert_eq!(doc.references.len(), 2);
    assert!(doc.references[0].text.ends_with("Aberdeen."));
    // Pages: recorded, written and read back.
    assert_eq!(doc.page(0), Some("1"));
    let last = doc.passages.len() - 1;
    assert_eq!(doc.page(last), Some("2"));
    let md = imported.paper_md();
    assert!(md.contains("page=2 -->"), "{md}");
    let (back, diags) = parse_paper(Path::new("paper.md"), &md);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    assert_eq!(back.page(last), Some("2"));
    assert_eq!(back.pages.len(), back.passages.len());
}

#[test]
fn broken_or_textless_pdfs_are_errors_not_panics() {
    let empty = pdf_of(&[vec![]]);
    assert!(pdf::import(empty, Path::new("e.pdf"), "e", &mut |_, _| {}).is_err());
    let mut cut = paper();
    cut.truncate(cut.len() / 2);
    let _ = pdf::import(cut, Path::new("c.pdf"), "c", &mut |_, _| {});
    assert!(pdf::import(
        b"%PDF-1.4 nonsense".to_vec(),
        Path::new("n.pdf"),
        "n",
        &mut |_, _| {}
    )
    .is_err());
}

#[test]
fn text_without_pages_records_none() {
    let imported = casebook::import::import(
        "Title Here\n\n1. One\n\nSome text here.\n",
        Path::new("t.txt"),
        "t",
    );
    assert!(imported.doc.pages.is_empty());
    assert!(!imported.paper_md().contains("page="));
}
