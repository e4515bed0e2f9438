//! Article ids.

/// `hint`, or `hint-2`, `hint-3`… : the first that `taken` does not claim.
pub fn unique_id(hint: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(hint) {
        return hint.to_string();
    }
    (2..)
        .map(|n| format!("{hint}-{n}"))
        .find(|id| !taken(id))
        .expect("an unbounded range always yields a free id")
}
