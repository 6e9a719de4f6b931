//! The notebook API a reader uses: create, update, delete, list, accept drift, export.

use crate::support::notes as notes_fixture;

use casebook::notes::export::{csv, markdown};
use casebook::notes::{Anchor, Filter, NoteSet, NoteStore, Notebook, Quote, Target};
use notes_fixture::*;

fn span_of(text: &str, quote: &str) -> std::ops::Range<usize> {
    let s = text.find(quote).unwrap();
    s..s + quote.len()
}

#[test]
fn create_update_delete_and_query() {
    let d = base();
    let mut book = Notebook::new(NoteSet::new(), &d);
    let p2 = d.passage("s1.2").unwrap();
    let a = book.create(
        &d,
        Target::from_span(p2, span_of(P2, "NEC")),
        "Main customer",
        vec!["firm:nec".into()],
    );
    let b = book.create(
        &d,
        Target::whole(&d.passages[0]),
        "Park opens",
        vec!["policy".into()],
    );
    let c = book.create(
        &d,
        Target::from_span(p2, span_of(P2, "DHC")),
        "The firm",
        vec!["firm:dhc".into(), "Policy".into()],
    );

    let on_p2: Vec<&str> = book
        .notes_for_passage(1)
        .iter()
        .map(|(n, _)| n.id.as_str())
        .collect();
    assert_eq!(on_p2, [c.as_str(), a.as_str()], "text order");
    let all: Vec<&str> = book
        .list(&Filter::default())
        .iter()
        .map(|(n, _)| n.id.as_str())
        .collect();
    assert_eq!(all, [b.as_str(), c.as_str(), a.as_str()], "reading order");
    let policy = Filter {
        tag: Some("POLICY".into()),
        text: None,
    };
    assert_eq!(book.list(&policy).len(), 2);
    let text = Filter {
        tag: None,
        text: Some("customer".into()),
    };
    assert_eq!(book.list(&text)[0].0.id, a);
    assert_eq!(
        book.tags()[0],
        ("policy".to_string(), 2),
        "tags group without regard to case"
    );

    let before = book.get(&a).unwrap().0.modified;
    assert!(book.update(&d, &a, "Main customer, 1990s", vec!["firm:nec".into()]));
    assert!(book.get(&a).unwrap().0.modified > before);
    assert!(book.delete(&b));
    assert!(book.get(&b).is_none());
    assert!(!book.update(&d, &b, "x", vec![]));
    assert_eq!(book.set().tombstones().count(), 1);
}

#[test]
fn accepting_a_drift_re_anchors_on_the_new_text() {
    let d = base();
    let mut book = Notebook::new(NoteSet::new(), &d);
    let id = book.create(
        &d,
        Target::from_span(d.passage("s1.2").unwrap(), span_of(P2, "as a spin-off")),
        "",
        vec!["x".into()],
    );
    let edited = doc(&[
        ("s1.1", P1),
        ("s1.2", &P2.replace("spin-off", "spinoff")),
        ("s2.1", P3),
    ]);
    book.reload(book.set().clone(), &edited);
    assert_eq!(
        book.get(&id).unwrap().1.state(),
        "anchored",
        "unchanged targets keep their anchor until re-anchored"
    );
    let mut book = Notebook::new(book.set().clone(), &edited);
    assert_eq!(book.get(&id).unwrap().1.state(), "drifted");
    assert!(book.accept_drift(&edited, &id));
    let (note, anchor) = book.get(&id).unwrap();
    assert_eq!(note.target.quote.exact, "as a spinoff");
    assert!(matches!(anchor, Anchor::Anchored { passage: 1, .. }));
    assert!(!book.accept_drift(&edited, &id), "only drifted notes");
}

#[test]
fn notebook_changes_survive_a_commit_and_reload() {
    let dir = tempfile::tempdir().unwrap();
    let store = NoteStore::new(dir.path(), "dalian").unwrap();
    let d = base();
    let mut book = Notebook::new(store.load().unwrap().set, &d);
    book.create(&d, Target::whole(&d.passages[3]), "Employment", vec![]);
    let mut set = book.set().clone();
    store.commit(&mut set).unwrap();
    book.reload(set, &d);
    let again = Notebook::new(store.load().unwrap().set, &d);
    assert_eq!(again.list(&Filter::default())[0].0.text, "Employment");
}

#[test]
fn exports_group_by_section_and_keep_orphans() {
    let d = base();
    let mut book = Notebook::new(NoteSet::new(), &d);
    book.create(
        &d,
        Target::from_span(d.passage("s2.1").unwrap(), span_of(P3, "Hisoft")),
        "=formula, \"quoted\"",
        vec!["firm:hisoft".into()],
    );
    book.create(
        &d,
        Target::from_span(d.passage("s1.2").unwrap(), span_of(P2, "NEC")),
        "Customer",
        vec![],
    );
    let lost = Target {
        passage: Some("gone.1".into()),
        quote: Quote {
            exact: "text that is nowhere".into(),
            ..Quote::default()
        },
        position: None,
    };
    book.create(&d, lost, "Lost note", vec![]);
    let all = book.list(&Filter::default());

    let meta = casebook::model::Meta {
        id: "dalian".into(),
        title: "Dalian".into(),
        authors: vec!["Yan Zhang".into(), "Nozomu Kawabata".into()],
        year: Some(2013),
        series: None,
        source: None,
    };
    let md = markdown(&d, &meta, &all);
    assert!(
        md.contains("> NEC\n>\n> \u{2014} (Zhang & Kawabata, 2013)\n"),
        "{md}"
    );
    let s1 = md.find("## 1. Section s1").unwrap();
    let s2 = md.find("## 2. Section s2").unwrap();
    let orphans = md.find("## Orphaned notes").unwrap();
    assert!(s1 < md.find("> NEC").unwrap() && md.find("> NEC").unwrap() < s2);
    assert!(
        s2 < md.find("> Hisoft").unwrap() && orphans < md.find("> text that is nowhere").unwrap()
    );
    assert!(md.contains("*tags: `firm:hisoft` · passage s2.1*"));
    assert!(md.contains("*passage gone.1 · orphaned*"));

    let table = csv(&d, &all);
    let lines: Vec<&str> = table.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "id,state,section,passage,quote,tags,codes,text,created,modified"
    );
    assert!(
        lines[1].contains(",anchored,1. Section s1,s1.2,NEC,,,Customer,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains(",2. Section s2,s2.1,Hisoft,firm:hisoft,,\"'=formula, \"\"quoted\"\"\","),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains(",orphaned,,gone.1,text that is nowhere,,,Lost note,"),
        "{}",
        lines[3]
    );
}
