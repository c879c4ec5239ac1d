"""Whole numbers as data files, APIs and people write them: ASCII digits only.

``str.isdigit()`` is also true of "¹" and "①", which ``int()`` refuses (an import
crashed on a UCDP year "¹" where a message naming the line was due), and of "٣", which
``int()`` reads as 3: no field of a dataset holds either as a number.
"""

from __future__ import annotations


def is_whole_number(text: str) -> bool:
    """Whether *text* is one or more ASCII digits, and nothing else: what ``int()``
    reads as it stands."""
    return text.isascii() and text.isdigit()
