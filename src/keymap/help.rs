//! The merged key map arranged for reading: per mode, grouped by what the
//! keys do, with all keys of one action on one line.

use std::fmt::Write;

use super::{Action, Chord, Group, Keymap, Mode};

/// One help line: every key that runs `action` with the same description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine<'a> {
    pub keys: Vec<&'a Chord>,
    pub action: Action,
    pub desc: &'a str,
}

impl HelpLine<'_> {
    /// The keys as help shows them: `j, <Down>`.
    pub fn keys_text(&self) -> String {
        let keys: Vec<String> = self.keys.iter().map(|k| k.to_string()).collect();
        keys.join(", ")
    }
}

impl Keymap {
    /// Help for one mode: groups in [`Group`] order, lines in file order within a group.
    pub fn help(&self, mode: Mode) -> Vec<(Group, Vec<HelpLine<'_>>)> {
        let mut lines: Vec<HelpLine<'_>> = Vec::new();
        for (chord, action, desc) in self.bindings(mode) {
            match lines
                .iter_mut()
                .find(|l| l.action == action && l.desc == desc)
            {
                Some(line) => line.keys.push(chord),
                None => lines.push(HelpLine {
                    keys: vec![chord],
                    action,
                    desc,
                }),
            }
        }
        let mut groups: Vec<(Group, Vec<HelpLine<'_>>)> = Vec::new();
        for line in lines {
            let group = line.action.group();
            match groups.iter_mut().find(|(g, _)| *g == group) {
                Some((_, ls)) => ls.push(line),
                None => groups.push((group, vec![line])),
            }
        }
        groups.sort_by_key(|(g, _)| *g);
        groups
    }

    /// Every mode's help as plain text, for `casebook keys`.
    pub fn help_text(&self) -> String {
        let mut out = String::new();
        for &mode in Mode::ALL {
            let note = if mode.is_text() {
                "  (other keys type text)"
            } else {
                ""
            };
            let _ = writeln!(out, "[{}]{note}", mode.name());
            let help = self.help(mode);
            let width = help
                .iter()
                .flat_map(|(_, lines)| lines.iter().map(|l| l.keys_text().chars().count()))
                .max()
                .unwrap_or(0);
            for (group, lines) in help {
                let _ = writeln!(out, "  {}", group.title());
                for line in lines {
                    let _ = writeln!(out, "    {:<width$}  {}", line.keys_text(), line.desc);
                }
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_one_action_share_a_line() {
        let km = Keymap::default_map();
        let help = km.help(Mode::Reader);
        let (group, lines) = &help[0];
        assert_eq!(*group, Group::Moving);
        assert_eq!(lines[0].action, Action::NextPassage);
        assert_eq!(lines[0].keys_text(), "j, <Down>");
        let groups: Vec<Group> = help.iter().map(|(g, _)| *g).collect();
        let mut sorted = groups.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(groups, sorted, "each group once, in order");
    }

    #[test]
    fn help_text_lists_every_mode() {
        let text = Keymap::default_map().help_text();
        for &mode in Mode::ALL {
            assert!(
                text.contains(&format!("[{}]", mode.name())),
                "{}",
                mode.name()
            );
        }
        assert!(text.contains("[search]  (other keys type text)"));
        assert!(text.contains("<C-s>"));
    }
}
