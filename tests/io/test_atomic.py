"""The atomic writer: whole files only, with the permissions an ordinary open() gives."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.io.atomic import atomic_text_writer

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def umask() -> Iterator[None]:
    """Run the test under umask 022 and put the caller's back after."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640),
                                                (0o002, 0o664)])
def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path, mask: int,
                                                  expected: int) -> None:
    os.umask(mask)
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    target = tmp_path / "export.csv"
    with atomic_text_writer(target) as stream:
        stream.write("a,b\n")
    assert _mode(target) == _mode(plain) == expected


@posix_only
@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("existing", [0o600, 0o664, 0o444])
def test_replacing_keeps_the_existing_files_mode(tmp_path: Path, existing: int) -> None:
    target = tmp_path / "export.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(existing)
    with atomic_text_writer(target) as stream:
        stream.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert _mode(target) == existing


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    with atomic_text_writer(target) as stream:
        stream.write("{}")
    with pytest.raises(RuntimeError), atomic_text_writer(target) as stream:
        stream.write("half")
        raise RuntimeError("boom")
    assert [path.name for path in tmp_path.iterdir()] == ["export.json"]
    assert target.read_text(encoding="utf-8") == "{}"


def test_a_missing_folder_is_reported_against_the_destination(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "x.csv"
    with pytest.raises(FileNotFoundError) as raised, atomic_text_writer(target):
        pass
    assert raised.value.filename == str(target)
    assert ".partial" not in str(raised.value)


def test_a_folder_in_the_way_is_reported_against_the_destination(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.mkdir()
    with pytest.raises(OSError) as raised, atomic_text_writer(target) as stream:
        stream.write("a")
    assert raised.value.filename == str(target)
    assert ".partial" not in str(raised.value)
    assert [path.name for path in tmp_path.iterdir()] == ["export.csv"]
