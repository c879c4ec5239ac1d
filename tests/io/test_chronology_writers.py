"""Exporters: hostile text stays inert, files are whole or absent, JSON meets its schema
(the CSV writer's tests: test_chronology_csv.py)."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pytest

from tracker import resources
from tracker.domain.chronology import ChronologyEntry, EntryKind, EventFacts
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
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


def test_json_gives_no_time_to_what_is_known_only_to_the_day() -> None:
    schema = json.loads(resources.read_text("schemas/chronology.schema.json"))
    izyum = EventTime.of(date(2022, 2, 24), Precision.UNKNOWN, date(2022, 9, 30))
    facts = EventFacts(
        time=izyum, dataset="UCDP GED", external_id="447229", event_type="State-based",
        sub_event_type="Russia - Ukraine", target_category="", actor1="Russia",
        actor2="Ukraine", location="Izyum town", admin1="Kharkiv Oblast",
        latitude=49.2, longitude=37.3, fatalities=871, fatalities_low=377,
        fatalities_high=871, injuries=None, country="Ukraine")
    event = replace(_entry("Izyum"), kind=EntryKind.EVENT, precision=Precision.UNKNOWN,
                    when=datetime(2022, 2, 24, 12, tzinfo=UTC), day=date(2022, 2, 24),
                    when_text=izyum.describe(), event=facts)
    reading = replace(_entry("Reading", record_id=2), kind=EntryKind.FACTOR_READING,
                      precision=Precision.EXACT, when=datetime(2026, 1, 31, 10, tzinfo=UTC),
                      day=date(2026, 1, 31))
    stream = io.StringIO()
    write_json([event, reading], stream)
    document = json.loads(stream.getvalue())
    jsonschema.validate(document, schema)
    told_event, told_reading = document["entries"]
    assert told_event["when_utc"] is None and told_event["date"] == "2022-02-24"
    assert told_event["event"]["time_shape"] == "span"
    assert (told_event["event"]["first_day"], told_event["event"]["last_day"]) == (
        "2022-02-24", "2022-09-30")
    assert told_event["event"]["fatalities_low"] == 377
    assert told_reading["when_utc"] == "2026-01-31T10:00:00+00:00"
    assert told_reading["event"] is None
