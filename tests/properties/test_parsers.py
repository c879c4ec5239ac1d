"""Every parser fed generated input: a value or the project's own error, never a crash."""

from __future__ import annotations

import pytest

from tests.conftest import examples
from tests.properties.catalogue import PROPERTIES, ParserProperty, run_property


@pytest.mark.parametrize("prop", PROPERTIES, ids=[prop.name for prop in PROPERTIES])
def test_parser_answers_cleanly(prop: ParserProperty) -> None:
    # prop.examples under the full profile (make test-full), a fifth of it by default.
    wanted = examples(prop.examples)
    assert run_property(prop, wanted) >= wanted
