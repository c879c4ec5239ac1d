"""`tracker claim`: add, list, status, remove and the figure rule; and an event with
conflicting claims from two sources told with attribution in every chronology export."""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tracker.cli import main
from tracker.domain.events import BattlefieldEvent
from tracker.domain.sources import Source
from tracker.storage.database import open_database

MINISTRY = "killed: 12, by Ministry of Health (ministry), claimed; source: Ministry of Health"
REUTERS = "killed: 3–5, by Reuters (journalist), disputed; source: Reuters"


@pytest.fixture
def talks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int, int, int]:
    """The sample, its Kyiv strike's id and two sources' ids."""
    path = tmp_path / "talks.db"
    assert main(["sample", "--db", str(path)]) == 0
    db = open_database(path)
    try:
        with db.transaction() as session:
            kyiv = session.scalar(select(BattlefieldEvent.id).where(
                BattlefieldEvent.external_id == "SAMPLE-003"))
            ministry, reuters = Source(outlet="Ministry of Health"), Source(outlet="Reuters")
            session.add_all([ministry, reuters])
            session.flush()
            assert kyiv is not None
            found = (path, kyiv, ministry.id, reuters.id)
    finally:
        db.close()
    capsys.readouterr()
    return found


def _claims(talks: tuple[Path, int, int, int], capsys: pytest.CaptureFixture[str]) -> None:
    path, kyiv, ministry, reuters = talks
    assert main(["claim", "add", str(kyiv), "--db", str(path), "--measure", "killed",
                 "--claimant", "Ministry of Health", "--kind", "ministry", "--value", "12",
                 "--source", str(ministry)]) == 0
    assert main(["claim", "add", str(kyiv), "--db", str(path), "--measure", "killed",
                 "--claimant", "Reuters", "--kind", "journalist", "--low", "3", "--high",
                 "5", "--source", str(reuters), "--status", "disputed"]) == 0
    # Claim 1 is the sample's own (the seed's maternity-ward figure).
    assert capsys.readouterr().out.splitlines() == [f"claim 2: {MINISTRY}",
                                                    f"claim 3: {REUTERS}"]


def test_add_list_status_remove(talks: tuple[Path, int, int, int],
                                capsys: pytest.CaptureFixture[str]) -> None:
    path, kyiv, _ministry, _reuters = talks
    _claims(talks, capsys)
    assert main(["claim", "status", "2", "corroborated", "--db", str(path)]) == 0
    assert main(["claim", "remove", "3", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["claim", "list", str(kyiv), "--db", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "claim 2: " + MINISTRY.replace("claimed", "corroborated")]


def test_a_claim_without_a_figure_is_refused(talks: tuple[Path, int, int, int],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, kyiv, _ministry, _reuters = talks
    assert main(["claim", "add", str(kyiv), "--db", str(path), "--measure", "killed",
                 "--claimant", "Someone"]) == 2
    assert "Give the figure" in capsys.readouterr().err


def test_the_figure_rule_is_shown_and_chosen(talks: tuple[Path, int, int, int],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = talks[0]
    assert main(["claim", "rule", "--db", str(path)]) == 0
    assert capsys.readouterr().out.startswith("dataset figure: ")
    assert main(["claim", "rule", "highest claim", "--db", str(path)]) == 0
    assert main(["claim", "rule", "--db", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("highest claim: ")


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "html"])
def test_conflicting_claims_are_in_every_export_with_attribution(
        qapp: QApplication, talks: tuple[Path, int, int, int],
        capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    """(qapp first: the report draws with Qt, and a QGuiApplication made by the command
    would leave later widget tests without a QApplication.)"""
    path = talks[0]
    _claims(talks, capsys)
    out = tmp_path / f"chronology.{fmt}"
    assert main(["export", "--db", str(path), "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        with out.open(encoding="utf-8-sig", newline="") as stream:
            assert {row["counted_by"] for row in csv.DictReader(stream)} == {"dataset figure"}
    if fmt == "json":
        text = " ".join(entry["detail"] for entry in json.loads(text)["entries"])
    elif fmt == "md":
        text = text.replace("\\", "")  # Markdown escapes some punctuation
        assert "Killed and injured are each event's dataset figure." in text
    for attribution in (MINISTRY, REUTERS):
        assert attribution in text, attribution


@pytest.mark.parametrize(("rule", "killed"), [("dataset figure", 0), ("highest claim", 12),
                                              ("lowest corroborated", 0)])
def test_the_report_counts_and_states_the_figure_rule(
        qapp: QApplication, talks: tuple[Path, int, int, int],
        capsys: pytest.CaptureFixture[str], tmp_path: Path, rule: str, killed: int) -> None:
    path = talks[0]
    _claims(talks, capsys)  # the sample gives no deaths; 12 and a disputed 3–5 claimed
    assert main(["claim", "rule", rule, "--db", str(path)]) == 0
    sentence = capsys.readouterr().out.split(": ", 1)[1].strip()
    report, chronology = tmp_path / "report.html", tmp_path / "chronology.json"
    assert main(["export", "--db", str(path), "--format", "html", "-o", str(report)]) == 0
    assert main(["export", "--db", str(path), "--format", "json", "-o", str(chronology)]) == 0
    page = report.read_text(encoding="utf-8")
    assert f'Fatalities (events)</td><td class="n">{killed:,}' in page
    assert html.escape(sentence) in page
    assert json.loads(chronology.read_text(encoding="utf-8"))["figure_rule"] == sentence


def test_a_claim_on_a_day_and_place_is_added_and_listed(
        talks: tuple[Path, int, int, int], capsys: pytest.CaptureFixture[str]) -> None:
    path, _kyiv, _ministry, _reuters = talks
    assert main(["claim", "add", "--db", str(path), "--day", "2026-02-03", "--place",
                 "Kyiv region", "--measure", "drones intercepted", "--claimant",
                 "Air Force of Ukraine", "--kind", "party", "--value", "40"]) == 0
    told = "drones intercepted: 40, by Air Force of Ukraine (party), claimed"
    assert capsys.readouterr().out == f"claim 2: {told}\n"
    assert main(["claim", "days", "--db", str(path), "--from", "2026-02-01"]) == 0
    assert capsys.readouterr().out == f"claim 2: 2026-02-03 at Kyiv region: {told}\n"
    assert main(["claim", "days", "--db", str(path), "--to", "2026-02-02"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["claim", "add", "--db", str(path), "--measure", "killed", "--claimant",
                 "Someone", "--value", "1"]) != 0  # neither an event nor a day
    assert "a day and a place" in capsys.readouterr().err
    assert main(["claim", "add", "--db", str(path), "--day", "3 Feb", "--measure",
                 "killed", "--claimant", "Someone", "--value", "1"]) != 0
    assert "YYYY-MM-DD" in capsys.readouterr().err
