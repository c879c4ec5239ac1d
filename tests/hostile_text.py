"""Hostile strings every exporter must carry safely: shared by the exporter tests.

Formula triggers for spreadsheets, markup for browsers, the CSV and iCalendar separators
and escapes, line breaks, a line far past any folding limit, right-to-left and combining
text, emoji, and other control characters.

NUL is not among them: no database of ours holds one (tracker/domain/nul_text.py), so
the tests that store these strings run alike on SQLite and PostgreSQL. ``NUL_TEXT`` is
for the tests of that rule, and of the writers, which must still cope with one (a file
an older version wrote may hold it).
"""

from __future__ import annotations

import re

HOSTILE = (
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+2",
    "-3*4",
    "@SUM(A1:A9)",
    "\t=1+1",
    "<script>alert('x')</script> & <b>bold</b>",
    'He said "no", then \'yes\'',
    "a,b;c\\d",
    "first line\nsecond line\r\nthird line",
    "long " + "word " * 2000,
    "مفاوضات السلام \u202eevil\u202c",
    "Cafe\u0301 Zu\u0308rich",
    "🕊️ talks 🇺🇦🇷🇺🇺🇸",
    "bell\x07 and escape\x1b[31m red",
)
NUL_TEXT = "before\x00after"

# What HTML, iCalendar and TimelineJS may not hold, and show as U+FFFD instead (each
# writer's own set is wider: form feed, vertical tab; none of those is above).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def as_shown(text: str) -> str:
    """*text* as those formats show it: its control characters as U+FFFD."""
    return _CONTROLS.sub("\ufffd", text)
