//! Date expressions and their resolution against the publication date.
//! CONTRACT SKELETON: the extraction helper replaces the bodies.

use serde::{Deserialize, Serialize};

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `YYYY`
    Year,
    /// `YYYY-MM`
    Month,
    /// `YYYY-Www`
    Week,
    /// `YYYY-MM-DD`
    Day,
}

/// A resolved calendar value. `label()` gives `YYYY`, `YYYY-MM`, `YYYY-Www` or `YYYY-MM-DD`;
/// ordering is chronological by the first day covered, coarser first on ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    /// First day the value covers.
    pub first_day: chrono::NaiveDate,
    /// How much it covers.
    pub precision: Precision,
}

impl DateValue {
    /// `YYYY`, `YYYY-MM`, `YYYY-Www` or `YYYY-MM-DD`.
    pub fn label(&self) -> String {
        todo!("date labels")
    }
}
