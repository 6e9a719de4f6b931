//! Small synthetic documents for the notes tests.
#![allow(dead_code)]

use casebook::model::{Document, Passage, PassageKind, Section};

/// One section per distinct prefix before the dot of each passage id (`s1.2` is in `s1`).
pub fn doc(passages: &[(&str, &str)]) -> Document {
    let mut sections: Vec<Section> = Vec::new();
    let mut out = Vec::new();
    for (i, (id, text)) in passages.iter().enumerate() {
        let sid = id.split('.').next().unwrap_or(id).to_string();
        if sections.last().is_none_or(|s| s.id != sid) {
            sections.push(Section {
                id: sid.clone(),
                number: Some(format!("{}.", sections.len() + 1)),
                title: format!("Section {sid}"),
                level: 1,
                parent: None,
                passages: i..i,
                line: 1,
            });
        }
        let section = sections.len() - 1;
        sections[section].passages.end = i + 1;
        out.push(Passage {
            id: id.to_string(),
            section,
            kind: PassageKind::Paragraph,
            text: text.to_string(),
            footnote_refs: vec![],
            emphasis: vec![],
            line: i + 1,
        });
    }
    Document::new(sections, out, vec![], vec![])
}

pub const P1: &str = "Dalian opened its software park in 1998, after the city government \
    decided to court Japanese outsourcing work.";
pub const P2: &str = "DHC was founded in 1996 as a spin-off of the Dalian Information Center, \
    and it grew with contracts from NEC and Alpine.";
pub const P3: &str = "Hisoft began in a university laboratory and later listed its shares in \
    the United States.";
pub const P4: &str = "By 2010 the industry employed more than eighty thousand people in the city.";

pub fn base() -> Document {
    doc(&[("s1.1", P1), ("s1.2", P2), ("s2.1", P3), ("s2.2", P4)])
}
