//! Re-anchoring notes after the text changed.

use crate::support::notes as notes_fixture;

use casebook::model::Document;
use casebook::notes::{Anchor, Anchorer, Target};
use notes_fixture::*;
use proptest::prelude::*;

/// A note on `quote` inside passage `id` of `doc`.
fn target(doc: &Document, id: &str, quote: &str) -> Target {
    let p = doc.passage(id).unwrap();
    let start = p.text.find(quote).unwrap();
    Target::from_span(p, start..start + quote.len())
}

fn place(doc: &Document, t: &Target) -> Anchor {
    Anchorer::new(doc).anchor(t)
}

/// The passage id and text a placed note covers, plus its state.
fn found(doc: &Document, a: &Anchor) -> (String, String, &'static str) {
    match (a.passage(), a.span()) {
        (Some(p), Some(s)) => {
            let p = &doc.passages[p];
            (p.id.clone(), p.text[s].to_string(), a.state())
        }
        _ => (String::new(), String::new(), a.state()),
    }
}

const Q: &str = "founded in 1996 as a spin-off";

#[test]
fn unchanged_text_anchors() {
    let d = base();
    let t = target(&d, "s1.2", Q);
    assert_eq!(
        found(&d, &place(&d, &t)),
        ("s1.2".into(), Q.into(), "anchored")
    );
}

#[test]
fn paragraph_inserted_before_with_stable_ids_stays_anchored() {
    let t = target(&base(), "s1.2", Q);
    let d = doc(&[
        ("s1.0", "A new opening paragraph."),
        ("s1.1", P1),
        ("s1.2", P2),
        ("s2.1", P3),
    ]);
    assert_eq!(
        found(&d, &place(&d, &t)),
        ("s1.2".into(), Q.into(), "anchored")
    );
}

#[test]
fn renumbered_paragraphs_drift_to_the_quote() {
    let t = target(&base(), "s1.2", Q);
    // A paragraph inserted first renumbers derived ids: s1.2 now names P1.
    let d = doc(&[
        ("s1.1", "A new opening paragraph."),
        ("s1.2", P1),
        ("s1.3", P2),
        ("s2.1", P3),
    ]);
    let a = place(&d, &t);
    assert_eq!(found(&d, &a), ("s1.3".into(), Q.into(), "drifted"));
    assert!(matches!(a, Anchor::Drifted { from: Some(ref f), .. } if f == "s1.2"));
}

#[test]
fn deleted_paragraph_orphans_its_note() {
    let t = target(&base(), "s1.2", Q);
    let d = doc(&[("s1.1", P1), ("s2.1", P3), ("s2.2", P4)]);
    assert_eq!(place(&d, &t), Anchor::Orphaned);
}

#[test]
fn deleting_another_paragraph_changes_nothing() {
    let t = target(&base(), "s2.2", "eighty thousand people");
    let d = doc(&[("s1.1", P1), ("s2.2", P4)]);
    assert_eq!(place(&d, &t).state(), "anchored");
}

#[test]
fn typo_fixed_inside_the_quote_drifts_in_place() {
    let t = target(&base(), "s1.2", Q);
    let d = doc(&[
        ("s1.1", P1),
        ("s1.2", &P2.replace("spin-off", "spinoff")),
        ("s2.1", P3),
    ]);
    let (id, text, state) = found(&d, &place(&d, &t));
    assert_eq!((id.as_str(), state), ("s1.2", "drifted"));
    assert_eq!(text, "founded in 1996 as a spinoff");
}

#[test]
fn duplicated_passage_keeps_the_note_on_its_own_id() {
    let t = target(&base(), "s1.2", Q);
    let d = doc(&[("s1.1", P1), ("s1.2b", P2), ("s1.2", P2), ("s2.1", P3)]);
    assert_eq!(
        found(&d, &place(&d, &t)),
        ("s1.2".into(), Q.into(), "anchored")
    );
}

#[test]
fn duplicated_passage_without_the_old_id_is_ambiguous() {
    let t = target(&base(), "s1.2", Q);
    let d = doc(&[("s1.1", P1), ("x.1", P2), ("x.2", P2), ("s2.1", P3)]);
    assert_eq!(place(&d, &t), Anchor::Orphaned);
}

#[test]
fn changed_whitespace_and_line_breaks_stay_anchored() {
    let t = target(&base(), "s1.2", Q);
    let wrapped = P2
        .replace("in 1996 as", "in\n1996   as")
        .replace(", and", ",\n  and");
    let d = doc(&[("s1.1", P1), ("s1.2", &wrapped), ("s2.1", P3)]);
    let (id, text, state) = found(&d, &place(&d, &t));
    assert_eq!((id.as_str(), state), ("s1.2", "anchored"));
    assert_eq!(text, "founded in\n1996   as a spin-off");
}

#[test]
fn lookalike_passage_does_not_capture_an_orphan() {
    let t = target(&base(), "s1.2", Q);
    // The note's passage is gone; another firm's story has the same words.
    let look = "Neusoft was founded in 1996 as a spin-off of Northeastern University.";
    let d = doc(&[("s1.1", P1), ("s1.3", look), ("s2.1", P3)]);
    assert_eq!(place(&d, &t), Anchor::Orphaned);
    // Nor one with a near quote.
    let near = "Neusoft was founded in 1991 as a spin off of Northeastern University.";
    let d = doc(&[("s1.1", P1), ("s1.3", near), ("s2.1", P3)]);
    assert_eq!(place(&d, &t), Anchor::Orphaned);
}

#[test]
fn prefix_and_suffix_pick_among_copies_of_the_quote() {
    let t = target(&base(), "s1.2", Q);
    let look = "Neusoft was founded in 1996 as a spin-off of Northeastern University.";
    let d = doc(&[("s1.1", P1), ("x.1", look), ("x.2", P2), ("s2.1", P3)]);
    assert_eq!(found(&d, &place(&d, &t)).0, "x.2");
}

#[test]
fn repeated_quote_in_own_passage_uses_context_then_position() {
    let text = "The park grew. Then the city grew. Finally the park grew.";
    let d = doc(&[("a.1", text)]);
    let second = text.rfind("the park grew").unwrap();
    let t = Target::from_span(&d.passages[0], second..second + "the park grew".len());
    assert_eq!(place(&d, &t).span(), Some(second..second + 13));
}

#[test]
fn quote_alone_anchors_when_unique_and_orphans_when_not() {
    let mut t = Target::default();
    t.quote.exact = "listed its shares".into();
    let d = base();
    assert_eq!(
        found(&d, &place(&d, &t)),
        ("s2.1".into(), "listed its shares".into(), "anchored")
    );
    t.quote.exact = "the city".into(); // in P1 and P4
    assert_eq!(place(&d, &t), Anchor::Orphaned);
}

#[test]
fn rewritten_passage_orphans() {
    let t = target(&base(), "s1.2", Q);
    let d = doc(&[
        ("s1.1", P1),
        ("s1.2", "DHC is the largest outsourcing firm in the city."),
        ("s2.1", P3),
    ]);
    assert_eq!(place(&d, &t), Anchor::Orphaned);
}

#[test]
fn whole_passage_note_survives_a_small_edit() {
    let d = base();
    let t = Target::whole(d.passage("s2.1").unwrap());
    let edited = P3.replace("listed its shares", "listed shares");
    let d2 = doc(&[("s1.1", P1), ("s1.2", P2), ("s2.1", &edited)]);
    assert_eq!(
        found(&d2, &place(&d2, &t)),
        ("s2.1".into(), edited.clone(), "drifted")
    );
}

proptest! {
    #[test]
    fn any_rewrapping_keeps_notes_anchored(breaks in proptest::collection::vec(0usize..4, 40)) {
        let t = target(&base(), "s1.2", Q);
        let mut wrapped = String::new();
        for (i, word) in P2.split(' ').enumerate() {
            if i > 0 {
                wrapped.push_str(["  ", "\n", " \n ", "\t"][breaks[i % breaks.len()]]);
            }
            wrapped.push_str(word);
        }
        let d = doc(&[("s1.1", P1), ("s1.2", &wrapped)]);
        let (id, text, state) = found(&d, &place(&d, &t));
        prop_assert_eq!((id.as_str(), state), ("s1.2", "anchored"));
        prop_assert_eq!(text.split_whitespace().collect::<Vec<_>>().join(" "), Q);
    }
}
