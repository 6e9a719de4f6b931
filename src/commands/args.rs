//! The command line: every option and subcommand clap parses.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::read::ColorChoice;
use super::Failure;
use crate::corpus::Source;
use crate::entities::EntityKind;
use crate::paths::Paths;
use crate::search::Filter;

/// A full-screen terminal reader for research case studies.
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct Options {
    /// Case-study folder to open instead of the bundled one.
    #[arg(long, global = true, env = "CASEBOOK_CORPUS", value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Library folder of case studies. Default: $XDG_DATA_HOME/casebook/library.
    #[arg(long, global = true, env = "CASEBOOK_LIBRARY", value_name = "DIR")]
    pub library: Option<PathBuf>,

    /// Configuration folder (key maps). Default: $XDG_CONFIG_HOME/casebook.
    #[arg(long, global = true, env = "CASEBOOK_CONFIG_DIR", value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Data folder (reading positions, notes). Default: $XDG_DATA_HOME/casebook.
    #[arg(long, global = true, env = "CASEBOOK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Key map: a preset name (default, emacs, less) or a file path.
    #[arg(long, global = true, env = "CASEBOOK_KEYMAP", value_name = "NAME|PATH")]
    pub keymap: Option<String>,

    /// Colour: auto follows NO_COLOR and whether output is a terminal.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Plain ASCII borders, markers and sparklines, for limited fonts.
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Leave the mouse to the terminal (its own selection and scrolling).
    #[arg(long, global = true, env = "CASEBOOK_NO_MOUSE")]
    pub no_mouse: bool,

    /// Widest text line in columns (0: as wide as the pane).
    #[arg(long, global = true, value_name = "COLUMNS", default_value_t = crate::app::layout::MEASURE)]
    pub measure: u16,
}

/// The options alone, for a command line without a subcommand.
#[derive(Parser)]
#[command(name = "casebook")]
struct OptionsOnly {
    #[command(flatten)]
    options: Options,
}

impl Cli {
    /// The process's command line. With no arguments (the reader opened the
    /// usual way) only the options' parser is built: building the parser of
    /// every subcommand was most of the time spent parsing.
    pub fn from_args() -> Cli {
        if std::env::args_os().len() > 1 {
            return Cli::parse();
        }
        Cli {
            options: OptionsOnly::parse().options,
            command: None,
        }
    }

    /// The case study to open: `--corpus` / `CASEBOOK_CORPUS`, else the bundled one.
    pub fn source(&self) -> Source {
        match &self.options.corpus {
            Some(dir) => Source::Dir(dir.clone()),
            None => Source::Bundled,
        }
    }

    /// The data and config folders; without a home folder to put them in,
    /// the command line must name them.
    pub fn paths(&self) -> Result<Paths, Failure> {
        Paths::resolve(
            self.options.data_dir.as_deref(),
            self.options.config_dir.as_deref(),
        )
        .map_err(Failure::usage)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the keys in force (built-in map, preset, your keymap.toml) or what is wrong with them.
    Keys,
    /// List, export and import notes on the case study.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
    /// Print the paper's figures as data series, each point with its passage.
    Series {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the years the paper mentions and the passages mentioning each.
    Timeline {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search entities, sections, passages, footnotes, references and notes.
    Search(SearchArgs),
    /// The library of case studies: list, add, remove, reindex.
    Library {
        #[command(subcommand)]
        command: LibraryCommand,
    },
    /// Segment a PDF-extracted plain text into a case-study folder.
    Import {
        /// A PDF, or its extracted text (for example the output of `pdftotext`).
        text: PathBuf,
        /// Folder to write meta.toml and paper.md into (default: a folder of the library named after the file).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Replace an existing paper.md (kept as paper.md.bak), reporting notes it moves.
        #[arg(long)]
        force: bool,
        /// Print every warning, not the first few of each kind.
        #[arg(long)]
        verbose: bool,
    },
    /// Print the case study as JSON or Markdown.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: crate::export::Format,
    },
    /// Validate a case-study folder (default: --corpus, or the bundled one).
    Check { dir: Option<PathBuf> },
    /// List the firms, people, places and organisations with mention counts.
    Entities {
        /// Only this kind: firm, person, place, organisation (org), event, unknown.
        #[arg(long, value_name = "KIND")]
        kind: Option<EntityKind>,
        /// Print JSON with every mention (character offsets).
        #[arg(long)]
        json: bool,
        /// Every case study of the library, entities joined across them.
        #[arg(long)]
        all: bool,
    },
    /// Print an entity's card: description, relations and where it is mentioned.
    Show {
        /// Id, name or alias (with --all also case-id:entity-id).
        entity: String,
        /// Every case study of the library that mentions it.
        #[arg(long)]
        all: bool,
    },
    /// Print a passage (or some of its words) as a quotation with its citation.
    Cite(CiteArgs),
    /// List and change the code book (this case study's and the library's).
    Codes {
        #[command(subcommand)]
        command: CodesCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// List the case studies with their counts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Copy a case-study folder into the library.
    Add { dir: PathBuf },
    /// Take a case study out of the library (its notes are kept).
    Remove { id: String },
    /// Bring the index up to date (--full: build it anew).
    Reindex {
        #[arg(long)]
        full: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct CiteArgs {
    /// Passage id, as `casebook search` and the reader show it.
    pub passage: String,
    /// Quote only these words of the passage (they must occur in it).
    #[arg(long, value_name = "WORDS")]
    pub quote: Option<String>,
    #[arg(long, value_enum, default_value_t = CiteFormat::Plain)]
    pub format: CiteFormat,
    /// The plain form, overriding cite.toml: fields {quote} {authors} {year} {page} {title} {passage}; [...] is left out when a field in it is unknown.
    #[arg(long, value_name = "TEMPLATE")]
    pub template: Option<String>,
    /// Write here instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteFormat {
    Plain,
    Bibtex,
    CslJson,
}

#[derive(Debug, Subcommand)]
pub enum CodesCommand {
    /// List the codes with how often each is applied.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Add a code to this case study's book (or the library's).
    Add {
        name: String,
        #[command(flatten)]
        fields: CodeFields,
        /// Keep it in the library-wide book, for every case study.
        #[arg(long)]
        library: bool,
    },
    /// Change a code; a new name is carried to every note that applies it.
    Edit {
        name: String,
        /// The new name.
        #[arg(long, value_name = "NAME")]
        rename: Option<String>,
        #[command(flatten)]
        fields: CodeFields,
    },
    /// Remove a code from its book (notes keep the name; its children move up).
    Remove { name: String },
}

#[derive(Debug, Clone, Args)]
pub struct CodeFields {
    /// The parent code, for a hierarchy ("" for none).
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    /// A colour of the 16-colour theme (red, light-blue, ...).
    #[arg(long, value_enum)]
    pub colour: Option<crate::notes::Colour>,
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// The entity id the code stands for, such as firm:nec ("" for none).
    #[arg(long, value_name = "ID")]
    pub entity: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List notes and where each sits in the current text.
    List {
        /// Only notes with a tag or code starting with this (or with a word of it that does).
        #[arg(long)]
        tag: Option<String>,
        /// Only notes whose text, quote, tags or codes contain this (ignoring case and accents).
        #[arg(long)]
        text: Option<String>,
        /// One JSON object per note instead of text lines.
        #[arg(long)]
        json: bool,
    },
    /// Write all notes to stdout (or a file).
    Export {
        #[arg(long, value_enum, default_value_t = NotesFormat::Markdown)]
        format: NotesFormat,
        /// Write here instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The notes of every case study of the library.
        #[arg(long)]
        all: bool,
    },
    /// Merge W3C Web Annotations (one, a list or a collection) or a REFI-QDA project (.qdpx) into the notes.
    Import { file: PathBuf },
    /// Add a note, highlight or coding on words of a passage.
    Add {
        /// Passage id.
        passage: String,
        /// The words (they must occur in the passage); default: the whole passage.
        #[arg(long, value_name = "WORDS")]
        quote: Option<String>,
        /// The note's text; without text and codes the words are highlighted.
        #[arg(long, default_value = "")]
        text: String,
        /// A code to apply (repeat for more); a new name is added to the code book.
        #[arg(long = "code", value_name = "CODE")]
        codes: Vec<String>,
        /// A tag (repeat for more).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// List damaged notes files kept aside, or merge one back (--merge FILE).
    Recover {
        #[arg(long, value_name = "FILE")]
        merge: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NotesFormat {
    Markdown,
    /// W3C Web Annotations.
    Json,
    Csv,
    /// A REFI-QDA project (NVivo, ATLAS.ti, MAXQDA): give --out, or a pipe.
    Qdpx,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find; "quoted phrases", @person/@firm/@place/@org/@passage/@note and #tag work as in the reader.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only hits of this kind: an entity kind (person, firm, place, org, ...), entity, section, passage, footnote, reference, note.
    #[arg(long, value_name = "K", value_parser = parse_filter)]
    pub kind: Option<Filter>,
    /// Show at most N hits.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Print the ranked hits as JSON.
    #[arg(long)]
    pub json: bool,
    /// Search every case study of the library.
    #[arg(long)]
    pub all: bool,
}

fn parse_filter(name: &str) -> Result<Filter, String> {
    Filter::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Filter::names().collect();
        format!(
            "unknown kind {name:?}; expected one of {}",
            names.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_alike_with_or_without_subcommands() {
        for args in [
            &["casebook"][..],
            &["casebook", "--color", "never", "--ascii"],
            &[
                "casebook",
                "--corpus",
                "dir",
                "--keymap",
                "emacs",
                "--data-dir",
                "d",
            ],
        ] {
            let full = Cli::try_parse_from(args).unwrap();
            let alone = OptionsOnly::try_parse_from(args).unwrap();
            assert_eq!(alone.options, full.options, "{args:?}");
            assert!(full.command.is_none());
        }
    }

    #[test]
    fn kinds_are_read_from_one_vocabulary() {
        let kind = |args: &[&str]| match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Some(Command::Entities { kind, .. })) => Ok(kind),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e),
        };
        let org = kind(&["casebook", "entities", "--kind", "org"]).unwrap();
        assert_eq!(org, Some(EntityKind::Organisation));
        let err = kind(&["casebook", "entities", "--kind", "frim"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(
            err.to_string().contains("expected one of firm, person"),
            "{err}"
        );
    }
}
