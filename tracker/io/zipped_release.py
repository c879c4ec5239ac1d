"""A dataset release as it is distributed: a ZIP archive holding one CSV file, read as
that CSV (UCDP ships GED as ``ged231-csv.zip``; issue 14).

The member is extracted, a block at a time, into a temporary folder under its own name,
so every message names the CSV a user would see on opening the archive, and memory stays
flat whatever its size. An archive holding anything else is left as it is: the file's
scan then says what it holds (io/file_kinds.py).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from tracker.io.input_errors import InputFileError

_ZIP_MAGIC = (b"PK\x03\x04",)


def single_csv(path: Path) -> str | None:
    """The name of the one CSV member *path* holds, if it is a ZIP holding just that."""
    try:
        with path.open("rb") as handle:
            if not handle.read(4).startswith(_ZIP_MAGIC):
                return None
        with zipfile.ZipFile(path) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
    except (OSError, zipfile.BadZipFile):
        return None
    if len(members) != 1 or not members[0].filename.lower().endswith(".csv"):
        return None
    return members[0].filename


@contextmanager
def unzipped(path: Path) -> Iterator[Path]:
    """*path*, or for a ZIP holding one CSV, that CSV extracted for the block's length."""
    member = single_csv(path)
    if member is None:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="tracker-unzip-") as folder:
        # Only the member's own name: a stored path ("../x.csv") must not leave the folder.
        target = Path(folder) / (PurePosixPath(member).name or "data.csv")
        try:
            with zipfile.ZipFile(path) as archive, archive.open(member) as source, \
                    target.open("wb") as copy:
                shutil.copyfileobj(source, copy, 1024 * 1024)
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise InputFileError(path, None, None,
                                 f"is a ZIP archive whose {member!r} cannot be read: "
                                 f"{exc}") from exc
        yield target
