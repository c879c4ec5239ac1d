"""A place typed in the Events filter may be a country: "Ukraine", "ukraine" or "UKR".

Events know their country since migrations 0012 and 0013: the dataset's name for it and
its ISO alpha-3 code, which every import derives from what the dataset gives. When what
was typed in the place filter names a country in full (its code, ISO's names, or a
dataset's spelling: io.country_codes.exact_iso_code), that country's events match too,
by their code (issue 19); migration 0018 indexes the code, so this is one more index
range in the same statement. Typed words that name no country cost nothing: the answer
comes from ISO's tables, not the database. Whole names only: typing "u" on the way to
"Uman" must not select a whole country.
"""

from __future__ import annotations

from tracker.io.country_codes import exact_iso_code


def place_country_code(place: str) -> str:
    """The ISO alpha-3 code of the country *place* names in full, or ""."""
    typed = place.strip()
    return exact_iso_code(typed) if typed else ""
