"""The name one open of a PostgreSQL database gives its connections.

Database sets it on every connection it makes (storage.database), and the change feed
(storage.change_feed) compares a notification's writer to it, to leave out what its own
Database wrote. Kept apart so neither of those modules imports the other.
"""

from __future__ import annotations

import uuid

from sqlalchemy.engine import URL

# application_name is cut at 63 bytes by the server; the unique part must survive that.
_NAME_PREFIX_CHARS = 40


def unique_application_name(url: URL) -> str | None:
    """A name for one open's PostgreSQL connections (None elsewhere): the URL's own
    application_name, or the program's, and a random part. Printable ASCII only, as the
    server keeps it, so a notification's writer compares equal to it."""
    if url.get_backend_name() != "postgresql":
        return None
    given = url.query.get("application_name")
    prefix = given if isinstance(given, str) and given else "negotiation-tracker"
    prefix = "".join(c for c in prefix if " " <= c <= "~")[:_NAME_PREFIX_CHARS]
    return f"{prefix} {uuid.uuid4().hex[:16]}"
