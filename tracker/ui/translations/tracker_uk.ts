<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дні</numerusform>
            <numerusform>%n днів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fatalities: {dead} (no figure for %n event(s))</source>
        <translation>
            <numerusform>Загиблі: {dead} (немає даних для %n події)</numerusform>
            <numerusform>Загиблі: {dead} (немає даних для %n подій)</numerusform>
            <numerusform>Загиблі: {dead} (немає даних для %n подій)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{when}: %n linked event(s)</source>
        <translation>
            <numerusform>{when}: %n пов’язана подія</numerusform>
            <numerusform>{when}: %n пов’язані події</numerusform>
            <numerusform>{when}: %n пов’язаних подій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+ %n round(s) with no date</source>
        <translation>
            <numerusform>+ %n раунд без дати</numerusform>
            <numerusform>+ %n раунди без дати</numerusform>
            <numerusform>+ %n раундів без дати</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n time(s)</source>
        <translation>
            <numerusform>Переносили %n раз</numerusform>
            <numerusform>Переносили %n рази</numerusform>
            <numerusform>Переносили %n разів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events · {killed} killed · {injured} injured</source>
        <translation>
            <numerusform>%n подія · загиблих: {killed} · поранених: {injured}</numerusform>
            <numerusform>%n події · загиблих: {killed} · поранених: {injured}</numerusform>
            <numerusform>%n подій · загиблих: {killed} · поранених: {injured}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{category}: %n events, {killed} killed</source>
        <translation>
            <numerusform>{category}: %n подія, загиблих: {killed}</numerusform>
            <numerusform>{category}: %n події, загиблих: {killed}</numerusform>
            <numerusform>{category}: %n подій, загиблих: {killed}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n round(s) to {path}</source>
        <translation>
            <numerusform>Експортовано %n раунд до {path}</numerusform>
            <numerusform>Експортовано %n раунди до {path}</numerusform>
            <numerusform>Експортовано %n раундів до {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байти</numerusform>
            <numerusform>%n байтів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{encoding} · %n lines · {size}</source>
        <translation>
            <numerusform>{encoding} · %n рядок · {size}</numerusform>
            <numerusform>{encoding} · %n рядки · {size}</numerusform>
            <numerusform>{encoding} · %n рядків · {size}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing {file}: {done} of %n events</source>
        <translation>
            <numerusform>Імпорт {file}: {done} з %n події</numerusform>
            <numerusform>Імпорт {file}: {done} з %n подій</numerusform>
            <numerusform>Імпорт {file}: {done} з %n подій</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Зміни</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Нова база даних…</translation>
    </message>
    <message>
        <source>Create a new, empty database file and open it</source>
        <translation>Створити новий порожній файл бази даних і відкрити його</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Відкрити базу даних…</translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation>Відкрити інший файл бази даних</translation>
    </message>
    <message>
        <source>Open Sa&amp;mple…</source>
        <translation>Відкрити &amp;зразок…</translation>
    </message>
    <message>
        <source>Open a sample scenario (2026, or the 2022 talks over UCDP events) in a database of its own</source>
        <translation>Відкрити зразковий сценарій (2026 рік або переговори 2022 року на тлі подій UCDP) в окремій базі даних</translation>
    </message>
    <message>
        <source>&amp;Import Events…</source>
        <translation>&amp;Імпортувати події…</translation>
    </message>
    <message>
        <source>Add battlefield events from an ACLED, UCDP or other CSV file (or drop the file on the window)</source>
        <translation>Додати бойові події з файлу ACLED, UCDP чи іншого CSV (або перетягніть файл на вікно)</translation>
    </message>
    <message>
        <source>Import &amp;Calendar…</source>
        <translation>Імпортувати &amp;календар…</translation>
    </message>
    <message>
        <source>Add or update rounds from an iCalendar (.ics) file, matched by UID (undo takes the whole import back)</source>
        <translation>Додати або оновити раунди з файлу iCalendar (.ics), зіставляючи за UID (скасування повертає весь імпорт)</translation>
    </message>
    <message>
        <source>&amp;Update from Source…</source>
        <translation>&amp;Оновити з джерела…</translation>
    </message>
    <message>
        <source>Fetch a country&apos;s events from UCDP&apos;s or ACLED&apos;s API and import them as their file would be</source>
        <translation>Отримати події країни через API UCDP або ACLED та імпортувати їх так само, як їхній файл</translation>
    </message>
    <message>
        <source>&amp;Export Chronology…</source>
        <translation>&amp;Експортувати хронологію…</translation>
    </message>
    <message>
        <source>Write the chronology to a CSV, JSON or Markdown file</source>
        <translation>Записати хронологію у файл CSV, JSON або Markdown</translation>
    </message>
    <message>
        <source>Export &amp;Schedule…</source>
        <translation>Експортувати &amp;розклад…</translation>
    </message>
    <message>
        <source>Write the rounds as an iCalendar (.ics) file that calendars import and update when a round moves</source>
        <translation>Записати раунди у файл iCalendar (.ics), який календарі імпортують і оновлюють, коли раунд переноситься</translation>
    </message>
    <message>
        <source>Export &amp;Timeline for the Web…</source>
        <translation>Експортувати &amp;часову шкалу для вебу…</translation>
    </message>
    <message>
        <source>Write the rounds, changes, readings and linked events as a TimelineJS timeline: its data (.json) and a web page (.html) that shows it</source>
        <translation>Записати раунди, зміни, показники й пов’язані події як часову шкалу TimelineJS: її дані (.json) і вебсторінку (.html), що її показує</translation>
    </message>
    <message>
        <source>Export Timeline for the Web (&amp;Offline)…</source>
        <translation>Експортувати часову шкалу для вебу (&amp;офлайн)…</translation>
    </message>
    <message>
        <source>The same, with a copy of TimelineJS (its npm package) beside the page, which then loads nothing from the network</source>
        <translation>Те саме, з копією TimelineJS (її пакета npm) поруч зі сторінкою, яка тоді нічого не завантажує з мережі</translation>
    </message>
    <message>
        <source>Export &amp;Archive…</source>
        <translation>Експортувати &amp;архів…</translation>
    </message>
    <message>
        <source>Write the whole database (history, sources, links, events) to one JSON file that Import Archive loads losslessly</source>
        <translation>Записати всю базу даних (історію, джерела, зв’язки, події) в один файл JSON, який «Імпортувати архів» завантажує без втрат</translation>
    </message>
    <message>
        <source>Import Ar&amp;chive…</source>
        <translation>Імпортувати ар&amp;хів…</translation>
    </message>
    <message>
        <source>Load an archive into a new database file, then open it</source>
        <translation>Завантажити архів у новий файл бази даних і відкрити його</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>&amp;Резервна копія…</translation>
    </message>
    <message>
        <source>Copy the open database to a file you choose, safely while it is in use (see the README for restoring)</source>
        <translation>Безпечно скопіювати відкриту базу даних у вибраний файл, навіть під час роботи з нею (про відновлення див. README)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Закрити вікно</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Скасувати останню зміну</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>Повторити щойно скасовану зміну</translation>
    </message>
    <message>
        <source>&amp;New Round…</source>
        <translation>&amp;Новий раунд…</translation>
    </message>
    <message>
        <source>Add a round of talks to a track</source>
        <translation>Додати раунд переговорів до треку</translation>
    </message>
    <message>
        <source>New &amp;Factor…</source>
        <translation>Новий &amp;чинник…</translation>
    </message>
    <message>
        <source>Add an outside condition the schedule depends on</source>
        <translation>Додати зовнішню умову, від якої залежить розклад</translation>
    </message>
    <message>
        <source>&amp;Edit Details…</source>
        <translation>&amp;Редагувати подробиці…</translation>
    </message>
    <message>
        <source>Change the selected round&apos;s title, format, modality, agenda or outcome</source>
        <translation>Змінити назву, формат, спосіб проведення, порядок денний або підсумок вибраного раунду</translation>
    </message>
    <message>
        <source>Re&amp;schedule…</source>
        <translation>&amp;Перенести…</translation>
    </message>
    <message>
        <source>Give the selected round a new date or time</source>
        <translation>Призначити вибраному раунду нову дату чи час</translation>
    </message>
    <message>
        <source>Re&amp;locate…</source>
        <translation>Змінити &amp;місце…</translation>
    </message>
    <message>
        <source>Move the selected round to another venue</source>
        <translation>Перенести вибраний раунд в інше місце</translation>
    </message>
    <message>
        <source>&amp;Postpone…</source>
        <translation>&amp;Відкласти…</translation>
    </message>
    <message>
        <source>Postpone the selected round; its date becomes unknown</source>
        <translation>Відкласти вибраний раунд; його дата стає невідомою</translation>
    </message>
    <message>
        <source>&amp;Cancel Round…</source>
        <translation>Скасувати &amp;раунд…</translation>
    </message>
    <message>
        <source>Record that the selected round was called off</source>
        <translation>Записати, що вибраний раунд скасовано</translation>
    </message>
    <message>
        <source>Mark &amp;Held…</source>
        <translation>Позначити &amp;проведеним…</translation>
    </message>
    <message>
        <source>Record that the selected round took place</source>
        <translation>Записати, що вибраний раунд відбувся</translation>
    </message>
    <message>
        <source>Lin&amp;k Events…</source>
        <translation>&amp;Зв’язати події…</translation>
    </message>
    <message>
        <source>Link battlefield events to the selected round</source>
        <translation>Пов’язати бойові події з вибраним раундом</translation>
    </message>
    <message>
        <source>Rec&amp;oncile Datasets…</source>
        <translation>З&amp;іставити набори даних…</translation>
    </message>
    <message>
        <source>Find events two datasets both report, and decide which are one</source>
        <translation>Знайти події, про які повідомляють обидва набори даних, і вирішити, які з них — одна й та сама</translation>
    </message>
    <message>
        <source>Claims on a Day and &amp;Place…</source>
        <translation>Твердження про день і &amp;місце…</translation>
    </message>
    <message>
        <source>Figures (killed, drones intercepted…) about a day and a place that no recorded event carries yet</source>
        <translation>Цифри (загиблі, збиті дрони…) про день і місце, яких ще не містить жодна записана подія</translation>
    </message>
    <message>
        <source>Suggest &amp;Target Categories</source>
        <translation>Запропонувати &amp;категорії цілей</translation>
    </message>
    <message>
        <source>Run the target rules again over every event no analyst has decided (progress and Cancel in the status bar)</source>
        <translation>Знову застосувати правила цілей до кожної події, щодо якої аналітик ще не вирішив (хід і «Скасувати» — у рядку стану)</translation>
    </message>
    <message>
        <source>&amp;Delete Round</source>
        <translation>В&amp;идалити раунд</translation>
    </message>
    <message>
        <source>Delete the selected round (its history is kept; undo restores it)</source>
        <translation>Видалити вибраний раунд (його історія зберігається; скасування відновлює його)</translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation>&amp;Раунди</translation>
    </message>
    <message>
        <source>Show the rounds of talks</source>
        <translation>Показати раунди переговорів</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Часова шкала</translation>
    </message>
    <message>
        <source>Show rounds, factors and battlefield events on one time axis</source>
        <translation>Показати раунди, чинники й бойові події на одній осі часу</translation>
    </message>
    <message>
        <source>&amp;Factors</source>
        <translation>Чи&amp;нники</translation>
    </message>
    <message>
        <source>Show the outside factors the schedule depends on</source>
        <translation>Показати зовнішні чинники, від яких залежить розклад</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Події</translation>
    </message>
    <message>
        <source>Show battlefield events</source>
        <translation>Показати бойові події</translation>
    </message>
    <message>
        <source>&amp;Chronology</source>
        <translation>&amp;Хронологія</translation>
    </message>
    <message>
        <source>Show everything in time order</source>
        <translation>Показати все за часом</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Аналіз</translation>
    </message>
    <message>
        <source>Count events before, during and after each round against a baseline</source>
        <translation>Порахувати події до, під час і після кожного раунду порівняно з базовим рівнем</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Мапа</translation>
    </message>
    <message>
        <source>Show battlefield events and venues on a map</source>
        <translation>Показати бойові події та місця проведення на мапі</translation>
    </message>
    <message>
        <source>Round &amp;Details Pane</source>
        <translation>Панель &amp;подробиць раунду</translation>
    </message>
    <message>
        <source>Show or hide the selected round&apos;s details</source>
        <translation>Показати або сховати подробиці вибраного раунду</translation>
    </message>
    <message>
        <source>&amp;As of Date…</source>
        <translation>&amp;Станом на дату…</translation>
    </message>
    <message>
        <source>Show the schedule as it was known on a past day (editing is off meanwhile)</source>
        <translation>Показати розклад таким, яким він був відомий певного дня в минулому (редагування тим часом вимкнено)</translation>
    </message>
    <message>
        <source>Your &amp;Time Zone…</source>
        <translation>Ваш &amp;часовий пояс…</translation>
    </message>
    <message>
        <source>Choose the zone times are shown in beside the venue&apos;s own</source>
        <translation>Вибрати пояс, у якому час показується поруч із поясом місця проведення</translation>
    </message>
    <message>
        <source>Your &amp;Name…</source>
        <translation>Ваше &amp;ім’я…</translation>
    </message>
    <message>
        <source>The name your changes are recorded under (otherwise your computer login)</source>
        <translation>Ім’я, під яким записуються ваші зміни (інакше — ваш обліковий запис на комп’ютері)</translation>
    </message>
    <message>
        <source>Change &amp;Log…</source>
        <translation>&amp;Журнал змін…</translation>
    </message>
    <message>
        <source>Who added, changed or deleted what, and when</source>
        <translation>Хто що додав, змінив чи видалив і коли</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Посібник</translation>
    </message>
    <message>
        <source>How to do the main jobs, with pictures</source>
        <translation>Як виконувати основні завдання, з ілюстраціями</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Every action that has a shortcut, menu by menu</source>
        <translation>Усі дії, що мають скорочення, меню за меню</translation>
    </message>
    <message>
        <source>&amp;About Negotiation Tracker</source>
        <translation>&amp;Про Трекер переговорів</translation>
    </message>
    <message>
        <source>Version, licence and data credits</source>
        <translation>Версія, ліцензія та джерела даних</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Про &amp;Qt</translation>
    </message>
    <message>
        <source>The Qt version this program uses</source>
        <translation>Версія Qt, яку використовує програма</translation>
    </message>
</context>
<context>
    <name>AddDependencyDialog</name>
    <message>
        <source>Add dependency</source>
        <translation>Додати залежність</translation>
    </message>
    <message>
        <source>How the factor bears on the round</source>
        <translation>Як чинник впливає на раунд</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Раунд:</translation>
    </message>
    <message>
        <source>Effect:</source>
        <translation>Вплив:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примітка:</translation>
    </message>
    <message>
        <source>There are no rounds yet.</source>
        <translation>Раундів ще немає.</translation>
    </message>
    <message>
        <source>The round already depends on this factor that way.</source>
        <translation>Раунд уже залежить від цього чинника саме так.</translation>
    </message>
</context>
<context>
    <name>AddReadingDialog</name>
    <message>
        <source>Add factor reading</source>
        <translation>Додати показник чинника</translation>
    </message>
    <message>
        <source>A date and time in {zone}, e.g. &apos;2026-02-01 14:30&apos; or &apos;1 Feb 2026&apos; (midnight)</source>
        <translation>Дата й час у поясі {zone}, напр. «2026-02-01 14:30» або «2026-02-01» (північ)</translation>
    </message>
    <message>
        <source>What was observed, and where it was reported</source>
        <translation>Що спостерігали і де про це повідомили</translation>
    </message>
    <message>
        <source>Add reading</source>
        <translation>Додати показник</translation>
    </message>
    <message>
        <source>Observed at ({zone}):</source>
        <translation>Спостережено ({zone}):</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Рівень:</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Тенденція:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примітка:</translation>
    </message>
    <message>
        <source>A reading needs a day or a time, not a week or month</source>
        <translation>Показник потребує дня або часу, а не тижня чи місяця</translation>
    </message>
    <message>
        <source>Read as {when}</source>
        <translation>Прочитано як {when}</translation>
    </message>
</context>
<context>
    <name>AnalysisChart</name>
    <message>
        <source>rounds</source>
        <translation>раунди</translation>
    </message>
    <message>
        <source>schedule changes</source>
        <translation>зміни розкладу</translation>
    </message>
    <message>
        <source>factor readings</source>
        <translation>показники чинників</translation>
    </message>
    <message>
        <source>Before, during and after each round</source>
        <translation>До, під час і після кожного раунду</translation>
    </message>
    <message>
        <source>Events over time, rounds marked</source>
        <translation>Події в часі з позначеними раундами</translation>
    </message>
    <message>
        <source>Select a row to compare its windows</source>
        <translation>Виберіть рядок, щоб порівняти його вікна</translation>
    </message>
    <message>
        <source>window, to the day</source>
        <translation>вікно, з точністю до дня</translation>
    </message>
    <message>
        <source>window, all its days in it</source>
        <translation>вікно, усі можливі дні в ньому</translation>
    </message>
    <message>
        <source>baseline, to the day</source>
        <translation>базовий рівень, з точністю до дня</translation>
    </message>
    <message>
        <source>Nothing analysed yet</source>
        <translation>Ще нічого не проаналізовано</translation>
    </message>
    <message>
        <source>{measure} per day: none reported to the day here; the events are known only to the week</source>
        <translation>{measure} за день: тут жодної не повідомлено з точністю до дня; події відомі лише з точністю до тижня</translation>
    </message>
    <message>
        <source>{measure} per day (reported to the day)</source>
        <translation>{measure} на день (з точністю до дня)</translation>
    </message>
    <message>
        <source>{measure} per day</source>
        <translation>{measure} на день</translation>
    </message>
    <message>
        <source>anchors</source>
        <translation>опорні точки</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>вибране</translation>
    </message>
    <message>
        <source>{path}: the image could not be encoded</source>
        <translation>{path}: не вдалося закодувати зображення</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Аналіз</translation>
    </message>
</context>
<context>
    <name>AnalysisControls</name>
    <message>
        <source>Rounds</source>
        <translation>Раунди</translation>
    </message>
    <message>
        <source>Schedule changes</source>
        <translation>Зміни розкладу</translation>
    </message>
    <message>
        <source>Factor readings</source>
        <translation>Показники чинників</translation>
    </message>
    <message>
        <source>Same days, weeks earlier</source>
        <translation>Ті самі дні, тижнями раніше</translation>
    </message>
    <message>
        <source>Trailing mean of windows</source>
        <translation>Середнє попередніх вікон</translation>
    </message>
    <message>
        <source>Nothing (totals)</source>
        <translation>Нічого (підсумки)</translation>
    </message>
    <message>
        <source>Target category</source>
        <translation>Категорія цілі</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регіон</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Тип події</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>Загиблі</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>Поранені</translation>
    </message>
    <message>
        <source>What the windows are counted around</source>
        <translation>Навколо чого рахуються вікна</translation>
    </message>
    <message>
        <source>Days in the before and after windows</source>
        <translation>Кількість днів у вікнах «до» і «після»</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>What each window is compared with</source>
        <translation>З чим порівнюється кожне вікно</translation>
    </message>
    <message>
        <source>Baseline span</source>
        <translation>Період базового рівня</translation>
    </message>
    <message>
        <source>Count each target category, region or type apart</source>
        <translation>Рахувати окремо кожну категорію цілі, регіон чи тип</translation>
    </message>
    <message>
        <source>What the ratio, difference and charts compare</source>
        <translation>Що порівнюють відношення, різниця й діаграми</translation>
    </message>
    <message>
        <source>Around:</source>
        <translation>Навколо:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Вікно:</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Базовий рівень:</translation>
    </message>
    <message>
        <source>Split by:</source>
        <translation>Розбити за:</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>Міра:</translation>
    </message>
    <message>
        <source> weeks earlier</source>
        <translation> тиж. раніше</translation>
    </message>
    <message>
        <source>How many weeks before each window its baseline lies</source>
        <translation>За скільки тижнів до кожного вікна лежить його базовий рівень</translation>
    </message>
    <message>
        <source> windows</source>
        <translation> вікон</translation>
    </message>
    <message>
        <source>How many windows of the same length, just before each window, are averaged as its baseline</source>
        <translation>Скільки вікон такої самої довжини безпосередньо перед кожним вікном усереднюються як його базовий рівень</translation>
    </message>
</context>
<context>
    <name>AnalysisExport</name>
    <message>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>Зображення PNG (*.png);;Малюнки SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Експорт не вдався</translation>
    </message>
    <message>
        <source>Export Analysis Table</source>
        <translation>Експорт таблиці аналізу</translation>
    </message>
    <message>
        <source>Export Analysis Chart</source>
        <translation>Експорт діаграми аналізу</translation>
    </message>
</context>
<context>
    <name>AnalysisModel</name>
    <message>
        <source>no baseline</source>
        <translation>немає базового рівня</translation>
    </message>
</context>
<context>
    <name>AnalysisTableModel</name>
    <message>
        <source>In {measure}: the events known only to the week (or the month, or reported over several days) whose every possible day lies in this window, so certainly in it, though on no known day. They are not in the counts, the baseline or the ratio, which stay to the day.</source>
        <translation>Повністю у вікні ({measure}): події, відомі лише з точністю до тижня (або місяця, або повідомлені за кілька днів), кожен можливий день яких лежить у цьому вікні, тож вони напевно в ньому, хоч і не в відомий день. Їх немає в підрахунках, базовому рівні чи співвідношенні, які лишаються з точністю до дня.</translation>
    </message>
    <message>
        <source>{label}
{kind}, {days} ({precision}, days in {zone})</source>
        <translation>{label}
{kind}, {days} ({precision}, дні в поясі {zone})</translation>
    </message>
    <message>
        <source>Baseline: {days}, {baseline}</source>
        <translation>Базовий рівень: {days}, {baseline}</translation>
    </message>
    <message>
        <source>Events reported only to the week or month whose date falls in this window; not counted, as their day is not known</source>
        <translation>Події, повідомлені лише з точністю до тижня чи місяця, дата яких потрапляє в це вікно; не пораховані, бо їхній день невідомий</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Baseline {measure}</source>
        <translation>Базовий рівень: {measure}</translation>
    </message>
    <message>
        <source>same days, weeks earlier</source>
        <translation>ті самі дні, тижнями раніше</translation>
    </message>
    <message>
        <source>mean of the preceding windows</source>
        <translation>середнє попередніх вікон</translation>
    </message>
    <message>
        <source>{measure} in the window against the baseline (ratio: window ÷ baseline)</source>
        <translation>{measure} у вікні порівняно з базовим рівнем (відношення: вікно ÷ базовий рівень)</translation>
    </message>
    <message>
        <source>{measure} in the window against the baseline</source>
        <translation>{measure} у вікні порівняно з базовим рівнем</translation>
    </message>
    <message>
        <source>Week- or month-precision events dated in the window (not counted)</source>
        <translation>Події з точністю до тижня чи місяця, датовані у вікні (не пораховані)</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>No rounds with a known date to analyse. Give a round a date (even just a week or a month) and its windows are counted here.</source>
        <translation>Немає раундів із відомою датою для аналізу. Призначте раунду дату (навіть лише тиждень чи місяць), і його вікна буде пораховано тут.</translation>
    </message>
    <message>
        <source>No schedule changes to analyse yet.</source>
        <translation>Змін розкладу для аналізу ще немає.</translation>
    </message>
    <message>
        <source>No factor readings to analyse yet.</source>
        <translation>Показників чинників для аналізу ще немає.</translation>
    </message>
    <message>
        <source>Counting around rounds…</source>
        <translation>Підрахунок навколо раундів…</translation>
    </message>
    <message>
        <source>Counting around schedule changes…</source>
        <translation>Підрахунок навколо змін розкладу…</translation>
    </message>
    <message>
        <source>Counting around factor readings…</source>
        <translation>Підрахунок навколо показників чинників…</translation>
    </message>
    <message>
        <source>Some events here are known only to the week, or reported over several days, so they are not counted on a day. “Wholly in” and the bars of their own count those whose every possible day falls inside a window (the whole week); the baseline and the ratio stay to the day.</source>
        <translation>Деякі події тут відомі лише з точністю до тижня або повідомлені за кілька днів, тож їх не зараховано до жодного дня. «Повністю у вікні» та окремі стовпці рахують ті, кожен можливий день яких припадає на вікно (увесь тиждень); базовий рівень і співвідношення лишаються з точністю до дня.</translation>
    </message>
    <message>
        <source>Analysis by round</source>
        <translation>Аналіз за раундами</translation>
    </message>
    <message numerus="yes">
        <source>%n round(s) analysed</source>
        <translation>
            <numerusform>Проаналізовано %n раунд</numerusform>
            <numerusform>Проаналізовано %n раунди</numerusform>
            <numerusform>Проаналізовано %n раундів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schedule change(s) analysed</source>
        <translation>
            <numerusform>Проаналізовано %n зміну розкладу</numerusform>
            <numerusform>Проаналізовано %n зміни розкладу</numerusform>
            <numerusform>Проаналізовано %n змін розкладу</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n factor reading(s) analysed</source>
        <translation>
            <numerusform>Проаналізовано %n показник чинника</numerusform>
            <numerusform>Проаналізовано %n показники чинників</numerusform>
            <numerusform>Проаналізовано %n показників чинників</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Експортовано до {path}</translation>
    </message>
    <message>
        <source>target {category}</source>
        <translation>ціль: {category}</translation>
    </message>
    <message>
        <source>in {place}</source>
        <translation>у {place}</translation>
    </message>
    <message>
        <source>Events: all</source>
        <translation>Події: усі</translation>
    </message>
    <message>
        <source>Events: {filters}</source>
        <translation>Події: {filters}</translation>
    </message>
    <message>
        <source>The Events view&apos;s filters apply here, except its dates: each window sets its own days.</source>
        <translation>Тут діють фільтри вкладки «Події», крім дат: кожне вікно задає власні дні.</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Експортувати таблицю…</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Експортувати діаграму…</translation>
    </message>
    <message>
        <source>{analysed}; left out: {skipped}</source>
        <translation>{analysed}; пропущено: {skipped}</translation>
    </message>
    <message>
        <source>Could not count: {error}</source>
        <translation>Не вдалося порахувати: {error}</translation>
    </message>
</context>
<context>
    <name>AnnouncedInput</name>
    <message>
        <source>Empty: the source&apos;s publication day, otherwise now</source>
        <translation>Порожньо — день публікації джерела, інакше зараз</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Оголошено</translation>
    </message>
    <message>
        <source>When the change was made public: a day (1 Feb 2026) or a time in {zone} (1 Feb 2026 15:00). The chronology dates and orders the change by it.</source>
        <translation>Коли зміну оприлюднили: день (2026-02-01) або час у поясі {zone} (2026-02-01 15:00). Хронологія датує й упорядковує зміну за цим.</translation>
    </message>
    <message>
        <source>→ {when} (the day)</source>
        <translation>→ {when} (день)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The last database could not be opened, so the default one was opened instead.

{error}</source>
        <translation>Не вдалося відкрити останню базу даних, тому відкрито типову.

{error}</translation>
    </message>
    <message>
        <source>the sample scenario</source>
        <translation>зразковий сценарій</translation>
    </message>
    <message>
        <source>the default database</source>
        <translation>базу даних за замовчуванням</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Системна</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>С&amp;вітла</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Темна</translation>
    </message>
</context>
<context>
    <name>AppearanceMenu</name>
    <message>
        <source>A&amp;ppearance</source>
        <translation>&amp;Оформлення</translation>
    </message>
    <message>
        <source>Follow the computer&apos;s light or dark setting</source>
        <translation>Як світле чи темне налаштування комп’ютера</translation>
    </message>
    <message>
        <source>Dark text on a light background</source>
        <translation>Темний текст на світлому тлі</translation>
    </message>
    <message>
        <source>Light text on a dark background</source>
        <translation>Світлий текст на темному тлі</translation>
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Export Archive</source>
        <translation>Експорт архіву</translation>
    </message>
    <message>
        <source>Archive export</source>
        <translation>Експорт архіву</translation>
    </message>
    <message>
        <source>the archive export</source>
        <translation>експорт архіву</translation>
    </message>
    <message>
        <source>Exporting the archive to {path}…</source>
        <translation>Експорт архіву до {path}…</translation>
    </message>
    <message>
        <source>Import Archive</source>
        <translation>Імпорт архіву</translation>
    </message>
    <message>
        <source>New Database for the Archive</source>
        <translation>Нова база даних для архіву</translation>
    </message>
    <message>
        <source>{path} already exists.

An archive is imported into a new database: choose a new file name.</source>
        <translation>{path} уже існує.

Архів імпортується в нову базу даних: виберіть нове ім’я файлу.</translation>
    </message>
    <message>
        <source>Archive import</source>
        <translation>Імпорт архіву</translation>
    </message>
    <message>
        <source>the archive import</source>
        <translation>імпорт архіву</translation>
    </message>
    <message>
        <source>Importing {file} into {path}…</source>
        <translation>Імпорт {file} до {path}…</translation>
    </message>
    <message>
        <source>Archive of {contents} written to {path}</source>
        <translation>Архів ({contents}) записано до {path}</translation>
    </message>
    <message>
        <source>Archive imported into {path}: {contents}</source>
        <translation>Архів імпортовано до {path}: {contents}</translation>
    </message>
    <message>
        <source>Archive Imported</source>
        <translation>Архів імпортовано</translation>
    </message>
    <message>
        <source>{contents} imported into {path}.

Open it now?</source>
        <translation>{contents} імпортовано до {path}.

Відкрити зараз?</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Не вдається відкрити базу даних</translation>
    </message>
    <message>
        <source>The archive task was cancelled; nothing was written</source>
        <translation>Роботу з архівом скасовано; нічого не записано</translation>
    </message>
    <message>
        <source>The archive task failed; nothing was written</source>
        <translation>Робота з архівом не вдалася; нічого не записано</translation>
    </message>
    <message>
        <source>Archive Failed</source>
        <translation>Робота з архівом не вдалася</translation>
    </message>
</context>
<context>
    <name>AsOfBanner</name>
    <message>
        <source>Other &amp;Day…</source>
        <translation>Інший &amp;день…</translation>
    </message>
    <message>
        <source>Show the schedule as known on another day</source>
        <translation>Показати розклад, відомий іншого дня</translation>
    </message>
    <message>
        <source>&amp;Back to Today</source>
        <translation>&amp;Назад до сьогодні</translation>
    </message>
    <message>
        <source>Show the schedule as it is now, and edit again (Esc)</source>
        <translation>Показати розклад, яким він є зараз, і знову редагувати (Esc)</translation>
    </message>
    <message>
        <source>Showing the schedule {as_of} ({zone}) — editing is off.</source>
        <translation>Показано розклад {as_of} ({zone}) — редагування вимкнено.</translation>
    </message>
</context>
<context>
    <name>AsOfDialog</name>
    <message>
        <source>As of Date</source>
        <translation>Станом на дату</translation>
    </message>
    <message>
        <source>Show the schedule as it was known at the end of this day ({zone}), rebuilt from when each change was announced. Editing is off while it is shown.</source>
        <translation>Показати розклад таким, яким він був відомий наприкінці цього дня ({zone}), відтворений за часом оголошення кожної зміни. Поки його показано, редагування вимкнено.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;День:</translation>
    </message>
</context>
<context>
    <name>AsOfMode</name>
    <message>
        <source>the schedule {as_of} is shown; Back to Today (Esc) turns editing on again</source>
        <translation>показано розклад {as_of}; «Назад до сьогодні» (Esc) знову вмикає редагування</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Negotiation Tracker backups (*.db *.bak);;All files (*)</source>
        <translation>Резервні копії Трекера переговорів (*.db *.bak);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Back Up Database</source>
        <translation>Резервна копія бази даних</translation>
    </message>
    <message>
        <source>{server} is a database server: its administrator backs it up with the server&apos;s own tools (pg_dump).

Export the whole database to an archive file instead? File › Import Archive… restores an archive into a new database.</source>
        <translation>{server} — це сервер баз даних: його адміністратор робить резервні копії засобами самого сервера (pg_dump).

Експортувати натомість усю базу даних в архівний файл? Файл › Імпортувати архів… відновлює архів у нову базу даних.</translation>
    </message>
    <message>
        <source>The backup was not written.

{error}</source>
        <translation>Резервну копію не записано.

{error}</translation>
    </message>
    <message>
        <source>Backing up to {path}…</source>
        <translation>Резервне копіювання до {path}…</translation>
    </message>
    <message>
        <source>the backup</source>
        <translation>резервне копіювання</translation>
    </message>
    <message>
        <source>the database is being backed up; edits can be saved after the backup finishes</source>
        <translation>триває резервне копіювання бази даних; зміни можна буде зберегти після його завершення</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>Резервну копію збережено до {path}</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>iCalendar files</source>
        <translation>Файли iCalendar</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Читання {file}…</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>Імпорт {file}</translation>
    </message>
    <message>
        <source>the calendar import</source>
        <translation>імпорт календаря</translation>
    </message>
    <message>
        <source>{file} is being imported; edits can be saved after the import finishes</source>
        <translation>Триває імпорт {file}; зміни можна буде зберегти після завершення імпорту</translation>
    </message>
    <message>
        <source>Import Calendar</source>
        <translation>Імпорт календаря</translation>
    </message>
    <message>
        <source>Calendar Imported</source>
        <translation>Календар імпортовано</translation>
    </message>
    <message>
        <source>The import of {file} was cancelled; nothing was imported</source>
        <translation>Імпорт {file} скасовано; нічого не імпортовано</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>Nothing was imported; the database is as it was.</source>
        <translation>Нічого не імпортовано; база даних залишилася такою, як була.</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Імпорт не вдався</translation>
    </message>
    <message>
        <source>{added} rounds added, {updated} updated, {unchanged} unchanged, {refused} refused, from {file}.</source>
        <translation>Раундів додано: {added}, оновлено: {updated}, без змін: {unchanged}, відхилено: {refused}, з {file}.</translation>
    </message>
    <message>
        <source>Edit › Undo takes the whole import back.</source>
        <translation>Зміни › Скасувати повертає весь імпорт.</translation>
    </message>
    <message>
        <source>Refused: {problem}</source>
        <translation>Відхилено: {problem}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… і ще {count}</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change Log</source>
        <translation>Журнал змін</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Зміни</translation>
    </message>
    <message>
        <source>Every record added, changed or deleted, by whom, newest first. The schedule&apos;s own history, with reasons, is in each round&apos;s details.</source>
        <translation>Кожен доданий, змінений чи видалений запис і хто це зробив, найновіші спершу. Власна історія розкладу з причинами — у подробицях кожного раунду.</translation>
    </message>
</context>
<context>
    <name>ChangeLogModel</name>
    <message>
        <source>When the change was saved, in your time zone ({zone})</source>
        <translation>Коли зміну збережено, у вашому поясі ({zone})</translation>
    </message>
</context>
<context>
    <name>ChooseTargetDialog</name>
    <message>
        <source>Set Target</source>
        <translation>Задати ціль</translation>
    </message>
    <message>
        <source>Target category</source>
        <translation>Категорія цілі</translation>
    </message>
    <message>
        <source>&amp;Target of the {count} selected events:</source>
        <translation>&amp;Ціль вибраних подій ({count}):</translation>
    </message>
    <message>
        <source>&amp;Target of the selected event:</source>
        <translation>&amp;Ціль вибраної події:</translation>
    </message>
</context>
<context>
    <name>ChronologyDetail</name>
    <message>
        <source>Open the round in the Rounds tab</source>
        <translation>Відкрити раунд на вкладці «Раунди»</translation>
    </message>
    <message>
        <source>Open the event in the Events tab</source>
        <translation>Відкрити подію на вкладці «Події»</translation>
    </message>
    <message>
        <source>Select an entry to read it in full here.</source>
        <translation>Виберіть запис, щоб прочитати його тут повністю.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Зв’язки</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
</context>
<context>
    <name>ChronologyDetailPane</name>
    <message>
        <source>Selected entry</source>
        <translation>Вибраний запис</translation>
    </message>
</context>
<context>
    <name>ChronologyExport</name>
    <message>
        <source>Exporting the chronology to {path}…</source>
        <translation>Експорт хронології до {path}…</translation>
    </message>
    <message>
        <source>Exporting the chronology: {written} of {total} entries written…</source>
        <translation>Експорт хронології: записано {written} із {total} записів…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chronology entries to {path}</source>
        <translation>
            <numerusform>Експортовано %n запис хронології до {path}</numerusform>
            <numerusform>Експортовано %n записи хронології до {path}</numerusform>
            <numerusform>Експортовано %n записів хронології до {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChronologyView</name>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>First day to show</source>
        <translation>Перший день для показу</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Від дати</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Last day to show</source>
        <translation>Останній день для показу</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>До дати</translation>
    </message>
    <message>
        <source>Show corrections (undone entries)</source>
        <translation>Показувати виправлення (скасовані записи)</translation>
    </message>
    <message>
        <source>List each undone change marked as withdrawn, and each undo and redo as a correction; off, an undone change is left out with its undo</source>
        <translation>Показувати кожну скасовану зміну як відкликану, а кожне скасування й повторення — як виправлення; якщо вимкнено, скасована зміна не показується разом зі своїм скасуванням</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>Хронологія</translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies)</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing happened in this period.</source>
        <translation>У цей період нічого не сталося.</translation>
    </message>
    <message>
        <source>The chronology is empty. Add a round (Edit › New Round…) or a factor (Edit › New Factor…) and it is listed here in time order.</source>
        <translation>Хронологія порожня. Додайте раунд (Зміни › Новий раунд…) або чинник (Зміни › Новий чинник…), і його буде показано тут за часом.</translation>
    </message>
</context>
<context>
    <name>CitedSourcesList</name>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Sources cited; Enter or a double-click edits the selected one</source>
        <translation>Цитовані джерела; Enter або подвійне клацання редагує вибране</translation>
    </message>
    <message>
        <source>Edit &amp;Source…</source>
        <translation>Редагувати &amp;джерело…</translation>
    </message>
    <message>
        <source>Correct the selected source (outlet, title, address, dates, reliability) wherever it is cited</source>
        <translation>Виправити вибране джерело (видання, назву, адресу, дати, надійність) усюди, де його цитовано</translation>
    </message>
</context>
<context>
    <name>CitingChangesModel</name>
    <message>
        <source>When the change was made public: a date, or a time in your time zone ({zone})</source>
        <translation>Коли зміну оприлюднили: дата або час у вашому поясі ({zone})</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <source>Add Claim</source>
        <translation>Додати твердження</translation>
    </message>
    <message>
        <source>Edit Claim</source>
        <translation>Редагувати твердження</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>З&amp;берегти</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Where: a city, a region…</source>
        <translation>Де: місто, область…</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Показник</translation>
    </message>
    <message>
        <source>Low figure</source>
        <translation>Нижня цифра</translation>
    </message>
    <message>
        <source>Best figure</source>
        <translation>Найімовірніша цифра</translation>
    </message>
    <message>
        <source>High figure</source>
        <translation>Верхня цифра</translation>
    </message>
    <message>
        <source>Who gives the figure: a ministry, a party, a journalist…</source>
        <translation>Хто наводить цифру: міністерство, сторона, журналіст…</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Автор твердження</translation>
    </message>
    <message>
        <source>Kind of claimant</source>
        <translation>Вид автора твердження</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>(без джерела)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>M&amp;easure:</source>
        <translation>&amp;Показник:</translation>
    </message>
    <message>
        <source>&amp;Low:</source>
        <translation>&amp;Нижня:</translation>
    </message>
    <message>
        <source>&amp;Best:</source>
        <translation>Най&amp;імовірніша:</translation>
    </message>
    <message>
        <source>&amp;High:</source>
        <translation>&amp;Верхня:</translation>
    </message>
    <message>
        <source>Clai&amp;mant:</source>
        <translation>&amp;Автор:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Джерело:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>П&amp;римітка:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;День:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Місце:</translation>
    </message>
    <message>
        <source>Edit claim</source>
        <translation>Редагувати твердження</translation>
    </message>
    <message>
        <source>Add claim</source>
        <translation>Додати твердження</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>Measure</source>
        <translation>Показник</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Цифра</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Автор твердження</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>Claims</source>
        <translation>Твердження</translation>
    </message>
    <message>
        <source>Every figure given for the event, by who gives it</source>
        <translation>Кожна цифра, наведена для події, за тим, хто її наводить</translation>
    </message>
    <message>
        <source>Add Claim…</source>
        <translation>Додати твердження…</translation>
    </message>
    <message>
        <source>Edit Claim…</source>
        <translation>Редагувати твердження…</translation>
    </message>
    <message>
        <source>Remove Claim</source>
        <translation>Вилучити твердження</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>заявлене</translation>
    </message>
    <message>
        <source>corroborated</source>
        <translation>підтверджене</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>спірне</translation>
    </message>
    <message>
        <source>Status of the selected claim</source>
        <translation>Статус вибраного твердження</translation>
    </message>
    <message>
        <source>dataset figure</source>
        <translation>цифра набору даних</translation>
    </message>
    <message>
        <source>lowest corroborated</source>
        <translation>найменша підтверджена</translation>
    </message>
    <message>
        <source>highest claim</source>
        <translation>найбільша заявлена</translation>
    </message>
    <message>
        <source>C&amp;ounts use:</source>
        <translation>&amp;Підрахунки беруть:</translation>
    </message>
    <message>
        <source>Figure that counts</source>
        <translation>Цифра, що враховується</translation>
    </message>
    <message>
        <source>Remove claim</source>
        <translation>Вилучити твердження</translation>
    </message>
    <message>
        <source>Set claim status</source>
        <translation>Задати статус твердження</translation>
    </message>
    <message>
        <source>Choose the figure that counts</source>
        <translation>Вибрати цифру, що враховується</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <source>Choose Columns</source>
        <translation>Виберіть стовпці</translation>
    </message>
    <message>
        <source>&amp;Date (required):</source>
        <translation>&amp;Дата (обов’язково):</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>Events are matched by dataset and id: importing the same rows into the same dataset again updates them.</source>
        <translation>Події зіставляються за набором даних та ідентифікатором: повторний імпорт тих самих рядків у той самий набір оновлює їх.</translation>
    </message>
    <message>
        <source>Day &amp;first (03/02/2026 is 3 February)</source>
        <translation>Спершу &amp;день (03/02/2026 — це 3 лютого)</translation>
    </message>
    <message>
        <source>Preview of the file’s first rows</source>
        <translation>Перегляд перших рядків файлу</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>Data&amp;set name:</source>
        <translation>&amp;Назва набору даних:</translation>
    </message>
    <message numerus="yes">
        <source>The first %n rows as they would be imported:</source>
        <translation>
            <numerusform>Перший %n рядок так, як його буде імпортовано:</numerusform>
            <numerusform>Перші %n рядки так, як їх буде імпортовано:</numerusform>
            <numerusform>Перші %n рядків так, як їх буде імпортовано:</numerusform>
        </translation>
    </message>
    <message>
        <source>Which column of “{file}” holds each event field? Fields left at {none} stay empty.
The columns chosen last time for files with this header are filled in.</source>
        <translation>Який стовпець «{file}» містить кожне поле події? Поля, залишені на {none}, будуть порожні.
Стовпці, вибрані минулого разу для файлів із таким заголовком, уже заповнено.</translation>
    </message>
    <message>
        <source>Which column of “{file}” holds each event field? Fields left at {none} stay empty.
The choice is remembered for files with the same columns.</source>
        <translation>Який стовпець «{file}» містить кожне поле події? Поля, залишені на {none}, будуть порожні.
Вибір запам’ятовується для файлів із такими самими стовпцями.</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <source>Not saved: the {kind} was changed by someone else.</source>
        <translation>Не збережено: {kind} змінив хтось інший.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Link event</source>
        <translation>Зв’язати подію</translation>
    </message>
    <message>
        <source>Unlink event</source>
        <translation>Від’єднати подію</translation>
    </message>
    <message>
        <source>Add factor reading</source>
        <translation>Додати показник чинника</translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>Додати залежність</translation>
    </message>
    <message>
        <source>New factor “{name}”</source>
        <translation>Новий чинник «{name}»</translation>
    </message>
    <message>
        <source>Import “{file}”</source>
        <translation>Імпорт «{file}»</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Додати учасника</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>Прибрати учасника</translation>
    </message>
    <message>
        <source>Create “{title}”</source>
        <translation>Створити «{title}»</translation>
    </message>
    <message>
        <source>Delete “{title}”</source>
        <translation>Видалити «{title}»</translation>
    </message>
    <message>
        <source>Merge conflicting edits of {kind} {title}</source>
        <translation>Об’єднати суперечливі зміни: {kind} {title}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>{kind} {title} Changed by Someone Else</source>
        <translation>{kind} {title} змінено кимось іншим</translation>
    </message>
    <message>
        <source>{who} changed the {kind} {title} after you opened it. Nothing of yours was saved yet. Choose what to keep:</source>
        <translation>{who} змінив(-ла) {kind} {title} після того, як ви його відкрили. Нічого з вашого ще не збережено. Виберіть, що залишити:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Поле&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ваше&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Theirs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Їхнє&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Keep yours: {field}</source>
        <translation>Залишити ваше: {field}</translation>
    </message>
    <message>
        <source>Take theirs: {field}</source>
        <translation>Взяти їхнє: {field}</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>Узяти &amp;їхнє</translation>
    </message>
    <message>
        <source>Theirs + &amp;Reapply Mine</source>
        <translation>Їхнє + &amp;повторно застосувати моє</translation>
    </message>
    <message>
        <source>&amp;Save Merge</source>
        <translation>&amp;Зберегти об’єднання</translation>
    </message>
    <message>
        <source>Keep their changes and apply again the fields you changed in your dialog</source>
        <translation>Залишити їхні зміни й знову застосувати поля, які ви змінили у своєму діалозі</translation>
    </message>
    <message>
        <source>&amp;Back to My Edit</source>
        <translation>&amp;Назад до мого редагування</translation>
    </message>
    <message>
        <source>another editor</source>
        <translation>інший редактор</translation>
    </message>
    <message>
        <source>{who} (at {when})</source>
        <translation>{who} ({when})</translation>
    </message>
    <message>
        <source>{who} changed the {kind} {title} after it was shown to you. Remove it anyway, with their change?</source>
        <translation>{who} змінив(-ла) {kind} {title} після того, як його вам показали. Усе одно видалити разом із цією зміною?</translation>
    </message>
    <message>
        <source>{change}: nothing to do. {error}</source>
        <translation>{change}: нічого робити. {error}</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Credentials for %1</source>
        <translation>Облікові дані для %1</translation>
    </message>
    <message>
        <source>UCDP API access &amp;token:</source>
        <translation>&amp;Токен доступу до API UCDP:</translation>
    </message>
    <message>
        <source>myACLED &amp;e-mail:</source>
        <translation>&amp;Ел. пошта myACLED:</translation>
    </message>
    <message>
        <source>myACLED &amp;password:</source>
        <translation>&amp;Пароль myACLED:</translation>
    </message>
    <message>
        <source>Kept in the operating system&apos;s keyring, never in the database or the settings. Leave a field empty to forget what was kept for it.</source>
        <translation>Зберігаються у сховищі ключів операційної системи, ніколи в базі даних чи налаштуваннях. Залиште поле порожнім, щоб забути збережене для нього.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Зберегти</translation>
    </message>
</context>
<context>
    <name>DateText</name>
    <message>
        <source>entered {when} (no announcement date given)</source>
        <translation>внесено {when} (дату оголошення не вказано)</translation>
    </message>
</context>
<context>
    <name>DayClaimsDialog</name>
    <message>
        <source>Claims on a Day and Place</source>
        <translation>Твердження про день і місце</translation>
    </message>
    <message>
        <source>Claims on a day and place</source>
        <translation>Твердження про день і місце</translation>
    </message>
    <message>
        <source>Figures about a day and a place that no recorded event carries yet, by who gives them. A figure about an event is in the Events tab, beside the event.</source>
        <translation>Цифри про день і місце, яких ще не містить жодна записана подія, за тим, хто їх наводить. Цифра про подію — на вкладці «Події», поруч із подією.</translation>
    </message>
    <message>
        <source>&amp;Add Claim…</source>
        <translation>&amp;Додати твердження…</translation>
    </message>
    <message>
        <source>&amp;Edit Claim…</source>
        <translation>&amp;Редагувати твердження…</translation>
    </message>
    <message>
        <source>&amp;Remove Claim</source>
        <translation>&amp;Вилучити твердження</translation>
    </message>
    <message>
        <source>Remove claim</source>
        <translation>Вилучити твердження</translation>
    </message>
</context>
<context>
    <name>DbOp</name>
    <message>
        <source>Cancelled on request.</source>
        <translation>Скасовано на запит.</translation>
    </message>
</context>
<context>
    <name>DbRunner</name>
    <message>
        <source>The work stopped unexpectedly.</source>
        <translation>Робота несподівано зупинилася.</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>Не розпочато.</translation>
    </message>
</context>
<context>
    <name>DisplayZoneDialog</name>
    <message>
        <source>Your Time Zone</source>
        <translation>Ваш часовий пояс</translation>
    </message>
    <message>
        <source>Times are shown in the venue&apos;s zone and in this one. This computer is set to {zone}.</source>
        <translation>Час показується в поясі місця проведення і в цьому. На цьому комп’ютері встановлено {zone}.</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часовий пояс:</translation>
    </message>
    <message>
        <source>Unknown time zone: “{zone}”</source>
        <translation>Невідомий часовий пояс: «{zone}»</translation>
    </message>
</context>
<context>
    <name>EditDependencyDialog</name>
    <message>
        <source>Edit dependency of “{title}”</source>
        <translation>Редагування залежності «{title}»</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Edit dependency</source>
        <translation>Редагування залежності</translation>
    </message>
</context>
<context>
    <name>EditDetailsDialog</name>
    <message>
        <source>Not known</source>
        <translation>Невідомо</translation>
    </message>
    <message>
        <source>Edit Round</source>
        <translation>Редагування раунду</translation>
    </message>
    <message>
        <source>What was agreed, or why nothing was</source>
        <translation>Про що домовилися або чому ні про що</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation>&amp;Спосіб:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Порядок денний:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>Під&amp;сумок:</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>Редагувати «{title}»</translation>
    </message>
    <message>
        <source>A round needs a title</source>
        <translation>Раунд потребує назви</translation>
    </message>
</context>
<context>
    <name>EditFactorDialog</name>
    <message>
        <source>Edit Factor “{name}”</source>
        <translation>Редагування чинника «{name}»</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Edit factor “{name}”</source>
        <translation>Редагувати чинник «{name}»</translation>
    </message>
</context>
<context>
    <name>EditLinkDialog</name>
    <message>
        <source>Edit link</source>
        <translation>Редагування зв’язку</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примітка:</translation>
    </message>
</context>
<context>
    <name>EditParticipantDialog</name>
    <message>
        <source>Edit Participant {party}</source>
        <translation>Редагування учасника: {party}</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Edit {party} at “{round}”</source>
        <translation>Редагувати {party} у «{round}»</translation>
    </message>
</context>
<context>
    <name>EditPause</name>
    <message>
        <source>Editing off: {reason}</source>
        <translation>Редагування вимкнено: {reason}</translation>
    </message>
    <message>
        <source>Go back to today’s schedule to edit again.</source>
        <translation>Поверніться до сьогоднішнього розкладу, щоб знову редагувати.</translation>
    </message>
    <message>
        <source>Editing paused: {reason}</source>
        <translation>Редагування призупинено: {reason}</translation>
    </message>
    <message>
        <source>Edits can be saved again once it has finished; what you type in an open dialog is kept.</source>
        <translation>Зміни можна буде зберігати знову, щойно це завершиться; введене у відкритому діалозі зберігається.</translation>
    </message>
</context>
<context>
    <name>EditReadingDialog</name>
    <message>
        <source>Edit factor reading</source>
        <translation>Редагування показника чинника</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
</context>
<context>
    <name>EditSourceDialog</name>
    <message>
        <source>Edit Source</source>
        <translation>Редагування джерела</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Edit source “{outlet}”</source>
        <translation>Редагувати джерело «{outlet}»</translation>
    </message>
</context>
<context>
    <name>EditVenueDialog</name>
    <message>
        <source>Edit Venue “{name}”</source>
        <translation>Редагування місця «{name}»</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Edit venue “{name}”</source>
        <translation>Редагувати місце «{name}»</translation>
    </message>
</context>
<context>
    <name>ErrorBoundary</name>
    <message>
        <source>Unexpected error ({kind}): {error}</source>
        <translation>Неочікувана помилка ({kind}): {error}</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>рядок {number}</translation>
    </message>
    <message>
        <source>field “{field}”</source>
        <translation>поле «{field}»</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Нічого не записано.</translation>
    </message>
</context>
<context>
    <name>EventDetail</name>
    <message>
        <source>not given</source>
        <translation>не вказано</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>{date} ({precision} precision)</source>
        <translation>{date} (точність: {precision})</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ціль</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Координати</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>Загиблі</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>Поранені</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набір даних</translation>
    </message>
    <message>
        <source>&lt;i&gt;No summary&lt;/i&gt;</source>
        <translation>&lt;i&gt;Без опису&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Estimate range</source>
        <translation>Діапазон оцінок</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Взаємодія</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Повідомив</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported from&lt;/b&gt; {file} ({layout}, {encoding}) {when}</source>
        <translation>&lt;b&gt;Імпортовано з&lt;/b&gt; {file} ({layout}, {encoding}) {when}</translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
    <message>
        <source>Event details</source>
        <translation>Відомості про подію</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the round or factor</source>
        <translation>Двічі клацніть або натисніть Enter, щоб відкрити раунд чи чинник</translation>
    </message>
    <message>
        <source>Links to rounds and factors</source>
        <translation>Зв’язки з раундами та чинниками</translation>
    </message>
    <message>
        <source>Link to round/factor…</source>
        <translation>Зв’язати з раундом/чинником…</translation>
    </message>
    <message>
        <source>Edit link…</source>
        <translation>Редагувати зв’язок…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Від’єднати</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Пов’язано з</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Not linked to any round or factor</source>
        <translation>Не пов’язано з жодним раундом чи чинником</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Select an event to see its details and links.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Виберіть подію, щоб побачити її подробиці й зв’язки.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>EventFilterBar</name>
    <message>
        <source>All targets</source>
        <translation>Усі цілі</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>Earliest event date to show</source>
        <translation>Найраніша дата події для показу</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Від дати</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Latest event date to show</source>
        <translation>Найпізніша дата події для показу</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>До дати</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Типи подій</translation>
    </message>
    <message>
        <source>Event types to show (none checked: all)</source>
        <translation>Типи подій для показу (нічого не позначено — усі)</translation>
    </message>
    <message>
        <source>Target category</source>
        <translation>Категорія цілі</translation>
    </message>
    <message>
        <source>Place (town, oblast)</source>
        <translation>Місце (місто, область)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>A town, district or region, from the start of its name (“khark” finds Kharkiv and Kharkivska), or a country by its name or code (Ukraine, UKR)</source>
        <translation>Місто, район чи область від початку назви («khark» знаходить Kharkiv і Kharkivska) або країна за назвою чи кодом (Ukraine, UKR)</translation>
    </message>
    <message>
        <source>Search summaries…</source>
        <translation>Пошук в описах…</translation>
    </message>
    <message>
        <source>Search summaries</source>
        <translation>Пошук в описах</translation>
    </message>
    <message>
        <source>Words that must appear in the summary, actors or place</source>
        <translation>Слова, які мають бути в описі, учасниках чи місці</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Будь-коли</translation>
    </message>
    <message>
        <source>Changed since last export</source>
        <translation>Змінені після останнього експорту</translation>
    </message>
    <message>
        <source>Changed since…</source>
        <translation>Змінені після…</translation>
    </message>
    <message>
        <source>Only events added, corrected or withdrawn by an import since the last export noted (tracker export notes each one)</source>
        <translation>Лише події, додані, виправлені чи відкликані імпортом після останнього записаного експорту (команда експорту записує кожен)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Очистити фільтри</translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>(без типу)</translation>
    </message>
    <message>
        <source>Suggested, not reviewed</source>
        <translation>Запропоновані, не переглянуті</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Усі типи</translation>
    </message>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n тип</numerusform>
            <numerusform>%n типи</numerusform>
            <numerusform>%n типів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventVersions</name>
    <message>
        <source>Dataset</source>
        <translation>Набір даних</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>Загиблі</translation>
    </message>
    <message>
        <source>In counts</source>
        <translation>У підрахунках</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>враховано</translation>
    </message>
    <message>
        <source>merged into the counted one</source>
        <translation>об’єднано з врахованою</translation>
    </message>
    <message>
        <source>Told by several datasets (one event in counts)</source>
        <translation>Повідомлено кількома наборами даних (одна подія в підрахунках)</translation>
    </message>
</context>
<context>
    <name>EventsTableModel</name>
    <message>
        <source>Count events</source>
        <translation>Лічити події</translation>
    </message>
    <message>
        <source>the count of events</source>
        <translation>лік подій</translation>
    </message>
    <message>
        <source>Withdrawn by its source: a newer release no longer has this event. Kept, but left out of counts and analysis.</source>
        <translation>Відкликано джерелом: новіший випуск уже не містить цієї події. Збережено, але не враховано в підрахунках та аналізі.</translation>
    </message>
    <message>
        <source>Merged into the same event from another dataset: counted once, as that event.</source>
        <translation>Об’єднано з тією самою подією з іншого набору даних: враховано один раз, як ту подію.</translation>
    </message>
    <message numerus="yes">
        <source>{when}: the dataset gives one record over these %n days, without saying which of them</source>
        <translation>
            <numerusform>{when}: набір даних дає один запис на %n день, не кажучи, котрий із них</numerusform>
            <numerusform>{when}: набір даних дає один запис на ці %n дні, не кажучи, котрий із них</numerusform>
            <numerusform>{when}: набір даних дає один запис на ці %n днів, не кажучи, котрий із них</numerusform>
        </translation>
    </message>
    <message>
        <source>Reported with {precision} precision</source>
        <translation>Повідомлено з точністю: {precision}</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Не повідомлено</translation>
    </message>
    <message>
        <source>Already linked</source>
        <translation>Уже пов’язано</translation>
    </message>
    <message>
        <source>{column} (not sortable)</source>
        <translation>{column} (не сортується)</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Battlefield events</source>
        <translation>Бойові події</translation>
    </message>
    <message>
        <source>Counting events…</source>
        <translation>Лічимо події…</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Немає подій</translation>
    </message>
    <message>
        <source>No events in this database yet. Import an ACLED, UCDP or other CSV file with File › Import Events… (Ctrl+I), or drop it on the window.</source>
        <translation>У цій базі даних ще немає подій. Імпортуйте файл ACLED, UCDP чи інший CSV через Файл › Імпортувати події… (Ctrl+I) або перетягніть його на вікно.</translation>
    </message>
    <message numerus="yes">
        <source>{matching} of %n event(s)</source>
        <translation>
            <numerusform>{matching} з %n події</numerusform>
            <numerusform>{matching} з %n подій</numerusform>
            <numerusform>{matching} з %n подій</numerusform>
        </translation>
    </message>
    <message>
        <source>No events match these filters.</source>
        <translation>Жодна подія не відповідає цим фільтрам.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Chronology</source>
        <translation>Експорт хронології</translation>
    </message>
    <message>
        <source>A {suffixes} file (a bare name goes in {folder})</source>
        <translation>Файл {suffixes} (просте ім’я — у {folder})</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Від</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Від дати</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;До</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>До дати</translation>
    </message>
    <message>
        <source>Show co&amp;rrections (undone entries)</source>
        <translation>Показувати в&amp;иправлення (скасовані записи)</translation>
    </message>
    <message>
        <source>List each undone change marked as withdrawn, and each undo and redo as a correction line, for a published correction trail</source>
        <translation>Показувати кожну скасовану зміну як відкликану, а кожне скасування й повторення — рядком виправлення, для опублікованого сліду виправлень</translation>
    </message>
    <message>
        <source>For spreadsheets: UTF-8 with a byte-order mark, so Excel and LibreOffice read every alphabet, and text that would run as a formula shown with a leading &apos;. For data tools: no mark, every cell exactly as recorded.</source>
        <translation>Для електронних таблиць: UTF-8 із позначкою порядку байтів, щоб Excel і LibreOffice читали будь-яку абетку, а текст, що виконався б як формула, показано з початковим &apos;. Для інструментів даних: без позначки, кожна клітинка точно як записано.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Експортувати</translation>
    </message>
    <message>
        <source>Days and times in {zone}; events keep their reported day.</source>
        <translation>Дні й час у поясі {zone}; події зберігають повідомлений день.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Дати:</translation>
    </message>
    <message>
        <source>C&amp;SV:</source>
        <translation>C&amp;SV:</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Замінити файл?</translation>
    </message>
    <message>
        <source>“{file}” already exists in {folder}.

Replace it with the exported chronology?</source>
        <translation>«{file}» уже існує в {folder}.

Замінити його експортованою хронологією?</translation>
    </message>
    <message>
        <source>Export Chronology To</source>
        <translation>Експортувати хронологію до</translation>
    </message>
    <message>
        <source>The file name must end in {suffixes}</source>
        <translation>Ім’я файлу має закінчуватися на {suffixes}</translation>
    </message>
    <message>
        <source>That is a folder; choose a file name</source>
        <translation>Це тека; виберіть ім’я файлу</translation>
    </message>
    <message>
        <source>There is no folder {folder}</source>
        <translation>Немає теки {folder}</translation>
    </message>
    <message>
        <source>Saves to {path}</source>
        <translation>Зберігається до {path}</translation>
    </message>
    <message>
        <source>The end date is before the start date</source>
        <translation>Кінцева дата раніша за початкову</translation>
    </message>
    <message>
        <source>Type a file name ending in {suffixes}, or choose one with Browse…</source>
        <translation>Введіть ім’я файлу із закінченням {suffixes} або виберіть через «Огляд…»</translation>
    </message>
</context>
<context>
    <name>ExportTask</name>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>the export</source>
        <translation>експорт</translation>
    </message>
</context>
<context>
    <name>FactorDetailPane</name>
    <message>
        <source>Double-click or press Enter to open the round</source>
        <translation>Двічі клацніть або натисніть Enter, щоб відкрити раунд</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show the event</source>
        <translation>Двічі клацніть або натисніть Enter, щоб показати подію</translation>
    </message>
    <message>
        <source>Edit factor…</source>
        <translation>Редагувати чинник…</translation>
    </message>
    <message>
        <source>Add reading…</source>
        <translation>Додати показник…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Редагувати…</translation>
    </message>
    <message>
        <source>Add dependency…</source>
        <translation>Додати залежність…</translation>
    </message>
    <message>
        <source>Link events…</source>
        <translation>Зв’язати події…</translation>
    </message>
    <message>
        <source>Edit link…</source>
        <translation>Редагувати зв’язок…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Від’єднати</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Показники</translation>
    </message>
    <message>
        <source>Dependent rounds</source>
        <translation>Залежні раунди</translation>
    </message>
    <message>
        <source>Schedule changes citing it</source>
        <translation>Зміни розкладу, що посилаються на нього</translation>
    </message>
    <message>
        <source>Level and linked events over time</source>
        <translation>Рівень і пов’язані події в часі</translation>
    </message>
    <message>
        <source>Linked events</source>
        <translation>Пов’язані події</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sources&lt;/b&gt;</source>
        <translation>&lt;b&gt;Джерела&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No round depends on this factor</source>
        <translation>Жоден раунд не залежить від цього чинника</translation>
    </message>
    <message>
        <source>No events linked</source>
        <translation>Немає пов’язаних подій</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a factor to see its readings and links.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Виберіть чинник, щоб побачити його показники й зв’язки.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No description&lt;/i&gt;</source>
        <translation>&lt;i&gt;Без опису&lt;/i&gt;</translation>
    </message>
    <message>
        <source>No schedule change cites this factor</source>
        <translation>Жодна зміна розкладу не посилається на цей чинник</translation>
    </message>
</context>
<context>
    <name>FactorsTableModel</name>
    <message>
        <source>no reading</source>
        <translation>немає показника</translation>
    </message>
</context>
<context>
    <name>FactorsView</name>
    <message>
        <source>Factors</source>
        <translation>Чинники</translation>
    </message>
    <message>
        <source>No factors yet. Factors are outside conditions the talks depend on, such as U.S.–Iran tensions.</source>
        <translation>Чинників ще немає. Чинники — це зовнішні умови, від яких залежать переговори, як-от напруженість між США та Іраном.</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Negotiation Tracker Guide</source>
        <translation>Посібник Трекера переговорів</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Посібник</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When the change was made public: a date, or a time in your time zone ({zone})</source>
        <translation>Коли зміну оприлюднили: дата або час у вашому поясі ({zone})</translation>
    </message>
    <message>
        <source>When the change was entered here, in your time zone ({zone})</source>
        <translation>Коли зміну внесено тут, у вашому поясі ({zone})</translation>
    </message>
    <message>
        <source>Whether an undo withdrew the change, and what an undo or redo withdraws</source>
        <translation>Чи відкликало зміну скасування і що відкликає скасування чи повторення</translation>
    </message>
    <message>
        <source>An undo or redo is a correction, not an announcement: it is dated when it was entered</source>
        <translation>Скасування чи повторення — це виправлення, а не оголошення: його датовано часом внесення</translation>
    </message>
    <message>
        <source>No announcement date was given: the change is dated when it was entered</source>
        <translation>Дату оголошення не вказано: зміну датовано часом її внесення</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>не вказано</translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation>Відкликання</translation>
    </message>
    <message>
        <source>Retracted by {name} at {when}</source>
        <translation>Відкликав {name} {when}</translation>
    </message>
    <message>
        <source>Retracted at {when}</source>
        <translation>Відкликано {when}</translation>
    </message>
    <message>
        <source>Withdraws change {number}</source>
        <translation>Відкликає зміну {number}</translation>
    </message>
    <message>
        <source>Withdraws the retraction entered {when}; what it withdrew stands again</source>
        <translation>Відкликає відкликання, внесене {when}; відкликане знову чинне</translation>
    </message>
    <message>
        <source>Withdraws the {kind} change entered {when}</source>
        <translation>Відкликає зміну «{kind}», внесену {when}</translation>
    </message>
</context>
<context>
    <name>ImpactChart</name>
    <message>
        <source>Impact of the factor on the schedule</source>
        <translation>Вплив чинника на розклад</translation>
    </message>
    <message>
        <source>events per day</source>
        <translation>подій на день</translation>
    </message>
    <message>
        <source>Nothing dated to draw yet: no readings, dated rounds, schedule changes or linked events</source>
        <translation>Ще нічого датованого для показу: немає показників, датованих раундів, змін розкладу чи пов’язаних подій</translation>
    </message>
    <message>
        <source>events dated to a week or month, spread over it</source>
        <translation>події, датовані тижнем чи місяцем, розподілені на нього</translation>
    </message>
    <message>
        <source>level</source>
        <translation>рівень</translation>
    </message>
    <message>
        <source>level since the last reading</source>
        <translation>рівень від останнього показника</translation>
    </message>
    <message>
        <source>{level} readings</source>
        <translation>показники «{level}»</translation>
    </message>
    <message>
        <source>schedule change</source>
        <translation>зміна розкладу</translation>
    </message>
</context>
<context>
    <name>ImpactPanel</name>
    <message>
        <source>Not on the chart, date unknown: {titles}</source>
        <translation>Не на діаграмі, дата невідома: {titles}</translation>
    </message>
    <message>
        <source>level (dots: readings)</source>
        <translation>рівень (точки — показники)</translation>
    </message>
    <message>
        <source>events per day</source>
        <translation>подій на день</translation>
    </message>
    <message>
        <source>dated to a week or month, spread over it</source>
        <translation>датовані тижнем чи місяцем, розподілені на нього</translation>
    </message>
    <message>
        <source>round windows</source>
        <translation>вікна раундів</translation>
    </message>
    <message>
        <source>changes citing it</source>
        <translation>зміни з посиланням на нього</translation>
    </message>
</context>
<context>
    <name>ImpactTips</name>
    <message>
        <source>Fatalities: {dead}</source>
        <translation>Загиблі: {dead}</translation>
    </message>
    <message>
        <source>{span}, dated only to the {precision}</source>
        <translation>{span}, датовано лише з точністю: {precision}</translation>
    </message>
    <message>
        <source>a schedule change cites this factor</source>
        <translation>зміна розкладу посилається на цей чинник</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Чому: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportAnywayDialog</name>
    <message>
        <source>Already Imported</source>
        <translation>Уже імпортовано</translation>
    </message>
    <message>
        <source>The events of {file} are already in the database as the dataset “{other}”. Importing them as “{dataset}” would count every event twice.

Import the file as {other} to update those events, or import it anyway if the two datasets really tell the same rows.

Nothing was imported; the database is unchanged.</source>
        <translation>Події з {file} уже є в базі даних як набір даних «{other}». Імпорт їх як «{dataset}» порахував би кожну подію двічі.

Імпортуйте файл як {other}, щоб оновити ці події, або все одно імпортуйте, якщо два набори даних справді містять ті самі рядки.

Нічого не імпортовано; база даних не змінилася.</translation>
    </message>
    <message>
        <source>&amp;Import Anyway</source>
        <translation>&amp;Усе одно імпортувати</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Усе одно імпортувати</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importing is not an edit that Undo takes back. Importing the same file again changes nothing (events are matched by dataset and id, so they are updated, not doubled), and every import is recorded: each event&apos;s details say which file it was imported from. Cancelling, or an error, leaves the database exactly as it was.</source>
        <translation>Імпорт — це не зміна, яку повертає «Скасувати». Повторний імпорт того самого файлу нічого не змінює (події зіставляються за набором даних та ідентифікатором, тож оновлюються, а не дублюються), і кожен імпорт записується: у подробицях кожної події сказано, з якого файлу її імпортовано. Скасування чи помилка залишають базу даних точно такою, як була.</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>КБ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>Import Events</source>
        <translation>Імпорт подій</translation>
    </message>
    <message>
        <source>&amp;Stop at the first bad row (strict)</source>
        <translation>&amp;Зупинитися на першому поганому рядку (суворо)</translation>
    </message>
    <message>
        <source>Import nothing if any row cannot be read, and say which. Otherwise good rows are imported and the bad ones listed.</source>
        <translation>Нічого не імпортувати, якщо будь-який рядок не читається, і вказати який. Інакше добрі рядки імпортуються, а погані перелічуються.</translation>
    </message>
    <message>
        <source>Let an &amp;older release overwrite newer values</source>
        <translation>Дозволити &amp;старішому випуску перезаписати новіші значення</translation>
    </message>
    <message>
        <source>Allow an older release</source>
        <translation>Дозволити старіший випуск</translation>
    </message>
    <message>
        <source>By default, where this file is an older release than the one already imported (an older ACLED timestamp, an earlier UCDP version), its differences are listed in the result and skipped.</source>
        <translation>Типово, якщо цей файл — старіший випуск, ніж уже імпортований (старіша позначка часу ACLED, попередня версія UCDP), його відмінності наводяться в результаті й пропускаються.</translation>
    </message>
    <message>
        <source>read from the file</source>
        <translation>прочитати з файлу</translation>
    </message>
    <message>
        <source>UCDP GED release</source>
        <translation>Випуск UCDP GED</translation>
    </message>
    <message>
        <source>The GED version of this file (23.1, or candidate). Left empty, it is read from the file name, else from the years the file covers.</source>
        <translation>Версія GED цього файлу (23.1 або candidate). Якщо поле порожнє, її прочитають із назви файлу, інакше — з років, які охоплює файл.</translation>
    </message>
    <message>
        <source>Release &amp;date:</source>
        <translation>&amp;Дата випуску:</translation>
    </message>
    <message>
        <source>The day this release of the dataset was published: an older release never overwrites a newer one.</source>
        <translation>День, коли цей випуск набору даних опубліковано: старіший випуск ніколи не перезаписує новіший.</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Дата випуску</translation>
    </message>
    <message>
        <source>the file&apos;s own countries and days</source>
        <translation>країни й дні самого файлу</translation>
    </message>
    <message>
        <source>Scope of the release</source>
        <translation>Обсяг випуску</translation>
    </message>
    <message>
        <source>What the release covers, e.g. country=Ukraine, 2014-01-01..2023-12-31: its events missing from the file are marked withdrawn by the source.</source>
        <translation>Що охоплює випуск, напр. country=Ukraine, 2014-01-01..2023-12-31: його події, яких немає у файлі, позначаються як відкликані джерелом.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодування:</translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation>Виявлено:</translation>
    </message>
    <message>
        <source>Import &amp;as:</source>
        <translation>Імпортувати &amp;як:</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>&amp;Випуск:</translation>
    </message>
    <message>
        <source>Sco&amp;pe:</source>
        <translation>&amp;Обсяг:</translation>
    </message>
    <message>
        <source>&amp;Next: Columns…</source>
        <translation>&amp;Далі: стовпці…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>The header looks like {detected}, not {chosen}; the import will refuse columns it cannot find</source>
        <translation>Заголовок схожий на {detected}, а не {chosen}; імпорт відхилить стовпці, яких не знайде</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>The database is unchanged.</source>
        <translation>Базу даних не змінено.</translation>
    </message>
    <message>
        <source>Import Events</source>
        <translation>Імпорт подій</translation>
    </message>
    <message>
        <source>{files}: imported next, after {current}</source>
        <translation>{files}: буде імпортовано наступним, після {current}</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Читання {file}…</translation>
    </message>
    <message>
        <source>Imported {file}: {counts}</source>
        <translation>Імпортовано {file}: {counts}</translation>
    </message>
    <message>
        <source>Deciding categories, building the search index, map cells and sort orders ({done} of {total})…</source>
        <translation>Визначаємо категорії, будуємо пошуковий індекс, клітинки мапи й порядки сортування ({done} із {total})…</translation>
    </message>
    <message>
        <source>Categories, search index, map cells and sort orders built.</source>
        <translation>Категорії, пошуковий індекс, клітинки мапи й порядки сортування побудовано.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>файлу</translation>
    </message>
    <message>
        <source>Import of {file} cancelled. {unchanged}</source>
        <translation>Імпорт {file} скасовано. {unchanged}</translation>
    </message>
    <message>
        <source>Import Refused</source>
        <translation>Імпорт відхилено</translation>
    </message>
    <message>
        <source>The file was refused:

{error}

{unchanged}</source>
        <translation>Файл відхилено:

{error}

{unchanged}</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Імпорт не вдався</translation>
    </message>
    <message>
        <source>Nothing was imported. {unchanged}

{error}</source>
        <translation>Нічого не імпортовано. {unchanged}

{error}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>about {count} s</source>
        <translation>близько {count} с</translation>
    </message>
    <message>
        <source>about {count} min</source>
        <translation>близько {count} хв</translation>
    </message>
    <message>
        <source>about {count} h</source>
        <translation>близько {count} год</translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation>залишилося {duration}</translation>
    </message>
    <message>
        <source>estimating the time left</source>
        <translation>оцінювання часу, що залишився</translation>
    </message>
    <message>
        <source>{records} records · {rate} records/s · {eta}</source>
        <translation>записів: {records} · {rate} записів/с · {eta}</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Importing Events</source>
        <translation>Імпорт подій</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Імпорт {file}…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Читання файлу…</translation>
    </message>
    <message>
        <source>Stop the import; the database stays as it was</source>
        <translation>Зупинити імпорт; база даних залишиться такою, як була</translation>
    </message>
    <message>
        <source>{records} records saved · building the indexes and the search index ({built} of {total} done)…</source>
        <translation>збережено записів: {records} · побудова індексів і пошукового індексу (готово {built} з {total})…</translation>
    </message>
    <message>
        <source>{records} records read · saving them to the database…</source>
        <translation>прочитано записів: {records} · збереження до бази даних…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message>
        <source>Cancelling: undoing what was written so far…</source>
        <translation>Скасування: відкочування вже записаного…</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Таблиця CSV (*.csv)</translation>
    </message>
    <message>
        <source>Undo does not take an import back. Importing the same file again changes nothing; this import is recorded, and each event&apos;s details say which file it was imported from.</source>
        <translation>«Скасувати» не повертає імпорт. Повторний імпорт того самого файлу нічого не змінює; цей імпорт записано, і в подробицях кожної події сказано, з якого файлу її імпортовано.</translation>
    </message>
    <message>
        <source>{added} added · {updated} updated · {unchanged} unchanged ({older} of an older release, skipped) · {rejected} rejected</source>
        <translation>додано: {added} · оновлено: {updated} · без змін: {unchanged} (зі старішого випуску, пропущено: {older}) · відхилено: {rejected}</translation>
    </message>
    <message>
        <source>{added} added · {updated} updated · {unchanged} unchanged · {rejected} rejected</source>
        <translation>додано: {added} · оновлено: {updated} · без змін: {unchanged} · відхилено: {rejected}</translation>
    </message>
    <message>
        <source>Import Finished</source>
        <translation>Імпорт завершено</translation>
    </message>
    <message>
        <source> ({rate} records/s)</source>
        <translation> ({rate} записів/с)</translation>
    </message>
    <message>
        <source>{file} · {layout} · {encoding} · into dataset “{dataset}”</source>
        <translation>{file} · {layout} · {encoding} · до набору даних «{dataset}»</translation>
    </message>
    <message>
        <source>{records} records read in {seconds} s{rate}</source>
        <translation>прочитано записів: {records} за {seconds} с{rate}</translation>
    </message>
    <message>
        <source>&amp;Save Report…</source>
        <translation>&amp;Зберегти звіт…</translation>
    </message>
    <message>
        <source>Save the counts, notes, every rejected row, every changed field and every withdrawn event as CSV</source>
        <translation>Зберегти підрахунки, примітки, кожен відхилений рядок, кожне змінене поле й кожну відкликану подію як CSV</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>%1, covering %2</source>
        <translation>%1, охоплює %2</translation>
    </message>
    <message>
        <source>Release:</source>
        <translation>Випуск:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Примітки:</translation>
    </message>
    <message>
        <source>Rejected rows ({count}); the rest were imported:</source>
        <translation>Відхилені рядки ({count}); решту імпортовано:</translation>
    </message>
    <message>
        <source>Save Import Report</source>
        <translation>Зберегти звіт про імпорт</translation>
    </message>
    <message>
        <source>The report was not saved: {reason}</source>
        <translation>Звіт не збережено: {reason}</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Звіт збережено до {path}</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <source>Reading {file}</source>
        <translation>Читання {file}</translation>
    </message>
    <message>
        <source>reading {file}</source>
        <translation>читання {file}</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>Імпорт {file}</translation>
    </message>
    <message>
        <source>the import</source>
        <translation>імпорт</translation>
    </message>
    <message>
        <source>{file} is being imported; edits can be saved after the import finishes</source>
        <translation>Триває імпорт {file}; зміни можна буде зберегти після завершення імпорту</translation>
    </message>
    <message>
        <source>Deciding categories and building the search index after the import</source>
        <translation>Визначаємо категорії й будуємо пошуковий індекс після імпорту</translation>
    </message>
    <message>
        <source>the categories and search index</source>
        <translation>категорії й пошуковий індекс</translation>
    </message>
</context>
<context>
    <name>KeepTimeChoice</name>
    <message>
        <source>Keep the &amp;wall-clock time: {}</source>
        <translation>Зберегти &amp;місцевий час: {}</translation>
    </message>
    <message>
        <source>Keep the &amp;instant: {}</source>
        <translation>Зберегти &amp;момент: {}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Системна</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>The language changes when Negotiation Tracker is next started.</source>
        <translation>Мова зміниться під час наступного запуску Трекера переговорів.</translation>
    </message>
</context>
<context>
    <name>LinkEventsDialog</name>
    <message>
        <source>Link events to {target}</source>
        <translation>Зв’язати події з: {target}</translation>
    </message>
    <message>
        <source>Ways to find events</source>
        <translation>Способи знайти події</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Запропоновані</translation>
    </message>
    <message>
        <source>Search all events</source>
        <translation>Пошук серед усіх подій</translation>
    </message>
    <message>
        <source>Why these events belong to it (optional)</source>
        <translation>Чому ці події стосуються його (необов’язково)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примітка:</translation>
    </message>
    <message>
        <source>round “{title}”</source>
        <translation>раунд «{title}»</translation>
    </message>
    <message>
        <source>factor “{name}”</source>
        <translation>чинник «{name}»</translation>
    </message>
    <message>
        <source>Days around the round</source>
        <translation>Дні навколо раунду</translation>
    </message>
    <message>
        <source>within</source>
        <translation>у межах</translation>
    </message>
    <message>
        <source>Distance from the venue</source>
        <translation>Відстань від місця проведення</translation>
    </message>
    <message>
        <source> days of the round</source>
        <translation> дн. від раунду</translation>
    </message>
    <message>
        <source> km of the venue</source>
        <translation> км від місця проведення</translation>
    </message>
    <message>
        <source>The round&apos;s venue has no coordinates</source>
        <translation>Місце проведення раунду не має координат</translation>
    </message>
    <message>
        <source>Suggested events</source>
        <translation>Запропоновані події</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Усі події</translation>
    </message>
    <message numerus="yes">
        <source>Link %n event(s) to {target}</source>
        <translation>
            <numerusform>Зв’язати %n подію з: {target}</numerusform>
            <numerusform>Зв’язати %n події з: {target}</numerusform>
            <numerusform>Зв’язати %n подій з: {target}</numerusform>
        </translation>
    </message>
    <message>
        <source>No events near this round. Widen the window or search all events.</source>
        <translation>Біля цього раунду немає подій. Розширте вікно або шукайте серед усіх подій.</translation>
    </message>
    <message>
        <source>{shown} nearest of {total}</source>
        <translation>{shown} найближчих із {total}</translation>
    </message>
    <message>
        <source>Suggested ({shown})</source>
        <translation>Запропоновані ({shown})</translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation>Жодна подія не відповідає.</translation>
    </message>
    <message>
        <source>There are no events to link yet.</source>
        <translation>Подій для зв’язування ще немає.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) checked</source>
        <translation>
            <numerusform>Позначено %n подію</numerusform>
            <numerusform>Позначено %n події</numerusform>
            <numerusform>Позначено %n подій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n of the suggestions (is|are) already linked to this round</source>
        <translation>
            <numerusform>· %n із запропонованих уже пов’язана з цим раундом</numerusform>
            <numerusform>· %n із запропонованих уже пов’язані з цим раундом</numerusform>
            <numerusform>· %n із запропонованих уже пов’язані з цим раундом</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n of the suggestions (is|are) already linked to this factor</source>
        <translation>
            <numerusform>· %n із запропонованих уже пов’язана з цим чинником</numerusform>
            <numerusform>· %n із запропонованих уже пов’язані з цим чинником</numerusform>
            <numerusform>· %n із запропонованих уже пов’язані з цим чинником</numerusform>
        </translation>
    </message>
    <message>
        <source>Link {count}</source>
        <translation>Зв’язати {count}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Зв’язок</translation>
    </message>
</context>
<context>
    <name>LinkTargetDialog</name>
    <message>
        <source>Link event</source>
        <translation>Зв’язати подію</translation>
    </message>
    <message>
        <source>Round: {title} ({window})</source>
        <translation>Раунд: {title} ({window})</translation>
    </message>
    <message>
        <source>Factor: {name}</source>
        <translation>Чинник: {name}</translation>
    </message>
    <message>
        <source>Why they belong together (optional)</source>
        <translation>Чому вони пов’язані (необов’язково)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Зв’язок</translation>
    </message>
    <message>
        <source>place unknown</source>
        <translation>місце невідоме</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Подія:</translation>
    </message>
    <message>
        <source>Link to:</source>
        <translation>Зв’язати з:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примітка:</translation>
    </message>
    <message>
        <source>There are no rounds or factors to link to yet.</source>
        <translation>Ще немає раундів чи чинників, з якими можна зв’язати.</translation>
    </message>
    <message>
        <source>The event is already linked there with this kind.</source>
        <translation>Подію вже пов’язано туди з цим видом.</translation>
    </message>
</context>
<context>
    <name>LinkedEventsModel</name>
    <message>
        <source>Reported to the week</source>
        <translation>Повідомлено з точністю до тижня</translation>
    </message>
    <message>
        <source>Reported to the month</source>
        <translation>Повідомлено з точністю до місяця</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Negotiation Tracker</source>
        <translation>Трекер переговорів</translation>
    </message>
    <message>
        <source>Rescheduled “{title}”</source>
        <translation>Перенесено «{title}»</translation>
    </message>
    <message>
        <source>Relocated “{title}”</source>
        <translation>Змінено місце «{title}»</translation>
    </message>
    <message>
        <source>Postponed “{title}”</source>
        <translation>Відкладено «{title}»</translation>
    </message>
    <message>
        <source>Cancelled “{title}”</source>
        <translation>Скасовано «{title}»</translation>
    </message>
    <message>
        <source>Marked held “{title}”</source>
        <translation>Позначено проведеним «{title}»</translation>
    </message>
    <message>
        <source>Created “{title}”</source>
        <translation>Створено «{title}»</translation>
    </message>
    <message>
        <source>Saved “{title}”</source>
        <translation>Збережено «{title}»</translation>
    </message>
    <message>
        <source>Opened {database}</source>
        <translation>Відкрито {database}</translation>
    </message>
    <message>
        <source>Opened {database}; it was upgraded, and a copy as it was is in {backup}</source>
        <translation>Відкрито {database}; її оновлено, а копія попереднього стану — у {backup}</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Головна</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Подання</translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation>&amp;Раунди</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Часова шкала</translation>
    </message>
    <message>
        <source>&amp;Factors</source>
        <translation>Чи&amp;нники</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Події</translation>
    </message>
    <message>
        <source>&amp;Chronology</source>
        <translation>&amp;Хронологія</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Аналіз</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Мапа</translation>
    </message>
    <message>
        <source>Opening {database}…</source>
        <translation>Відкриваємо {database}…</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>Скасовано: {change}</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>Повторено: {change}</translation>
    </message>
    <message>
        <source>Unsaved Input</source>
        <translation>Незбережене введення</translation>
    </message>
    <message>
        <source>Discard your unsaved input?</source>
        <translation>Відкинути незбережене введення?</translation>
    </message>
    <message>
        <source>Empty Database</source>
        <translation>Порожня база даних</translation>
    </message>
    <message>
        <source>This database is empty. Load the sample scenario (talks announced for “the coming week”, the factors they depend on, and strikes on energy and transport) to explore the program?

File › Open Sample… opens it at any time in a file of its own, and the 2022 talks over real UCDP events too.</source>
        <translation>Ця база даних порожня. Завантажити зразковий сценарій (переговори, оголошені «на найближчий тиждень», чинники, від яких вони залежать, і удари по енергетиці й транспорту), щоб ознайомитися з програмою?

Файл › Відкрити зразок… будь-коли відкриває його в окремому файлі, а також переговори 2022 року на тлі реальних подій UCDP.</translation>
    </message>
    <message>
        <source>Sample scenario loaded: {rounds}, {factors}, {events}, {links}</source>
        <translation>Зразковий сценарій завантажено: {rounds}, {factors}, {events}, {links}</translation>
    </message>
    <message numerus="yes">
        <source>%n rounds</source>
        <translation>
            <numerusform>%n раунд</numerusform>
            <numerusform>%n раунди</numerusform>
            <numerusform>%n раундів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n factors</source>
        <translation>
            <numerusform>%n чинник</numerusform>
            <numerusform>%n чинники</numerusform>
            <numerusform>%n чинників</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n подія</numerusform>
            <numerusform>%n події</numerusform>
            <numerusform>%n подій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>%n зв’язок</numerusform>
            <numerusform>%n зв’язки</numerusform>
            <numerusform>%n зв’язків</numerusform>
        </translation>
    </message>
    <message>
        <source>That round was deleted</source>
        <translation>Цей раунд видалено</translation>
    </message>
    <message>
        <source>Events linked</source>
        <translation>Події пов’язано</translation>
    </message>
    <message>
        <source>Deleted “{title}” (its history is kept; {undo} undoes)</source>
        <translation>Видалено «{title}» (історію збережено; {undo} скасовує)</translation>
    </message>
    <message>
        <source>Your Name</source>
        <translation>Ваше ім’я</translation>
    </message>
    <message>
        <source>Record my changes under this name (leave empty for your computer login, “{login}”):</source>
        <translation>Записувати мої зміни під цим ім’ям (залиште порожнім для облікового запису комп’ютера, «{login}»):</translation>
    </message>
    <message>
        <source>Your changes are recorded as “{name}”</source>
        <translation>Ваші зміни записуються як «{name}»</translation>
    </message>
    <message>
        <source>Times are now also shown in {zone}</source>
        <translation>Час тепер показується також у поясі {zone}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Про {app}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Follow peace talks against battlefield events: rounds, the factors they depend on, linked events, and a sourced chronology.&lt;/p&gt;&lt;p&gt;Licence: MIT.&lt;/p&gt;&lt;p&gt;Data credits: the event taxonomy follows ACLED (Armed Conflict Location &amp;amp; Event Data, acleddata.com); UCDP data are © Uppsala Conflict Data Program. Imported datasets keep their own terms of use. The 2026 sample scenario is built from one news report, the 2022 one from public record, each fact cited in the program. The 2022 sample holds the UCDP events of 2022 (UCDP GED 22.1 and Candidate events, Uppsala Conflict Data Program, CC BY 4.0; Sundberg and Melander 2013, Journal of Peace Research 50(4)). Time zones: the IANA tz database. Icons: Lucide (ISC licence).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Відстежуйте мирні переговори на тлі бойових подій: раунди, чинники, від яких вони залежать, пов’язані події та хронологію з джерелами.&lt;/p&gt;&lt;p&gt;Ліцензія: MIT.&lt;/p&gt;&lt;p&gt;Дані: класифікація подій відповідає ACLED (Armed Conflict Location &amp;amp; Event Data, acleddata.com); дані UCDP © Uppsala Conflict Data Program. Імпортовані набори даних зберігають власні умови використання. Зразковий сценарій 2026 року побудовано за одним новинним повідомленням, сценарій 2022 року — за відкритими джерелами, кожен факт процитовано в програмі. Зразок 2022 року містить події UCDP за 2022 рік (UCDP GED 22.1 та Candidate events, Uppsala Conflict Data Program, CC BY 4.0; Sundberg and Melander 2013, Journal of Peace Research 50(4)). Часові пояси: база даних IANA tz. Піктограми: Lucide (ліцензія ISC).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{title} Failed</source>
        <translation>{title}: не вдалося</translation>
    </message>
    <message>
        <source>Created factor “{name}”</source>
        <translation>Створено чинник «{name}»</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>База даних: {database}</translation>
    </message>
</context>
<context>
    <name>MapExport</name>
    <message>
        <source>Export Map</source>
        <translation>Експортувати мапу</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Зображення PNG (*.png);;Малюнок SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Експорт не вдався</translation>
    </message>
</context>
<context>
    <name>MapTimeBar</name>
    <message>
        <source>Play</source>
        <translation>Відтворити</translation>
    </message>
    <message>
        <source>Play the time window</source>
        <translation>Відтворити часове вікно</translation>
    </message>
    <message>
        <source>Move the window through the period as an animation</source>
        <translation>Провести вікно через увесь період як анімацію</translation>
    </message>
    <message>
        <source>Start of the time window</source>
        <translation>Початок часового вікна</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>Увесь період</translation>
    </message>
    <message>
        <source>Length of the time window in days</source>
        <translation>Довжина часового вікна в днях</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Вікно:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>з %1 по %2</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Follow the &amp;Timeline</source>
        <translation>Слідувати за &amp;часовою шкалою</translation>
    </message>
    <message>
        <source>Show the days the Timeline tab shows</source>
        <translation>Показувати дні, які показує вкладка «Часова шкала»</translation>
    </message>
    <message>
        <source>Zoom in (+, or the mouse wheel)</source>
        <translation>Збільшити (+ або коліщатко миші)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Зменшити (−)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Додому</translation>
    </message>
    <message>
        <source>Show the region of the war</source>
        <translation>Показати регіон війни</translation>
    </message>
    <message>
        <source>Export Image…</source>
        <translation>Експортувати зображення…</translation>
    </message>
    <message>
        <source>Save the map as PNG or SVG</source>
        <translation>Зберегти мапу як PNG або SVG</translation>
    </message>
    <message>
        <source>Finding the event on the map</source>
        <translation>Пошук події на мапі</translation>
    </message>
    <message>
        <source>Map of events and venues</source>
        <translation>Мапа подій і місць проведення</translation>
    </message>
    <message>
        <source>Reading the venues</source>
        <translation>Читання місць проведення</translation>
    </message>
    <message>
        <source>Reading the map</source>
        <translation>Читання мапи</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) in view</source>
        <translation>
            <numerusform>%Ln подія в полі зору</numerusform>
            <numerusform>%Ln події в полі зору</numerusform>
            <numerusform>%Ln подій у полі зору</numerusform>
        </translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Мапа</translation>
    </message>
    <message>
        <source>Finding the event</source>
        <translation>Пошук події</translation>
    </message>
</context>
<context>
    <name>NewFactorDialog</name>
    <message>
        <source>New Factor</source>
        <translation>Новий чинник</translation>
    </message>
    <message>
        <source>e.g. Black Sea grain corridor</source>
        <translation>напр. чорноморський зерновий коридор</translation>
    </message>
    <message>
        <source>What the condition is and how it bears on the talks</source>
        <translation>Що це за умова і як вона впливає на переговори</translation>
    </message>
    <message>
        <source>C&amp;reate Factor</source>
        <translation>&amp;Створити чинник</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Опис:</translation>
    </message>
    <message>
        <source>A factor needs a name</source>
        <translation>Чинник потребує назви</translation>
    </message>
</context>
<context>
    <name>NewPartyDialog</name>
    <message>
        <source>New Party</source>
        <translation>Нова сторона</translation>
    </message>
    <message>
        <source>e.g. European Union</source>
        <translation>напр. Європейський Союз</translation>
    </message>
    <message>
        <source>optional, e.g. EU</source>
        <translation>необов’язково, напр. ЄС</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>&amp;Коротка назва:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>“{name}” is already in the list: choose it there</source>
        <translation>«{name}» уже є в списку: виберіть там</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New Person</source>
        <translation>Нова особа</translation>
    </message>
    <message>
        <source>e.g. Rustem Umerov</source>
        <translation>напр. Рустем Умєров</translation>
    </message>
    <message>
        <source>optional, e.g. Secretary of the Security Council</source>
        <translation>необов’язково, напр. секретар Ради безпеки</translation>
    </message>
    <message>
        <source>Acting for {party}</source>
        <translation>Діє від імені: {party}</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <source>New Round</source>
        <translation>Новий раунд</translation>
    </message>
    <message>
        <source>Name the talks&apos; track, e.g. US-brokered trilateral talks</source>
        <translation>Назвіть трек переговорів, напр. тристоронні переговори за посередництва США</translation>
    </message>
    <message>
        <source>New &amp;Track…</source>
        <translation>Новий &amp;трек…</translation>
    </message>
    <message>
        <source>e.g. Trilateral talks in Abu Dhabi</source>
        <translation>напр. тристоронні переговори в Абу-Дабі</translation>
    </message>
    <message>
        <source>Empty: now</source>
        <translation>Порожньо — зараз</translation>
    </message>
    <message>
        <source>C&amp;reate Round</source>
        <translation>&amp;Створити раунд</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <source>Trac&amp;k:</source>
        <translation>&amp;Трек:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation>&amp;Спосіб:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Коли:</translation>
    </message>
    <message>
        <source>A&amp;nnounced:</source>
        <translation>&amp;Оголошено:</translation>
    </message>
    <message>
        <source>V&amp;enue:</source>
        <translation>&amp;Місце:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Порядок денний:</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (нове)</translation>
    </message>
    <message>
        <source>Name the track these talks belong to</source>
        <translation>Назвіть трек, до якого належать ці переговори</translation>
    </message>
    <message>
        <source>A round needs a title</source>
        <translation>Раунд потребує назви</translation>
    </message>
</context>
<context>
    <name>NewSourceDialog</name>
    <message>
        <source>New Source</source>
        <translation>Нове джерело</translation>
    </message>
</context>
<context>
    <name>NewVenueDialog</name>
    <message>
        <source>New Venue</source>
        <translation>Нове місце проведення</translation>
    </message>
</context>
<context>
    <name>OpenSampleDialog</name>
    <message>
        <source>Open Sample</source>
        <translation>Відкрити зразок</translation>
    </message>
    <message>
        <source>Open a sample scenario to explore the program. It is kept in a database of its own; your databases are not touched.</source>
        <translation>Відкрийте зразковий сценарій, щоб ознайомитися з програмою. Він зберігається в окремій базі даних; ваші бази даних не змінюються.</translation>
    </message>
</context>
<context>
    <name>PairsModel</name>
    <message>
        <source>Score</source>
        <translation>Оцінка</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Відстань</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>First: date</source>
        <translation>Перша: дата</translation>
    </message>
    <message>
        <source>First: place</source>
        <translation>Перша: місце</translation>
    </message>
    <message>
        <source>First: type</source>
        <translation>Перша: тип</translation>
    </message>
    <message>
        <source>First: fatalities</source>
        <translation>Перша: загиблі</translation>
    </message>
    <message>
        <source>Second: date</source>
        <translation>Друга: дата</translation>
    </message>
    <message>
        <source>Second: place</source>
        <translation>Друга: місце</translation>
    </message>
    <message>
        <source>Second: type</source>
        <translation>Друга: тип</translation>
    </message>
    <message>
        <source>Second: fatalities</source>
        <translation>Друга: загиблі</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>запропоновано</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>прийнято</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>0 to 1: how near, how much of the same days, how compatible the types and how close the fatalities are</source>
        <translation>Від 0 до 1: наскільки близько, наскільки збігаються дні, наскільки сумісні типи й наскільки близькі кількості загиблих</translation>
    </message>
    <message>
        <source>The event of the dataset searched from</source>
        <translation>Подія з набору даних, з якого шукали</translation>
    </message>
    <message>
        <source>The event of the dataset compared with it</source>
        <translation>Подія з набору даних, з яким порівнювали</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Add Participant</source>
        <translation>Додати учасника</translation>
    </message>
    <message>
        <source>Choose a party…</source>
        <translation>Виберіть сторону…</translation>
    </message>
    <message>
        <source>New &amp;Party…</source>
        <translation>Нова &amp;сторона…</translation>
    </message>
    <message>
        <source>New P&amp;erson…</source>
        <translation>Нова &amp;особа…</translation>
    </message>
    <message>
        <source>e.g. Offered to host the next round</source>
        <translation>напр. запропонувала прийняти наступний раунд</translation>
    </message>
    <message>
        <source>&amp;Add Participant</source>
        <translation>&amp;Додати учасника</translation>
    </message>
    <message>
        <source>Par&amp;ty:</source>
        <translation>&amp;Сторона:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>&amp;Head of delegation:</source>
        <translation>&amp;Голова делегації:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примітка:</translation>
    </message>
    <message>
        <source>Add {party} as {role} to “{round}”</source>
        <translation>Додати {party} як «{role}» до «{round}»</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (нове)</translation>
    </message>
    <message>
        <source>Choose a party first</source>
        <translation>Спершу виберіть сторону</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>No participants yet. Add the parties, mediators, hosts and observers.</source>
        <translation>Учасників ще немає. Додайте сторони, посередників, господарів і спостерігачів.</translation>
    </message>
    <message>
        <source>Who takes part in the round; Delete removes the selected participant</source>
        <translation>Хто бере участь у раунді; Delete прибирає вибраного учасника</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>Remove Participant</source>
        <translation>Прибрати учасника</translation>
    </message>
    <message>
        <source>Add &amp;Participant…</source>
        <translation>Додати &amp;учасника…</translation>
    </message>
    <message>
        <source>Seat a party at this round as a party, mediator, host or observer</source>
        <translation>Додати до цього раунду сторону як учасника, посередника, господаря або спостерігача</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <source>Change the selected participant&apos;s role, head of delegation or note (double-click)</source>
        <translation>Змінити роль, голову делегації чи примітку вибраного учасника (подвійне клацання)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Прибрати</translation>
    </message>
    <message>
        <source>Take the selected participant off this round (Delete)</source>
        <translation>Прибрати вибраного учасника з цього раунду (Delete)</translation>
    </message>
    <message>
        <source>Remove {party} ({role}) from “{round}”</source>
        <translation>Прибрати {party} ({role}) з «{round}»</translation>
    </message>
</context>
<context>
    <name>RecentDatabases</name>
    <message>
        <source> (missing)</source>
        <translation> (відсутня)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Нещодавні</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>Немає нещодавніх баз даних</translation>
    </message>
    <message>
        <source>Remove &amp;Missing</source>
        <translation>Прибрати &amp;відсутні</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Очистити меню</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Reconcile Datasets</source>
        <translation>Зіставлення наборів даних</translation>
    </message>
    <message>
        <source>First dataset</source>
        <translation>Перший набір даних</translation>
    </message>
    <message>
        <source>Second dataset</source>
        <translation>Другий набір даних</translation>
    </message>
    <message>
        <source>Largest distance in kilometres</source>
        <translation>Найбільша відстань у кілометрах</translation>
    </message>
    <message>
        <source> km</source>
        <translation> км</translation>
    </message>
    <message>
        <source>&amp;Find Pairs</source>
        <translation>&amp;Знайти пари</translation>
    </message>
    <message>
        <source>Cancel Searc&amp;h</source>
        <translation>Скасувати &amp;пошук</translation>
    </message>
    <message>
        <source>Search progress</source>
        <translation>Хід пошуку</translation>
    </message>
    <message>
        <source>F&amp;irst dataset:</source>
        <translation>&amp;Перший набір даних:</translation>
    </message>
    <message>
        <source>&amp;Second dataset:</source>
        <translation>&amp;Другий набір даних:</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>&amp;У межах:</translation>
    </message>
    <message>
        <source>Pairs shown</source>
        <translation>Показані пари</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Запропоновані</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Прийняті</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Відхилені</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>Sh&amp;ow:</source>
        <translation>П&amp;оказати:</translation>
    </message>
    <message>
        <source>Candidate pairs</source>
        <translation>Пари-кандидати</translation>
    </message>
    <message>
        <source>The selected pair side by side</source>
        <translation>Вибрана пара поруч</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>П&amp;рийняти</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>В&amp;ідхилити</translation>
    </message>
    <message>
        <source>Accept All A&amp;bove</source>
        <translation>Прийняти &amp;всі вище</translation>
    </message>
    <message>
        <source>Lowest score accepted</source>
        <translation>Найнижча прийнятна оцінка</translation>
    </message>
    <message>
        <source>Whose figures an accepted pair shows</source>
        <translation>Чиї цифри показує прийнята пара</translation>
    </message>
    <message>
        <source>&amp;Prefer figures of:</source>
        <translation>Пе&amp;ревага цифрам:</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Read Pairs</source>
        <translation>Читання пар</translation>
    </message>
    <message>
        <source>reading the pairs</source>
        <translation>читання пар</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln pair(s)</source>
        <translation>
            <numerusform>%1 з %Ln пари</numerusform>
            <numerusform>%1 з %Ln пар</numerusform>
            <numerusform>%1 з %Ln пар</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a pair to compare its events.</source>
        <translation>Виберіть пару, щоб порівняти її події.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s) proposed (%1 already decided) in %2 s</source>
        <translation>
            <numerusform>Запропоновано %Ln пару (уже вирішено: %1) за %2 с</numerusform>
            <numerusform>Запропоновано %Ln пари (уже вирішено: %1) за %2 с</numerusform>
            <numerusform>Запропоновано %Ln пар (уже вирішено: %1) за %2 с</numerusform>
        </translation>
    </message>
    <message>
        <source>each pair&apos;s first dataset</source>
        <translation>першого набору даних кожної пари</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набір даних</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>Загиблі</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>Score %1, %2 km apart, %3</source>
        <translation>Оцінка %1, відстань %2 км, %3</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Пошук…</translation>
    </message>
    <message>
        <source>Find Pairs</source>
        <translation>Пошук пар</translation>
    </message>
    <message>
        <source>the search for pairs</source>
        <translation>пошук пар</translation>
    </message>
    <message>
        <source>pairs are being searched for</source>
        <translation>триває пошук пар</translation>
    </message>
    <message>
        <source>Search cancelled; nothing changed.</source>
        <translation>Пошук скасовано; нічого не змінено.</translation>
    </message>
    <message>
        <source>Accept Pair</source>
        <translation>Прийняти пару</translation>
    </message>
    <message>
        <source>Reject Pair</source>
        <translation>Відхилити пару</translation>
    </message>
    <message>
        <source>Accept Pairs Above %1</source>
        <translation>Прийняти пари з оцінкою понад %1</translation>
    </message>
    <message>
        <source>Prefer Figures</source>
        <translation>Віддати перевагу цифрам</translation>
    </message>
</context>
<context>
    <name>ReportTitleFields</name>
    <message>
        <source>OFFICIAL – SENSITIVE</source>
        <translation>ДЛЯ СЛУЖБОВОГО КОРИСТУВАННЯ</translation>
    </message>
    <message>
        <source>None; e.g. {example}</source>
        <translation>Немає; напр. {example}</translation>
    </message>
    <message>
        <source>A handling marking, printed at the top and bottom of every page of the PDF and at the top of the HTML</source>
        <translation>Гриф поводження, що друкується вгорі й унизу кожної сторінки PDF і вгорі HTML</translation>
    </message>
    <message>
        <source>Report &amp;title:</source>
        <translation>&amp;Назва звіту:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Автор:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Організація:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Гриф:</translation>
    </message>
</context>
<context>
    <name>RingControls</name>
    <message>
        <source>Venue at the centre of the ring</source>
        <translation>Місце проведення в центрі кола</translation>
    </message>
    <message>
        <source> km</source>
        <translation> км</translation>
    </message>
    <message>
        <source>Radius of the ring in kilometres</source>
        <translation>Радіус кола в кілометрах</translation>
    </message>
    <message>
        <source>R&amp;ing around:</source>
        <translation>&amp;Коло навколо:</translation>
    </message>
    <message>
        <source>within</source>
        <translation>у межах</translation>
    </message>
    <message>
        <source>No ring</source>
        <translation>Без кола</translation>
    </message>
    <message>
        <source>No venue has coordinates yet: add them in a round&apos;s venue details</source>
        <translation>Жодне місце проведення ще не має координат: додайте їх у відомостях про місце раунду</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Мапа</translation>
    </message>
    <message>
        <source>Counting the events in the ring</source>
        <translation>Підрахунок подій у колі</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) within %1 km of %2</source>
        <translation>
            <numerusform>%Ln подія в межах %1 км від %2</numerusform>
            <numerusform>%Ln події в межах %1 км від %2</numerusform>
            <numerusform>%Ln подій у межах %1 км від %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundDetailPane</name>
    <message>
        <source>Double-click or press Enter to show the event</source>
        <translation>Двічі клацніть або натисніть Enter, щоб показати подію</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Від’єднати</translation>
    </message>
    <message>
        <source>Remove the selected event&apos;s link to this round</source>
        <translation>Прибрати зв’язок вибраної події з цим раундом</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the factor</source>
        <translation>Двічі клацніть або натисніть Enter, щоб відкрити чинник</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>Linked events</source>
        <translation>Пов’язані події</translation>
    </message>
    <message>
        <source>Round summary</source>
        <translation>Підсумок раунду</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Залежності</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>Round details</source>
        <translation>Відомості про раунд</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Select a round to see its schedule, history and linked events.</source>
        <translation>Виберіть раунд, щоб побачити його розклад, історію й пов’язані події.</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Від’єднати</translation>
    </message>
    <message>
        <source>This round depends on no factor.</source>
        <translation>Цей раунд не залежить від жодного чинника.</translation>
    </message>
    <message>
        <source>No events linked to this round. Link events to see what happened around it.</source>
        <translation>З цим раундом не пов’язано жодних подій. Зв’яжіть події, щоб побачити, що відбувалося навколо нього.</translation>
    </message>
    <message>
        <source>Unlink event from “{title}”</source>
        <translation>Від’єднати подію від «{title}»</translation>
    </message>
</context>
<context>
    <name>RoundSummary</name>
    <message>
        <source>Not known yet</source>
        <translation>Поки невідомо</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Трек</translation>
    </message>
    <message>
        <source>{window} (venue zone)</source>
        <translation>{window} (пояс місця)</translation>
    </message>
    <message>
        <source>{window} (round&apos;s zone)</source>
        <translation>{window} (пояс раунду)</translation>
    </message>
    <message>
        <source>{window} (your zone)</source>
        <translation>{window} (ваш пояс)</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точність</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Window, venue and status {as_of}</source>
        <translation>Вікно, місце й статус {as_of}</translation>
    </message>
</context>
<context>
    <name>RoundsTableModel</name>
    <message>
        <source>The window shown in your time zone ({zone})</source>
        <translation>Вікно у вашому часовому поясі ({zone})</translation>
    </message>
    <message>
        <source>The window in the round&apos;s own zone: the venue&apos;s where a venue is named, otherwise the zone its time was given in</source>
        <translation>Час раунду в його власному поясі: у поясі місця проведення, якщо місце назване, інакше в поясі, у якому подано час</translation>
    </message>
    <message>
        <source>{window} ({zone}, {precision})
In your zone ({your_zone}): {your_window}</source>
        <translation>{window} ({zone}, {precision})
У вашому поясі ({your_zone}): {your_window}</translation>
    </message>
</context>
<context>
    <name>RoundsView</name>
    <message>
        <source>Filter rounds</source>
        <translation>Фільтр раундів</translation>
    </message>
    <message>
        <source>Filter by title, track, venue, participant or status</source>
        <translation>Фільтр за назвою, треком, місцем, учасником чи статусом</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Раунди</translation>
    </message>
    <message numerus="yes">
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n раунд</numerusform>
            <numerusform>%n раунди</numerusform>
            <numerusform>%n раундів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n round(s)</source>
        <translation>
            <numerusform>{shown} з %n раунду</numerusform>
            <numerusform>{shown} з %n раундів</numerusform>
            <numerusform>{shown} з %n раундів</numerusform>
        </translation>
    </message>
    <message>
        <source>No round had been announced by the end of {day}.</source>
        <translation>До кінця {day} не було оголошено жодного раунду.</translation>
    </message>
    <message>
        <source>No rounds yet. Add one with Edit › New Round… (Ctrl+Shift+N).</source>
        <translation>Раундів ще немає. Додайте через Зміни › Новий раунд… (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>No rounds match “{text}”.</source>
        <translation>Жоден раунд не відповідає «{text}».</translation>
    </message>
</context>
<context>
    <name>SampleFiles</name>
    <message>
        <source>Writing the sample into {path}…</source>
        <translation>Запис зразка до {path}…</translation>
    </message>
    <message>
        <source>Cannot Open the Sample</source>
        <translation>Не вдається відкрити зразок</translation>
    </message>
    <message>
        <source>The sample was not written; your database is as it was.</source>
        <translation>Зразок не записано; ваша база даних залишилася такою, як була.</translation>
    </message>
    <message>
        <source>Writing the {scenario} sample</source>
        <translation>Запис зразка {scenario}</translation>
    </message>
    <message>
        <source>the sample</source>
        <translation>зразок</translation>
    </message>
</context>
<context>
    <name>ScheduleChangeDialog</name>
    <message>
        <source>Reschedule Round</source>
        <translation>Перенесення раунду</translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation>&amp;Перенести</translation>
    </message>
    <message>
        <source>Reschedule “{title}”</source>
        <translation>Перенести «{title}»</translation>
    </message>
    <message>
        <source>Why the date changed, e.g. the mediator asked for more time</source>
        <translation>Чому змінилася дата, напр. посередник попросив більше часу</translation>
    </message>
    <message>
        <source>Relocate Round</source>
        <translation>Зміна місця раунду</translation>
    </message>
    <message>
        <source>Re&amp;locate</source>
        <translation>Змінити &amp;місце</translation>
    </message>
    <message>
        <source>Relocate “{title}”</source>
        <translation>Змінити місце «{title}»</translation>
    </message>
    <message>
        <source>Why the venue changed</source>
        <translation>Чому змінилося місце</translation>
    </message>
    <message>
        <source>Postpone Round</source>
        <translation>Відкладення раунду</translation>
    </message>
    <message>
        <source>&amp;Postpone</source>
        <translation>&amp;Відкласти</translation>
    </message>
    <message>
        <source>Postpone “{title}”</source>
        <translation>Відкласти «{title}»</translation>
    </message>
    <message>
        <source>Why the round was postponed; its date becomes unknown</source>
        <translation>Чому раунд відкладено; його дата стає невідомою</translation>
    </message>
    <message>
        <source>Cancel Round</source>
        <translation>Скасування раунду</translation>
    </message>
    <message>
        <source>&amp;Cancel Round</source>
        <translation>Скасувати &amp;раунд</translation>
    </message>
    <message>
        <source>Cancel “{title}”</source>
        <translation>Скасувати «{title}»</translation>
    </message>
    <message>
        <source>Why the round was called off</source>
        <translation>Чому раунд скасовано</translation>
    </message>
    <message>
        <source>Mark Round Held</source>
        <translation>Позначення раунду проведеним</translation>
    </message>
    <message>
        <source>&amp;Mark Held</source>
        <translation>&amp;Позначити проведеним</translation>
    </message>
    <message>
        <source>Mark held “{title}”</source>
        <translation>Позначити проведеним «{title}»</translation>
    </message>
    <message>
        <source>Anything to note about how it went</source>
        <translation>Що варто зазначити про перебіг</translation>
    </message>
    <message>
        <source>venue not known</source>
        <translation>місце невідоме</translation>
    </message>
    <message>
        <source>Now: {status} · {window} · {venue}</source>
        <translation>Зараз: {status} · {window} · {venue}</translation>
    </message>
    <message>
        <source>New &amp;Source…</source>
        <translation>Нове &amp;джерело…</translation>
    </message>
    <message>
        <source>&amp;Keep Round</source>
        <translation>&amp;Залишити раунд</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Коли:</translation>
    </message>
    <message>
        <source>&amp;Held:</source>
        <translation>&amp;Проведено:</translation>
    </message>
    <message>
        <source>Ven&amp;ue:</source>
        <translation>&amp;Місце:</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>A&amp;nnounced:</source>
        <translation>&amp;Оголошено:</translation>
    </message>
    <message>
        <source>&amp;Because of:</source>
        <translation>&amp;Через:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Джерело:</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (нове)</translation>
    </message>
    <message>
        <source>Nothing changed yet</source>
        <translation>Поки нічого не змінено</translation>
    </message>
</context>
<context>
    <name>ScheduleExport</name>
    <message>
        <source>{exported}; sent as cancelled: {titles}</source>
        <translation>{exported}; надіслано як скасовані: {titles}</translation>
    </message>
    <message>
        <source>{exported}; left out, date unknown: {titles}</source>
        <translation>{exported}; пропущено, дата невідома: {titles}</translation>
    </message>
    <message>
        <source>Export Schedule</source>
        <translation>Експорт розкладу</translation>
    </message>
    <message>
        <source>the schedule export</source>
        <translation>експорт розкладу</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source> (in its view)</source>
        <translation> (у своїй таблиці)</translation>
    </message>
    <message>
        <source>A key marked “in its view” works while the table that action belongs to has the focus, so the same key can act on another table&apos;s row elsewhere.</source>
        <translation>Клавіша з позначкою «у своїй таблиці» діє, коли фокус у таблиці, до якої належить дія, тож та сама клавіша може діяти на рядок іншої таблиці деінде.</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавіші</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Що робить</translation>
    </message>
    <message>
        <source>Keys as this computer names them. {note}</source>
        <translation>Клавіші названо так, як їх називає цей комп’ютер. {note}</translation>
    </message>
</context>
<context>
    <name>SourceFields</name>
    <message>
        <source>e.g. Kyiv Independent, or the person who said it</source>
        <translation>напр. «Київ Індепендент» або особа, яка це сказала</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>e.g. 31 Jan 2026 (optional)</source>
        <translation>напр. 2026-01-31 (необов’язково)</translation>
    </message>
    <message>
        <source>O&amp;utlet:</source>
        <translation>&amp;Видання:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адреса:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Опубліковано:</translation>
    </message>
    <message>
        <source>&amp;Read on:</source>
        <translation>&amp;Прочитано:</translation>
    </message>
    <message>
        <source>Re&amp;liability:</source>
        <translation>&amp;Надійність:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примітка:</translation>
    </message>
    <message>
        <source>Say who published or said it</source>
        <translation>Укажіть, хто опублікував чи сказав це</translation>
    </message>
    <message>
        <source>A web address starts with http:// or https://</source>
        <translation>Вебадреса починається з http:// або https://</translation>
    </message>
    <message>
        <source>{day} is in the future</source>
        <translation>{day} — у майбутньому</translation>
    </message>
    <message>
        <source>It was read before it was published</source>
        <translation>Його прочитано до публікації</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>during</source>
        <translation>під час</translation>
    </message>
    <message>
        <source>already linked</source>
        <translation>уже пов’язано</translation>
    </message>
    <message>
        <source>Already linked to this round</source>
        <translation>Уже пов’язано з цим раундом</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Update from Source</source>
        <translation>Оновлення з джерела</translation>
    </message>
    <message>
        <source>UCDP GED (Uppsala Conflict Data Program)</source>
        <translation>UCDP GED (Уппсальська програма даних про конфлікти)</translation>
    </message>
    <message>
        <source>ACLED (Armed Conflict Location &amp; Event Data)</source>
        <translation>ACLED (дані про місця й події збройних конфліктів)</translation>
    </message>
    <message>
        <source>The country whose events to fetch. For UCDP, a country it is known by here, or its Gleditsch–Ward number (369 for Ukraine)</source>
        <translation>Країна, події якої отримати. Для UCDP — країна, відома тут, або її номер Гледіча–Ворда (369 для України)</translation>
    </message>
    <message>
        <source>The UCDP GED release, e.g. 25.1 (or 25.0.10 for a Candidate release)</source>
        <translation>Випуск UCDP GED, напр. 25.1 (або 25.0.10 для випуску Candidate)</translation>
    </message>
    <message>
        <source>Only events &amp;since:</source>
        <translation>Лише події &amp;від:</translation>
    </message>
    <message>
        <source>Only events since</source>
        <translation>Лише події від</translation>
    </message>
    <message>
        <source>&amp;Let an older release overwrite newer values</source>
        <translation>&amp;Дозволити старішому випуску перезаписати новіші значення</translation>
    </message>
    <message>
        <source>Otherwise values of an older release than the one stored are listed in the result and skipped</source>
        <translation>Інакше значення зі старішого випуску, ніж збережений, наводяться в результаті й пропускаються</translation>
    </message>
    <message>
        <source>Set Cr&amp;edentials…</source>
        <translation>Задати &amp;облікові дані…</translation>
    </message>
    <message>
        <source>Type the source&apos;s access token or account; they are kept in the operating system&apos;s keyring, never in the database or the settings</source>
        <translation>Введіть токен доступу чи обліковий запис джерела; вони зберігаються у сховищі ключів операційної системи, ніколи в базі даних чи налаштуваннях</translation>
    </message>
    <message>
        <source>The events are imported as the dataset&apos;s own file would be: the same checks, the same report. Nothing changes until every page has arrived; Cancel, or no network, leaves the database as it was.</source>
        <translation>Події імпортуються так само, як власний файл набору даних: ті самі перевірки, той самий звіт. Нічого не змінюється, доки не надійдуть усі сторінки; «Скасувати» чи відсутність мережі лишають базу даних як була.</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>&amp;Набір даних:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Країна:</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>&amp;Випуск:</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>Облікові дані:</translation>
    </message>
    <message>
        <source>Stored in the keyring</source>
        <translation>Збережено у сховищі ключів</translation>
    </message>
    <message>
        <source>None stored: set them before updating</source>
        <translation>Не збережено: задайте їх перед оновленням</translation>
    </message>
    <message>
        <source>Set credentials for %1</source>
        <translation>Задати облікові дані для %1</translation>
    </message>
</context>
<context>
    <name>SyncFlow</name>
    <message>
        <source>Updating {source}</source>
        <translation>Оновлення: {source}</translation>
    </message>
    <message>
        <source>Events are being updated from {source}; edits can be saved after the update finishes</source>
        <translation>Події оновлюються з {source}; зміни можна буде зберегти, коли оновлення завершиться</translation>
    </message>
    <message>
        <source>the update from the source</source>
        <translation>оновлення з джерела</translation>
    </message>
    <message>
        <source>An update from a source is already running</source>
        <translation>Оновлення з джерела вже виконується</translation>
    </message>
    <message>
        <source>%1: the source has no events for this; nothing was changed</source>
        <translation>%1: джерело не має подій для цього; нічого не змінено</translation>
    </message>
    <message>
        <source>Updated %1 from %2: %3</source>
        <translation>Оновлено %1 з %2: %3</translation>
    </message>
    <message>
        <source>Update cancelled. The database is unchanged.</source>
        <translation>Оновлення скасовано. База даних не змінилася.</translation>
    </message>
    <message>
        <source>Update Failed</source>
        <translation>Оновлення не вдалося</translation>
    </message>
    <message>
        <source>Nothing was changed.

%1</source>
        <translation>Нічого не змінено.

%1</translation>
    </message>
</context>
<context>
    <name>SyncProgressDialog</name>
    <message>
        <source>Updating from Source</source>
        <translation>Оновлення з джерела</translation>
    </message>
    <message>
        <source>Updating %1…</source>
        <translation>Оновлення: %1…</translation>
    </message>
    <message>
        <source>Asking the source…</source>
        <translation>Запит до джерела…</translation>
    </message>
    <message>
        <source>Page %1 of %2 from %3 · %4 events</source>
        <translation>Сторінка %1 з %2 від %3 · подій: %4</translation>
    </message>
    <message>
        <source>Page %1 from %3 · %4 events</source>
        <translation>Сторінка %1 від %3 · подій: %4</translation>
    </message>
</context>
<context>
    <name>TableHeaders</name>
    <message>
        <source>Around</source>
        <translation>Навколо</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Вікно</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дні</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>Загиблі</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>Поранені</translation>
    </message>
    <message>
        <source>Imprecise</source>
        <translation>Неточні</translation>
    </message>
    <message>
        <source>Wholly in</source>
        <translation>Повністю у вікні</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Базовий рівень</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Відношення</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Різниця</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Зв’язки</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Sub-type</source>
        <translation>Підтип</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ціль</translation>
    </message>
    <message>
        <source>Actor 1</source>
        <translation>Учасник 1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набір даних</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Зв’язок</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Чинник</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Раунд</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Вплив</translation>
    </message>
    <message>
        <source>Round or factor</source>
        <translation>Раунд чи чинник</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Голова делегації</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Пов’язано</translation>
    </message>
    <message>
        <source>From window</source>
        <translation>Від вікна</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Відстань</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Оголошено</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Зміна</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Показник</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Цифра</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Хто стверджує</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Рівень</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Тенденція</translation>
    </message>
    <message>
        <source>Latest reading</source>
        <translation>Останній показник</translation>
    </message>
    <message>
        <source>Dependent rounds</source>
        <translation>Залежні раунди</translation>
    </message>
    <message>
        <source>Linked events</source>
        <translation>Пов’язані події</translation>
    </message>
    <message>
        <source>Observed at</source>
        <translation>Спостережено</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Рядок</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Стовпець</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>Через</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Трек</translation>
    </message>
    <message>
        <source>When (round&apos;s zone)</source>
        <translation>Коли (пояс раунду)</translation>
    </message>
    <message>
        <source>When (your zone)</source>
        <translation>Коли (ваш пояс)</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
</context>
<context>
    <name>TargetReview</name>
    <message>
        <source>{category} — chosen by an analyst {when}</source>
        <translation>{category} — вибрано аналітиком {when}</translation>
    </message>
    <message>
        <source>(rule since changed)</source>
        <translation>(правило відтоді змінено)</translation>
    </message>
    <message>
        <source>{category} — suggested by rule {rule} (confidence {confidence:.2f}; found {words}); not reviewed</source>
        <translation>{category} — запропоновано правилом {rule} (впевненість {confidence:.2f}; знайдено {words}); не переглянуто</translation>
    </message>
    <message>
        <source>{category} — no rule found a target in this record; not reviewed</source>
        <translation>{category} — жодне правило не знайшло ціль у цьому записі; не переглянуто</translation>
    </message>
    <message>
        <source>Accept suggested target</source>
        <translation>Прийняти запропоновану ціль</translation>
    </message>
    <message>
        <source>Set target to {category}</source>
        <translation>Задати ціль: {category}</translation>
    </message>
</context>
<context>
    <name>TargetReviewBar</name>
    <message>
        <source>&amp;Accept Suggested Target</source>
        <translation>&amp;Прийняти запропоновану ціль</translation>
    </message>
    <message>
        <source>Keep the category the rules suggested for the selected events as your choice</source>
        <translation>Залишити категорію, запропоновану правилами для вибраних подій, як ваш вибір</translation>
    </message>
    <message>
        <source>Set Tar&amp;get…</source>
        <translation>Задати &amp;ціль…</translation>
    </message>
    <message>
        <source>Choose the target category of the selected events yourself</source>
        <translation>Самостійно вибрати категорію цілі вибраних подій</translation>
    </message>
    <message>
        <source>Suggest Categor&amp;ies</source>
        <translation>Запропонувати &amp;категорії</translation>
    </message>
    <message>
        <source>Run the target rules over every event no analyst has decided</source>
        <translation>Застосувати правила цілей до кожної події, щодо якої аналітик ще не вирішив</translation>
    </message>
    <message>
        <source>Target &amp;Rules…</source>
        <translation>&amp;Правила цілей…</translation>
    </message>
    <message>
        <source>Suggesting target categories…</source>
        <translation>Пропонування категорій цілей…</translation>
    </message>
    <message>
        <source>Suggest target categories</source>
        <translation>Запропонувати категорії цілей</translation>
    </message>
    <message>
        <source>the target categories</source>
        <translation>категорії цілей</translation>
    </message>
    <message>
        <source>target categories are being suggested</source>
        <translation>тривають пропозиції категорій цілей</translation>
    </message>
    <message>
        <source>Suggesting target categories: {done:,} of {total:,} events…</source>
        <translation>Пропонування категорій цілей: {done:,} з {total:,} подій…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) looked at; the rules found a target in %1.</source>
        <translation>
            <numerusform>Переглянуто %Ln подію; правила знайшли ціль у %1.</numerusform>
            <numerusform>Переглянуто %Ln події; правила знайшли ціль у %1.</numerusform>
            <numerusform>Переглянуто %Ln подій; правила знайшли ціль у %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetRulesDialog</name>
    <message>
        <source>Target Rules</source>
        <translation>Правила цілей</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Впевненість</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Читає</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Слова</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Звідки</translation>
    </message>
    <message>
        <source>Target rules in force</source>
        <translation>Чинні правила цілей</translation>
    </message>
    <message>
        <source>e.g. water.pumping-station</source>
        <translation>напр. водопостачання.насосна-станція</translation>
    </message>
    <message>
        <source>one per line: pumping station, насосн</source>
        <translation>по одній на рядок: насосн, pumping station</translation>
    </message>
    <message>
        <source>one per line, matched whole: dam</source>
        <translation>по одному на рядок, повним збігом: дамба</translation>
    </message>
    <message>
        <source>Your rule</source>
        <translation>Ваше правило</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Ідентифікатор:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>&amp;Категорія:</translation>
    </message>
    <message>
        <source>C&amp;onfidence:</source>
        <translation>&amp;Впевненість:</translation>
    </message>
    <message>
        <source>&amp;Word starts:</source>
        <translation>&amp;Початки слів:</translation>
    </message>
    <message>
        <source>W&amp;hole words:</source>
        <translation>Ц&amp;ілі слова:</translation>
    </message>
    <message>
        <source>Reads:</source>
        <translation>Читає:</translation>
    </message>
    <message>
        <source>&amp;Save Rule</source>
        <translation>&amp;Зберегти правило</translation>
    </message>
    <message>
        <source>&amp;Remove Selected Rule</source>
        <translation>&amp;Вилучити вибране правило</translation>
    </message>
    <message>
        <source>Run the Rules &amp;Now</source>
        <translation>Застосувати правила &amp;зараз</translation>
    </message>
    <message>
        <source>Suggest categories again for every event no analyst has decided</source>
        <translation>Знову запропонувати категорії для кожної події, щодо якої аналітик ще не вирішив</translation>
    </message>
    <message>
        <source>Notes / headline</source>
        <translation>Примітки / заголовок</translation>
    </message>
    <message>
        <source>Sub-event type</source>
        <translation>Підтип події</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>rules file</source>
        <translation>файл правил</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>ваше</translation>
    </message>
    <message>
        <source>Save target rule {id}</source>
        <translation>Зберегти правило цілі {id}</translation>
    </message>
    <message>
        <source>Saved. Run the rules to apply it to the events no analyst has decided.</source>
        <translation>Збережено. Застосуйте правила, щоб воно подіяло на події, щодо яких аналітик ще не вирішив.</translation>
    </message>
    <message>
        <source>Remove target rule {id}</source>
        <translation>Вилучити правило цілі {id}</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Вилучено.</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Timeline of rounds, factors and battlefield events</source>
        <translation>Часова шкала раундів, чинників і бойових подій</translation>
    </message>
</context>
<context>
    <name>TimelineGhosts</name>
    <message>
        <source>{title} ({status} then)</source>
        <translation>{title} (тоді: {status})</translation>
    </message>
    <message>
        <source>venue unknown</source>
        <translation>місце невідоме</translation>
    </message>
    <message>
        <source>from the change entered {when} (no announcement date given)</source>
        <translation>за зміною, внесеною {when} (дату оголошення не вказано)</translation>
    </message>
    <message>
        <source>from the change announced {when}</source>
        <translation>за зміною, оголошеною {when}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Deleted since&lt;/i&gt;</source>
        <translation>&lt;i&gt;Відтоді видалено&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Now:&lt;/i&gt; {status} · {window}</source>
        <translation>&lt;i&gt;Зараз:&lt;/i&gt; {status} · {window}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Unchanged since&lt;/i&gt;</source>
        <translation>&lt;i&gt;Відтоді без змін&lt;/i&gt;</translation>
    </message>
    <message>
        <source>{title} as known on {day} ({zone})</source>
        <translation>{title} станом на {day} ({zone})</translation>
    </message>
</context>
<context>
    <name>TimelineJsExport</name>
    <message>
        <source>Export Timeline for the Web</source>
        <translation>Експорт часової шкали для вебу</translation>
    </message>
    <message>
        <source>Export Timeline for the Web (Offline)</source>
        <translation>Експорт часової шкали для вебу (офлайн)</translation>
    </message>
    <message>
        <source>Choose the TimelineJS package (@knight-lab/timelinejs or its dist folder)</source>
        <translation>Виберіть пакет TimelineJS (@knight-lab/timelinejs або його теку dist)</translation>
    </message>
    <message>
        <source>Exported {contents} to {path} (TimelineJS copied beside it: it works offline) (times in {zone})</source>
        <translation>Експортовано {contents} до {path} (поруч скопійовано TimelineJS: працює офлайн) (час у поясі {zone})</translation>
    </message>
    <message>
        <source>Exported {contents} to {path} (times in {zone})</source>
        <translation>Експортовано {contents} до {path} (час у поясі {zone})</translation>
    </message>
    <message>
        <source>left out, date unknown: {titles}</source>
        <translation>пропущено, дата невідома: {titles}</translation>
    </message>
    <message>
        <source>the timeline export</source>
        <translation>експорт часової шкали</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>rising</source>
        <translation>зростає</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>стабільний</translation>
    </message>
    <message>
        <source>easing</source>
        <translation>слабшає</translation>
    </message>
    <message>
        <source>low</source>
        <translation>низький</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>помірний</translation>
    </message>
    <message>
        <source>high</source>
        <translation>високий</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>критичний</translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message>
        <source>Times in {zone}</source>
        <translation>Час у поясі {zone}</translation>
    </message>
    <message>
        <source>Rounds by track</source>
        <translation>Раунди за треками</translation>
    </message>
    <message>
        <source>No rounds yet</source>
        <translation>Раундів ще немає</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>Чинники</translation>
    </message>
    <message>
        <source>No factors yet</source>
        <translation>Чинників ще немає</translation>
    </message>
    <message>
        <source>events, one mark each</source>
        <translation>події, по позначці на кожну</translation>
    </message>
    <message>
        <source>{measure} per {bucket}</source>
        <translation>{measure} за {bucket}</translation>
    </message>
    <message>
        <source>Battlefield events</source>
        <translation>Бойові події</translation>
    </message>
    <message>
        <source>uncategorised</source>
        <translation>без категорії</translation>
    </message>
    <message>
        <source>dots: known to the day; faded bars: known only to the week or month, or over days</source>
        <translation>точки — відомо з точністю до дня; бліді смуги — лише до тижня чи місяця або на кілька днів</translation>
    </message>
    <message>
        <source>hatched: events known only to the week or month, on their recorded day</source>
        <translation>заштриховано — події, відомі лише до тижня чи місяця, у записаний для них день</translation>
    </message>
    <message>
        <source>{note}; {count} dated outside {range} are left off</source>
        <translation>{note}; {count} з датами поза {range} не показано</translation>
    </message>
    <message>
        <source>no new date</source>
        <translation>без нової дати</translation>
    </message>
    <message>
        <source>No {measure} in this range</source>
        <translation>У цьому проміжку немає: {measure}</translation>
    </message>
    <message>
        <source>{peak} {measure} / {bucket} at most</source>
        <translation>щонайбільше {peak} ({measure}) / {bucket}</translation>
    </message>
</context>
<context>
    <name>TimelineTips</name>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>і ще {count}</translation>
    </message>
    <message>
        <source>venue unknown</source>
        <translation>місце невідоме</translation>
    </message>
    <message>
        <source>no announcement date given; entered {entered} ({zone})</source>
        <translation>дату оголошення не вказано; внесено {entered} ({zone})</translation>
    </message>
    <message>
        <source>announced {announced}; entered {entered} ({zone})</source>
        <translation>оголошено {announced}; внесено {entered} ({zone})</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Чому: {reason}</translation>
    </message>
    <message>
        <source>Factor: {name}</source>
        <translation>Чинник: {name}</translation>
    </message>
    <message>
        <source>{title} moved</source>
        <translation>{title} перенесено</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>до {day}</translation>
    </message>
    <message>
        <source>latest reading</source>
        <translation>останній показник</translation>
    </message>
    <message>
        <source>from {since}, {until}</source>
        <translation>від {since}, {until}</translation>
    </message>
    <message>
        <source>of which {count} known only to the week or month (hatched), counted on their recorded day</source>
        <translation>з них {count} відомі лише до тижня чи місяця (заштриховано), пораховані в записаний для них день</translation>
    </message>
    <message>
        <source>uncategorised</source>
        <translation>без категорії</translation>
    </message>
    <message>
        <source>fatalities unknown</source>
        <translation>кількість загиблих невідома</translation>
    </message>
    <message>
        <source>{count} killed</source>
        <translation>загиблих: {count}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>What the events strip counts per bucket</source>
        <translation>Що смуга подій рахує в кожному проміжку</translation>
    </message>
    <message>
        <source>Export Image…</source>
        <translation>Експортувати зображення…</translation>
    </message>
    <message>
        <source>Save the timeline as PNG or SVG</source>
        <translation>Зберегти часову шкалу як PNG або SVG</translation>
    </message>
    <message>
        <source>Zoom in (+, or the mouse wheel)</source>
        <translation>Збільшити (+ або коліщатко миші)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Зменшити (−)</translation>
    </message>
    <message>
        <source>Fit All</source>
        <translation>Показати все</translation>
    </message>
    <message>
        <source>Show everything (Home)</source>
        <translation>Показати все (Home)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Go to today (T)</source>
        <translation>Перейти до сьогодні (T)</translation>
    </message>
    <message>
        <source>Strip shows:</source>
        <translation>Смуга показує:</translation>
    </message>
    <message>
        <source>Read the timeline&apos;s events</source>
        <translation>Прочитати події стрічки часу</translation>
    </message>
    <message>
        <source>the timeline&apos;s events</source>
        <translation>події стрічки часу</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>з {first} до {last}</translation>
    </message>
    <message>
        <source>place “{place}”</source>
        <translation>місце «{place}»</translation>
    </message>
    <message>
        <source>words “{words}”</source>
        <translation>слова «{words}»</translation>
    </message>
    <message>
        <source>Events filtered as in the Events tab: {filters}</source>
        <translation>Події відфільтровано як на вкладці «Події»: {filters}</translation>
    </message>
    <message>
        <source>All events (filters set in the Events tab apply here too)</source>
        <translation>Усі події (фільтри вкладки «Події» діють і тут)</translation>
    </message>
</context>
<context>
    <name>VenueFields</name>
    <message>
        <source>{field} is a number, e.g. 41.01</source>
        <translation>{field} — це число, напр. 41.01</translation>
    </message>
    <message>
        <source>{field} must be between {low} and {high}</source>
        <translation>{field} має бути між {low} і {high}</translation>
    </message>
    <message>
        <source>e.g. Dolmabahçe Palace</source>
        <translation>напр. палац Долмабахче</translation>
    </message>
    <message>
        <source>optional, e.g. 41.039</source>
        <translation>необов’язково, напр. 41.039</translation>
    </message>
    <message>
        <source>optional, e.g. 29.000</source>
        <translation>необов’язково, напр. 29.000</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>&amp;Місто:</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>&amp;Країна:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часовий пояс:</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>&amp;Широта:</translation>
    </message>
    <message>
        <source>Lon&amp;gitude:</source>
        <translation>&amp;Довгота:</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Довгота</translation>
    </message>
    <message>
        <source>A venue needs a name</source>
        <translation>Місце потребує назви</translation>
    </message>
    <message>
        <source>Unknown time zone: “{zone}”</source>
        <translation>Невідомий часовий пояс: «{zone}»</translation>
    </message>
</context>
<context>
    <name>VenuePicker</name>
    <message>
        <source>Not known yet</source>
        <translation>Поки невідомо</translation>
    </message>
    <message>
        <source>New &amp;Venue…</source>
        <translation>Нове &amp;місце…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <source>Correct the chosen venue (name, place, time zone, coordinates) for every round held there</source>
        <translation>Виправити вибране місце (назву, розташування, часовий пояс, координати) для кожного раунду, що там проходить</translation>
    </message>
    <message>
        <source>{name} (new) — {zone}</source>
        <translation>{name} (нове) — {zone}</translation>
    </message>
</context>
<context>
    <name>WindowInput</name>
    <message>
        <source>As typed</source>
        <translation>Як введено</translation>
    </message>
    <message>
        <source>Exact time</source>
        <translation>Точний час</translation>
    </message>
    <message>
        <source>Day(s)</source>
        <translation>День (дні)</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Тиждень</translation>
    </message>
    <message>
        <source>Month of</source>
        <translation>Місяць</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Невідомо</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точність</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>e.g. the coming week · 5 Feb 2026 10:00 · Feb 2026</source>
        <translation>напр. 2026-02-05 10:00 · 2026-02-05</translation>
    </message>
    <message>
        <source>Until (optional)</source>
        <translation>До (необов’язково)</translation>
    </message>
    <message>
        <source>optional end: 18:00 or 7 Feb 2026</source>
        <translation>необов’язковий кінець: 18:00 або 2026-02-07</translation>
    </message>
    <message>
        <source>Da&amp;y first (03/02 is 3 Feb)</source>
        <translation>Спершу &amp;день (03/02 — це 3 лютого)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>Часовий &amp;пояс</translation>
    </message>
    <message>
        <source>Unknown time zone: “{zone}”. Pick one from the list.</source>
        <translation>Невідомий часовий пояс: «{zone}». Виберіть зі списку.</translation>
    </message>
    <message>
        <source>Type a date, or choose Unknown</source>
        <translation>Введіть дату або виберіть «Невідомо»</translation>
    </message>
    <message>
        <source>Date unknown (times will be in {zone})</source>
        <translation>Дата невідома (час буде в поясі {zone})</translation>
    </message>
    <message>
        <source>{window} (this time happens twice that night; the first is meant)</source>
        <translation>{window} (цей час тієї ночі настає двічі; мається на увазі перший)</translation>
    </message>
    <message>
        <source>{window}
your zone: {span}</source>
        <translation>{window}
ваш пояс: {span}</translation>
    </message>
</context>
<context>
    <name>WorkStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Stop it; nothing it began is kept</source>
        <translation>Зупинити; нічого з розпочатого не збережеться</translation>
    </message>
    <message>
        <source>Running {work}…</source>
        <translation>Виконується: {work}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Not saved: {reason}.</source>
        <translation>Не збережено: {reason}.</translation>
    </message>
    <message>
        <source>The change</source>
        <translation>Зміна</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Negotiation Tracker</source>
        <translation>Трекер переговорів</translation>
    </message>
</context>
<context>
    <name>conflict_dialog</name>
    <message>
        <source>Changed by Someone Else</source>
        <translation>Змінено кимось іншим</translation>
    </message>
</context>
<context>
    <name>database_files</name>
    <message>
        <source>Negotiation Tracker databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Бази даних Трекера переговорів (*.db *.sqlite *.sqlite3);;Усі файли (*)</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>Нова база даних</translation>
    </message>
    <message>
        <source>{path} already exists.

Choose a new file name, or use File › Open Database… to open it.</source>
        <translation>{path} уже існує.

Виберіть нове ім’я файлу або відкрийте його через Файл › Відкрити базу даних….</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Відкрити базу даних</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Не вдається відкрити базу даних</translation>
    </message>
</context>
<context>
    <name>file_export</name>
    <message>
        <source>Export Failed</source>
        <translation>Експорт не вдався</translation>
    </message>
    <message>
        <source>The export did not finish; nothing was written</source>
        <translation>Експорт не завершився; нічого не записано</translation>
    </message>
</context>
<context>
    <name>recent_databases</name>
    <message>
        <source>Cannot Open Database</source>
        <translation>Не вдається відкрити базу даних</translation>
    </message>
</context>
<context>
    <name>sample_files</name>
    <message>
        <source>Cannot Open the Sample</source>
        <translation>Не вдається відкрити зразок</translation>
    </message>
</context>
<context>
    <name>timeline_export</name>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Зображення PNG (*.png);;Малюнок SVG (*.svg)</translation>
    </message>
    <message>
        <source>Negotiation Tracker timeline</source>
        <translation>Часова шкала Трекера переговорів</translation>
    </message>
    <message>
        <source>Rounds, factors and battlefield events; times in {zone}</source>
        <translation>Раунди, чинники й бойові події; час у поясі {zone}</translation>
    </message>
    <message>
        <source>{file}: choose a name ending in .png or .svg</source>
        <translation>{file}: виберіть ім’я із закінченням .png або .svg</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>Експорт часової шкали</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Експорт не вдався</translation>
    </message>
</context>
<context>
    <name>venue_dialog</name>
    <message>
        <source>New Track</source>
        <translation>Новий трек</translation>
    </message>
    <message>
        <source>Name of the negotiation track (e.g. Prisoner exchanges):</source>
        <translation>Назва треку переговорів (напр. обмін полоненими):</translation>
    </message>
</context>
<context>
    <name>work_status</name>
    <message>
        <source>Work Still Running</source>
        <translation>Робота ще триває</translation>
    </message>
    <message>
        <source>Stop {work}? Nothing it began is kept.

No waits for it to finish.</source>
        <translation>Зупинити: {work}? Нічого з розпочатого не збережеться.

«Ні» чекає, поки це завершиться.</translation>
    </message>
</context>
</TS>
