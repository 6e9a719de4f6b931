//! `casebook import FILE.pdf`: the PDF read in Rust, its layout analysed
//! from fonts and positions (see [`layout`] and [`segment`]), then built into
//! the same document model as the text importer.

mod front;
mod layout;
pub mod read;
mod segment;

use std::path::Path;

use super::{build, Imported};
use crate::diag::Diagnostic;
use crate::model::Meta;

/// Imports a PDF; `progress(done, total)` is told after each page is read.
pub fn import(
    bytes: Vec<u8>,
    path: &Path,
    id: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Imported, String> {
    let pdf = read::read(bytes, progress)?;
    let per_page = layout::lines(&pdf.pages);
    let (marks, printed) = layout::furniture(&pdf.pages, &per_page);
    let flow: Vec<&layout::Line> = per_page
        .iter()
        .zip(&marks)
        .flat_map(|(ls, ms)| ls.iter().zip(ms).filter(|(_, m)| !**m).map(|(l, _)| l))
        .collect();
    if flow.is_empty() {
        return Err("the PDF has no text layer (a scan?); run it through OCR first".to_string());
    }
    let seg = segment::segment(&flow, &pdf.outline);
    let line_pages = seg.line_pages.clone();
    let front_lines = if seg.front.is_empty() {
        flow.iter()
            .filter(|l| l.page == 0)
            .map(|l| (*l).clone())
            .collect()
    } else {
        seg.front.clone()
    };
    let mut doubts: Vec<(usize, String)> = seg.doubts.clone();
    let built = build::build(seg.pieces);
    doubts.extend(built.doubts);
    let height = pdf.pages.first().map_or(792.0, |p| p.height);
    let mut meta = Meta {
        id: id.to_string(),
        title: String::new(),
        authors: Vec::new(),
        year: None,
        series: None,
        source: None,
    };
    let title = front::title(&front_lines, height);
    if let Some((title, at)) =
        front::with_info_title(title, pdf.info_title.as_deref(), &front_lines)
    {
        meta.title = title;
        meta.authors = front::authors(&front_lines, at);
    }
    let first_pages: Vec<layout::Line> = per_page.iter().take(1).flatten().cloned().collect();
    meta.year = front::year(&first_pages);
    // The label of each page: the PDF's own, else the number printed on it, else its place.
    let label = |page: usize| -> String {
        pdf.pages[page]
            .label
            .clone()
            .or_else(|| printed[page].clone())
            .unwrap_or_else(|| (page + 1).to_string())
    };
    let pages: Vec<Option<String>> = built
        .doc
        .passages
        .iter()
        .map(|p| line_pages.get(p.line).map(|&pg| label(pg)))
        .collect();
    let mut warnings: Vec<Diagnostic> = Vec::new();
    for (page, reason) in &pdf.unread {
        warnings.push(Diagnostic::warning(
            path,
            page + 1,
            1,
            format!("page {} could not be read: {reason}", label(*page)),
        ));
    }
    if seg.dropped_figure_text > 0 {
        warnings.push(Diagnostic::warning(
            path,
            1,
            1,
            format!(
                "{} pieces of figure lettering left out (short small-type text that is no caption)",
                seg.dropped_figure_text
            ),
        ));
    }
    if meta.title.is_empty() {
        doubts.push((1, "no title found; edit meta.toml".into()));
        meta.title = id.to_string();
    }
    if meta.authors.is_empty() {
        doubts.push((1, "no author line found; edit meta.toml".into()));
    }
    doubts.sort();
    doubts.dedup();
    for (line, m) in doubts {
        let page = line_pages.get(line).copied().unwrap_or(0);
        warnings.push(Diagnostic::warning(
            path,
            page + 1,
            1,
            format!("page {}: {m}", label(page)),
        ));
    }
    let doc = built.doc.with_pages(pages);
    Ok(Imported {
        meta,
        doc,
        warnings,
        pages: Some(pdf.pages.len()),
    })
}
