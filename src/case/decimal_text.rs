//! Decimals in a case file are strings of plain digits (`"1250000.00"`, `"-0.5"`), and
//! nothing else: a JSON number would pass through binary floating point on the way in, and
//! `"1e3"` or `"1_000"` are spellings a finance officer would not write, so each is refused
//! with the field named rather than read one way or another. Weights keyed twice are refused
//! too, as duplicate fields are everywhere else.

use super::partner::Weight;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// Reads plain decimal text: an optional minus, digits, an optional point and digits.
fn parse<E: de::Error>(text: &str) -> Result<Decimal, E> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    let plain = !(whole.is_empty() && fraction.is_empty())
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.chars().all(|c| c.is_ascii_digit())
        && !(body.contains('.') && (whole.is_empty() || fraction.is_empty()));
    if !plain {
        return Err(E::custom(format!(
            "\"{text}\" is not a number Sharecase can read exactly: write plain digits with an optional minus and decimal point, such as \"1250000.00\" or \"0.035\" (no exponent, underscores, commas or spaces)"
        )));
    }
    Decimal::from_str_exact(text).map_err(|_| {
        E::custom(format!(
            "\"{text}\" has more than the 28 significant digits Sharecase holds exactly"
        ))
    })
}

fn number<E: de::Error>(shown: &dyn fmt::Display) -> E {
    E::custom(format!(
        "{shown} is a JSON number: write it as a decimal string, \"{shown}\", so that it is read exactly"
    ))
}

struct One;

impl Visitor<'_> for One {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal string such as \"1250000.00\"")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Err(number(&v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Err(number(&v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(number(&v))
    }
}

/// One decimal, as a string.
///
/// # Errors
/// Anything but plain decimal text.
pub fn one<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(One)
}

/// An optional decimal (`null` or absent is none).
///
/// # Errors
/// Anything but plain decimal text or null.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    struct Opt;
    impl<'de> Visitor<'de> for Opt {
        type Value = Option<Decimal>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal string or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            one(d).map(Some)
        }
    }
    d.deserialize_option(Opt)
}

/// A list of decimals.
///
/// # Errors
/// Anything but a list of plain decimal text.
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
    struct List;
    impl<'de> Visitor<'de> for List {
        type Value = Vec<Decimal>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of decimal strings")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(v) = seq.next_element_seed(Seed)? {
                out.push(v);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(List)
}

struct Seed;

impl<'de> de::DeserializeSeed<'de> for Seed {
    type Value = Decimal;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        one(d)
    }
}

/// A weight: one decimal string, or a list of them (one per year).
struct WeightSeed;

impl<'de> de::DeserializeSeed<'de> for WeightSeed {
    type Value = Weight;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Weight, D::Error> {
        struct W;
        impl<'de> Visitor<'de> for W {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal string, or a list of one decimal string per year")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Weight, E> {
                parse(v).map(Weight::Same)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Weight, E> {
                Err(number(&v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Weight, E> {
                Err(number(&v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Weight, E> {
                Err(number(&v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Weight, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element_seed(Seed)? {
                    out.push(v);
                }
                Ok(Weight::ByYear(out))
            }
        }
        d.deserialize_any(W)
    }
}

/// Weights keyed by partner name, each name once: a decimal string each, or a list of one
/// per year.
///
/// # Errors
/// A value that is not plain decimal text (or a list of it), or a name given twice.
pub fn keyed<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Weight>, D::Error> {
    struct Keyed;
    impl<'de> Visitor<'de> for Keyed {
        type Value = BTreeMap<String, Weight>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of names and decimal strings")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value_seed(WeightSeed)?;
                if out.insert(key.clone(), value).is_some() {
                    return Err(de::Error::custom(format!(
                        "\"{key}\" is given twice; give each name once"
                    )));
                }
            }
            Ok(out)
        }
    }
    d.deserialize_map(Keyed)
}

/// Decimals keyed by name, each name once (a scenario's changes by category).
///
/// # Errors
/// A value that is not plain decimal text, or a name given twice.
pub fn keyed_decimals<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, Decimal>, D::Error> {
    struct Keyed;
    impl<'de> Visitor<'de> for Keyed {
        type Value = BTreeMap<String, Decimal>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of names and decimal strings")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value_seed(Seed)?;
                if out.insert(key.clone(), value).is_some() {
                    return Err(de::Error::custom(format!(
                        "\"{key}\" is given twice; give each name once"
                    )));
                }
            }
            Ok(out)
        }
    }
    d.deserialize_map(Keyed)
}
