//! The kinds of entity a catalogue may name, with the other names people
//! type for them. `entities.toml`, `casebook entities --kind`, search's
//! `@kind` and `--kind` all read kinds here, so a name one accepts the
//! others accept too, and a misspelt kind is an error everywhere.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Firm,
    Person,
    Place,
    Organisation,
    Event,
    /// Not decided yet: what `casebook import` writes when no suffix tells.
    Unknown,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Firm,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organisation,
        EntityKind::Event,
        EntityKind::Unknown,
    ];

    /// A kind by any of its names, ignoring case.
    pub fn parse(name: &str) -> Option<EntityKind> {
        let name = name.trim();
        EntityKind::ALL.into_iter().find(|kind| {
            kind.spellings()
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name))
        })
    }

    /// Every name a kind is known by: the canonical name, then the short
    /// name if it has one, then other spellings.
    pub fn spellings(self) -> &'static [&'static str] {
        match self {
            EntityKind::Firm => &["firm"],
            EntityKind::Person => &["person"],
            EntityKind::Place => &["place"],
            EntityKind::Organisation => &["organisation", "org", "organization"],
            EntityKind::Event => &["event"],
            EntityKind::Unknown => &["unknown"],
        }
    }

    /// The name `entities.toml` and JSON output use.
    pub fn as_str(self) -> &'static str {
        self.spellings()[0]
    }

    /// The name lists and `@filters` use (`org` for organisations).
    pub fn short(self) -> &'static str {
        let names = self.spellings();
        names.get(1).unwrap_or(&names[0])
    }

    /// The valid names, for error messages: `organisation (org, organization)`.
    pub fn expected() -> String {
        let group = |kind: EntityKind| match kind.spellings() {
            [name, others @ ..] if !others.is_empty() => {
                format!("{name} ({})", others.join(", "))
            }
            names => names.concat(),
        };
        let all: Vec<String> = EntityKind::ALL.into_iter().map(group).collect();
        all.join(", ")
    }
}

impl FromStr for EntityKind {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        EntityKind::parse(name).ok_or_else(|| {
            format!(
                "unknown entity kind {name:?}; expected one of {}",
                EntityKind::expected()
            )
        })
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_names_and_every_name_parses_back() {
        for kind in EntityKind::ALL {
            for name in kind.spellings() {
                assert_eq!(EntityKind::parse(name), Some(kind), "{name}");
                assert_eq!(
                    EntityKind::parse(&name.to_uppercase()),
                    Some(kind),
                    "{name}"
                );
            }
        }
        assert_eq!(EntityKind::Organisation.short(), "org");
        assert_eq!(EntityKind::Firm.short(), "firm");
        assert_eq!(EntityKind::parse("frim"), None);
        assert_eq!(EntityKind::parse(""), None);
        let err = "frim".parse::<EntityKind>().unwrap_err();
        assert!(
            err.contains("firm, person, place, organisation (org, organization), event, unknown"),
            "{err}"
        );
    }
}
