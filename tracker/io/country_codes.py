"""Countries as ISO 3166-1 alpha-3 codes, from whatever a dataset gives (issue 17).

ACLED gives ISO's numeric code (``iso``: 804), HDX's UCDP edition the alpha-3 (``iso3``:
UKR), UCDP itself only a name in its own spelling ("Russia (Soviet Union)", with a
Gleditsch-Ward number, not ISO). Every one becomes the alpha-3 code, through pycountry's
ISO tables; a name no table knows gives "" (the country's name is kept either way).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from tracker.domain.whole_numbers import is_whole_number

# Dataset spellings ISO's names and pycountry's fuzzy search do not find.
_ALIASES = {
    "democratic republic of congo": "COD", "dr congo": "COD", "republic of congo": "COG",
    "bosnia-herzegovina": "BIH", "turkey": "TUR", "kosovo": "XKX", "ivory coast": "CIV",
    "cote d'ivoire": "CIV", "east timor": "TLS", "swaziland": "SWZ", "laos": "LAO",
    "north korea": "PRK", "south korea": "KOR", "vietnam": "VNM", "russia": "RUS",
    "iran": "IRN", "syria": "SYR", "moldova": "MDA", "tanzania": "TZA", "bolivia": "BOL",
    "venezuela": "VEN", "palestine": "PSE", "cape verde": "CPV", "czech republic": "CZE",
    "macedonia": "MKD", "united states": "USA", "united kingdom": "GBR",
}


@lru_cache(maxsize=1024)  # a few countries per file, a call per row
def iso_code(name: str, *, numeric: str = "", alpha3: str = "") -> str:
    """The alpha-3 code of a country given by *alpha3*, *numeric* code or *name*."""
    given = alpha3.strip().upper()
    if given and pycountry.countries.get(alpha_3=given) is not None:
        return given
    number = numeric.strip()
    if is_whole_number(number):
        found = pycountry.countries.get(numeric=number.zfill(3))
        if found is not None:
            return str(found.alpha_3)
    return _by_name(name.strip())


@lru_cache(maxsize=1024)
def _by_name(name: str) -> str:
    if not name:
        return ""
    # UCDP adds the older name in brackets: "Russia (Soviet Union)", "Myanmar (Burma)".
    plain = name.split(" (")[0].strip()
    alias = _ALIASES.get(plain.casefold())
    if alias is not None:
        return alias
    try:
        return str(pycountry.countries.lookup(plain).alpha_3)
    except LookupError:
        pass
    try:
        return str(pycountry.countries.search_fuzzy(plain)[0].alpha_3)
    except LookupError:
        return ""


@lru_cache(maxsize=256)
def exact_iso_code(typed: str) -> str:
    """The alpha-3 code of a country *typed* in full: an alpha-3 code, ISO's name, official
    or common name, or a dataset spelling above, in any case; "" for anything else. No
    guessing (a place filter asks this of every town typed: "Kharkiv" is no country)."""
    plain = " ".join(typed.split(" (")[0].split()).casefold()
    if len(plain) < 3:
        return ""
    alias = _ALIASES.get(plain)
    if alias is not None:
        return alias
    if len(plain) == 3 and plain.isalpha():
        found = pycountry.countries.get(alpha_3=plain.upper())
        return str(found.alpha_3) if found is not None else ""
    for country in pycountry.countries:
        names = (getattr(country, key, None) for key in ("name", "official_name",
                                                         "common_name"))
        if plain in (name.casefold() for name in names if name):
            return str(country.alpha_3)
    return ""
