"""A battlefield event's TimelineJS headline: where, and what happened there.

The timeline's marker shows the first words of the headline, so they must tell one event
from the next: "Kharkiv: air/drone strike on energy infrastructure (3 killed)", not the
category every event shares ("Explosions/Remote violence / …"). The category stays on the
slide (its group, and the text's "Type").

What happened comes from the most specific field the dataset fills: ACLED's sub-event
type with the target; for UCDP, whose sub-type field holds the conflict's name, the death
toll in that conflict; else the first sentence of the summary; the event type last.
"""

from __future__ import annotations

import re

from tracker.domain.chronology import EventFacts
from tracker.domain.enums import TargetCategory
from tracker.io.ucdp_layout import DATASET as UCDP

# A marker has room for one short line; a summary's first sentence is cut at 80 characters.
_SUMMARY_CHARACTERS = 80
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s")
# The figures the chronology adds after an event's summary: "(3 killed, 5 injured)".
_FIGURES = re.compile(r"\s*\((?:\d+ killed|\d+ injured|, )+\)$")
# How a target category reads after "on"; a category typed in by hand reads "<it> targets".
_TARGETS: dict[str, str] = {
    TargetCategory.ENERGY: "energy infrastructure",
    TargetCategory.TRANSPORT: "transport infrastructure",
    TargetCategory.RESIDENTIAL: "residential areas",
    TargetCategory.MEDICAL: "medical facilities",
    TargetCategory.EDUCATION: "schools and universities",
    TargetCategory.GOVERNMENT: "government buildings",
    TargetCategory.MILITARY: "military targets",
    TargetCategory.INDUSTRIAL: "industrial sites",
    TargetCategory.COMMUNICATIONS: "communications",
    TargetCategory.AGRICULTURE: "farms and grain stores",
    TargetCategory.OTHER: "other targets",
}


def event_headline(facts: EventFacts, detail: str) -> str:
    """'Place: what happened (N killed)', or what happened alone where no place is known.
    *detail* is the chronology's text of the event: its summary, then its figures."""
    place = facts.location or facts.admin1
    what = _what_happened(facts, _FIGURES.sub("", detail), after_place=bool(place))
    return f"{place}: {what}" if place else what


def _what_happened(facts: EventFacts, summary: str, *, after_place: bool) -> str:
    killed = f"{facts.fatalities:,} killed" if facts.fatalities else ""
    if facts.dataset == UCDP:
        conflict = f" ({facts.sub_event_type})" if facts.sub_event_type else ""
        return (killed or facts.event_type or "Event") + conflict
    if facts.sub_event_type:
        # A term of the taxonomy ("Air/drone strike"), not a name: it reads on in lower
        # case after the place. A summary's sentence keeps its capitals as written.
        kind = facts.sub_event_type
        kind = kind[:1].lower() + kind[1:] if after_place else kind
        what = kind + _target(facts.target_category)
    else:
        what = _first_sentence(summary) \
            or (facts.event_type or "Event") + _target(facts.target_category)
    return f"{what} ({killed})" if killed else what


def _target(category: str) -> str:
    if not category or category == TargetCategory.UNKNOWN:
        return ""
    return f" on {_TARGETS.get(category.casefold(), f'{category} targets')}"


def _first_sentence(summary: str) -> str:
    sentence = _SENTENCE_END.split(" ".join(summary.split()), maxsplit=1)[0]
    sentence = sentence.rstrip(".;")
    if len(sentence) <= _SUMMARY_CHARACTERS:
        return sentence
    return sentence[:_SUMMARY_CHARACTERS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
