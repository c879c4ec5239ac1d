"""API credentials live in the OS keyring (or the environment where there is none), never
in the database or the settings file."""

from __future__ import annotations

import pytest

from tests.services.sync.conftest import MemoryKeyring
from tracker.services.sync.credentials import (
    SERVICE,
    CredentialsError,
    has_credentials,
    require_credentials,
    store_credentials,
    stored_credentials,
)
from tracker.services.sync.sources import Source


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("TRACKER_UCDP_TOKEN", "TRACKER_ACLED_USERNAME", "TRACKER_ACLED_PASSWORD"):
        monkeypatch.delenv(variable, raising=False)


def test_credentials_go_to_the_keyring_and_come_back(memory_keyring: MemoryKeyring) -> None:
    assert not has_credentials(Source.ACLED)
    store_credentials(Source.ACLED, {"acled-username": " me@example.org ",
                                     "acled-password": "pw"})
    assert memory_keyring.entries == {(SERVICE, "acled-username"): "me@example.org",
                                      (SERVICE, "acled-password"): "pw"}
    assert require_credentials(Source.ACLED) == {"acled-username": "me@example.org",
                                                 "acled-password": "pw"}
    assert not has_credentials(Source.UCDP)


def test_an_empty_value_forgets_the_credential(memory_keyring: MemoryKeyring) -> None:
    store_credentials(Source.UCDP, {"ucdp-api-token": "t"})
    store_credentials(Source.UCDP, {"ucdp-api-token": ""})
    assert memory_keyring.entries == {}
    store_credentials(Source.UCDP, {})  # forgetting what is not there is no error


def test_missing_credentials_say_how_to_set_them(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(CredentialsError, match=r"no UCDP API access token is stored for "
                                               r"UCDP GED: set it with `tracker sync ucdp "
                                               r"--set-credentials`.*nothing was changed"):
        require_credentials(Source.UCDP)


def test_without_a_keyring_the_environment_is_read(no_keyring: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CredentialsError, match=r"no keyring.*TRACKER_UCDP_TOKEN"):
        store_credentials(Source.UCDP, {"ucdp-api-token": "t"})
    assert stored_credentials(Source.UCDP) is None
    monkeypatch.setenv("TRACKER_UCDP_TOKEN", "from-env")
    assert stored_credentials(Source.UCDP) == {"ucdp-api-token": "from-env"}
