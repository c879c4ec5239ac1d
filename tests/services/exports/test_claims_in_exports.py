"""Conflicting claims in every export (issue 18): an event with figures from two sources
shows both, each with who claims it and its source, wherever the event is written."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.io.poppler import page_texts
from tests.services.claims.claim_scenario import (
    AGENCY,
    MINISTRY,
    claim_conflicting,
    event_id_of,
    new_source,
)
from tests.services.table_state import run
from tracker.domain.claims import ClaimantKind
from tracker.domain.events import EventLink
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.exports.archive import write_archive
from tracker.services.exports.export import ExportFormat, write_chronology
from tracker.services.exports.report_file import export_report
from tracker.services.exports.schedule_calendar import write_calendar
from tracker.services.exports.timelinejs import build_timeline
from tracker.services.exports.timelinejs_selection import EventScope, TimelineRequest
from tracker.storage.database import Database

BOTH = (MINISTRY, AGENCY)
# The sample's days: the event is listed in full, not counted by day.
SPAN = {"date_from": date(2026, 1, 20), "date_to": date(2026, 2, 28)}


@pytest.fixture
def disputed(sample_db: Database) -> tuple[Database, int]:
    """The sample, whose maternity-ward strike (linked to the talks, listed in their
    calendar entry) has two conflicting claims besides its dataset's and the seed's."""
    event_id = event_id_of(sample_db, "SAMPLE-001")
    with sample_db.reading() as session:
        linked = session.scalar(select(EventLink.round_id).where(
            EventLink.event_id == event_id, EventLink.round_id.is_not(None)))
    assert linked is not None  # the calendar lists it
    claim_conflicting(sample_db, event_id)
    return sample_db, event_id


def _chronology(db: Database, fmt: ExportFormat) -> str:
    stream = io.StringIO()
    with db.reading() as session:
        write_chronology(session, stream, fmt, **SPAN)
    return stream.getvalue()


def _csv_row(text: str) -> str:
    [row] = [row for row in csv.reader(io.StringIO(text)) if "SAMPLE-001" in row]
    return " ".join(row)


def _json_entry(text: str) -> str:
    [entry] = [entry for entry in json.loads(text)["entries"]
               if "SAMPLE-001" in json.dumps(entry, ensure_ascii=False)]
    return json.dumps(entry, ensure_ascii=False)


@pytest.mark.parametrize(("fmt", "entry"), [
    (ExportFormat.CSV, _csv_row),
    (ExportFormat.JSON, _json_entry),
    (ExportFormat.MD, lambda text: text),
    (ExportFormat.HTML, lambda text: text.replace("&#x27;", "'")),
])
def test_the_chronology_formats_give_both_claims_with_their_attribution(
        disputed: tuple[Database, int], fmt: ExportFormat,
        entry: Callable[[str], str]) -> None:
    db, _event = disputed
    told = entry(_chronology(db, fmt))
    for claim in BOTH:
        assert claim in told, f"{fmt.value}: {claim!r} missing"


def test_the_pdf_report_gives_both_claims(disputed: tuple[Database, int],
                                          tmp_path: Path) -> None:
    db, _event = disputed
    path = tmp_path / "report.pdf"
    with db.reading() as session:
        export_report(session, path, ExportFormat.PDF, **SPAN)
    text = " ".join(page_texts(path))
    for claim in BOTH:
        assert claim in text


def test_the_timeline_slide_of_the_event_gives_both_claims(
        disputed: tuple[Database, int]) -> None:
    db, event_id = disputed
    with db.reading() as session:
        export = build_timeline(session, TimelineRequest(events=EventScope.ALL))
    [slide] = [slide for slide in export.data["events"]
               if slide["unique_id"] == f"event-{event_id}"]
    text = slide["text"]["text"].replace("&#x27;", "'")
    for claim in BOTH:
        assert claim in text


def test_the_calendar_lists_both_claims_under_the_linked_event(
        disputed: tuple[Database, int], tmp_path: Path) -> None:
    db, _event = disputed
    with db.reading() as session:
        write_calendar(session, tmp_path / "talks.ics")
    unfolded = "".join(path.read_text(encoding="utf-8") for path in
                       sorted(tmp_path.glob("*.ics"))).replace("\n ", "")
    text = unfolded.replace("\\;", ";").replace("\\,", ",")
    for claim in BOTH:
        assert claim in text


def test_the_archive_holds_both_claims_with_their_sources(
        disputed: tuple[Database, int]) -> None:
    db, event_id = disputed
    stream = io.StringIO()
    with db.reading() as session:
        write_archive(session, stream)
    tables = {table["name"]: table["rows"] for table in json.loads(stream.getvalue())["tables"]}
    outlets = {row["id"]: row["outlet"] for row in tables["source"]}
    told = sorted((claim["claimant"], claim["value_low"], claim["value_best"],
                   claim["value_high"], claim["status"], outlets[claim["source_id"]])
                  for claim in tables["casualty_claim"]
                  if claim["event_id"] == event_id)
    assert told == [("Ministry of Health", None, 12, None, "claimed", "Ministry of Health"),
                    ("Reuters", 3, None, 5, "disputed", "Reuters"),
                    ("Seed news report (wire summary)", 6, None, None, "claimed",
                     "Seed news report (wire summary)")]


def test_a_claim_on_a_day_and_place_is_listed_in_the_report_with_its_attribution(
        sample_db: Database, tmp_path: Path) -> None:
    air_force = new_source(sample_db, "Air Force of Ukraine")
    run(sample_db, lambda s: add_claim(s, ClaimDraft(
        "drones intercepted", "Air Force of Ukraine", best=40, day=date(2026, 2, 3),
        place="Kyiv region", claimant_kind=ClaimantKind.PARTY.value, source_id=air_force)))
    told = ("drones intercepted: 40, by Air Force of Ukraine (party), claimed; source: "
            "Air Force of Ukraine")
    html = _chronology(sample_db, ExportFormat.HTML)
    assert 'href="#day-claims"' in html  # in the contents
    [row] = [line for line in html.splitlines() if told in line]
    assert row.startswith("<tr><td>2026-02-03</td>") and "Kyiv region" in row
    path = tmp_path / "report.pdf"
    with sample_db.reading() as session:
        export_report(session, path, ExportFormat.PDF, **SPAN)
    assert told in " ".join(page_texts(path))
    outside = _chronology_of(sample_db, date(2026, 2, 4), date(2026, 2, 28))
    assert "Kyiv region" not in outside  # another range lists it not


def _chronology_of(db: Database, first: date, last: date) -> str:
    stream = io.StringIO()
    with db.reading() as session:
        write_chronology(session, stream, ExportFormat.HTML, date_from=first, date_to=last)
    return stream.getvalue()
