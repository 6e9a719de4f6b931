//! Each kind of damage that page breaks, footnote blocks and figures do to
//! extracted text, on small synthetic texts.

use std::path::Path;

use casebook::import::{import, Imported};
use casebook::model::PassageKind;

fn run(text: &str) -> Imported {
    import(text, Path::new("in.txt"), "t")
}

fn texts(imported: &Imported) -> Vec<(PassageKind, String)> {
    imported
        .doc
        .passages
        .iter()
        .map(|p| (p.kind, p.text.clone()))
        .collect()
}

fn para(s: &str) -> (PassageKind, String) {
    (PassageKind::Paragraph, s.to_string())
}

const HEAD: &str = "A Study of Quays\n\nAnna Berg and Ole Dahl\n\n2020\n\n1. Introduction\n\n";

#[test]
fn paragraph_split_by_a_blank_page_gap_is_rejoined() {
    let got = run(&format!("{HEAD}The study does not reflect the\n\ncharacteristics of the north.\n\nA second paragraph.\n"));
    assert_eq!(
        texts(&got),
        [
            para("The study does not reflect the characteristics of the north."),
            para("A second paragraph.")
        ]
    );
}

#[test]
fn paragraph_split_by_a_footnote_block_is_rejoined_and_the_footnote_pulled_out() {
    let text = format!("{HEAD}The northern region² mattered. In comparison to coastal areas\n\n² Three provinces.\n\nin the south, the region fell behind.\n");
    let got = run(&text);
    assert_eq!(texts(&got), [para("The northern region² mattered. In comparison to coastal areas in the south, the region fell behind.")]);
    let f = &got.doc.footnotes[0];
    assert_eq!(
        (f.label.as_str(), f.text.as_str(), f.passages.as_slice()),
        ("2", "Three provinces.", &[0][..])
    );
}

#[test]
fn continuation_starting_with_a_capital_is_rejoined_after_a_mid_sentence_end() {
    let text = format!("{HEAD}They started with five employees, including\n\n⁵ About the policy.\n\nPresident Liu Jun, and grew.⁵\n");
    let got = run(&text);
    assert_eq!(
        texts(&got),
        [para(
            "They started with five employees, including President Liu Jun, and grew.⁵"
        )]
    );
}

#[test]
fn paragraph_split_by_a_figure_is_rejoined_and_the_figure_kept_after_it() {
    let text = format!("{HEAD}Growth was slower than in the\n\nFigure 2: Growth by city\n\nSource: Yearbook.\n\nsouthern cities.\n");
    let got = run(&text);
    assert_eq!(
        texts(&got),
        [
            para("Growth was slower than in the southern cities."),
            (
                PassageKind::Figure,
                "Figure 2: Growth by city\nSource: Yearbook.".into()
            ),
        ]
    );
}

#[test]
fn hyphenated_word_across_a_form_feed_with_running_head_and_page_number() {
    let text = "A Study of Quays\n\nAnna Berg\n\n1. Introduction\n\nThe quays were built for the develop-\n\n2\n\u{c}A Study of Quays\n\nment of trade, and trade developed.\n\nMore development came.\n\n3\n\u{c}A Study of Quays\n\nEnd of text.\n";
    let got = run(text);
    assert_eq!(
        texts(&got),
        [
            para("The quays were built for the development of trade, and trade developed."),
            para("More development came."),
            para("End of text.")
        ]
    );
}

#[test]
fn a_complete_paragraph_at_a_page_end_is_not_joined_to_the_next() {
    let got = run(&format!(
        "{HEAD}The first paragraph ends here.\n\u{c}The next one starts here.\n"
    ));
    assert_eq!(got.doc.passages.len(), 2);
}

#[test]
fn source_line_glued_to_a_paragraph_is_split() {
    let body = "Research on the industry is generally conducted under the umbrella of other research; therefore, it lags behind. Studies focus on the capital cities, and the port city is often treated as one example among many.";
    let got = run(&format!(
        "{HEAD}Source: Created by the authors based on data from the Committee (2009). {body}\n"
    ));
    assert_eq!(
        texts(&got),
        [
            (
                PassageKind::Figure,
                "Source: Created by the authors based on data from the Committee (2009).".into()
            ),
            para(body)
        ]
    );
    assert!(
        got.warnings
            .iter()
            .any(|w| w.line == 9 && w.message.contains("without a caption")),
        "{:#?}",
        got.warnings
    );
}

#[test]
fn caption_and_source_on_one_line_are_separated() {
    let got = run(&format!(
        "{HEAD}Figure 2: Comparison of growth Source: Created by the authors.\n"
    ));
    assert_eq!(
        texts(&got),
        [(
            PassageKind::Figure,
            "Figure 2: Comparison of growth\nSource: Created by the authors.".into()
        )]
    );
}

#[test]
fn undecidable_things_become_warnings_with_line_numbers() {
    let text = format!("{HEAD}This paragraph stops in the\n\n2. Next Part\n\nA marker³ without a note.\n\n(7) Out Of Sequence Heading\n");
    let got = run(&text);
    let lines: Vec<(usize, &str)> = got
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 9 && m.contains("mid-sentence")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 13 && m.contains("superscript ³")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|(l, m)| *l == 15 && m.contains("(7)")),
        "{lines:#?}"
    );
    assert!(
        got.warnings[0].to_string().starts_with("in.txt:"),
        "{}",
        got.warnings[0]
    );
}

#[test]
fn an_uncited_footnote_is_kept_as_a_paragraph_with_a_warning() {
    let got = run(&format!(
        "{HEAD}Body text without markers.\n\n⁴ A stray note.\n"
    ));
    assert_eq!(
        texts(&got),
        [para("Body text without markers."), para("A stray note.")]
    );
    assert!(got.doc.footnotes.is_empty());
    assert!(
        got.warnings
            .iter()
            .any(|w| w.line == 11 && w.message.contains("never cited")),
        "{:#?}",
        got.warnings
    );
}

#[test]
fn a_heading_printed_right_above_its_paragraph_is_split_off() {
    let text = "A Study of Quays\n\nAnna Berg\n\nChapter 1\nIntroduction\n\n1.1 Aims\nThe quays of the north coast were built in three waves, each with\nits own builders.\n\n1.2 What the registers record and what they leave out of the\naccount\n\nArrivals.\n";
    let got = run(text);
    let heads: Vec<String> = got.doc.sections.iter().map(|s| s.heading()).collect();
    assert_eq!(
        heads,
        [
            "Chapter 1 Introduction",
            "1.1 Aims",
            "1.2 What the registers record and what they leave out of the account"
        ]
    );
    assert_eq!(
        texts(&got)[0],
        para("The quays of the north coast were built in three waves, each with its own builders.")
    );
}
