"""The report's HTML laid out as a PDF by WeasyPrint: one document, two files.

WeasyPrint reads the print styles of report_style.py and gives the PDF what a reader of a
long report needs (issue 15): an outline down to the day (``bookmark-level``), clickable
links and contents entries, page numbers in the contents (``target-counter``), headings
kept with what follows them, widows and orphans, hyphenation, text without ligatures,
and a tagged PDF (its headings, paragraphs and tables marked up for screen readers).

It fetches nothing: the chart is a data: URI, and every other URL (a source's link) is
only a link, so the fetcher refuses any other scheme rather than reach the network or
read a local file a crafted report might name.
"""

from __future__ import annotations

from typing import Any

from tracker.domain.errors import TrackerError

# The one scheme the report embeds (the chart's PNG); see the module docstring.
EMBEDDED_SCHEMES = ("data",)


class ReportEngineMissing(TrackerError):
    """WeasyPrint, or the Pango library it draws text with, is not installed."""


def _weasyprint() -> Any:
    """WeasyPrint, imported when a PDF is asked for: it takes a second to load, which
    every other command would otherwise pay."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is missing
        raise ReportEngineMissing(
            "The PDF report needs WeasyPrint and the Pango library (Debian: apt-get install "
            f"libpango-1.0-0 libpangoft2-1.0-0): {error}") from error
    return weasyprint


def render_report(markup: str) -> Any:
    """The laid-out document (weasyprint.Document): its pages and its outline."""
    weasyprint = _weasyprint()
    fetcher = weasyprint.URLFetcher(allowed_protocols=EMBEDDED_SCHEMES)
    return weasyprint.HTML(string=markup, url_fetcher=fetcher, media_type="print").render()


def pdf_from_html(markup: str) -> bytes:
    """The report's HTML (report_html.write_report_html) as a tagged PDF."""
    pdf: bytes = render_report(markup).write_pdf(pdf_tags=True)
    return pdf
