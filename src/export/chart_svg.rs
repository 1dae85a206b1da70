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
use crate::report::chart::{
    Dash, FanChart, FlowsChart, PALETTE, PaybackChart, Rgb, TornadoChart, money_tick,
};
use std::fmt::Write;

/// Width of a chart image, in pixels (and SVG user units).
pub const WIDTH: u32 = 1600;
/// Height of a chart image.
pub const HEIGHT: u32 = 900;

/// The plot's left edge. Text is at least 27 units high: 8 points when the chart is printed
/// across an A4 page's text width.
pub const LEFT: f64 = 175.0;
/// The plot's right edge: the legend sits below the plot, never on the data.
pub const RIGHT: f64 = 1555.0;
/// The plot's top edge.
pub const TOP: f64 = 130.0;
/// The plot's bottom edge.
pub const BOTTOM: f64 = 600.0;
/// Where the legend starts.
const LEGEND_TOP: f64 = 730.0;
/// The smallest text, in SVG units.
const TEXT: f64 = 27.0;
const INK: &str = "#1f2933";
const MUTED: &str = "#4f5b6a";
const GRID: &str = "#e3e8ef";
const AXIS: &str = "#3d4754";

/// The chart as a standalone SVG document, `WIDTH` by `HEIGHT`.
#[must_use]
pub fn svg(chart: &Chart) -> String {
    match chart {
        Chart::Payback(c) => payback(c),
        Chart::Flows(c) => flows(c),
        Chart::Tornado(c) => tornado(c),
        Chart::Fan(c) => fan(c),
    }
}

/// The `stroke-dasharray` of a dash, for a line `width` wide.
fn dasharray(dash: Dash, width: f64) -> String {
    let pattern: &[f64] = match dash {
        Dash::Solid => return String::new(),
        Dash::Dashed => &[4.0, 2.4],
        Dash::Dotted => &[0.1, 2.2],
        Dash::DashDot => &[4.0, 2.0, 0.1, 2.0],
        Dash::LongDash => &[8.0, 2.4],
    };
    let values: Vec<String> = pattern
        .iter()
        .map(|p| format!("{:.1}", p * width))
        .collect();
    // Round caps turn the dots' short dashes into dots.
    format!(
        r#" stroke-dasharray="{}" stroke-linecap="round""#,
        values.join(" ")
    )
}

/// Text made safe inside XML, for other writers of SVG.
#[must_use]
pub fn escape(text: &str) -> String {
    esc(text)
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
        r#"<text x="50" y="56" font-size="38" font-weight="600" fill="{INK}">{}</text>"#,
        esc(title)
    );
    let _ = write!(
        out,
        r#"<text x="50" y="98" font-size="{TEXT}" fill="{MUTED}">{}</text>"#,
        esc(subtitle)
    );
}

/// Every year's label, or every other one (then every third...) where they would touch;
/// never none.
fn year_step(years: &[String], x: &Scale) -> usize {
    let widest = years
        .iter()
        .map(|l| text_width(l, TEXT))
        .fold(0.0, f64::max);
    let slot = (x.at(1.0) - x.at(0.0)).abs().max(1.0);
    let mut step = 1;
    #[allow(clippy::cast_precision_loss)]
    while widest + 12.0 > slot * step as f64 && step < years.len().max(1) {
        step += 1;
    }
    step
}

fn money_ticks(out: &mut String, y: &Scale, ticks: &[f64]) {
    let style = MoneyStyle::Compact;
    // One unit and one number of decimals for the whole axis, as the app labels it.
    let step = match ticks {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    let range = ticks.first().copied().unwrap_or(0.0)..=ticks.last().copied().unwrap_or(0.0);
    for v in ticks {
        let py = y.at(*v);
        let _ = write!(
            out,
            r#"<line x1="{LEFT}" y1="{py:.1}" x2="{RIGHT}" y2="{py:.1}" stroke="{GRID}" stroke-width="1.5"/>"#
        );
        let _ = write!(
            out,
            r#"<text class="tick" data-value="{v}" x="{:.1}" y="{:.1}" font-size="{TEXT}" fill="{MUTED}" text-anchor="end">{}</text>"#,
            LEFT - 14.0,
            py + 9.0,
            esc(&money_tick(*v, step, &range, style))
        );
    }
}

fn axes(out: &mut String, years: &[String], x: &Scale, y: &Scale, ticks: &[f64], axis: &str) {
    money_ticks(out, y, ticks);
    for t in 0..=years.len() {
        #[allow(clippy::cast_precision_loss)]
        let px = x.at(t as f64);
        let _ = write!(
            out,
            r#"<line x1="{px:.1}" y1="{TOP}" x2="{px:.1}" y2="{BOTTOM}" stroke="{GRID}" stroke-width="1"/>"#
        );
    }
    let step = year_step(years, x);
    for (t, label) in years.iter().enumerate() {
        if t % step != 0 {
            continue;
        }
        #[allow(clippy::cast_precision_loss)]
        let px = x.at(t as f64 + 0.5);
        let _ = write!(
            out,
            r#"<text x="{px:.1}" y="{:.1}" font-size="{TEXT}" fill="{MUTED}" text-anchor="middle">{}</text>"#,
            BOTTOM + 38.0,
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
        r#"<text x="{:.1}" y="{:.1}" font-size="{TEXT}" fill="{MUTED}" text-anchor="middle">Financial year</text>"#,
        f64::midpoint(LEFT, RIGHT),
        BOTTOM + 80.0
    );
    let _ = write!(
        out,
        r#"<text x="40" y="{mid:.1}" font-size="{TEXT}" fill="{MUTED}" text-anchor="middle" transform="rotate(-90 40 {mid:.1})">{}</text>"#,
        esc(axis),
        mid = f64::midpoint(TOP, BOTTOM)
    );
}

/// `text` cut to `chars` characters at a word, with an ellipsis where it was cut.
fn ellipsis(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let first = wrap(text, chars.saturating_sub(1).max(1))
        .into_iter()
        .next()
        .unwrap_or_default();
    format!("{first}\u{2026}")
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

/// One legend entry: name, a note under it, colour, and a line (with its dash) or a block.
struct Entry {
    name: String,
    note: String,
    colour: Rgb,
    line: Option<Dash>,
}

/// The legend, below the plot and the year labels, in columns: a swatch (the series' line
/// with its dash, or a block), the name, and any note under it. Entries that do not fit
/// keep their names and lose their notes before any is left out.
fn legend(out: &mut String, entries: &[Entry]) {
    if entries.is_empty() {
        return;
    }
    let space = f64::from(HEIGHT) - LEGEND_TOP - 10.0;
    let with_notes = entries.iter().any(|e| !e.note.is_empty());
    let columns = if entries.len() <= 2 { 2 } else { 3 };
    #[allow(clippy::cast_precision_loss)]
    let column_width = (f64::from(WIDTH) - 100.0) / columns as f64;
    let chars = ((column_width - 70.0) / (TEXT * 0.56)).floor().max(8.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let chars = chars as usize;
    let rows = entries.len().div_ceil(columns);
    #[allow(clippy::cast_precision_loss)]
    let notes_fit = with_notes && rows as f64 * 72.0 <= space;
    let row_height = if notes_fit { 72.0 } else { 38.0 };
    for (i, entry) in entries.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let (col, row) = ((i % columns) as f64, (i / columns) as f64);
        let y = LEGEND_TOP + row * row_height;
        if y + 10.0 > f64::from(HEIGHT) {
            break;
        }
        let x = 50.0 + col * column_width;
        let c = hex(entry.colour);
        match entry.line {
            Some(dash) => {
                let _ = write!(
                    out,
                    r#"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{c}" stroke-width="5"{}/>"#,
                    y - 9.0,
                    x + 52.0,
                    y - 9.0,
                    dasharray(dash, 5.0)
                );
            }
            None => {
                let _ = write!(
                    out,
                    r#"<rect x="{x:.1}" y="{:.1}" width="44" height="22" rx="3" fill="{c}"/>"#,
                    y - 20.0
                );
            }
        }
        let name = ellipsis(&entry.name, chars);
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{y:.1}" font-size="{TEXT}" font-weight="600" fill="{INK}">{}</text>"#,
            x + 64.0,
            esc(&name)
        );
        if notes_fit && !entry.note.is_empty() {
            let note = ellipsis(&entry.note, chars);
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="{TEXT}" fill="{MUTED}">{}</text>"#,
                x + 64.0,
                y + 32.0,
                esc(&note)
            );
        }
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
    let mut drawn: Vec<Vec<(f64, f64)>> = Vec::new();
    for curve in &chart.curves {
        let c = hex(curve.colour);
        let picture: Vec<(f64, f64)> = curve
            .points
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .map(|p| (x.at(p[0]), y.at(p[1])))
            .collect();
        let points: Vec<String> = picture
            .iter()
            .map(|(px, py)| format!("{px:.1},{py:.1}"))
            .collect();
        let values: Vec<String> = curve.points.iter().map(|p| format!("{}", p[1])).collect();
        let _ = write!(
            out,
            r#"<polyline class="curve" data-name="{}" data-values="{}" points="{}" fill="none" stroke="{c}" stroke-width="5" stroke-linejoin="round"{}/>"#,
            esc(&curve.name),
            values.join(" "),
            points.join(" "),
            dasharray(curve.dash, 5.0)
        );
        for (px, py) in picture.iter().skip(1) {
            let _ = write!(
                out,
                r#"<circle cx="{px:.1}" cy="{py:.1}" r="5.5" fill="{c}"/>"#
            );
        }
        drawn.push(picture);
    }
    break_even_labels(&mut out, chart, &x, &y, &drawn);
    let entries: Vec<Entry> = chart
        .curves
        .iter()
        .map(|c| Entry {
            name: c.name.clone(),
            note: c.note.clone(),
            colour: c.colour,
            line: Some(c.dash),
        })
        .collect();
    legend(&mut out, &entries);
    out.push_str("</svg>\n");
    out
}

/// A box in picture units: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// True when the segment from `a` to `b` passes through `r`.
fn crosses(r: Rect, a: (f64, f64), b: (f64, f64)) -> bool {
    (0..=24).any(|k| {
        let t = f64::from(k) / 24.0;
        let (px, py) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        px >= r.0 && px <= r.2 && py >= r.1 && py <= r.3
    })
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Marks each break-even point on the zero line and labels it with the name and when it
/// pays back, in the first place near it that no curve and no other label passes through;
/// a point with no such place keeps its mark, and the legend has its words.
fn break_even_labels(
    out: &mut String,
    chart: &PaybackChart,
    x: &Scale,
    y: &Scale,
    drawn: &[Vec<(f64, f64)>],
) {
    let mut marks: Vec<(f64, usize)> = chart
        .curves
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.break_even.as_ref().map(|b| (b.x, i)))
        .filter(|(bx, _)| bx.is_finite())
        .collect();
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let zero = y.at(0.0);
    let mut taken: Vec<Rect> = Vec::new();
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
        let lines = [curve.name.clone(), format!("pays back: {}", be.label)];
        let width = lines
            .iter()
            .map(|l| text_width(l, TEXT))
            .fold(0.0, f64::max);
        let height = 2.0 * 34.0;
        // Above and to the left first (where curves have not yet paid back), then the
        // other three corners, each nearer and further from the zero line.
        let mut place = None;
        'search: for distance in [30.0, 90.0, 150.0, 210.0] {
            for (left, above) in [(true, true), (false, false), (false, true), (true, false)] {
                let x0 = if left { px - 18.0 - width } else { px + 18.0 };
                let y0 = if above {
                    zero - distance - height
                } else {
                    zero + distance
                };
                let r = (x0, y0, x0 + width, y0 + height);
                if r.0 < LEFT + 4.0 || r.2 > RIGHT - 4.0 || r.1 < TOP + 4.0 || r.3 > BOTTOM - 4.0 {
                    continue;
                }
                let clear = drawn
                    .iter()
                    .all(|p| p.windows(2).all(|w| !crosses(r, w[0], w[1])))
                    && taken.iter().all(|t| !overlaps(*t, r));
                if clear {
                    place = Some((r, left));
                    break 'search;
                }
            }
        }
        let Some((r, left)) = place else {
            continue;
        };
        taken.push(r);
        let (tx, anchor) = if left { (r.2, "end") } else { (r.0, "start") };
        // A thin leader from the label to its mark.
        let (lx, ly) = (
            if left { r.2 + 6.0 } else { r.0 - 6.0 },
            if r.1 < zero { r.3 } else { r.1 },
        );
        let _ = write!(
            out,
            r#"<line x1="{lx:.1}" y1="{ly:.1}" x2="{px:.1}" y2="{zero:.1}" stroke="{c}" stroke-width="2"/>"#
        );
        for (k, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let ty = r.1 + 27.0 + k as f64 * 34.0;
            let weight = if k == 0 { "600" } else { "400" };
            let class = if k == 0 {
                ""
            } else {
                r#" class="break-even-label""#
            };
            let _ = write!(
                out,
                r##"<text{class} x="{tx:.1}" y="{ty:.1}" font-size="{TEXT}" font-weight="{weight}" fill="{c}" text-anchor="{anchor}" stroke="#ffffff" stroke-width="6" paint-order="stroke">{}</text>"##,
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
                r##"<rect class="bar" data-name="{}" data-value="{v}" x="{left:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{c}" stroke="#ffffff" stroke-width="1.5"/>"##,
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
    let mut entries: Vec<Entry> = chart
        .stacks
        .iter()
        .map(|s| Entry {
            name: s.name.clone(),
            note: String::new(),
            colour: s.colour,
            line: None,
        })
        .collect();
    entries.push(Entry {
        name: "Net (benefits less costs)".into(),
        note: String::new(),
        colour: [0x1f, 0x29, 0x33],
        line: Some(Dash::Solid),
    });
    legend(&mut out, &entries);
    out.push_str("</svg>\n");
    out
}

/// The tornado: a horizontal bar per line from its low-end NPV to its high-end NPV, the
/// widest at the top, about a line at the central NPV; names on the left.
fn tornado(chart: &TornadoChart) -> String {
    let mut out = String::new();
    start(&mut out, &chart.title, &chart.basis_label);
    let left = 520.0;
    let (lo, hi) = chart
        .bars
        .iter()
        .fold((chart.base, chart.base), |(lo, hi), (_, a, b)| {
            (lo.min(a.min(*b)), hi.max(a.max(*b)))
        });
    let span = (hi - lo).max(1.0);
    let step = nice_step(span, 5.0);
    let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let x = Scale {
        lo,
        hi,
        from: left,
        to: RIGHT,
    };
    let style = MoneyStyle::Compact;
    let range = lo..=hi;
    let mut v = lo;
    while v <= hi + step * 1e-9 {
        let px = x.at(v);
        let _ = write!(
            out,
            r#"<line x1="{px:.1}" y1="{TOP}" x2="{px:.1}" y2="{BOTTOM}" stroke="{GRID}" stroke-width="1.5"/>"#
        );
        let _ = write!(
            out,
            r#"<text class="tick" data-value="{v}" x="{px:.1}" y="{:.1}" font-size="{TEXT}" fill="{MUTED}" text-anchor="middle">{}</text>"#,
            BOTTOM + 38.0,
            esc(&money_tick(v, step, &range, style))
        );
        v += step;
    }
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" font-size="{TEXT}" fill="{MUTED}" text-anchor="middle">Net present value</text>"#,
        f64::midpoint(left, RIGHT),
        BOTTOM + 80.0
    );
    let count = chart.bars.len().max(1);
    #[allow(clippy::cast_precision_loss)]
    let slot = (BOTTOM - TOP) / count as f64;
    let chars = ((left - 70.0) / (TEXT * 0.56)).floor();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let chars = chars.max(8.0) as usize;
    for (i, (name, low, high)) in chart.bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let mid = TOP + slot * (i as f64 + 0.5);
        let h = (slot * 0.62).min(44.0);
        for (value, colour) in [(*low, PALETTE[1]), (*high, PALETTE[0])] {
            let (a, b) = (x.at(chart.base), x.at(value));
            let _ = write!(
                out,
                r#"<rect class="bar" data-name="{}" data-value="{value}" x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{}"/>"#,
                esc(name),
                a.min(b),
                mid - h / 2.0,
                (a - b).abs(),
                hex(colour)
            );
        }
        let label = ellipsis(name, chars);
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="{TEXT}" fill="{INK}" text-anchor="end">{}</text>"#,
            left - 16.0,
            mid + 9.0,
            esc(&label)
        );
    }
    let base = x.at(chart.base);
    let _ = write!(
        out,
        r#"<line x1="{base:.1}" y1="{TOP}" x2="{base:.1}" y2="{BOTTOM}" stroke="{AXIS}" stroke-width="3"/>"#
    );
    legend(
        &mut out,
        &[
            Entry {
                name: "Line at the low end of its range".into(),
                note: String::new(),
                colour: PALETTE[1],
                line: None,
            },
            Entry {
                name: "Line at the high end of its range".into(),
                note: String::new(),
                colour: PALETTE[0],
                line: None,
            },
        ],
    );
    out.push_str("</svg>\n");
    out
}

/// The fan: the band from P10 to P90 of the trials' cumulative cash position, the median,
/// and the central case, year by year.
fn fan(chart: &FanChart) -> String {
    let mut out = String::new();
    start(&mut out, &chart.title, &chart.basis_label);
    let x = year_scale(chart.years.len());
    let (y, ticks) = money_axis(
        chart
            .band
            .iter()
            .flat_map(|b| b.iter().copied())
            .chain(chart.central.iter().copied()),
    );
    axes(
        &mut out,
        &chart.years,
        &x,
        &y,
        &ticks,
        "Cumulative cash position",
    );
    #[allow(clippy::cast_precision_loss)]
    let at = |t: usize, v: f64| format!("{:.1},{:.1}", x.at(t as f64), y.at(v));
    let mut band: Vec<String> = vec![at(0, 0.0)];
    band.extend(chart.band.iter().enumerate().map(|(t, b)| at(t + 1, b[2])));
    band.extend(
        chart
            .band
            .iter()
            .enumerate()
            .rev()
            .map(|(t, b)| at(t + 1, b[0])),
    );
    let blue = hex(PALETTE[0]);
    let _ = write!(
        out,
        r#"<polygon class="band" points="{}" fill="{blue}" fill-opacity="0.22" stroke="none"/>"#,
        band.join(" ")
    );
    let median: Vec<String> = std::iter::once(at(0, 0.0))
        .chain(chart.band.iter().enumerate().map(|(t, b)| at(t + 1, b[1])))
        .collect();
    let _ = write!(
        out,
        r#"<polyline class="median" points="{}" fill="none" stroke="{blue}" stroke-width="5" stroke-linejoin="round"/>"#,
        median.join(" ")
    );
    let central: Vec<String> = std::iter::once(at(0, 0.0))
        .chain(chart.central.iter().enumerate().map(|(t, v)| at(t + 1, *v)))
        .collect();
    let orange = hex(PALETTE[1]);
    let _ = write!(
        out,
        r#"<polyline class="central" points="{}" fill="none" stroke="{orange}" stroke-width="5" stroke-linejoin="round"{}/>"#,
        central.join(" "),
        dasharray(Dash::Dashed, 5.0)
    );
    legend(
        &mut out,
        &[
            Entry {
                name: "P10 to P90 of the trials".into(),
                note: String::new(),
                colour: [0xB3, 0xD3, 0xE8],
                line: None,
            },
            Entry {
                name: "Median trial (P50)".into(),
                note: String::new(),
                colour: PALETTE[0],
                line: Some(Dash::Solid),
            },
            Entry {
                name: "Central case".into(),
                note: String::new(),
                colour: PALETTE[1],
                line: Some(Dash::Dashed),
            },
        ],
    );
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
