"""The prefixes of a search as the full-text index's own terms (issue 19, SQLite).

FTS5 answers a prefix such as ``"kharkiv"*`` by merging the lists of every term that
starts with it into one list before it returns a single match: at a million events,
36 ms for ``"kharkiv"*`` against 11 ms for the same two terms named (``"kharkiv" OR
"kharkivska"``), and every page and count that tests the matches pays the difference.
The index keeps its terms in order (the ``fts5vocab`` view of it, ``storage.fts_terms``),
so the terms under a prefix are found with one seek each, and the query that names them
selects exactly the events the prefix selects: a document holds a term that starts with
the prefix if and only if it holds one of the terms the index has under it.

Only what is certain is rewritten: a prefix of ASCII letters and digits (which FTS5's
unicode61 tokenizer folds to lower case and nothing else) with at most MAX_TERMS terms
of ASCII letters and digits under it (quoted again, each is read back as itself). Any
other prefix stays a prefix, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.orm import Session

from tracker.storage.fts_terms import TERMS_VIEW

# More terms than this under one prefix: the prefix query is kept (a long OR of terms
# is no cheaper than FTS5's own merge).
MAX_TERMS = 16

# Each step asks for the first term at or after the last one found followed by a NUL
# (no term holds one): the next term, one seek, where "term > :last" would be read as
# "term >= :last" by fts5vocab and step over every occurrence of the last term.
_TERMS_UNDER = text(f"""
WITH RECURSIVE found(term) AS (
    SELECT (SELECT term FROM temp.{TERMS_VIEW} WHERE term >= :low AND term < :high LIMIT 1)
    UNION ALL
    SELECT (SELECT next.term FROM temp.{TERMS_VIEW} AS next
            WHERE next.term >= found.term || char(0) AND next.term < :high LIMIT 1)
    FROM found WHERE found.term IS NOT NULL
)
SELECT term FROM found WHERE term IS NOT NULL LIMIT :most
""")

Expander = Callable[[str], "tuple[str, ...] | None"]


def term_expander(session: Session) -> Expander:
    """A function from a typed word to the index terms it is a prefix of (the empty
    tuple: none, so nothing matches), or None where the prefix must stay a prefix.
    The full-text index must be current (``require_search``) before it is called."""
    def terms_under(word: str) -> tuple[str, ...] | None:
        if not _plain(word):
            return None
        low = word.lower()
        high = low[:-1] + chr(ord(low[-1]) + 1)
        terms = tuple(session.scalars(_TERMS_UNDER, {"low": low, "high": high,
                                                     "most": MAX_TERMS + 1}))
        if len(terms) > MAX_TERMS or not all(_plain(term) for term in terms):
            return None
        return terms

    return terms_under


def _plain(word: str) -> bool:
    """ASCII letters and digits only: folded by FTS5 to lower case and nothing else."""
    return word.isascii() and word.isalnum()
