"""The target rules' patterns for one field, compiled for lookup (domain.target_rules).

A text is split into words once, and a word is looked up by its first three letters in
one dict of every pattern, so the cost grows with the words of the text, not with the
rules. Before that, one regular expression made of the same keys rules out, in C, a
text none of whose words can start like a pattern: most texts, for most rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.domain.target_rule_limits import Digests, Limits

# Letters and digits, with an apostrophe inside a word kept in it (mayor's, енергооб'єкт).
_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
# How many first letters of a word it is looked up by.
KEY = 3
# Words met, per field, whose matches are remembered (words repeat across events far
# more than texts do); cleared when full.
_WORDS_REMEMBERED = 200_000

# A phrase in the lookup: its words, whether each must be whole (else a stem), its rule.
Phrase = tuple[tuple[str, ...], bool, int]
# What one word matches: the rules its single-word patterns give, and the phrases whose
# first word it is (their other words are checked in place).
_WordMatch = tuple[tuple[int, ...], tuple[Phrase, ...]]
# The keys' letters as a tree: each letter to what may follow it; "" where a key ends.
_Tree = dict[str, "_Tree"]


def words_of(text: str) -> list[str]:
    """The lower-cased words of *text*, as rules see them."""
    return _WORD.findall(text.lower())


@dataclass(slots=True)
class _Entry:
    """The patterns whose first word starts with one three-letter key, by kind, so a word
    is tested against all single-word stems in one ``str.startswith(tuple)`` call."""

    stems: tuple[str, ...] = ()
    stem_rules: tuple[int, ...] = ()
    whole: dict[str, list[int]] = field(default_factory=dict)
    phrases: list[Phrase] = field(default_factory=list)

    def add(self, tokens: tuple[str, ...], whole: bool, position: int) -> None:
        if len(tokens) > 1:
            self.phrases.append((tokens, whole, position))
        elif whole:
            self.whole.setdefault(tokens[0], []).append(position)
        else:
            self.stems += (tokens[0],)
            self.stem_rules += (position,)

    def match(self, word: str, limits: Limits) -> _WordMatch:
        """What *word* (whose key is this entry's) matches, less its rules' exceptions."""
        single: list[int] = []
        if self.stems and word.startswith(self.stems):
            single += [position for stem, position in zip(self.stems, self.stem_rules,
                                                           strict=True)
                       if word.startswith(stem)]
        single += self.whole.get(word, ())
        phrases = tuple(phrase for phrase in self.phrases
                        if (word == phrase[0][0] if phrase[1]
                            else word.startswith(phrase[0][0])))
        if limits.exceptions:
            single = [position for position in single if not limits.excepted(position, word)]
            phrases = tuple(phrase for phrase in phrases
                            if not limits.excepted(phrase[2], word))
        return tuple(single), phrases


class FieldIndex:
    """The patterns of every rule reading one field, looked up by a word's first KEY
    letters, and what words met so far matched under the rules' *limits* (remembered:
    which is why the limits are the index's own)."""

    __slots__ = ("_entries", "_limits", "_memo", "_starts")

    def __init__(self, patterns: Iterable[tuple[tuple[str, ...], bool, int]],
                 limits: Limits) -> None:
        """*patterns*: (a pattern's words, whether they are whole words, its rule's
        position), in the rules' order."""
        self._limits = limits
        self._entries: dict[str, _Entry] = {}
        for tokens, whole, position in patterns:
            self._entries.setdefault(tokens[0][:KEY], _Entry()).add(tokens, whole, position)
        self._memo: dict[str, _WordMatch] = {}
        self._starts = starts_pattern(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def find(self, text: str, found: dict[int, list[str]],
             digests: Digests | None = None) -> None:
        """Add to *found* (rule position → matched words) what the patterns match in
        *text*, leaving out a match its rule's not_after words come just before, and the
        headlines *digests* marks."""
        lower = text.lower()
        if digests is not None:
            lower = digests.strip(lower)
        if self._starts.search(lower) is None:
            return
        entries, memo, limits = self._entries, self._memo, self._limits
        words = _WORD.findall(lower)
        count = len(words)
        in_place = limits.in_place
        if len(memo) > _WORDS_REMEMBERED:
            memo.clear()
        for start in [at for at, word in enumerate(words) if word[:KEY] in entries]:
            word = words[start]
            match = memo.get(word)
            if match is None:
                match = memo[word] = entries[word[:KEY]].match(word, limits)
            single, phrases = match
            for position in single:
                if position not in in_place or not limits.withheld(position, words, start):
                    found.setdefault(position, []).append(word)
            for tokens, whole, position in phrases:
                end = start + len(tokens)
                if position in in_place and limits.withheld(position, words, start):
                    continue
                if end <= count and all(
                        (words[start + offset] == tokens[offset]) if whole
                        else words[start + offset].startswith(tokens[offset])
                        for offset in range(1, len(tokens))):
                    found.setdefault(position, []).append(" ".join(words[start:end]))


def starts_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """An expression found where a word of a lower-cased text may start with one of
    *keys* (a key shorter than KEY letters is a whole word), as a tree of the keys'
    letters: one pass in C over the text, whatever the number of keys.

    It may find more than the lookup does (it also tries the part of "mayor's" after the
    apostrophe), never less, so a text it finds nothing in holds no match."""
    tree: _Tree = {}
    for key in keys:
        node = tree
        for letter in key:
            node = node.setdefault(letter, {})
        node[""] = {}
    if not tree:
        return re.compile(r"(?!)")
    # The keys' first letters, looked ahead for, let the engine pass over the other
    # letters in C: 2.2 µs a synthetic ACLED note with them, 2.7 without (0.8 and 1.0 µs
    # a UCDP headline). A key's first letter is a word's, so \b is a word's start here.
    first = "".join(re.escape(letter) for letter in sorted(tree))
    return re.compile(rf"\b(?=[{first}])" + _alternatives(tree, 0))


def _alternatives(node: _Tree, depth: int) -> str:
    options = []
    for letter, below in sorted(node.items()):
        if letter:
            options.append(re.escape(letter) + _alternatives(below, depth + 1))
        else:  # a key ends here: a prefix, or (shorter than KEY) the whole word
            options.append("" if depth >= KEY else r"(?!\w)")
    return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
