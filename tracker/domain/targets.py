"""What a database adds to the target categories: its own categories, its own rules.

The built-in categories are TargetCategory; the built-in rules are in
resources/target_rules.toml. A team that follows, say, strikes on water works adds a
category "water" and a rule for it here, in the window; the rule pass reads both.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain.base import Base, utc_now


class ExtraTargetCategory(Base):
    """A target category this database adds to the built-in ones."""

    __tablename__ = "target_category"

    name: Mapped[str] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class UserTargetRule(Base):
    """An analyst's own rule, in the resources file's terms.

    Stems, whole words and fields are kept one per line: a rule has a handful, and the
    rules dialog shows and edits them as lines.
    """

    __tablename__ = "target_rule"

    id: Mapped[str] = mapped_column(primary_key=True)
    category: Mapped[str]
    confidence: Mapped[float] = mapped_column(Float)
    fields: Mapped[str] = mapped_column(Text, default="summary")
    stems: Mapped[str] = mapped_column(Text, default="")
    words: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
