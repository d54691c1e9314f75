//! Printable HTML pages: the meeting summary of a trail and the grid handout.
//!
//! A page is one self-contained file: no script, no external file, no web
//! font, so it opens the same on a machine without network and prints on A4
//! from any browser. Every piece of text that comes from a grid or a trail goes
//! through [`escape`]: a title typed as `<i>x</i>` shows as typed. The
//! [`Page`] builder escapes everything it is given, so a caller cannot forget.

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A stray carriage return from a pasted text is a line break.
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text and keeps its line breaks as `<br>`. CR and CRLF count as
/// one line break, like LF.
pub fn escape_lines(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\n').map(escape).collect::<Vec<_>>().join("<br>\n")
}

/// How a piece of text is set in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Strong,
    Emph,
    /// Words added since an earlier version of a text.
    Added,
    /// Words an earlier version of a text had.
    Removed,
}

/// Pieces of text, each escaped and set by its mark; line breaks kept.
pub fn marked(parts: &[(Mark, &str)]) -> String {
    parts
        .iter()
        .map(|(mark, text)| {
            let text = escape_lines(text);
            match mark {
                Mark::Plain => text,
                Mark::Strong => format!("<strong>{text}</strong>"),
                Mark::Emph => format!("<em>{text}</em>"),
                Mark::Added => format!("<ins>{text}</ins>"),
                Mark::Removed => format!("<del>{text}</del>"),
            }
        })
        .collect()
}

/// The stylesheet: readable on screen, and one A4 sheet per page in print,
/// with the system's own fonts.
const STYLE: &str = "\
@page { size: A4; margin: 8mm 10mm; }
html { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif; \
font-size: 8.5pt; line-height: 1.15; color: #111; background: #fff; }
body { max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.4em; margin: 0 0 .1em; }
h2 { font-size: 1.15em; margin: .5em 0 .2em; border-bottom: 1px solid #999; }
h3 { font-size: 1em; margin: .4em 0 0; }
/* Each step one row: its title beside its own answers, the row as tall as the
   taller of the two, so a long title never drifts beside the next step. */
.steps { font-size: .92em; }
.step { display: grid; grid-template-columns: 11em minmax(0, 1fr); column-gap: .5em; }
.step h3 { margin: .15em 0 0; font-size: .95em; }
.step ul { margin: .15em 0 0; padding-left: 1em; }
.run-in { font-size: .9em; }
.run-in span { display: inline-block; }
p, ul, ol, dl { margin: .2em 0; }
ul, ol { padding-left: 1.4em; }
dt { font-weight: 600; margin-top: .3em; }
dd { margin: 0 0 0 1.2em; }
/* A worksheet: each question whole on its page, boxes side by side, lines to
   write on by hand. */
.question { margin: .5em 0 0; break-inside: avoid; page-break-inside: avoid; }
.question h3 { margin: 0; }
.question p { margin: .1em 0 0 1.2em; }
.boxes span { display: inline-block; margin-right: 2em; }
.ruled { margin: 0 0 0 1.2em; }
.ruled div { height: 2.2em; border-bottom: 1px solid #999; }
.meta { color: #444; margin-bottom: .6em; }
.muted { color: #555; }
.small { font-size: .85em; }
.note { border-left: 3px solid #888; padding-left: .6em; }
ins { text-decoration: none; font-weight: 600; }
del { color: #555; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3, dt { break-after: avoid; page-break-after: avoid; }
  li, dd, .note { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

/// An HTML page under construction. Every method takes plain text and
/// escapes it; markup is only ever written by this builder.
#[derive(Debug)]
pub struct Page {
    body: String,
    /// The lists opened and not yet closed, innermost last.
    open: Vec<&'static str>,
}

impl Page {
    pub fn new() -> Page {
        Page { body: String::new(), open: Vec::new() }
    }

    /// A heading, level 1 to 3 (other levels are clamped into that range).
    pub fn heading(&mut self, level: u8, text: &str) -> &mut Page {
        self.close_lists();
        let level = level.clamp(1, 3);
        self.body.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
        self
    }

    /// A paragraph; its line breaks are kept.
    pub fn paragraph(&mut self, text: &str) -> &mut Page {
        self.block("p", None, text)
    }

    /// A paragraph with a class of the stylesheet (`meta`, `muted`, `note`).
    pub fn paragraph_class(&mut self, class: &'static str, text: &str) -> &mut Page {
        self.block("p", Some(class), text)
    }

    /// An item of a bulleted list, opening the list when needed; its line
    /// breaks are kept.
    pub fn item(&mut self, text: &str) -> &mut Page {
        self.open_list("ul");
        self.body.push_str(&format!("<li>{}</li>\n", escape_lines(text)));
        self
    }

    /// An item made of marked pieces of text.
    pub fn item_marked(&mut self, parts: &[(Mark, &str)]) -> &mut Page {
        self.open_list("ul");
        self.body.push_str(&format!("<li>{}</li>\n", marked(parts)));
        self
    }

    /// Short items run on in one paragraph, « a · b · c », to save paper
    /// (the references by their label): an item moves to the next line
    /// whole rather than breaking, unless it is longer than a line.
    pub fn run_in_items(&mut self, items: &[Vec<(Mark, &str)>]) -> &mut Page {
        self.close_lists();
        let count = items.len();
        let spans: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(k, parts)| {
                let separator = if k + 1 < count { " ·" } else { "" };
                format!("<span>{}{separator}</span>", marked(parts))
            })
            .collect();
        self.body.push_str(&format!("<p class=\"run-in\">{}</p>\n", spans.join("\n")));
        self
    }

    /// A paragraph made of marked pieces of text, with an optional class.
    pub fn paragraph_marked(&mut self, class: Option<&'static str>, parts: &[(Mark, &str)]) -> &mut Page {
        self.close_lists();
        let class = class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default();
        self.body.push_str(&format!("<p{class}>{}</p>\n", marked(parts)));
        self
    }

    /// An item whose first part is emphasised: « **label** : rest ».
    pub fn labelled_item(&mut self, label: &str, separator: &str, rest: &str) -> &mut Page {
        self.open_list("ul");
        self.body.push_str(&format!(
            "<li><strong>{}</strong>{}{}</li>\n",
            escape(label),
            escape(separator),
            escape_lines(rest)
        ));
        self
    }

    /// A term and its description, opening the definition list when needed.
    pub fn definition(&mut self, term: &str, description: &str) -> &mut Page {
        self.open_list("dl");
        self.body.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(term), escape_lines(description)));
        self
    }

    /// Boxes to tick, side by side where they fit, each kept on one line
    /// where it can (a worksheet's options).
    pub fn boxes(&mut self, entries: &[String]) -> &mut Page {
        self.close_lists();
        let spans: Vec<String> = entries.iter().map(|e| format!("<span>{}</span>", escape(e))).collect();
        self.body.push_str(&format!("<p class=\"boxes\">{}</p>\n", spans.join("\n")));
        self
    }

    /// `n` ruled lines to write on by hand.
    pub fn ruled_lines(&mut self, n: usize) -> &mut Page {
        self.close_lists();
        self.body.push_str(&format!("<div class=\"ruled\">{}</div>\n", "<div></div>".repeat(n)));
        self
    }

    /// Opens a division with a class of the stylesheet (`steps`, `step`,
    /// `question`).
    pub fn open_division(&mut self, class: &'static str) -> &mut Page {
        self.close_lists();
        self.body.push_str(&format!("<div class=\"{class}\">\n"));
        self
    }

    pub fn close_division(&mut self) -> &mut Page {
        self.close_lists();
        self.body.push_str("</div>\n");
        self
    }

    /// Closes the list being written, so the next items start a new one.
    pub fn end_list(&mut self) -> &mut Page {
        self.close_lists();
        self
    }

    /// The finished page: doctype, language, title, stylesheet, body.
    pub fn finish(mut self, lang: &str, title: &str) -> String {
        self.close_lists();
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
            escape(lang),
            escape(title),
            self.body
        )
    }

    fn block(&mut self, tag: &str, class: Option<&'static str>, text: &str) -> &mut Page {
        self.close_lists();
        let class = class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default();
        self.body.push_str(&format!("<{tag}{class}>{}</{tag}>\n", escape_lines(text)));
        self
    }

    fn open_list(&mut self, list: &'static str) {
        if self.open.last() == Some(&list) {
            return;
        }
        self.close_lists();
        self.body.push_str(&format!("<{list}>\n"));
        self.open.push(list);
    }

    fn close_lists(&mut self) {
        while let Some(list) = self.open.pop() {
            let tag = list.split(' ').next().unwrap_or(list);
            self.body.push_str(&format!("</{tag}>\n"));
        }
    }
}

impl Default for Page {
    fn default() -> Page {
        Page::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_text_shows_as_typed() {
        assert_eq!(escape("<i>x</i> & \"y\" 'z'"), "&lt;i&gt;x&lt;/i&gt; &amp; &quot;y&quot; &#39;z&#39;");
    }

    #[test]
    fn line_breaks_of_every_kind_become_br() {
        assert_eq!(escape_lines("a\r\nb\rc\nd"), "a<br>\nb<br>\nc<br>\nd");
    }

    #[test]
    fn a_page_is_self_contained_and_escapes_its_title() {
        let mut page = Page::new();
        page.heading(1, "<b>T</b>").paragraph("x").item("one").item("two").definition("k", "v");
        let html = page.finish("fr", "<b>T</b>");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("<title>&lt;b&gt;T&lt;/b&gt;</title>"));
        assert!(html.contains("<h1>&lt;b&gt;T&lt;/b&gt;</h1>"));
        assert!(html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<dl>\n"));
        assert!(html.contains("@page { size: A4"));
        for forbidden in ["<script", "<link", "src=", "@import", "url(", "@font-face", "http"] {
            assert!(!html.contains(forbidden), "{forbidden} in the page");
        }
    }

    #[test]
    fn marked_pieces_are_escaped_inside_their_tags() {
        let html = marked(&[
            (Mark::Strong, "<b>"),
            (Mark::Plain, " : "),
            (Mark::Added, "a\nb"),
            (Mark::Removed, "&"),
        ]);
        assert_eq!(html, "<strong>&lt;b&gt;</strong> : <ins>a<br>\nb</ins><del>&amp;</del>");
    }

    #[test]
    fn run_in_items_are_one_paragraph_each_item_escaped_in_its_span() {
        let mut page = Page::new();
        page.item("a").run_in_items(&[vec![(Mark::Plain, "<x>")], vec![(Mark::Plain, "y & z")]]);
        let html = page.finish("fr", "t");
        assert!(
            html.contains("<ul>\n<li>a</li>\n</ul>\n<p class=\"run-in\"><span>&lt;x&gt; ·</span>\n<span>y &amp; z</span></p>"),
            "{html}"
        );
    }

    #[test]
    fn lists_are_closed_before_the_next_block() {
        let mut page = Page::new();
        page.item("a").heading(2, "h").definition("t", "d").paragraph("p");
        let html = page.finish("en", "t");
        assert!(
            html.contains("<ul>\n<li>a</li>\n</ul>\n<h2>h</h2>\n<dl>\n<dt>t</dt><dd>d</dd>\n</dl>\n<p>p</p>")
        );
    }
}
