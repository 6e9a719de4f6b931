//! Styles and symbols, with and without colour, with and without Unicode.
//!
//! Meaning never rests on colour alone: without colour, focus is a margin
//! bar plus bold, links are underlined, search hits are reversed and bold.
//! Colours are from the 16-colour palette so they look the same over SSH on
//! any terminal (COLORTERM does not cross ssh).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

/// What a span of passage text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Emphasis,
    FootnoteMarker,
    Citation,
    /// An entity mention, by kind index (firm, person, place, organisation, other).
    Mention(u8),
    SearchHit,
    /// The quote a note is about.
    Noted,
    /// Words being selected.
    Selected,
}

impl Theme {
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme { color, ascii }
    }

    pub fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn focus_bar(&self) -> &'static str {
        if self.ascii {
            "|"
        } else {
            "▌"
        }
    }

    pub fn note_marker(&self) -> &'static str {
        if self.ascii {
            "*"
        } else {
            "•"
        }
    }

    pub fn bar_style(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The focused passage's text: bold without colour, so it survives NO_COLOR.
    pub fn focused(&self) -> Style {
        if self.color {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn heading(&self, level: u8) -> Style {
        let s = self.fg(Color::LightBlue).add_modifier(Modifier::BOLD);
        if level <= 1 {
            s.add_modifier(Modifier::UNDERLINED)
        } else {
            s
        }
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn caption(&self) -> Style {
        self.dim().add_modifier(Modifier::ITALIC)
    }

    pub fn mark(&self, mark: Mark) -> Style {
        match mark {
            Mark::Emphasis => Style::new().add_modifier(Modifier::ITALIC),
            Mark::FootnoteMarker | Mark::Citation => {
                self.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED)
            }
            Mark::Mention(kind) => self.mention(kind).add_modifier(Modifier::UNDERLINED),
            Mark::SearchHit => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            // Underlined as well as reversed: visible without colour, and
            // where a colour reset cancels reverse video.
            Mark::Selected => Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::BOLD),
            Mark::Noted => self
                .fg(Color::LightYellow)
                .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
        }
    }

    /// Entity kinds: firm, person, place, organisation, other.
    pub fn mention(&self, kind: u8) -> Style {
        self.fg(match kind {
            0 => Color::Cyan,
            1 => Color::Yellow,
            2 => Color::Green,
            3 => Color::Magenta,
            _ => Color::White,
        })
    }

    pub fn bar(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn selected(&self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn border(&self) -> ratatui::symbols::border::Set {
        if self.ascii {
            ASCII_BORDER
        } else {
            ratatui::symbols::border::ROUNDED
        }
    }

    pub fn separator(&self) -> &'static str {
        if self.ascii {
            " > "
        } else {
            " › "
        }
    }

    /// Sparkline glyphs from empty to full.
    pub fn spark_levels(&self) -> &'static [char] {
        if self.ascii {
            &[' ', '.', ':', '-', '=', '+', '*', '#']
        } else {
            &[' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']
        }
    }
}

/// Box borders for fonts without box-drawing characters.
pub const ASCII_BORDER: ratatui::symbols::border::Set = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};
