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

/// A `robustness` entry function: bytes in, whether they were accepted.
type Entry = fn(&[u8]) -> bool;

fn replay(target: &str, run: Entry, good: &[&str]) {
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
        &[
            "bom.json",
            "edges.json",
            "example-v1.json",
            "example.json",
            "example-v3.sharecase.json",
            "features-v3.json",
        ],
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

/// Mutates the seeds at random (bytes flipped, inserted, deleted, digits and quotes spliced
/// in) and runs each mutant through its target, for `SHARECASE_MUTATE_SECS` seconds per
/// target (default 10): a quick search on the stable toolchain, between fuzzing runs.
/// `cargo test --test all fuzz_seeds -- --ignored --nocapture`.
#[test]
#[ignore = "a timed search, run by hand"]
fn mutated_seeds_never_panic() {
    let seconds: u64 = std::env::var("SHARECASE_MUTATE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let targets: [(&str, Entry); 3] = [
        ("case_file", sharecase::robustness::case_file),
        ("csv_import", sharecase::robustness::csv_import),
        ("xlsx_import", sharecase::robustness::xlsx_import),
    ];
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const SPLICE: [&[u8]; 12] = [
        b"79228162514264337593543950335",
        b"-0.00000001",
        b"1e3",
        b"1_000",
        b"\"",
        b",",
        b"\n",
        b"\xA3",
        b"\xEF\xBB\xBF",
        b"0.999999999999999999",
        b"1,23",
        b"9999999999",
    ];
    for (target, run) in targets {
        let seeds = seeds(target);
        let start = std::time::Instant::now();
        let (mut tried, mut accepted) = (0_u64, 0_u64);
        while start.elapsed().as_secs() < seconds {
            let (_, seed) = &seeds[usize::try_from(next() % seeds.len() as u64).unwrap_or(0)];
            let mut bytes = seed.clone();
            for _ in 0..=next() % 4 {
                let len = bytes.len().max(1) as u64;
                let at = usize::try_from(next() % len).unwrap_or(0).min(bytes.len());
                match next() % 4 {
                    0 if at < bytes.len() => bytes[at] ^= 1 << (next() % 8),
                    1 => {
                        let piece = SPLICE[usize::try_from(next() % 12).unwrap_or(0)];
                        bytes.splice(at..at, piece.iter().copied());
                    }
                    2 if at < bytes.len() => {
                        let end = (at + usize::try_from(next() % 16).unwrap_or(0)).min(bytes.len());
                        bytes.drain(at..end);
                    }
                    _ => {
                        let piece = SPLICE[usize::try_from(next() % 12).unwrap_or(0)];
                        let end = (at + piece.len()).min(bytes.len());
                        bytes.splice(at..end, piece.iter().copied());
                    }
                }
            }
            tried += 1;
            if run(&bytes) {
                accepted += 1;
            }
        }
        println!("{target}: {tried} mutants in {seconds} s, {accepted} accepted, no panic");
    }
}
