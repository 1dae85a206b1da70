//! The built-in example case, embedded from `assets/`, so a new user sees a complete case.

use super::{Case, from_json};

/// The example case file as shipped: three district councils sharing ICT and revenues and
/// benefits, with a do-minimum and a full shared service.
pub const EXAMPLE_JSON: &str = include_str!("../../assets/example.sharecase.json");

/// The example case.
///
/// # Panics
/// Never in a released build: a test checks that the embedded file loads and is valid.
#[must_use]
pub fn case() -> Case {
    from_json(EXAMPLE_JSON).expect("the embedded example case is a valid case file")
}
