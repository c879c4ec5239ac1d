"""Text on its way to a terminal, with the control characters a terminal obeys replaced.

A title, a note or a file name can hold ESC, OSC or BEL (a dataset's text is anyone's):
printed raw, they set the window's title, rewrite the screen or hide what came before
(issue 14, F17). ``run_command`` writes every command's output through this, so no
command has to remember: messages on standard error always, standard output when it is a
terminal. Output piped or redirected is data (an export, an archive that must read back
the same) and is written exactly; a file written with -o is never touched.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
# C0 controls but tab and line ends, DEL, and the C1 controls (U+009B is a one-character
# CSI to many terminals).
_CONTROLS = {code: REPLACEMENT for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))
             if chr(code) not in "\t\n\r"}


def terminal_safe(text: str) -> str:
    return text.translate(_CONTROLS)


class TerminalText(io.TextIOBase):
    """A text stream that writes to *stream* with control characters replaced."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase's is a plain attribute
        return self._stream.encoding


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """Standard error, and standard output when it is a terminal, made safe while the
    block runs."""
    stdout, stderr = sys.stdout, sys.stderr
    if _is_terminal(stdout):
        sys.stdout = TerminalText(stdout)
    sys.stderr = TerminalText(stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False
