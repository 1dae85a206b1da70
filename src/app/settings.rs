//! What the app remembers between runs: the theme, the money unit and the payback basis.
//! The window's size and place are kept by eframe beside them; recent files by `files`.

use super::ViewState;
use crate::format::MoneyStyle;
use crate::report::chart::Basis;
use serde::{Deserialize, Serialize};

/// The key the settings are stored under.
pub const KEY: &str = "sharecase-view";

/// The remembered choices, by name, so that a file from another version still reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    /// Dark theme.
    pub dark: bool,
    /// `pounds`, `pence`, `thousands`, `millions` or `compact`.
    pub money: String,
    /// `cash` or `discounted`.
    pub basis: String,
}

impl Remembered {
    /// The choices shown in `view`.
    #[must_use]
    pub fn of(view: &ViewState) -> Self {
        Self {
            dark: view.dark,
            money: match view.money {
                MoneyStyle::Pounds => "pounds",
                MoneyStyle::Pence => "pence",
                MoneyStyle::Thousands => "thousands",
                MoneyStyle::Millions => "millions",
                MoneyStyle::Compact => "compact",
            }
            .to_owned(),
            basis: match view.basis {
                Basis::Cash => "cash",
                Basis::Discounted => "discounted",
            }
            .to_owned(),
        }
    }

    /// Puts the remembered choices into `view`; a name not known leaves the default.
    pub fn apply(&self, view: &mut ViewState) {
        view.dark = self.dark;
        view.money = match self.money.as_str() {
            "pence" => MoneyStyle::Pence,
            "thousands" => MoneyStyle::Thousands,
            "millions" => MoneyStyle::Millions,
            "compact" => MoneyStyle::Compact,
            _ => MoneyStyle::Pounds,
        };
        view.basis = match self.basis.as_str() {
            "discounted" => Basis::Discounted,
            _ => Basis::Cash,
        };
    }

    /// The settings as stored.
    #[must_use]
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Settings as stored, or none when the text does not read.
    #[must_use]
    pub fn from_text(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choices_come_back_as_they_were_left() {
        let mut view = ViewState {
            dark: true,
            money: MoneyStyle::Thousands,
            basis: Basis::Discounted,
            ..ViewState::default()
        };
        let text = Remembered::of(&view).to_text();
        assert_eq!(
            text,
            r#"{"dark":true,"money":"thousands","basis":"discounted"}"#
        );
        view = ViewState::default();
        Remembered::from_text(&text).unwrap().apply(&mut view);
        assert!(view.dark);
        assert_eq!(view.money, MoneyStyle::Thousands);
        assert_eq!(view.basis, Basis::Discounted);
        // Unknown or missing names leave the defaults; nonsense is not read at all.
        let mut view = ViewState::default();
        Remembered::from_text(r#"{"money":"guineas"}"#)
            .unwrap()
            .apply(&mut view);
        assert_eq!(view.money, MoneyStyle::Pounds);
        assert!(!view.dark);
        assert!(Remembered::from_text("not json").is_none());
    }
}
