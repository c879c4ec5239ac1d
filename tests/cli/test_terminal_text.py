"""Issue 14, F17: control characters in stored text never reach a terminal raw.

The attack: a round titled with ESC sequences (an OSC that sets the terminal's title, a
CSI that clears the screen) and BEL was printed raw by ``tracker log`` and by an export to
standard output.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.cli.terminal_text import REPLACEMENT, terminal_safe
from tracker.services.records.record_edits import edit_record
from tracker.storage.database import open_database

HOSTILE = "Talks \x1b]0;pwned\x07 \x1b[2J\x1b[31mred\x9b31m end"
CONTROLS = ("\x1b", "\x07", "\x9b")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def hostile_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "talks.db"
    assert main(["sample", "--db", str(path)]) == 0
    db = open_database(path)
    try:
        with db.transaction() as session:
            edit_record(session, "round", 1, {"title": HOSTILE}, None)
    finally:
        db.close()
    capsys.readouterr()
    return path


@pytest.mark.parametrize("command", [
    ["log"], ["export", "--format", "csv"], ["export", "--format", "md"],
    ["round", "list"],
])
def test_a_terminal_gets_no_control_character(
        hostile_db: Path, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main([*command, "--db", str(hostile_db)]) == 0
    shown = terminal.getvalue()
    assert "pwned" in shown and "red" in shown  # the text is there, made harmless
    assert not any(control in shown for control in CONTROLS)
    assert REPLACEMENT in shown


def test_data_piped_to_a_file_is_written_exactly(
        hostile_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv", "--db", str(hostile_db)]) == 0
    assert HOSTILE in capsys.readouterr().out


def test_messages_on_standard_error_are_always_made_safe(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no\x1b[2Jsuch.db"
    assert main(["log", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "such.db" in err


def test_line_ends_and_tabs_are_kept() -> None:
    assert terminal_safe("a\tb\r\nc\x00d\x7f") == f"a\tb\r\nc{REPLACEMENT}d{REPLACEMENT}"
