//! Charts as SVG, drawn from the same descriptions as the app's charts
//! ([`crate::report::chart`]), in the app's light look: same series colours, financial years
//! along the bottom, money in `£1.2m` / `£350k` up the side, break-even points labelled.
//!
//! Written directly rather than through a plotting crate: the charts are simple, and this
//! way every label's place is ours to keep clear of the others. Text is set in Inter, which
//! the PNG renderer and the PDF both load from the shipped fonts.

use super::Chart;
use crate::fonts::FAMILY;
use crate::format::MoneyStyle;
use crate::report::chart::{FlowsChart, PaybackChart, Rgb, axis_money};
use std::fmt::Write;

/// Width of a chart image, in pixels (and SVG user units).
pub const WIDTH: u32 = 1600;
/// Height of a chart image.
pub const HEIGHT: u32 = 900;

const LEFT: f64 = 160.0;
const RIGHT: f64 = 1170.0;
const TOP: f64 = 150.0;
const BOTTOM: f64 = 760.0;
const LEGEND_X: f64 = 1210.0;
const INK: &str = "#1f2933";
const MUTED: &str = "#5f6b7a";
const GRID: &str = "#e3e8ef";
const AXIS: &str = "#4a5563";

/// The chart as a standalone SVG document, `WIDTH` by `HEIGHT`.
#[must_use]
pub fn svg(chart: &Chart) -> String {
    match chart {
        Chart::Payback(c) => payback(c),
        Chart::Flows(c) => flows(c),
    }
}

/// Text made safe inside XML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            // Not characters XML allows: dropped, so the SVG stays well-formed.
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// Roughly how wide `text` is at `size` in Inter, to keep labels inside the picture.
fn text_width(text: &str, size: f64) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let chars = text.chars().count() as f64;
    chars * size * 0.56
}

/// A value scale: data units to picture units, with round ticks.
struct Scale {
    lo: f64,
    hi: f64,
    from: f64,
    to: f64,
}

impl Scale {
    fn at(&self, v: f64) -> f64 {
        if (self.hi - self.lo).abs() < f64::EPSILON {
            return f64::midpoint(self.from, self.to);
        }
        self.from + (v - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }
}

/// A round step (1, 2 or 5 times a power of ten) giving about `count` intervals.
fn nice_step(span: f64, count: f64) -> f64 {
    let raw = (span / count).max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction < 1.5 {
        1.0
    } else if fraction < 3.0 {
        2.0
    } else if fraction < 7.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// The money axis: zero always shown, round ticks, a little room above and below.
fn money_axis(values: impl Iterator<Item = f64>) -> (Scale, Vec<f64>) {
    let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo < 1.0 {
        hi = lo + 1.0;
    }
    let step = nice_step(hi - lo, 6.0);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut k = 0.0;
    while lo + k * step <= hi + step * 1e-9 && ticks.len() < 40 {
        ticks.push(lo + k * step);
        k += 1.0;
    }
    (
        Scale {
            lo,
            hi,
            from: BOTTOM,
            to: TOP,
        },
        ticks,
    )
}

fn year_scale(years: usize) -> Scale {
    #[allow(clippy::cast_precision_loss)]
    let hi = years.max(1) as f64;
    Scale {
        lo: 0.0,
        hi,
        from: LEFT,
        to: RIGHT,
    }
}

fn start(out: &mut String, title: &str, subtitle: &str) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FAMILY}">"#
    );
    let _ = write!(
        out,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let _ = write!(
        out,
        r#"<text x="60" y="62" font-size="34" font-weight="600" fill="{INK}">{}</text>"#,
        esc(title)
    );
    let _ = write!(
        out,
        r#"<text x="60" y="102" font-size="21" fill="{MUTED}">{}</text>"#,
        esc(subtitle)
    );
}

fn axes(out: &mut String, years: &[String], x: &Scale, y: &Scale, ticks: &[f64], axis: &str) {
    let style = MoneyStyle::Compact;
    for v in ticks {
        let py = y.at(*v);
        let _ = write!(
            out,
            r#"<line x1="{LEFT}" y1="{py:.1}" x2="{RIGHT}" y2="{py:.1}" stroke="{GRID}" stroke-width="1.5"/>"#
        );
        let _ = write!(
            out,
            r#"<text class="tick" data-value="{v}" x="{:.1}" y="{:.1}" font-size="22" fill="{MUTED}" text-anchor="end">{}</text>"#,
            LEFT - 14.0,
            py + 7.0,
            esc(&axis_money(*v, style))
        );
    }
    for t in 0..=years.len() {
        #[allow(clippy::cast_precision_loss)]
        let px = x.at(t as f64);
        let _ = write!(
            out,
            r#"<line x1="{px:.1}" y1="{TOP}" x2="{px:.1}" y2="{BOTTOM}" stroke="{GRID}" stroke-width="1"/>"#
        );
    }
    for (t, label) in years.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let px = x.at(t as f64 + 0.5);
        let _ = write!(
            out,
            r#"<text x="{px:.1}" y="{:.1}" font-size="22" fill="{MUTED}" text-anchor="middle">{}</text>"#,
            BOTTOM + 34.0,
            esc(label)
        );
    }
    let zero = y.at(0.0);
    let _ = write!(
        out,
        r#"<line x1="{LEFT}" y1="{zero:.1}" x2="{RIGHT}" y2="{zero:.1}" stroke="{AXIS}" stroke-width="2.5"/>"#
    );
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" font-size="22" fill="{MUTED}" text-anchor="middle">Financial year</text>"#,
        f64::midpoint(LEFT, RIGHT),
        BOTTOM + 76.0
    );
    let _ = write!(
        out,
        r#"<text x="46" y="{mid:.1}" font-size="22" fill="{MUTED}" text-anchor="middle" transform="rotate(-90 46 {mid:.1})">{}</text>"#,
        esc(axis),
        mid = f64::midpoint(TOP, BOTTOM)
    );
}

/// Splits `text` into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A legend down the right-hand side: a swatch, the name, and any note under it.
fn legend(out: &mut String, entries: &[(String, String, Rgb, bool)]) {
    let mut y = TOP + 10.0;
    for (name, note, colour, is_line) in entries {
        if y > f64::from(HEIGHT) - 30.0 {
            break;
        }
        let c = hex(*colour);
        if *is_line {
            let _ = write!(
                out,
                r#"<line x1="{LEGEND_X}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{c}" stroke-width="5" stroke-linecap="round"/>"#,
                y - 7.0,
                LEGEND_X + 34.0,
                y - 7.0
            );
        } else {
            let _ = write!(
                out,
                r#"<rect x="{LEGEND_X}" y="{:.1}" width="34" height="18" rx="3" fill="{c}"/>"#,
                y - 16.0
            );
        }
        for (i, line) in wrap(name, 25).iter().enumerate() {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="22" font-weight="600" fill="{INK}">{}</text>"#,
                LEGEND_X + 46.0,
                y,
                esc(line)
            );
            if i > 0 || !line.is_empty() {
                y += 28.0;
            }
        }
        for line in wrap(note, 31) {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="19" fill="{MUTED}">{}</text>"#,
                LEGEND_X + 46.0,
                y,
                esc(&line)
            );
            y += 22.0;
        }
        y += 14.0;
    }
}

fn payback(chart: &PaybackChart) -> String {
    let mut out = String::new();
    start(&mut out, &chart.title, &chart.basis_label);
    let x = year_scale(chart.years.len());
    let (y, ticks) = money_axis(
        chart
            .curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p[1])),
    );
    axes(&mut out, &chart.years, &x, &y, &ticks, &chart.axis_label);
    for curve in &chart.curves {
        let c = hex(curve.colour);
        let points: Vec<String> = curve
            .points
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .map(|p| format!("{:.1},{:.1}", x.at(p[0]), y.at(p[1])))
            .collect();
        let values: Vec<String> = curve.points.iter().map(|p| format!("{}", p[1])).collect();
        let _ = write!(
            out,
            r#"<polyline class="curve" data-name="{}" data-values="{}" points="{}" fill="none" stroke="{c}" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"/>"#,
            esc(&curve.name),
            values.join(" "),
            points.join(" ")
        );
        for p in curve.points.iter().skip(1) {
            let _ = write!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="5.5" fill="{c}"/>"#,
                x.at(p[0]),
                y.at(p[1])
            );
        }
    }
    break_even_labels(&mut out, chart, &x, &y);
    let entries: Vec<(String, String, Rgb, bool)> = chart
        .curves
        .iter()
        .map(|c| (c.name.clone(), c.note.clone(), c.colour, true))
        .collect();
    legend(&mut out, &entries);
    out.push_str("</svg>\n");
    out
}

/// Marks each break-even point; labels the first of a close pair above and to the left and
/// the second below and to the right, as the app does, and leaves any more to the legend so
/// labels never overprint. A label that would leave the plot turns to the other side.
fn break_even_labels(out: &mut String, chart: &PaybackChart, x: &Scale, y: &Scale) {
    let mut marks: Vec<(f64, usize)> = chart
        .curves
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.break_even.as_ref().map(|b| (b.x, i)))
        .filter(|(bx, _)| bx.is_finite())
        .collect();
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut recent: Vec<f64> = Vec::new();
    let zero = y.at(0.0);
    for (bx, i) in marks {
        let curve = &chart.curves[i];
        let Some(be) = &curve.break_even else {
            continue;
        };
        let c = hex(curve.colour);
        let px = x.at(bx);
        let _ = write!(
            out,
            r##"<circle class="break-even" cx="{px:.1}" cy="{zero:.1}" r="11" fill="{c}" stroke="#ffffff" stroke-width="3"/>"##
        );
        recent.retain(|earlier| bx - earlier < 1.6);
        let above = match recent.len() {
            0 => true,
            1 => false,
            _ => continue,
        };
        recent.push(bx);
        let lines = [curve.name.clone(), be.label.clone()];
        let width = lines
            .iter()
            .map(|l| text_width(l, 22.0))
            .fold(0.0, f64::max);
        let mut left = above;
        if left && px - 16.0 - width < LEFT + 4.0 {
            left = false;
        }
        if !left && px + 16.0 + width > RIGHT - 4.0 {
            left = true;
        }
        let (tx, anchor) = if left {
            (px - 16.0, "end")
        } else {
            (px + 16.0, "start")
        };
        let first = if above { zero - 48.0 } else { zero + 40.0 };
        let first = first.clamp(TOP + 24.0, BOTTOM - 36.0);
        for (k, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let ty = first + k as f64 * 28.0;
            let weight = if k == 0 { "600" } else { "400" };
            let _ = write!(
                out,
                r##"<text class="break-even-label" x="{tx:.1}" y="{ty:.1}" font-size="22" font-weight="{weight}" fill="{c}" text-anchor="{anchor}" stroke="#ffffff" stroke-width="6" paint-order="stroke">{}</text>"##,
                esc(line)
            );
        }
    }
}

fn flows(chart: &FlowsChart) -> String {
    let mut out = String::new();
    start(&mut out, &chart.title, &chart.basis_label);
    let years = chart.years.len();
    let x = year_scale(years);
    let mut tops = vec![0.0_f64; years];
    let mut bottoms = vec![0.0_f64; years];
    for stack in &chart.stacks {
        for (t, v) in stack.values.iter().enumerate().take(years) {
            if *v >= 0.0 {
                tops[t] += v;
            } else {
                bottoms[t] += v;
            }
        }
    }
    let (y, ticks) = money_axis(tops.iter().chain(&bottoms).chain(&chart.net).copied());
    axes(&mut out, &chart.years, &x, &y, &ticks, "Money in the year");
    let mut up = vec![0.0_f64; years];
    let mut down = vec![0.0_f64; years];
    for stack in &chart.stacks {
        let c = hex(stack.colour);
        for (t, v) in stack.values.iter().enumerate().take(years) {
            if *v == 0.0 || !v.is_finite() {
                continue;
            }
            let (from, to) = if *v > 0.0 {
                let from = up[t];
                up[t] += v;
                (from, up[t])
            } else {
                let from = down[t];
                down[t] += v;
                (from, down[t])
            };
            #[allow(clippy::cast_precision_loss)]
            let left = x.at(t as f64 + 0.2);
            #[allow(clippy::cast_precision_loss)]
            let right = x.at(t as f64 + 0.8);
            let (y0, y1) = (y.at(from), y.at(to));
            let _ = write!(
                out,
                r#"<rect class="bar" data-name="{}" data-value="{v}" x="{left:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{c}"/>"#,
                esc(&stack.name),
                y0.min(y1),
                right - left,
                (y0 - y1).abs()
            );
        }
    }
    let net: Vec<String> = chart
        .net
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(t, v)| {
            #[allow(clippy::cast_precision_loss)]
            let px = x.at(t as f64 + 0.5);
            format!("{px:.1},{:.1}", y.at(*v))
        })
        .collect();
    let _ = write!(
        out,
        r#"<polyline class="net" points="{}" fill="none" stroke="{INK}" stroke-width="4" stroke-linejoin="round"/>"#,
        net.join(" ")
    );
    for point in &net {
        if let Some((px, py)) = point.split_once(',') {
            let _ = write!(
                out,
                r##"<circle cx="{px}" cy="{py}" r="7" fill="{INK}" stroke="#ffffff" stroke-width="2"/>"##
            );
        }
    }
    let mut entries: Vec<(String, String, Rgb, bool)> = chart
        .stacks
        .iter()
        .map(|s| (s.name.clone(), String::new(), s.colour, false))
        .collect();
    entries.push((
        "Net (benefits less costs)".into(),
        String::new(),
        [0x1f, 0x29, 0x33],
        true,
    ));
    legend(&mut out, &entries);
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert!((nice_step(1_000_000.0, 6.0) - 200_000.0).abs() < 1e-6);
        assert!((nice_step(4_200.0, 6.0) - 1_000.0).abs() < 1e-9);
        assert!((nice_step(7.0, 6.0) - 1.0).abs() < 1e-12);
        assert!((nice_step(12.2, 6.0) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn text_is_escaped_and_wrapped() {
        assert_eq!(esc("A & B <c> \"d\""), "A &amp; B &lt;c&gt; &quot;d&quot;");
        assert_eq!(
            wrap("pays back in 3 years 7 months", 12),
            ["pays back in", "3 years 7", "months"]
        );
    }
}
