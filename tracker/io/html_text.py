"""User or imported text as HTML that shows it literally (the report's sections share it).

Escaped, its control characters replaced, and isolated with <bdi> so a right-to-left
override cannot reorder what follows it.
"""

from __future__ import annotations

import html
import re

REPLACEMENT = "\ufffd"
# C0 controls other than tab, line feed, form feed and carriage return: HTML forbids
# them (NUL among them), so they are shown as the replacement character.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A source label ends with its URL when it has one (citations.source_label).
_TRAILING_URL = re.compile(r"^(?P<label>.*?),? ?(?P<url>https?://[^\s<>\"]+)$", re.DOTALL)


def html_text(value: str) -> str:
    """*value* as HTML that shows it literally."""
    shown = _CONTROL.sub(REPLACEMENT, value)
    return f"<bdi>{html.escape(shown, quote=True)}</bdi>"


def linked_source(label: str) -> str:
    """A source label as HTML, its trailing web address (if any) a link a reader can
    click; only http and https addresses are links, so no label runs a script."""
    found = _TRAILING_URL.match(label)
    if found is None:
        return html_text(label)
    url = found["url"]
    head = found["label"]
    link = (f'<a href="{html.escape(_CONTROL.sub("", url), quote=True)}">'
            f"{html_text(url)}</a>")
    return f"{html_text(head)}, {link}" if head else link
