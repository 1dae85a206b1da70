//! Chart images as PNG, rasterised from the chart's SVG with resvg, using only the shipped
//! fonts, so an image drawn on a server with no fonts installed looks like one drawn on a
//! desktop.

use super::ExportError;
use crate::fonts::{FAMILY, INTER, INTER_SEMIBOLD};
use resvg::{tiny_skia, usvg};
use std::sync::OnceLock;

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut options = usvg::Options {
            font_family: FAMILY.to_owned(),
            ..usvg::Options::default()
        };
        let fonts = options.fontdb_mut();
        fonts.load_font_data(INTER.to_vec());
        fonts.load_font_data(INTER_SEMIBOLD.to_vec());
        fonts.set_sans_serif_family(FAMILY);
        options
    })
}

fn error(message: impl std::fmt::Display) -> ExportError {
    ExportError::Build {
        format: "png",
        message: message.to_string(),
    }
}

/// The SVG drawn as a PNG at its own size.
///
/// # Errors
/// When the SVG cannot be read or the image cannot be encoded.
pub fn png(svg: &str) -> Result<Vec<u8>, ExportError> {
    let tree = usvg::Tree::from_str(svg, options()).map_err(error)?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| error("the chart has no size"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(error)
}

/// The SVG with its text turned into outlines in the shipped fonts, so a council laptop
/// without Inter draws it exactly as it was made; each chart's title stays as the file's
/// `<title>` for screen readers and search.
///
/// # Errors
/// When the SVG cannot be read.
pub fn outlined(svg: &str, title: &str) -> Result<String, ExportError> {
    let tree = usvg::Tree::from_str(svg, options()).map_err(error)?;
    let out = tree.to_string(&usvg::WriteOptions::default());
    // The writer leaves out the title; put it back as the first child.
    let title = super::chart_svg::escape(title);
    Ok(match out.find('>') {
        Some(end) if out.starts_with("<svg") => {
            format!("{}><title>{title}</title>{}", &out[..end], &out[end + 1..])
        }
        _ => out,
    })
}
