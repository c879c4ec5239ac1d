"""A TEMP view of the full-text index's terms on every SQLite connection (issue 19).

``services/events/search_terms`` finds the terms under a typed prefix in it, one seek a
term. It is FTS5's ``fts5vocab`` over ``battlefield_event_fts``, 'instance' kind (the
first row of a term comes after one seek, where the 'row' kind reads the term's whole
list to count it first): it stores nothing and is no part of the schema the migrations
own. Made once, as the connection opens, outside any transaction: made inside a read
session it would be rolled back with it, and every CREATE expires each statement the
connection has prepared, so each read would compile its statements again.
"""

from __future__ import annotations

from typing import Any

TERMS_VIEW = "tracker_event_terms"
CREATE_TERMS_VIEW = (f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{TERMS_VIEW} "
                     "USING fts5vocab(main, battlefield_event_fts, instance)")


def create_terms_view(dbapi_connection: Any) -> None:
    """Make the view on a new sqlite3 connection (the index need not exist yet: the view
    looks for it when it is read)."""
    dbapi_connection.execute(CREATE_TERMS_VIEW)
