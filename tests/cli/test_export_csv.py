"""``tracker export --format csv``: for spreadsheets unless --csv-for says data-tools, the
byte-order mark as the flavour has it unless --bom/--no-bom says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli import main
from tracker.io.chronology_csv import BYTE_ORDER_MARK

MARK = BYTE_ORDER_MARK.encode("utf-8")


@pytest.mark.parametrize(("flags", "marked"), [
    ([], True), (["--csv-for", "spreadsheets"], True), (["--csv-for", "data-tools"], False),
    (["--csv-for", "data-tools", "--bom"], True), (["--no-bom"], False),
])
def test_the_flavour_and_the_mark(sample: Path, tmp_path: Path, flags: list[str],
                                  marked: bool) -> None:
    out = tmp_path / "c.csv"
    assert main(["export", "--db", str(sample), "--format", "csv", "-o", str(out),
                 *flags]) == 0
    raw = out.read_bytes()
    assert raw.startswith(MARK) is marked
    assert raw.removeprefix(MARK).startswith(b"date,time,time_zone,utc,end_date,")


def test_standard_output_gets_the_same_text_as_a_file(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV redirected to a file is opened by a double-click as often as one written
    with -o: the same default, the same text."""
    out = tmp_path / "c.csv"
    assert main(["export", "--db", str(sample), "--format", "csv", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(sample), "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(BYTE_ORDER_MARK)
    with out.open(encoding="utf-8", newline="") as written:
        assert printed == written.read()


@pytest.mark.parametrize("flags", [["--csv-for", "data-tools"], ["--bom"], ["--no-bom"]])
def test_the_csv_options_are_refused_for_another_format(
        sample: Path, capsys: pytest.CaptureFixture[str], flags: list[str]) -> None:
    assert main(["export", "--db", str(sample), "--format", "json", *flags]) == 2
    assert "--csv-for and --bom apply to --format csv, not json" in capsys.readouterr().err
