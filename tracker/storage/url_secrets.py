"""The secrets a database URL can carry, masked wherever a URL is shown and left out
wherever one is kept.

A PostgreSQL URL holds its password in two places: ``user:password@host`` and the query
(``?password=…``, which libpq reads like any other connection parameter), next to other
parameters that are secret or name a secret's file (``sslpassword``, ``passfile``).
SQLAlchemy's ``hide_password`` masks only the first, so a password typed in the query was
printed in every error, shown in the window's title and stored in the settings (issue 14,
F15). Every URL shown goes through ``shown_url``, every URL kept through
``without_secrets``, and any text that may quote a URL as typed (a driver's or a parser's
message) through ``mask_secrets``.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import URL

MASK = "***"
# libpq's parameters that are secrets or say where one is; any parameter whose name
# contains one of the words is taken for a secret too (a driver's own "api_token").
_SECRET_WORDS = ("password", "passwd", "pwd", "secret", "token", "passfile")


def is_secret_parameter(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in _SECRET_WORDS)


def shown_url(url: URL) -> str:
    """The URL as a person may see it: the password and secret parameters masked, the
    driver named as the user would (postgresql://, not the driver chosen for it)."""
    query = {name: (MASK if is_secret_parameter(name) else value)
             for name, value in url.query.items()}
    masked = url.set(drivername=url.get_backend_name(), query=query)
    if url.password is not None:
        masked = masked.set(password=MASK)
    return masked.render_as_string(hide_password=False)


def without_secrets(url: URL) -> URL:
    """The URL with no password and no secret parameter: what may be stored. Connecting
    with it, libpq finds the password in PGPASSWORD or ~/.pgpass."""
    query = {name: value for name, value in url.query.items()
             if not is_secret_parameter(name)}
    # URL.set(password=None) means "leave the password as it is"; _replace removes it.
    return url._replace(password=None).set(query=query)


# "scheme://user:secret@" and "name=secret" (in a query, or libpq's "key=value" form),
# up to the next separator; quotes end a value because messages quote what they echo,
# and so does a colon before a space ("Cannot open …?password=***: connection failed").
# Each pattern starts only where a name starts (the look-behind) and names are bounded,
# so a long run of letters is scanned once, not once per letter: a message quoting a
# 200,000-character cell took minutes with the unbounded form.
_USERINFO = re.compile(r"(?<![\w+.-])(?P<keep>[A-Za-z][\w+.-]{0,31}://[^\s/@:]*:)[^\s@]*@")
_PARAMETER = re.compile(
    r"(?<![\w-])(?P<name>[\w-]{1,64})(?P<eq>\s*=\s*)"
    r"(?P<value>(?:[^\s&;'\":]|:(?=[^\s'\"]))*)")


def mask_secrets(text: str) -> str:
    """*text* with every password-like part of a URL or connection string masked."""
    text = _USERINFO.sub(lambda found: f"{found['keep']}{MASK}@", text)
    return _PARAMETER.sub(
        lambda found: (f"{found['name']}{found['eq']}{MASK}"
                       if is_secret_parameter(found["name"]) and found["value"]
                       else found[0]), text)
