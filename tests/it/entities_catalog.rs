use crate::support::entities as entities_support;

use std::collections::HashSet;
use std::path::Path;

use casebook::entities::{link, lint, Catalog, EntityKind};
use entities_support::{bundled, doc};

fn parse(text: &str) -> Result<Catalog, Vec<String>> {
    Catalog::parse(Path::new("entities.toml"), text)
        .map_err(|ds| ds.iter().map(ToString::to_string).collect())
}

#[test]
fn the_bundled_catalogue_is_complete_and_consistent() {
    let cat = bundled();
    assert!(cat.len() > 60, "{} entities", cat.len());
    for kind in [
        EntityKind::Firm,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organisation,
    ] {
        assert!(
            cat.entities.iter().filter(|e| e.kind == kind).count() >= 10,
            "few of kind {kind}"
        );
    }
    let mut names = HashSet::new();
    for e in &cat.entities {
        assert!(
            !e.description.trim().is_empty(),
            "{} has no description",
            e.id
        );
        for r in &e.relations {
            assert!(
                cat.index(&r.target).is_some(),
                "{} -> {} ({})",
                e.id,
                r.target,
                r.kind
            );
        }
        for n in e.names() {
            assert!(names.insert(n.to_lowercase()), "\"{n}\" names two entities");
        }
    }
    // The paper's own abbreviations and former names are aliases.
    assert_eq!(cat.lookup("DHC"), cat.index("dhc"));
    assert_eq!(
        cat.lookup("Dalian Maritime College"),
        cat.index("dalian-maritime-university")
    );
    assert_eq!(cat.lookup("mayor bo"), cat.index("bo-xilai"));
    assert_eq!(cat.lookup("Sun"), None);
}

#[test]
fn malformed_files_are_errors_with_line_and_column() {
    let errs = parse("[[entity]]\nid = \"a\"\nkind = \"firm\"\nname = \n").unwrap_err();
    assert!(errs[0].starts_with("entities.toml:4:"), "{errs:?}");

    let errs = parse("[[entity]]\nid = \"a\"\nkind = \"firm\"\nname = \"A\"\ncolour = \"red\"\n")
        .unwrap_err();
    assert!(
        errs[0].starts_with("entities.toml:5:1: error:") && errs[0].contains("colour"),
        "{errs:?}"
    );

    let errs = parse("[[entity]]\nid = \"a\"\nkind = \"firm\"\n").unwrap_err();
    assert!(errs[0].contains("name"), "{errs:?}");
}

#[test]
fn duplicate_ids_and_empty_names_are_errors() {
    let text = "[[entity]]\nid = \"a\"\nkind = \"firm\"\nname = \"A\"\n\n\
                [[entity]]\nid = \"a\"\nkind = \"place\"\nname = \"B\"\naliases = [\"\"]\n";
    let errs = parse(text).unwrap_err();
    assert_eq!(
        errs,
        ["entities.toml:7:6: error: duplicate entity id `a` (first defined on line 2)"],
    );
    let errs = parse("[[entity]]\nid = \"a\"\nkind = \"firm\"\nname = \" \"\naliases = [\"\"]\n")
        .unwrap_err();
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[1].starts_with("entities.toml:5:12: error: entity `a` has an empty alias"),
        "{errs:?}"
    );
}

#[test]
fn events_and_undecided_kinds_are_kinds_too() {
    let cat = parse("[[entity]]\nid = \"a\"\nkind = \"event\"\nname = \"Cultural Revolution\"\n")
        .unwrap();
    assert_eq!(cat.entities[0].kind, EntityKind::Event);
    let cat = parse("[[entity]]\nid = \"a\"\nkind = \"Org\"\nname = \"DLSP\"\n").unwrap();
    assert_eq!(cat.entities[0].kind, EntityKind::Organisation);
    assert!(parse("").unwrap().is_empty());
}

#[test]
fn a_misspelt_kind_is_an_error_at_its_line_listing_the_kinds() {
    let errs = parse("[[entity]]\nid = \"a\"\nkind = \"frim\"\nname = \"A\"\n").unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("entities.toml:3:8: error: entity `a` has unknown kind `frim`; expected one of firm, person, place, organisation (org, organization), event, unknown"),
        "{errs:?}"
    );
}

#[test]
fn lint_reports_unused_aliases_unmentioned_entities_shared_names_and_dangling_relations() {
    let text = r#"
[[entity]]
id = "neusoft"
kind = "firm"
name = "Neusoft Corporation"
aliases = ["Neusoft", "NSC"]
relations = [{ kind = "founded_by", target = "liu-jiren" }]

[[entity]]
id = "shenyang"
kind = "place"
name = "Shenyang"
aliases = ["neusoft"]
"#;
    let cat = parse(text).unwrap();
    let d = doc(&["Neusoft grew in Dalian."], &[], Vec::new());
    let links = link(&d, &cat);
    let got: Vec<String> = lint::lint(&cat, &d, &links, Path::new("paper.md"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        got,
        [
            "entities.toml:6:23: warning: alias \"NSC\" of `neusoft` matches nothing",
            "entities.toml:7:14: warning: relation `founded_by` of `neusoft` names unknown entity `liu-jiren`",
            "entities.toml:10:6: warning: entity `shenyang` is never mentioned",
            "entities.toml:13:12: warning: alias \"neusoft\" of `shenyang` matches nothing",
            "entities.toml:13:12: warning: \"neusoft\" names both `neusoft` and `shenyang`",
        ]
    );
}
