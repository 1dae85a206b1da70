//! Fuzz target: `sharecase::robustness::case_file` must return, never panic, on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sharecase::robustness::case_file(data);
});
