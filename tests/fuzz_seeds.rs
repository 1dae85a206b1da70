//! The fuzz targets' seed corpus (`fuzz/seeds/`), replayed through the same entry functions
//! the targets call, so the normal test run exercises every path the fuzzers start from.
//! Each must return, never panic; the seeds that are good input must also be accepted.

use std::path::PathBuf;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("seed"))
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds for {target}");
    out
}

fn replay(target: &str, run: fn(&[u8]) -> bool, good: &[&str]) {
    for (name, bytes) in seeds(target) {
        let accepted = run(&bytes);
        assert_eq!(
            accepted,
            good.contains(&name.as_str()),
            "{target}/{name}: accepted {accepted}"
        );
    }
}

#[test]
fn case_file_seeds() {
    replay(
        "case_file",
        sharecase::robustness::case_file,
        &["bom.json", "edges.json", "example-v1.json", "example.json"],
    );
}

#[test]
fn csv_import_seeds() {
    replay(
        "csv_import",
        sharecase::robustness::csv_import,
        &["good.csv"],
    );
}

#[test]
fn xlsx_import_seeds() {
    replay(
        "xlsx_import",
        sharecase::robustness::xlsx_import,
        &["good.xlsx"],
    );
}
