//! The `import`, `export` and `check` subcommands: printing and exit codes.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::{check::check as check_source, open, Source};
use crate::diag::Diagnostic;
use crate::export::{self, Format};
use crate::import;

pub fn import(text: &Path, out: Option<&Path>, verbose: bool) -> ExitCode {
    let out = out.map_or_else(|| import::default_out(text), Path::to_path_buf);
    let out = out.as_path();
    let id = out
        .file_name()
        .and_then(|n| n.to_str())
        .map(crate::corpus::ids::slug)
        .filter(|s| !s.is_empty());
    let imported = match import::read_file(text, id.as_deref().unwrap_or("paper")) {
        Ok(imported) => imported,
        Err(errors) => return fail(&errors),
    };
    eprint!("{}", import::report(&imported, text, verbose));
    if imported.doc.passages.is_empty() {
        return fail(&[Diagnostic::error(
            text,
            0,
            0,
            "no passages found; nothing written",
        )]);
    }
    // meta.toml and entities.toml are edited by hand after an import: never overwrite them.
    let keep_or_write = |name: &str, text: String| {
        let path = out.join(name);
        if path.exists() {
            eprintln!("{}: kept the existing file", path.display());
            Ok(())
        } else {
            std::fs::write(&path, text)
        }
    };
    // Everything is computed before the first file is written: no half-written folder.
    let (paper, meta, entities) = (
        imported.paper_md(),
        imported.meta_toml(),
        imported.entities_toml(),
    );
    let result = std::fs::create_dir_all(out)
        .and_then(|()| std::fs::write(out.join("paper.md"), paper))
        .and_then(|()| keep_or_write("meta.toml", meta))
        .and_then(|()| keep_or_write("entities.toml", entities));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&[Diagnostic::error(out, 0, 0, format!("cannot write: {err}"))]),
    }
}

pub fn export(source: &Source, format: Format) -> ExitCode {
    match open(source) {
        Ok(study) => {
            let text = export::export(&study, format);
            // Exact text into a file or pipe; nothing a terminal would obey onto a screen.
            let stdout = std::io::stdout();
            let text = if stdout.is_terminal() {
                crate::term::sanitize::lines(&text)
            } else {
                text.into()
            };
            match stdout.lock().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("casebook: cannot write to stdout: {err}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(errors) => fail(&errors),
    }
}

pub fn check(source: &Source) -> ExitCode {
    let diags = check_source(source);
    for d in &diags {
        eprintln!("{d}");
    }
    if diags.iter().any(Diagnostic::is_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(errors: &[Diagnostic]) -> ExitCode {
    for e in errors {
        eprintln!("{e}");
    }
    ExitCode::from(1)
}
