//! Chart images: the SVG is valid, says what the chart description says, and puts each
//! point where its value belongs; the PNG is 1600 x 900 with the series drawn and text set.

use sharecase::case::example;
use sharecase::engine::compute_valid;
use sharecase::export::{self, Chart, chart_png, chart_svg};
use sharecase::report::chart::{PALETTE, PaybackChart, money_tick};

fn parse(svg: &str) -> resvg::usvg::Tree {
    resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).expect("valid SVG")
}

/// The value of attribute `name` in every element of class `class`, in order.
fn attributes(svg: &str, class: &str, name: &str) -> Vec<String> {
    svg.split(&format!("class=\"{class}\""))
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            Some(tag[at..at + tag[at..].find('"')?].to_owned())
        })
        .collect()
}

fn example_charts() -> Vec<export::NamedChart> {
    let case = example::case();
    export::charts(&case, &compute_valid(&case))
}

#[test]
fn every_chart_is_valid_svg_of_the_slide_size_with_its_words() {
    let case = example::case();
    let results = compute_valid(&case);
    for named in example_charts() {
        let svg = chart_svg::svg(&named.chart);
        let tree = parse(&svg);
        assert!((tree.size().width() - 1600.0).abs() < 0.5);
        assert!((tree.size().height() - 900.0).abs() < 0.5);
        assert!(svg.contains(named.chart.title()), "{}", named.stem);
        for year in &results.years {
            assert!(
                svg.contains(&format!(">{year}</text>")),
                "{year} in {}",
                named.stem
            );
        }
        assert!(svg.contains(">Financial year</text>"));
    }
}

#[test]
fn payback_curves_put_each_year_end_where_its_value_belongs() {
    let charts = example_charts();
    let Chart::Payback(chart) = &charts[0].chart else {
        panic!("the first chart is the options' payback");
    };
    let svg = chart_svg::svg(&charts[0].chart);
    let names = attributes(&svg, "curve", "data-name");
    assert_eq!(names, ["Do minimum", "Full shared service"]);
    // The ticks are round amounts, written as the app writes them, and they span the data.
    let ticks: Vec<f64> = attributes(&svg, "tick", "data-value")
        .iter()
        .map(|v| v.parse().expect("number"))
        .collect();
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
    let all: Vec<f64> = chart
        .curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p[1]))
        .collect();
    assert!(all.iter().all(|v| *v >= lo && *v <= hi));
    assert!(ticks.contains(&0.0));
    let step = ticks[1] - ticks[0];
    for tick in &ticks {
        let label = money_tick(
            *tick,
            step,
            &(lo..=hi),
            sharecase::format::MoneyStyle::Compact,
        );
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
    // Map each point back through the axis: the picture's y is linear in the value.
    let y_of = |value: f64| {
        chart_svg::BOTTOM + (value - lo) / (hi - lo) * (chart_svg::TOP - chart_svg::BOTTOM)
    };
    let points = attributes(&svg, "curve", "points");
    for (curve, drawn) in chart.curves.iter().zip(&points) {
        let drawn: Vec<(f64, f64)> = drawn
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').expect("x,y");
                (x.parse().expect("x"), y.parse().expect("y"))
            })
            .collect();
        assert_eq!(drawn.len(), curve.points.len());
        for ((x, y), p) in drawn.iter().zip(&curve.points) {
            assert!((y - y_of(p[1])).abs() < 0.06, "{} at {}", curve.name, p[0]);
            let x_of = chart_svg::LEFT + p[0] / 10.0 * (chart_svg::RIGHT - chart_svg::LEFT);
            assert!((x - x_of).abs() < 0.06);
        }
    }
    // The full shared service pays back: its label is there, in its words.
    let label = &chart.curves[1]
        .break_even
        .as_ref()
        .expect("pays back")
        .label;
    assert!(svg.contains(&format!(">pays back: {label}</text>")));
    assert!(chart.curves[0].break_even.is_none());
    // The option that does not pay back says so in the legend.
    assert!(chart.curves[0].note.starts_with("does not pay back"));
    assert!(svg.contains(">does not pay back within "));
}

#[test]
fn flows_bars_add_up_to_the_net_each_year() {
    let charts = example_charts();
    let named = charts
        .iter()
        .find(|c| c.stem == "full-shared-service-flows")
        .expect("flows chart");
    let Chart::Flows(chart) = &named.chart else {
        panic!("flows");
    };
    let svg = chart_svg::svg(&named.chart);
    let values: Vec<f64> = attributes(&svg, "bar", "data-value")
        .iter()
        .map(|v| v.parse().expect("number"))
        .collect();
    let total: f64 = values.iter().sum();
    let net: f64 = chart.net.iter().sum();
    assert!((total - net).abs() < 0.01, "{total} against {net}");
    for stack in &chart.stacks {
        assert!(svg.contains(&stack.name));
    }
}

#[test]
fn awkward_names_and_data_stay_valid() {
    let odd = PaybackChart {
        title: "R&D <pilot> \"phase 1\"".into(),
        basis_label: String::new(),
        axis_label: "Cumulative".into(),
        years: vec!["2026/27".into()],
        curves: vec![sharecase::report::chart::Curve {
            name: "A & B".into(),
            colour: PALETTE[0],
            dash: sharecase::report::chart::Dash::Dashed,
            points: vec![[0.0, 0.0], [1.0, -1.0e12]],
            break_even: None,
            note: "<none>".into(),
            payback: sharecase::engine::Payback::Immediate,
        }],
    };
    let svg = chart_svg::svg(&Chart::Payback(odd.clone()));
    parse(&svg);
    assert!(svg.contains("R&amp;D &lt;pilot&gt;"));
    let empty = PaybackChart {
        curves: Vec::new(),
        years: Vec::new(),
        ..odd
    };
    parse(&chart_svg::svg(&Chart::Payback(empty)));
}

fn rgba(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).expect("PNG decodes");
    (pixmap.width(), pixmap.height(), pixmap.data().to_vec())
}

#[test]
fn png_is_slide_sized_with_the_series_colours_and_text() {
    let charts = example_charts();
    let png = chart_png::png(&chart_svg::svg(&charts[0].chart)).expect("PNG");
    assert_eq!(&png[1..4], b"PNG");
    let (w, h, data) = rgba(&png);
    assert_eq!((w, h), (1600, 900));
    let count = |rgb: [u8; 3]| {
        data.chunks(4)
            .filter(|p| p[0] == rgb[0] && p[1] == rgb[1] && p[2] == rgb[2])
            .count()
    };
    assert!(count(PALETTE[0]) > 2000, "the first option's blue is drawn");
    assert!(
        count(PALETTE[1]) > 2000,
        "the second option's orange is drawn"
    );
    // The title row (y 30..70) has dark text in it: the shipped font was found.
    let dark_in_title = (30..70)
        .flat_map(|y| (60..900).map(move |x| (y * 1600 + x) * 4))
        .filter(|&i| data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80)
        .count();
    assert!(
        dark_in_title > 1000,
        "title text rendered: {dark_in_title} dark pixels"
    );
}

#[test]
fn tornado_and_fan_are_drawn_from_the_sensitivity_and_the_trials() {
    use rust_decimal::prelude::ToPrimitive;
    let case = example::case();
    let results = compute_valid(&case);
    let risk = export::risk_run(&case).expect("the trials run");
    let charts = export::charts_with_risk(&case, &results, Some(&risk));
    let tornado = charts
        .iter()
        .find(|c| c.stem == "full-shared-service-tornado")
        .expect("a tornado for the full option");
    let svg = chart_svg::svg(&tornado.chart);
    parse(&svg);
    // The widest bar first, low end then high end: the NPVs the sensitivity worked out.
    let bars = sharecase::engine::sensitivity::tornado(&case, &results.options[1], 1, false);
    let drawn: Vec<f64> = attributes(&svg, "bar", "data-value")
        .iter()
        .map(|v| v.parse().expect("number"))
        .collect();
    let widest = &bars.bars[0];
    assert!((drawn[0] - widest.npv_low.to_f64().expect("f64")).abs() < 0.01);
    assert!((drawn[1] - widest.npv_high.to_f64().expect("f64")).abs() < 0.01);
    assert!(svg.contains(&widest.name));
    let fan = charts
        .iter()
        .find(|c| c.stem == "full-shared-service-fan")
        .expect("a fan for the full option");
    let svg = chart_svg::svg(&fan.chart);
    parse(&svg);
    for class in ["band", "median", "central"] {
        assert!(svg.contains(&format!("class=\"{class}\"")), "{class}");
    }
    // Exported, the text is outlines: no font needed to draw it; the title stays.
    let outlined = chart_png::outlined(&svg, fan.chart.title()).expect("outlined");
    parse(&outlined);
    assert!(!outlined.contains("<text"), "no text left to need a font");
    assert!(outlined.contains(&format!("<title>{}</title>", fan.chart.title())));
}
