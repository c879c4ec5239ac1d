"""Ctrl+C in a command that does not turn it into its own message, or while a command
still starts (its modules load, its database opens): one line and the shells' 130, never
a traceback."""

from __future__ import annotations

from typing import NoReturn

import pytest

import tracker.cli as cli


def test_an_interrupt_while_starting_is_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(_command: str | None = None) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted)
    assert cli.main(["log", "--db", "talks.db"]) == cli.EXIT_INTERRUPTED == 130
    assert capsys.readouterr().err == "tracker: interrupted\n"
