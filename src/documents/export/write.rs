//! The summary's blocks written as Markdown, plain text or one HTML page.

use super::blocks::{Block, Piece};
use crate::html::{Mark, Page};
use crate::lang::Lang;

/// Markdown: a line break inside a text is a hard break (two spaces), and
/// the lines of a list item are indented under it.
pub fn markdown(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", one_line(t))),
            Block::Meta(lines) => {
                for l in lines {
                    out.push_str(&format!("- {l}\n"));
                }
                out.push('\n');
            }
            Block::Heading(h) => out.push_str(&format!("## {}\n\n", one_line(h))),
            Block::Steps(steps) => {
                for (title, items) in steps {
                    out.push_str(&format!("### {}\n\n", one_line(title)));
                    for item in items {
                        out.push_str(&format!("- {}\n", md_pieces(item, "  ")));
                    }
                    out.push('\n');
                }
            }
            Block::Items(items) | Block::ShortItems(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", md_pieces(item, "  ")));
                }
                out.push('\n');
            }
            Block::Paragraph(p) => out.push_str(&format!("{}\n\n", md_pieces(p, ""))),
            Block::DiffLegend => out.push_str(&format!("*{}*\n\n", lang.summary_diff_legend(true))),
            Block::Footer(f) => out.push_str(&format!("---\n\n*{f}*\n")),
        }
    }
    out
}

fn md_pieces(pieces: &[Piece], indent: &str) -> String {
    let text: String = pieces
        .iter()
        .map(|(mark, text)| {
            let wrap = match mark {
                Mark::Plain => return text.clone(),
                Mark::Strong | Mark::Added => "**",
                Mark::Emph => "*",
                Mark::Removed => "~~",
            };
            // Each line marked on its own, so a mark never spans a blank line.
            text.split('\n')
                .map(
                    |l| if l.trim().is_empty() { l.to_string() } else { format!("{wrap}{}{wrap}", l.trim()) },
                )
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    text.split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join(&format!("  \n{indent}"))
        .replace(&format!("  \n{indent}  \n"), &format!("\n{indent}\n"))
}

/// Plain text: headings underlined, marks as words.
pub fn text(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    let underline = |out: &mut String, t: &str, rule: char| {
        let t = one_line(t);
        out.push_str(&format!("{t}\n{}\n\n", rule.to_string().repeat(t.chars().count())));
    };
    for block in blocks {
        match block {
            Block::Title(t) => underline(&mut out, t, '='),
            Block::Meta(lines) => {
                for l in lines {
                    out.push_str(&format!("{l}\n"));
                }
                out.push('\n');
            }
            Block::Heading(h) => underline(&mut out, h, '-'),
            Block::Steps(steps) => {
                for (title, items) in steps {
                    out.push_str(&format!("{}\n", one_line(title)));
                    for item in items {
                        out.push_str(&format!("- {}\n", txt_pieces(item, lang).replace('\n', "\n  ")));
                    }
                    out.push('\n');
                }
            }
            Block::Items(items) | Block::ShortItems(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", txt_pieces(item, lang).replace('\n', "\n  ")));
                }
                out.push('\n');
            }
            Block::Paragraph(p) => out.push_str(&format!("{}\n\n", txt_pieces(p, lang))),
            Block::DiffLegend => out.push_str(&format!("{}\n\n", lang.summary_diff_legend(false))),
            Block::Footer(f) => out.push_str(&format!("{f}\n")),
        }
    }
    out
}

fn txt_pieces(pieces: &[Piece], lang: Lang) -> String {
    pieces
        .iter()
        .map(|(mark, text)| match mark {
            Mark::Removed => lang.summary_removed(text),
            Mark::Added => lang.summary_added(text),
            _ => text.clone(),
        })
        .collect()
}

/// One self-contained page; every text escaped by the page builder.
pub fn html(blocks: &[Block], lang: Lang) -> String {
    let mut page = Page::new();
    let mut title = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => {
                title = t.clone();
                page.heading(1, t);
            }
            Block::Meta(lines) => {
                page.paragraph_class("meta", &lines.join("\n"));
            }
            Block::Heading(h) => {
                page.heading(2, h);
            }
            // Each step one row of its own, its title and its answers side by
            // side: whatever the length of either, a title never drifts
            // beside the answers of another step.
            Block::Steps(steps) => {
                page.open_division("steps");
                for (title, items) in steps {
                    page.open_division("step");
                    page.heading(3, title);
                    for item in items {
                        page.item_marked(&borrowed(item));
                    }
                    page.close_division();
                }
                page.close_division();
            }
            Block::Items(items) => {
                for item in items {
                    page.item_marked(&borrowed(item));
                }
                page.end_list();
            }
            Block::ShortItems(items) => {
                let items: Vec<Vec<(Mark, &str)>> = items.iter().map(|i| borrowed(i)).collect();
                page.run_in_items(&items);
            }
            Block::Paragraph(p) => {
                page.paragraph_marked(None, &borrowed(p));
            }
            Block::DiffLegend => {
                page.paragraph_class("muted", lang.summary_diff_legend(true));
            }
            Block::Footer(f) => {
                page.paragraph_class("muted small", f);
            }
        }
    }
    page.finish(lang.tag(), &title)
}

fn borrowed(pieces: &[Piece]) -> Vec<(Mark, &str)> {
    pieces.iter().map(|(m, t)| (*m, t.as_str())).collect()
}

/// A title or heading on one line, whatever was typed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
