//! A small synthetic paper for the charts tests.
#![allow(dead_code)]

use casebook::model::{Document, Passage, PassageKind, Section};
use casebook::ui::charts::EntityCounts;

fn section(
    id: &str,
    number: &str,
    title: &str,
    parent: Option<usize>,
    passages: std::ops::Range<usize>,
) -> Section {
    Section {
        id: id.into(),
        number: Some(number.into()),
        title: title.into(),
        level: if parent.is_some() { 2 } else { 1 },
        parent,
        passages,
        line: 1,
    }
}

pub const TEXTS: [(&str, usize, &str); 7] = [
    (
        "p1.1",
        0,
        "Founded in 1992 (Gao 2008, p. 19), the firm grew in the 1990s.",
    ),
    (
        "p1.2",
        0,
        "From 1991 to 1996 it had 1,100 employees; see pp. 1998-2001 and 27–1 Kawauchi.",
    ),
    ("p2-1.1", 2, "In 1998 sales were over 200 million yuan."),
    (
        "p2-1.2",
        2,
        "By 2009, sales exceeded 40.27 billion yuan and 1998 was long past.",
    ),
    (
        "p2-1.3",
        2,
        "Saxenian (2004, 2006) disagrees with Habuchi (2010).",
    ),
    (
        "p3.1",
        3,
        "In 2010 the Zone sold 50.6 billion yuan, and in 2010 DLSP 28 billion yuan.",
    ),
    ("p3.2", 3, "The 2009(2011) edition reports 3,400 employees."),
];

pub fn paper() -> Document {
    let sections = vec![
        section("s1", "1.", "Introduction", None, 0..2),
        section("s2", "2.", "History", None, 2..5),
        section("s2-1", "(1)", "Early Years", Some(1), 2..5),
        section("s3", "3.", "Figures", None, 5..7),
    ];
    let passages = TEXTS
        .iter()
        .enumerate()
        .map(|(i, &(id, section, text))| Passage {
            id: id.into(),
            section,
            kind: PassageKind::Paragraph,
            text: text.into(),
            footnote_refs: Vec::new(),
            emphasis: Vec::new(),
            line: i * 2 + 1,
        })
        .collect();
    Document::new(sections, passages, Vec::new(), Vec::new())
}

pub const SERIES: &str = r#"
[[series]]
id = "sales"
title = "Sales"
unit = "billion yuan"
kind = "time"
points = [
  { x = "1998", value = 0.2, qualifier = "over", passage = "p2-1.1", quote = "over 200 million yuan" },
  { x = "2009", value = 40.27, qualifier = "over", passage = "p2-1.2", quote = "exceeded 40.27 billion yuan" },
  { x = "2010", value = 50.6, passage = "p3.1", quote = "50.6 billion yuan" },
]

[[series]]
id = "zone"
title = "Sales in 2010"
unit = "billion yuan"
kind = "comparison"
points = [
  { x = "Zone", value = 50.6, passage = "p3.1", quote = "50.6 billion yuan" },
  { x = "DLSP", value = 28, passage = "p3.1", quote = "28 billion yuan" },
]
"#;

pub fn entities() -> Vec<EntityCounts> {
    [
        ("DLSP", vec![0, 1, 2]),
        (
            "Dalian Software Park and its many neighbours",
            vec![1, 0, 0],
        ),
        ("Gao Lihua", vec![2, 3, 1]),
    ]
    .into_iter()
    .map(|(name, passages)| EntityCounts {
        name: name.into(),
        mentions: passages.iter().sum::<u32>() as usize,
        passages,
    })
    .collect()
}
