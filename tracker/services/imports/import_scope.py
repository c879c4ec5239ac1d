"""What an import speaks for: the countries and days a release covers (issue 17).

Events of the dataset inside the scope that the release no longer has were withdrawn by
their source. The scope is the user's (``--scope "country=Ukraine, 2014-01-01..2023-12-31"``)
or, by default, the file's own: the countries its rows name and its first and last day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from tracker.domain.errors import TrackerError
from tracker.domain.wording import say


class ScopeError(TrackerError):
    """A --scope the tracker cannot read."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Countries (None: any) and days (None: open) an import speaks for."""

    countries: frozenset[str] | None = None
    first: date | None = None
    last: date | None = None

    def covers(self, day: str, country: str) -> bool:
        """Whether an event of *day* (ISO) in *country* is inside the scope."""
        if self.countries is not None and country not in self.countries:
            return False
        if self.first is not None and day < self.first.isoformat():
            return False
        return self.last is None or day <= self.last.isoformat()

    def describe(self) -> str:
        where = ", ".join(sorted(self.countries)) if self.countries else "any country"
        first = self.first.isoformat() if self.first else "…"
        last = self.last.isoformat() if self.last else "…"
        return f"{where}, {first}..{last}"

    def to_json(self) -> str:
        return json.dumps({
            "countries": sorted(self.countries) if self.countries is not None else None,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Scope | None:
        """A stored scope; None for a run stored without one."""
        if not text:
            return None
        data = json.loads(text)
        countries = data.get("countries")
        return cls(frozenset(countries) if countries is not None else None,
                   date.fromisoformat(data["first"]) if data.get("first") else None,
                   date.fromisoformat(data["last"]) if data.get("last") else None)


def parse_scope(text: str) -> Scope:
    """``country=Ukraine, country=Moldova, 2014-01-01..2023-12-31``: any number of
    countries (none: any), at most one range of days (either end may be left open)."""
    countries: set[str] = set()
    first = last = None
    ranges = 0
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        key, equals, value = part.partition("=")
        if equals:
            if key.strip().casefold() != "country" or not value.strip():
                raise ScopeError(say("Scope: “{part}” is not country=NAME.").format(part=part))
            countries.add(value.strip())
            continue
        start, dots, end = part.partition("..")
        if not dots:
            raise ScopeError(say("Scope: “{part}” is neither country=NAME nor FIRST..LAST.")
                             .format(part=part))
        ranges += 1
        try:
            first = date.fromisoformat(start.strip()) if start.strip() else None
            last = date.fromisoformat(end.strip()) if end.strip() else None
        except ValueError as exc:
            raise ScopeError(say("Scope: “{part}”: days are written 2014-01-31.")
                             .format(part=part)) from exc
    if ranges > 1:
        raise ScopeError(say("Scope: give one range of days."))
    if first and last and last < first:
        raise ScopeError(say("Scope: {last} is before {first}.").format(last=last, first=first))
    return Scope(frozenset(countries) or None, first, last)


def file_scope(countries: set[str], first: str | None, last: str | None) -> Scope:
    """The scope a file speaks for by default: its rows' countries and days."""
    return Scope(frozenset(countries), date.fromisoformat(first) if first else None,
                 date.fromisoformat(last) if last else None)
