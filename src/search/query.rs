//! The query language: words, "quoted phrases", @kind filters and #tags.
//!
//! Words are folded (case and diacritics) and must all match. A word with
//! digits or inner punctuation ("71,700", "27.5%") is *literal*: it matches
//! only tokens that start with it, never fuzzily. Common English function
//! words and the verbs of a spoken question ("where did they talk about ...")
//! are dropped, because a natural question would otherwise require words no
//! passage contains; they are kept when the query has nothing else, and
//! always inside quotes.

use super::normalize::fold;
use super::stopwords::is_stop_word;
use super::tokenize::{for_each_token, TokenKind};
use super::HitKind;
use crate::entities::EntityKind;

/// Restricts results to one kind, or one kind of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    pub kind: HitKind,
    /// Entity kind by its short name, as [`SearchDoc::subkind`](super::SearchDoc) holds it.
    pub subkind: Option<&'static str>,
}

/// Every filter under every name: each entity kind under each of its
/// spellings (the catalogue's vocabulary), then each kind of hit.
fn named() -> impl Iterator<Item = (&'static str, Filter)> {
    let entities = EntityKind::ALL.into_iter().flat_map(|kind| {
        let filter = Filter {
            kind: HitKind::Entity,
            subkind: Some(kind.short()),
        };
        kind.spellings().iter().map(move |&name| (name, filter))
    });
    let hits = HitKind::ALL.into_iter().map(|kind| {
        let filter = Filter {
            kind,
            subkind: None,
        };
        (kind.name(), filter)
    });
    entities.chain(hits)
}

impl Filter {
    /// A filter name, or a prefix of names of one filter only ("pers", "organ";
    /// "pa" is not).
    pub fn parse(name: &str) -> Option<Filter> {
        let name = fold(name);
        if let Some((_, exact)) = named().find(|(n, _)| *n == name) {
            return Some(exact);
        }
        let mut prefixed = named()
            .filter(|(n, _)| !name.is_empty() && n.starts_with(&name))
            .map(|(_, f)| f);
        let first = prefixed.next()?;
        prefixed.all(|f| f == first).then_some(first)
    }

    /// One name per filter, for messages.
    pub fn names() -> impl Iterator<Item = &'static str> {
        let entities = EntityKind::ALL.into_iter().map(EntityKind::short);
        entities.chain(HitKind::ALL.into_iter().map(HitKind::name))
    }

    pub fn accepts(&self, kind: HitKind, subkind: Option<&str>) -> bool {
        self.kind == kind && self.subkind.is_none_or(|s| subkind == Some(s))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded text.
    pub text: String,
    pub literal: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Folded words of each quoted phrase.
    pub phrases: Vec<Vec<String>>,
    /// The last phrase's quote is unclosed and its last word may be partial.
    pub open_phrase: bool,
    pub filters: Vec<Filter>,
    /// Folded tags, without the `#`.
    pub tags: Vec<String>,
    /// Words left out as stop words, for display.
    pub dropped: Vec<String>,
    /// `@names` that name no kind (or more than one).
    pub unknown_filters: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut words = Vec::new();
        let pieces = split_quotes(input);
        let last = pieces.len() - 1;
        for (i, (piece, quoted)) in pieces.into_iter().enumerate() {
            if quoted {
                let phrase = words_of(&fold(piece));
                if !phrase.is_empty() {
                    // An unclosed quote at the end is being typed: its last
                    // word may still be partial.
                    q.open_phrase = i == last && !piece.ends_with(char::is_whitespace);
                    q.phrases.push(phrase);
                }
                continue;
            }
            for chunk in piece.split_whitespace() {
                q.add_chunk(chunk, &mut words);
            }
        }
        let content = words
            .iter()
            .any(|t: &Term| t.literal || !is_stop_word(&t.text));
        for term in words {
            if content && !term.literal && is_stop_word(&term.text) {
                q.dropped.push(term.text);
            } else {
                q.terms.push(term);
            }
        }
        q
    }

    /// True when the query asks for nothing (only spaces, or a lone "@").
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.phrases.is_empty()
            && self.tags.is_empty()
            && self.filters.is_empty()
    }

    fn add_chunk(&mut self, chunk: &str, words: &mut Vec<Term>) {
        if let Some(name) = chunk.strip_prefix('@') {
            match Filter::parse(name) {
                Some(f) if !self.filters.contains(&f) => self.filters.push(f),
                Some(_) => {}
                None if name.is_empty() => {}
                None => self.unknown_filters.push(name.to_string()),
            }
            return;
        }
        if let Some(tag) = chunk.strip_prefix('#').filter(|t| !t.is_empty()) {
            self.tags.push(fold(tag));
            return;
        }
        let folded = fold(chunk);
        let mut tokens = Vec::new();
        for_each_token(&folded, 0, |t| tokens.push((t.text.into_owned(), t.kind)));
        let compound = tokens.iter().find(|t| t.1 == TokenKind::Compound);
        if let Some((text, _)) = compound {
            words.push(Term {
                text: text.clone(),
                literal: true,
            });
            return;
        }
        for (text, _) in tokens {
            let literal = text.chars().any(|c| c.is_numeric());
            words.push(Term { text, literal });
        }
    }
}

/// Splits on straight or typographic double quotes; an unclosed quote runs to
/// the end, so a phrase being typed already narrows the results.
fn split_quotes(input: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = input;
    let mut quoted = false;
    while let Some(i) = rest.find(['"', '\u{201C}', '\u{201D}']) {
        out.push((&rest[..i], quoted));
        let quote_len = rest[i..].chars().next().map_or(1, char::len_utf8);
        rest = &rest[i + quote_len..];
        quoted = !quoted;
    }
    out.push((rest, quoted));
    out
}

fn words_of(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(folded, 0, |t| {
        if t.kind == TokenKind::Word {
            out.push(t.text.into_owned());
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &Query) -> Vec<&str> {
        q.terms.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn questions_keep_their_content_words() {
        let q = Query::parse("Where did they talk about the postal savings project?");
        assert_eq!(texts(&q), ["postal", "savings", "project"]);
        assert_eq!(q.dropped.len(), 6);
        assert_eq!(texts(&Query::parse("the")), ["the"]);
    }

    #[test]
    fn literals_filters_tags_and_phrases() {
        let q = Query::parse("@Person Liu 71,700 27.5% 2009 #ToDo \"Green Card (Lùka)\" @p @xyz");
        assert_eq!(texts(&q), ["liu", "71,700", "27.5%", "2009"]);
        assert_eq!(q.terms.iter().filter(|t| t.literal).count(), 3);
        assert_eq!(q.filters, [Filter::parse("person").unwrap()]);
        assert_eq!(q.tags, ["todo"]);
        assert_eq!(q.phrases, [vec!["green", "card", "luka"]]);
        assert_eq!(q.unknown_filters, ["p", "xyz"]);
    }

    #[test]
    fn unclosed_quote_is_a_phrase_and_filters_resolve_prefixes() {
        let q = Query::parse("nec \"postal sav");
        assert_eq!(q.phrases, [vec!["postal", "sav"]]);
        assert!(q.open_phrase);
        assert!(!Query::parse("\"postal sav\"").open_phrase);
        assert!(!Query::parse("\"postal sav ").open_phrase);
        assert_eq!(
            Filter::parse("pers").map(|f| f.subkind),
            Some(Some("person"))
        );
        assert_eq!(Filter::parse("p"), None);
        assert_eq!(Filter::parse("note").map(|f| f.kind), Some(HitKind::Note));
    }

    #[test]
    fn entity_filters_take_every_name_of_the_kind() {
        let org = Filter::parse("org");
        assert_eq!(org.map(|f| f.subkind), Some(Some("org")));
        for name in ["organisation", "Organization", "organ", "ORG"] {
            assert_eq!(Filter::parse(name), org, "{name}");
        }
        assert_eq!(
            Filter::parse("event").map(|f| f.subkind),
            Some(Some("event"))
        );
        assert_eq!(Filter::parse("frim"), None);
    }
}
