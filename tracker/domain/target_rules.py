"""Target-category rules: which words in an event's record suggest what was hit.

The rules are data (resources/target_rules.toml, plus an analyst's own rules kept in the
database), so anyone can read and review them; this module only parses and applies them.
A rule fires when one of its stems starts a word of a field it reads (every word of a
phrase in turn), or one of its whole words is a word there. Of the rules that fire, the
one with the highest confidence decides; on a tie, the one listed first. No rule firing
suggests ``unknown``.

Words name an object without saying it was hit, so a rule may also say when its words do
not count: **exceptions** (stems of longer words its stems would find that mean something
else: "hospitalised" is not a hospital) and **not_after** (stems, or whole words, of
words that, among the few words before a match, make it the place of a casualty rather
than the target: "died in the hospital", "taken to hospital"). And a headline that is a
news digest ("MAIN: … events around Ukraine") names what the day's news mentioned, not
what this event hit: the rule set skips such headlines of a summary (its
``skip_headlines``). The rule set's ``setting`` turns a dual-use object among forces
military, and its ``harm`` makes such an object count only where its headline tells of
harm or an attack ("Donetsk airport" alone is the place of the event).

Applying is fast enough for a million events inside an import (bench/categorise.py):
domain.target_rule_index looks each word up once, whatever the number of rules.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tracker.domain.enums import TargetCategory
from tracker.domain.errors import TrackerError
from tracker.domain.target_rule_index import FieldIndex, words_of
from tracker.domain.target_rule_limits import Digests, Harm, Limits, Setting
from tracker.domain.target_rule_limits import headlines as headlines_of

# What a rule may read: the dataset's notes or headline, its sub-event type, its actors.
FIELDS = ("summary", "sub_event_type", "actors")
UNKNOWN = TargetCategory.UNKNOWN.value
# Sub-event types and actors repeat across millions of rows: what rules find in them is
# remembered, up to this many distinct texts per field (and found_all's answers, up to
# this many distinct sub-event types and actor pairs).
_REMEMBERED = 4096


class RulesError(TrackerError):
    """A rule that cannot be used (unknown category or field, no words, bad confidence)."""


@dataclass(frozen=True, slots=True)
class TargetRule:
    """One rule: its words, the category they suggest, and how sure they make us."""

    id: str
    category: str
    confidence: float
    fields: tuple[str, ...] = ("summary",)
    stems: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    not_after_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the rules make of one event: the category, the rule, and the words it found."""

    category: str
    rule_id: str = ""
    confidence: float = 0.0
    matched: tuple[str, ...] = field(default=())


NO_SUGGESTION = Suggestion(UNKNOWN)

# What an import stores of a suggestion: (category, rule id, confidence), or None when no
# rule fires (the event is then 'unknown').
Found = tuple[str, str, float] | None
# What the rules read of an event: summary, sub-event type, actor 1, actor 2.
RuleFields = tuple[str, str, str, str]


def check_rule(rule: TargetRule, categories: Iterable[str]) -> TargetRule:
    """*rule* if it can be used with *categories*; raises RulesError naming what is wrong."""
    where = f"Rule {rule.id or '(no id)'}"
    if not rule.id.strip():
        raise RulesError("A rule needs an id.")
    if rule.category not in set(categories) or rule.category == UNKNOWN:
        raise RulesError(f"{where}: '{rule.category}' is not a target category.")
    if not 0 < rule.confidence <= 1:
        raise RulesError(f"{where}: confidence must be above 0 and at most 1.")
    unknown = [name for name in rule.fields if name not in FIELDS]
    if unknown or not rule.fields:
        raise RulesError(f"{where}: fields must be among {', '.join(FIELDS)}.")
    if not any(words_of(text) for text in (*rule.stems, *rule.words)):
        raise RulesError(f"{where}: give at least one word to look for.")
    return rule


def parse_rules(text: str, categories: Iterable[str]) -> list[TargetRule]:
    """The rules of a TOML text (the resources file's layout), each checked."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(f"The rules file is not valid TOML: {error}") from error
    known = list(categories)
    rules = []
    for entry in data.get("rule", []):
        rules.append(check_rule(TargetRule(
            id=str(entry.get("id", "")), category=str(entry.get("category", "")),
            confidence=float(entry.get("confidence", 0)),
            fields=tuple(entry.get("fields", ("summary",))),
            stems=tuple(entry.get("stems", ())), words=tuple(entry.get("words", ())),
            exceptions=tuple(entry.get("exceptions", ())),
            not_after=tuple(entry.get("not_after", ())),
            not_after_words=tuple(entry.get("not_after_words", ()))),
            known))
    ids = [rule.id for rule in rules]
    doubled = sorted({name for name in ids if ids.count(name) > 1})
    if doubled:
        raise RulesError(f"Rule ids must be unique: {', '.join(doubled)}.")
    return rules


def _entry(text: str, key: str) -> object:
    """The value of the top-level *key* of a TOML text (None if it has none)."""
    try:
        return tomllib.loads(text).get(key)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(f"The rules file is not valid TOML: {error}") from error


def _categories_named(names: Iterable[object], known: list[str], what: str) -> tuple[str, ...]:
    """*names* as target categories; raises RulesError (saying *what*) if one is not, or
    if there are none."""
    found = tuple(str(name) for name in names)
    strange = [name for name in found if name not in known or name == UNKNOWN]
    if strange or not found:
        raise RulesError(f"{what} must name target categories"
                         f"{': ' + ', '.join(strange) if strange else ''}.")
    return found


def parse_skipped_headlines(text: str) -> tuple[str, ...]:
    """The markers of a headline the rules skip (the file's ``skip_headlines``)."""
    markers = _entry(text, "skip_headlines")
    if not isinstance(markers, list):
        return ()
    return tuple(str(marker) for marker in markers if str(marker).strip())


def parse_setting(text: str, categories: Iterable[str]) -> Setting | None:
    """The file's military ``setting`` (what turns a dual-use object's match), if any."""
    entry = _entry(text, "setting")
    if not isinstance(entry, dict):
        return None
    known = list(categories)
    rule = check_rule(TargetRule(
        id=str(entry.get("id", "")), category=str(entry.get("category", "")),
        confidence=float(entry.get("confidence", 0)), stems=tuple(entry.get("stems", ())),
        words=tuple(entry.get("words", ()))), known)
    turns = _categories_named(entry.get("turns", ()), known, f"Setting {rule.id}: turns")
    return Setting.of(rule.id, rule.category, rule.confidence, turns, rule.stems,
                      rule.words, tuple(str(stem) for stem in entry.get("not_next_to", ())))


def parse_harm(text: str, categories: Iterable[str]) -> Harm | None:
    """The file's ``harm`` (words telling something happened to an object), if any."""
    entry = _entry(text, "harm")
    if not isinstance(entry, dict):
        return None
    needed_by = _categories_named(entry.get("needed_by", ()), list(categories),
                                  "Harm: needed_by")
    stems = tuple(str(stem) for stem in entry.get("stems", ()))
    words = tuple(str(word) for word in entry.get("words", ()))
    if not any(words_of(text) for text in (*stems, *words)):
        raise RulesError("Harm: give at least one word to look for.")
    return Harm.of(needed_by, stems, words,
                   tuple(str(phrase) for phrase in entry.get("exceptions", ())))


class RuleSet:
    """Rules compiled for matching; ``suggest`` applies them to one event's fields."""

    def __init__(self, rules: Sequence[TargetRule], skip_headlines: Sequence[str] = (),
                 setting: Setting | None = None, harm: Harm | None = None) -> None:
        self.rules = tuple(rules)
        self._setting = setting
        self._harm = harm
        # The rules a setting turns, by position; the setting itself ranks as one more
        # rule, after them (a tie in confidence goes to a rule of the file).
        self._turnable = frozenset(
            position for position, rule in enumerate(self.rules)
            if setting is not None and rule.category in setting.turns)
        # The rules whose match counts only in a headline telling of harm, by position.
        self._need_harm = frozenset(
            position for position, rule in enumerate(self.rules)
            if harm is not None and rule.category in harm.needed_by)
        self._per_headline = self._turnable | self._need_harm
        self._ranked = self.rules if setting is None else (*self.rules, TargetRule(
            setting.id, setting.category, setting.confidence))
        self._digests = Digests.of(skip_headlines)
        self._limits = Limits.of(
            {position: tuple(tuple(words_of(stem)) for stem in rule.exceptions)
             for position, rule in enumerate(self.rules) if rule.exceptions},
            {position: tuple(stem.lower() for stem in rule.not_after)
             for position, rule in enumerate(self.rules) if rule.not_after},
            {position: frozenset(word.lower() for word in rule.not_after_words)
             for position, rule in enumerate(self.rules) if rule.not_after_words})
        self._index = {name: FieldIndex(self._patterns(name), self._limits)
                       for name in FIELDS}
        self._remembered: dict[str, dict[str, dict[int, list[str]]]] = {
            name: {} for name in FIELDS}
        # found_all's answers for events whose summary no rule matches, by (sub-event
        # type, actor 1, actor 2): those alone decide then, and they repeat.
        self._by_fields: dict[tuple[str, str, str], Found] = {}

    def _patterns(self, name: str) -> list[tuple[tuple[str, ...], bool, int]]:
        """The patterns of the rules reading the field *name*: (words, whether whole,
        the rule's position), in the rules' order."""
        return [(tokens, whole, position)
                for position, rule in enumerate(self.rules) if name in rule.fields
                for whole, patterns in ((False, rule.stems), (True, rule.words))
                for tokens in (tuple(words_of(pattern)) for pattern in patterns) if tokens]

    def reads(self, name: str) -> bool:
        """Whether any rule reads the field *name* (a pass can skip loading it if not)."""
        return bool(self._index[name])

    def suggest(self, summary: str, sub_event_type: str = "", actor1: str = "",
                actor2: str = "") -> Suggestion:
        """The category the rules suggest for an event with these fields."""
        found: dict[int, list[str]] = {}
        if summary and self._index["summary"]:
            self._index["summary"].find(summary, found, self._digests)
        return self._suggested(summary, found, sub_event_type, actor1, actor2)

    def _suggested(self, summary: str, found: dict[int, list[str]], sub_event_type: str,
                   actor1: str, actor2: str) -> Suggestion:
        """``suggest``, given what the rules *found* in the summary."""
        if found and not self._per_headline.isdisjoint(found):
            found = self._by_headline(summary, found)
        for name, text in (("sub_event_type", sub_event_type),
                           ("actors", f"{actor1} | {actor2}" if actor1 or actor2 else "")):
            if text and self._index[name]:
                for position, words in self._short_field(name, text).items():
                    found.setdefault(position, []).extend(words)
        if not found:
            return NO_SUGGESTION
        best = min(found, key=lambda position: (-self._ranked[position].confidence,
                                                position))
        rule = self._ranked[best]
        return Suggestion(rule.category, rule.id, rule.confidence,
                          tuple(dict.fromkeys(found[best])))

    def found_all(self, batch: Sequence[RuleFields]) -> list[Found]:
        """What an import stores of the suggestion for each event of *batch*, as
        ``suggest`` makes it. An event whose summary no rule matches is judged by its
        sub-event type and actors alone, which repeat from event to event far more than
        summaries do: that judgement is remembered (a fifth of the rules' time on
        synthetic ACLED rows, most of whose summaries match nothing)."""
        found: list[Found] = []
        index, digests, by_fields = self._index["summary"], self._digests, self._by_fields
        reads_summary = bool(index)
        for summary, sub_event_type, actor1, actor2 in batch:
            matched: dict[int, list[str]] = {}
            if summary and reads_summary:
                index.find(summary, matched, digests)
            if matched:
                found.append(_stored(self._suggested(summary, matched, sub_event_type,
                                                     actor1, actor2)))
                continue
            key = (sub_event_type, actor1, actor2)
            try:
                found.append(by_fields[key])
            except KeyError:  # not yet met (or forgotten)
                if len(by_fields) >= _REMEMBERED:
                    by_fields.clear()
                found.append(by_fields.setdefault(
                    key, _stored(self._suggested("", matched, *key))))
        return found

    def _by_headline(self, summary: str, found: dict[int, list[str]]
                     ) -> dict[int, list[str]]:
        """*found* (the summary's matches) judged headline by headline: a match of a rule
        the setting turns, made in a headline holding a qualifier, counts for the setting
        instead; a match of a rule that needs harm, made in a headline telling of none,
        does not count (the object is the event's place). Only a summary where such a
        rule matched, and that holds a qualifier or a headline without harm, is read
        again (few are: the cost stays with one or two searches)."""
        setting, harm = self._setting, self._harm
        lower = summary.lower()
        if self._digests is not None:
            lower = self._digests.strip(lower)
        qualified = setting is not None and bool(setting.qualifies(lower))
        headlines = headlines_of(lower)
        if not qualified and (harm is None or self._need_harm.isdisjoint(found) or all(
                harm.told(headline) for headline in headlines)):
            return found
        if not qualified and len(headlines) == 1:
            # One headline telling of no harm (checked just above): nothing to re-read.
            return {position: words for position, words in found.items()
                    if position not in self._need_harm}
        kept: dict[int, list[str]] = {}
        turned: list[str] = []
        for headline in headlines:
            matches: dict[int, list[str]] = {}
            self._index["summary"].find(headline, matches)
            qualifier = (setting.qualifies(headline)
                         if matches and qualified and setting is not None else "")
            harmed: bool | None = None
            for position, words in matches.items():
                if qualifier and position in self._turnable:
                    turned += [*words, qualifier]
                    continue
                if position in self._need_harm:
                    if harmed is None:
                        harmed = harm is not None and harm.told(headline)
                    if not harmed:
                        continue
                kept.setdefault(position, []).extend(words)
        if turned:
            # One object, one setting: the same words of a turned rule in another headline
            # ("Donetsk airport; More clashes near Donetsk airport") name the same object.
            for position in self._turnable.intersection(kept):
                if set(kept[position]) <= set(turned):
                    del kept[position]
            kept[len(self.rules)] = turned
        return kept

    def _short_field(self, name: str, text: str) -> dict[int, list[str]]:
        """What the rules find in a short, often repeated field (remembered)."""
        remembered = self._remembered[name]
        hits = remembered.get(text)
        if hits is None:
            if len(remembered) >= _REMEMBERED:
                remembered.clear()
            hits = remembered[text] = {}
            self._index[name].find(text, hits)
        return hits


def _stored(suggestion: Suggestion) -> Found:
    """What an import stores of *suggestion*."""
    return (suggestion.category, suggestion.rule_id, suggestion.confidence) \
        if suggestion.rule_id else None
