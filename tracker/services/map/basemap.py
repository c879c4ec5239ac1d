"""The offline base map (resources/basemap/basemap.json): countries and first-level regions.

Read once per process and kept: half a megabyte of rings, the same for every database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from tracker import resources

RESOURCE = "basemap/basemap.json"

Ring = tuple[float, ...]  # lon, lat, lon, lat, …


@dataclass(frozen=True, slots=True)
class Shape:
    """A country or region: its name and its polygons (outer ring first, then holes)."""

    name: str
    country: str  # the region's country (ISO 3166-1 alpha-3), "" for a country
    polygons: tuple[tuple[Ring, ...], ...]


@dataclass(frozen=True, slots=True)
class BaseMap:
    countries: tuple[Shape, ...]
    regions: tuple[Shape, ...]
    sources: tuple[str, ...]


def _shapes(items: list[dict[str, object]], country_key: str | None) -> tuple[Shape, ...]:
    shapes = []
    for item in items:
        polygons = item["polygons"]
        assert isinstance(polygons, list)
        country = str(item[country_key]) if country_key else ""
        shapes.append(Shape(str(item["name"]), country,
                            tuple(tuple(tuple(ring) for ring in polygon)
                                  for polygon in polygons)))
    return tuple(shapes)


@cache
def base_map() -> BaseMap:
    data = json.loads(resources.read_text(RESOURCE))
    return BaseMap(_shapes(data["countries"], None), _shapes(data["regions"], "country"),
                   tuple(data["sources"].values()))
