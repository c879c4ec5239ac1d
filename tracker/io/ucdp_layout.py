"""UCDP GED: the API/CSV edition, HDX's re-publication (an extra ``iso3`` column and an
HXL tag row) and the headerless candidate releases, read by header name.

``date_start``/``date_end`` are month-first when slashed (file 1 of shared/data/real mixes
``1/22/2014 12:00:00 AM`` and ``05/02/2014 00:00``; a day-first read gives wrong dates
that look right), ISO otherwise. ``best`` is the death toll shown, ``low``/``high`` kept.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tracker.domain.whole_numbers import is_whole_number
from tracker.io.country_codes import iso_code
from tracker.io.event_fields import DateReader, choice, coordinate, count
from tracker.io.event_layouts import (
    UCDP_PRECISION,
    Columns,
    EventTuple,
    EventValues,
    Layout,
    event_values,
)
from tracker.io.input_errors import FieldError

DATASET = "UCDP GED"
# The 49 columns of GED 22.1/23.1, in order: candidate releases come without this header.
STANDARD_HEADER = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
]
REQUIRED = ("id", "date_start", "type_of_violence")
VIOLENCE_TYPES = {"1": "State-based conflict", "2": "Non-state conflict",
                  "3": "One-sided violence"}


def _listed(text: str) -> str:
    """UCDP's ``;``-joined lists (one headline per source) made readable: "; " between."""
    return "; ".join(part.strip() for part in text.split(";") if part.strip())


@lru_cache(maxsize=4096)  # offices repeat across thousands of events; headlines do not
def _offices(text: str) -> str:
    """"AFP;AFP;BBC News" -> "AFP; BBC News": each office once, in order."""
    return "; ".join(dict.fromkeys(part.strip() for part in text.split(";") if part.strip()))


def is_headerless(header: list[str]) -> bool:
    """A candidate release's first data row where the header should be."""
    return len(header) == len(STANDARD_HEADER) and is_whole_number(header[0].strip())


def ucdp_layout(path: Path, header: list[str]) -> Layout:
    headerless = is_headerless(header)
    names = list(STANDARD_HEADER) if headerless else header
    columns = Columns(path, names, "a UCDP GED export")
    i_id, i_start, i_violence = columns.required(*REQUIRED)
    (i_year, i_end, i_precision, i_conflict, i_side_a, i_side_b, i_adm1, i_adm2, i_place,
     i_lat, i_lon, i_best, i_low, i_high, i_headline, i_office,
     i_country, i_iso3) = columns.optional(
        "year", "date_end", "date_prec", "conflict_name", "side_a", "side_b", "adm_1",
        "adm_2", "where_coordinates", "latitude", "longitude", "best", "low", "high",
        "source_headline", "source_office", "country", "iso3",
    )
    dates = DateReader(dayfirst=False)

    def convert(row: list[str], text: str) -> EventValues:
        external_id = row[i_id].strip()
        if not external_id:
            raise FieldError("id", "is empty; every event needs one")
        start = dates.iso("date_start", row[i_start])
        year = row[i_year].strip()
        if year and year != start[:4]:
            raise FieldError("date_start",
                             f"the date {start} is not in the row's year {year}")
        end = dates.iso("date_end", row[i_end]) if row[i_end].strip() else None
        if end is not None and end < start:
            raise FieldError("date_end", f"{end} is before date_start {start}")
        violence = row[i_violence].strip()
        event_type = VIOLENCE_TYPES.get(violence)
        if event_type is None:
            raise FieldError("type_of_violence", f"{violence!r} is not 1, 2 or 3")
        precision = (choice("date_prec", row[i_precision], UCDP_PRECISION)
                     if row[i_precision].strip() else UCDP_PRECISION["1"])
        values: EventTuple = (
            external_id, start, end, precision, event_type, row[i_conflict].strip(), "",
            row[i_side_a].strip(), row[i_side_b].strip(), row[i_adm1].strip(),
            row[i_adm2].strip(), row[i_place].strip(),
            coordinate("latitude", row[i_lat], 90), coordinate("longitude", row[i_lon], 180),
            count("best", row[i_best]), count("low", row[i_low]), count("high", row[i_high]),
            _listed(row[i_headline]), _offices(row[i_office]), None,
            row[i_country].strip(), iso_code(row[i_country], alpha3=row[i_iso3]), "", "",
            text,
        )
        return event_values(values)

    hdx = columns.has("iso3")
    description = ("UCDP GED candidate release (no header)" if headerless
                   else "UCDP GED (HDX edition)" if hdx else "UCDP GED")
    return Layout(description=description, dataset=DATASET, names=names,
                  convert=convert, id_column="id", first_record_is_data=headerless)
