//! `discern man`: the manual page, in roff, in the user's language. Every
//! command is in this one page (there are no discern-new(1) pages to look
//! for), with the files and the environment variables discern reads.

use roff::{Roff, bold, italic, roman};

use crate::text::{Lang, ManHeading as H};

pub fn page(lang: Lang) -> String {
    let mut cmd = crate::cli::command(lang);
    cmd.build();
    let mut r = Roff::new();
    // .TH takes the page, its section, then the footer's middle and inside
    // (usually a date and the source) and the header's middle: an empty
    // one would shift the others, so the version stands in the middle.
    let version = format!("discern {}", cmd.get_version().unwrap_or_default());
    r.control("TH", ["DISCERN", "1", version.as_str(), "discern", lang.man_manual()]);
    r.control("SH", [lang.man_heading(H::Name)]);
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    r.text([roman(format!("discern - {about}"))]);
    r.control("SH", [lang.man_heading(H::Synopsis)]);
    synopsis(&mut r, &mut cmd);
    r.control("SH", [lang.man_heading(H::Description)]);
    for (i, paragraph) in lang.man_description().iter().enumerate() {
        if i > 0 {
            r.control("PP", []);
        }
        r.text([roman(*paragraph)]);
    }
    r.control("SH", [lang.man_heading(H::Options)]);
    for arg in in_order(cmd.get_arguments().filter(|a| !a.is_hide_set())) {
        option(&mut r, arg);
    }
    r.control("SH", [lang.man_heading(H::Commands)]);
    commands(&mut r, &mut cmd);
    r.control("SH", [lang.man_heading(H::Files)]);
    for (place, what) in lang.man_files() {
        r.control("TP", []).text([italic(place)]).text([roman(what)]);
    }
    r.control("SH", [lang.man_heading(H::Environment)]);
    for (name, what) in lang.man_environment() {
        r.control("TP", []).text([bold(name)]).text([roman(what)]);
    }
    r.control("SH", [lang.man_heading(H::ExitStatus)]);
    for (status, what) in lang.man_exit_statuses() {
        r.control("TP", []).text([bold(status)]).text([roman(what)]);
    }
    r.control("SH", [lang.man_heading(H::SeeAlso)]);
    r.text([roman(lang.man_see_also())]);
    r.render()
}

/// Each command (those of `grid` too) with its synopsis, what it does and
/// its own options; the options every command takes are said once, above.
fn commands(r: &mut Roff, cmd: &mut clap::Command) {
    let mut subs: Vec<&mut clap::Command> =
        cmd.get_subcommands_mut().filter(|s| !s.is_hide_set() && s.get_name() != "help").collect();
    subs.sort_by_key(|s| s.get_display_order());
    for sub in subs {
        if sub.has_subcommands() {
            commands(r, sub);
            continue;
        }
        r.control("SS", [sub.get_bin_name().unwrap_or(sub.get_name()).to_string().as_str()]);
        synopsis(r, sub);
        if let Some(about) = sub.get_about() {
            r.control("PP", []).text([roman(about.to_string())]);
        }
        let own =
            sub.get_arguments().filter(|a| !a.is_hide_set() && !a.is_global_set() && a.get_id() != "help");
        for arg in in_order(own) {
            option(r, arg);
        }
    }
}

/// Arguments in the order of the help: positionals first, then options.
fn in_order<'a>(args: impl Iterator<Item = &'a clap::Arg>) -> Vec<&'a clap::Arg> {
    let mut args: Vec<&clap::Arg> = args.collect();
    args.sort_by_key(|a| (!a.is_positional(), a.get_display_order()));
    args
}

/// The usage line clap writes, without its « Usage: » heading.
fn synopsis(r: &mut Roff, cmd: &mut clap::Command) {
    let usage = cmd.render_usage().to_string();
    let line = usage.find("discern").map_or(usage.as_str(), |at| &usage[at..]);
    r.text([roman(line.trim())]);
}

/// One option or argument: its flags and value, then its help.
fn option(r: &mut Roff, arg: &clap::Arg) {
    let values: Vec<String> =
        arg.get_value_names().unwrap_or_default().iter().map(|v| format!("<{v}>")).collect();
    let mut head = Vec::new();
    if arg.is_positional() {
        head.push(italic(values.join(" ")));
    } else {
        let mut flags = Vec::new();
        if let Some(short) = arg.get_short() {
            flags.push(format!("-{short}"));
        }
        if let Some(long) = arg.get_long() {
            flags.push(format!("--{long}"));
        }
        head.push(bold(flags.join(", ")));
        if arg.get_action().takes_values() && !values.is_empty() {
            head.push(roman(" "));
            head.push(italic(values.join(" ")));
        }
    }
    r.control("TP", []).text(head);
    if let Some(help) = arg.get_help() {
        r.text([roman(help.to_string())]);
    }
}
