//! Reading and writing W3C Web Annotations.

use crate::support::notes as notes_fixture;

use std::path::Path;

use casebook::notes::webanno::{collection_to_json, note_to_json, parse};
use casebook::notes::{Note, NoteSet, Target};
use notes_fixture::*;

fn sample() -> Note {
    let d = base();
    let p = d.passage("s1.2").unwrap();
    let at = p.text.find("NEC").unwrap();
    Note::new(
        Target::from_span(p, at..at + 3),
        "Customer, \"big\"\nline two",
        vec!["firm:nec".into(), "customer".into()],
    )
}

#[test]
fn own_collection_round_trips_with_tombstones() {
    let mut set = NoteSet::new();
    set.upsert(sample());
    set.delete("urn:uuid:gone", jiff::Timestamp::now());
    let json = serde_json::to_string(&collection_to_json(&set, "dalian")).unwrap();
    let back = parse(&json, Path::new("n.json"));
    assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
    assert_eq!(back.set, set);
}

#[test]
fn annotation_shape_follows_the_data_model() {
    let n = sample();
    let v = note_to_json(&n, "dalian");
    assert_eq!(v["type"], "Annotation");
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["body"][0]["purpose"], "commenting");
    assert_eq!(v["body"][1]["purpose"], "tagging");
    assert_eq!(v["body"][1]["value"], "firm:nec");
    assert_eq!(v["target"]["source"], "casebook:dalian#s1.2");
    let sel = &v["target"]["selector"];
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[0]["exact"], "NEC");
    assert_eq!(sel[1]["type"], "TextPositionSelector");
    let start = P2[..P2.find("NEC").unwrap()].chars().count();
    assert_eq!(sel[1]["start"], start);
    assert_eq!(sel[1]["end"], start + 3);
    assert!(v["created"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn foreign_annotations_in_every_shape_are_read() {
    let one = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://ex.org/a1",
        "type": "Annotation", "created": "2024-05-01T10:00:00Z",
        "body": [{"type": "TextualBody", "value": "interesting", "purpose": ["commenting"]},
                 {"type": "TextualBody", "value": "policy", "purpose": "tagging"},
                 {"id": "http://ex.org/linked"}],
        "target": {"source": "http://ex.org/paper.pdf",
                   "selector": {"type": "RangeSelector",
                                "refinedBy": {"type": "TextQuoteSelector", "exact": "software park"}}}}"#;
    let p = parse(one, Path::new("a.json"));
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let n = p.set.get("http://ex.org/a1").unwrap();
    assert_eq!(
        (n.text.as_str(), n.tags.clone()),
        ("interesting", vec!["policy".to_string()])
    );
    assert_eq!(n.target.quote.exact, "software park");
    assert_eq!(n.target.passage, None);
    assert_eq!(n.created.to_string(), "2024-05-01T10:00:00Z");

    let list = format!("[{one}, {}]", one.replace("a1", "a2"));
    assert_eq!(parse(&list, Path::new("l.json")).set.len(), 2);
    let coll = format!(
        r#"{{"type": "AnnotationCollection", "first": {{"type": "AnnotationPage", "items": [{one}],
        "next": {{"type": "AnnotationPage", "items": [{}]}}}}}}"#,
        one.replace("a1", "a3")
    );
    assert_eq!(parse(&coll, Path::new("c.json")).set.len(), 2);
    let page = format!(r#"{{"type": "AnnotationPage", "items": [{one}]}}"#);
    assert_eq!(parse(&page, Path::new("p.json")).set.len(), 1);
}

#[test]
fn annotations_without_id_get_a_stable_one() {
    let src = r#"{"type": "Annotation", "bodyValue": "x",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "q"}}}"#;
    let a = parse(src, Path::new("a.json")).set;
    let b = parse(src, Path::new("a.json")).set;
    assert_eq!(a, b);
    assert!(a.notes()[0].id.starts_with("urn:casebook:import:"));
}

#[test]
fn bad_annotations_are_reported_with_a_place_and_the_rest_read() {
    let src = "[\n {\"id\": \"ok\", \"target\": {\"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"q\"}}},\n {\"id\": \"no-quote\", \"target\": \"http://ex.org/p\"},\n {\"id\": \"bad-time\", \"created\": \"yesterday\", \"target\": {}},\n 7\n]";
    let p = parse(src, Path::new("in.json"));
    assert_eq!(p.set.len(), 1);
    let msgs: Vec<String> = p.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(
        msgs[0].starts_with("in.json:3:9: error: no-quote: target has no TextQuoteSelector"),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].starts_with("in.json:4:9: error: bad-time: created:"),
        "{}",
        msgs[1]
    );
    assert!(
        msgs[2].contains("annotation 4: an annotation must be a JSON object"),
        "{}",
        msgs[2]
    );
}

#[test]
fn malformed_json_names_line_and_column() {
    let p = parse(
        "{\n  \"type\": \"Annotation\"\n  \"id\": 1}",
        Path::new("x.json"),
    );
    let d = &p.diagnostics[0];
    assert_eq!((d.line, d.col), (3, 3), "{d}");
    assert!(
        d.message.starts_with("invalid JSON: expected `,` or `}`"),
        "{d}"
    );
    let p = parse("\"just a string\"", Path::new("x.json"));
    assert!(p.diagnostics[0].message.contains("expected an annotation"));
}
