//! The reading pane: the paper as wrapped text, moved through by lines,
//! pages, passages and sections, with the jump list for going back.

pub mod draw;
mod marks;
mod navigate;

pub use navigate::Position;

use crate::app::state::{App, Focus};
use crate::keymap::Action;
use crate::views::{self, hint, Handled, Hint};

pub const HANDLES: &[Action] = &[
    Action::NextPassage,
    Action::PrevPassage,
    Action::LineDown,
    Action::LineUp,
    Action::PageDown,
    Action::PageUp,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::GoToTop,
    Action::GoToBottom,
    Action::NextSection,
    Action::PrevSection,
    Action::JumpBack,
    Action::JumpForward,
    Action::SwitchPane,
    Action::Open,
    Action::Peek,
    Action::OpenEntities,
    Action::OpenCharts,
    Action::Annotate,
    Action::StartSelection,
    Action::OpenCodes,
    Action::CodeSelection,
    Action::OpenSearch,
    Action::NextHit,
    Action::PrevHit,
    Action::OpenNotes,
    Action::NextMention,
    Action::PrevMention,
    Action::OpenToc,
    Action::SetMark,
    Action::OpenMarks,
    Action::OpenWarnings,
    Action::OpenLibrary,
    Action::Close,
];

/// Status-bar hints, most useful first; each that fits is shown, so a
/// long one that does not leaves room for shorter ones after it.
pub const HINTS: &[Hint] = &[
    hint(&[Action::OpenHelp], "help"),
    hint(&[Action::OpenSearch], "search"),
    hint(&[Action::Annotate], "note"),
    hint(&[Action::OpenToc], "contents"),
    hint(&[Action::OpenEntities], "entities"),
    hint(&[Action::OpenCharts], "charts"),
    hint(&[Action::OpenNotes], "notes"),
    hint(&[Action::Open], "links"),
    hint(&[Action::SwitchPane], "side"),
    hint(&[Action::StartSelection], "select"),
    hint(&[Action::OpenMarks], "marks"),
    hint(&[Action::OpenLibrary], "library"),
    hint(&[Action::Quit], "quit"),
];

pub fn update(app: &mut App, action: Action) -> Handled {
    match action {
        Action::NextPassage => app.step_passage(true),
        Action::PrevPassage => app.step_passage(false),
        Action::LineDown => app.scroll_lines(true, 1),
        Action::LineUp => app.scroll_lines(false, 1),
        Action::PageDown => app.page(true, 1),
        Action::PageUp => app.page(false, 1),
        Action::HalfPageDown => app.page(true, 2),
        Action::HalfPageUp => app.page(false, 2),
        Action::GoToTop => app.go_to_end(false),
        Action::GoToBottom => app.go_to_end(true),
        Action::NextSection => app.step_section(true),
        Action::PrevSection => app.step_section(false),
        Action::JumpBack => app.jump_back(),
        Action::JumpForward => app.jump_forward(),
        Action::SwitchPane => {
            app.focus = match app.focus {
                Focus::Reader => Focus::Side,
                Focus::Side => Focus::Reader,
            };
            // The folded side pane changes which pane has the text's size.
            app.resize(app.area);
        }
        Action::Open => views::links::open_menu(app),
        Action::Peek => views::peek::open_next(app),
        Action::OpenEntities => views::entities::open(app),
        Action::OpenCharts => views::charts::open(app),
        Action::Annotate => views::editor::annotate(app),
        Action::StartSelection => views::select::open(app),
        Action::OpenCodes => views::codes::open(app),
        Action::CodeSelection => views::select::code_passage(app),
        Action::OpenSearch => views::search::open(app),
        Action::NextHit => views::search::step_hit(app, true),
        Action::PrevHit => views::search::step_hit(app, false),
        Action::OpenNotes => views::notes::open(app),
        Action::NextMention => views::entity::step_mention(app, true),
        Action::PrevMention => views::entity::step_mention(app, false),
        Action::OpenToc => views::toc::open(app),
        Action::SetMark => views::marks::open_set(app),
        Action::OpenMarks => views::marks::open_go(app),
        Action::OpenWarnings => views::warnings::open(app),
        Action::OpenLibrary => views::library::open(app),
        Action::Close => {
            app.text_hits = None;
            if app.focus == Focus::Side {
                app.focus = Focus::Reader;
                app.resize(app.area);
            }
        }
        _ => return Handled::Not,
    }
    Handled::Done
}
