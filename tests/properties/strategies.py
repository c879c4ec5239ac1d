"""Hypothesis strategies for hostile input: dates, CSV cells, calendar and archive text.

Structured first (a valid shape with one part mutated finds more than noise does), with
plain random text and bytes mixed in.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import strategies as st

from tracker.services.exports.archive import FORMAT_NAME

ZONES = ("Europe/Kyiv", "UTC", "America/New_York", "Pacific/Apia", "Asia/Tehran",
         "Australia/Lord_Howe", "Nowhere/Zone", "", " UTC", "America", "../etc/passwd")
_MONTHS = ("Jan", "February", "Mar", "sept", "Dec", "Febr", "13")
_TRAILERS = ("", " 03:30", " 03:30 Europe/Kyiv", " 10:00 EEST", " 25:61", " 00:00:00",
             "T12:00:00Z", " +05:00", " -29", " 12:00 AM", " noon", ".000")
_NUMBERS = st.one_of(st.integers(-5, 40), st.integers(0, 10_000),
                     st.integers(-10**20, 10**20), st.sampled_from((0, 29, 31, 9999, 10000)))


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """Dates as people and datasets type them, impossible ones included (31/02, 0000-00-00)."""
    year, month, day = draw(_NUMBERS), draw(_NUMBERS), draw(_NUMBERS)
    shape = draw(st.sampled_from((
        "{y:04d}-{m:02d}-{d:02d}", "{d}/{m}/{y}", "{m}/{d}/{y}", "{d}.{m}.{y}",
        "{d} {mon} {y}", "{mon} {y}", "week of {d} {mon} {y}", "{y}", "{d}/{m}",
    )))
    try:
        text = shape.format(y=year, m=month, d=day, mon=draw(st.sampled_from(_MONTHS)))
    except ValueError:  # a negative number under {:04d} is still a fine string
        text = f"{year}-{month}-{day}"
    return text + draw(st.sampled_from(_TRAILERS))


def any_date_text() -> st.SearchStrategy[str]:
    fixed = st.sampled_from((
        "0000-00-00", "31/02/2026", "2026-03-29 03:30", "2026-10-25 03:30", "the coming week",
        "unknown", "", " ", "9999-12-31", "0001-01-01", "31 Dec 9999 23:59", "1 Jan 1 00:00",
        "2026-02-05 10:00 +25:00", "\x00", "٢٠٢٦-٠٢-٠٥", "2026-02-05\n10:00"))
    return st.one_of(fixed, date_texts(), st.text(max_size=30))


def number_texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(("", " ", "-1", "3.0", "3.5", "1e400", "-0", "nan", "inf", "-inf",
                         "1_000", "٣", "0x10", "999999999999999999999999999", "１２")),
        st.integers(-10**30, 10**30).map(str), st.floats().map(repr), st.text(max_size=8))


def cells() -> st.SearchStrategy[str]:
    """One CSV cell: dates, numbers, quotes, separators, newlines, formulas, noise."""
    return st.one_of(any_date_text(), number_texts(),
                     st.sampled_from(('"', '""', ",", "\n", "\r\n", "=1+1", "\ufeff", "\x00",
                                      "1", "2", "3", "Battles", "Protesters")),
                     st.text(max_size=20))


@st.composite
def csv_files(draw: st.DrawFn, header: list[str]) -> bytes:
    """A CSV file under *header* (sometimes mangled), in one of several encodings."""
    rows = draw(st.lists(st.lists(cells(), min_size=len(header) - 2,
                                  max_size=len(header) + 1), max_size=6))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(("\n", "\r\n"))))
    writer.writerow(draw(st.sampled_from((header, header[:-1], [*header, header[0]]))))
    writer.writerows(rows)
    text = buffer.getvalue()
    if draw(st.booleans()):
        text = text.rstrip("\r\n")  # no final newline
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1")))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 9)) == 0:
        data += draw(st.binary(max_size=40))
    return data


_ICS_PROPERTIES = st.sampled_from((
    "UID:{v}", "SUMMARY:{v}", "DTSTART:{v}", "DTSTART;TZID=Europe/Kyiv:{v}",
    "DTSTART;TZID={v}:20260329T033000", "DTSTART;VALUE=DATE:{v}", "DTEND:{v}",
    "DTEND;VALUE=DATE:{v}", "LOCATION:{v}", "GEO:{v}", "STATUS:{v}", "SEQUENCE:{v}",
    "RRULE:{v}", "DESCRIPTION:{v}", "X-WR-TIMEZONE:{v}",
))
_ICS_VALUES = st.one_of(
    st.sampled_from(("20260210T110000", "20260210T110000Z", "20260329T033000", "20260231",
                     "00000000", "20260210", "99991231T235959Z", "CONFIRMED", "CANCELLED",
                     "TENTATIVE", "50.45;30.52", "91;181", "-1", "99999999999999999999",
                     "FREQ=WEEKLY", "round-1@negotiation-tracker", "a", "")),
    number_texts(), st.text(max_size=15))


@st.composite
def calendar_texts(draw: st.DrawFn) -> str:
    events = []
    for _ in range(draw(st.integers(0, 3))):
        lines = [prop.format(v=value.replace("\r", "").replace("\n", ""))
                 for prop, value in draw(st.lists(st.tuples(_ICS_PROPERTIES, _ICS_VALUES),
                                                  max_size=8))]
        events.append("BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines)
                      + "END:VEVENT\r\n")
    body = "".join(events)
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return draw(st.text(max_size=60))
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    tail = "" if shape == 1 else "END:VCALENDAR\r\n"
    return head + body + tail


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8)


@st.composite
def archive_documents(draw: st.DrawFn, table_names: list[str], revision: str) -> object:
    """An archive's envelope with mutated header values and tables of odd rows."""
    header = {"format": draw(st.sampled_from((FORMAT_NAME, "other", 1))),
              "format_version": draw(st.sampled_from((1, 0, -1, 2, 10**30, "1", 1.5, None))),
              "schema_revision": draw(st.one_of(st.sampled_from((revision, "0001")),
                                                st.text(max_size=6)))}
    tables = [{"name": draw(st.sampled_from(table_names)),
               "rows": draw(st.lists(st.dictionaries(st.sampled_from(
                   ("id", "name", "title", "start", "latitude", "event_date", "x")),
                   _JSON_VALUES, max_size=4), max_size=3))}
              for _ in range(draw(st.integers(0, 3)))]
    document: dict[str, object] = {**header, "tables": tables}
    if draw(st.booleans()):
        document.pop(draw(st.sampled_from(sorted(document))))
    return document


def read_rows(path: Path, limit: int, encoding: str = "utf-8") -> tuple[list[str], list[list[str]]]:
    """The header and first *limit* rows of a real file, to mutate one cell at a time."""
    with path.open(newline="", encoding=encoding) as file:
        reader = csv.reader(file)
        header = next(reader)
        return header, [row for _, row in zip(range(limit), reader, strict=False)]


@st.composite
def mutated_csv_files(draw: st.DrawFn, header: list[str], rows: list[list[str]]) -> bytes:
    """Real rows with a few cells replaced by hostile ones: a valid shape gets the parser
    past the header and into every field, where pure noise is refused at the first."""
    chosen = draw(st.lists(st.sampled_from(rows), min_size=1, max_size=4))
    mutated = []
    for row in chosen:
        row = list(row)
        for column in draw(st.lists(st.integers(0, len(header) - 1), min_size=1, max_size=3)):
            row[column] = draw(cells())
        mutated.append(row)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *mutated])
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "cp1252")))
    return buffer.getvalue().encode(encoding, errors="replace")
