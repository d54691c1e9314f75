//! The follow-ups of a trail in the summary, under their own heading.

use super::blocks::{Block, Piece};
use crate::grid::line_breaks;
use crate::html::Mark;
use crate::lang::Lang;
use crate::trail::Trail;

/// Nothing when the trail has no follow-up.
pub fn blocks(trail: &Trail, lang: Lang) -> Vec<Block> {
    if trail.follow_ups.is_empty() {
        return Vec::new();
    }
    let items = trail
        .follow_ups
        .iter()
        .map(|f| {
            let mut item: Vec<Piece> =
                vec![(Mark::Strong, format!("{} — {}", lang.date_time(&f.at), lang.held_sentence(f.held)))];
            for (label, text) in
                [(lang.follow_up_happened_label(), &f.happened), (lang.follow_up_learned_label(), &f.learned)]
            {
                if !text.trim().is_empty() {
                    item.push((Mark::Plain, "\n".into()));
                    item.push((Mark::Emph, label.to_string()));
                    item.push((Mark::Plain, format!(" {}", line_breaks(text.trim()))));
                }
            }
            item.push((Mark::Plain, "\n".into()));
            item.push((Mark::Plain, lang.follow_up_next(f.revisit)));
            item
        })
        .collect();
    vec![Block::Heading(lang.follow_ups_heading().to_string()), Block::Items(items)]
}
