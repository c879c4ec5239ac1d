"""What a file that is not text looks like, from its first bytes, to say so plainly.

A workbook, an image or a zipped release picked by mistake used to be refused as text in
"mixed encodings" or "UTF-16" (issue 14): true of its bytes, no help to the person. The
magic numbers below are the formats' own (each format's specification); a ZIP is looked
into to tell a workbook or a zipped CSV release from any other archive.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tracker.io.input_errors import InputFileError

# (leading bytes, what the file is, what to do), first match wins.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "choose the data file itself"),
    (b"\xff\xd8\xff", "a JPEG image", "choose the data file itself"),
    (b"GIF87a", "a GIF image", "choose the data file itself"),
    (b"GIF89a", "a GIF image", "choose the data file itself"),
    (b"%PDF-", "a PDF document", "choose the data file itself"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it and import the file inside"),
    *((b"BZh" + bytes([level]), "a bzip2-compressed file",
       "decompress it and import the file inside") for level in b"123456789"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it and import the file inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it and import the file inside"),
    (b"\x7fELF", "an ELF program", "choose the data file itself"),
    (b"SQLite format 3\x00", "an SQLite database",
     "open it with File › Open Database… or --db, if it is a tracker database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97-2003 workbook (or another Office file)",
     "save it as CSV (File › Save As › CSV UTF-8) and import that"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def refuse_binary(path: Path, head: bytes) -> None:
    """InputFileError saying what *path* is when its first bytes, *head*, are a known
    binary format's; nothing when they are not."""
    if head.startswith(_ZIP_MAGIC):
        raise InputFileError(path, None, None, _zip_reason(path))
    for magic, kind, advice in _MAGIC:
        if head.startswith(magic):
            raise InputFileError(path, None, None, f"is {kind}, not a text file: {advice}")


def _zip_reason(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
    except (OSError, zipfile.BadZipFile):
        return "is a ZIP archive (or a damaged one), not a text file: extract it first"
    if "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names):
        return ("is an Excel workbook (.xlsx, a ZIP file), not CSV: save it as CSV "
                "(File › Save As › CSV UTF-8) and import that")
    if any(name.startswith(("word/", "ppt/")) for name in names) or "content.xml" in names:
        return "is an office document (a ZIP file), not CSV: save it as CSV first"
    data = [name for name in names if name.lower().endswith((".csv", ".ics", ".json"))]
    if len(data) == 1:
        return (f"is a ZIP archive holding {data[0]!r} (a release as distributed): "
                "extract that file and import it")
    shown = ", ".join(repr(name) for name in names[:5])
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return f"is a ZIP archive holding {shown}{more}: extract the data file and import it"
