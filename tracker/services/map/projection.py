"""Web Mercator, in map units of one degree of longitude: what the Map tab draws in.

x is the longitude itself (−180…180); y grows southwards (as on a screen) and is the
Mercator ordinate scaled to the same units, so a square cell near the equator is square
on the map and a degree of latitude near Kyiv is drawn 1.5 times a degree of longitude,
as on the web maps analysts compare with. Latitudes beyond ±MAX_LATITUDE are clamped
(the Mercator ordinate of a pole is infinite).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_LATITUDE = 85.05112878  # where Web Mercator's world is square
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Map units (x, y) of a point; y points south."""
    phi = math.radians(max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude)))
    return longitude, -math.degrees(math.log(math.tan(math.pi / 4 + phi / 2)))


def unproject(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) of map units: the inverse of ``project``."""
    latitude = math.degrees(2 * math.atan(math.exp(math.radians(-y))) - math.pi / 2)
    return x, latitude


@dataclass(frozen=True, slots=True)
class Area:
    """A longitude/latitude box, west to east and south to north, in degrees."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def of_map_rect(cls, left: float, top: float, right: float, bottom: float) -> Area:
        """The box a rectangle of map units covers (clamped to the world)."""
        west, north = unproject(max(left, -180.0), top)
        east, south = unproject(min(right, 180.0), bottom)
        return cls(west, max(south, -90.0), east, min(north, 90.0))

    def contains(self, longitude: float, latitude: float) -> bool:
        return self.west <= longitude <= self.east and self.south <= latitude <= self.north

    def covers(self, other: Area) -> bool:
        return (self.west <= other.west and other.east <= self.east
                and self.south <= other.south and other.north <= self.north)

    def grown(self, share: float) -> Area:
        """This box with *share* of its width and height added on every side."""
        dx = (self.east - self.west) * share
        dy = (self.north - self.south) * share
        return Area(max(self.west - dx, -180.0), max(self.south - dy, -90.0),
                    min(self.east + dx, 180.0), min(self.north + dy, 90.0))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) on the mean-radius sphere."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def ring_outline(latitude: float, longitude: float, radius_km: float,
                 steps: int = 96) -> list[tuple[float, float]]:
    """Points (longitude, latitude) of the circle *radius_km* around a point: drawn as a
    ring on the map, where Mercator makes it taller than wide."""
    delta = radius_km / EARTH_RADIUS_KM
    phi1, lam1 = math.radians(latitude), math.radians(longitude)
    points = []
    for step in range(steps + 1):
        bearing = 2 * math.pi * step / steps
        phi2 = math.asin(math.sin(phi1) * math.cos(delta)
                         + math.cos(phi1) * math.sin(delta) * math.cos(bearing))
        lam2 = lam1 + math.atan2(math.sin(bearing) * math.sin(delta) * math.cos(phi1),
                                 math.cos(delta) - math.sin(phi1) * math.sin(phi2))
        points.append((math.degrees(lam2), math.degrees(phi2)))
    return points
