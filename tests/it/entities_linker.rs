use crate::support::entities as entities_support;

use casebook::entities::{link, Linker, Place};
use casebook::model::{Document, PassageKind};
use entities_support::{bundled, doc, passage};

/// (entity id, matched text) of every mention in `text`.
fn mentions(text: &str) -> Vec<(String, String)> {
    let cat = bundled();
    let linker = Linker::new(&cat);
    linker
        .find(text)
        .into_iter()
        .map(|f| (cat.entities[f.entity].id.clone(), text[f.span].to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|&(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_longest_name_wins_over_names_inside_it() {
    let got = mentions(
        "Investors were NEC Soft and NEC Informatec Systems, not NEC. The Neusoft Institute of \
         Information sits in Dalian Software Park; Dalian University of Technology is in Dalian. \
         Mayor Bo proposed the \"Construction of Dalian Software Park and Development of \
         Information Industry\" plan.",
    );
    let want = pairs(&[
        ("nec-soft", "NEC Soft"),
        ("nec-informatec", "NEC Informatec Systems"),
        ("nec", "NEC"),
        ("neusoft-institute", "Neusoft Institute of Information"),
        ("dlsp", "Dalian Software Park"),
        (
            "dalian-university-of-technology",
            "Dalian University of Technology",
        ),
        ("dalian", "Dalian"),
        ("bo-xilai", "Mayor Bo"),
        (
            "dlsp-plan",
            "Construction of Dalian Software Park and Development of Information Industry",
        ),
    ]);
    assert_eq!(got, want);
}

#[test]
fn acronyms_need_exact_case_and_whole_words() {
    let got = mentions(
        "It was necessary for the general manager of Ge and nec to meet NEC, GE, DHC and dlsp.",
    );
    assert_eq!(got, pairs(&[("nec", "NEC"), ("ge", "GE"), ("dhc", "DHC")]));
    assert!(mentions("NECs, GEs and DHCs").is_empty());
}

#[test]
fn possessives_and_typographic_apostrophes_end_a_name() {
    let got = mentions("Neusoft's history, DLSP’s drive and Dalian's exports");
    assert_eq!(
        got,
        pairs(&[
            ("neusoft", "Neusoft"),
            ("dlsp", "DLSP"),
            ("dalian", "Dalian")
        ])
    );
}

#[test]
fn aliases_former_names_and_titles() {
    let got = mentions(
        "then-Mayor Bo Xilai; Mayor Bo; Dalian Maritime College (currently Dalian Maritime University); \
         HiSoft Technology International Limited (hiSoft); Alpine Electronics, Inc. and Alpine; \
         President Sun learned; High-Tech Zone and the Dalian High-Tech Industrial Zone; \
         members of the Information Center.",
    );
    let want = pairs(&[
        ("bo-xilai", "Mayor Bo Xilai"),
        ("bo-xilai", "Mayor Bo"),
        ("dalian-maritime-university", "Dalian Maritime College"),
        ("dalian-maritime-university", "Dalian Maritime University"),
        ("hisoft", "HiSoft Technology International Limited"),
        ("hisoft", "hiSoft"),
        ("alpine", "Alpine Electronics, Inc."),
        ("alpine", "Alpine"),
        ("sun-yinhuan", "President Sun"),
        ("dalian-high-tech-zone", "High-Tech Zone"),
        ("dalian-high-tech-zone", "Dalian High-Tech Industrial Zone"),
        ("dalian-information-center", "Information Center"),
    ]);
    assert_eq!(got, want);
}

#[test]
fn surnames_and_citations_are_not_people() {
    // "Sun" alone, "Li" and the author-year citation of Gao Lihua's book name nobody.
    let got =
        mentions("The Sun rose. Li 2010 and Gao 2008 agree, as Gao Lihua and Li Yuanming said.");
    assert_eq!(
        got,
        pairs(&[("gao-lihua", "Gao Lihua"), ("li-yuanming", "Li Yuanming")])
    );
}

#[test]
fn mentions_are_found_in_captions_and_footnotes_with_indexes_both_ways() {
    let mut d = doc(
        &["Neusoft chose Dalian.", "Nothing here."],
        &[("4", "Based on interviews with Liu Jiren of Neusoft.", 0)],
        Vec::new(),
    );
    d.passages.push(passage(
        "fig2",
        PassageKind::Caption,
        "Figure 2: Growth in Dalian and Shenyang",
    ));
    let d = Document::new(d.sections, d.passages, d.footnotes, d.references);
    let cat = bundled();
    let links = link(&d, &cat);
    let id = |m: usize| cat.entities[links.entity_of(m)].id.as_str();

    let neusoft = cat.index("neusoft").unwrap();
    let places: Vec<Place> = links
        .mentions_of(neusoft)
        .map(|m| links.place_of(m))
        .collect();
    assert_eq!(places, [Place::Passage(0), Place::Footnote(0)]);
    assert!(links.mentions_in(Place::Passage(1)).is_empty());
    let caption: Vec<&str> = links.mentions_in(Place::Passage(2)).map(&id).collect();
    assert_eq!(caption, ["dalian", "shenyang"]);
    let footnote: Vec<&str> = links.mentions_in(Place::Footnote(0)).map(&id).collect();
    assert_eq!(footnote, ["liu-jiren", "neusoft"]);
    assert_eq!(Place::Footnote(0).linked(&d), [Place::Passage(0)]);
    assert_eq!(Place::Passage(0).linked(&d), [Place::Footnote(0)]);

    // Neusoft shares the first passage with Dalian and the footnote with Liu Jiren.
    let co: Vec<(&str, usize)> = links
        .co_mentions(neusoft)
        .into_iter()
        .map(|(e, n)| (cat.entities[e].id.as_str(), n))
        .collect();
    assert_eq!(co, [("dalian", 1), ("liu-jiren", 1)]);
}

#[test]
fn spans_are_byte_ranges_on_char_boundaries_after_non_ascii_text() {
    let text = "Xiàgăng in Dàlián, then the Green Card (Lùka) project in Dalian";
    let cat = bundled();
    let found = Linker::new(&cat).find(text);
    let got: Vec<&str> = found.iter().map(|f| &text[f.span.clone()]).collect();
    assert_eq!(got, ["Green Card", "Lùka", "Dalian"]);
}

mod arbitrary_text {
    use super::*;
    use casebook::entities::citations::{self, Resolver};
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("NEC".to_string()),
            Just("Neusoft's".to_string()),
            Just("Dalian Software Park".to_string()),
            Just("dalian".to_string()),
            Just("Gao (2008".to_string()),
            Just("(Li 2009, pp. 82, ".to_string()),
            Just("2010a)".to_string()),
            Just("Dàlián ".to_string()),
            "[a-zA-Z0-9 ,.()'’ĂàǔŁ³-]{0,12}",
        ]
    }

    fn shared() -> &'static (casebook::entities::Catalog, Linker) {
        static SHARED: std::sync::OnceLock<(casebook::entities::Catalog, Linker)> =
            std::sync::OnceLock::new();
        SHARED.get_or_init(|| {
            let cat = bundled();
            let linker = Linker::new(&cat);
            (cat, linker)
        })
    }

    proptest! {
        #[test]
        fn mentions_are_whole_names_and_nothing_panics(parts in proptest::collection::vec(piece(), 0..12)) {
            let text: String = parts.concat();
            let (cat, linker) = shared();
            let found = linker.find(&text);
            let mut end = 0;
            for f in &found {
                prop_assert!(f.span.start >= end);
                end = f.span.end;
                let matched = &text[f.span.clone()];
                prop_assert!(cat.entities[f.entity].names().any(|n| n.eq_ignore_ascii_case(matched)));
                let before = text[..f.span.start].chars().next_back();
                let after = text[f.span.end..].chars().next();
                prop_assert!(!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric));
            }
            for c in citations::find(&text, &Resolver::new(&[])) {
                prop_assert!(text.get(c.span.clone()).is_some());
            }
        }
    }
}
