//! The whole vocabulary of things a key can do. Key map files name these,
//! the UI dispatches on them and the help screen describes them, so the three
//! cannot drift apart.

use serde::{Deserialize, Serialize};

/// Headings under which the help screen groups bindings, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Moving,
    Jumping,
    Views,
    Searching,
    Lists,
    Charts,
    Notes,
    Editing,
    General,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Moving => "Moving",
            Group::Jumping => "Jumping",
            Group::Views => "Views",
            Group::Searching => "Searching",
            Group::Lists => "Lists",
            Group::Charts => "Charts",
            Group::Notes => "Notes",
            Group::Editing => "Editing a note",
            Group::General => "General",
        }
    }
}

/// One table defines each action's variant, file name, group and description.
macro_rules! actions {
    ($($variant:ident = $name:literal, $group:ident, $desc:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $(#[doc = $desc] $variant,)*
        }

        impl Action {
            /// Every action, in the order the help screen lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The name key map files use in `run = "..."`.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => $desc,)* }
            }

            pub fn group(self) -> Group {
                match self { $(Action::$variant => Group::$group,)* }
            }
        }
    };
}

actions! {
    Noop = "noop", General, "Do nothing (unbinds the key)";
    Quit = "quit", General, "Quit casebook";
    OpenHelp = "open_help", General, "Show the keys";
    Close = "close", General, "Close this view";
    Cancel = "cancel", General, "Cancel";
    ConfirmYes = "confirm_yes", General, "Yes, go ahead";
    ConfirmNo = "confirm_no", General, "No, keep things as they are";
    KeepDraft = "keep_draft", General, "Keep unsaved notes as drafts";
    Discard = "discard", General, "Discard unsaved changes";

    NextPassage = "next_passage", Moving, "Next passage";
    PrevPassage = "prev_passage", Moving, "Previous passage";
    LineDown = "line_down", Moving, "Scroll one line down";
    LineUp = "line_up", Moving, "Scroll one line up";
    PageDown = "page_down", Moving, "One page down";
    PageUp = "page_up", Moving, "One page up";
    HalfPageDown = "half_page_down", Moving, "Half a page down";
    HalfPageUp = "half_page_up", Moving, "Half a page up";
    GoToTop = "go_to_top", Moving, "Start of the paper";
    GoToBottom = "go_to_bottom", Moving, "End of the paper";
    NextSection = "next_section", Moving, "Next section";
    PrevSection = "prev_section", Moving, "Previous section";

    Open = "open", Jumping, "Open or follow what is selected";
    JumpBack = "jump_back", Jumping, "Back to where you were";
    JumpForward = "jump_forward", Jumping, "Forward again after going back";
    NextMention = "next_mention", Jumping, "Next mention of the entity";
    PrevMention = "prev_mention", Jumping, "Previous mention of the entity";
    Peek = "peek", Jumping, "Peek at what the passage refers to (again: the next link)";
    SetMark = "set_mark", Jumping, "Mark this place (then a letter)";
    OpenMarks = "open_marks", Jumping, "Go to a mark (then its letter), or list the marks";

    OpenToc = "open_toc", Views, "Contents";
    OpenEntities = "open_entities", Views, "Entities list";
    OpenCharts = "open_charts", Views, "Charts";
    OpenNotes = "open_notes", Views, "Notes list";
    OpenCodes = "open_codes", Views, "Codes: counts, where applied, entities";
    OpenWarnings = "open_warnings", Views, "Problems found in the case study's files";
    SwitchPane = "switch_pane", Views, "Switch between text and side pane";
    OpenLibrary = "open_library", Views, "The library: every case study";
    CycleSort = "cycle_sort", Lists, "Sort the list another way";

    OpenSearch = "open_search", Searching, "Search everything";
    NextHit = "next_hit", Searching, "Next search hit";
    PrevHit = "prev_hit", Searching, "Previous search hit";
    ClearFilter = "clear_filter", Searching, "Clear the query";
    HistoryOlder = "history_older", Searching, "Recall an older query";
    HistoryNewer = "history_newer", Searching, "Recall a newer query";
    OpenEntityHit = "open_entity_hit", Searching, "Open the best entity hit instead of the text";
    ToggleScope = "toggle_scope", Searching, "Search this case study or the whole library";

    SelectDown = "select_down", Lists, "Select the next item";
    SelectUp = "select_up", Lists, "Select the previous item";
    SelectFirst = "select_first", Lists, "Select the first item";
    SelectLast = "select_last", Lists, "Select the last item";
    SelectPageDown = "select_page_down", Lists, "Select one page further down";
    SelectPageUp = "select_page_up", Lists, "Select one page further up";

    NextChart = "next_chart", Charts, "Next chart";
    PrevChart = "prev_chart", Charts, "Previous chart";

    Annotate = "annotate", Notes, "Write a note on this passage";
    Edit = "edit", Notes, "Edit the selected note";
    Delete = "delete", Notes, "Delete the selected note";
    AcceptDrift = "accept_drift", Notes, "Accept where a moved note now points";
    OpenDraft = "open_draft", Notes, "Open a draft left by an earlier session";
    Undo = "undo", Notes, "Undo the last change to the notes";
    StartSelection = "start_selection", Notes, "Select words of this passage";
    SelectWordNext = "select_word_next", Notes, "Move the selection's end a word on";
    SelectWordPrev = "select_word_prev", Notes, "Move the selection's end a word back";
    SelectSentenceNext = "select_sentence_next", Notes, "Move the selection's end to the end of the sentence";
    SelectToPassageEnd = "select_to_passage_end", Notes, "Move the selection's end to the end of the passage";
    SelectNextPassage = "select_next_passage", Notes, "Extend the selection over the next passage";
    SwapSelectionEnd = "swap_selection_end", Notes, "Move the other end of the selection";
    Highlight = "highlight", Notes, "Highlight the selected words";
    CodeSelection = "code_selection", Notes, "Apply a code to the selected words";
    CopyQuote = "copy_quote", Notes, "Copy the selected words with their citation";

    Save = "save", Editing, "Save the note (or every unsaved note)";
    ToggleTagsField = "toggle_tags_field", Editing, "Switch between text and tags";
}

impl Action {
    /// Looks up an action by the name key map files use.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde_names() {
        for &a in Action::ALL {
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.name()));
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::from_name("Quit"), None);
    }
}
