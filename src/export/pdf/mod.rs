//! The A4 report for a committee paper, typeset with typst as a library.
//!
//! The figures are written in Rust, exactly as the app writes them, into a JSON file that the
//! template (`report.typ`) reads; the template only lays them out. The charts are the export's
//! own SVGs, embedded as vector graphics. Typst sees only files held in memory and the shipped
//! Inter faces, so the PDF is the same on a machine with no fonts and no network.

mod data;
mod world;

use super::{Chart, ExportError, Provenance};
use crate::case::Case;
use crate::engine::CaseResults;
use data::{ChartRef, Charts};
use typst::foundations::Smart;
use world::ReportWorld;

/// The template, laid out from `/data.json`.
const TEMPLATE: &str = include_str!("report.typ");

/// Typst's errors for one step, joined into one message.
fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn build_error(message: impl Into<String>) -> ExportError {
    ExportError::Build {
        format: "pdf",
        message: message.into(),
    }
}

/// The report as PDF bytes.
///
/// # Errors
/// When the report cannot be typeset.
pub fn report(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
) -> Result<Vec<u8>, ExportError> {
    report_with(case, results, provenance, super::risk_run(case).as_ref())
}

/// The report, with the Monte Carlo trials already run (`None` when they could not be).
///
/// # Errors
/// When the report cannot be typeset.
pub fn report_with(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
    risk: Option<&crate::engine::risk::RiskResults>,
) -> Result<Vec<u8>, ExportError> {
    typeset(case, results, provenance, risk).map(|(pdf, _)| pdf)
}

/// The report and typst's warnings (a missing glyph, say), which do not stop it.
fn typeset(
    case: &Case,
    results: &CaseResults,
    provenance: &Provenance,
    risk: Option<&crate::engine::risk::RiskResults>,
) -> Result<(Vec<u8>, Vec<String>), ExportError> {
    let mut world = ReportWorld::new(TEMPLATE).map_err(build_error)?;

    // The charts: the first payback chart in cash, and each option's investment against
    // savings, which `charts` lists in option order.
    let mut charts = Charts::default();
    let slugs = super::option_slugs(results);
    charts.tornado = vec![None; slugs.len()];
    charts.fan = vec![None; slugs.len()];
    for (index, named) in super::charts_with_risk(case, results, risk)
        .into_iter()
        .enumerate()
    {
        let wanted = match &named.chart {
            Chart::Payback(_) => named.stem == "payback-cash",
            Chart::Flows(_) | Chart::Tornado(_) | Chart::Fan(_) => true,
        };
        if !wanted {
            continue;
        }
        let path = format!("/chart-{index}.svg");
        world
            .add_file(&path, super::chart_svg::svg(&named.chart).into_bytes())
            .map_err(build_error)?;
        let chart = ChartRef {
            path,
            title: named.chart.title().to_owned(),
        };
        let option = |stem: &str, suffix: &str| {
            stem.strip_suffix(suffix)
                .and_then(|slug| slugs.iter().position(|s| s == slug))
        };
        match named.chart {
            Chart::Payback(_) => charts.payback = Some(chart),
            Chart::Flows(_) => charts.flows.push(Some(chart)),
            Chart::Tornado(_) => {
                if let Some(i) = option(&named.stem, "-tornado") {
                    charts.tornado[i] = Some(chart);
                }
            }
            Chart::Fan(_) => {
                if let Some(i) = option(&named.stem, "-fan") {
                    charts.fan[i] = Some(chart);
                }
            }
        }
    }

    let runs = crate::engine::scenario::every(case, |_| false);
    let paper = data::Paper {
        committee: crate::report::committee::build(case, results, risk, &runs),
        runs: &runs,
    };
    let content = data::build(case, results, provenance, charts, risk, paper);
    let json = serde_json::to_vec(&content).map_err(|e| build_error(e.to_string()))?;
    world.add_file("/data.json", json).map_err(build_error)?;

    let compiled = typst::compile(&world);
    // Free typst's caches: a report is made once, and an app may make many.
    typst::comemo::evict(0);
    let warnings = compiled
        .warnings
        .iter()
        .map(|w| w.message.to_string())
        .collect();
    let document = compiled
        .output
        .map_err(|errors| build_error(messages(&errors)))?;
    let options = typst_pdf::PdfOptions {
        creator: Smart::Custom(Some("Sharecase".into())),
        ..typst_pdf::PdfOptions::default()
    };
    let mut pdf =
        typst_pdf::pdf(&document, &options).map_err(|errors| build_error(messages(&errors)))?;
    quiet_suspects(&mut pdf);
    Ok((pdf, warnings))
}

/// Blanks the catalogue's `/Suspects false`, which says only what leaving it out says:
/// poppler (pdftotext, pdftoppm, many Linux viewers) reports a `false` there as "Suspects
/// object is wrong type" on every page read. Spaces of the same length keep every byte
/// offset, so the cross-reference table stays right.
fn quiet_suspects(pdf: &mut [u8]) {
    const MARK: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
    const SUSPECTS: &[u8] = b"/Suspects false";
    if let Some(at) = pdf.windows(MARK.len()).position(|w| w == MARK) {
        let start = at + MARK.len() - 2 - SUSPECTS.len();
        pdf[start..start + SUSPECTS.len()].fill(b' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::example;
    use crate::engine::compute_valid;

    #[test]
    fn the_example_sets_without_warnings() {
        let case = example::case();
        let results = compute_valid(&case);
        let provenance = Provenance {
            file: Some("example.sharecase.json".into()),
            date: "23 November 2026".into(),
            left_out: Vec::new(),
            sha256: None,
        };
        let (pdf, warnings) = typeset(
            &case,
            &results,
            &provenance,
            super::super::risk_run(&case).as_ref(),
        )
        .expect("the report sets");
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(warnings, Vec::<String>::new());
        // Seeded Monte Carlo, no clock: the same case gives the same file, byte for byte.
        let again = report(&case, &results, &provenance).expect("the report sets again");
        assert!(again == pdf, "two reports of the same case differ");
    }
}
