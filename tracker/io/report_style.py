"""The report's one stylesheet: a readable page in a browser, a printed book in the PDF.

The HTML report and the PDF are the same document (report_html.py); WeasyPrint lays the
PDF out with ``@media print`` and the ``@page`` rules, a browser shows the screen rules
and prints with the print ones. What the PDF gets from here (issue 15):

- page margins with the running title, "Page n of N" and the handling marking, if any, at
  the top and bottom of every page (``marking_css``);
- the outline (bookmarks): sections at level 1, months at 2, days at 3, other headings
  none, since WeasyPrint's own style gives every h1-h6 a level;
- the contents' page numbers (``target-counter``), which a browser, not knowing
  ``leader()``, drops with the whole rule;
- no heading alone at the foot of a page, no line alone at the top of one;
- hyphenation in narrow table cells only, so running text searches whole words;
- no ligatures, so the PDF's text searches and copies as "conflict", not "conﬂict".
"""

from __future__ import annotations

from tracker.io.report_front import one_line

REPORT_CSS = """
html {
  font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif;
  line-height: 1.45; color: #1f1f1f; background: #fff;
  font-variant-ligatures: none; font-feature-settings: "liga" 0, "clig" 0;
}
/* A measure of about 70 characters, centred; the chart may be wider than the text. */
body { max-width: 36rem; margin: 2.5rem auto 4rem; padding: 0 1.25rem; }
.figure { width: min(1000px, 100vw - 2.5rem); position: relative; left: 50%;
  transform: translateX(-50%); }
p, li, td, th { overflow-wrap: break-word; orphans: 2; widows: 2; }
/* Hyphenation only in table cells, whose columns are narrow: a word split over two lines
   of running text is a word a reader's search (and pdftotext) no longer finds. */
td { hyphens: auto; }
a { color: #1a4f8b; text-decoration: underline; text-decoration-thickness: 1px; }
a:visited { color: #5a3d8a; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; page-break-after: avoid;
  break-inside: avoid; hyphens: manual; }
h1 { font-size: 2.1em; margin: 0 0 0.4em; string-set: report-title content(text); }
h2 { font-size: 1.45em; margin: 1.8em 0 0.5em; padding-bottom: 0.2em;
  border-bottom: 1px solid #c9ced6; color: #17324d; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.3em; color: #17324d; }
h3.month { font-size: 1.3em; margin-top: 1.6em; }
h4 { font-size: 1em; margin: 1em 0 0.2em; color: #234; }
table { border-collapse: collapse; margin: 0.4em 0 1em; }
th, td { padding: 0.2em 0.6em; border: 1px solid #c4c8ce; text-align: left;
  vertical-align: top; }
th { background: #f1f3f6; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; }
.lead { color: #4a4a4a; }
.entry { margin: 0.25em 0; }
.kind { font-weight: bold; }
.place { font-style: italic; color: #555; }
.link { color: #555; margin: 0 0 0 1.5em; }
.counted { margin: 0.25em 0; color: #333; }
.note { font-size: 0.85em; color: #444; margin: 0.1em 0 0.1em 1em; }
.capped { border: 1px solid #c90; padding: 0.5em; background: #fff6df; }
sup { line-height: 0; }  /* a note marker does not push its line apart */
sup a { text-decoration: none; }
.marking { text-align: center; font-weight: bold; color: #8a1c1c; margin: 0 0 1.5em; }
.marking.foot { margin: 2em 0 0; }

.title-page { padding: 4em 0 2em; border-bottom: 1px solid #c9ced6; }
.title-page .kicker { color: #5b6b7c; font-size: 0.85em; margin: 1.5em 0 0; }
.title-page .range { font-size: 1.3em; color: #17324d; margin: 0 0 1.2em; }
.byline { margin: 2.5em 0 1.5em; font-size: 1.05em; }
.byline p { margin: 0.15em 0; }
.byline .author { font-weight: bold; }
table.filters { font-size: 0.85em; color: #333; }
table.filters th { white-space: nowrap; }

nav.contents ol { list-style: none; padding-left: 0; margin: 0.3em 0; }
nav.contents ol ol { padding-left: 1.5em; display: flex; flex-wrap: wrap; gap: 0 1.2em; }
nav.contents li { margin: 0.15em 0; }
nav.contents li.section { margin-top: 0.5em; font-weight: bold; }
nav.contents li.section li { font-weight: normal; }

h1, h3, h4 { bookmark-level: none; }
h2 { bookmark-level: 1; }
h3.month { bookmark-level: 2; }
h4 { bookmark-level: 3; }

@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; margin: 0; padding: 0; }
  .figure { width: auto; left: 0; transform: none; }
  .marking { display: none; }
  a { color: #123e6e; text-decoration: none; }
  .title-page { padding: 45mm 0 0; border: none; break-after: page; page: title; }
  nav.contents { break-after: page; }
  /* A decade of months in two columns: the contents stays a page or two. */
  nav.contents ol ol { display: block; columns: 2; column-gap: 10mm; padding-left: 4mm; }
  nav.contents a::after { content: leader('.') target-counter(attr(href url), page); }
  .newpage { break-before: page; }
  h2 { margin-top: 0; }
  h3.month { margin-top: 1.2em; }
  .note a, .sources a { overflow-wrap: anywhere; }
}

@page {
  size: A4; margin: 20mm 18mm 20mm 18mm;
  /* Fixed, even shares of the foot, so the marking stays centred and a long title
     wraps instead of running into it. */
  @bottom-left { content: string(report-title); font-size: 7.5pt; color: #666;
    vertical-align: top; padding-top: 4mm; width: 36%; }
  @bottom-center { width: 28%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 7.5pt;
    color: #666; vertical-align: top; padding-top: 4mm; width: 36%; text-align: right; }
}
@page title { @bottom-left { content: none; } }
"""


def _css_string(text: str) -> str:
    """*text* as a quoted CSS string: every character but ASCII letters, digits and
    spaces as a hex escape, so no text can end the string, the rule or the <style>."""
    escaped = "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} "
                      for c in text)
    return f'"{escaped}"'


def marking_css(marking: str) -> str:
    """The handling marking ("OFFICIAL – SENSITIVE") at the top and bottom of every page;
    nothing when there is none."""
    if not one_line(marking):
        return ""
    value = _css_string(one_line(marking))
    box = f"content: {value}; font-size: 8pt; font-weight: bold; color: #8a1c1c;"
    return (f"\n@page {{ @top-center {{ {box} vertical-align: bottom; padding-bottom: 4mm; }}\n"
            f"  @bottom-center {{ {box} vertical-align: top; padding-top: 4mm; }} }}\n")
