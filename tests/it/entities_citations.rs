use crate::support::entities as entities_support;

use std::path::Path;

use casebook::entities::{link, lint, Catalog, Place};
use casebook::model::{Document, Reference};
use entities_support::{doc, reference};

/// The paper's reference list, in its order, with `---.` ditto entries as printed.
fn references() -> Vec<Reference> {
    let mut refs = vec![
        reference("china-2010", "China Software Export and Service Outsourcing Ranking List.", 2010),
        reference(
            "department-2010",
            "Department of Software Service Industry and Performance Inspection and Coordination Bureau",
            2010,
        ),
        reference("gao-2008", "Gao, L.", 2008),
        reference("gregory-2009", "Gregory, N., S. Nollen, and S. Tenev.", 2009),
        reference("dahl-1999", "Dahl, K. and L. Moe", 1999),
        reference("hisoft-2010", "Hisoft Technology International Limited", 2010),
        reference(
            "information-2009",
            "Information Technology Promotion Agency, Japan, IT Human Resources Development Headquarters",
            2009,
        ),
        reference("information-2011", "Information Technology Promotion Agency, Japan", 2011),
        reference("kondo-2009", "Kondo, S.", 2009),
        reference("li-2010", "Li, H.", 2010),
        reference("li-2008", "Li, P.", 2008),
        reference("li-2009", "---.", 2009),
        reference("neusoft-2011", "Neusoft Corporation", 2011),
        reference("saxenian-2004", "Saxenian, A.", 2004),
        reference("saxenian-2006", "---.", 2006),
        reference("saxenian-2008", "---.", 2008),
        reference("seki-2003", "Seki, M.", 2003),
        reference("seki-2006", "---.", 2006),
        reference("takahashi-2009", "Takahashi, M.", 2009),
        reference("xu-2008a", "Xu, H.", 2008),
        reference("xu-2008b", "Xu, H.", 2008),
    ];
    for r in refs.iter_mut().filter(|r| r.author == "---.") {
        r.text = format!("---. ({}), another work.", r.year.unwrap());
    }
    refs
}

/// (citation text, reference id or "-") for each citation of a one-paragraph document.
fn cited(text: &str) -> Vec<(String, String)> {
    let d = doc(&[text], &[], references());
    link(&d, &Catalog::default())
        .citations
        .iter()
        .map(|c| {
            let r = c
                .reference
                .map_or("-".to_string(), |r| d.references[r].id.clone());
            (c.text(&d).to_string(), r)
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|&(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn parenthetical_citations_with_pages_and_several_works() {
    let got = cited(
        "No outcome (Gao 2008, p. 19). Offshore studies (e.g., Kondo 2009, Takahashi 2009). \
         Agreement (Gao 2008, pp. 32-33). Training (Li 2009, pp. 82, 89).",
    );
    let want = pairs(&[
        ("Gao 2008, p. 19", "gao-2008"),
        ("Kondo 2009", "kondo-2009"),
        ("Takahashi 2009", "takahashi-2009"),
        ("Gao 2008, pp. 32-33", "gao-2008"),
        ("Li 2009, pp. 82, 89", "li-2009"),
    ]);
    assert_eq!(got, want);
}

#[test]
fn narrative_citations_with_several_years_resolve_ditto_entries() {
    let got = cited("the theory proposed by Saxenian (2004, 2006, 2008). Katoku (2005) and Gao (2008) touched on it.");
    let s = "Saxenian (2004, 2006, 2008)";
    let want = pairs(&[
        (s, "saxenian-2004"),
        (s, "saxenian-2006"),
        (s, "saxenian-2008"),
        ("Katoku (2005)", "-"),
        ("Gao (2008)", "gao-2008"),
    ]);
    assert_eq!(got, want);
    assert_eq!(
        cited("(Seki 2006, p. 199)"),
        pairs(&[("Seki 2006, p. 199", "seki-2006")])
    );
}

#[test]
fn authors_sharing_a_surname_are_told_apart_by_year() {
    let got = cited("(Li 2010, p. 6) and (Li 2008, p. 93) and (Li 2009, pp. 82, 89)");
    let refs: Vec<&str> = got.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(refs, ["li-2010", "li-2008", "li-2009"]);
    // A letter after the year picks between one author's works of one year.
    let got = cited("(Xu 2008b) and (Xu 2008a)");
    assert_eq!(
        got,
        pairs(&[("Xu 2008b", "xu-2008b"), ("Xu 2008a", "xu-2008a")])
    );
}

#[test]
fn et_al_and_corporate_authors() {
    let got = cited(
        "domestic markets (Gregory et al., 2009, Chapter 4). Gregory et al. (2009) reveal. \
         About 60% (Department of Software and Services Industry, Ministry of Industry and \
         Information Technology of the People's Republic of China, et al., 2010). \
         Sales (hiSoft 2010). Costs (Information Technology Promotion Agency, Japan IT Human \
         Resources Development Division 2009, p. 290) and wages (Information Technology \
         Promotion Agency, Japan 2011, p. 45).",
    );
    let refs: Vec<&str> = got.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(
        refs,
        [
            "gregory-2009",
            "gregory-2009",
            "department-2010",
            "hisoft-2010",
            "information-2009",
            "information-2011"
        ]
    );
    assert_eq!(got[0].0, "Gregory et al., 2009, Chapter 4");
    assert_eq!(
        cited("a survey by Dahl and Moe (1999)."),
        pairs(&[("Dahl and Moe (1999)", "dahl-1999")])
    );
    assert_eq!(got[1].0, "Gregory et al. (2009)");
}

#[test]
fn a_footnote_naming_a_titled_source() {
    let d = doc(
        &["Exports.", "Park services."],
        &[
            ("6", "China Software Export and Service Outsourcing Ranking List. (2010). Rankings hereafter.", 0),
            ("8", "From Gao (2008) and interviews at DLSP (August, 2010).", 1),
        ],
        references(),
    );
    let links = link(&d, &Catalog::default());
    let in_note = |f: usize| -> Vec<String> {
        links
            .citations_in(Place::Footnote(f))
            .map(|c| links.citations[c].text(&d).to_string())
            .collect()
    };
    assert_eq!(
        in_note(0),
        ["China Software Export and Service Outsourcing Ranking List. (2010)"]
    );
    assert_eq!(in_note(1), ["Gao (2008)"]);
    assert!(links.citations.iter().all(|c| c.reference.is_some()));
}

#[test]
fn interviews_and_dates_are_not_citations() {
    assert!(cited(
        "(DXC interviews, August 2010) (document compiled by JETRO Dalian in June 2007)"
    )
    .is_empty());
    assert!(
        cited("(who served as the mayor of Dalian from 2003 to 2009) in 1998 (No. 22330108)")
            .is_empty()
    );
}

#[test]
fn unresolved_citations_are_kept_and_reported() {
    // The paper cites Seki 1993, but lists Seki's works of 2003 and 2006 only;
    // Neusoft's annual report is cited as 2010 and listed as 2011.
    let d = doc(
        &["(e.g., Seki 1993, Zhu 2008)", "(Neusoft Corporation 2010)"],
        &[],
        references(),
    );
    let links = link(&d, &Catalog::default());
    let unresolved: Vec<&str> = links.unresolved().map(|c| c.text(&d)).collect();
    assert_eq!(
        unresolved,
        ["Seki 1993", "Zhu 2008", "Neusoft Corporation 2010"]
    );
    let warnings = lint::lint(&Catalog::default(), &d, &links, Path::new("paper.md"));
    let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].starts_with("paper.md:1:1: warning: citation \"Seki 1993\" in passage p0"),
        "{messages:?}"
    );
}

#[test]
fn citations_without_references_are_all_unresolved() {
    let d: Document = doc(&["(Gao 2008, p. 19)"], &[], Vec::new());
    let links = link(&d, &Catalog::default());
    assert_eq!(links.citations.len(), 1);
    assert_eq!(links.unresolved().count(), 1);
}
