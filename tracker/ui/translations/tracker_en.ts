<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fatalities: {dead} (no figure for %n event(s))</source>
        <translation>
            <numerusform>Fatalities: {dead} (no figure for %n event)</numerusform>
            <numerusform>Fatalities: {dead} (no figure for %n events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{when}: %n linked event(s)</source>
        <translation>
            <numerusform>{when}: %n linked event</numerusform>
            <numerusform>{when}: %n linked events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+ %n round(s) with no date</source>
        <translation>
            <numerusform>+ %n round with no date</numerusform>
            <numerusform>+ %n rounds with no date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n time(s)</source>
        <translation>
            <numerusform>Moved %n time</numerusform>
            <numerusform>Moved %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events · {killed} killed · {injured} injured</source>
        <translation>
            <numerusform>%n events · {killed} killed · {injured} injured</numerusform>
            <numerusform>%n events · {killed} killed · {injured} injured</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{category}: %n events, {killed} killed</source>
        <translation>
            <numerusform>{category}: %n events, {killed} killed</numerusform>
            <numerusform>{category}: %n events, {killed} killed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n round(s) to {path}</source>
        <translation>
            <numerusform>Exported %n round to {path}</numerusform>
            <numerusform>Exported %n rounds to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n bytes</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{encoding} · %n lines · {size}</source>
        <translation>
            <numerusform>{encoding} · %n lines · {size}</numerusform>
            <numerusform>{encoding} · %n lines · {size}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing {file}: {done} of %n events</source>
        <translation>
            <numerusform>Importing {file}: {done} of %n events</numerusform>
            <numerusform>Importing {file}: {done} of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message numerus="yes">
        <source>%n round(s) analysed</source>
        <translation>
            <numerusform>%n round analysed</numerusform>
            <numerusform>%n rounds analysed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schedule change(s) analysed</source>
        <translation>
            <numerusform>%n schedule change analysed</numerusform>
            <numerusform>%n schedule changes analysed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n factor reading(s) analysed</source>
        <translation>
            <numerusform>%n factor reading analysed</numerusform>
            <numerusform>%n factor readings analysed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChronologyExport</name>
    <message numerus="yes">
        <source>Exported %n chronology entries to {path}</source>
        <translation>
            <numerusform>Exported %n chronology entries to {path}</numerusform>
            <numerusform>Exported %n chronology entries to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChronologyView</name>
    <message numerus="yes">
        <source>%n entr(y|ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message numerus="yes">
        <source>The first %n rows as they would be imported:</source>
        <translation>
            <numerusform>The first %n rows as they would be imported:</numerusform>
            <numerusform>The first %n rows as they would be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventFilterBar</name>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n type</numerusform>
            <numerusform>%n types</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsTableModel</name>
    <message numerus="yes">
        <source>{when}: the dataset gives one record over these %n days, without saying which of them</source>
        <translation>
            <numerusform>{when}: the dataset gives one record over these %n days, without saying which of them</numerusform>
            <numerusform>{when}: the dataset gives one record over these %n days, without saying which of them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message numerus="yes">
        <source>{matching} of %n event(s)</source>
        <translation>
            <numerusform>{matching} of %n event</numerusform>
            <numerusform>{matching} of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkEventsDialog</name>
    <message numerus="yes">
        <source>Link %n event(s) to {target}</source>
        <translation>
            <numerusform>Link %n event to {target}</numerusform>
            <numerusform>Link %n events to {target}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) checked</source>
        <translation>
            <numerusform>%n event checked</numerusform>
            <numerusform>%n events checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n of the suggestions (is|are) already linked to this round</source>
        <translation>
            <numerusform>· %n of the suggestions is already linked to this round</numerusform>
            <numerusform>· %n of the suggestions are already linked to this round</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n of the suggestions (is|are) already linked to this factor</source>
        <translation>
            <numerusform>· %n of the suggestions is already linked to this factor</numerusform>
            <numerusform>· %n of the suggestions are already linked to this factor</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n rounds</source>
        <translation>
            <numerusform>%n rounds</numerusform>
            <numerusform>%n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n factors</source>
        <translation>
            <numerusform>%n factors</numerusform>
            <numerusform>%n factors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n events</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>%n links</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message numerus="yes">
        <source>%Ln event(s) in view</source>
        <translation>
            <numerusform>%Ln event in view</numerusform>
            <numerusform>%Ln events in view</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message numerus="yes">
        <source>%1 of %Ln pair(s)</source>
        <translation>
            <numerusform>%1 of %Ln pair</numerusform>
            <numerusform>%1 of %Ln pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s) proposed (%1 already decided) in %2 s</source>
        <translation>
            <numerusform>%Ln pair proposed (%1 already decided) in %2 s</numerusform>
            <numerusform>%Ln pairs proposed (%1 already decided) in %2 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RingControls</name>
    <message numerus="yes">
        <source>%Ln event(s) within %1 km of %2</source>
        <translation>
            <numerusform>%Ln event within %1 km of %2</numerusform>
            <numerusform>%Ln events within %1 km of %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundsView</name>
    <message numerus="yes">
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n round</numerusform>
            <numerusform>%n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n round(s)</source>
        <translation>
            <numerusform>{shown} of %n round</numerusform>
            <numerusform>{shown} of %n rounds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetReviewBar</name>
    <message numerus="yes">
        <source>%Ln event(s) looked at; the rules found a target in %1.</source>
        <translation>
            <numerusform>%Ln event looked at; the rules found a target in %1.</numerusform>
            <numerusform>%Ln events looked at; the rules found a target in %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
