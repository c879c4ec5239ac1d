<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
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
</context>
<context>
    <name>AddReadingDialog</name>
    <message>
        <source>Add factor reading</source>
        <translation>Додати показник чинника</translation>
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
</context>
<context>
    <name>AnalysisChart</name>
    <message>
        <source>Select a row to compare its windows</source>
        <translation>Виберіть рядок, щоб порівняти його вікна</translation>
    </message>
    <message>
        <source>Nothing analysed yet</source>
        <translation>Ще нічого не проаналізовано</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Аналіз</translation>
    </message>
</context>
<context>
    <name>AnalysisControls</name>
    <message>
        <source> days</source>
        <translation> дн.</translation>
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
    <name>AnalysisTableModel</name>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Baseline {measure}</source>
        <translation>Базовий рівень: {measure}</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
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
</context>
<context>
    <name>AnnouncedInput</name>
    <message>
        <source>Announced</source>
        <translation>Оголошено</translation>
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
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Import Archive</source>
        <translation>Імпорт архіву</translation>
    </message>
    <message>
        <source>Archive Imported</source>
        <translation>Архів імпортовано</translation>
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
</context>
<context>
    <name>AsOfDialog</name>
    <message>
        <source>As of Date</source>
        <translation>Станом на дату</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change Log</source>
        <translation>Журнал змін</translation>
    </message>
    <message>
        <source>Every record added, changed or deleted, by whom, newest first. The schedule&apos;s own history, with reasons, is in each round&apos;s details.</source>
        <translation>Кожен доданий, змінений чи видалений запис і хто це зробив, найновіші спершу. Власна історія розкладу з причинами — у подробицях кожного раунду.</translation>
    </message>
</context>
<context>
    <name>ChronologyView</name>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>Show corrections (undone entries)</source>
        <translation>Показувати виправлення (скасовані записи)</translation>
    </message>
    <message>
        <source>List each undone change marked as withdrawn, and each undo and redo as a correction; off, an undone change is left out with its undo</source>
        <translation>Показувати кожну скасовану зміну як відкликану, а кожне скасування й повторення — як виправлення; якщо вимкнено, скасована зміна не показується разом зі своїм скасуванням</translation>
    </message>
</context>
<context>
    <name>CitedSourcesList</name>
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
    <name>ColumnMappingDialog</name>
    <message>
        <source>Choose Columns</source>
        <translation>Виберіть стовпці</translation>
    </message>
    <message>
        <source>Events are matched by dataset and id: importing the same rows into the same dataset again updates them.</source>
        <translation>Події зіставляються за набором даних та ідентифікатором: повторний імпорт тих самих рядків у той самий набір оновлює їх.</translation>
    </message>
    <message>
        <source>Day &amp;first (03/02/2026 is 3 February)</source>
        <translation>Спершу &amp;день (03/02/2026 — це 3 лютого)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
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
</context>
<context>
    <name>DisplayZoneDialog</name>
    <message>
        <source>Your Time Zone</source>
        <translation>Ваш часовий пояс</translation>
    </message>
</context>
<context>
    <name>EditDependencyDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
</context>
<context>
    <name>EditDetailsDialog</name>
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
</context>
<context>
    <name>EditFactorDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
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
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
</context>
<context>
    <name>EditPause</name>
    <message>
        <source>Go back to today’s schedule to edit again.</source>
        <translation>Поверніться до сьогоднішнього розкладу, щоб знову редагувати.</translation>
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
</context>
<context>
    <name>EditVenueDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
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
</context>
<context>
    <name>EventFilterBar</name>
    <message>
        <source>From</source>
        <translation>Від</translation>
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
        <source>A town, district or region, from the start of its name (“khark” finds Kharkiv and Kharkivska)</source>
        <translation>Місто, район чи область, за початком назви («khark» знаходить Kharkiv і Kharkivska)</translation>
    </message>
    <message>
        <source>Words that must appear in the summary, actors or place</source>
        <translation>Слова, які мають бути в описі, учасниках чи місці</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Очистити фільтри</translation>
    </message>
</context>
<context>
    <name>EventsTableModel</name>
    <message>
        <source>{column} (not sortable)</source>
        <translation>{column} (не сортується)</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>No events</source>
        <translation>Немає подій</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Chronology</source>
        <translation>Експорт хронології</translation>
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
        <source>&amp;To</source>
        <translation>&amp;До</translation>
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
        <source>Dates:</source>
        <translation>Дати:</translation>
    </message>
</context>
<context>
    <name>FactorDetailPane</name>
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
        <source>&lt;b&gt;Sources&lt;/b&gt;</source>
        <translation>&lt;b&gt;Джерела&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a factor to see its readings and links.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Виберіть чинник, щоб побачити його показники й зв’язки.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Guide</source>
        <translation>Посібник</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
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
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import Refused</source>
        <translation>Імпорт відхилено</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Імпорт не вдався</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Importing Events</source>
        <translation>Імпорт подій</translation>
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
        <source>Import Finished</source>
        <translation>Імпорт завершено</translation>
    </message>
    <message>
        <source>&amp;Save Report…</source>
        <translation>&amp;Зберегти звіт…</translation>
    </message>
    <message>
        <source>Save the counts, notes and every rejected row as CSV</source>
        <translation>Зберегти підсумки, примітки й кожен відхилений рядок як CSV</translation>
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
        <source>Notes:</source>
        <translation>Примітки:</translation>
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
        <source>Events</source>
        <translation>Події</translation>
    </message>
</context>
<context>
    <name>LinkTargetDialog</name>
    <message>
        <source>Link event</source>
        <translation>Зв’язати подію</translation>
    </message>
    <message>
        <source>Why they belong together (optional)</source>
        <translation>Чому вони пов’язані (необов’язково)</translation>
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
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n раунд</numerusform>
            <numerusform>%n раунди</numerusform>
            <numerusform>%n раундів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n factor(s)</source>
        <translation>
            <numerusform>%n чинник</numerusform>
            <numerusform>%n чинники</numerusform>
            <numerusform>%n чинників</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n подія</numerusform>
            <numerusform>%n події</numerusform>
            <numerusform>%n подій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
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
        <source>T&amp;itle:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Коли:</translation>
    </message>
    <message>
        <source>V&amp;enue:</source>
        <translation>&amp;Місце:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Порядок денний:</translation>
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
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примітка:</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
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
</context>
<context>
    <name>RecentDatabases</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Нещодавні</translation>
    </message>
</context>
<context>
    <name>ReportTitleFields</name>
    <message>
        <source>A handling marking, printed at the top and bottom of every page of the PDF and at the top of the HTML</source>
        <translation>Гриф поводження, що друкується вгорі й унизу кожної сторінки PDF і вгорі HTML</translation>
    </message>
</context>
<context>
    <name>RoundDetailPane</name>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Від’єднати</translation>
    </message>
    <message>
        <source>Remove the selected event&apos;s link to this round</source>
        <translation>Прибрати зв’язок вибраної події з цим раундом</translation>
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
        <source>Dependencies</source>
        <translation>Залежності</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Select a round to see its schedule, history and linked events.</source>
        <translation>Виберіть раунд, щоб побачити його розклад, історію й пов’язані події.</translation>
    </message>
</context>
<context>
    <name>RoundsView</name>
    <message>
        <source>Filter by title, track, venue, participant or status</source>
        <translation>Фільтр за назвою, треком, місцем, учасником чи статусом</translation>
    </message>
</context>
<context>
    <name>ScheduleChangeDialog</name>
    <message>
        <source>New &amp;Source…</source>
        <translation>Нове &amp;джерело…</translation>
    </message>
    <message>
        <source>&amp;Keep Round</source>
        <translation>&amp;Залишити раунд</translation>
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
        <source>&amp;Because of:</source>
        <translation>&amp;Через:</translation>
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
        <translation>напр. Kyiv Independent або особа, яка це сказала</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>e.g. 31 Jan 2026 (optional)</source>
        <translation>напр. 31 січ. 2026 (необов’язково)</translation>
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
        <source>When (venue zone)</source>
        <translation>Коли (пояс місця)</translation>
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
    <name>TimelineCanvas</name>
    <message>
        <source>Timeline of rounds, factors and battlefield events</source>
        <translation>Часова шкала раундів, чинників і бойових подій</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>What the events strip counts per bucket</source>
        <translation>Що смуга подій рахує в кожному проміжку</translation>
    </message>
    <message>
        <source>Strip shows:</source>
        <translation>Смуга показує:</translation>
    </message>
</context>
<context>
    <name>VenueFields</name>
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
</context>
<context>
    <name>VenuePicker</name>
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
</context>
<context>
    <name>WindowInput</name>
    <message>
        <source>e.g. the coming week · 5 Feb 2026 10:00 · Feb 2026</source>
        <translation>напр. the coming week · 5 Feb 2026 10:00 · Feb 2026</translation>
    </message>
    <message>
        <source>optional end: 18:00 or 7 Feb 2026</source>
        <translation>необов’язковий кінець: 18:00 або 7 Feb 2026</translation>
    </message>
    <message>
        <source>Da&amp;y first (03/02 is 3 Feb)</source>
        <translation>Спершу &amp;день (03/02 — це 3 лютого)</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>Часовий &amp;пояс</translation>
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
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
</context>
<context>
    <name>calendar_import</name>
    <message>
        <source>Calendar Imported</source>
        <translation>Календар імпортовано</translation>
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
        <source>New Database</source>
        <translation>Нова база даних</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Не вдається відкрити базу даних</translation>
    </message>
</context>
<context>
    <name>file_export</name>
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
        <source>Negotiation Tracker timeline</source>
        <translation>Часова шкала Трекера переговорів</translation>
    </message>
</context>
</TS>
