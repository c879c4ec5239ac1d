"""Exporters: hostile text stays inert, files are whole or absent, JSON meets its schema."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import resources
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.io import chronology_writers
from tracker.io.atomic import atomic_text_writer
from tracker.io.chronology_writers import markdown_escape, write_csv, write_json, write_markdown
from tracker.io.spreadsheet import neutralise

HOSTILE = [
    "=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
    "<script>alert(1)</script>", 'quote " inside', "comma, semicolon; backslash \\",
    "line\nbreak", "مرحبا RTL", "e\u0301 combining", "emoji 🕊️", "x" * 5000,
]


def _entry(title: str, detail: str = "", *, record_id: int = 1) -> ChronologyEntry:
    return ChronologyEntry(
        when=datetime(2026, 2, 1, 22, tzinfo=UTC), day=date(2026, 2, 2),
        precision=Precision.WEEK, when_text="week of 2 Feb 2026", kind=EntryKind.ROUND,
        record_id=record_id, title=title, detail=detail, place="Kyiv",
        links=("event 28 Jan 2026",), sources=("Wire, “A”",),
    )


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Kyiv", "", "1+1", "a=b", "'quoted"])
def test_ordinary_cells_are_untouched(cell: str) -> None:
    assert neutralise(cell) == cell


def test_csv_round_trips_hostile_text_with_formulas_guarded() -> None:
    stream = io.StringIO(newline="")
    write_csv([_entry(text, detail=text, record_id=n) for n, text in enumerate(HOSTILE, 1)],
              stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert len(rows) == len(HOSTILE)
    for row, text in zip(rows, HOSTILE, strict=True):
        assert row["title"] == neutralise(text)
        assert not row["title"].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert rows[0]["precision"] == "week"
    assert rows[0]["when_utc"] == "2026-02-01T22:00:00+00:00"


def test_json_matches_the_shipped_schema_and_round_trips_text() -> None:
    schema = json.loads(resources.read_text("schemas/chronology.schema.json"))
    stream = io.StringIO()
    count = write_json([_entry(text, record_id=n) for n, text in enumerate(HOSTILE, 1)],
                       stream, date_from=date(2026, 1, 1), tz="Europe/Kyiv")
    document = json.loads(stream.getvalue())
    jsonschema.validate(document, schema)
    assert count == len(HOSTILE)
    assert [e["title"] for e in document["entries"]] == HOSTILE
    assert document["filters"] == {"from": "2026-01-01", "to": None,
                                   "time_zone": "Europe/Kyiv", "corrections": False}


def test_empty_json_is_valid() -> None:
    schema = json.loads(resources.read_text("schemas/chronology.schema.json"))
    stream = io.StringIO()
    assert write_json([], stream) == 0
    jsonschema.validate(json.loads(stream.getvalue()), schema)


@given(st.text())
def test_markdown_escape_never_lets_html_or_emphasis_through(text: str) -> None:
    escaped = markdown_escape(text)
    assert "<" not in escaped
    assert "\n" not in escaped and "\x00" not in escaped
    for special in "*_`[]":
        assert escaped.count(special) == escaped.count("\\" + special)


def test_markdown_groups_by_local_day_and_numbers_sources() -> None:
    stream = io.StringIO()
    write_markdown([_entry("<b>Talks</b>")], stream)
    text = stream.getvalue()
    assert "## 2 February 2026" in text
    assert "&lt;b>Talks&lt;/b>" in text and "<b>" not in text
    assert "[^1]: Wire, “A”" in text


def test_atomic_writer_leaves_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous export", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text_writer(target) as stream:
        stream.write("half")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_atomic_writer_creates_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    with pytest.raises(ValueError), atomic_text_writer(target):
        raise ValueError("bad")
    assert list(tmp_path.iterdir()) == []


def _on(day: date, source: str, record_id: int) -> ChronologyEntry:
    return ChronologyEntry(
        when=datetime(day.year, day.month, day.day, 12, tzinfo=UTC), day=day,
        precision=Precision.DAY, when_text=f"{day.day} Feb 2026", kind=EntryKind.EVENT,
        record_id=record_id, title="Strike", detail="", place="", links=(),
        sources=(source,),
    )


def test_markdown_notes_follow_their_day_and_memory_stays_bounded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A million events cite a million dataset records: notes are written after each
    day, and only the last few sources are remembered for reuse."""
    monkeypatch.setattr(chronology_writers, "NOTES_REMEMBERED", 2)
    entries = [_on(date(2026, 2, 1), "Wire A", 1), _on(date(2026, 2, 1), "Wire B", 2),
               _on(date(2026, 2, 2), "Wire A", 3), _on(date(2026, 2, 2), "Wire C", 4),
               _on(date(2026, 2, 3), "Wire B", 5)]
    stream = io.StringIO()
    assert write_markdown(entries, stream) == 5
    text = stream.getvalue()
    first, second, third = text.split("\n## ")[1:]
    assert first.endswith("[^1]: Wire A\n[^2]: Wire B\n")
    assert "Strike[^1]" in second  # still remembered: the same note
    assert second.endswith("[^3]: Wire C\n")
    # B was pushed out by A and C: it gets a new number and note.
    assert "Strike[^4]" in third and third.endswith("[^4]: Wire B\n")
