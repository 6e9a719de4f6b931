//! Behaviour of the search engine on small hand-made document sets.

use casebook::search::{group_by_kind, HitKind, Index, Query, SearchDoc};

fn doc(kind: HitKind, id: &str, text: &str) -> SearchDoc {
    SearchDoc {
        kind,
        id: id.into(),
        title: id.into(),
        text: text.into(),
        ..SearchDoc::default()
    }
}

fn passage(id: &str, text: &str) -> SearchDoc {
    doc(HitKind::Passage, id, text)
}

fn entity(id: &str, subkind: &str, names: &[&str], text: &str) -> SearchDoc {
    SearchDoc {
        subkind: Some(subkind.into()),
        names: names.iter().map(|n| n.to_string()).collect(),
        ..doc(HitKind::Entity, id, text)
    }
}

fn ids(index: &Index, q: &str) -> Vec<String> {
    index
        .search(&Query::parse(q), 20)
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn every_word_must_match_in_any_order() {
    let index = Index::build(vec![
        passage("both", "savings at the post office"),
        passage("one", "savings only"),
    ]);
    assert_eq!(ids(&index, "post savings"), ["both"]);
    assert_eq!(ids(&index, "savings post"), ["both"]);
    assert!(ids(&index, "savings zebra").is_empty());
}

#[test]
fn fuzzy_matching_is_per_word_not_smeared_over_the_text() {
    let index = Index::build(vec![
        passage("scattered", "a new era of commerce"),
        passage("named", "the firm NEC opened"),
    ]);
    assert_eq!(ids(&index, "nec"), ["named"]);
}

#[test]
fn whole_words_rank_above_prefixes_and_fragments() {
    let index = Index::build(vec![
        passage("fragment", "an interconnection"),
        passage("prefix", "it was necessary"),
        passage("word", "NEC did it"),
    ]);
    assert_eq!(ids(&index, "nec"), ["word", "prefix", "fragment"]);
}

#[test]
fn terms_close_together_rank_above_scattered_terms() {
    let filler = "word ".repeat(40);
    let index = Index::build(vec![
        passage("scattered", &format!("postal {filler} project")),
        passage("close", &format!("the postal project {filler}")),
    ]);
    assert_eq!(ids(&index, "project postal"), ["close", "scattered"]);
}

#[test]
fn diacritics_case_typos_and_literals() {
    let index = Index::build(vec![
        passage("luka", "the Green Card (Lùka) project"),
        passage("numbers", "reached 71,700 and 27.5% of 2009"),
        passage("decoy", "reached 71 700 and 275 in 2009"),
        entity(
            "neusoft",
            "firm",
            &["Neusoft Corporation", "Neusoft"],
            "software firm",
        ),
    ]);
    assert_eq!(ids(&index, "LUKA"), ["luka"]);
    assert_eq!(ids(&index, "lùka green"), ["luka"]);
    assert_eq!(ids(&index, "neusfot"), ["neusoft"]);
    assert_eq!(ids(&index, "71,700"), ["numbers"]);
    assert_eq!(ids(&index, "27.5%"), ["numbers"]);
    assert_eq!(
        ids(&index, "71,70"),
        ["numbers"],
        "a literal being typed matches as a prefix"
    );
}

#[test]
fn quoted_phrases_must_occur_in_order() {
    let index = Index::build(vec![
        passage("phrase", "the postal savings system"),
        passage("reversed", "savings from the postal system"),
    ]);
    assert_eq!(ids(&index, "\"postal savings\""), ["phrase"]);
    assert_eq!(ids(&index, "postal savings").len(), 2);
    assert!(ids(&index, "\"savings postal\"").is_empty());
    assert_eq!(
        ids(&index, "\"postal sav"),
        ["phrase"],
        "a phrase being typed"
    );
    assert_eq!(ids(&index, "\"po"), ["phrase", "reversed"]);
    assert!(
        ids(&index, "\"postal sav\"").is_empty(),
        "a closed phrase is exact"
    );
}

#[test]
fn kind_filters_and_tags() {
    let mut index = Index::build(vec![
        entity("liu-jun", "person", &["Liu Jun"], "founder"),
        entity("liu-co", "firm", &["Liu Trading"], "a firm"),
        passage("p", "Liu Jun founded it"),
    ]);
    assert_eq!(ids(&index, "@person liu"), ["liu-jun"]);
    assert_eq!(ids(&index, "liu @firm"), ["liu-co"]);
    assert_eq!(ids(&index, "@passage liu"), ["p"]);
    assert_eq!(
        ids(&index, "@person").len(),
        1,
        "a filter alone lists its kind"
    );

    let note = |id: &str, text: &str, tags: &[&str]| SearchDoc {
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..doc(HitKind::Note, id, text)
    };
    index.replace_kind(
        HitKind::Note,
        vec![
            note("n1", "check the founding year", &["todo"]),
            note("n2", "founding", &[]),
        ],
    );
    assert_eq!(ids(&index, "#todo"), ["n1"]);
    assert_eq!(ids(&index, "#TODO founding"), ["n1"]);
    assert_eq!(ids(&index, "@note founding").len(), 2);
    index.replace_kind(HitKind::Note, vec![]);
    assert!(ids(&index, "#todo").is_empty());
    assert_eq!(ids(&index, "liu").len(), 3);
}

#[test]
fn entity_names_outrank_mentions_and_whole_names_outrank_parts() {
    let index = Index::build(vec![
        passage("mention", "the company NEC Soft, and NEC again"),
        entity("nec-soft", "firm", &["NEC Soft"], "a subsidiary"),
        entity("nec", "firm", &["NEC"], "Japanese firm"),
    ]);
    assert_eq!(ids(&index, "nec"), ["nec", "nec-soft", "mention"]);
    let hit = &index.search(&Query::parse("nec"), 1)[0];
    assert_eq!(
        hit.snippet, "NEC — Japanese firm",
        "a matched name is followed by the description"
    );
    assert_eq!(&hit.snippet[hit.highlights[0].clone()], "NEC");
}

#[test]
fn question_words_are_dropped() {
    let index = Index::build(vec![
        passage("answer", "the postal savings project began"),
        passage("other", "where did they go"),
    ]);
    assert_eq!(
        ids(
            &index,
            "Where did they talk about the postal savings project?"
        ),
        ["answer"]
    );
    assert_eq!(
        ids(&index, "where"),
        ["other"],
        "a query of stop words alone still searches"
    );
}

#[test]
fn hits_carry_snippets_and_highlights_in_the_original_text() {
    let text = "In 1994 the Information Center joined the \"Green Card (Lùka)\" project.\nLater the Lùka network grew.";
    let index = Index::build(vec![passage("p", text)]);
    let hit = &index.search(&Query::parse("luka"), 5)[0];
    let marked: Vec<&str> = hit
        .text_highlights
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(marked, ["Lùka", "Lùka"]);
    let shown: Vec<&str> = hit
        .highlights
        .iter()
        .map(|r| &hit.snippet[r.clone()])
        .collect();
    assert_eq!(shown[0], "Lùka");
    assert!(!hit.snippet.contains('\n'));
}

#[test]
fn results_can_be_grouped_by_kind_keeping_rank() {
    let index = Index::build(vec![
        passage("p1", "NEC NEC"),
        entity("nec", "firm", &["NEC"], ""),
        passage("p2", "NEC"),
    ]);
    let hits = index.search(&Query::parse("nec"), 10);
    let groups = group_by_kind(&hits);
    assert_eq!(groups[0].0, HitKind::Entity);
    let passages: Vec<&str> = groups[1].1.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(passages, ["p1", "p2"]);
}

#[test]
fn empty_and_punctuation_only_queries_find_nothing() {
    let index = Index::build(vec![passage("p", "text")]);
    for q in ["", "   ", "?!", "\"\"", "@"] {
        assert!(ids(&index, q).is_empty(), "{q:?}");
    }
}
