"""The words the domain and the services hand to the window, in the reader's language.

The layers below the window have no Qt, so they cannot use its translator; yet what they
say is shown there: an event's time ("week of 2 Feb 2026"), a round's status, a rule's
refusal. Each such phrase is written in English, as before, and passed through ``say``,
which looks it up in the phrase table of the chosen language (wording_uk.py) and gives
the English back where the table has none. A phrase with values is a template whose
placeholders are filled after the lookup: ``say("week of {day}").format(day=...)``.

The language is one per process: the window chooses it once at start-up
(ui/common/language.py); the command line and the tests keep English. It is a plain
module value, not a context variable, because the window's database work runs on another
thread and must speak the same language.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from tracker.domain import wording_uk


class Language(StrEnum):
    """A language the program speaks, by its ISO 639-1 code."""

    ENGLISH = "en"
    UKRAINIAN = "uk"


_PHRASES: dict[Language, dict[str, str]] = {
    Language.ENGLISH: {},
    Language.UKRAINIAN: wording_uk.PHRASES,
}
_MONTHS_SHORT: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                       "Oct", "Nov", "Dec"),
    Language.UKRAINIAN: wording_uk.MONTHS_SHORT,
}
_MONTHS_LONG: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: ("January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December"),
    Language.UKRAINIAN: wording_uk.MONTHS_LONG,
}

_chosen = Language.ENGLISH


def use_language(language: Language) -> None:
    """Speak *language* from now on (the window calls this once, before it is built)."""
    global _chosen
    _chosen = language


def current_language() -> Language:
    return _chosen


def say(english: str) -> str:
    """*english* in the chosen language: its entry in the phrase table, else itself."""
    return _PHRASES[_chosen].get(english, english)


def label_of(member: StrEnum) -> str:
    """A closed-vocabulary value as a reader sees it: its stored word ("postponed"), in
    the chosen language ("відкладено"); capitalise it where it starts a label."""
    return say(member.value)


def say_count(count: int, english_one: str, english_other: str) -> str:
    """A phrase about *count* things, in the plural form the language needs for it.

    The English pair is the key ("{n} event", "{n} events"); ``{n}`` is filled in.
    Ukrainian has three forms (1 подія, 2 події, 5 подій), listed in its table under
    the English plural."""
    if _chosen is Language.ENGLISH:
        return (english_one if count == 1 else english_other).format(n=count)
    forms = wording_uk.PLURALS.get(english_other)
    if forms is None:
        return (english_one if count == 1 else english_other).format(n=count)
    return forms[wording_uk.plural_form(count)].format(n=count)


def day_words(day: date) -> str:
    """A day as the exports' and the window's words give it: "3 Feb 2026", "3 лют. 2026"."""
    return f"{day.day} {short_month_words(day.month)} {day.year}"


def short_month_words(month: int) -> str:
    """A month's short name, as it stands after a day: "Feb", "лют."."""
    return _MONTHS_SHORT[_chosen][month - 1]


def month_year_words(day: date) -> str:
    """The month of *day* and its year: "February 2026", "лютий 2026"."""
    return f"{_MONTHS_LONG[_chosen][day.month - 1]} {day.year}"
