"""When a target rule's words do not count: a rule's exceptions and not_after, and the
news-digest headlines the whole rule set skips (domain.target_rules applies them).

Words name an object without saying it was hit: "hospitalised" is not a hospital, "died
in the hospital" names where a casualty was, and a digest ("MAIN: … events around
Ukraine") names what the day's news mentioned. docs/target-categories.md says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

# How many words before a match ``not_after`` looks at: "died in a Khmelnytskyi hospital".
_NOT_AFTER_REACH = 4
# What separates the headlines of a summary (UCDP's sources; "; ", io.ucdp_layout).
_HEADLINES = ";"
# The little words skipped to find the words next to a setting's qualifier ("battle the
# blaze", "бій з вогнем"): the words its not_next_to looks at.
_LITTLE = frozenset(("a", "an", "the", "with", "з", "із", "зі", "с", "со"))
_WORD_REST = re.compile(r"\w*")
_WORDS = re.compile(r"\w+")


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
    """The rules' exceptions and not_after stems, by rule position (only rules with some).

    An exception of one word is looked at with the word (and remembered with it); one of
    several ("housing and communal") in place, from the match on, as not_after is.
    """

    exceptions: dict[int, tuple[str, ...]]
    not_after: dict[int, tuple[str, ...]]
    phrases: dict[int, tuple[tuple[str, ...], ...]]
    # The rules whose matches are looked at in place (not_after or a phrase exception).
    in_place: frozenset[int]
    # not_after's whole words ("die", "dies": as stems they would find "diesel").
    not_after_words: dict[int, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, exceptions: dict[int, tuple[tuple[str, ...], ...]],
           not_after: dict[int, tuple[str, ...]],
           not_after_words: dict[int, frozenset[str]] | None = None) -> Limits:
        """Limits from each rule's exceptions (as words), not_after stems and whole
        not_after words."""
        words = {position: tuple(tokens[0] for tokens in stems if len(tokens) == 1)
                 for position, stems in exceptions.items()}
        phrases = {position: tuple(tokens for tokens in stems if len(tokens) > 1)
                   for position, stems in exceptions.items()}
        phrases = {position: found for position, found in phrases.items() if found}
        whole = not_after_words or {}
        return cls({position: found for position, found in words.items() if found},
                   not_after, phrases,
                   frozenset(not_after) | frozenset(phrases) | frozenset(whole), whole)

    def excepted(self, position: int, word: str) -> bool:
        stems = self.exceptions.get(position)
        return stems is not None and word.startswith(stems)

    def withheld(self, position: int, words: list[str], start: int) -> bool:
        """Whether the match at *start* is withheld by its rule's not_after words (among
        the few before it) or by a phrase exception it begins."""
        stems = self.not_after.get(position, ())
        whole = self.not_after_words.get(position, frozenset())
        if (stems or whole) and any(
                word in whole or word.startswith(stems)
                for word in words[max(0, start - _NOT_AFTER_REACH):start]):
            return True
        return any(len(tokens) <= len(words) - start and all(
                       words[start + offset].startswith(token)
                       for offset, token in enumerate(tokens))
                   for tokens in self.phrases.get(position, ()))


def _any_of(stems: Sequence[str], words: Sequence[str]) -> re.Pattern[str]:
    """One expression finding any of *stems* (at a word's start) or *words* (whole) in a
    lower-cased text; a phrase's words follow each other, each a stem (or a whole word),
    as in a rule."""
    def phrase(text: str, whole: bool) -> str:
        tokens = [re.escape(token) for token in re.findall(r"\w+", text.lower())]
        between = r"\W+" if whole else r"\w*\W+"
        return between.join(tokens) + (r"(?!\w)" if whole else "")

    patterns = [phrase(text, False) for text in stems if text.strip()]
    patterns += [phrase(text, True) for text in words if text.strip()]
    # One look behind for all (the alternatives are tried only at a word's start).
    return re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})" if patterns else r"(?!)")


@dataclass(frozen=True, slots=True)
class Harm:
    """Words telling that something happened to an object (the file's ``harm``).

    A civil object named with nothing happening to it is the place of the event, not its
    target: "Donetsk airport" as a whole headline, "an ambush near the railway station".
    A match of a rule whose category is in ``needed_by`` counts only in a headline that
    also holds one of these words (hit, shelled, destroyed, explosion, missile; влучання,
    обстріл, пошкоджено; попадание, обстрел, разрушен). Decided per headline, as the
    setting is: a summary joins several reports' headlines.
    """

    needed_by: frozenset[str]
    words: re.Pattern[str]
    # Phrases (whole words) holding a harm word that tell of none: "cease fire".
    exceptions: re.Pattern[str] | None = None

    @classmethod
    def of(cls, needed_by: Sequence[str], stems: Sequence[str], words: Sequence[str],
           exceptions: Sequence[str] = ()) -> Harm:
        return cls(frozenset(needed_by), _any_of(stems, words),
                   _any_of((), exceptions) if any(text.strip() for text in exceptions)
                   else None)

    def told(self, lower: str) -> bool:
        """Whether *lower* (a lower-cased headline) tells of harm or an attack."""
        if self.words.search(lower) is None:
            return False
        # Only a headline holding a harm word is searched again without the exceptions.
        return self.exceptions is None or self.words.search(
            self.exceptions.sub(" ", lower)) is not None


@dataclass(frozen=True, slots=True)
class Setting:
    """Words that place a headline's objects among armed forces (the file's ``setting``).

    A dual-use object (a bridge, an airport, a ferry, a fuel depot) in a headline that
    also names soldiers, a unit, a military object or fighting was held or fought over by
    a force: a match of a rule whose category is in ``turns``, made in such a headline,
    counts for ``category`` (as the rule ``id``, at ``confidence``) instead. Decided per
    headline: a summary joins headlines of several reports, and soldiers in one tell
    nothing of the bus in another. A qualifier whose word before or after (articles and
    "with" aside) starts with one of ``not_next_to`` means something else ("firefighters
    battle the blaze at an oil depot", "fire-fighting"; but "soldiers under fire" is a
    qualifier).
    """

    id: str
    category: str
    confidence: float
    turns: frozenset[str]
    qualifier: re.Pattern[str]
    not_next_to: tuple[str, ...] = ()

    @classmethod
    def of(cls, id: str, category: str, confidence: float, turns: Sequence[str],
           stems: Sequence[str], words: Sequence[str], not_next_to: Sequence[str] = ()
           ) -> Setting:
        return cls(id, category, confidence, frozenset(turns), _any_of(stems, words),
                   tuple(stem.strip().lower() for stem in not_next_to if stem.strip()))

    def qualifies(self, lower: str) -> str:
        """The first qualifier in *lower* (a lower-cased text), or "" if it holds none."""
        for found in self.qualifier.finditer(lower):
            if not self.not_next_to:
                return found.group()
            # The words next to it in its own headline (a summary's are judged each alone).
            rest = lower[found.end():found.end() + 120].split(_HEADLINES, 1)[0]
            rest = rest[_WORD_REST.match(rest).end():]  # type: ignore[union-attr]
            after = next((word for word in _WORDS.findall(rest) if word not in _LITTLE), "")
            ahead = lower[max(0, found.start() - 120):found.start()].rsplit(_HEADLINES, 1)[-1]
            before = next((word for word in reversed(_WORDS.findall(ahead))
                           if word not in _LITTLE), "")
            if not (after.startswith(self.not_next_to) or before.startswith(self.not_next_to)):
                return found.group()
        return ""


def headlines(lower: str) -> list[str]:
    """The headlines of *lower*, a lower-cased summary."""
    return lower.split(_HEADLINES)
