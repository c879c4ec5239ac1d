"""Figures for docs/RELIABILITY.md: hostile inputs that once took quadratic time, and
database URLs whose secrets once leaked (issue 14, F6, F7, F15).

Found by scripts/reliability.py through tests/reliability_figures.find_provider.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tracker import cli
from tracker.io.calendar_lines import scan_layout
from tracker.io.csv_records import CsvFile
from tracker.io.text_encoding import scan_text_file
from tracker.storage.locations import describe, to_url
from tracker.storage.url_secrets import mask_secrets, without_secrets

SECRET = "s3cr3t-Pa55"
URL_FORMS = (
    f"postgresql://u@127.0.0.1:1/db?password={SECRET}",
    f"postgresql://u:{SECRET}@127.0.0.1:1/db",
    f"postgresql://u@127.0.0.1:1/db?sslpassword={SECRET}",
    f"postgresql://u@127.0.0.1:1/db?passfile=/home/u/{SECRET}",
    f"postgresql://u:{SECRET}@127.0.0.1:1/db?password={SECRET}&sslmode=require",
)


def _folded_calendar(size: int) -> Callable[[], object]:
    body = "\r\n ".join("x" * 73 for _ in range(size // 76))
    text = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240101T100000Z\r\n"
            f"DESCRIPTION:{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    return lambda: scan_layout(text, Path("folded.ics"))


def _long_message(size: int) -> Callable[[], object]:
    text = f"no mapping is remembered for its columns ('{'N' * size}')"
    return lambda: mask_secrets(text)


def _unclosed_quote(folder: Path) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        path = folder / f"quote-{size}.csv"
        rows = "".join(f"{n},x\n" for n in range(size // 8))
        path.write_text(f'a,b\n1,"opens\n{rows}', encoding="utf-8")
        facts = scan_text_file(path)

        def read() -> object:
            with CsvFile(path, facts) as source:
                source.header()
                return sum(1 for _ in source.records())
        return read
    return make


def _best(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def quadratic_inputs() -> tuple[int, int]:
    """(inputs tried, inputs whose time grew less than 8x for 4x the size): a folded
    iCalendar line, a message quoting a huge cell, a CSV quote never closed."""
    with tempfile.TemporaryDirectory() as scratch:
        makers = [_folded_calendar, _long_message, _unclosed_quote(Path(scratch))]
        linear = 0
        for make in makers:
            small, large = _best(make(1_000_000)), _best(make(4_000_000))
            linear += large / max(small, 1e-6) < 8
        return len(makers), linear


def credential_masking() -> tuple[int, int]:
    """(URL forms × places shown or kept, those free of the secret): the label and every
    message (describe), the settings (without_secrets), a command's error, any text."""
    tried = kept_secret = 0
    for typed in URL_FORMS:
        url = to_url(typed)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            cli.main(["--db", typed, "log"])
        shown = (describe(url), without_secrets(url).render_as_string(hide_password=False),
                 err.getvalue(), mask_secrets(f"Cannot open {typed}: refused"))
        tried += len(shown)
        kept_secret += sum(SECRET not in text for text in shown)
    return tried, kept_secret
