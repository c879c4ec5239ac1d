"""A local server in each API's shape, its address given to the sync, and a keyring in
memory: no test of a sync reaches the internet or the desktop's real keyring."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.services.sync.fake_apis import FakeApis, acled_rows, serving, ucdp_json, ucdp_rows
from tests.ui.window.test_saved_passwords import (  # the keyrings those tests use
    MemoryKeyring,
    memory_keyring,
    no_keyring,
)

__all__ = ["MemoryKeyring", "apis", "memory_keyring", "no_keyring"]


@pytest.fixture
def apis(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeApis]:
    """Both APIs on 127.0.0.1: the first 25 UCDP GED 22.1 events, the ACLED fixture."""
    fake = FakeApis(ucdp=[ucdp_json(row) for row in ucdp_rows(25)], acled=acled_rows())
    with serving(fake):
        monkeypatch.setenv("TRACKER_UCDP_API_URL", fake.url)
        monkeypatch.setenv("TRACKER_ACLED_API_URL", fake.url)
        for variable in ("TRACKER_UCDP_TOKEN", "TRACKER_ACLED_USERNAME",
                         "TRACKER_ACLED_PASSWORD"):
            monkeypatch.delenv(variable, raising=False)
        yield fake
