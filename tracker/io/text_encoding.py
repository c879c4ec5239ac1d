"""Which text encoding a data file is in, found by reading its bytes once.

Analysts' files come as UTF-8 (with or without the BOM Excel writes) or as Windows-1252
from a spreadsheet re-save (see UCDP file 1 in shared/data/real). Guessing per line would
let a file decode half one way and half the other, so the whole file is scanned first, in
chunks, and one encoding is chosen for all of it; a file that fits neither, or mixes the
two, is refused with the line that shows why.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tracker.io.file_kinds import refuse_binary
from tracker.io.input_errors import InputFileError

_CHUNK = 8 * 1024 * 1024
# A valid multi-byte UTF-8 sequence: in a file that is otherwise Windows-1252 it means two
# encodings were pasted together (Windows-1252 text almost never holds such byte pairs).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
# Bytes Windows-1252 leaves undefined: a file holding one is in neither encoding.
_UNDEFINED_IN_CP1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What the scan found: the codec to read with, how to name it, and the file's size."""

    codec: str
    label: str
    size: int
    lines: int
    has_nul: bool


def scan_text_file(path: Path) -> TextFacts:
    """Scan *path* and choose its encoding, or raise InputFileError naming the line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = lines = 0
    first_bad: int | None = None  # byte offset of the first byte that is not UTF-8
    first_utf8: int | None = None  # byte offset of the first multi-byte UTF-8 sequence
    has_nul = False
    bom = False
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputFileError(path, None, None, f"cannot be read: {exc.strerror}") from exc
    with handle:
        head = handle.read(4)
        sample = handle.read(4096)
        refuse_binary(path, head + sample)
        _refuse_utf16(path, head, sample)
        handle.seek(0)
        while chunk := handle.read(_CHUNK):
            if offset == 0 and chunk.startswith(codecs.BOM_UTF8):
                bom = True
            has_nul = has_nul or b"\x00" in chunk
            lines += chunk.count(b"\n")
            if chunk.isascii() and not decoder.getstate()[0]:
                # Most chunks of most files, and no sequence cut at the last chunk's end
                # waits for its next byte: nothing more to learn from this one.
                offset += len(chunk)
                continue
            if first_utf8 is None and (found := _UTF8_SEQUENCE.search(chunk)):
                first_utf8 = offset + found.start()
            if first_bad is None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    first_bad = offset + exc.start
            offset += len(chunk)
        if first_bad is None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                first_bad = offset - 1
        if first_bad is None:
            codec, label = ("utf-8-sig", "UTF-8 with BOM") if bom else ("utf-8", "UTF-8")
            return TextFacts(codec, label, offset, lines, has_nul)
        _check_cp1252(path, handle, first_bad, first_utf8)
    return TextFacts("cp1252", "Windows-1252", offset, lines, has_nul)


def _refuse_utf16(path: Path, head: bytes, sample: bytes) -> None:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        sample and sample.count(b"\x00") > len(sample) // 4
    ):
        raise InputFileError(
            path, 1, None,
            "is UTF-16 (or another two-byte encoding), not CSV text in UTF-8 or "
            "Windows-1252; save it again as \"CSV UTF-8\"",
        )


def _check_cp1252(path: Path, handle: BinaryIO, first_bad: int,
                  first_utf8: int | None) -> None:
    """Refuse a file that is not UTF-8 unless all of it reads as Windows-1252."""
    if first_utf8 is not None:
        raise InputFileError(
            path, _line_at(handle, first_bad), None,
            f"mixes encodings: line {_line_at(handle, first_utf8)} is UTF-8 but this line "
            f"has byte 0x{_byte_at(handle, first_bad):02x}, which UTF-8 does not allow; "
            "save the whole file in one encoding",
        )
    handle.seek(0)
    offset = 0
    while chunk := handle.read(_CHUNK):
        if found := _UNDEFINED_IN_CP1252.search(chunk):
            where = offset + found.start()
            raise InputFileError(
                path, _line_at(handle, where), None,
                f"is neither UTF-8 nor Windows-1252: byte 0x{chunk[found.start()]:02x} "
                "means nothing in either",
            )
        offset += len(chunk)


def _byte_at(handle: BinaryIO, offset: int) -> int:
    handle.seek(offset)
    return handle.read(1)[0]


def _line_at(handle: BinaryIO, offset: int) -> int:
    """1-based line number of the byte at *offset*."""
    handle.seek(0)
    line = 1
    remaining = offset
    while remaining > 0 and (chunk := handle.read(min(_CHUNK, remaining))):
        line += chunk.count(b"\n")
        remaining -= len(chunk)
    return line
