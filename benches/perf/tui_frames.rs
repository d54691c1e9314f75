//! The full-screen measurements: filled in once the screen exists.

pub fn rows(_root: &std::path::Path, _wanted: &dyn Fn(&str) -> bool) -> Vec<super::Row> {
    Vec::new()
}
