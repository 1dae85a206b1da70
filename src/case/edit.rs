//! Edits that keep a case consistent: renaming a partner or basis renames every reference,
//! and a new option or line starts from something sensible.

use super::{Amounts, Case, CaseOption, Line, LineKind, Partner, Sharing, SharingBasis};
use rust_decimal::Decimal;

impl Case {
    /// A new, empty case: one partner, one option, this year's defaults.
    #[must_use]
    pub fn blank(first_year: i32) -> Self {
        Self {
            schema_version: super::CURRENT_SCHEMA_VERSION,
            title: "Untitled business case".into(),
            description: String::new(),
            first_year,
            horizon: 10,
            discount_rate: super::default_discount_rate(),
            inflation: super::default_inflation(),
            scenario_inflation: None,
            borrowing_rate: super::default_borrowing_rate(),
            prices: super::PriceBasis::Year0,
            baseline: None,
            partners: vec![Partner {
                name: "Partner 1".into(),
                budget_gap: Vec::new(),
            }],
            bases: Vec::new(),
            options: vec![CaseOption::named("Do minimum")],
            central_scenario: super::DEFAULT_CENTRAL.to_owned(),
            // Offered, to change or delete: what committees ask first.
            scenarios: vec![super::Scenario::prudent()],
            risk: super::RiskSettings::default(),
            preferred_option: None,
            recommendation: String::new(),
            author: String::new(),
            status: super::DocumentStatus::Draft,
            reference: None,
        }
    }

    /// Renames partner `index`, and every basis weight and line that refers to it.
    ///
    /// # Errors
    /// In words, when another partner already has the name: renaming into it would merge
    /// the two partners' weights and lines.
    pub fn rename_partner(&mut self, index: usize, name: &str) -> Result<(), String> {
        if let Some(other) = clash(self.partners.iter().map(|p| p.name.as_str()), index, name) {
            return Err(format!(
                "another partner is already called \"{other}\": choose a different name"
            ));
        }
        let Some(partner) = self.partners.get_mut(index) else {
            return Ok(());
        };
        let old = std::mem::replace(&mut partner.name, name.to_owned());
        for basis in &mut self.bases {
            if let Some(weight) = basis.weights.remove(&old) {
                basis.weights.insert(name.to_owned(), weight);
            }
        }
        for line in self.options.iter_mut().flat_map(|o| o.lines.iter_mut()) {
            if line.sharing == Sharing::Partner(old.clone()) {
                line.sharing = Sharing::Partner(name.to_owned());
            }
        }
        Ok(())
    }

    /// Removes partner `index`; lines given wholly to it are shared equally instead.
    pub fn remove_partner(&mut self, index: usize) {
        if index >= self.partners.len() {
            return;
        }
        let old = self.partners.remove(index).name;
        for basis in &mut self.bases {
            basis.weights.remove(&old);
        }
        for line in self.options.iter_mut().flat_map(|o| o.lines.iter_mut()) {
            if line.sharing == Sharing::Partner(old.clone()) {
                line.sharing = Sharing::Equal;
            }
        }
    }

    /// Renames basis `index`, and every line that uses it.
    ///
    /// # Errors
    /// In words, when another basis already has the name: renaming into it would give
    /// its lines this basis' weights.
    pub fn rename_basis(&mut self, index: usize, name: &str) -> Result<(), String> {
        if let Some(other) = clash(self.bases.iter().map(|b| b.name.as_str()), index, name) {
            return Err(format!(
                "another sharing basis is already called \"{other}\": choose a different name"
            ));
        }
        let Some(basis) = self.bases.get_mut(index) else {
            return Ok(());
        };
        let old = std::mem::replace(&mut basis.name, name.to_owned());
        for line in self.options.iter_mut().flat_map(|o| o.lines.iter_mut()) {
            if line.sharing == Sharing::Basis(old.clone()) {
                line.sharing = Sharing::Basis(name.to_owned());
            }
        }
        Ok(())
    }

    /// Renames option `index`.
    ///
    /// # Errors
    /// In words, when another option already has the name (options are told apart by name
    /// in the command line and the exports).
    pub fn rename_option(&mut self, index: usize, name: &str) -> Result<(), String> {
        if let Some(other) = clash(self.options.iter().map(|o| o.name.as_str()), index, name) {
            return Err(format!(
                "another option is already called \"{other}\": choose a different name"
            ));
        }
        if let Some(option) = self.options.get_mut(index) {
            if self.preferred_option.as_deref() == Some(option.name.as_str()) {
                self.preferred_option = Some(name.to_owned());
            }
            if self.baseline.as_deref() == Some(option.name.as_str()) {
                self.baseline = Some(name.to_owned());
            }
            option.name = name.to_owned();
        }
        Ok(())
    }

    /// Removes option `index`; when it was the baseline, the case has none.
    pub fn remove_option(&mut self, index: usize) {
        if index >= self.options.len() {
            return;
        }
        let old = self.options.remove(index).name;
        if self.preferred_option.as_deref() == Some(old.as_str()) {
            self.preferred_option = None;
        }
        if self.baseline.as_deref() == Some(old.as_str()) {
            self.baseline = None;
        }
    }

    /// Removes basis `index`; lines that used it are shared equally instead.
    pub fn remove_basis(&mut self, index: usize) {
        if index >= self.bases.len() {
            return;
        }
        let old = self.bases.remove(index).name;
        for line in self.options.iter_mut().flat_map(|o| o.lines.iter_mut()) {
            if line.sharing == Sharing::Basis(old.clone()) {
                line.sharing = Sharing::Equal;
            }
        }
    }

    /// Gives every weight set by year one figure per year of the horizon: a longer horizon
    /// repeats the last year's weight, a shorter one drops the years past it.
    pub fn fit_weights_to_horizon(&mut self) {
        let years = usize::from(self.horizon);
        for weight in self.bases.iter_mut().flat_map(|b| b.weights.values_mut()) {
            if let super::Weight::ByYear(values) = weight {
                let last = values.last().copied().unwrap_or_default();
                values.resize(years, last);
            }
        }
    }

    /// A basis giving every partner a weight of 1, under a name not yet used.
    pub fn add_basis(&mut self) {
        let name = unused_name("Basis", self.bases.iter().map(|b| b.name.as_str()));
        let weights = self
            .partners
            .iter()
            .map(|p| (p.name.clone(), Decimal::ONE.into()))
            .collect();
        self.bases.push(SharingBasis {
            name,
            weights,
            source: String::new(),
        });
    }

    /// A partner under a name not yet used.
    pub fn add_partner(&mut self) {
        let name = unused_name("Partner", self.partners.iter().map(|p| p.name.as_str()));
        self.partners.push(Partner {
            name,
            budget_gap: Vec::new(),
        });
    }

    /// A name for a copy of option `index` that no option has yet: "X (copy)", "X (copy 2)".
    #[must_use]
    pub fn copy_name(&self, index: usize) -> String {
        let base = self
            .options
            .get(index)
            .map_or("Option", |o| o.name.as_str());
        let taken: Vec<&str> = self.options.iter().map(|o| o.name.as_str()).collect();
        let mut name = format!("{base} (copy)");
        let mut n = 2;
        while taken.contains(&name.as_str()) {
            name = format!("{base} (copy {n})");
            n += 1;
        }
        name
    }

    /// An option name not yet used: "Option 2", "Option 3"...
    #[must_use]
    pub fn new_option_name(&self) -> String {
        unused_name("Option", self.options.iter().map(|o| o.name.as_str()))
    }
}

impl CaseOption {
    /// An option with a name and nothing else.
    #[must_use]
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            description: String::new(),
            adjustments: super::Adjustments::default(),
            lines: Vec::new(),
            optimism_bias: None,
            delay_range: None,
        }
    }
}

impl CaseOption {
    /// How most of the option's lines are shared (the first such way among equals): what a
    /// new line of the option takes, rather than equal shares. Equal shares for an option
    /// with no lines.
    #[must_use]
    pub fn usual_sharing(&self) -> Sharing {
        let mut counts: Vec<(&Sharing, usize)> = Vec::new();
        for line in &self.lines {
            match counts.iter_mut().find(|(s, _)| **s == line.sharing) {
                Some((_, n)) => *n += 1,
                None => counts.push((&line.sharing, 1)),
            }
        }
        let mut best: Option<(&Sharing, usize)> = None;
        for (sharing, n) in counts {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((sharing, n));
            }
        }
        best.map_or(Sharing::Equal, |(s, _)| s.clone())
    }
}

impl Line {
    /// A new line: a recurring saving of nothing yet, from year 1, shared equally.
    #[must_use]
    pub fn new_saving(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            kind: LineKind::Saving,
            category: "Staff".into(),
            amounts: Amounts::Recurring {
                annual: Decimal::ZERO,
                from_year: 1,
                to_year: None,
                ramp_up: Vec::new(),
            },
            prices: None,
            indexation: None,
            funding: None,
            asset_life_years: None,
            mrp: None,
            sharing: Sharing::Equal,
            source: String::new(),
            range: None,
        }
    }
}

fn unused_name<'a>(stem: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = taken.collect();
    (1..)
        .map(|n| format!("{stem} {n}"))
        .find(|name| !taken.contains(&name.as_str()))
        .unwrap_or_else(|| stem.to_owned())
}

/// The name among `names` (other than the one at `index`) that `name` would clash with,
/// ignoring case and surrounding spaces.
fn clash<'a>(names: impl Iterator<Item = &'a str>, index: usize, name: &str) -> Option<&'a str> {
    let wanted = name.trim().to_lowercase();
    names
        .enumerate()
        .find(|(i, other)| *i != index && other.trim().to_lowercase() == wanted)
        .map(|(_, other)| other)
}
