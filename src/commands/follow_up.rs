//! `discern follow-up TRAIL`: coming back to a decision. The trail is
//! locked first, then read; the entry is added beside its answers.

use std::process::ExitCode;

use super::trail::{find, interactive};
use super::{Ctx, Failure};
use crate::text::TerminalSafe;
use crate::trail::{FollowUp, now};

pub fn run(ctx: &Ctx, arg: &str) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let path = find(ctx, arg)?;
    let lock = crate::ops::lock(&path)?;
    let trail = crate::ops::read(ctx, &path, Some(&lock))?;
    let entry: Option<FollowUp> = if interactive(ctx) {
        crate::tui::run_follow_up(ctx, &trail.title)?
    } else {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        let mut out = TerminalSafe::new(stdout.lock());
        match crate::plain::follow_up::ask(&mut stdin.lock(), &mut out, lang, now()) {
            Ok(entry) => entry,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => None,
            Err(e) => return Err(Failure::Io(e)),
        }
    };
    let Some(entry) = entry else {
        crate::tell!("{}", lang.follow_up_nothing_saved());
        return Ok(ExitCode::from(1));
    };
    crate::ops::add_follow_up(ctx, &path, entry, Some(&lock))?;
    crate::tell!("{}", lang.follow_up_saved(&path));
    Ok(ExitCode::SUCCESS)
}
