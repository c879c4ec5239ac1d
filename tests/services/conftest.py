"""Fixtures the service tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tracker.domain.wording import Language, current_language, use_language


@pytest.fixture
def ukrainian() -> Iterator[None]:
    """The services speak Ukrainian for the test (the window's choice), then as before."""
    before = current_language()
    use_language(Language.UKRAINIAN)
    yield
    use_language(before)
