<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new, empty database file and open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Sa&amp;mple…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a sample scenario (2026, or the 2022 talks over UCDP events) in a database of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add battlefield events from an ACLED, UCDP or other CSV file (or drop the file on the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or update rounds from an iCalendar (.ics) file, matched by UID (undo takes the whole import back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Chronology…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the chronology to a CSV, JSON or Markdown file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the rounds as an iCalendar (.ics) file that calendars import and update when a round moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Timeline for the Web…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the rounds, changes, readings and linked events as a TimelineJS timeline: its data (.json) and a web page (.html) that shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Timeline for the Web (&amp;Offline)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same, with a copy of TimelineJS (its npm package) beside the page, which then loads nothing from the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the whole database (history, sources, links, events) to one JSON file that Import Archive loads losslessly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Ar&amp;chive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an archive into a new database file, then open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the open database to a file you choose, safely while it is in use (see the README for restoring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Round…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a round of talks to a track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Factor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an outside condition the schedule depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected round&apos;s title, format, modality, agenda or outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected round a new date or time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;locate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected round to another venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Postpone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postpone the selected round; its date becomes unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Round…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that the selected round was called off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Held…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that the selected round took place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lin&amp;k Events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link battlefield events to the selected round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected round (its history is kept; undo restores it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the rounds of talks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show rounds, factors and battlefield events on one time axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the outside factors the schedule depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show battlefield events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chronology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show everything in time order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count events before, during and after each round against a baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round &amp;Details Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the selected round&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;As of Date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the schedule as it was known on a past day (editing is off meanwhile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;Time Zone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the zone times are shown in beside the venue&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name your changes are recorded under (otherwise your computer login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who added, changed or deleted what, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to do the main jobs, with pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action that has a shortcut, menu by menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Negotiation Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version, licence and data credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt version this program uses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The last database could not be opened, so the default one was opened instead.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when Negotiation Tracker is next started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Negotiation Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relocated “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postponed “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked held “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {database}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {database}; it was upgraded, and a copy as it was is in {backup}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chronology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your unsaved input?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is empty. Load the sample scenario (talks announced for “the coming week”, the factors they depend on, and strikes on energy and transport) to explore the program?

File › Open Sample… opens it at any time in a file of its own, and the 2022 talks over real UCDP events too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample scenario loaded: {rounds}, {factors}, {events}, {links}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n round(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n factor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>That round was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “{title}” (its history is kept; {undo} undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record my changes under this name (leave empty for your computer login, “{login}”):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are recorded as “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are now also shown in {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Follow peace talks against battlefield events: rounds, the factors they depend on, linked events, and a sourced chronology.&lt;/p&gt;&lt;p&gt;Licence: MIT.&lt;/p&gt;&lt;p&gt;Data credits: the event taxonomy follows ACLED (Armed Conflict Location &amp;amp; Event Data, acleddata.com); UCDP data are © Uppsala Conflict Data Program. Imported datasets keep their own terms of use. The 2026 sample scenario is built from one news report, the 2022 one from public record, each fact cited in the program. The 2022 sample holds the UCDP events of 2022 (UCDP GED 22.1 and Candidate events, Uppsala Conflict Data Program, CC BY 4.0; Sundberg and Melander 2013, Journal of Peace Research 50(4)). Time zones: the IANA tz database. Icons: Lucide (ISC licence).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created factor “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source> (in its view)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key marked “in its view” works while the table that action belongs to has the focus, so the same key can act on another table&apos;s row elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys as this computer names them. {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
