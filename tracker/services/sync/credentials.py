"""The user's API credentials, kept in the operating system's keyring and nowhere else.

UCDP's API takes an access token (sent as ``x-ucdp-access-token``); ACLED's takes the
myACLED account's e-mail and password, exchanged for a bearer token on each sync. They
go to the keyring (macOS Keychain, Windows Credential Locker, the Secret Service on
Linux desktops) through the ``keyring`` library, under the same service name as a
database server's password; never to the database or the settings file, which are
copied, backed up and shared.

Where there is no keyring (a server without a desktop session), the environment is read
instead: TRACKER_UCDP_TOKEN, TRACKER_ACLED_USERNAME and TRACKER_ACLED_PASSWORD.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from tracker.domain.errors import TrackerError
from tracker.domain.wording import say
from tracker.services.sync.sources import Source

SERVICE = "negotiation-tracker"  # as ui/window/saved_passwords.py


class CredentialsError(TrackerError):
    """Credentials missing, or no keyring to keep them in."""


@dataclass(frozen=True, slots=True)
class Secret:
    """One credential of a source: its keyring entry, environment variable and label."""

    account: str
    variable: str
    label: str
    hidden: bool = True  # typed without echo (a password or token; not an e-mail)


SECRETS: dict[Source, tuple[Secret, ...]] = {
    Source.UCDP: (Secret("ucdp-api-token", "TRACKER_UCDP_TOKEN", "UCDP API access token"),),
    Source.ACLED: (
        Secret("acled-username", "TRACKER_ACLED_USERNAME", "myACLED e-mail", hidden=False),
        Secret("acled-password", "TRACKER_ACLED_PASSWORD", "myACLED password"),
    ),
}


def stored_credentials(source: Source,
                       environ: Mapping[str, str] | None = None) -> dict[str, str] | None:
    """*source*'s credentials by keyring account name, or None if any is missing. The
    keyring is read first; the environment fills what it lacks."""
    env = os.environ if environ is None else environ
    found: dict[str, str] = {}
    for secret in SECRETS[source]:
        value = _read(secret.account) or env.get(secret.variable, "")
        if not value:
            return None
        found[secret.account] = value
    return found


def require_credentials(source: Source) -> dict[str, str]:
    found = stored_credentials(source)
    if found is None:
        labels = [say(secret.label) for secret in SECRETS[source]]
        # Whole sentences for one credential and for two (ACLED's e-mail and password).
        template = (
            "no {first} is stored for {source}: set it with `tracker sync {command} "
            "--set-credentials` (or in File › Update from Source…); nothing was changed"
            if len(labels) == 1 else
            "no {first} and {second} is stored for {source}: set it with `tracker sync "
            "{command} --set-credentials` (or in File › Update from Source…); nothing was "
            "changed")
        raise CredentialsError(say(template).format(
            first=labels[0], second=labels[-1], source=source.label, command=source.value))
    return found


def store_credentials(source: Source, values: Mapping[str, str]) -> None:
    """Keep *values* (keyring account -> value) in the keyring; an empty value removes
    the entry. Raises CredentialsError where there is no keyring."""
    for secret in SECRETS[source]:
        value = values.get(secret.account, "").strip()
        try:
            if value:
                keyring.set_password(SERVICE, secret.account, value)
            else:
                keyring.delete_password(SERVICE, secret.account)
        except PasswordDeleteError:
            pass  # nothing was stored under it
        except KeyringError as exc:
            raise CredentialsError(say(
                "there is no keyring to keep the {label} in ({error}); set {variable} in "
                "the environment instead").format(label=say(secret.label), error=exc,
                                                  variable=secret.variable)) from exc


def has_credentials(source: Source) -> bool:
    """Whether *source*'s credentials are there (the dialog says so, never what they are)."""
    return stored_credentials(source) is not None


def _read(account: str) -> str:
    try:
        return keyring.get_password(SERVICE, account) or ""
    except KeyringError:
        return ""
