"""Hostile strings every exporter must carry safely: shared by the exporter tests.

Formula triggers for spreadsheets, markup for browsers, the CSV and iCalendar separators
and escapes, line breaks, a line far past any folding limit, right-to-left and combining
text, emoji, and NUL.
"""

from __future__ import annotations

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
    "before\x00after",
)
