//! A comparison as Markdown or plain text (the text is also what the
//! screen's pager shows).

use super::{Comparison, Options, Row};

impl Comparison<'_> {
    pub(super) fn render_text(&self, md: bool, options: Options) -> String {
        let lang = self.lang();
        let mut out = String::new();
        let title = self.title();
        if md {
            out.push_str(&format!("# {title}\n\n"));
        } else {
            out.push_str(&format!("{title}\n{}\n\n", "=".repeat(title.chars().count())));
        }
        let lines = self.trail_lines(options.anonymous);
        let bullet = if md && lines.len() > 1 { "- " } else { "" };
        for line in lines {
            out.push_str(&format!("{bullet}{line}\n"));
        }
        out.push('\n');
        if self.versions_differ {
            out.push_str(&format!("{}\n\n", lang.compare_versions_differ()));
        }
        if self.versions && !self.rows.is_empty() {
            let (changed, unchanged) = self.changes();
            out.push_str(&format!("{}\n\n", lang.compare_changes(changed, unchanged, options.all)));
        }
        let mut current_step: Option<&str> = None;
        for row in self.shown_rows(options.all) {
            if current_step != Some(row.step.as_str()) {
                current_step = Some(&row.step);
                let heading = &row.step_title;
                if md {
                    out.push_str(&format!("## {heading}\n\n"));
                } else {
                    out.push_str(&format!("{heading}\n{}\n\n", "-".repeat(heading.chars().count())));
                }
            }
            self.text_row(&mut out, row, md, options);
            out.push('\n');
        }
        if self.rows.is_empty() {
            out.push_str(&format!("{}\n", lang.compare_nothing()));
        }
        out
    }

    fn text_row(&self, out: &mut String, row: &Row, md: bool, options: Options) {
        let lang = self.lang();
        let mark = self.differs_mark(row).map(|m| format!(" — {m}")).unwrap_or_default();
        out.push_str(&if md {
            format!("**{}**{mark}\n\n", row.prompt)
        } else {
            format!("{}{mark}\n", row.prompt)
        });
        let bullet = if md { "- " } else { "  " };
        match &row.tally {
            Some(tally) if self.counted() => {
                let total = self.trails.len();
                for bar in self.bars(tally) {
                    out.push_str(&format!("{bullet}{} — {}\n", lang.count_of(bar.n, total), bar.label));
                }
            }
            _ => {
                for (i, cell) in row.cells.iter().enumerate() {
                    let text = self.cell_words(row, cell);
                    let text = match self.cell_when(cell) {
                        Some(when) if md => format!("*{when}* — {text}"),
                        Some(when) => format!("{when} — {text}"),
                        None => text,
                    };
                    let text = text.replace('\n', if md { "  \n    " } else { "\n     " });
                    out.push_str(&format!("{bullet}{} {text}\n", self.who(i, options.anonymous)));
                }
            }
        }
    }
}
