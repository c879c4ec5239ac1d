<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
        <source>The first %n row(s) as they would be imported:</source>
        <translation>
            <numerusform>The first %n row as they would be imported:</numerusform>
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
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n round</numerusform>
            <numerusform>%n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n factor(s)</source>
        <translation>
            <numerusform>%n factor</numerusform>
            <numerusform>%n factors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
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
</TS>
