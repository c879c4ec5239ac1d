"""ACLED exports: the export tool's 31 (or 35) columns and the API's 33, by header name.

Dates come as ``2020-08-14``, ``14 August 2020`` or, from the API pull described in
SOURCES.md, ``14/08/2020 00:00:00``; slashed ACLED dates are day-first (checked against
the "On 14 August 2020, ..." of the notes). ``interaction`` (or ``inter1``/``inter2``) is
a numeric code in older files and a text label since 2024; both become the text label.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tracker.domain.whole_numbers import is_whole_number
from tracker.io.country_codes import iso_code
from tracker.io.event_fields import DateReader, choice, coordinate, count, whole
from tracker.io.event_layouts import (
    ACLED_PRECISION,
    Columns,
    EventTuple,
    EventValues,
    Layout,
    event_values,
)
from tracker.io.input_errors import FieldError, InputFileError

DATASET = "ACLED"
REQUIRED = ("event_id_cnty", "event_date", "event_type")
# ACLED's numeric actor-type codes and the text labels its default export uses for them.
INTER_LABELS = {
    "1": "State forces", "2": "Rebel group", "3": "Political militia",
    "4": "Identity militia", "5": "Rioters", "6": "Protesters", "7": "Civilians",
    "8": "External/Other forces",
}
# Interaction codes whose text is not "lower label-higher label" (ACLED's codebook).
_IRREGULAR_INTERACTIONS = {"78": "External/Other forces-Civilians"}


@lru_cache(maxsize=4096)  # a few dozen distinct values per file, a million calls
def interaction(code_or_text: str, inter1: str, inter2: str) -> str:
    """ACLED's interaction as its text export writes it ("State forces-Civilians").

    Text files carry the label itself; numeric ones a two-digit code, lower actor type
    first ("18"), with 0 for a one-sided event ("60" is "Protesters only"). Without the
    column, the code is made from inter1 and inter2 the same way.
    """
    given = code_or_text.strip()
    if given and not is_whole_number(given):
        return given
    if not given:
        first, second = inter1.strip(), inter2.strip()
        if not (is_whole_number(first) and (is_whole_number(second) or not second)):
            # Text labels without an interaction column: ACLED orders them by code,
            # which text does not give, so they are kept in the row's order.
            return "-".join(part for part in (first, second) if part)
        codes = sorted(int(part) for part in (first, second or "0") if part)
        given = f"{codes[-1]}0" if codes[0] == 0 else f"{codes[0]}{codes[1]}"
    if given in _IRREGULAR_INTERACTIONS:
        return _IRREGULAR_INTERACTIONS[given]
    if len(given) != 2 or given[0] not in INTER_LABELS:
        raise FieldError("interaction", f"{given!r} is not an ACLED interaction code")
    if given[1] == "0":
        return f"{INTER_LABELS[given[0]]} only"
    if given[1] not in INTER_LABELS:
        raise FieldError("interaction", f"{given!r} is not an ACLED interaction code")
    return f"{INTER_LABELS[given[0]]}-{INTER_LABELS[given[1]]}"


def acled_layout(path: Path, header: list[str]) -> Layout:
    columns = Columns(path, header, "an ACLED export")
    if columns.has("deleted_timestamp") and not columns.has("event_date"):
        # ACLED publishes deletions as a list of ids; applying one would also drop the
        # links and notes analysts made to those events, so it is never done silently.
        raise InputFileError(
            path, 1, "deleted_timestamp",
            "is ACLED's list of deleted events, not events; it was not applied "
            "(the events it names stay in the database)",
        )
    i_id, i_date, i_type = columns.required(*REQUIRED)
    (i_year, i_precision, i_sub, i_actor1, i_actor2, i_inter1, i_inter2, i_interaction,
     i_admin1, i_admin2, i_location, i_lat, i_lon, i_fatalities, i_notes, i_source,
     i_timestamp, i_country, i_iso, i_assoc1, i_assoc2) = columns.optional(
        "year", "time_precision", "sub_event_type", "actor1", "actor2", "inter1", "inter2",
        "interaction", "admin1", "admin2", "location", "latitude", "longitude", "fatalities",
        "notes", "source", "timestamp", "country", "iso", "assoc_actor_1", "assoc_actor_2",
    )
    dates = DateReader(dayfirst=True)

    def convert(row: list[str], text: str) -> EventValues:
        external_id = row[i_id].strip()
        if not external_id:
            raise FieldError("event_id_cnty", "is empty; every event needs one")
        day = dates.iso("event_date", row[i_date])
        year = row[i_year].strip()
        if year and year != day[:4]:
            raise FieldError("event_date", f"the date {day} is not in the row's year {year}")
        event_type = row[i_type].strip()
        if not event_type:
            raise FieldError("event_type", "is empty; every event needs one")
        values: EventTuple = (
            external_id, day, None,
            choice("time_precision", row[i_precision], ACLED_PRECISION),
            event_type, row[i_sub].strip(),
            interaction(row[i_interaction], row[i_inter1], row[i_inter2]),
            row[i_actor1].strip(), row[i_actor2].strip(), row[i_admin1].strip(),
            row[i_admin2].strip(), row[i_location].strip(),
            coordinate("latitude", row[i_lat], 90), coordinate("longitude", row[i_lon], 180),
            count("fatalities", row[i_fatalities]), None, None, row[i_notes].strip(),
            row[i_source].strip(), whole("timestamp", row[i_timestamp]),
            row[i_country].strip(), iso_code(row[i_country], numeric=row[i_iso]),
            row[i_assoc1].strip(), row[i_assoc2].strip(), text,
        )
        return event_values(values)

    api = columns.has("id") and columns.has("actor_dyad")
    return Layout(
        description="ACLED API export" if api else "ACLED export",
        dataset=DATASET, names=header, convert=convert,
        id_column="event_id_cnty",
    )
