"""A database server's password, kept in the operating system's keyring, never in the
settings.

The window remembers the last database it opened. For a server URL it stores the URL
without its secrets (storage/url_secrets.py, issue 14 F15), and the password, if one was
typed, here: in the keyring (macOS Keychain, Windows Credential Locker, the Secret
Service on Linux desktops), through the ``keyring`` library. Where no keyring is there (a
server without a desktop session), nothing is kept: libpq then reads PGPASSWORD or
~/.pgpass, as for any PostgreSQL client, and says so if neither has one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from tracker.storage.url_secrets import without_secrets

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

SERVICE = "negotiation-tracker"
log = logging.getLogger(__name__)


def _account(url: URL) -> str:
    """The keyring entry's name: the URL with no secret (user, host, port, database)."""
    plain = without_secrets(url).set(drivername=url.get_backend_name(), query={})
    return plain.render_as_string(hide_password=False)


def typed_password(url: URL) -> str | None:
    """The password *url* carries, as ``user:password@`` or ``?password=``."""
    if url.password is not None:
        return str(url.password)
    value = url.query.get("password")
    return value if isinstance(value, str) else None


def keep_password(url: URL) -> bool:
    """Keep *url*'s password in the keyring; False when it has none or no keyring is
    there (the user is then asked again, or libpq finds it in PGPASSWORD/.pgpass)."""
    password = typed_password(url)
    if password is None:
        return False
    import keyring  # here: the keyring and its backends cost every launch 20 ms (issue 19)
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _account(url), password)
    except KeyringError as exc:
        log.info("No keyring to keep the database password in: %s", exc)
        return False
    return True


def with_kept_password(url: URL) -> URL:
    """*url* with the password the keyring holds for it, if it has none of its own."""
    if typed_password(url) is not None:
        return url
    import keyring  # here, as in keep_password: only server URLs need it
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(SERVICE, _account(url))
    except KeyringError as exc:
        log.info("No keyring to read the database password from: %s", exc)
        return url
    return url if password is None else url.set(password=password)
