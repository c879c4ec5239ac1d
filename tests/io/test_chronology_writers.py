"""Exporters: hostile text stays inert, files are whole or absent, JSON meets its schema
(the CSV writer's tests: test_chronology_csv.py)."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pytest

from tracker import resources
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.io.atomic import atomic_text_writer
from tracker.io.chronology_writers import write_json

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
