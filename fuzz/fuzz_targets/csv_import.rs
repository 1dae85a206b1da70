//! Fuzz target: `sharecase::robustness::csv_import` must return, never panic, on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sharecase::robustness::csv_import(data);
});
