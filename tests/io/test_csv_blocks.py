"""A CSV file read a block of lines at a time (io.csv_records.CsvFile._read_block) gives
exactly the records, line numbers, texts and broken records that reading it line by line
gives, whatever mix of one-line records, records spanning lines, stray quotes, blank
lines and line ends it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.io import csv_records
from tracker.io.csv_records import BrokenRecord, CsvFile, Record
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import scan_text_file

# Cells as they come: plain, quoted with commas, doubled quotes and line breaks, a stray
# quote mid-cell, empty.
_CELL = st.one_of(
    st.text(alphabet="abc xyz,", max_size=6).map(lambda text: text.replace(",", "")),
    st.text(alphabet='ab, "\n\r', max_size=6).map(
        lambda text: '"' + text.replace('"', '""') + '"'),
    st.sampled_from(['a"b', '"open', 'x"', '""', '"a"b', "", "\u2028", "é"]),
)
_LINE_END = st.sampled_from(["\n", "\r\n", "\r"])
_LINE = st.one_of(
    st.tuples(st.lists(_CELL, min_size=1, max_size=4), _LINE_END).map(
        lambda parts: ",".join(parts[0]) + parts[1]),
    _LINE_END,  # a blank line
)


def _read(path: Path, *, blocks: bool, monkeypatch: pytest.MonkeyPatch
          ) -> tuple[list[Record | BrokenRecord], int, list[str] | None]:
    with monkeypatch.context() as patched:
        if not blocks:
            patched.setattr(CsvFile, "_read_block", lambda _self: False)
        with CsvFile(path, scan_text_file(path)) as source:
            try:
                header: list[str] | None = source.header()
            except InputFileError:  # an empty file, or a broken first record: alike
                header = None
            read = list(source.records())
            return read, source.lines_read, header


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_LINE, max_size=40), last_end=st.booleans(),
       block=st.sampled_from([1, 2, 3, 256]))
def test_blocks_read_what_lines_one_by_one_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines: list[str],
        last_end: bool, block: int) -> None:
    text = "id,a,b\n" + "".join(lines)
    if not last_end:
        text = text.rstrip("\r\n")
    path = tmp_path / "file.csv"
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(csv_records, "_BLOCK_LINES", block)
    assert _read(path, blocks=True, monkeypatch=monkeypatch) == \
        _read(path, blocks=False, monkeypatch=monkeypatch)


def test_a_block_stops_before_a_record_spanning_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "file.csv"
    path.write_text('id,note\n1,one\n2,"two\nlines"\n3,three\n4,"a ""quoted"" word"\n',
                    encoding="utf-8", newline="")
    blocks: list[bool] = []
    read_block = CsvFile._read_block

    def counted(self: CsvFile) -> bool:
        blocks.append(read_block(self))
        return blocks[-1]

    monkeypatch.setattr(CsvFile, "_read_block", counted)
    with CsvFile(path, scan_text_file(path)) as source:
        assert source.header() == ["id", "note"]
        assert list(source.records()) == [
            (2, ["1", "one"], "1,one"), (3, ["2", "two\nlines"], '2,"two\nlines"'),
            (5, ["3", "three"], "3,three"), (6, ["4", 'a "quoted" word'],
                                             '4,"a ""quoted"" word"')]
        assert source.lines_read == 6
    # The first block held every line and one record spanned two: read line by line;
    # after it, the rest as a block.
    assert blocks[:4] == [True, False, True, False]
