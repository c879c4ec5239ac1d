"""Battlefield events and their links to rounds and factors."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain.base import Base, utc_now
from tracker.domain.columns import enum_type
from tracker.domain.enums import LinkKind, Precision

# Datasets whose week-precision dates are the middle of the week (ACLED's codebook), not
# its first day: see timewindow.reported_days.
MIDWEEK_DATASETS = ("ACLED",)


class BattlefieldEvent(Base):
    """Something that happened on the ground or in the air, from a dataset or typed in.

    Rows reach the millions, so nothing maps relationships from here: queries select the
    columns they show, and the indexes below serve the Events view's sorts and filters
    (every sortable column leads an index whose next column is the date, the view's
    tie-break; the unique (dataset, external_id) index serves both of those sorts).

    Imported rows keep the record's text as it was in the file (BattlefieldEventRaw) and
    the import run that last wrote them, whose header says what the raw fields are.
    """

    __tablename__ = "battlefield_event"
    __table_args__ = (
        UniqueConstraint("dataset", "external_id"),
        CheckConstraint("fatalities IS NULL OR fatalities >= 0", name="fatalities"),
        CheckConstraint("injuries IS NULL OR injuries >= 0", name="injuries"),
        CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude"),
        CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude"
        ),
        Index("ix_battlefield_event_date", "event_date", "id"),
        Index("ix_battlefield_event_type_date", "event_type", "event_date"),
        Index("ix_battlefield_event_admin1_date", "admin1", "event_date"),
        Index("ix_battlefield_event_location_date", "location", "event_date"),
        Index("ix_battlefield_event_target_date", "target_category", "event_date"),
        Index("ix_battlefield_event_sub_type_date", "sub_event_type", "event_date"),
        Index("ix_battlefield_event_actor1_date", "actor1", "event_date"),
        Index("ix_battlefield_event_fatalities_date", "fatalities", "event_date"),
        Index("ix_battlefield_event_injuries_date", "injuries", "event_date"),
        Index("ix_battlefield_event_place", "latitude", "longitude", "event_date"),  # map
        # The place filter's country (migration 0018).
        Index("ix_battlefield_event_country_code_date", "country_code", "event_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset: Mapped[str]
    external_id: Mapped[str]
    event_date: Mapped[date] = mapped_column(Date)
    # The last day of an event reported over a span (UCDP's date_end), when it has one.
    event_date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[Precision] = mapped_column(
        enum_type(Precision), default=Precision.DAY
    )
    event_type: Mapped[str] = mapped_column(default="")
    sub_event_type: Mapped[str] = mapped_column(default="")
    target_category: Mapped[str] = mapped_column(default="")
    # Who decided the category (migration 0015): "rule" (a suggestion nobody has
    # reviewed), "analyst" (a person chose or accepted it: always kept), or None (nobody
    # yet). A rule's suggestion names the rule and its confidence.
    target_source: Mapped[str | None]
    target_rule: Mapped[str | None]
    target_confidence: Mapped[float | None] = mapped_column(Float)
    target_decided_at: Mapped[datetime | None]
    actor1: Mapped[str] = mapped_column(default="")
    actor2: Mapped[str] = mapped_column(default="")
    # Who fought whom by kind, as ACLED's text labels ("State forces-Civilians").
    interaction: Mapped[str] = mapped_column(default="", server_default="")
    admin1: Mapped[str] = mapped_column(default="")
    admin2: Mapped[str] = mapped_column(default="")
    location: Mapped[str] = mapped_column(default="")
    # As the dataset names it (ACLED's and UCDP's ``country``); "" where it gives none.
    country: Mapped[str] = mapped_column(default="", server_default="")
    # ISO 3166-1 alpha-3 ("UKR"), from the dataset's own code or its country's name
    # (io.country_codes); "" where neither says. Regions are told apart by it (issue 17:
    # "Northern" is an admin1 of four countries).
    country_code: Mapped[str] = mapped_column(default="", server_default="")
    # ACLED's associated actors: the groups acting with actor1 and actor2.
    assoc_actor_1: Mapped[str] = mapped_column(default="", server_default="")
    assoc_actor_2: Mapped[str] = mapped_column(default="", server_default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    fatalities: Mapped[int | None]
    # UCDP's low and high estimates beside its best one (which is ``fatalities``).
    fatalities_low: Mapped[int | None]
    fatalities_high: Mapped[int | None]
    injuries: Mapped[int | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    # The dataset's own source field ("Ukrinform; Suspilne"), as it gave it.
    reported_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The dataset's last-modified stamp (ACLED's Unix ``timestamp``): equal means unchanged.
    source_updated: Mapped[int | None] = mapped_column(BigInteger)
    # The ImportRun that last wrote the row. Not a foreign key: SQLite adds one to an
    # existing table only by copying the table (millions of rows), and runs are never
    # deleted.
    import_run_id: Mapped[int | None]
    # A 64-bit digest of the record text: a re-import compares this, not the text.
    raw_digest: Mapped[int | None] = mapped_column(BigInteger)
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
    # 'current', 'withdrawn' (by its source) or 'merged' (into another dataset's event):
    # only 'current' counts (storage.counted_events says so once for every query).
    record_status: Mapped[str] = mapped_column(default="current", server_default="current")
    # When record_status last changed (withdrawn, merged, or current again).
    status_changed_at: Mapped[datetime | None]
    # The release the stored values came from ("GED 23.1", "ACLED timestamp 1700000000"),
    # and the rank of the newest release that told the event (services.imports.releases;
    # ranks compare within one dataset): an older release never overwrites a newer one.
    source_release: Mapped[str] = mapped_column(default="", server_default="")
    release_rank: Mapped[int | None] = mapped_column(BigInteger)
    # When an import first added the event (None: before migration 0013 kept it).
    first_imported_at: Mapped[datetime | None]


class BattlefieldEventRaw(Base):
    """An imported event's record, as the file had it (CSV text, without the line end).

    In its own table: the text is as large as the event row itself, and every index build
    and full scan of battlefield_event would otherwise read it (twice the pages).
    """

    __tablename__ = "battlefield_event_raw"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("battlefield_event.id", ondelete="CASCADE"), primary_key=True
    )
    raw: Mapped[str] = mapped_column(Text)


class EventLink(Base):
    """An event tied to exactly one round or one factor, with a kind and a note."""

    __tablename__ = "event_link"
    __table_args__ = (
        CheckConstraint("(round_id IS NULL) <> (factor_id IS NULL)", name="one_target"),
        # Two constraints, not one over both targets: NULLs never collide in a unique
        # constraint, so (event, round, NULL, kind) could otherwise be stored twice.
        UniqueConstraint("event_id", "round_id", "kind"),
        UniqueConstraint("event_id", "factor_id", "kind"),
        Index("ix_event_link_event_id", "event_id"),
        Index("ix_event_link_round_id", "round_id"),
        Index("ix_event_link_factor_id", "factor_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("battlefield_event.id", ondelete="CASCADE")
    )
    round_id: Mapped[int | None] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    factor_id: Mapped[int | None] = mapped_column(ForeignKey("factor.id", ondelete="CASCADE"))
    kind: Mapped[LinkKind] = mapped_column(enum_type(LinkKind), default=LinkKind.CONTEXT)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Optimistic locking (migration 0005): an UPDATE matches only the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class EventDayCount(Base):
    """Events, fatalities and injuries per day, type, target category and precision.

    The timeline's density strip and the analysis read these few thousand rows instead
    of the events themselves: summing a year of a million events row by row takes about
    a second, summing its day counts a few milliseconds. On SQLite, triggers keep the
    counts equal to the events on every insert, update and delete (migration 0003); a
    bulk import drops them and counts again once at the end, or tallies the counts as it
    inserts into an empty table (storage.event_upsert, storage.day_tally).
    Unknown fatalities or injuries count as none in the sums.
    """

    __tablename__ = "event_day_count"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    event_type: Mapped[str] = mapped_column(primary_key=True)
    target_category: Mapped[str] = mapped_column(primary_key=True)
    date_precision: Mapped[Precision] = mapped_column(enum_type(Precision), primary_key=True)
    events: Mapped[int]
    fatalities: Mapped[int]
    injuries: Mapped[int]
