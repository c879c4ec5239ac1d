"""Whole numbers as datasets write them: ASCII digits, nothing int() would refuse."""

from __future__ import annotations

import pytest

from tracker.domain.whole_numbers import is_whole_number


@pytest.mark.parametrize("text", ["0", "2024", "00000123"])
def test_ascii_digits_are_whole_numbers(text: str) -> None:
    assert is_whole_number(text) and int(text) >= 0


@pytest.mark.parametrize("text", ["", "¹", "①", "٣", "12¹", " 12", "1.0", "-1", "+1"])
def test_other_digits_and_signs_are_not(text: str) -> None:
    assert not is_whole_number(text)
    assert "¹".isdigit() and "٣".isdigit()  # what str.isdigit() would have let through
