use crate::support::entities as entities_support;

use casebook::entities::{link, report, EntityKind};
use entities_support::{bundled, doc, reference};

#[test]
fn json_gives_character_offsets_and_places() {
    let d = doc(
        &["Dàlián, that is Dalian, hosts DLSP."],
        &[("7", "Yida Group built DLSP.", 0)],
        Vec::new(),
    );
    let cat = bundled();
    let links = link(&d, &cat);
    let all = report::entities_json(&d, &cat, &links, None);
    let dlsp = all
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "dlsp")
        .unwrap();
    assert_eq!(dlsp["kind"], "organisation");
    assert_eq!(dlsp["aliases"][0], "DLSP");
    assert_eq!(dlsp["relations"][0]["target"], "yida-group");
    let m = &dlsp["mentions"];
    assert_eq!(
        m[0],
        serde_json::json!({"passage": "p0", "start": 30, "end": 34, "text": "DLSP"})
    );
    assert_eq!(
        m[1],
        serde_json::json!({"footnote": "7", "start": 17, "end": 21, "text": "DLSP"})
    );

    let places = report::entities_json(&d, &cat, &links, Some(&EntityKind::Place));
    assert!(places
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["kind"] == "place"));
}

#[test]
fn export_lists_mentions_and_citations_with_null_for_unresolved() {
    let d = doc(
        &["Neusoft (Gao 2008, p. 32) and (Seki 1993)."],
        &[],
        vec![reference("gao-2008", "Gao, L.", 2008)],
    );
    let cat = bundled();
    let links = link(&d, &cat);
    let v = report::export_json(&d, &cat, &links);
    assert_eq!(v["mentions"][0]["entity"], "neusoft");
    assert_eq!(
        v["citations"][0],
        serde_json::json!({"passage": "p0", "text": "Gao 2008, p. 32", "reference": "gao-2008"})
    );
    assert_eq!(v["citations"][1]["reference"], serde_json::Value::Null);
}

#[test]
fn table_counts_mentions_and_card_shows_relations_and_context() {
    let d = doc(
        &[
            "Li Yuanming founded Dalian Haihui Sci-Tech Co., Ltd., the predecessor of hiSoft.",
            "hiSoft grew.",
        ],
        &[],
        Vec::new(),
    );
    let cat = bundled();
    let links = link(&d, &cat);
    let table = report::entities_table(&cat, &links, Some(&EntityKind::Firm));
    assert!(table.starts_with("   2  hisoft "), "{table}");
    assert!(!table.contains("li-yuanming"));

    let card = report::card(&d, &cat, &links, cat.index("hisoft").unwrap());
    assert!(
        card.starts_with("HiSoft Technology International Limited (hisoft, firm)\nAlso: hiSoft\n"),
        "{card}"
    );
    assert!(card.contains("  founded_by → Li Yuanming\n"), "{card}");
    assert!(
        card.contains("  Dalian Haihui Sci-Tech Co., Ltd. predecessor_of → this\n"),
        "{card}"
    );
    assert!(card.contains("Mentions: 2\n"), "{card}");
    assert!(
        card.contains(
            "[p0] …ounded Dalian Haihui Sci-Tech Co., Ltd., the predecessor of «hiSoft».\n"
        ),
        "{card}"
    );
    assert!(card.contains("[p1] «hiSoft» grew.\n"), "{card}");
}
