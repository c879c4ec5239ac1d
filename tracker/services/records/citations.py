"""Sources attached to facts: formatting and lookup in one query per kind of fact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.date_range import RANGE_TEXT, in_range
from tracker.domain.enums import Reliability
from tracker.domain.nul_text import without_nul
from tracker.domain.sources import CITABLE, Citation, Source
from tracker.domain.wording import day_words
from tracker.services.common.errors import ValidationError


def source_label(source: Source) -> str:
    """'Outlet, "Title", 31 Jan 2026, URL' with the parts that are known."""
    parts = [source.outlet]
    if source.title:
        parts.append(f"“{source.title}”")
    if source.published_on:
        parts.append(day_words(source.published_on))
    if source.url:
        parts.append(source.url)
    return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class CitedSource:
    """One source cited for a record: its id (to edit it) and how it reads."""

    id: int
    label: str


def cited_sources(session: Session, column: str, record_id: int) -> tuple[CitedSource, ...]:
    """The distinct sources cited for one record (``column`` is e.g. 'round_id'), oldest
    first."""
    if column not in CITABLE:
        raise ValueError(f"{column!r} is not a citable column")
    rows = session.execute(
        select(Source)
        .join(Citation, Citation.source_id == Source.id)
        .where(getattr(Citation, column) == record_id)
        .distinct()
        .order_by(Source.id)
    ).scalars()
    return tuple(CitedSource(source.id, source_label(source)) for source in rows)


def sources_for(session: Session, column: str, record_id: int) -> tuple[str, ...]:
    """Labels of the distinct sources cited for one record (``column`` is e.g. 'round_id')."""
    return tuple(source.label for source in cited_sources(session, column, record_id))


def sources_by_record(
    session: Session, column: str, record_ids: list[int]
) -> dict[int, tuple[str, ...]]:
    """The same for many records at once (chronology pages), keyed by record id."""
    if column not in CITABLE:
        raise ValueError(f"{column!r} is not a citable column")
    if not record_ids:
        return {}
    target = getattr(Citation, column)
    found: dict[int, list[str]] = {}
    for record_id, source in session.execute(
        select(target, Source)
        .join(Source, Citation.source_id == Source.id)
        .where(target.in_(record_ids))
        .order_by(target, Source.id)
    ):
        labels = found.setdefault(record_id, [])
        label = source_label(source)
        if label not in labels:
            labels.append(label)
    return {key: tuple(value) for key, value in found.items()}


def cite(session: Session, source_id: int, column: str, record_id: int, detail: str = "") -> int:
    if column not in CITABLE:
        raise ValueError(f"{column!r} is not a citable column")
    citation = Citation(source_id=source_id, detail=detail, **{column: record_id})
    session.add(citation)
    session.flush()
    return citation.id


@dataclass(frozen=True, slots=True)
class SourceDraft:
    """Where a fact comes from, as the analyst typed it."""

    outlet: str
    title: str = ""
    url: str = ""
    published_on: date | None = None
    accessed_on: date | None = None
    reliability: Reliability = Reliability.UNVERIFIED
    note: str = ""


def create_source(session: Session, draft: SourceDraft) -> int:
    """Add a source; refuse what would make a citation useless or wrong."""
    source = Source(**clean_source(draft))
    session.add(source)
    session.flush()
    return source.id


def clean_source(draft: SourceDraft) -> dict[str, object]:
    """The source's columns as stored; ValidationError for what would make a citation
    useless or wrong (a new source, or an edit of one)."""
    outlet = " ".join(without_nul(draft.outlet).split())
    if not outlet:
        raise ValidationError("outlet", "A source needs an outlet or author")
    url = without_nul(draft.url).strip()
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise ValidationError("url", "A web address starts with http:// or https://")
    today = date.today()
    for field, day in (("published_on", draft.published_on),
                       ("accessed_on", draft.accessed_on)):
        if day is not None and day > today:
            raise ValidationError(field, f"{day:%d %b %Y} is in the future")
        if day is not None and not in_range(day):  # issue 14: older is a typing mistake
            raise ValidationError(field, f"{day.isoformat()} is outside the dates the "
                                         f"tracker takes ({RANGE_TEXT})")
    if draft.published_on and draft.accessed_on and draft.accessed_on < draft.published_on:
        raise ValidationError("accessed_on", "It was read before it was published")
    return {"outlet": outlet, "title": " ".join(without_nul(draft.title).split()),
            "url": url, "published_on": draft.published_on,
            "accessed_on": draft.accessed_on, "reliability": draft.reliability,
            "note": without_nul(draft.note).strip()}


def list_sources(session: Session) -> list[tuple[int, str]]:
    return [
        (source.id, source_label(source))
        for source in session.execute(select(Source).order_by(Source.id)).scalars()
    ]
