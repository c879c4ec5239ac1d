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
    # What an import's release did (services/imports/import_report.py).
    "{n:,} records of an older release than the one stored were skipped, counted as "
    "unchanged (their differences are in the report; import again allowing older "
    "releases to apply them)": (
        "{n:,} запис старішого випуску, ніж збережений, пропущено й зараховано як "
        "незмінений (його відмінності — у звіті; імпортуйте ще раз, дозволивши старіші "
        "випуски, щоб їх застосувати)",
        "{n:,} записи старішого випуску, ніж збережений, пропущено й зараховано як "
        "незмінені (їхні відмінності — у звіті; імпортуйте ще раз, дозволивши старіші "
        "випуски, щоб їх застосувати)",
        "{n:,} записів старішого випуску, ніж збережений, пропущено й зараховано як "
        "незмінені (їхні відмінності — у звіті; імпортуйте ще раз, дозволивши старіші "
        "випуски, щоб їх застосувати)"),
    "{n:,} dates moved": ("{n:,} дату зсунуто", "{n:,} дати зсунуто", "{n:,} дат зсунуто"),
    "{n:,} events withdrawn by the source (in scope {{scope}}, not in this release)": (
        "{n:,} подію відкликано джерелом (в обсязі {{scope}}, її немає в цьому випуску)",
        "{n:,} події відкликано джерелом (в обсязі {{scope}}, їх немає в цьому випуску)",
        "{n:,} подій відкликано джерелом (в обсязі {{scope}}, їх немає в цьому випуску)"),
    "{n:,} added as withdrawn (a newer release already imported lacks them)": (
        "{n:,} додано як відкликану (її немає в новішому, уже імпортованому випуску)",
        "{n:,} додано як відкликані (їх немає в новішому, уже імпортованому випуску)",
        "{n:,} додано як відкликані (їх немає в новішому, уже імпортованому випуску)"),
    "{n:,} withdrawn events are back in this release": (
        "{n:,} відкликана подія повернулася в цьому випуску",
        "{n:,} відкликані події повернулися в цьому випуску",
        "{n:,} відкликаних подій повернулися в цьому випуску"),
    "{n:,} candidate events are not in this final release": (
        "{n:,} подія-кандидат відсутня в цьому остаточному випуску",
        "{n:,} події-кандидати відсутні в цьому остаточному випуску",
        "{n:,} подій-кандидатів відсутні в цьому остаточному випуску"),
}

PHRASES: dict[str, str] = {
    # What is still being built after an import's commit (storage/deferred_build.py).
    "The word index is still being built after the import; search again in a moment. "
    "Browsing and the date and type filters work meanwhile.":
        "Індекс слів ще будується після імпорту; пошукайте ще раз за мить. Перегляд і "
        "фільтри за датою й типом тим часом працюють.",
    "The map's cells are still being counted after the import; the map shows them in a "
    "moment.": "Клітинки мапи ще лічаться після імпорту; мапа покаже їх за мить.",
    "The events' target categories are still being decided after the import; try again "
    "in a moment. Nothing counted by category is told before that.":
        "Категорії цілей подій ще визначаються після імпорту; спробуйте ще раз за мить. "
        "Доти нічого, що лічиться за категорією, не подається.",
    # Scope and release as typed for an import (services/imports/import_scope.py, releases.py).
    "Scope: “{part}” is not country=NAME.": "Обсяг: «{part}» не має вигляду country=НАЗВА.",
    "Scope: “{part}” is neither country=NAME nor FIRST..LAST.":
        "Обсяг: «{part}» не має вигляду ні country=НАЗВА, ні ПЕРШИЙ..ОСТАННІЙ.",
    "Scope: “{part}”: days are written 2014-01-31.":
        "Обсяг: «{part}»: дні пишуть так: 2014-01-31.",
    "Scope: give one range of days.": "Обсяг: укажіть один проміжок днів.",
    "Scope: {last} is before {first}.": "Обсяг: {last} раніше за {first}.",
    "“{text}” is not a UCDP GED version: give it as 23.1, GED 23.1 or candidate.":
        "«{text}» — не версія UCDP GED: укажіть її як 23.1, GED 23.1 або candidate.",
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
    "communications": "зв’язок", "other": "інше", "education": "освіта",
    "government": "органи влади", "agriculture": "сільське господарство",
    # Measure, ClaimStatus, ClaimantKind (claims), MatchStatus (reconciliation)
    "killed": "загиблі", "injured": "поранені", "drones launched": "запущені дрони",
    "drones intercepted": "збиті дрони", "missiles intercepted": "збиті ракети",
    "claimed": "заявлене", "corroborated": "підтверджене",
    "ministry": "міністерство", "dataset": "набір даних", "journalist": "журналіст",
    "accepted": "прийнято", "rejected": "відхилено",
    # Claims and target review (services/claims, services/targets)
    "Say what the figure counts (killed, injured…)":
        "Вкажіть, що рахує цифра (загиблі, поранені…)",
    "Say who claims the figure": "Вкажіть, хто наводить цифру",
    "A claim needs an event, or a day and a place":
        "Твердженню потрібна подія або день і місце",
    "Event {number} does not exist": "Події {number} не існує",
    "Give the figure, or its low and high estimates":
        "Наведіть цифру або її нижню й верхню оцінки",
    "A figure cannot be negative": "Цифра не може бути від’ємною",
    "The low figure must not exceed the best, nor the best the high":
        "Нижня цифра не може перевищувати найімовірнішу, а найімовірніша — верхню",
    "Claim {number} was changed by someone else since it was read; it is shown as it is now":
        "Твердження {number} відтоді змінив хтось інший; його показано таким, яким воно є "
        "тепер",
    "Choose a target category.": "Виберіть категорію цілі.",
    "None of these events is in the database any more.":
        "Жодної з цих подій уже немає в базі даних.",
    "Rule {id}: the rules file already has a rule with this id.":
        "Правило {id}: у файлі правил уже є правило з таким ідентифікатором.",
    "There is no rule of your own with the id {id}.":
        "Немає вашого правила з ідентифікатором {id}.",
    "at least {figure}": "щонайменше {figure}", "at most {figure}": "щонайбільше {figure}",
    "{span} (best {best})": "{span} (найімовірніше {best})",
    # A claim told with its attribution, and a claim on a day and a place as a
    # chronology entry of its own (services/claims/claims.py, chronology_claims.py)
    "{measure}: {figure}, by {claimant} ({kind}), {status}":
        "{measure}: {figure}, за даними: {claimant} ({kind}), {status}",
    "{claim}; source: {source}": "{claim}; джерело: {source}",
    "Claims: {claims}.": "Твердження: {claims}.",
    "{claimant}: {measure}, {figure}": "{claimant}: {measure} — {figure}",
    "claim": "твердження", "place not given": "місце не вказано",
    "A figure about a day and a place that no recorded event carries: no figure rule "
    "applies to it, and it is in no total.":
        "Цифра про день і місце, якої не містить жодна записана подія: правило вибору "
        "цифр до неї не застосовується, і вона не входить до жодного підсумку.",
    # Reconciliation's same-file refusal, a sync's request (services/reconcile, sync)
    "These events are already in the database as the dataset {other}: {matched} of the "
    "first {sampled} rows match it by date and place or by id. Importing them as {dataset} "
    "would count every event twice. Import the file as {other} to update those events, or "
    "force the import (tracker import --force) if the two datasets really tell the same rows.":
        "Ці події вже є в базі даних як набір даних {other}: {matched} з перших {sampled} "
        "рядків збігаються з ним за датою й місцем або за ідентифікатором. Імпорт їх як "
        "{dataset} зарахував би кожну подію двічі. Імпортуйте файл як {other}, щоб оновити "
        "ті події, або примусьте імпорт (tracker import --force), якщо обидва набори даних "
        "справді містять ті самі рядки.",
    "since {day}": "від {day}",
    # Update from Source…: why a sync stopped (services/sync); nothing was written
    "{host} refused the credentials (HTTP {status}); nothing was changed":
        "{host} не прийняв облікові дані (HTTP {status}); нічого не змінено",
    "{host} refused the credentials (HTTP {status}: {detail}); nothing was changed":
        "{host} не прийняв облікові дані (HTTP {status}: {detail}); нічого не змінено",
    "{host} answered HTTP {status}; nothing was changed":
        "{host} відповів HTTP {status}; нічого не змінено",
    "{host} answered HTTP {status}: {detail}; nothing was changed":
        "{host} відповів HTTP {status}: {detail}; нічого не змінено",
    "{host} answered HTTP {status} after {tries} tries; nothing was changed":
        "{host} відповів HTTP {status} (спроб: {tries}); нічого не змінено",
    "{host} answered HTTP {status}: {detail} after {tries} tries; nothing was changed":
        "{host} відповів HTTP {status}: {detail} (спроб: {tries}); нічого не змінено",
    "could not reach {host}: {reason}; nothing was changed":
        "не вдалося з’єднатися з {host}: {reason}; нічого не змінено",
    "could not reach {host}: {reason} after {tries} tries; nothing was changed":
        "не вдалося з’єднатися з {host}: {reason} (спроб: {tries}); нічого не змінено",
    "no answer in time": "немає відповіді вчасно",
    "{host} answered with something that is not JSON ({body}); nothing was changed":
        "{host} відповів не у форматі JSON ({body}); нічого не змінено",
    "{host} asks to wait {seconds} s before the next request (HTTP {status}); try again "
    "later; nothing was changed":
        "{host} просить зачекати {seconds} с перед наступним запитом (HTTP {status}); "
        "спробуйте пізніше; нічого не змінено",
    "Cancelled on request; nothing was changed.": "Скасовано на вимогу; нічого не змінено.",
    "{host}'s page {page}: {problem}; nothing was changed":
        "{host}, сторінка {page}: {problem}; нічого не змінено",
    "{host} announced {announced} events but sent {fetched}; nothing was changed":
        "{host} оголосив подій: {announced}, але надіслав: {fetched}; нічого не змінено",
    "ACLED did not accept the e-mail and password stored for it ({error}); check them with "
    "`tracker sync acled --set-credentials` or in File › Update from Source…":
        "ACLED не прийняв збережені для нього e-mail і пароль ({error}); перевірте їх: "
        "`tracker sync acled --set-credentials` або Файл › Оновити з джерела…",
    "ACLED gave no access token for the e-mail and password stored for it; nothing was "
    "changed":
        "ACLED не видав токена доступу для збережених e-mail і пароля; нічого не змінено",
    "ACLED answered status {status}: {message}; nothing was changed":
        "ACLED відповів статусом {status}: {message}; нічого не змінено",
    "no reason given": "причину не вказано",
    "{host} answered in a shape this program does not read ({what}); nothing was changed":
        "{host} відповів у формі, якої ця програма не читає ({what}); нічого не змінено",
    "no Result list": "немає списку Result", "no data list": "немає списку data",
    "not a JSON object": "не об’єкт JSON",
    "the next page is on another server ({other}); it was not followed, so the access token "
    "stays with {host}; nothing was changed":
        "наступна сторінка на іншому сервері ({other}); за нею не перейдено, тож токен "
        "доступу лишається в {host}; нічого не змінено",
    "UCDP API access token": "токен доступу до API UCDP",
    "myACLED e-mail": "e-mail myACLED", "myACLED password": "пароль myACLED",
    "no {first} is stored for {source}: set it with `tracker sync {command} "
    "--set-credentials` (or in File › Update from Source…); nothing was changed":
        "для {source} не збережено: {first}; задайте в Файл › Оновити з джерела… (або "
        "`tracker sync {command} --set-credentials`); нічого не змінено",
    "no {first} and {second} is stored for {source}: set it with `tracker sync {command} "
    "--set-credentials` (or in File › Update from Source…); nothing was changed":
        "для {source} не збережено: {first} і {second}; задайте їх у Файл › Оновити з "
        "джерела… (або `tracker sync {command} --set-credentials`); нічого не змінено",
    "there is no keyring to keep the {label} in ({error}); set {variable} in the "
    "environment instead":
        "немає сховища ключів, щоб зберегти {label} ({error}); натомість задайте "
        "{variable} у середовищі",
    "name the country to update (e.g. --country Ukraine)":
        "назвіть країну для оновлення (напр. Україна: --country Ukraine)",
    "{version} is not a UCDP GED release (e.g. 25.1, or 25.0.10 for a Candidate release)":
        "{version} не є випуском UCDP GED (напр. 25.1 або 25.0.10 для випуску Candidate)",
    "UCDP's API filters countries by their Gleditsch–Ward number, and {country} is not one "
    "this program knows: give the number instead (e.g. --country 369 for Ukraine; UCDP's "
    "codebook lists them)":
        "API UCDP відбирає країни за номером Gleditsch–Ward, а {country} ця програма не "
        "знає: дайте натомість номер (напр. 369 для України; їх перелічено в кодовій "
        "книзі UCDP)",
    # A pair's figures (services/reconcile/pairs.py)
    "{best} (low {low}, high {high})": "{best} (мін. {low}, макс. {high})",
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
    # Record nouns (services/records/conflicts_kinds.py), lower case in sentences
    "factor": "чинник", "venue": "місце проведення", "source": "джерело",
    "participant": "учасник", "dependency": "залежність", "event link": "зв’язок події",
    "delegation member": "член делегації", "track": "трек", "person": "особа",
    "reading": "показник", "link": "зв’язок",
    # Column mapping (io/generic_layout.py)
    "Event id": "Ідентифікатор події", "Date": "Дата", "End date": "Дата кінця",
    "Sub-type": "Підтип", "Actor 1": "Учасник 1", "Actor 2": "Учасник 2",
    "Region (admin 1)": "Регіон (адмін. 1)", "District (admin 2)": "Район (адмін. 2)",
    "Place": "Місце", "Fatalities": "Загиблі", "Summary / notes": "Опис / примітки",
    "Source": "Джерело", "the dataset needs a name": "набір даних потребує назви",
    "no column is chosen for {field}": "не вибрано стовпець для поля «{field}»",
    "{field}: the file has no column {column}": "{field}: у файлі немає стовпця {column}",
    "Not a layout the program knows: you say which column holds what, next":
        "Формат, якого програма не знає: далі ви вкажете, який стовпець що містить",
    # Samples (services/common/sample_scenarios.py)
    "Talks announced for “the coming week” (2026)":
        "Переговори, оголошені «на найближчий тиждень» (2026)",
    "Trilateral talks whose date or venue may change, the factors they depend on, and "
    "strikes on energy and transport, from one news report. Its events are known only to "
    "the week: the Analysis shows them by the week they fall in.":
        "Тристоронні переговори, дата чи місце яких можуть змінитися, чинники, від яких "
        "вони залежать, і удари по енергетиці й транспорту — за одним новинним "
        "повідомленням. Його події відомі лише з точністю до тижня: Аналіз показує їх за "
        "тижнем, на який вони припадають.",
"Russia–Ukraine talks of 2022 over UCDP events":
        "Російсько-українські переговори 2022 року на тлі подій UCDP",
    "The rounds in Belarus, the Antalya meeting, the video rounds and Istanbul "
    "(February–March 2022), and the prisoner exchange of 21 September 2022, each fact "
    "sourced, over the 536 UCDP events of 2022 (CC BY 4.0).":
        "Раунди в Білорусі, зустріч в Анталії, відеораунди та Стамбул (лютий–березень "
        "2022), а також обмін полоненими 21 вересня 2022 року, кожен факт із джерелом, на "
        "тлі 536 подій UCDP 2022 року (CC BY 4.0).",
    # Schedule as known on a past day (services/rounds/as_of.py), report title (io)
    "as known on {day}": "станом на {day}",
    "When": "Коли", "Line": "Рядок", "Problem": "Проблема", "generic": "довільний CSV",
    "acled": "ACLED", "ucdp": "UCDP",
    "{first} or {last}": "{first} або {last}",
    # The chronology's words (services/chronology/chronology_text.py)
    "depends on {factor} ({effect})": "залежить від «{factor}» ({effect})",
    "{status} {format} round": "{status}, формат: {format}",
    "Participants: {names}.": "Учасники: {names}.", "Agenda: {agenda}": "Порядок денний: {agenda}",
    "{here} ({there} at the venue)": "{here} ({there} на місці проведення)",
    "{here} ({there} in the round's time zone)": "{here} ({there} у часовому поясі раунду)",
    "{count} killed": "загиблих: {count}", "{count} injured": "поранених: {count}",
    # What the analysis left out, and why.
    "{title}: date unknown": "{title}: дата невідома",
    "{label} (entered, no announcement date given)":
        "{label} (внесено, дату оголошення не вказано)",
    "{title}: dated outside the dates the tracker takes ({range})":
        "{title}: дата поза межами, які приймає програма ({range})",
    # A chronology entry for an event that does not count (issue 17).
    "{title} (not counted)": "{title} (не враховано)",
    "[{note}] {detail}": "[{note}] {detail}",
    "withdrawn by its source: a newer release no longer has it":
        "відкликано джерелом: у новішому випуску цієї події немає",
    "the same event as another dataset's record, which is counted":
        "та сама подія, що й запис іншого набору даних, який і враховано",
    "event {when}{place} ({kind})": "подія {when}{place} ({kind})",
    "round {title}": "раунд {title}", "factor {name}": "чинник {name}",
    "venue unknown": "місце невідоме",
    "all events": "усі події", "uncategorised": "без категорії", "(none)": "(немає)",
    "status: {before} → {after}": "статус: {before} → {after}",
    "venue: {before} → {after}": "місце: {before} → {after}",
    "Reason: {reason}": "Причина: {reason}", "{heading} (withdrawn)": "{heading} (відкликано)",
    "Withdrawn by the correction entered {day}{by}": "Відкликано виправленням, внесеним {day}{by}",
    "entered {when} (no announcement date given)": "внесено {when} (дату оголошення не вказано)",
    "because of {factor}": "через «{factor}»", " by {name}": " ({name})",
    # Rules and outcomes of the schedule operations (services/rounds)
    "A round needs a title": "Раунд потребує назви",
    "A {before} round cannot become {after}":
        "Раунд зі статусом «{before}» не може отримати статус «{after}»",
    "A round that was held needs at least a rough date":
        "Проведений раунд потребує хоча б приблизної дати",
    "A round cannot be marked held before it starts":
        "Раунд не можна позначити проведеним до його початку",
    "Venue {number} does not exist": "Місця проведення {number} не існує",
    "Factor {number} does not exist": "Чинника {number} не існує",
    "Source {number} does not exist": "Джерела {number} не існує",
    "Round {number} does not exist": "Раунду {number} не існує",
    "Choose the track this round belongs to": "Виберіть трек, до якого належить цей раунд",
    "Nothing changed": "Нічого не змінено",
    "Round {number} is not deleted; there is nothing to restore":
        "Раунд {number} не видалено; нічого відновлювати",
    "The round was changed elsewhere since; nothing was done, so that change is kept.":
        "Раунд відтоді змінено деінде; нічого не зроблено, тож ту зміну збережено.",
    "same days {weeks} week(s) earlier, or further back in whole weeks for a window longer "
    "than that": "ті самі дні на {weeks} тиж. раніше або ще раніше на цілі тижні для вікна, "
                 "довшого за це",
    "mean of the {count} preceding window(s)": "середнє {count} попередніх вікон",
    "Chronology report": "Звіт-хронологія",
}
