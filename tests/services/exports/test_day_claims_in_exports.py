"""Claims on a day and a place in every chronology format (issue 18): each a line of its
own at its day, with who gives the figure, its status and its source; typed text
guarded in CSV and escaped in Markdown and TimelineJS as the formats always do."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import jsonschema
import pytest

from tests.services.claims.claim_scenario import AIR_FORCE, claim_on_a_day
from tests.services.scenario import add_events
from tests.services.table_state import run
from tracker import resources
from tracker.domain.claims import ClaimStatus
from tracker.io.chronology_csv import FOR_DATA_TOOLS
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.claims.figure_rule import FigureRule, set_figure_rule
from tracker.services.exports.export import ExportFormat, write_chronology
from tracker.services.exports.timelinejs import build_timeline
from tracker.services.exports.timelinejs_selection import EventScope, TimelineRequest
from tracker.services.rounds.as_of import AsOf
from tracker.storage.database import Database

FORMULA = '=HYPERLINK("http://evil.example","Click")'
SPAN = {"date_from": date(2026, 2, 2), "date_to": date(2026, 2, 4)}


@pytest.fixture
def claimed(db: Database) -> Database:
    """Events on 2, 3 and 4 Feb; on 3 Feb the air force's corroborated range and a
    disputed single figure whose claimant is a formula and whose place is markup."""
    with db.transaction() as session:
        add_events(session, [
            {"event_date": date(2026, 2, 2), "summary": "the day before"},
            {"event_date": date(2026, 2, 3), "summary": "on the day"},
            {"event_date": date(2026, 2, 4), "summary": "the day after"},
        ])
    claim_on_a_day(db, date(2026, 2, 3))
    run(db, lambda s: add_claim(s, ClaimDraft(
        "drones launched", FORMULA, best=62, day=date(2026, 2, 3),
        place="<script>alert(1)</script> *Kyiv*", status=ClaimStatus.DISPUTED.value)))
    return db


def _written(db: Database, fmt: ExportFormat, **scope: object) -> str:
    stream = io.StringIO(newline="")
    with db.reading() as session:
        write_chronology(session, stream, fmt, **{**SPAN, **scope})  # type: ignore[arg-type]
    return stream.getvalue()


def test_csv_rows_at_their_day_with_attribution_and_guarded_cells(claimed: Database) -> None:
    rows = list(csv.DictReader(io.StringIO(_written(claimed, ExportFormat.CSV)
                                           .removeprefix("\ufeff"))))
    assert [(row["date"], row["kind"]) for row in rows] == [
        ("2026-02-02", "event"), ("2026-02-03", "claim"), ("2026-02-03", "claim"),
        ("2026-02-03", "event"), ("2026-02-04", "event")]
    air_force, launched = rows[1], rows[2]
    assert air_force["title"] == "Air Force of Ukraine: drones intercepted, 40–48"
    assert air_force["detail"].startswith(AIR_FORCE + ".")
    assert (air_force["place"], air_force["sources"], air_force["precision"],
            air_force["when"]) == ("Kyiv region", "Air Force of Ukraine", "day", "3 Feb 2026")
    assert air_force["counted_by"] == "dataset figure"  # the rule stays stated on every row
    assert air_force["fatalities"] == air_force["dataset"] == ""  # no event's columns
    # A claimant that is a formula is text in a spreadsheet, wherever it starts a cell.
    assert launched["title"] == "'" + FORMULA + ": drones launched, 62"
    assert launched["detail"].startswith(
        f"drones launched: 62, by {FORMULA} (other), disputed.")
    data_tools = list(csv.DictReader(io.StringIO(_written(
        claimed, ExportFormat.CSV, csv_style=FOR_DATA_TOOLS))))
    assert data_tools[2]["title"] == FORMULA + ": drones launched, 62"


def test_json_entries_with_attribution_and_the_rule_stated(claimed: Database) -> None:
    run(claimed, lambda s: set_figure_rule(s, FigureRule.HIGHEST_CLAIM.value))
    document = json.loads(_written(claimed, ExportFormat.JSON))
    assert document["figure_rule"] == FigureRule.HIGHEST_CLAIM.sentence
    claims = [entry for entry in document["entries"] if entry["kind"] == "claim"]
    assert [entry["title"] for entry in claims] == [
        "Air Force of Ukraine: drones intercepted, 40–48", FORMULA + ": drones launched, 62"]
    assert claims[0]["detail"].startswith(AIR_FORCE + ".")
    assert "it is in no total" in claims[0]["detail"]
    assert (claims[0]["date"], claims[0]["when_utc"], claims[0]["precision"],
            claims[0]["sources"], claims[0]["event"]) == \
        ("2026-02-03", None, "day", ["Air Force of Ukraine"], None)
    assert claims[1]["place"] == "<script>alert(1)</script> *Kyiv*"  # JSON holds it as typed
    # The figure as numbers, with who gives it, for data tools.
    assert [entry["claim"] for entry in claims] == [
        {"measure": "drones intercepted", "low": 40, "best": None, "high": 48,
         "claimant": "Air Force of Ukraine", "claimant_kind": "party",
         "status": "corroborated", "source": "Air Force of Ukraine", "note": ""},
        {"measure": "drones launched", "low": None, "best": 62, "high": None,
         "claimant": FORMULA, "claimant_kind": "other", "status": "disputed", "source": "",
         "note": ""}]
    assert {entry["claim"] for entry in document["entries"]
            if entry["kind"] != "claim"} == {None}
    jsonschema.validate(document, json.loads(
        resources.read_text("schemas/chronology.schema.json")))


def test_markdown_lines_under_their_day_escaped(claimed: Database) -> None:
    text = _written(claimed, ExportFormat.MD)
    day = text[text.index("## 3 February 2026"):text.index("## 4 February 2026")]
    lines = [line for line in day.splitlines() if line.startswith("- ")]
    assert lines[0].startswith("- **claim**, 3 Feb 2026: Air Force of Ukraine: drones "
                               "intercepted, 40–48. " + AIR_FORCE + ".")
    place, _, note = lines[0].rpartition("[^")
    assert place.endswith("*Kyiv region*")
    assert f"[^{note.removesuffix(']')}]: Air Force of Ukraine" in day
    assert lines[1].startswith("- **claim**")
    assert "<script>" not in text and "&lt;script>" in lines[1]
    assert r"\*Kyiv\*" in lines[1]
    assert lines[2].startswith("- **event**")


def test_timeline_slides_at_their_day_escaped(claimed: Database) -> None:
    with claimed.reading() as session:
        export = build_timeline(session, TimelineRequest(events=EventScope.ALL, **SPAN))
    slides = [slide for slide in export.data["events"]
              if slide["unique_id"].startswith("claim-")]
    assert len(slides) == 2 and export.claims == 2
    assert "2 claims on a day and a place" in export.summary()
    air_force, launched = slides
    assert air_force["start_date"] == {"year": 2026, "month": 2, "day": 3}
    assert "end_date" not in air_force
    assert air_force["group"] == "Claims: drones intercepted"
    assert air_force["text"]["headline"] == "Air Force of Ukraine: drones intercepted, 40–48"
    assert AIR_FORCE.replace("&", "&amp;") in air_force["text"]["text"]
    assert "<li>Air Force of Ukraine</li>" in air_force["text"]["text"]
    assert launched["text"]["headline"].startswith(
        "=HYPERLINK(&quot;http://evil.example&quot;")
    assert "<script>" not in launched["text"]["text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in launched["text"]["text"]


def test_as_of_and_range_apply_in_exports(claimed: Database) -> None:
    before = json.loads(_written(claimed, ExportFormat.JSON, as_of=AsOf(date(2026, 2, 2))))
    assert "claim" not in {entry["kind"] for entry in before["entries"]}
    later = json.loads(_written(claimed, ExportFormat.JSON, date_from=date(2026, 2, 4)))
    assert "claim" not in {entry["kind"] for entry in later["entries"]}
    with claimed.reading() as session:
        export = build_timeline(session, TimelineRequest(
            events=EventScope.ALL, as_of=AsOf(date(2026, 2, 2))))
    assert export.claims == 0


def test_the_report_lists_them_once_in_their_section(claimed: Database) -> None:
    html = _written(claimed, ExportFormat.HTML)
    assert html.count("Air Force of Ukraine: drones intercepted") == 0  # no entry line
    assert html.count(AIR_FORCE) == 1  # its row in the section
