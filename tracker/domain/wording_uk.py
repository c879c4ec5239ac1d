"""Ukrainian phrase table for wording.py: each English phrase or template, translated.

Keys are the English exactly as the code says it (templates with their ``{name}``
placeholders); a phrase missing here is shown in English. Plural phrases are keyed by the
English plural and give the three Ukrainian forms (one, few, many).
"""

from __future__ import annotations

MONTHS_SHORT = ("січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.",
                "вер.", "жовт.", "лист.", "груд.")
MONTHS_LONG = ("січень", "лютий", "березень", "квітень", "травень", "червень", "липень",
               "серпень", "вересень", "жовтень", "листопад", "грудень")


def plural_form(count: int) -> int:
    """Which of the three Ukrainian forms *count* takes: 0 one, 1 few, 2 many."""
    if count % 10 == 1 and count % 100 != 11:
        return 0
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return 1
    return 2


PLURALS: dict[str, tuple[str, str, str]] = {
}

PHRASES: dict[str, str] = {
    # Event time (event_time.py) and round windows (timewindow.py).
    "week of {day}": "тиждень від {day}",
    "{month} (month)": "{month} (місяць)",
    "{span} (reported as one record)": "{span} (повідомлено одним записом)",
    "{day} (date uncertain)": "{day} (дата неточна)",
    "date unknown": "дата невідома",
    "week of {first} (to {last})": "тиждень від {first} (до {last})",
}
