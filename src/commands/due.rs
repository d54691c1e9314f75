//! `discern due`: the trails whose revisit date has come.

use std::process::ExitCode;

use super::{Ctx, Failure};
use crate::trail::revisit;

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let listed = ctx.store().list();
    let today = chrono::Local::now().date_naive();
    let due = revisit::due(listed.iter().filter_map(|l| l.summary.as_ref().ok()), today);
    if due.is_empty() {
        crate::tell!("{}", lang.nothing_due());
        return Ok(ExitCode::SUCCESS);
    }
    let paths: std::collections::HashMap<&str, String> = listed
        .iter()
        .filter_map(|l| l.summary.as_ref().ok().map(|s| (s.id.as_str(), l.path.display().to_string())))
        .collect();
    let path_of = |id: &str| paths.get(id).cloned().unwrap_or_default();
    let mut out = String::new();
    // The id first, as `list` writes it: what `follow-up` takes as TRAIL.
    for d in &due {
        out.push_str(&format!(
            "{}  {}  {}  {}  [{}]  {}\n",
            d.summary.id,
            d.revisit.format("%Y-%m-%d"),
            lang.days_late(d.days_late),
            d.summary.title,
            d.summary.grid.id,
            path_of(&d.summary.id)
        ));
    }
    super::grid::print(&out)?;
    crate::tell!("{}", lang.due_how_to_follow_up());
    Ok(ExitCode::SUCCESS)
}
