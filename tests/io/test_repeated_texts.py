"""The columns whose values repeat are read as one object per distinct text
(io.repeated_texts), which marshal then sends once a batch."""

from __future__ import annotations

import marshal

import pytest

from tracker.io import repeated_texts
from tracker.io.repeated_texts import repeated_texts as make


def test_equal_texts_of_any_row_are_one_object_and_trimmed() -> None:
    shared = make(2, 0)
    first = shared([" Kharkiv ", "x", "Battles"], "text")
    second = shared(["Kharkiv", "y", " Battles\t".replace("\t", "")], "text")
    assert first == second == ["Battles", "Kharkiv"]
    assert first[0] is second[0] and first[1] is second[1]
    rows = [tuple(shared(["".join(["Khar", "kiv"]), "", "Bat" + "tles"], "text"))
            for _ in range(100)]
    assert len(marshal.dumps(rows)) < 100 * len("KharkivBattles")


def test_it_forgets_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repeated_texts, "_KEPT", 2)
    shared = make(0)
    first = shared(["a" * 10], "text")[0]
    for name in ("b", "c", "d"):
        shared([name * 10], "text")
    again = shared(["".join(["a" * 5, "a" * 5])], "text")[0]
    assert again == first and again is not first


def test_the_values_of_a_long_record_are_not_kept() -> None:
    shared = make(0)
    long_record = "x" * (repeated_texts._KEPT_FROM_RECORDS_OF + 1)
    first = shared(["".join(["Khar", "kiv "])], long_record)[0]
    again = shared(["".join(["Khar", "kiv "])], "short")[0]
    assert first == again == "Kharkiv" and first is not again
