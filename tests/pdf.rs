//! The PDF report, read back the way a person or a committee clerk would: its text with
//! `pdftotext`, its fonts with `pdffonts`, its first page as a picture with `pdftoppm`
//! (Debian package poppler-utils).

use crate::common;

use common::{bare_case, by_year, d, line};
use sharecase::case::{Case, LineKind, Partner, Sharing, SharingBasis, example};
use sharecase::engine::{CaseResults, compute_valid};
use sharecase::export::{Provenance, pdf};
use sharecase::format::{MoneyStyle, money, money_cell};
use sharecase::report::{risk, words};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::time::Instant;

const INSTALL: &str = "install the Debian package poppler-utils (apt-get install -y poppler-utils)";

/// Runs a poppler tool, failing with what to install when it is missing.
fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}): {INSTALL}"));
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-report");
    std::fs::create_dir_all(&dir).expect("a folder for the test reports");
    dir
}

/// Builds the report of `case`, writes it as `name.pdf`, and returns its path.
fn write_report(case: &Case, results: &CaseResults, file: Option<&str>, name: &str) -> PathBuf {
    let provenance = Provenance {
        file: file.map(str::to_owned),
        date: "23 November 2026".into(),
        left_out: Vec::new(),
        sha256: None,
    };
    let start = Instant::now();
    let bytes = pdf::report(case, results, &provenance).expect("the report is made");
    eprintln!(
        "{name}: {} bytes in {:.0} ms",
        bytes.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    assert!(bytes.starts_with(b"%PDF"), "a PDF starts with %PDF");
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, &bytes).expect("the report is written");
    path
}

/// The report's text with every run of white space made one space, and a word broken after
/// its hyphen at the end of a line ("seven-" / "year") joined again.
fn text_of(path: &Path) -> String {
    // In content order, a table cell's lines stay together.
    common::joined_pdf_lines(&poppler(
        "pdftotext",
        &["-raw", &path.to_string_lossy(), "-"],
    ))
}

fn assert_has(text: &str, wanted: &str) {
    let wanted = wanted.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(&wanted),
        "the report should contain {wanted:?}; its text is:\n{text}"
    );
}

fn pages(path: &Path) -> usize {
    poppler("pdfinfo", &[&path.to_string_lossy()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

#[test]
fn example_report_shows_the_figures_as_the_app_writes_them() {
    let case = example::case();
    let results = compute_valid(&case);
    let path = write_report(&case, &results, Some("example.sharecase.json"), "example");
    let text = text_of(&path);

    assert_has(&text, &case.title);
    assert_has(&text, &case.description);
    assert_has(&text, "23 November 2026");
    assert_has(&text, "example.sharecase.json");
    for partner in &results.partners {
        assert_has(&text, partner);
    }
    let risk = sharecase::engine::risk::run(
        &case,
        u64::from(case.risk.trials),
        case.risk.seed,
        &AtomicU64::new(0),
        &AtomicBool::new(false),
    )
    .expect("the example's Monte Carlo runs");
    for (index, option) in results.options.iter().enumerate() {
        let m = &option.figures.measures;
        assert_has(&text, &option.name);
        assert_has(&text, &money(m.npv, MoneyStyle::Pounds));
        assert_has(&text, &words::payback(&m.payback, &results.years));
        assert_has(
            &text,
            &words::payback(&m.discounted_payback, &results.years),
        );
        assert_has(&text, &words::irr(&m.irr));
        assert_has(&text, &money(m.totals.investment_cash, MoneyStyle::Pounds));
        for warning in &option.figures.warnings {
            assert_has(&text, &words::warning_line(warning, &results.years, None));
        }
        // The last row of the yearly table, as the app writes it.
        let last = option.figures.years.last().expect("a year");
        assert_has(
            &text,
            &format!(
                "{} {} {}",
                last.label,
                money_cell(last.investment_cash, MoneyStyle::Pounds),
                money_cell(last.costs_cash, MoneyStyle::Pounds)
            ),
        );
        // The Monte Carlo headline, from the case's own trials and seed.
        let outcome = &risk.options[index][0];
        assert_has(
            &text,
            &format!(
                "{} {}.",
                option.name,
                risk::option_headline(
                    &case.options[index],
                    outcome,
                    case.risk.target_year,
                    &results.years
                )
            ),
        );
        for line in &case.options[index].lines {
            if !line.source.trim().is_empty() {
                assert_has(&text, line.source.trim());
            }
        }
    }
    for basis in &case.bases {
        assert_has(&text, &basis.name);
    }

    let count = pages(&path);
    eprintln!("example: {count} pages");
    // Page 1 for the committee, the options, each council's budget by year, scenarios,
    // sensitivity with its charts, assumptions, lines, yearly figures, glossary and audit.
    assert!(
        (4..=24).contains(&count),
        "the example report has {count} pages"
    );
}

#[test]
fn only_the_shipped_inter_faces_are_used_and_embedded() {
    let case = example::case();
    let results = compute_valid(&case);
    let path = write_report(&case, &results, None, "fonts");
    let listing = poppler("pdffonts", &[&path.to_string_lossy()]);
    let rows: Vec<&str> = listing
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "pdffonts lists fonts:\n{listing}");
    let mut names = Vec::new();
    for row in &rows {
        let fields: Vec<&str> = row.split_whitespace().collect();
        assert!(fields.len() >= 7, "a pdffonts row: {row}");
        let name = fields[0];
        let embedded = fields[fields.len() - 5];
        assert!(name.contains("Inter"), "only Inter is used, not {name}");
        assert_eq!(embedded, "yes", "{name} is embedded:\n{listing}");
        names.push(name.split_once('+').map_or(name, |(_, n)| n));
    }
    // typst names a subset face after the font and its encoding: Inter-Regular-Identity-H.
    assert!(
        names.iter().any(|n| n.starts_with("Inter-Regular")),
        "{listing}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("Inter-SemiBold")),
        "{listing}"
    );
    // With no file, the report says so.
    assert_has(&text_of(&path), "not yet saved");
}

#[test]
fn first_page_renders_to_a_picture_with_ink_on_it() {
    let case = example::case();
    let results = compute_valid(&case);
    let path = write_report(&case, &results, Some("example.sharecase.json"), "picture");
    let prefix = out_dir().join("picture-page");
    poppler(
        "pdftoppm",
        &[
            "-r",
            "50",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            &path.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    );
    let png = std::fs::read(prefix.with_extension("png")).expect("pdftoppm wrote the page");
    let page = resvg::tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    // A4 at 50 dots per inch.
    assert!(
        (413..=414).contains(&page.width()) && page.height() == 585,
        "A4 at 50 dots per inch, not {}x{}",
        page.width(),
        page.height()
    );
    let pixels = page.pixels();
    let inked = pixels
        .iter()
        .filter(|p| u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 600)
        .count();
    let dark = pixels
        .iter()
        .filter(|p| u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 300)
        .count();
    assert!(
        inked * 100 > pixels.len(),
        "page 1 has ink on more than 1% of it, not {inked} of {} pixels",
        pixels.len()
    );
    assert!(dark > 500, "page 1 has dark text, not {dark} dark pixels");
}

/// Names full of typst markup: each must print as typed, and none may change the layout.
#[test]
fn typst_markup_in_names_prints_literally() {
    let title = r#"Case #1: *not bold* $x^2$ <label> _under_ @ref \ [box]"#;
    let option = "Option #set text(red) *A* $5 = £5";
    let line_name = "Line // not a comment `raw` ~ -- ---";
    let partner_a = "A&B <Council> #1";
    let partner_b = "C_2 @home";
    let source = r#"Quote "x" #import "y": * $z$"#;

    let mut case = bare_case(4);
    case.title = title.into();
    case.description = "Described with #emph[markup], =heading and - a list.".into();
    case.partners = vec![
        Partner {
            name: partner_a.into(),
            budget_gap: Vec::new(),
        },
        Partner {
            name: partner_b.into(),
            budget_gap: Vec::new(),
        },
    ];
    case.bases = vec![SharingBasis {
        name: "Basis #x".into(),
        weights: [
            (partner_a.to_owned(), d("3").into()),
            (partner_b.to_owned(), d("1").into()),
        ]
        .into(),
        source: "Counted *by* hand".into(),
    }];
    case.options[0].name = option.into();
    let mut invest = line(line_name, LineKind::CapitalInvestment, by_year(&["1000"]));
    invest.source = source.into();
    invest.sharing = Sharing::Basis("Basis #x".into());
    case.options[0].lines.push(invest);
    case.options[0].lines.push(line(
        "Saving $$",
        LineKind::Saving,
        by_year(&["0", "600", "600", "600"]),
    ));
    let results = compute_valid(&case);
    let path = write_report(&case, &results, Some("#case <1>.sharecase.json"), "markup");
    let text = text_of(&path);
    for wanted in [
        title,
        option,
        line_name,
        partner_a,
        partner_b,
        source,
        "Saving $$",
        "Basis #x",
        "Counted *by* hand",
        "#case <1>.sharecase.json",
        "Described with #emph[markup], =heading and - a list.",
    ] {
        assert_has(&text, wanted);
    }
    let npv = results.options[0].figures.measures.npv;
    assert_has(&text, &money(npv, MoneyStyle::Pounds));
}

/// A large case (five options of thirty lines, five partners): long tables break across
/// pages with their column titles repeated, and every option is there.
#[test]
fn a_large_case_sets_every_option() {
    let mut case = example::sized(5, 30);
    case.risk.trials = 1_000;
    let results = compute_valid(&case);
    let path = write_report(&case, &results, Some("large.sharecase.json"), "large");
    let text = text_of(&path);
    for option in &results.options {
        let m = &option.figures.measures;
        assert_has(&text, &option.name);
        assert_has(&text, &money(m.npv, MoneyStyle::Pounds));
        assert_has(&text, &words::payback(&m.payback, &results.years));
    }
    let count = pages(&path);
    eprintln!("large: {count} pages");
    // The lines table alone runs to 150 rows: more than one page, titles repeated.
    assert!(count > 10, "the large report has {count} pages");
    assert!(
        text.matches("Amounts as entered").count() >= 2,
        "the lines table repeats its column titles on each page"
    );
}

#[test]
fn an_option_left_out_of_the_paper_is_named_with_why() {
    let case = sharecase::case::example::case();
    let results = sharecase::engine::compute(&case).expect("valid");
    let (only, results) =
        sharecase::export::select(&case, &results, Some("Do minimum")).expect("an option");
    let provenance = Provenance {
        file: None,
        date: "23 November 2026".into(),
        left_out: vec![
            "Full shared service (line 1 \"Revenues and benefits system\"): the phasing adds up to 90%, not 100%".into(),
        ],
        sha256: None,
    };
    let bytes = pdf::report(&only, &results, &provenance).expect("the report is made");
    let path = out_dir().join("left-out.pdf");
    std::fs::write(&path, &bytes).expect("written");
    let text = text_of(&path);
    assert_has(
        &text,
        "Not in this report, until put right: Full shared service (line 1 \"Revenues and benefits system\"): the phasing adds up to 90%, not 100%.",
    );
}

/// Page 1 as pdftotext reads it.
fn first_page(path: &Path) -> String {
    common::joined_pdf_lines(&poppler(
        "pdftotext",
        &["-raw", "-f", "1", "-l", "1", &path.to_string_lossy(), "-"],
    ))
}

/// The committee pack made as an officer makes it, with `sharecase export` on a saved case
/// file: page 1 has the recommendation, the preferred option's payback and NPV as the app
/// writes them, each council's payback and budget effect in £000, every scenario; the audit
/// trail has the file's SHA-256 as `sha256sum` computes it; poppler reads and renders every
/// page without a complaint.
#[test]
fn the_committee_pack_says_what_is_recommended_who_pays_and_where_it_came_from() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("joint-committee.sharecase.json");
    std::fs::write(&file, example::EXAMPLE_JSON).expect("case written");
    let out = dir.path().join("paper");
    assert_cmd::Command::cargo_bin("sharecase")
        .expect("binary built")
        .args([
            "export",
            &file.to_string_lossy(),
            "--to",
            &out.to_string_lossy(),
        ])
        .args(["--formats", "pdf", "--date", "2 December 2026"])
        .assert()
        .success();
    let pdf = std::fs::read_dir(&out)
        .expect("paper folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("the report");
    let case = example::case();
    let results = compute_valid(&case);
    let page = first_page(&pdf);
    assert_has(&page, "Recommendation");
    assert_has(&page, &case.recommendation);
    assert_has(&page, "Recommended option: Full shared service.");
    let full = &results.options[1];
    let m = &full.figures.measures;
    assert_has(&page, &words::payback(&m.payback, &results.years));
    assert_has(
        &page,
        &words::payback(&m.discounted_payback, &results.years),
    );
    assert_has(&page, &money(m.npv, MoneyStyle::Pounds));
    // Each council's payback, then its budget effect in each of the first three years,
    // £000, from the budget worked out for that council.
    let budget = sharecase::engine::budget::option_budget(&case, full, 1);
    for (partner, b) in full.partners.iter().zip(&budget.partners) {
        let mut row = vec![
            partner.name.clone(),
            words::payback(&partner.figures.measures.payback, &results.years),
        ];
        row.extend(
            b.years
                .iter()
                .take(3)
                .map(|y| sharecase::format::in_thousands(y.revenue_budget_impact)),
        );
        assert_has(&page, &row.join(" "));
    }
    for name in case.scenario_names() {
        assert_has(&page, &format!("{name}: pays back"));
    }
    // The example's trials expect a delay its central case does not have: page 1 says so.
    assert_has(&page, "The central case and the trials disagree");
    let text = text_of(&pdf);
    for status in [
        "Draft",
        "JC/2026/014",
        "Alex Morgan, Strategic Finance Manager",
    ] {
        assert_has(&text, status);
    }
    let sum = Command::new("sha256sum")
        .arg(&file)
        .output()
        .expect("sha256sum runs");
    let sum = String::from_utf8_lossy(&sum.stdout);
    let hash = sum.split_whitespace().next().expect("a hash");
    assert_eq!(hash.len(), 64);
    assert_has(&text, &format!("Case file SHA-256 {hash}"));
    assert_has(&text, "Glossary");
    assert_has(&text, "Minimum revenue provision (MRP)");
    // The budget tables are in £000, with no £ or k on the figures.
    assert!(text.contains("£000"), "a £000 heading");
    let raw = poppler("pdftotext", &["-raw", &pdf.to_string_lossy(), "-"]);
    let rows: Vec<&str> = raw
        .lines()
        .filter(|l| l.starts_with("Running costs ") || l.starts_with("Net revenue budget"))
        .collect();
    assert!(rows.len() >= 8, "budget rows for every partner: {rows:?}");
    for row in rows {
        assert!(!row.contains('£') && !row.contains("k "), "{row}");
    }
    // Every page renders, and poppler has nothing to say about the file.
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    assert!(
        info.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&info.stderr)
    );
    let count = pages(&pdf);
    let render = Command::new("pdftoppm")
        .args(["-r", "20", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .output()
        .expect("pdftoppm");
    assert!(
        render.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let rendered = std::fs::read_dir(dir.path())
        .expect("folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("page"))
        .count();
    assert_eq!(rendered, count, "every page rendered");
}

/// When the trials' median payback is later than the central case's, page 1 says so and
/// why: here the ranges expect the savings six to twelve months late, the central case has
/// them on time.
#[test]
fn page_one_reconciles_a_later_median_payback() {
    let mut case = example::case();
    case.options[1].delay_range = Some(sharecase::case::DelayRange {
        low: 6,
        most_likely: 9,
        high: 12,
        distribution: sharecase::case::Distribution::Triangular,
    });
    for line in &mut case.options[1].lines {
        line.range = None;
    }
    let results = compute_valid(&case);
    let risk = sharecase::export::risk_run(&case).expect("the trials run");
    let outcome = &risk.options[1][0];
    let central = match &results.options[1].figures.measures.payback {
        sharecase::engine::Payback::After { years, .. } => {
            rust_decimal::prelude::ToPrimitive::to_f64(years).expect("years")
        }
        other => panic!("the example pays back: {other:?}"),
    };
    assert!(
        outcome.payback.p50 > central + 0.25,
        "the median trial ({}) pays back later than the central case ({central})",
        outcome.payback.p50
    );
    let path = write_report(&case, &results, Some("late.sharecase.json"), "late");
    let page = first_page(&path);
    assert_has(&page, "The central case and the trials disagree");
    assert_has(&page, "the ranges expect 6-12 months, most likely 9");
}
