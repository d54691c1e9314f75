//! A comparison as one page a trainer projects in a workshop, or prints:
//! large type, the counts drawn as bars in plain HTML and CSS (a width in
//! percent, the number written beside it), no script and no external file.
//!
//! Every text from a grid or a trail goes through `crate::html::escape` (or
//! `escape_lines`), as in the summary: markup is written only here, and only
//! around escaped text or numbers this file computed.

use super::{Bar, Comparison, Options, Row};
use crate::html::{escape, escape_lines};

/// Large on a projector (the type grows with the screen), A4 on paper. The
/// bars keep their colour in print, and a border draws them on a printer
/// that leaves backgrounds out.
const STYLE: &str = "\
@page { size: A4; margin: 12mm 14mm; }
html { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif; \
font-size: clamp(18px, 1.6vw, 34px); line-height: 1.35; color: #111; background: #fff; }
body { max-width: 54em; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .3em; line-height: 1.2; }
h2 { font-size: 1.3em; margin: 1.2em 0 .3em; border-bottom: 2px solid #555; }
h3 { font-size: 1.05em; margin: .9em 0 .3em; }
p, ul, ol { margin: .3em 0; }
ul.trails { list-style: none; padding: 0; color: #333; }
.note { border-left: 4px solid #888; padding-left: .6em; }
.mark { font-size: .75em; font-weight: normal; color: #444; border: 1px solid #777; border-radius: .3em; \
padding: 0 .3em; margin-left: .4em; white-space: nowrap; }
table.counts { width: 100%; border-collapse: collapse; }
table.counts th { text-align: left; font-weight: normal; width: 42%; padding: .2em .8em .2em 0; }
table.counts td { padding: .2em 0; vertical-align: middle; }
td.bar { width: 46%; }
td.bar div { background: #e8e8e8; height: 1.1em; }
td.bar span { display: block; box-sizing: border-box; height: 1.1em; background: #1d5a94; \
border: 2px solid #1d5a94; }
td.n { width: 12%; text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; padding-left: .6em; }
tr.apart th, tr.apart td.n { color: #555; font-style: italic; }
tr.apart td.bar span { background: #9a9a9a; border-color: #777; }
ol.answers { list-style: none; padding: 0; }
ol.answers li { display: grid; grid-template-columns: 2.8em 1fr; margin: .25em 0; }
.who { font-weight: 600; color: #333; }
.when { display: block; font-size: .8em; color: #444; }
.apart { color: #555; font-style: italic; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; margin: 0; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .question { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

impl Comparison<'_> {
    pub(super) fn render_html(&self, options: Options) -> String {
        let lang = self.lang();
        let title = self.title();
        let mut body = format!("<h1>{}</h1>\n", escape(&title));
        let lines = self.trail_lines(options.anonymous);
        body.push_str("<ul class=\"trails\">\n");
        for line in &lines {
            body.push_str(&format!("<li>{}</li>\n", escape(line)));
        }
        body.push_str("</ul>\n");
        if self.versions_differ {
            body.push_str(&format!("<p class=\"note\">{}</p>\n", escape(lang.compare_versions_differ())));
        }
        if self.versions && !self.rows.is_empty() {
            let (changed, unchanged) = self.changes();
            let line = lang.compare_changes(changed, unchanged, options.all);
            body.push_str(&format!("<p class=\"note\">{}</p>\n", escape(&line)));
        }
        let mut current_step: Option<&str> = None;
        for row in self.shown_rows(options.all) {
            if current_step != Some(row.step.as_str()) {
                if current_step.is_some() {
                    body.push_str("</section>\n");
                }
                current_step = Some(&row.step);
                body.push_str(&format!("<section class=\"step\">\n<h2>{}</h2>\n", escape(&row.step_title)));
            }
            self.html_row(&mut body, row, options);
        }
        if current_step.is_some() {
            body.push_str("</section>\n");
        }
        if self.rows.is_empty() {
            body.push_str(&format!("<p>{}</p>\n", escape(lang.compare_nothing())));
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
            lang.tag(),
            escape(&title),
        )
    }

    fn html_row(&self, body: &mut String, row: &Row, options: Options) {
        body.push_str("<div class=\"question\">\n");
        let mark = self
            .differs_mark(row)
            .map(|m| format!("<span class=\"mark\">{}</span>", escape(m)))
            .unwrap_or_default();
        body.push_str(&format!("<h3>{}{mark}</h3>\n", escape_lines(&row.prompt)));
        match &row.tally {
            Some(tally) if self.counted() => {
                body.push_str("<table class=\"counts\">\n");
                for bar in self.bars(tally) {
                    body.push_str(&self.bar_row(&bar));
                }
                body.push_str("</table>\n");
            }
            _ => {
                body.push_str("<ol class=\"answers\">\n");
                for (i, cell) in row.cells.iter().enumerate() {
                    let when = self
                        .cell_when(cell)
                        .map(|w| format!("<span class=\"when\">{}</span>", escape(&w)))
                        .unwrap_or_default();
                    let class = if cell.is_answer() { "" } else { " class=\"apart\"" };
                    body.push_str(&format!(
                        "<li><span class=\"who\">{}</span><span>{when}<span{class}>{}</span></span></li>\n",
                        escape(&self.who(i, options.anonymous)),
                        escape_lines(&self.cell_words(row, cell)),
                    ));
                }
                body.push_str("</ol>\n");
            }
        }
        body.push_str("</div>\n");
    }

    /// One line of a count: the label, a bar as wide as the share of the
    /// participants, and the count written out (« 2 sur 4 »).
    fn bar_row(&self, bar: &Bar) -> String {
        let total = self.trails.len();
        let percent = if total == 0 { 0.0 } else { bar.n as f64 * 100.0 / total as f64 };
        // No bar at all for nobody: its border would read as « a few ».
        let fill =
            if bar.n == 0 { String::new() } else { format!("<span style=\"width: {percent:.1}%\"></span>") };
        format!(
            "<tr{}><th scope=\"row\">{}</th><td class=\"bar\" aria-hidden=\"true\"><div>{fill}</div></td><td class=\"n\">{}</td></tr>\n",
            if bar.apart { " class=\"apart\"" } else { "" },
            escape_lines(&bar.label),
            escape(&self.lang().count_of(bar.n, total)),
        )
    }
}
