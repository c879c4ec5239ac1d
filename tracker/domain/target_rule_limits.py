"""When a target rule's words do not count: a rule's exceptions and not_after, and the
news-digest headlines the whole rule set skips (domain.target_rules applies them).

Words name an object without saying it was hit: "hospitalised" is not a hospital, "died
in the hospital" names where a casualty was, and a digest ("MAIN: … events around
Ukraine") names what the day's news mentioned. docs/target-categories.md says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# How many words before a match ``not_after`` looks at: "died in a Khmelnytskyi hospital".
_NOT_AFTER_REACH = 4
# What separates the headlines of a summary (UCDP's sources; "; ", io.ucdp_layout).
_HEADLINES = ";"


@dataclass(frozen=True, slots=True)
class Digests:
    """The markers of a news-digest headline, which the rules skip."""

    markers: tuple[str, ...]
    starting_a_word: re.Pattern[str]

    @classmethod
    def of(cls, markers: Sequence[str]) -> Digests | None:
        lowered = tuple(marker.strip().lower() for marker in markers if marker.strip())
        if not lowered:
            return None
        return cls(lowered, re.compile("|".join(rf"(?<!\w){re.escape(marker)}"
                                                for marker in lowered)))

    def strip(self, lower: str) -> str:
        """*lower* (a lower-cased summary) less its digest headlines, if it has any."""
        # A substring test per marker first, in C and in a loop (cheaper than any() for the
        # usual miss); only a summary holding one is split and its headlines searched.
        for marker in self.markers:
            if marker in lower:
                return _HEADLINES.join(headline for headline in lower.split(_HEADLINES)
                                       if not self.starting_a_word.search(headline))
        return lower


@dataclass(frozen=True, slots=True)
class Limits:
    """The rules' exceptions and not_after stems, by rule position (only rules with some)."""

    exceptions: dict[int, tuple[str, ...]]
    not_after: dict[int, tuple[str, ...]]

    def excepted(self, position: int, word: str) -> bool:
        stems = self.exceptions.get(position)
        return stems is not None and word.startswith(stems)

    def after_excluded(self, position: int, words: list[str], start: int) -> bool:
        stems = self.not_after.get(position)
        return stems is not None and any(
            word.startswith(stems) for word in words[max(0, start - _NOT_AFTER_REACH):start])
