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
    "{n} rounds": ("{n} раунд", "{n} раунди", "{n} раундів"),
    "{n} factors": ("{n} чинник", "{n} чинники", "{n} чинників"),
    "{n} events": ("{n} подія", "{n} події", "{n} подій"),
    "{n} links": ("{n} зв’язок", "{n} зв’язки", "{n} зв’язків"),
    "{n} sources": ("{n} джерело", "{n} джерела", "{n} джерел"),
    "{n} schedule changes": ("{n} зміна розкладу", "{n} зміни розкладу", "{n} змін розкладу"),
    "{n} readings": ("{n} показник", "{n} показники", "{n} показників"),
}

PHRASES: dict[str, str] = {
    # Event time (event_time.py) and round windows (timewindow.py).
    "week of {day}": "тиждень від {day}",
    "{month} (month)": "{month} (місяць)",
    "{span} (reported as one record)": "{span} (повідомлено одним записом)",
    "{day} (date uncertain)": "{day} (дата неточна)",
    "date unknown": "дата невідома",
    "week of {first} (to {last})": "тиждень від {first} (до {last})",
    # Closed vocabularies (domain/enums.py and the services' own), by their stored word.
    # Precision
    "exact": "точно", "day": "день", "week": "тиждень", "month": "місяць",
    "unknown": "невідомо", "quarter": "квартал", "year": "рік",
    # RoundStatus
    "proposed": "запропоновано", "scheduled": "заплановано", "confirmed": "підтверджено",
    "held": "проведено", "postponed": "відкладено", "cancelled": "скасовано",
    # RoundFormat
    "bilateral": "двосторонній", "trilateral": "тристоронній", "proximity": "човниковий",
    "technical": "технічний", "leaders": "на рівні лідерів",
    # RoundModality
    "in person": "очно", "virtual": "онлайн", "hybrid": "змішано",
    # ParticipantRole
    "party": "сторона", "mediator": "посередник", "host": "господар",
    "observer": "спостерігач",
    # PartyKind
    "state": "держава", "organisation": "організація", "armed group": "збройне угруповання",
    "company": "компанія",
    # DependencyEffect
    "may postpone": "може відкласти", "may relocate": "може змінити місце",
    "precondition": "передумова", "leverage": "важіль впливу",
    # LinkKind
    "context": "контекст", "escalation during talks": "ескалація під час переговорів",
    "cited by a party": "згадано стороною", "precondition impact": "вплив на передумову",
    # ChangeKind
    "created": "створено", "rescheduled": "перенесено", "relocated": "змінено місце",
    "status changed": "змінено статус", "edited": "відредаговано", "deleted": "видалено",
    "restored": "відновлено",
    # FactorLevel, FactorTrend
    "low": "низький", "moderate": "помірний", "high": "високий", "critical": "критичний",
    "rising": "зростає", "stable": "стабільний", "easing": "слабшає",
    # Reliability
    "reliable": "надійне", "unverified": "неперевірене", "disputed": "спірне",
    # TargetCategory
    "energy": "енергетика", "transport": "транспорт", "residential": "житло",
    "medical": "медицина", "military": "військові", "industrial": "промисловість",
    "communications": "зв’язок", "other": "інше",
    # EntryKind (chronology), AnchorKind (analysis)
    "round": "раунд", "schedule change": "зміна розкладу", "factor reading": "показник чинника",
    "event": "подія",
    # Measure, Phase (analysis), SplitBy headings
    "events": "події", "fatalities": "загиблі", "injuries": "поранені",
    "before": "до", "during": "під час", "after": "після",
    "All events": "Усі події", "Target category": "Категорія цілі", "Region": "Регіон",
    "Event type": "Тип події",
    # Field names of records (services/records/conflicts_kinds.py)
    "Title": "Назва", "Track": "Трек", "Format": "Формат", "Modality": "Спосіб проведення",
    "Status": "Статус", "Window": "Вікно", "Venue": "Місце", "Agenda": "Порядок денний",
    "Outcome": "Підсумок", "Name": "Назва", "Description": "Опис", "Note": "Примітка",
    "Effect": "Вплив", "Kind": "Вид", "Role": "Роль", "Level": "Рівень", "Trend": "Тенденція",
    "Observed at": "Спостережено", "City": "Місто", "Country": "Країна",
    "Time zone": "Часовий пояс", "Latitude": "Широта", "Longitude": "Довгота",
    "Outlet": "Видання", "Address": "Адреса", "Published": "Опубліковано",
    "Read on": "Прочитано", "Reliability": "Надійність", "Person": "Особа",
    "Head of delegation": "Голова делегації", "Party": "Сторона", "Round": "Раунд",
    "Factor": "Чинник", "Event": "Подія",
    # Links shown with an event (services/events/events.py)
    "Round: {title}": "Раунд: {title}", "Factor: {name}": "Чинник: {name}",
    # CSV flavours and import formats (io)
    "For spreadsheets (Excel, LibreOffice, Sheets)":
        "Для електронних таблиць (Excel, LibreOffice, Sheets)",
    "For data tools (pandas, R, databases)": "Для інструментів даних (pandas, R, бази даних)",
    "ACLED export": "Експорт ACLED", "UCDP GED events": "Події UCDP GED",
    "Other CSV (choose the columns)": "Інший CSV (виберіть стовпці)",
    "iCalendar file (rounds)": "Файл iCalendar (раунди)",
}
